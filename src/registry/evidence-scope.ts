// Which framework recorded results belong to: named, implied by the model, or inferred from what fits.
//
// Results are kept under the framework they were written for. When the evidence does not say and
// the model does not imply one, the results go to the framework they fit; when they fit several,
// they are kept unscoped and each of those frameworks reads them. Results that fit none are refused.

import type { Framework } from '../frameworks/definition.js';
import { scaleOf } from '../frameworks/definition.js';
import type { Evaluation, Evidence } from '../frameworks/evidence.js';
import { evidenceProblems } from '../frameworks/resolve.js';
import type { Problem } from '../frameworks/yaml-document.js';
import type { RegistryContext } from './context.js';
import { knownFrameworkIds, resolveFramework } from './framework-store.js';
import type { Model } from './models.js';

/** A framework id no framework has: evaluations marked with it are skipped by evidenceProblems. */
const elsewhere = '\u0000elsewhere';

const noSafeguards: Evidence['safeguards'] = { implemented: [], by_framework: {} };

function fitsResults(framework: Framework, evidence: Evidence, e: Evaluation): boolean {
  const only: Evidence = {
    ...evidence,
    evaluations: [{ ...e, framework: undefined }],
    safeguards: noSafeguards,
    context: {},
  };
  return evidenceProblems(framework, only).length === 0;
}

function levelFits(
  framework: Framework,
  kind: 'security' | 'deployment',
  value: string | undefined,
): boolean {
  const sl = framework.definition.safeguard_levels[kind];
  if (value === undefined) return true;
  return sl !== undefined && scaleOf(framework, sl.scale).rank.has(value);
}

export interface Scoped {
  evidence: Evidence;
  /** The framework top-level security and deployment levels belong to, or null for every one they fit. */
  levelScope: string | null;
  problems: Problem[];
}

export async function scopeEvidence(
  ctx: RegistryContext,
  model: Model,
  evidence: Evidence,
  explicit?: string,
): Promise<Scoped> {
  const implied = explicit
    ? (await resolveFramework(ctx, explicit)).id
    : model.frameworks.length === 1
      ? model.frameworks[0]!
      : null;
  const candidateIds = model.frameworks.length ? model.frameworks : await knownFrameworkIds(ctx);
  // Classification frameworks read no results, so they cannot be where results belong.
  const candidates = (
    await Promise.all(candidateIds.map(async (id) => (await resolveFramework(ctx, id)).framework))
  ).filter((f) => f.definition.domains.length > 0);
  const problems: Problem[] = [];

  const evaluations = evidence.evaluations.map((e, i) => {
    if (e.framework || Object.keys(e.results).length === 0) return e;
    if (implied) return { ...e, framework: implied };
    const fits = candidates.filter((f) => fitsResults(f, evidence, e));
    if (fits.length === 1) return { ...e, framework: fits[0]!.definition.id };
    if (fits.length === 0) {
      problems.push({
        path: ['evaluations', i, 'results'],
        message: `these results fit no framework of ${model.id} (${candidates.map((f) => f.definition.id).join(', ')}); name one with framework: ID or --framework`,
      });
    }
    return e;
  });

  let levelScope = implied;
  const { security, deployment } = evidence.safeguards;
  if (!implied && (security !== undefined || deployment !== undefined)) {
    const fits = candidates.filter(
      (f) => levelFits(f, 'security', security) && levelFits(f, 'deployment', deployment),
    );
    if (fits.length === 1) levelScope = fits[0]!.definition.id;
    if (fits.length === 0) {
      problems.push({
        path: ['safeguards'],
        message: `the security and deployment levels fit no framework of ${model.id}; put them under safeguards.by_framework.ID`,
      });
    }
  }
  return { evidence: { ...evidence, evaluations }, levelScope, problems };
}

/** Problems of the scoped evidence under every framework it names, with paths into the original file. */
export async function scopedProblems(
  ctx: RegistryContext,
  model: Model,
  scoped: Scoped,
): Promise<Problem[]> {
  const { evidence, levelScope } = scoped;
  const ids = new Set<string>(model.frameworks);
  for (const e of evidence.evaluations) if (e.framework) ids.add(e.framework);
  for (const id of Object.keys(evidence.safeguards.by_framework)) ids.add(id);
  if (levelScope) ids.add(levelScope);
  const problems: Problem[] = [...scoped.problems];
  for (const id of ids) {
    const { framework } = await resolveFramework(ctx, id);
    const view: Evidence = {
      ...evidence,
      evaluations: evidence.evaluations.map((e) =>
        e.framework === id ? e : { ...e, framework: elsewhere },
      ),
      safeguards:
        levelScope === id
          ? evidence.safeguards
          : { ...evidence.safeguards, security: undefined, deployment: undefined },
    };
    problems.push(
      ...evidenceProblems(framework, view).map((p) => ({ ...p, message: `${p.message} [${id}]` })),
    );
  }
  return problems;
}

/** The recorded evidence as one framework reads it: unscoped results and levels only where they fit. */
export function fitEvidence(framework: Framework, evidence: Evidence): Evidence {
  const evaluations = evidence.evaluations.filter(
    (e) =>
      e.framework !== undefined ||
      Object.keys(e.results).length === 0 ||
      fitsResults(framework, evidence, e),
  );
  const s = evidence.safeguards;
  const safeguards = {
    ...s,
    security: levelFits(framework, 'security', s.security) ? s.security : undefined,
    deployment: levelFits(framework, 'deployment', s.deployment) ? s.deployment : undefined,
  };
  return { ...evidence, evaluations, safeguards };
}
