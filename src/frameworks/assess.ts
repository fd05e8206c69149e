// The engine: framework + evidence + as-of date in, assessment out (CONTRACTS.md §1). Pure: no I/O, no clock.

import { classify } from './classify.js';
import { evaluateCondition, type ConditionFacts, type JudgedDomain } from './conditions.js';
import { addDays, addMonths, compareDates, type IsoDate } from './dates.js';
import { overallScaleId } from './cross-references.js';
import { domainScale, scaleOf, type Framework, type Scale } from './definition.js';
import type { Evidence } from './evidence.js';
import { judgeGates, type GateCheck } from './gates.js';
import { renderNote, type Lang, type Note } from './messages.js';
import { nextEvaluation, type NextEvaluation } from './next-evaluation.js';
import {
  evidenceProblems,
  resolveEvidence,
  type DomainCandidate,
  type ResolvedEvidence,
} from './resolve.js';
import { actions, type Action } from './schema.js';
import { formatPath, type Problem } from './yaml-document.js';

export interface DomainAssessment {
  id: string;
  name: string;
  level: string | null;
  pre?: string | null;
  post?: string | null;
  evaluated: IsoDate | null;
  evaluation: string | null;
  source: 'results' | 'capabilities' | null;
  gating: boolean;
  basis: string[];
}

export interface GateAssessment {
  allowed: boolean;
  reasons: string[];
  checks: { rule: string; passed: boolean; reason: string; domain?: string }[];
}

export interface Assessment {
  framework: { id: string; version: string; name: string };
  model: string;
  as_of: IsoDate;
  domains: DomainAssessment[];
  overall: { level: string | null; pre?: string | null; post?: string | null; complete: boolean };
  gates: Record<Action, GateAssessment>;
  required_safeguards: {
    id: string;
    kind: 'safeguard' | 'security' | 'deployment';
    met: boolean;
    reason: string;
    required?: string;
    actual?: string | null;
    blocks: Action[];
    rules: string[];
  }[];
  next_evaluation: {
    due: boolean;
    due_date: IsoDate | null;
    due_at_effective_compute: number | null;
    latest_evaluation: IsoDate | null;
    reasons: string[];
    triggers: {
      id: string;
      kind: string;
      due: boolean;
      due_date?: IsoDate | null;
      due_at_effective_compute?: number | null;
    }[];
  };
  classification:
    ({ tier: string; answered: boolean; reasons: string[] } & Record<string, unknown>) | null;
  warnings: string[];
}

export interface AssessOptions {
  lang?: Lang;
  /** Set when the same evidence is judged under several frameworks (quieter about foreign ids). */
  comparing?: boolean;
}

/** Raised when evidence does not fit the framework; each problem names its field path. */
export class EvidenceMismatch extends Error {
  constructor(
    readonly framework: string,
    readonly problems: Problem[],
  ) {
    super(
      `evidence does not fit ${framework}: ${problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ')}`,
    );
  }
}

/**
 * Judges evidence (already parsed by evidenceSchema, e.g. through `parseEvidence`) under a framework.
 * Throws EvidenceMismatch when the evidence names domains, levels or values the framework lacks.
 */
