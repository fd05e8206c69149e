// The audit ledger: every change appended as an entry chained by SHA-256, and its verification.

import type { Transaction } from 'kysely';
import { canonicalJson, sha256 } from './canonical-json.js';
import { recordTables, type Database, type LedgerTable, type RecordTable } from './schema.js';

export interface LedgerWriter {
  /**
   * Appends the new state of a row (just inserted or updated) to the chain. The row is read back
   * from the database, so the entry holds exactly what a later verification will read.
   */
  record(action: string, table: RecordTable, key: object): Promise<void>;
}

export type Row = Record<string, unknown>;

export function entityId(table: RecordTable, row: Row): string {
  return recordTables[table].map((k) => String(row[k])).join('/');
}

/** What the ledger keeps of a row: every column, except a blob's bytes, which its id already hashes. */
export function rowPayload(table: RecordTable, row: Row): string {
  if (table === 'blobs') {
    const { content: _content, ...rest } = row;
    return canonicalJson(rest);
  }
  return canonicalJson(row);
}

export function entryHash(e: Omit<LedgerTable, 'hash' | 'payload'>): string {
  const { seq, at, actor, action, entity, entity_id, payload_hash, prev_hash } = e;
  return sha256(
    `${prev_hash}\n${canonicalJson({ seq, at, actor, action, entity, entity_id, payload_hash })}`,
  );
}

/** Runs inside a write transaction that already holds the ledger head (see write.ts). */
export function ledgerWriter(
  tx: Transaction<Database>,
  head: { seq: number; hash: string },
  actor: string,
  at: string,
): LedgerWriter & { head: { seq: number; hash: string } } {
  const state = { head: { ...head } };
  return {
    get head() {
      return state.head;
    },
    async record(action, table, key) {
      const row = await readRow(tx, table, key as Row);
      const payload = rowPayload(table, row);
      const entry = {
        seq: state.head.seq + 1,
        at,
        actor,
        action,
        entity: table,
        entity_id: entityId(table, row),
        payload_hash: sha256(payload),
        prev_hash: state.head.hash,
      };
      const hash = entryHash(entry);
      await tx
        .insertInto('ledger')
        .values({ ...entry, payload, hash })
        .execute();
      state.head = { seq: entry.seq, hash };
    },
  };
}

async function readRow(tx: Transaction<Database>, table: RecordTable, key: Row): Promise<Row> {
  let query = tx.selectFrom(table).selectAll();
  for (const column of recordTables[table]) {
    // The key columns are checked against recordTables; Kysely cannot type a column chosen at run time.
    query = query.where(column as never, '=', key[column] as never);
  }
  const row = (await query.executeTakeFirst()) as Row | undefined;
  if (!row) throw new Error(`ledger: no ${table} row for ${entityId(table, key)}`);
  return row;
}
