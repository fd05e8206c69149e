// Models, their versions (checkpoints with effective compute), and the frameworks that apply to them.

import { AnjeonError } from '../errors.js';
import { compareDates, dateProblem, type IsoDate } from '../frameworks/dates.js';
import type { ModelVersionsTable, ModelsTable } from '../store/schema.js';
import type { WriteContext } from '../store/write.js';
import { json, parseJson, today, writeAs, type RegistryContext } from './context.js';
import { resolveFramework } from './framework-store.js';

const modelIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/;

export interface ModelInput {
  id: string;
  name?: string;
  owner?: string;
  intended_use?: string;
  effective_compute?: number;
  version?: string;
  training_start?: string;
  training_end?: string;
  frameworks?: string[];
}

/** A checkpoint as the registry shows it: its stored row without the bookkeeping columns. */
export type ModelVersion = Omit<ModelVersionsTable, 'model_id' | 'created_at' | 'created_by'>;

export interface Model {
  id: string;
  name: string | null;
  owner: string | null;
  intended_use: string | null;
  context: Record<string, unknown>;
  frameworks: string[];
  versions: ModelVersion[];
  created_at: string;
  created_by: string;
}

function checkDate(field: string, value: string | undefined) {
  const problem = value === undefined ? null : dateProblem(value);
  if (problem) throw new AnjeonError('input', `${field}: ${problem}`);
}

export async function requireModel(ctx: RegistryContext, id: string): Promise<ModelsTable> {
  const row = await ctx.store.db
    .selectFrom('models')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    throw new AnjeonError(
      'not_found',
      `no model "${id}" in the record`,
      `register it with: anjeon model add ${id} --frameworks ID`,
    );
  }
  return row;
}

export async function addModel(ctx: RegistryContext, input: ModelInput): Promise<Model> {
  if (!modelIdPattern.test(input.id)) {
    throw new AnjeonError(
      'input',
      `model id "${input.id}" is not valid`,
      'use letters, digits and . _ : / @ -',
    );
  }
  checkDate('--training-start', input.training_start);
  checkDate('--training-end', input.training_end);
  const frameworks = await Promise.all(
    (input.frameworks ?? []).map(async (f) => (await resolveFramework(ctx, f)).id),
  );
  await writeAs(ctx, 'contributor', async (w) => {
    const exists = await w.tx
      .selectFrom('models')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (exists)
      throw new AnjeonError(
        'input',
        `model "${input.id}" is already registered`,
        `see it with: anjeon model show ${input.id}`,
      );
    await w.tx
      .insertInto('models')
      .values({
        id: input.id,
        name: input.name ?? null,
        owner: input.owner ?? null,
        intended_use: input.intended_use ?? null,
        context: json({}),
        created_at: w.at,
        created_by: w.actor,
      })
      .execute();
    await w.ledger.record('model.add', 'models', { id: input.id });
    if (input.effective_compute !== undefined || input.version !== undefined) {
      await insertVersion(w, input.id, {
        version: input.version ?? 'v1',
        date: input.training_end ?? today(ctx),
        effective_compute: input.effective_compute ?? null,
        training_start: input.training_start ?? null,
        training_end: input.training_end ?? null,
        notes: null,
      });
    }
    for (const framework of frameworks) await attachFramework(w, input.id, framework);
  });
  return getModel(ctx, input.id);
}

export async function insertVersion(
  w: WriteContext,
  modelId: string,
  v: ModelVersion,
): Promise<void> {
  const exists = await w.tx
    .selectFrom('model_versions')
    .select('version')
    .where('model_id', '=', modelId)
    .where('version', '=', v.version)
    .executeTakeFirst();
  if (exists)
    throw new AnjeonError('input', `model ${modelId} already has a version "${v.version}"`);
  await w.tx
    .insertInto('model_versions')
    .values({ model_id: modelId, ...v, created_at: w.at, created_by: w.actor })
    .execute();
  await w.ledger.record('model.version', 'model_versions', {
    model_id: modelId,
    version: v.version,
  });
}

