// What a decision rests on: the evidence its framework reads, fingerprinted, and the roles approved.

import type { Assessment } from '../frameworks/assess.js';
import type { IsoDate } from '../frameworks/dates.js';
import type { Evidence } from '../frameworks/evidence.js';
import { canonicalJson, sha256 } from '../store/canonical-json.js';
import type { ApprovalsTable } from '../store/schema.js';
import type { RegistryContext } from './context.js';
import { fitEvidence } from './evidence-scope.js';
import { resolveFramework, type ResolvedFramework } from './framework-store.js';
import { modelEvidence } from './record-evidence.js';
import { judge } from './scorecards.js';

export interface Current {
  resolved: ResolvedFramework;
  evidence: Evidence;
  assessment: Assessment;
  fingerprint: string;
}

/**
 * The evidence a decision rests on: what its framework reads (its own results and safeguards, the
 * common vocabulary when it has a crosswalk, events, context, the model's compute) and the framework
 * text. A change to any of it voids the approvals given before.
 */
export function fingerprint(recorded: Evidence, resolved: ResolvedFramework): string {
  const def = resolved.framework.definition;
  const evidence = fitEvidence(resolved.framework, recorded);
  const crosswalk = def.crosswalk !== undefined;
  // fitEvidence kept only the unscoped results this framework reads; capabilities count with a crosswalk.
  const evaluations = evidence.evaluations.filter((e) =>
    e.framework === undefined
      ? Object.keys(e.results).length > 0 || (crosswalk && Object.keys(e.capabilities).length > 0)
      : e.framework === def.id,
  );
  const s = evidence.safeguards;
  const safeguards = {
    security: s.security ?? null,
    deployment: s.deployment ?? null,
    implemented: s.implemented,
    own: s.by_framework[def.id] ?? null,
    common: crosswalk ? (s.common ?? null) : null,
  };
  const basis = {
    model: evidence.model,
    evaluations,
    safeguards,
    events: evidence.events,
    context: evidence.context,
  };
  return sha256(canonicalJson({ evidence: basis, framework: resolved.sha256 }));
}

export async function current(
  ctx: RegistryContext,
  modelId: string,
  framework: string,
  asOf: IsoDate,
): Promise<Current> {
  const resolved = await resolveFramework(ctx, framework);
  const evidence = await modelEvidence(ctx, modelId, asOf);
  return {
    resolved,
    evidence,
    assessment: judge(resolved, evidence, asOf),
    fingerprint: fingerprint(evidence, resolved),
  };
}

/** Which required roles the valid approvals fill, each by a different person. */
export function filled(
  required: string[],
  approvals: ApprovalsTable[],
  currentFingerprint: string | null,
) {
  const valid = approvals.filter(
    (a) =>
      a.verdict === 'approve' &&
      (currentFingerprint === null || a.fingerprint === currentFingerprint),
  );
  const awaiting = [...required];
  for (const a of valid) {
    const i = awaiting.indexOf(a.role ?? '');
    if (i >= 0) awaiting.splice(i, 1);
  }
  return { valid, awaiting };
}
