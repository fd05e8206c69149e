// The record read back as engine evidence: one model, or every model at once (for `due`).

import type { Kysely } from 'kysely';
import type { IsoDate } from '../frameworks/dates.js';
import type { Evidence } from '../frameworks/evidence.js';
import type {
  Database,
  EvaluationsTable,
  EventsTable,
  ModelVersionsTable,
  ModelsTable,
  SafeguardsTable,
} from '../store/schema.js';
import { parseJson, type RegistryContext } from './context.js';
import { computeAsOf } from './models.js';
import { safeguardsEvidence } from './safeguard-facts.js';

interface ModelRows {
  model: ModelsTable;
  versions: ModelVersionsTable[];
  evaluations: EvaluationsTable[];
  safeguards: SafeguardsTable[];
  events: EventsTable[];
}

/** Evidence as the record stood on `asOf`; the engine itself ignores evaluations and events after it. */
export function evidenceFromRows(rows: ModelRows, asOf: IsoDate): Evidence {
  const compute = computeAsOf(rows.versions, asOf);
  return {
    model: {
      id: rows.model.id,
      ...(rows.model.name ? { name: rows.model.name } : {}),
      ...(compute !== undefined ? { effective_compute: compute } : {}),
    },
    as_of: asOf,
    evaluations: rows.evaluations.map((e) => ({
      // Reasons cite the record's id, with the label the evidence file gave it.
      id: e.label ? `${e.id}: ${e.label}` : e.id,
      date: e.date,
      ...(e.framework_id ? { framework: e.framework_id } : {}),
      ...(e.effective_compute !== null ? { effective_compute: e.effective_compute } : {}),
      ...(e.evaluator ? { evaluator: e.evaluator } : {}),
      ...(e.method ? { method: e.method } : {}),
      results: parseJson(e.results),
      capabilities: parseJson(e.capabilities),
    })),
    safeguards: safeguardsEvidence(rows.safeguards, asOf),
    events: rows.events.map((e) => ({
      date: e.date,
      type: e.type,
      ...(e.note ? { note: e.note } : {}),
    })),
    context: parseJson(rows.model.context),
  };
}

/** `db` may be a transaction, so that a decision reads the evidence it then writes against. */
export async function modelEvidence(
  ctx: RegistryContext,
  modelId: string,
  asOf: IsoDate,
  db: Kysely<Database> = ctx.store.db,
): Promise<Evidence> {
  const [model, versions, evaluations, safeguards, events] = await Promise.all([
    db.selectFrom('models').selectAll().where('id', '=', modelId).executeTakeFirstOrThrow(),
    db.selectFrom('model_versions').selectAll().where('model_id', '=', modelId).execute(),
    db
      .selectFrom('evaluations')
      .selectAll()
      .where('model_id', '=', modelId)
      .orderBy('id')
      .execute(),
    db.selectFrom('safeguards').selectAll().where('model_id', '=', modelId).execute(),
    db.selectFrom('events').selectAll().where('model_id', '=', modelId).orderBy('id').execute(),
  ]);
  return evidenceFromRows({ model, versions, evaluations, safeguards, events }, asOf);
}

/** Every model's evidence, read with one query per table rather than one per model. */
export async function allModelEvidence(
  ctx: RegistryContext,
  asOf: IsoDate,
): Promise<Map<string, Evidence>> {
  const db = ctx.store.db;
  const [models, versions, evaluations, safeguards, events] = await Promise.all([
    db.selectFrom('models').selectAll().orderBy('id').execute(),
    db.selectFrom('model_versions').selectAll().execute(),
    db.selectFrom('evaluations').selectAll().orderBy('id').execute(),
    db.selectFrom('safeguards').selectAll().execute(),
    db.selectFrom('events').selectAll().orderBy('id').execute(),
  ]);
  const byModel = new Map<string, ModelRows>(
    models.map((model) => [
      model.id,
      { model, versions: [], evaluations: [], safeguards: [], events: [] },
    ]),
  );
  for (const v of versions) byModel.get(v.model_id)?.versions.push(v);
  for (const e of evaluations) byModel.get(e.model_id)?.evaluations.push(e);
  for (const s of safeguards) byModel.get(s.model_id)?.safeguards.push(s);
  for (const e of events) byModel.get(e.model_id)?.events.push(e);
  return new Map([...byModel].map(([id, rows]) => [id, evidenceFromRows(rows, asOf)]));
}