async function attachFramework(w: WriteContext, modelId: string, frameworkId: string) {
  const exists = await w.tx
    .selectFrom('model_frameworks')
    .select('framework_id')
    .where('model_id', '=', modelId)
    .where('framework_id', '=', frameworkId)
    .executeTakeFirst();
  if (exists) return;
  await w.tx
    .insertInto('model_frameworks')
    .values({ model_id: modelId, framework_id: frameworkId, added_at: w.at, added_by: w.actor })
    .execute();
  await w.ledger.record('model.framework', 'model_frameworks', {
    model_id: modelId,
    framework_id: frameworkId,
  });
}

/** `anjeon model version MODEL VERSION`: a new checkpoint, which becomes the model as it stands from its date. */
export async function addVersion(
  ctx: RegistryContext,
  modelId: string,
  v: Partial<ModelVersion> & { version: string },
) {
  await requireModel(ctx, modelId);
  checkDate('--date', v.date ?? undefined);
  checkDate('--training-start', v.training_start ?? undefined);
  checkDate('--training-end', v.training_end ?? undefined);
  await writeAs(ctx, 'contributor', (w) =>
    insertVersion(w, modelId, {
      version: v.version,
      date: v.date ?? v.training_end ?? today(ctx),
      effective_compute: v.effective_compute ?? null,
      training_start: v.training_start ?? null,
      training_end: v.training_end ?? null,
      notes: v.notes ?? null,
    }),
  );
  return getModel(ctx, modelId);
}

export async function addFrameworks(ctx: RegistryContext, modelId: string, refs: string[]) {
  await requireModel(ctx, modelId);
  const ids = await Promise.all(refs.map(async (f) => (await resolveFramework(ctx, f)).id));
  await writeAs(ctx, 'contributor', async (w) => {
    for (const id of ids) await attachFramework(w, modelId, id);
  });
  return getModel(ctx, modelId);
}

/** Merges answers into the model's context (purpose, EU AI Act answers, ...): top-level keys are replaced. */
export async function mergeContext(
  w: WriteContext,
  modelId: string,
  context: Record<string, unknown>,
): Promise<boolean> {
  const row = await w.tx
    .selectFrom('models')
    .select('context')
    .where('id', '=', modelId)
    .executeTakeFirstOrThrow();
  const current = parseJson<Record<string, unknown>>(row.context);
  const merged = { ...current, ...context };
  if (json(merged) === json(current)) return false;
  await w.tx
    .updateTable('models')
    .set({ context: json(merged) })
    .where('id', '=', modelId)
    .execute();
  await w.ledger.record('model.context', 'models', { id: modelId });
  return true;
}

function toVersion(v: ModelVersionsTable): ModelVersion {
  const { version, date, effective_compute, training_start, training_end, notes } = v;
  return { version, date, effective_compute, training_start, training_end, notes };
}

export async function getModel(ctx: RegistryContext, id: string): Promise<Model> {
  const row = await requireModel(ctx, id);
  const [versions, frameworks] = await Promise.all([
    ctx.store.db
      .selectFrom('model_versions')
      .selectAll()
      .where('model_id', '=', id)
      .orderBy('date')
      .orderBy('created_at')
      .execute(),
    ctx.store.db
      .selectFrom('model_frameworks')
      .select('framework_id')
      .where('model_id', '=', id)
      .orderBy('framework_id')
      .execute(),
  ]);
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    intended_use: row.intended_use,
    context: parseJson(row.context),
    frameworks: frameworks.map((f) => f.framework_id),
    versions: versions.map(toVersion),
    created_at: row.created_at,
    created_by: row.created_by,
  };
}

export async function listModels(ctx: RegistryContext): Promise<Model[]> {
  const ids = await ctx.store.db.selectFrom('models').select('id').orderBy('id').execute();
  return Promise.all(ids.map((r) => getModel(ctx, r.id)));
}

/** The model's effective compute as it stood on a date: its latest version dated on or before it. */
export function computeAsOf(versions: ModelVersion[], asOf: IsoDate): number | undefined {
  let best: ModelVersion | undefined;
  for (const v of versions) {
    if (v.effective_compute === null || compareDates(v.date as IsoDate, asOf) > 0) continue;
    if (!best || compareDates(v.date as IsoDate, best.date as IsoDate) >= 0) best = v;
  }
  return best?.effective_compute ?? undefined;
}
