// A scan killed halfway and resumed gives the same outputs as one that ran through.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, spawnCli } from '../cli/run-cli.js';
import { tempDir } from './options.js';

const dir = tempDir();
const input = join(dir, 'corpus.jsonl');
const lines = Array.from({ length: 12_000 }, (_, i) =>
  JSON.stringify({
    id: `r${i}`,
    text:
      i % 5 === 0
        ? `고객 ${i}의 연락처는 010-${String(3000 + (i % 6000)).padStart(4, '0')}-1234 이고 메일은 user${i}@example.com 입니다.`
        : `Record ${i}: an ordinary sentence about the weather, the market and a meeting at ${i % 12} o'clock.`,
  }),
);
writeFileSync(input, lines.join('\n') + '\n');

function args(prefix: string): string[] {
  return [
    'scan',
    input,
    '--findings',
    join(dir, `${prefix}.findings.jsonl`),
    '--redact',
    join(dir, `${prefix}.redacted.jsonl`),
    '--report',
    join(dir, `${prefix}.report.json`),
    '--workers',
    '2',
    '--chunk-bytes',
    '16384',
    '--json',
  ];
}

const env = { ...process.env, NO_COLOR: '1', ANJEON_SCAN_CHECKPOINT_MS: '0' };

/**
 * Starts the scan and stops it once part of it is on disk: SIGKILL leaves no chance to clean up;
 * SIGINT (Ctrl-C) lets it finish the chunks in flight and save a checkpoint. Returns its stderr.
 */
async function stopHalfway(a: string[], partial: string, signal: NodeJS.Signals): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...a], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const total = statSync(input).size;
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const done = existsSync(partial) ? statSync(partial).size : 0;
      if (done > total * 0.2) {
        clearInterval(timer);
        child.kill(signal);
        resolve();
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error('the scan finished before it could be killed; make the corpus larger'));
    });
  });
  await new Promise((r) => child.once('close', r));
  return stderr;
}

function expectSameAsWhole(prefix: string): void {
  for (const name of ['findings.jsonl', 'redacted.jsonl'])
    expect(readFileSync(join(dir, `${prefix}.${name}`), 'utf8')).toBe(
      readFileSync(join(dir, `whole.${name}`), 'utf8'),
    );
  const a = JSON.parse(readFileSync(join(dir, 'whole.report.json'), 'utf8'));
  const b = JSON.parse(readFileSync(join(dir, `${prefix}.report.json`), 'utf8'));
  expect(b.resumed).toBe(1);
  for (const key of ['records', 'records_with_pii', 'findings', 'malformed', 'samples'])
    expect(b[key], key).toEqual(a[key]);
  // The redacted copy's name differs between the two runs; nothing else in it may.
  expect({ ...b.redaction, output: '' }).toEqual({ ...a.redaction, output: '' });
  expect(b.redaction.output).toBe(join(dir, `${prefix}.redacted.jsonl`));
  expect(a.records).toBe(12_000);
  expect(existsSync(join(dir, `${prefix}.report.json.checkpoint.json`))).toBe(false);
}

describe('scan --resume', () => {
  beforeAll(() => {
    const whole = spawnCli(args('whole'));
    expect(whole.code, whole.stderr).toBe(0);
  });

  it(
    'after a kill, continues without duplicating or losing records',
    { timeout: 120_000 },
    async () => {
      await stopHalfway(args('cut'), join(dir, 'cut.redacted.jsonl.partial'), 'SIGKILL');
      expect(existsSync(join(dir, 'cut.report.json.checkpoint.json'))).toBe(true);
      expect(existsSync(join(dir, 'cut.redacted.jsonl'))).toBe(false);

      const again = spawnCli(args('cut'));
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/--resume/);

      const resumed = spawnCli([...args('cut'), '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expectSameAsWhole('cut');
    },
  );

  it(
    'after Ctrl-C, says how to resume and resumes the same way',
    { timeout: 120_000 },
    async () => {
      const stderr = await stopHalfway(
        args('int'),
        join(dir, 'int.redacted.jsonl.partial'),
        'SIGINT',
      );
      expect(stderr).toMatch(/interrupted/);
      expect(stderr).toMatch(/--resume/);
      expect(existsSync(join(dir, 'int.report.json.checkpoint.json'))).toBe(true);
      const resumed = spawnCli([...args('int'), '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expectSameAsWhole('int');
    },
  );
});
