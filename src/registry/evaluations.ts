// Recording evidence: a CONTRACTS.md evidence file's evaluations, safeguards, events and context.

import { inputError } from '../errors.js';
import type { IsoDate } from '../frameworks/dates.js';
import type { Evaluation, Evidence } from '../frameworks/evidence.js';
import {
  locateProblems,
  formatPath,
  type Problem,
  type SourceDocument,
} from '../frameworks/yaml-document.js';
import { canonicalJson, sha256 } from '../store/canonical-json.js';
import type { WriteContext } from '../store/write.js';
import { attach, checkSize, storeBlob, type FileInput } from './blobs.js';
import { json, parseJson, today, writeAs, type RegistryContext } from './context.js';
import { scopeEvidence, scopedProblems } from './evidence-scope.js';
import { computeAsOf, getModel, insertVersion, mergeContext, type Model } from './models.js';
import { recordSafeguardFacts, safeguardFacts } from './safeguard-facts.js';

export interface RecordInput {
  evidence: Evidence;
  /** The parsed file, to point problems at file:line:col; absent for evidence built from flags. */
  doc?: SourceDocument;
  /** The evidence file itself, kept in the record. */
  source?: FileInput;
  /** Framework for evaluations whose results do not name one (default: the model's only framework). */
  framework?: string;
  attachments?: FileInput[];
}

export interface RecordResult {
  model: string;
  recorded: string[];
  already_recorded: string[];
  safeguards: string[];
  events: string[];
  version: string | null;
  context_changed: boolean;
  source_sha256: string | null;
}

function fail(input: RecordInput, message: string, problems: Problem[], hint?: string): never {
  const details = input.doc
    ? locateProblems(input.doc, problems)
    : problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
  throw inputError(message, hint, details);
}

/** The evidence with every result's framework made explicit where it can be, checked under each. */
async function checkedEvidence(
  ctx: RegistryContext,
  model: Model,
  input: RecordInput,
): Promise<{ evidence: Evidence; scope: string | null }> {
  const { evidence } = input;
  if (evidence.model.id !== model.id) {
    fail(input, `the evidence is for model "${evidence.model.id}", not ${model.id}`, [
      { path: ['model', 'id'], message: `expected ${model.id}` },
    ]);
  }
  const scoped = await scopeEvidence(ctx, model, withCheckpoints(model, evidence), input.framework);
  const problems = [
    ...checkpointProblems(model, evidence),
    ...(await scopedProblems(ctx, model, scoped)),
  ];
  if (problems.length) {
    fail(
      input,
      `${input.doc?.file ?? 'the evidence'} does not fit the frameworks of ${model.id}`,
      problems,
      'see the domains and levels with: anjeon frameworks show ID',
    );
  }
  return { evidence: scoped.evidence, scope: scoped.levelScope };
}

/** An evaluation of a registered checkpoint takes that checkpoint's effective compute, unless it gives one. */
function withCheckpoints(model: Model, evidence: Evidence): Evidence {
  const compute = new Map(model.versions.map((v) => [v.version, v.effective_compute]));
  return {
    ...evidence,
    evaluations: evidence.evaluations.map((e) => {
      const fromVersion = e.checkpoint ? compute.get(e.checkpoint) : undefined;
      return e.effective_compute === undefined && fromVersion
        ? { ...e, effective_compute: fromVersion }
        : e;
    }),
  };
}

function checkpointProblems(model: Model, evidence: Evidence): Problem[] {
  const known = new Set(model.versions.map((v) => v.version));
  return evidence.evaluations.flatMap((e, i) =>
    e.checkpoint && !known.has(e.checkpoint)
      ? [
          {
            path: ['evaluations', i, 'checkpoint'],
            message: `${model.id} has no version "${e.checkpoint}"; register it with: anjeon model version ${model.id} ${e.checkpoint}`,
          },
        ]
      : [],
  );
}

/** The canonical form of an evaluation, whose hash recognises it when the same file is recorded again. */
function normalized(e: Evaluation) {
  return {
    date: e.date,
    framework_id: e.framework ?? null,
    label: e.id ?? null,
    model_version: e.checkpoint ?? null,
    effective_compute: e.effective_compute ?? null,
    evaluator: e.evaluator ?? null,
    method: e.method ?? null,
    notes: e.notes ?? null,
    results: e.results,
    capabilities: e.capabilities,
  };
}

