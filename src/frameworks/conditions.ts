// Evaluates a rule's `when` condition against the judged domains, context and classification.

import { contextValue } from './context.js';
import type { Scale } from './definition.js';
import type { DomainDefinition, Condition, ContextTest } from './schema.js';
import type { DomainCandidate } from './resolve.js';
import type { Note } from './messages.js';

export interface JudgedDomain {
  definition: DomainDefinition;
  scale: Scale;
  /** The result the engine uses: the latest evaluation of this domain, or null when never evaluated. */
  chosen: DomainCandidate | null;
}

export interface ConditionFacts {
  domains: ReadonlyMap<string, JudgedDomain>;
  overall: { scale: Scale | null; level: number | null; pre: number | null; post: number | null };
  context: Record<string, unknown>;
  classification: {
    tier: string;
    answered: boolean;
    tiers: string[];
    flags: Record<string, boolean>;
  } | null;
}

export interface ConditionResult {
  holds: boolean;
  /** What made it hold, for the reason text: which domain at which level from which evaluation. */
  because: Note[];
}

type LevelField = 'level' | 'pre' | 'post';
interface LevelTest {
  at_least?: string;
  at_most?: string;
  equals?: string;
}

function testRank(rank: number, scale: Scale, test: LevelTest): boolean {
  if (test.at_least !== undefined) return rank >= scale.rank.get(test.at_least)!;
  if (test.at_most !== undefined) return rank <= scale.rank.get(test.at_most)!;
  return rank === scale.rank.get(test.equals!)!;
}

export function fieldRank(candidate: DomainCandidate, field: LevelField): number {
  return (field === 'level' ? candidate.level : candidate[field]) ?? candidate.level;
}

const held = (because: Note[]): ConditionResult => ({ holds: true, because });
const notHeld: ConditionResult = { holds: false, because: [] };

export function evaluateCondition(c: Condition, facts: ConditionFacts): ConditionResult {
  if (c.always) return held([]);
  if (c.domain) return domainCondition(c.domain, facts);
  if (c.overall) {
    const { scale } = facts.overall;
    const rank = facts.overall[c.overall.field];
    if (!scale || rank === null || !testRank(rank, scale, c.overall)) return notHeld;
    return held([
      { key: `why.overall.${c.overall.field}`, params: { level: scale.levels[rank]!.id } },
    ]);
  }
  if (c.context) return contextCondition(c.context, facts.context);
  if (c.classification) return classificationCondition(c.classification, facts);
  if (c.all) {
    const results = c.all.map((x) => evaluateCondition(x, facts));
    return results.every((r) => r.holds) ? held(results.flatMap((r) => r.because)) : notHeld;
  }
  if (c.any) {
    const results = c.any.map((x) => evaluateCondition(x, facts)).filter((r) => r.holds);
    return results.length ? held(results.flatMap((r) => r.because)) : notHeld;
  }
  if (c.not) return evaluateCondition(c.not, facts).holds ? notHeld : held([]);
  throw new Error('a condition with no test reached the engine');
}

function domainCondition(
  test: NonNullable<Condition['domain']>,
  facts: ConditionFacts,
): ConditionResult {
  const because: Note[] = [];
  const ids = test.domains ?? [...facts.domains.keys()];
  for (const id of ids) {
    const judged = facts.domains.get(id);
    if (!judged?.chosen) continue;
    const rank = fieldRank(judged.chosen, test.field);
    if (testRank(rank, judged.scale, test)) {
      because.push({
        key: `why.domain.${test.field}`,
        params: {
          domain: id,
          level: judged.scale.levels[rank]!.id,
          evaluation: judged.chosen.label,
        },
      });
    }
  }
  return because.length ? held(because) : notHeld;
}

function contextCondition(test: ContextTest, context: Record<string, unknown>): ConditionResult {
  const value = contextValue(context, test.path);
  const present = value !== undefined && value !== null;
  let holds: boolean;
  if (test.present !== undefined) holds = present === test.present;
  else if (test.nonempty !== undefined) {
    const nonempty = Array.isArray(value) ? value.length > 0 : present && value !== '';
    holds = nonempty === test.nonempty;
  } else if (test.equals !== undefined) holds = value === test.equals;
  else if (test.in !== undefined) holds = test.in.includes(value as string);
  else if (typeof value !== 'number') holds = false;
  else if (test.at_least !== undefined) holds = value >= test.at_least;
  else holds = value > test.greater_than!;
  if (!holds) return notHeld;
  return held([{ key: 'why.context', params: { path: test.path, value: showValue(value) } }]);
}

export function showValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number') return value.toExponential(2).replace('e+', 'e');
  return String(value);
}

function classificationCondition(
  test: NonNullable<Condition['classification']>,
  facts: ConditionFacts,
): ConditionResult {
  const cls = facts.classification;
  if (!cls || !cls.answered) return notHeld;
  let holds: boolean;
  if (test.flag) holds = cls.flags[test.flag] === true;
  else if (test.tier) holds = cls.tier === test.tier;
  else holds = cls.tiers.indexOf(cls.tier) >= cls.tiers.indexOf(test.tier_at_least!);
  if (!holds) return notHeld;
  return held([
    test.flag
      ? { key: 'why.flag', params: { flag: test.flag } }
      : { key: 'why.tier', params: { tier: cls.tier } },
  ]);
}