export function assessFramework(
  framework: Framework,
  evidence: Evidence,
  asOf: IsoDate,
  options: AssessOptions = {},
): Assessment {
  const problems = evidenceProblems(framework, evidence);
  if (problems.length) throw new EvidenceMismatch(framework.definition.id, problems);
  const lang = options.lang ?? 'en';
  const render = (n: Note) => renderNote(n, lang);
  const def = framework.definition;

  const resolved = resolveEvidence(framework, evidence, asOf, options);
  const domains = judgeDomains(framework, resolved);
  const overall = overallLevels(framework, domains);
  const factsWithoutClass = { domains, overall, context: evidence.context };
  const classification = classify(def, factsWithoutClass);
  const facts: ConditionFacts = { ...factsWithoutClass, classification };
  const next = nextEvaluation({ def, evidence, evaluations: resolved.evaluations, asOf });
  const { checks, required } = judgeGates({
    framework,
    facts,
    resolved,
    stale: next.due,
    classified: classification ? classification.answered : null,
  });

  return {
    framework: { id: def.id, version: def.version, name: def.name },
    model: evidence.model.id,
    as_of: asOf,
    domains: [...domains.values()].map((d) => domainOutput(d, render)),
    overall: overallOutput(overall, domains),
    gates: Object.fromEntries(actions.map((a) => [a, gateOutput(checks[a], render)])) as Record<
      Action,
      GateAssessment
    >,
    required_safeguards: required.map(({ note, ...s }) => ({ ...s, reason: render(note) })),
    next_evaluation: {
      due: next.due,
      due_date: next.due_date,
      due_at_effective_compute: next.due_at_effective_compute,
      latest_evaluation: next.latest_evaluation,
      reasons: next.reasons.map(render),
      triggers: next.triggers.map(({ note: _note, ...t }) => t),
    },
    classification: classification && {
      tier: classification.tier,
      answered: classification.answered,
      ...classification.flags,
      reasons: classification.reasons.map(render),
    },
    warnings: warningNotes(framework, facts, resolved, required, next, asOf).map(render),
  };
}

function judgeDomains(framework: Framework, resolved: ResolvedEvidence): Map<string, JudgedDomain> {
  const judged = new Map<string, JudgedDomain>();
  for (const definition of framework.definition.domains) {
    const candidates = resolved.candidates.get(definition.id) ?? [];
    judged.set(definition.id, {
      definition,
      scale: domainScale(framework, definition),
      chosen: candidates.reduce<DomainCandidate | null>(
        (best, c) => (best && !preferred(c, best) ? best : c),
        null,
      ),
    });
  }
  return judged;
}

/**
 * The latest evaluation wins. On the same date, a result given for the domain wins over one read
 * through the crosswalk, and then the higher level wins: when evidence conflicts, assume the worse.
 */
function preferred(a: DomainCandidate, b: DomainCandidate): boolean {
  const byDate = compareDates(a.date, b.date);
  if (byDate !== 0) return byDate > 0;
  if (a.via !== b.via) return a.via === 'results';
  return a.level > b.level;
}

interface Overall {
  scale: Scale | null;
  level: number | null;
  pre: number | null;
  post: number | null;
}

function overallLevels(framework: Framework, domains: Map<string, JudgedDomain>): Overall {
  const def = framework.definition;
  const scaleId = overallScaleId(def);
  const scale = scaleId ? scaleOf(framework, scaleId) : null;
  const gating = [...domains.values()].filter((d) => d.definition.gating && d.chosen);
  if (!scale || gating.length === 0) return { scale, level: null, pre: null, post: null };
  const map = def.overall?.map ?? {};
  const onOverall = (d: JudgedDomain, rank: number) => {
    const mapped = map[d.definition.id]?.[d.scale.levels[rank]!.id];
    return mapped === undefined ? rank : scale.rank.get(mapped)!;
  };
  const max = (values: number[]) => (values.length ? Math.max(...values) : null);
  const prePost = gating.filter((d) => d.chosen!.pre !== undefined);
  return {
    scale,
    level: max(gating.map((d) => onOverall(d, d.chosen!.level))),
    pre: max(prePost.map((d) => onOverall(d, d.chosen!.pre!))),
    post: max(prePost.map((d) => onOverall(d, d.chosen!.post!))),
  };
}

function overallOutput(o: Overall, domains: Map<string, JudgedDomain>): Assessment['overall'] {
  const id = (rank: number | null) => (rank === null || !o.scale ? null : o.scale.levels[rank]!.id);
  const gating = [...domains.values()].filter((d) => d.definition.gating);
  const out: Assessment['overall'] = {
    level: id(o.level),
    complete: gating.every((d) => d.chosen),
  };
  if (gating.some((d) => d.definition.result === 'pre_post')) {
    out.pre = id(o.pre);
    out.post = id(o.post);
  }
  return out;
}

