// Export and import of the whole record as one JSON bundle: export, import, export gives the same bytes.

import { AnjeonError } from '../errors.js';
import type { Store } from './connect.js';
import type { LedgerTable } from './schema.js';
import { recordTables, type RecordTable } from './schema.js';
import type { Row } from './ledger.js';
import { verifyRecords, type RecordSource, type VerifyReport } from './verify.js';

export const bundleFormat = 'anjeon-bundle';
export const bundleVersion = 1;

/** Every table of the record, in an order that inserts cleanly. */
const tables = [
  ...(Object.keys(recordTables) as RecordTable[]),
  'ledger',
  'ledger_head',
  'counters',
] as const;
type BundleTable = (typeof tables)[number];

const keys: Record<BundleTable, readonly string[]> = {
  ...recordTables,
  ledger: ['seq'],
  ledger_head: ['id'],
  counters: ['name'],
};

export interface Bundle {
  format: typeof bundleFormat;
  version: number;
  tables: Record<BundleTable, Row[]>;
}

/** Rows sorted by primary key in JavaScript, not by the database's collation, so both dialects agree. */
function sortRows(table: BundleTable, rows: Row[]): Row[] {
  const cols = keys[table];
  return rows.sort((a, b) => {
    for (const c of cols) {
      const x = a[c] as string | number;
      const y = b[c] as string | number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

function sortKeys(row: Row): Row {
  return Object.fromEntries(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
}

export async function exportBundle(store: Store): Promise<string> {
  const out = {} as Record<BundleTable, Row[]>;
  for (const table of tables) {
    const rows = (await store.db.selectFrom(table).selectAll().execute()) as Row[];
    out[table] = sortRows(table, rows).map((row) => {
      const r =
        table === 'blobs' ? { ...row, content: (row.content as Buffer).toString('base64') } : row;
      return sortKeys(r);
    });
  }
  const bundle: Bundle = { format: bundleFormat, version: bundleVersion, tables: out };
  return `${JSON.stringify(bundle, null, 1)}\n`;
}

function parseBundle(text: string, file: string): Bundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AnjeonError('input', `${file} is not JSON: ${(error as Error).message}`);
  }
  const b = value as Partial<Bundle>;
  if (b?.format !== bundleFormat)
    throw new AnjeonError(
      'input',
      `${file} is not an anjeon bundle (format: ${String(b?.format)})`,
    );
  if (b.version !== bundleVersion)
    throw new AnjeonError(
      'input',
      `${file} is bundle version ${String(b.version)}; this anjeon reads version ${bundleVersion}`,
    );
  for (const table of tables) {
    if (!Array.isArray(b.tables?.[table]))
      throw new AnjeonError('input', `${file}: tables.${table} is missing or not a list`);
  }
  return b as Bundle;
}

function bundleSource(b: Bundle): RecordSource {
  return {
    ledger: () => b.tables.ledger as unknown as LedgerTable[],
    head: () =>
      Promise.resolve(b.tables.ledger_head[0] as { seq: number; hash: string } | undefined),
    rows: (table) =>
      Promise.resolve(table === 'blobs' ? b.tables.blobs.map(decodeBlob) : b.tables[table]),
  };
}

function decodeBlob(row: Row): Row {
  return { ...row, content: Buffer.from(String(row.content), 'base64') };
}

/**
 * Loads a bundle into an empty store. The bundle is verified first, as `audit verify` would, and
 * inserted in one transaction: a broken or partial bundle changes nothing.
 */
export async function importBundle(
  store: Store,
  text: string,
  file: string,
): Promise<VerifyReport> {
  const bundle = parseBundle(text, file);
  const report = await verifyRecords(bundleSource(bundle));
  if (!report.intact) return report;
  await store.db.transaction().execute(async (tx) => {
    const entries = await tx.selectFrom('ledger').select('seq').limit(1).execute();
    const users = await tx.selectFrom('users').select('id').limit(1).execute();
    if (entries.length || users.length) {
      throw new AnjeonError(
        'usage',
        `the store at ${store.where} is not empty; import needs a new store`,
        'point ANJEON_HOME (or ANJEON_DATABASE_URL) at a new place and run anjeon import again',
      );
    }
    await tx.deleteFrom('ledger_head').execute();
    for (const table of tables) {
      const rows = table === 'blobs' ? bundle.tables.blobs.map(decodeBlob) : bundle.tables[table];
      for (let i = 0; i < rows.length; i += 200) {
        await tx
          .insertInto(table)
          .values(rows.slice(i, i + 200))
          .execute();
      }
    }
  });
  return report;
}
