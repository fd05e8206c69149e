// Reads evidence through one framework: checks ids and levels, applies the crosswalk and metric thresholds.

import { commonLevelCount } from './capabilities.js';
import { compareDates, type IsoDate } from './dates.js';
import { domainScale, scaleOf, type Framework, type Scale } from './definition.js';
import type { DomainResult, Evaluation, Evidence } from './evidence.js';
import { contextProblems } from './context.js';
import type { CapabilityMapping, DomainDefinition } from './schema.js';
import type { FieldPath, Problem } from './yaml-document.js';
import type { Note } from './messages.js';

/** One domain result from one evaluation, as ranks on the domain's scale. */
export interface DomainCandidate {
  evaluation: number;
  date: IsoDate;
  label: string;
  via: 'results' | 'capabilities';
  level: number;
  pre?: number;
  post?: number;
  /** How the level was read, when not given directly (a metric threshold, a common capability). */
  basis: Note[];
}

export interface ResolvedEvidence {
  model: Evidence['model'];
  /** Indexes into evidence.evaluations that speak to this framework and are dated on or before as_of. */
  evaluations: number[];
  candidates: Map<string, DomainCandidate[]>;
  security: string | null;
  deployment: string | null;
  implemented: Set<string>;
  notes: Note[];
}

export function evaluationLabel(e: Evaluation): string {
  return e.id ? `"${e.id}" of ${e.date}` : `of ${e.date}`;
}

/** Problems that make the evidence unusable under this framework (unknown domains, levels, values). */
export function evidenceProblems(framework: Framework, evidence: Evidence): Problem[] {
  const problems: Problem[] = [];
  const def = framework.definition;
  evidence.evaluations.forEach((e, i) => {
    // A classification framework reads context, not results: domain results are for other frameworks.
    if (def.domains.length === 0) return;
    if (e.framework !== undefined && e.framework !== def.id) return;
    for (const [domainId, result] of Object.entries(e.results)) {
      const path = ['evaluations', i, 'results', domainId];
      const domain = framework.domains.get(domainId);
      if (!domain) {
        const known = def.domains.map((d) => d.id).join(', ') || 'none';
        problems.push({
          path,
          message: `${def.id} has no domain "${domainId}" (its domains: ${known})${
            e.framework
              ? ''
              : '; to keep results for another framework, add framework: ID to the evaluation'
          }`,
        });
        continue;
      }
      problems.push(...resultProblems(framework, domain, result, path));
    }
  });
  for (const [kind, value] of safeguardLevelsGiven(evidence, def.id)) {
    const sl = def.safeguard_levels[kind.field];
    if (!sl) continue;
    const scale = scaleOf(framework, sl.scale);
    if (!scale.rank.has(value)) {
      problems.push({
        path: kind.path,
        message: `"${value}" is not a ${kind.field} level of ${def.id} (levels: ${ids(scale)})`,
      });
    }
  }
  problems.push(...contextProblems(def.context, evidence.context));
  return problems;
}

function safeguardLevelsGiven(evidence: Evidence, frameworkId: string) {
  const out: [{ field: 'security' | 'deployment'; path: FieldPath }, string][] = [];
  const scoped = evidence.safeguards.by_framework[frameworkId];
  for (const field of ['security', 'deployment'] as const) {
    const top = evidence.safeguards[field];
    if (top !== undefined) out.push([{ field, path: ['safeguards', field] }, top]);
    const own = scoped?.[field];
    if (own !== undefined) {
      out.push([{ field, path: ['safeguards', 'by_framework', frameworkId, field] }, own]);
    }
  }
  return out;
}

function ids(scale: Scale) {
  return scale.levels.map((l) => l.id).join(', ');
}

