// Several processes writing at once lose nothing; a process killed mid-write leaves a store that opens
// and verifies.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, storeLocation } from '../../src/store/connect.js';
import { verifyLedger } from '../../src/store/verify.js';
import { cli, root } from '../cli/run-cli.js';
import { backends } from './backends.js';

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function prepared(env: Record<string, string>) {
  const as = (args: string[]) => cli(['--as', 'alice', ...args], { env });
  expect((await as(['init'])).code).toBe(0);
  expect((await as(['model', 'add', 'm', '--frameworks', 'anthropic-rsp-2023'])).code).toBe(0);
}

async function evaluationsAndVerify(env: Record<string, string>) {
  const store = await openStore(storeLocation(env));
  try {
    const count = (await store.db.selectFrom('evaluations').select('id').execute()).length;
    return { count, report: await verifyLedger(store) };
  } finally {
    await store.close();
  }
}

describe.each(backends.map((b) => [b.name, b] as const))('reliability on %s', (_name, backend) => {
  it('loses nothing when eight `eval record` processes run at once', async () => {
    const { env } = backend.fresh();
    await prepared(env);
    const dir = mkdtempSync(join(tmpdir(), 'anjeon-concurrent-'));
    const runs = Array.from({ length: 8 }, (_, i) => {
      const file = join(dir, `e${i}.yaml`);
      writeFileSync(
        file,
        `model: { id: m }\nevaluations:\n  - date: 2024-10-${String(i + 1).padStart(2, '0')}\n    results: { cbrn: { level: asl-2 }, cyber: { level: asl-2 }, autonomy: { level: asl-2 } }\nsafeguards: { security: asl-${(i % 2) + 1} }\n`,
      );
      return run(
        ['src/cli/main.ts', '--as', 'alice', 'eval', 'record', 'm', '--evidence', file],
        env,
      );
    });
    const results = await Promise.all(runs);
    for (const r of results)
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const { count, report } = await evaluationsAndVerify(env);
    expect(count).toBe(8);
    expect(report.intact).toBe(true);
  }, 60_000);

  it('loses nothing when three processes each write 40 evaluations at the same time', async () => {
    const { env } = backend.fresh();
    await prepared(env);
    const writers = [0, 1, 2].map((k) =>
      run(['test/store/fixtures/writer.ts', 'm', String(k * 100), '40'], env),
    );
    const results = await Promise.all(writers);
    for (const r of results)
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const { count, report } = await evaluationsAndVerify(env);
    expect(count).toBe(120);
    expect(report).toMatchObject({ intact: true });
  }, 60_000);

  it('opens and verifies after a writer is killed in the middle of writing', async () => {
    const { env } = backend.fresh();
    await prepared(env);
    for (let round = 0; round < 3; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/store/fixtures/writer.ts', 'm', String(round * 1000), '1000'],
        {
          cwd: root,
          env: { ...process.env, ...env },
        },
      );
      let lines = 0;
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          lines += d.toString().split('\n').filter(Boolean).length;
          if (lines >= 15 + round * 7) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('close', () => resolve());
      });
      await new Promise((r) => child.on('close', r));
      const { count, report } = await evaluationsAndVerify(env);
      expect(report.intact).toBe(true);
      expect(count).toBeGreaterThanOrEqual(lines);
    }
  }, 60_000);
});
