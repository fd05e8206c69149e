// The ledger on both dialects: every change chained, and any change made behind anjeon's back found.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/connect.js';
import { verifyLedger } from '../../src/store/verify.js';
import { write } from '../../src/store/write.js';
import { backends, freshStore } from './backends.js';

async function addUsers(store: Store, ids: string[]) {
  for (const id of ids) {
    await write(store, 'root', '2025-01-15T09:00:00.000Z', async (w) => {
      await w.tx
        .insertInto('users')
        .values({
          id,
          name: id,
          permission: 'viewer',
          roles: '[]',
          created_at: w.at,
          created_by: w.actor,
        })
        .execute();
      await w.ledger.record('user.add', 'users', { id });
    });
  }
}

describe.each(backends.map((b) => [b.name, b] as const))('the ledger on %s', (_name, backend) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('chains every change and verifies intact', async () => {
    store = await freshStore(backend);
    await addUsers(store, ['a', 'b', 'c']);
    const report = await verifyLedger(store);
    expect(report).toMatchObject({ intact: true, entries: 3, rows: 3, first_bad: null });
    const entries = await store.db.selectFrom('ledger').selectAll().orderBy('seq').execute();
    expect(entries.map((e) => e.prev_hash)).toEqual([
      '0'.repeat(64),
      entries[0]!.hash,
      entries[1]!.hash,
    ]);
  });

  it('finds a row changed outside anjeon, naming the entry it no longer matches', async () => {
    store = await freshStore(backend);
    await addUsers(store, ['a', 'b', 'c']);
    await sql`update users set permission = 'admin' where id = 'b'`.execute(store.db);
    const report = await verifyLedger(store);
    expect(report.intact).toBe(false);
    expect(report.first_bad).toMatchObject({ seq: 2, entity: 'users', entity_id: 'b' });
    expect(report.first_bad!.reason).toContain('changed outside anjeon');
  });

  it('finds a ledger entry whose payload was rewritten', async () => {
    store = await freshStore(backend);
    await addUsers(store, ['a', 'b', 'c']);
    await sql`update ledger set payload = replace(payload, 'viewer', 'admin') where seq = 2`.execute(
      store.db,
    );
    expect((await verifyLedger(store)).first_bad).toMatchObject({
      seq: 2,
      reason: expect.stringContaining('payload was changed'),
    });
  });

  it('finds a deleted entry, and a row added without one', async () => {
    store = await freshStore(backend);
    await addUsers(store, ['a', 'b', 'c']);
    await sql`delete from ledger where seq = 2`.execute(store.db);
    await sql`insert into users (id, name, permission, roles, created_at, created_by) values ('mallory', 'm', 'admin', '[]', 'x', 'x')`.execute(
      store.db,
    );
    const report = await verifyLedger(store);
    expect(report.first_bad).toMatchObject({
      seq: 3,
      reason: 'entry 3 follows entry 1: entries are missing',
    });
    expect(report.problems.map((p) => p.reason)).toContain(
      'users mallory has no ledger entry: it was added outside anjeon',
    );
  });

  it('finds the last entries removed along with their rows', async () => {
    store = await freshStore(backend);
    await addUsers(store, ['a', 'b', 'c']);
    await sql`delete from ledger where seq = 3`.execute(store.db);
    await sql`delete from users where id = 'c'`.execute(store.db);
    expect((await verifyLedger(store)).first_bad!.reason).toContain(
      'does not match the last entry',
    );
  });

  it('keeps the chain whole when many writes race in one process', async () => {
    store = await freshStore(backend);
    await Promise.all(
      Array.from({ length: 4 }, (_, k) =>
        addUsers(
          store,
          Array.from({ length: 10 }, (_, i) => `u${k}-${i}`),
        ),
      ),
    );
    expect(await verifyLedger(store)).toMatchObject({ intact: true, entries: 40, rows: 40 });
  });

  it('changes nothing when a write fails half way', async () => {
    store = await freshStore(backend);
    await addUsers(store, ['a']);
    await expect(
      write(store, 'root', '2025-01-15T10:00:00.000Z', async (w) => {
        await w.tx
          .insertInto('users')
          .values({
            id: 'b',
            name: 'b',
            permission: 'viewer',
            roles: '[]',
            created_at: w.at,
            created_by: w.actor,
          })
          .execute();
        await w.ledger.record('user.add', 'users', { id: 'b' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.db.selectFrom('users').select('id').execute()).toEqual([{ id: 'a' }]);
    expect(await verifyLedger(store)).toMatchObject({ intact: true, entries: 1 });
  });
});
