// Classification frameworks (EU AI Act, Korea's AI Basic Act): the highest tier whose rule holds, and flags.

import { contextPresent } from './context.js';
import { evaluateCondition, type ConditionFacts } from './conditions.js';
import type { FrameworkDefinition } from './schema.js';
import type { Note } from './messages.js';

export interface ClassificationResult {
  tier: string;
  /** False when the evidence does not answer the framework's questions at all (context absent). */
  answered: boolean;
  tiers: string[];
  flags: Record<string, boolean>;
  reasons: Note[];
}

export function classify(
  def: FrameworkDefinition,
  facts: Omit<ConditionFacts, 'classification'>,
): ClassificationResult | null {
  const cls = def.classification;
  if (!cls) return null;
  const flags = Object.fromEntries(cls.flags.map((f) => [f.id, false]));
  // Unanswered, no rule can hold and the tier is the default; the gates still refuse to rely on it.
  const answered = contextPresent(facts.context, cls.requires);
  const conditionFacts = { ...facts, classification: null };
  const reasons: Note[] = answered
    ? []
    : [{ key: 'classification.missing', params: { path: cls.requires, tier: cls.default } }];
  let tier = cls.default;
  for (const rule of cls.rules) {
    const result = evaluateCondition(rule.when, conditionFacts);
    if (!result.holds) continue;
    reasons.push({
      key: 'classification.rule',
      params: { tier: rule.tier, source: rule.source ? `[${rule.source}]` : '' },
      because: result.because,
    });
    if (cls.tiers.indexOf(rule.tier) > cls.tiers.indexOf(tier)) tier = rule.tier;
  }
  if (answered && reasons.length === 0) {
    reasons.push({ key: 'classification.default', params: { tier: cls.default } });
  }
  for (const flag of cls.flags) {
    const result = evaluateCondition(flag.when, conditionFacts);
    flags[flag.id] = result.holds;
    if (result.holds) {
      reasons.push({
        key: 'classification.flag',
        params: { flag: flag.id, source: flag.source ? `[${flag.source}]` : '' },
        because: result.because,
      });
    }
  }
  // Reasons for the winning tier first: they are the ones a reader looks for.
  reasons.sort((a, b) => Number(b.params.tier === tier) - Number(a.params.tier === tier));
  return { tier, answered, tiers: cls.tiers, flags, reasons };
}
