// One model judged under several frameworks at once: the gates side by side, and where they disagree.

import { assessFramework, type Assessment } from './assess.js';
import { capabilityIds, type CapabilityId } from './capabilities.js';
import { compareDates, type IsoDate } from './dates.js';
import type { Framework } from './definition.js';
import type { Evidence } from './evidence.js';
import type { Lang } from './messages.js';
import { actions, type Action } from './schema.js';

export interface CapabilityReading {
  capability: CapabilityId;
  pre: number;
  post: number;
  date: IsoDate;
  /** Where each framework's crosswalk puts this capability; absent when it does not map it. */
  readings: {
    framework: string;
    domain: string;
    level: string;
    post_level?: string;
    gating: boolean;
  }[];
}

export interface Comparison {
  model: string;
  as_of: IsoDate;
  frameworks: {
    id: string;
    version: string;
    name: string;
    kind: string;
    overall: Assessment['overall'];
    classification: string | null;
    /** False when the classification is the default only because the questions were not answered. */
    classification_answered: boolean | null;
    develop: boolean;
    deploy: boolean;
    next_evaluation_due: boolean;
  }[];
  gates: Record<Action, { allowed: string[]; blocked: string[]; agree: boolean }>;
  disagreements: {
    action: Action;
    allowed_by: string[];
    blocked_by: { framework: string; reasons: string[] }[];
  }[];
  capabilities: CapabilityReading[];
  assessments: Assessment[];
}

export function compareFrameworks(
  frameworks: Framework[],
  evidence: Evidence,
  asOf: IsoDate,
  options: { lang?: Lang } = {},
): Comparison {
  const assessments = frameworks.map((f) =>
    assessFramework(f, evidence, asOf, { ...options, comparing: true }),
  );
  const gates = Object.fromEntries(
    actions.map((action) => {
      const allowed = assessments.filter((a) => a.gates[action].allowed).map((a) => a.framework.id);
      const blocked = assessments
        .filter((a) => !a.gates[action].allowed)
        .map((a) => a.framework.id);
      return [action, { allowed, blocked, agree: allowed.length === 0 || blocked.length === 0 }];
    }),
  ) as Comparison['gates'];
  return {
    model: evidence.model.id,
    as_of: asOf,
    frameworks: assessments.map((a, i) => ({
      id: a.framework.id,
      version: a.framework.version,
      name: a.framework.name,
      kind: frameworks[i]!.definition.kind,
      overall: a.overall,
      classification: a.classification?.tier ?? null,
      classification_answered: a.classification?.answered ?? null,
      develop: a.gates.develop.allowed,
      deploy: a.gates.deploy.allowed,
      next_evaluation_due: a.next_evaluation.due,
    })),
    gates,
    disagreements: actions
      .filter((action) => !gates[action].agree)
      .map((action) => ({
        action,
        allowed_by: gates[action].allowed,
        blocked_by: assessments
          .filter((a) => !a.gates[action].allowed)
          .map((a) => ({ framework: a.framework.id, reasons: a.gates[action].reasons })),
      })),
    capabilities: capabilityReadings(frameworks, evidence, asOf),
    assessments,
  };
}

/** The latest common level of each capability, and the domain level each crosswalk turns it into. */
function capabilityReadings(
  frameworks: Framework[],
  evidence: Evidence,
  asOf: IsoDate,
): CapabilityReading[] {
  const readings: CapabilityReading[] = [];
  for (const capability of capabilityIds) {
    const latest = evidence.evaluations
      .filter(
        (e) =>
          e.capabilities[capability] !== undefined && compareDates(e.date as IsoDate, asOf) <= 0,
      )
      .sort((a, b) => compareDates(a.date as IsoDate, b.date as IsoDate))
      .pop();
    if (!latest) continue;
    const given = latest.capabilities[capability]!;
    const pre = typeof given === 'number' ? given : given.pre;
    const post = typeof given === 'number' ? given : (given.post ?? given.pre);
    const reading: CapabilityReading = {
      capability,
      pre,
      post,
      date: latest.date as IsoDate,
      readings: [],
    };
    for (const f of frameworks) {
      const mapping = f.definition.crosswalk?.capabilities[capability];
      for (const m of mapping ? (Array.isArray(mapping) ? mapping : [mapping]) : []) {
        const domain = f.domains.get(m.domain)!;
        const base = { framework: f.definition.id, domain: m.domain, gating: domain.gating };
        if (domain.result === 'pre_post') {
          reading.readings.push({ ...base, level: m.levels[pre]!, post_level: m.levels[post]! });
        } else {
          reading.readings.push({ ...base, level: m.levels[m.use === 'post' ? post : pre]! });
        }
      }
    }
    readings.push(reading);
  }
  return readings;
}