function resultProblems(
  framework: Framework,
  domain: DomainDefinition,
  result: DomainResult,
  path: FieldPath,
): Problem[] {
  const problems: Problem[] = [];
  const scale = domainScale(framework, domain);
  const checkLevel = (field: 'level' | 'pre' | 'post') => {
    const value = result[field];
    if (value !== undefined && !scale.rank.has(value)) {
      problems.push({
        path: [...path, field],
        message: `"${value}" is not a level of ${domain.id} in ${framework.definition.id} (levels: ${ids(scale)})`,
      });
    }
  };
  const knownMetric = (m: Record<string, number> | undefined) =>
    Object.keys(m ?? {}).some((k) => domain.metrics.some((t) => t.metric === k));
  const metricHint = domain.metrics.length
    ? ` or metrics (${[...new Set(domain.metrics.map((m) => m.metric))].join(', ')})`
    : '';
  if (domain.result === 'pre_post') {
    if (result.level !== undefined) {
      problems.push({
        path: [...path, 'level'],
        message: `${domain.id} is scored before and after mitigation in ${framework.definition.id}: give pre and post, not level`,
      });
    }
    if (result.pre === undefined && !knownMetric(result.metrics)) {
      problems.push({ path, message: `give pre (the pre-mitigation level)${metricHint}` });
    }
    if (result.post === undefined && !knownMetric(result.post_metrics)) {
      problems.push({ path, message: `give post (the post-mitigation level)` });
    }
    checkLevel('pre');
    checkLevel('post');
  } else {
    for (const field of ['pre', 'post'] as const) {
      if (result[field] !== undefined) {
        problems.push({
          path: [...path, field],
          message: `${domain.id} has one level in ${framework.definition.id}: give level, not pre/post`,
        });
      }
    }
    if (result.level === undefined && !knownMetric(result.metrics)) {
      problems.push({ path, message: `give level${metricHint}` });
    }
    checkLevel('level');
  }
  return problems;
}

/** Builds what the engine judges from: per-domain candidates and the safeguards in place. */
export interface ResolveOptions {
  /** Judging under several frameworks at once: ids meant for the others are not worth a warning. */
  comparing?: boolean;
}

export function resolveEvidence(
  framework: Framework,
  evidence: Evidence,
  asOf: IsoDate,
  options: ResolveOptions = {},
): ResolvedEvidence {
  const def = framework.definition;
  const notes: Note[] = [];
  const candidates = new Map<string, DomainCandidate[]>(def.domains.map((d) => [d.id, []]));
  const applicable: number[] = [];
  let future = 0;
  let otherFramework = 0;
  let ignoredCapabilities = 0;

  evidence.evaluations.forEach((e, i) => {
    if (def.domains.length === 0) return;
    if (e.framework !== undefined && e.framework !== def.id) return void otherFramework++;
    if (compareDates(e.date as IsoDate, asOf) > 0) return void future++;
    const before = countCandidates(candidates);
    for (const [domainId, result] of Object.entries(e.results)) {
      const domain = framework.domains.get(domainId)!;
      candidates.get(domainId)!.push(fromResult(framework, domain, result, e, i));
    }
    const hasCapabilities = Object.keys(e.capabilities).length > 0;
    if (hasCapabilities && def.crosswalk) {
      for (const c of fromCapabilities(framework, e, i))
        candidates.get(c.domain)!.push(c.candidate);
    } else if (hasCapabilities && def.domains.length > 0) ignoredCapabilities++;
    if (countCandidates(candidates) > before) applicable.push(i);
  });

  if (future) notes.push({ key: 'evidence.future', params: { count: future, as_of: asOf } });
  if (otherFramework)
    notes.push({ key: 'evidence.other_framework', params: { count: otherFramework } });
  if (ignoredCapabilities) {
    notes.push({
      key: 'evidence.no_crosswalk',
      params: { count: ignoredCapabilities, framework: def.id },
    });
  }
  const safeguards = resolveSafeguards(framework, evidence, options.comparing ? [] : notes);
  return { model: evidence.model, evaluations: applicable, candidates, ...safeguards, notes };
}

function countCandidates(candidates: Map<string, DomainCandidate[]>) {
  let n = 0;
  for (const list of candidates.values()) n += list.length;
  return n;
}

function fromResult(
  framework: Framework,
  domain: DomainDefinition,
  result: DomainResult,
  e: Evaluation,
  index: number,
): DomainCandidate {
  const scale = domainScale(framework, domain);
  const basis: Note[] = [];
  const read = (given: string | undefined, metrics: Record<string, number> | undefined) => {
    const fromMetrics = levelFromMetrics(domain, scale, metrics);
    const direct = given === undefined ? undefined : scale.rank.get(given)!;
    if (fromMetrics) basis.push(fromMetrics.note);
    if (direct !== undefined && fromMetrics && fromMetrics.rank !== direct) {
      basis.push({
        key: 'evidence.metric_disagrees',
        params: { domain: domain.id, given: given!, derived: scale.levels[fromMetrics.rank]!.id },
      });
    }
    return Math.max(direct ?? -1, fromMetrics?.rank ?? -1);
  };
  const base = {
    evaluation: index,
    date: e.date as IsoDate,
    label: evaluationLabel(e),
    via: 'results' as const,
    basis,
  };
  if (domain.result === 'pre_post') {
    const pre = read(result.pre, result.metrics);
    const post = read(result.post, result.post_metrics);
    return { ...base, pre, post, level: Math.max(pre, post) };
  }
  return { ...base, level: read(result.level, result.metrics) };
}

