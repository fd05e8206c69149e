// Export and import: the whole record moves as one verified bundle, byte for byte, across dialects.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { addModel } from '../../src/registry/models.js';
import { recordEvidence } from '../../src/registry/evaluations.js';
import { addIncident } from '../../src/registry/incidents.js';
import { exportBundle, importBundle } from '../../src/store/bundle.js';
import { openStore, type Store } from '../../src/store/connect.js';
import { verifyLedger } from '../../src/store/verify.js';
import { evidence, testRecord, type TestRecord } from '../registry/record.js';
import { backends, freshStore, postgres, postgresUrl, sqlite, type Backend } from './backends.js';

async function populated(backend: Backend): Promise<TestRecord> {
  const r = await testRecord(backend);
  await addModel(r.ctx, {
    id: 'acme-7b',
    effective_compute: 8e23,
    frameworks: ['anthropic-rsp-2023'],
  });
  await recordEvidence(r.ctx, 'acme-7b', {
    evidence: evidence({
      model: { id: 'acme-7b', effective_compute: 1.5e24 },
      evaluations: [
        {
          date: '2024-11-02',
          effective_compute: 8.0e23,
          results: {
            cbrn: { level: 'asl-3' },
            cyber: { level: 'asl-2' },
            autonomy: { metrics: { aggregate_success: 0.31 } },
          },
        },
      ],
      safeguards: { security: 'asl-3', deployment: 'asl-2' },
      context: { purpose: 'general' },
    }),
    source: {
      name: 'acme.yaml',
      bytes: Buffer.from('model: { id: acme-7b }\n# the original file, with ünïcode\n'),
    },
  });
  await addIncident(r.ctx, {
    model: 'acme-7b',
    severity: 'high',
    title: 'Jailbreak',
    harms: ['hazardous text'],
    links: ['https://example.org/a'],
  });
  return r;
}

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe.each(backends.map((b) => [b.name, b] as const))('bundles on %s', (_name, backend) => {
  it('export, import into a new store, export again: the same bytes, and the ledger still verifies', async () => {
    const r = await populated(backend);
    const first = await exportBundle(r.ctx.store);
    await r.close();
    const target = await freshStore(backend);
    stores.push(target);
    const report = await importBundle(target, first, 'bundle.json');
    expect(report.intact).toBe(true);
    expect(await exportBundle(target)).toBe(first);
    expect((await verifyLedger(target)).intact).toBe(true);
    const blob = await target.db.selectFrom('blobs').select('content').executeTakeFirstOrThrow();
    expect(blob.content.toString('utf8')).toContain('ünïcode');
  });

  it('refuses a store that is not empty, and a bundle whose ledger does not verify, changing nothing', async () => {
    const r = await populated(backend);
    const text = await exportBundle(r.ctx.store);
    await expect(importBundle(r.ctx.store, text, 'bundle.json')).rejects.toThrow(/not empty/);
    await r.close();
    const tampered = text.replace('"asl-3"', '"asl-1"');
    const target = await freshStore(backend);
    stores.push(target);
    const report = await importBundle(target, tampered, 'bundle.json');
    expect(report.intact).toBe(false);
    expect(report.first_bad!.reason).toMatch(/changed outside anjeon|payload was changed/);
    expect(await target.db.selectFrom('ledger').select('seq').execute()).toEqual([]);
  });

  it('rejects a file that is not a bundle', async () => {
    const target = await freshStore(backend);
    stores.push(target);
    await expect(importBundle(target, '{"format": "other"}', 'x.json')).rejects.toThrow(
      'x.json is not an anjeon bundle',
    );
    await expect(importBundle(target, 'not json', 'x.json')).rejects.toThrow('x.json is not JSON');
  });
});

describe.skipIf(!postgresUrl)('bundles across dialects', () => {
  it('moves a record from SQLite to PostgreSQL and back, byte for byte', async () => {
    const r = await populated(sqlite);
    const fromSqlite = await exportBundle(r.ctx.store);
    await r.close();
    const pg = await freshStore(postgres);
    stores.push(pg);
    expect((await importBundle(pg, fromSqlite, 'b.json')).intact).toBe(true);
    const fromPostgres = await exportBundle(pg);
    expect(fromPostgres).toBe(fromSqlite);
    const back = await openStore(sqlite.fresh().location, { create: true });
    stores.push(back);
    await importBundle(back, fromPostgres, 'b.json');
    expect(await exportBundle(back)).toBe(fromSqlite);
    await sql`select 1`.execute(back.db);
  });
});
