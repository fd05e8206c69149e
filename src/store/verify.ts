// `anjeon audit verify`: recompute the ledger chain and check every record row against it.

import type { Kysely } from 'kysely';
import { sha256 } from './canonical-json.js';
import type { Store } from './connect.js';
import { entityId, entryHash, rowPayload, type Row } from './ledger.js';
import { genesisHash } from './migrations.js';
import { recordTables, type Database, type LedgerTable, type RecordTable } from './schema.js';

export interface LedgerProblem {
  seq: number | null;
  entity?: string;
  entity_id?: string;
  reason: string;
}

export interface VerifyReport {
  intact: boolean;
  entries: number;
  rows: number;
  head: { seq: number; hash: string };
  /** The first broken entry (lowest sequence number), or null when intact. */
  first_bad: LedgerProblem | null;
  problems: LedgerProblem[];
}

/** Where the records come from: a live store, or a bundle being imported. */
export interface RecordSource {
  ledger(): AsyncIterable<LedgerTable> | Iterable<LedgerTable>;
  head(): Promise<{ seq: number; hash: string } | undefined>;
  rows(table: RecordTable): Promise<Row[]>;
}

export function storeSource(db: Kysely<Database>): RecordSource {
  return {
    async *ledger() {
      let after = 0;
      for (;;) {
        const page = await db
          .selectFrom('ledger')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(2000)
          .execute();
        yield* page;
        if (page.length < 2000) return;
        after = page[page.length - 1]!.seq;
      }
    },
    head: () =>
      db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst(),
    rows: async (table) => await db.selectFrom(table).selectAll().execute(),
  };
}

export function verifyLedger(store: Store): Promise<VerifyReport> {
  return verifyRecords(storeSource(store.db));
}

/** Recomputes the chain, then checks that every record row is exactly what the ledger last recorded. */
export async function verifyRecords(source: RecordSource): Promise<VerifyReport> {
  const problems: LedgerProblem[] = [];
  const latest = new Map<string, { seq: number; payload_hash: string }>();
  let prev = { seq: 0, hash: genesisHash };
  for await (const e of source.ledger()) {
    const reason = chainProblem(e, prev);
    if (reason) problems.push({ seq: e.seq, entity: e.entity, entity_id: e.entity_id, reason });
    latest.set(`${e.entity}\u0000${e.entity_id}`, { seq: e.seq, payload_hash: e.payload_hash });
    prev = { seq: e.seq, hash: e.hash };
  }
  const head = await source.head();
  if (!head || head.seq !== prev.seq || head.hash !== prev.hash) {
    problems.push({
      seq: prev.seq,
      reason: `the ledger head (entry ${head?.seq ?? 'missing'}) does not match the last entry (${prev.seq}): entries were removed or added outside anjeon`,
    });
  }
  const rows = await rowProblems(source, latest, problems);
  for (const [key, { seq }] of latest) {
    const [entity, entity_id] = key.split('\u0000') as [string, string];
    problems.push({
      seq,
      entity,
      entity_id,
      reason: `entry ${seq} records ${entity} ${entity_id}, which is no longer in the store`,
    });
  }
  problems.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  return {
    intact: problems.length === 0,
    entries: prev.seq,
    rows,
    head: head ? { seq: head.seq, hash: head.hash } : prev,
    first_bad: problems[0] ?? null,
    problems,
  };
}

function chainProblem(e: LedgerTable, prev: { seq: number; hash: string }): string | null {
  if (e.seq !== prev.seq + 1)
    return `entry ${e.seq} follows entry ${prev.seq}: entries are missing`;
  if (e.prev_hash !== prev.hash)
    return `entry ${e.seq} does not link to the hash of entry ${prev.seq}`;
  if (sha256(e.payload) !== e.payload_hash)
    return `entry ${e.seq}: its payload was changed after it was written`;
  if (entryHash(e) !== e.hash) return `entry ${e.seq}: its hash does not match its contents`;
  return null;
}

/** Each record row must hash to the payload of the latest entry for it; removes checked keys from `latest`. */
async function rowProblems(
  source: RecordSource,
  latest: Map<string, { seq: number; payload_hash: string }>,
  problems: LedgerProblem[],
): Promise<number> {
  let rows = 0;
  for (const table of Object.keys(recordTables) as RecordTable[]) {
    for (const row of await source.rows(table)) {
      rows++;
      const id = entityId(table, row);
      const key = `${table}\u0000${id}`;
      const recorded = latest.get(key);
      latest.delete(key);
      if (!recorded) {
        problems.push({
          seq: null,
          entity: table,
          entity_id: id,
          reason: `${table} ${id} has no ledger entry: it was added outside anjeon`,
        });
      } else if (sha256(rowPayload(table, row)) !== recorded.payload_hash) {
        problems.push({
          seq: recorded.seq,
          entity: table,
          entity_id: id,
          reason: `${table} ${id} no longer matches entry ${recorded.seq}: it was changed outside anjeon`,
        });
      } else if (table === 'blobs' && sha256(row.content as Buffer) !== row.sha256) {
        problems.push({
          seq: recorded.seq,
          entity: table,
          entity_id: id,
          reason: `stored file ${id} no longer has that SHA-256: its bytes were changed`,
        });
      }
    }
  }
  return rows;
}
