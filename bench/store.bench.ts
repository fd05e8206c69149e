// Record benchmark: 10,000 evaluations recorded one `eval record` at a time, then `due` over 1,000
// models and `audit verify`, on SQLite and PostgreSQL; baseline: the same rows inserted bare.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { IsoDate } from '../src/frameworks/dates.js';
import { parseEvidence } from '../src/frameworks/evidence.js';
import type { RegistryContext } from '../src/registry/context.js';
import { recordEvidence } from '../src/registry/evaluations.js';
import { loadPresets } from '../src/registry/framework-store.js';
import { addModel } from '../src/registry/models.js';
import { defaultPolicy } from '../src/registry/policy.js';
import { dueEvaluations } from '../src/registry/scorecards.js';
import { createFirstAdmin } from '../src/registry/users.js';
import { openStore, storeLocation, type Store } from '../src/store/connect.js';
import { verifyLedger } from '../src/store/verify.js';
import type { BenchResult } from './engine.bench.js';

const levels = ['asl-1', 'asl-2', 'asl-3'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function dropSchema(url: string, location: ReturnType<typeof storeLocation>) {
  if (location.dialect !== 'postgres' || !location.schema) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists "${location.schema}" cascade`);
  await client.end();
}

function envFor(dialect: 'sqlite' | 'postgres', url: string): Record<string, string> {
  if (dialect === 'sqlite')
    return { ANJEON_HOME: mkdtempSync(join(tmpdir(), 'anjeon-bench-store-')) };
  return {
    ANJEON_DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}schema=bench_${process.pid}_${Date.now().toString(36)}`,
  };
}

/** The same evaluation rows, inserted one transaction each with no validation and no ledger. */
async function bareInserts(store: Store, count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await store.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('evaluations')
        .values({
          id: `bare-${i}`,
          model_id: `bare-model-${i % 1000}`,
          label: null,
          date: '2024-01-01',
          framework_id: 'anthropic-rsp-2023',
          model_version: null,
          effective_compute: 1e24,
          evaluator: null,
          method: null,
          notes: null,
          results: JSON.stringify({
            cbrn: { level: 'asl-2' },
            cyber: { level: 'asl-2' },
            autonomy: { level: 'asl-2' },
          }),
          capabilities: '{}',
          content_hash: `bare-${i}`,
          source_sha256: null,
          recorded_at: new Date().toISOString(),
          recorded_by: 'bench',
        })
        .execute();
    });
  }
  return performance.now() - start;
}

export async function benchStore(
  dialect: 'sqlite' | 'postgres',
  models = 1000,
  perModel = 10,
): Promise<BenchResult | null> {
  const url =
    process.env.ANJEON_BENCH_DATABASE_URL ??
    process.env.ANJEON_TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  if (dialect === 'postgres' && !(await postgresReachable(url))) {
    process.stderr.write(
      `PostgreSQL is not reachable at ${url}: the PostgreSQL store benchmark is skipped\n`,
    );
    return null;
  }
  const location = storeLocation(envFor(dialect, url));
  const store = await openStore(location, { create: true });
  const clock = () => new Date('2025-06-01T00:00:00Z');
  const admin = await createFirstAdmin(store, 'bench', clock().toISOString());
  const ctx: RegistryContext = { store, actor: admin, policy: defaultPolicy, now: clock };
  await loadPresets(ctx);
  for (let m = 0; m < models; m++)
    await addModel(ctx, { id: `model-${m}`, frameworks: ['anthropic-rsp-2023'] });

  const latencies: number[] = [];
  const start = performance.now();
  for (let k = 0; k < perModel; k++) {
    for (let m = 0; m < models; m++) {
      const date = `2024-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`;
      const evidence = parseEvidence({
        model: { id: `model-${m}` },
        evaluations: [
          {
            date,
            effective_compute: 1e23 * (1 + k),
            results: {
              cbrn: { level: levels[(m + k) % 3]! },
              cyber: { level: 'asl-2' },
              autonomy: { level: 'asl-2' },
            },
          },
        ],
      });
      const t = performance.now();
      await recordEvidence(ctx, `model-${m}`, { evidence });
      latencies.push(performance.now() - t);
    }
  }
  const recordMs = performance.now() - start;
  const evaluations = models * perModel;

  let t = performance.now();
  const due = await dueEvaluations(ctx, '2025-06-01' as IsoDate);
  const dueMs = performance.now() - t;
  t = performance.now();
  const report = await verifyLedger(store);
  const verifyMs = performance.now() - t;
  const bareMs = await bareInserts(store, evaluations);
  await store.close();
  if (dialect === 'postgres') await dropSchema(url, location);

  latencies.sort((a, b) => a - b);
  return {
    name: `record on ${dialect}`,
    figures: {
      models,
      evaluations,
      'eval record ms each (mean)': Number((recordMs / evaluations).toFixed(3)),
      'eval record ms each (p50)': Number(percentile(latencies, 50).toFixed(3)),
      'eval record ms each (p99)': Number(percentile(latencies, 99).toFixed(3)),
      'evaluations recorded per second': Math.round(evaluations / (recordMs / 1000)),
      'baseline: bare inserts per second': Math.round(evaluations / (bareMs / 1000)),
      'eval record time / bare insert time': Number((recordMs / bareMs).toFixed(2)),
      [`due over ${models} models, ms`]: Math.round(dueMs),
      'due: models due': due.filter((d) => d.due).length,
      'audit verify ms': Math.round(verifyMs),
      'ledger entries verified': report.entries,
      intact: String(report.intact),
    },
  };
}