/** The highest level whose metric threshold the results meet; the lowest level when none is met. */
function levelFromMetrics(
  domain: DomainDefinition,
  scale: Scale,
  metrics: Record<string, number> | undefined,
): { rank: number; note: Note } | undefined {
  if (!metrics) return undefined;
  const relevant = domain.metrics.filter((t) => metrics[t.metric] !== undefined);
  if (relevant.length === 0) return undefined;
  let best: { rank: number; note: Note } = {
    rank: 0,
    note: {
      key: 'evidence.metric_below',
      params: { domain: domain.id, level: scale.levels[0]!.id },
    },
  };
  for (const t of relevant) {
    const value = metrics[t.metric]!;
    const met = t.at_least !== undefined ? value >= t.at_least : value > t.greater_than!;
    const rank = scale.rank.get(t.level)!;
    if (met && rank >= best.rank) {
      const op = t.at_least !== undefined ? '>=' : '>';
      const limit = t.at_least ?? t.greater_than!;
      best = {
        rank,
        note: {
          key: 'evidence.metric_met',
          params: { domain: domain.id, metric: t.metric, value, op, limit, level: t.level },
        },
      };
    }
  }
  return best;
}

function fromCapabilities(framework: Framework, e: Evaluation, index: number) {
  const crosswalk = framework.definition.crosswalk!;
  const out: { domain: string; candidate: DomainCandidate }[] = [];
  for (const [cap, given] of Object.entries(e.capabilities)) {
    const mapping = crosswalk.capabilities[cap as keyof typeof crosswalk.capabilities];
    if (!mapping || given === undefined) continue;
    const pre = typeof given === 'number' ? given : given.pre;
    // A common result without a post-mitigation level claims no mitigation: post is pre.
    const post = typeof given === 'number' ? given : (given.post ?? given.pre);
    for (const m of Array.isArray(mapping) ? mapping : [mapping]) {
      out.push({
        domain: m.domain,
        candidate: crosswalkCandidate(framework, m, cap, pre, post, e, index),
      });
    }
  }
  return out;
}

function crosswalkCandidate(
  framework: Framework,
  m: CapabilityMapping,
  cap: string,
  pre: number,
  post: number,
  e: Evaluation,
  index: number,
): DomainCandidate {
  const domain = framework.domains.get(m.domain)!;
  const scale = domainScale(framework, domain);
  const rank = (common: number) =>
    scale.rank.get(m.levels[Math.min(common, commonLevelCount - 1)]!)!;
  // Single-level frameworks judge the underlying capability (pre) unless the crosswalk says they
  // judge the risk left after mitigation (post).
  const single = m.use === 'post' ? post : pre;
  const note = (field: string, common: number): Note => ({
    key: 'evidence.crosswalk',
    params: { capability: cap, field, common, domain: m.domain, level: m.levels[common]! },
  });
  const base = {
    evaluation: index,
    date: e.date as IsoDate,
    label: evaluationLabel(e),
    via: 'capabilities' as const,
  };
  if (domain.result === 'pre_post') {
    const basis = [note('pre', pre), note('post', post)];
    return {
      ...base,
      basis,
      pre: rank(pre),
      post: rank(post),
      level: Math.max(rank(pre), rank(post)),
    };
  }
  return { ...base, basis: [note(m.use, single)], level: rank(single) };
}

function resolveSafeguards(framework: Framework, evidence: Evidence, notes: Note[]) {
  const def = framework.definition;
  const given = evidence.safeguards;
  const scoped = given.by_framework[def.id];
  const cw = def.crosswalk;
  const level = (field: 'security' | 'deployment'): string | null => {
    const explicit = scoped?.[field] ?? given[field];
    if (!def.safeguard_levels[field]) {
      if (explicit !== undefined) {
        notes.push({ key: 'evidence.no_scale', params: { field, framework: def.id } });
      }
      return null;
    }
    if (explicit !== undefined) return explicit;
    const common = given.common?.[field];
    const mapped = common === undefined ? undefined : cw?.[field]?.[common];
    return mapped ?? null;
  };
  const implemented = new Set([...given.implemented, ...(scoped?.implemented ?? [])]);
  const declared = new Set(def.safeguards.map((s) => s.id));
  const unknown = [...implemented].filter((s) => !declared.has(s));
  if (unknown.length) {
    notes.push({
      key: 'evidence.unknown_safeguards',
      params: { ids: unknown.join(', '), framework: def.id },
    });
  }
  for (const [id, commons] of Object.entries(cw?.safeguards ?? {})) {
    if (commons.some((c) => given.common?.implemented.includes(c))) implemented.add(id);
  }
  return { security: level('security'), deployment: level('deployment'), implemented };
}
