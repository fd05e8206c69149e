// `anjeon safeguard add|list|end`: what protects a model, at what level, since when, with what evidence.

import { AnjeonError } from '../errors.js';
import { commonSafeguardIds } from '../frameworks/capabilities.js';
import { dateProblem, type IsoDate } from '../frameworks/dates.js';
import { scaleOf } from '../frameworks/definition.js';
import type { SafeguardsTable } from '../store/schema.js';
import { checkSize, storeBlob, type FileInput } from './blobs.js';
import { today, writeAs, type RegistryContext } from './context.js';
import { resolveFramework } from './framework-store.js';
import { requireModel } from './models.js';
import {
  currentFacts,
  recordSafeguardFacts,
  type SafeguardFact,
  type SafeguardKind,
} from './safeguard-facts.js';

export interface SafeguardInput {
  kind: SafeguardKind;
  value: string;
  framework?: string;
  since?: string;
  notes?: string;
  evidence?: FileInput;
}

/** Checks a fact against its framework: a declared safeguard id, a level on the right scale. */
async function checkFact(ctx: RegistryContext, input: SafeguardInput): Promise<string | null> {
  if (input.kind.startsWith('common_')) {
    if (input.framework)
      throw new AnjeonError(
        'usage',
        'common safeguards apply to every framework; drop --framework',
      );
    const max = input.kind === 'common_security' ? 5 : 3;
    if (
      input.kind === 'common_implemented' &&
      !(commonSafeguardIds as readonly string[]).includes(input.value)
    ) {
      throw new AnjeonError(
        'input',
        `"${input.value}" is not a common safeguard`,
        `use one of: ${commonSafeguardIds.join(', ')}`,
      );
    }
    if (
      input.kind !== 'common_implemented' &&
      !(/^\d$/.test(input.value) && Number(input.value) <= max)
    ) {
      throw new AnjeonError(
        'input',
        `a common ${input.kind.slice(7)} level is a whole number 0..${max}`,
      );
    }
    return null;
  }
  if (!input.framework) {
    if (input.kind === 'implemented') return null;
    throw new AnjeonError(
      'usage',
      `a ${input.kind} level is on one framework's scale: pass --framework ID`,
    );
  }
  const { framework, id } = await resolveFramework(ctx, input.framework);
  const def = framework.definition;
  if (input.kind === 'implemented') {
    if (!def.safeguards.some((s) => s.id === input.value)) {
      const known = def.safeguards.map((s) => s.id).join(', ') || 'none';
      throw new AnjeonError(
        'input',
        `${id} defines no safeguard "${input.value}"`,
        `its safeguards: ${known}`,
      );
    }
    return id;
  }
  const level = def.safeguard_levels[input.kind as 'security' | 'deployment'];
  if (!level) throw new AnjeonError('input', `${id} has no ${input.kind} level scale`);
  const scale = scaleOf(framework, level.scale);
  if (!scale.rank.has(input.value)) {
    throw new AnjeonError(
      'input',
      `"${input.value}" is not a ${input.kind} level of ${id}`,
      `levels: ${scale.levels.map((l) => l.id).join(', ')}`,
    );
  }
  return id;
}

export async function addSafeguard(
  ctx: RegistryContext,
  modelId: string,
  input: SafeguardInput,
): Promise<string[]> {
  await requireModel(ctx, modelId);
  const problem = input.since === undefined ? null : dateProblem(input.since);
  if (problem) throw new AnjeonError('input', `--since: ${problem}`);
  const framework = await checkFact(ctx, input);
  if (input.evidence) checkSize(input.evidence, ctx.policy);
  return writeAs(ctx, 'contributor', async (w) => {
    const fact: SafeguardFact = {
      kind: input.kind,
      value: input.value,
      framework,
      notes: input.notes ?? null,
      evidence_sha256: input.evidence ? await storeBlob(w, input.evidence) : null,
    };
    const ids = await recordSafeguardFacts(
      w,
      modelId,
      [fact],
      (input.since ?? today(ctx)) as IsoDate,
    );
    if (ids.length === 0)
      throw new AnjeonError(
        'input',
        `${modelId} already has that safeguard in effect`,
        'see: anjeon safeguard list ' + modelId,
      );
    return ids;
  });
}

/** Ends a safeguard from a date (it no longer protects the model from then on). */
export async function endSafeguard(
  ctx: RegistryContext,
  safeguardId: string,
  until?: string,
): Promise<void> {
  const problem = until === undefined ? null : dateProblem(until);
  if (problem) throw new AnjeonError('input', `--date: ${problem}`);
  await writeAs(ctx, 'contributor', async (w) => {
    const row = await w.tx
      .selectFrom('safeguards')
      .selectAll()
      .where('id', '=', safeguardId)
      .executeTakeFirst();
    if (!row) throw new AnjeonError('not_found', `no safeguard ${safeguardId}`);
    if (row.until !== null)
      throw new AnjeonError('input', `${safeguardId} already ended on ${row.until}`);
    await w.tx
      .updateTable('safeguards')
      .set({ until: until ?? today(ctx) })
      .where('id', '=', safeguardId)
      .execute();
    await w.ledger.record('safeguard.end', 'safeguards', { id: safeguardId });
  });
}

export interface SafeguardView extends SafeguardsTable {
  in_effect: boolean;
}

/** Every safeguard fact of a model, marking those that describe it on `asOf`. */
export async function listSafeguards(
  ctx: RegistryContext,
  modelId: string,
  asOf?: IsoDate,
): Promise<SafeguardView[]> {
  await requireModel(ctx, modelId);
  const rows = await ctx.store.db
    .selectFrom('safeguards')
    .selectAll()
    .where('model_id', '=', modelId)
    .orderBy('since')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const current = new Set(currentFacts(rows, asOf ?? today(ctx)).map((r) => r.id));
  return rows.map((r) => ({ ...r, in_effect: current.has(r.id) }));
}
