// The engine on the record: a model's scorecard under its frameworks, and what is due for evaluation.

import { AnjeonError } from '../errors.js';
import { assessFramework, EvidenceMismatch, type Assessment } from '../frameworks/assess.js';
import type { IsoDate } from '../frameworks/dates.js';
import type { Evidence } from '../frameworks/evidence.js';
import type { Lang } from '../frameworks/messages.js';
import { formatPath } from '../frameworks/yaml-document.js';
import type { RegistryContext } from './context.js';
import { fitEvidence } from './evidence-scope.js';
import { resolveFramework, type ResolvedFramework } from './framework-store.js';
import { getModel } from './models.js';
import { allModelEvidence, modelEvidence } from './record-evidence.js';

export interface ScorecardOptions {
  framework?: string;
  asOf: IsoDate;
  lang?: Lang;
}

/** The frameworks a scorecard is computed under: the one asked for, else every framework of the model. */
export async function frameworksOf(
  ctx: RegistryContext,
  modelId: string,
  ref?: string,
): Promise<ResolvedFramework[]> {
  if (ref) return [await resolveFramework(ctx, ref)];
  const model = await getModel(ctx, modelId);
  if (model.frameworks.length === 0) {
    throw new AnjeonError(
      'usage',
      `no framework applies to ${modelId} yet`,
      `add one: anjeon model frameworks ${modelId} ID, or pass --framework ID`,
    );
  }
  return Promise.all(model.frameworks.map((f) => resolveFramework(ctx, f)));
}

export function judge(
  resolved: ResolvedFramework,
  evidence: Evidence,
  asOf: IsoDate,
  lang?: Lang,
): Assessment {
  try {
    return assessFramework(resolved.framework, fitEvidence(resolved.framework, evidence), asOf, {
      lang,
      comparing: true,
    });
  } catch (error) {
    if (!(error instanceof EvidenceMismatch)) throw error;
    // Recorded evidence was checked against the model's frameworks; a framework added or changed
    // since may not read it.
    throw new AnjeonError(
      'input',
      `the recorded evidence of ${evidence.model.id} does not fit ${resolved.id}`,
      'record results for this framework with: anjeon eval record MODEL --framework ID --evidence FILE',
      error.problems.map((p) => `${formatPath(p.path)}: ${p.message}`),
    );
  }
}

export async function scorecards(ctx: RegistryContext, modelId: string, options: ScorecardOptions) {
  const frameworks = await frameworksOf(ctx, modelId, options.framework);
  const evidence = await modelEvidence(ctx, modelId, options.asOf);
  return frameworks.map((f) => ({
    framework: f,
    assessment: judge(f, evidence, options.asOf, options.lang),
  }));
}

export interface DueEntry {
  model: string;
  framework: string;
  due: boolean;
  due_date: IsoDate | null;
  due_at_effective_compute: number | null;
  latest_evaluation: IsoDate | null;
  reasons: string[];
}

/** Every model under every framework that applies to it, due ones first, then by due date. */
export async function dueEvaluations(
  ctx: RegistryContext,
  asOf: IsoDate,
  lang?: Lang,
): Promise<DueEntry[]> {
  const evidence = await allModelEvidence(ctx, asOf);
  const links = await ctx.store.db
    .selectFrom('model_frameworks')
    .select(['model_id', 'framework_id'])
    .orderBy('model_id')
    .orderBy('framework_id')
    .execute();
  const frameworks = new Map<string, ResolvedFramework>();
  const entries: DueEntry[] = [];
  for (const link of links) {
    if (!frameworks.has(link.framework_id))
      frameworks.set(link.framework_id, await resolveFramework(ctx, link.framework_id));
    const resolved = frameworks.get(link.framework_id)!;
    // Classification frameworks set no evaluation schedule.
    if (resolved.framework.definition.domains.length === 0) continue;
    const n = judge(resolved, evidence.get(link.model_id)!, asOf, lang).next_evaluation;
    entries.push({
      model: link.model_id,
      framework: link.framework_id,
      due: n.due,
      due_date: n.due_date,
      due_at_effective_compute: n.due_at_effective_compute,
      latest_evaluation: n.latest_evaluation,
      reasons: n.reasons,
    });
  }
  return entries.sort(soonestFirst);
}

function soonestFirst(a: DueEntry, b: DueEntry): number {
  if (a.due !== b.due) return a.due ? -1 : 1;
  const da = a.due_date ?? '9999-12-31';
  const db = b.due_date ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.model === b.model
    ? a.framework.localeCompare(b.framework)
    : a.model.localeCompare(b.model);
}
