// One write to the record: a transaction that holds the ledger head, so writers take turns and the
// chain never forks, retried when another process holds the database for too long.

import type { Transaction } from 'kysely';
import type { Store } from './connect.js';
import { ledgerWriter, type LedgerWriter } from './ledger.js';
import type { Database } from './schema.js';

export interface WriteContext {
  tx: Transaction<Database>;
  ledger: LedgerWriter;
  actor: string;
  /** The time of this change, ISO 8601; every ledger entry of the transaction carries it. */
  at: string;
  /** The next id of a kind, such as `ev-12`, unique in the store. */
  nextId(prefix: string): Promise<string>;
}

const retryable = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
  '40001',
  '40P01',
]);

export async function write<T>(
  store: Store,
  actor: string,
  at: string,
  fn: (w: WriteContext) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (tx) => {
        // Writing the head first takes SQLite's write lock (waiting for other writers instead of
        // failing later) and PostgreSQL's row lock, so that entries are appended one writer at a time.
        await tx
          .updateTable('ledger_head')
          .set((eb) => ({ seq: eb.ref('seq') }))
          .where('id', '=', 1)
          .execute();
        const head = await tx
          .selectFrom('ledger_head')
          .select(['seq', 'hash'])
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        const ledger = ledgerWriter(tx, head, actor, at);
        const result = await fn({ tx, ledger, actor, at, nextId: (prefix) => nextId(tx, prefix) });
        await tx.updateTable('ledger_head').set(ledger.head).where('id', '=', 1).execute();
        return result;
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !retryable.has(code) || attempt >= 8) throw error;
      await new Promise((r) =>
        setTimeout(r, Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random())),
      );
    }
  }
}

async function nextId(tx: Transaction<Database>, prefix: string): Promise<string> {
  const row = await tx
    .selectFrom('counters')
    .select('value')
    .where('name', '=', prefix)
    .executeTakeFirst();
  const value = (row?.value ?? 0) + 1;
  if (row) await tx.updateTable('counters').set({ value }).where('name', '=', prefix).execute();
  else await tx.insertInto('counters').values({ name: prefix, value }).execute();
  return `${prefix}-${value}`;
}
