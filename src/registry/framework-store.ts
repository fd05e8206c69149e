// Framework files kept in the record, versioned, so every decision names the exact text it was judged by.

import { existsSync } from 'node:fs';
import { AnjeonError } from '../errors.js';
import { parseFramework, type Framework } from '../frameworks/definition.js';
import { presetTexts, readText } from '../frameworks/files.js';
import { sha256 } from '../store/canonical-json.js';
import type { WriteContext } from '../store/write.js';
import { writeAs, type RegistryContext } from './context.js';

export interface ResolvedFramework {
  framework: Framework;
  id: string;
  /** The stored version, or null for a preset or file that is not in the record. */
  version: number | null;
  sha256: string;
  origin: 'stored' | 'preset' | 'file';
}

const parsed = new Map<string, Framework>();

function parseCached(text: string, name: string, origin: string): Framework {
  const key = sha256(text);
  let framework = parsed.get(key);
  if (!framework) {
    framework = parseFramework(text, name, origin);
    parsed.set(key, framework);
  }
  return framework;
}

/** A framework by id (the record's latest version, else the shipped preset) or by file path. */
export async function resolveFramework(
  ctx: RegistryContext,
  ref: string,
): Promise<ResolvedFramework> {
  const stored = await ctx.store.db
    .selectFrom('framework_files')
    .selectAll()
    .where('id', '=', ref)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (stored) {
    const framework = parseCached(
      stored.text,
      `${stored.id} v${stored.version} (stored)`,
      stored.id,
    );
    return {
      framework,
      id: stored.id,
      version: stored.version,
      sha256: stored.sha256,
      origin: 'stored',
    };
  }
  const preset = presetTexts().get(ref);
  if (preset !== undefined) {
    return {
      framework: parseCached(preset, `presets/${ref}.yaml`, ref),
      id: ref,
      version: null,
      sha256: sha256(preset),
      origin: 'preset',
    };
  }
  if (existsSync(ref)) {
    const text = readText(ref);
    const framework = parseCached(text, ref, ref);
    return {
      framework,
      id: framework.definition.id,
      version: null,
      sha256: sha256(text),
      origin: 'file',
    };
  }
  const known = await knownFrameworkIds(ctx);
  throw new AnjeonError(
    'not_found',
    `unknown framework "${ref}"`,
    `known: ${known.join(', ')}; or give a framework file`,
  );
}

export async function knownFrameworkIds(ctx: RegistryContext): Promise<string[]> {
  const stored = await ctx.store.db.selectFrom('framework_files').select('id').distinct().execute();
  return [...new Set([...stored.map((r) => r.id), ...presetTexts().keys()])].sort();
}

export interface StoredFramework {
  id: string;
  version: number;
  sha256: string;
  name: string;
  added_at: string;
  added_by: string;
  /** Whether this is the text of the preset of that id shipped with this anjeon. */
  matches_preset: boolean | null;
}

export async function listStoredFrameworks(ctx: RegistryContext): Promise<StoredFramework[]> {
  const rows = await ctx.store.db
    .selectFrom('framework_files')
    .selectAll()
    .orderBy('id')
    .orderBy('version')
    .execute();
  return rows.map((r) => {
    const preset = presetTexts().get(r.id);
    return {
      id: r.id,
      version: r.version,
      sha256: r.sha256,
      name: parseCached(r.text, `${r.id} v${r.version}`, r.id).definition.name,
      added_at: r.added_at,
      added_by: r.added_by,
      matches_preset: preset === undefined ? null : sha256(preset) === r.sha256,
    };
  });
}

/** Stores framework text as the next version of its id; the same text again is not a new version. */
async function storeFrameworkText(w: WriteContext, text: string, name: string) {
  const framework = parseFramework(text, name);
  const id = framework.definition.id;
  const hash = sha256(text);
  const latest = await w.tx
    .selectFrom('framework_files')
    .select(['version', 'sha256'])
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest?.sha256 === hash) return { id, version: latest.version, sha256: hash, added: false };
  const version = (latest?.version ?? 0) + 1;
  await w.tx
    .insertInto('framework_files')
    .values({ id, version, sha256: hash, text, added_at: w.at, added_by: w.actor })
    .execute();
  await w.ledger.record('framework.add', 'framework_files', { id, version });
  return { id, version, sha256: hash, added: true };
}

/** `anjeon frameworks add FILE`: an organisation's own framework or its override of a preset. */
export function addFrameworkFile(ctx: RegistryContext, file: string) {
  const text = readText(file);
  return writeAs(ctx, 'admin', (w) => storeFrameworkText(w, text, file));
}

/**
 * Stores the shipped presets whose id the record does not hold yet. An id already stored is left
 * alone, whether it is an older preset or the organisation's override: `frameworks add` changes it.
 */
export function loadPresets(ctx: RegistryContext) {
  return writeAs(ctx, 'admin', async (w) => {
    const stored = new Set(
      (await w.tx.selectFrom('framework_files').select('id').distinct().execute()).map((r) => r.id),
    );
    const results = [];
    for (const [id, text] of presetTexts()) {
      if (!stored.has(id)) results.push(await storeFrameworkText(w, text, `presets/${id}.yaml`));
    }
    return results;
  });
}