function domainOutput(d: JudgedDomain, render: (n: Note) => string): DomainAssessment {
  const c = d.chosen;
  const id = (rank: number | undefined) => (rank === undefined ? null : d.scale.levels[rank]!.id);
  const out: DomainAssessment = {
    id: d.definition.id,
    name: d.definition.name,
    level: c ? id(c.level) : null,
    evaluated: c ? c.date : null,
    evaluation: c ? c.label : null,
    source: c ? c.via : null,
    gating: d.definition.gating,
    basis: c ? c.basis.map(render) : [],
  };
  if (d.definition.result === 'pre_post') {
    return {
      id: out.id,
      name: out.name,
      level: out.level,
      pre: c ? id(c.pre) : null,
      post: c ? id(c.post) : null,
      ...rest(out),
    };
  }
  return out;
}

function rest(d: DomainAssessment) {
  const { evaluated, evaluation, source, gating, basis } = d;
  return { evaluated, evaluation, source, gating, basis };
}

function gateOutput(checks: GateCheck[], render: (n: Note) => string): GateAssessment {
  const allowed = checks.every((c) => c.passed);
  const rendered = checks.map((c) => ({
    rule: c.rule,
    passed: c.passed,
    reason: render(c.note),
    ...(c.domain ? { domain: c.domain } : {}),
  }));
  const reasons = rendered.filter((c) => c.passed === allowed).map((c) => c.reason);
  return { allowed, reasons, checks: rendered };
}

function warningNotes(
  framework: Framework,
  facts: ConditionFacts,
  resolved: ResolvedEvidence,
  required: ReturnType<typeof judgeGates>['required'],
  next: NextEvaluation,
  asOf: IsoDate,
): Note[] {
  const notes: Note[] = [...resolved.notes];
  for (const w of framework.definition.warnings) {
    const result = evaluateCondition(w.when, facts);
    if (!result.holds) continue;
    notes.push({
      key: 'warning.rule',
      params: { rule: w.id, message: w.message, message_ko: w.message_ko ?? w.message },
      because: result.because,
    });
  }
  for (const s of required) {
    if (!s.met && s.blocks.length === 0)
      notes.push({ key: 'warning.advisory', params: {}, because: [s.note] });
  }
  const firstDue = next.triggers.find((t) => t.due);
  if (firstDue) notes.push({ key: 'warning.due', params: {}, because: [firstDue.note] });
  for (const d of facts.domains.values()) {
    const c = d.chosen;
    if (!c) continue;
    for (const b of c.basis) if (b.key === 'evidence.metric_disagrees') notes.push(b);
    if (c.pre !== undefined && c.post !== undefined && c.post > c.pre) {
      notes.push({
        key: 'warning.post_above_pre',
        params: {
          domain: d.definition.id,
          pre: d.scale.levels[c.pre]!.id,
          post: d.scale.levels[c.post]!.id,
          evaluation: c.label,
        },
      });
    }
  }
  notes.push(...staleDomainNotes(framework, facts, next, asOf));
  return notes;
}

/** A domain whose own evidence is older than the framework's calendar cycle, while others are newer. */
function staleDomainNotes(
  framework: Framework,
  facts: ConditionFacts,
  next: NextEvaluation,
  asOf: IsoDate,
): Note[] {
  if (next.due) return [];
  const notes: Note[] = [];
  for (const t of framework.definition.triggers) {
    if (t.months === undefined && t.days === undefined) continue;
    for (const d of facts.domains.values()) {
      if (!d.chosen || !d.definition.gating) continue;
      const due =
        t.months !== undefined
          ? addMonths(d.chosen.date, t.months)
          : addDays(d.chosen.date, t.days!);
      if (compareDates(asOf, due) >= 0) {
        notes.push({
          key: 'warning.stale_domain',
          params: { domain: d.definition.id, date: d.chosen.date, due_date: due, rule: t.id },
        });
      }
    }
  }
  return notes;
}