export async function recordEvidence(
  ctx: RegistryContext,
  modelId: string,
  input: RecordInput,
): Promise<RecordResult> {
  const model = await getModel(ctx, modelId);
  const { evidence, scope } = await checkedEvidence(ctx, model, input);
  if (input.source) checkSize(input.source, ctx.policy);
  for (const a of input.attachments ?? []) checkSize(a, ctx.policy);
  const asOf = (evidence.as_of ?? today(ctx)) as IsoDate;

  return writeAs(ctx, 'contributor', async (w) => {
    const result: RecordResult = {
      model: modelId,
      recorded: [],
      already_recorded: [],
      safeguards: [],
      events: [],
      version: null,
      context_changed: false,
      source_sha256: input.source ? await storeBlob(w, input.source) : null,
    };
    for (const e of evidence.evaluations)
      await recordEvaluation(w, modelId, e, result, input.attachments ?? []);
    result.version = await recordCompute(w, model, evidence, asOf);
    result.safeguards = await recordSafeguardFacts(
      w,
      modelId,
      safeguardFacts(evidence.safeguards, scope),
      asOf,
    );
    result.events = await recordEvents(w, modelId, evidence);
    result.context_changed =
      Object.keys(evidence.context).length > 0 &&
      (await mergeContext(w, modelId, evidence.context));
    return result;
  });
}

async function recordEvaluation(
  w: WriteContext,
  modelId: string,
  e: Evaluation,
  result: RecordResult,
  attachments: FileInput[],
) {
  const row = normalized(e);
  const contentHash = sha256(canonicalJson(row));
  const existing = await w.tx
    .selectFrom('evaluations')
    .select('id')
    .where('model_id', '=', modelId)
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
  if (existing) {
    result.already_recorded.push(existing.id);
    return;
  }
  const id = await w.nextId('ev');
  await w.tx
    .insertInto('evaluations')
    .values({
      id,
      model_id: modelId,
      ...row,
      results: json(row.results),
      capabilities: json(row.capabilities),
      content_hash: contentHash,
      source_sha256: result.source_sha256,
      recorded_at: w.at,
      recorded_by: w.actor,
    })
    .execute();
  await w.ledger.record('evaluation.record', 'evaluations', { id });
  for (const file of attachments) await attach(w, id, file);
  result.recorded.push(id);
}

/** A file that states the model's current effective compute, different from the record, adds a version. */
async function recordCompute(
  w: WriteContext,
  model: Model,
  evidence: Evidence,
  asOf: IsoDate,
): Promise<string | null> {
  const compute = evidence.model.effective_compute;
  if (compute === undefined || computeAsOf(model.versions, asOf) === compute) return null;
  const taken = new Set(model.versions.map((v) => v.version));
  let version = `as-of-${asOf}`;
  for (let n = 2; taken.has(version); n++) version = `as-of-${asOf}-${n}`;
  await insertVersion(w, model.id, {
    version,
    date: asOf,
    effective_compute: compute,
    training_start: null,
    training_end: null,
    notes: 'from an evidence file',
  });
  return version;
}

async function recordEvents(
  w: WriteContext,
  modelId: string,
  evidence: Evidence,
): Promise<string[]> {
  const ids: string[] = [];
  for (const e of evidence.events) {
    const exists = await w.tx
      .selectFrom('events')
      .select('id')
      .where('model_id', '=', modelId)
      .where('date', '=', e.date)
      .where('type', '=', e.type)
      .executeTakeFirst();
    if (exists) continue;
    ids.push(
      await addEvent(w, modelId, {
        date: e.date,
        type: e.type,
        note: e.note ?? null,
        source: null,
      }),
    );
  }
  return ids;
}

export async function addEvent(
  w: WriteContext,
  modelId: string,
  e: { date: string; type: string; note: string | null; source: string | null },
): Promise<string> {
  const id = await w.nextId('event');
  await w.tx
    .insertInto('events')
    .values({ id, model_id: modelId, ...e, recorded_at: w.at, recorded_by: w.actor })
    .execute();
  await w.ledger.record('event.add', 'events', { id });
  return id;
}

export interface StoredEvaluation extends ReturnType<typeof normalized> {
  id: string;
  model_id: string;
  source_sha256: string | null;
  recorded_at: string;
  recorded_by: string;
  attachments: { sha256: string; name: string }[];
}

export async function listEvaluations(
  ctx: RegistryContext,
  modelId: string,
): Promise<StoredEvaluation[]> {
  const rows = await ctx.store.db
    .selectFrom('evaluations')
    .selectAll()
    .where('model_id', '=', modelId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const attachments = rows.length
    ? await ctx.store.db
        .selectFrom('attachments')
        .select(['owner', 'sha256', 'name'])
        .where(
          'owner',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    model_id: r.model_id,
    date: r.date,
    framework_id: r.framework_id,
    label: r.label,
    model_version: r.model_version,
    effective_compute: r.effective_compute,
    evaluator: r.evaluator,
    method: r.method,
    notes: r.notes,
    results: parseJson(r.results),
    capabilities: parseJson(r.capabilities),
    source_sha256: r.source_sha256,
    recorded_at: r.recorded_at,
    recorded_by: r.recorded_by,
    attachments: attachments
      .filter((a) => a.owner === r.id)
      .map(({ sha256, name }) => ({ sha256, name })),
  }));
}
