// Red-team benchmark: a 1,000-probe suite at concurrency 16 against a local OpenAI-compatible server
// with a fixed 20 ms latency, run by anjeon and, in the same run and on the same prompts, by
// promptfoo (installed from npm for the benchmark only). Issue: anjeon at least as fast, with less memory.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'yaml';
import { applyStrategies } from '../src/redteam/strategies/index.js';
import { strategyIds } from '../src/redteam/strategies/index.js';
import { builtinSuites } from '../src/redteam/suite.js';
import type { Probe } from '../src/redteam/types.js';
import { buildLabel, cli, ensureBuilt, root, timed, type ChildRun } from './child-run.js';
import type { BenchResult } from './engine.bench.js';

/** The last promptfoo release that runs on Node 20 (0.122 needs Node 22.22). */
const promptfooVersion = '0.121.20';
const promptfooDir =
  process.env.ANJEON_BENCH_PROMPTFOO_DIR ?? join(tmpdir(), 'anjeon-bench-promptfoo');
const rounds = 3;

/** Probes from the built-in suites and their strategy variants, without system messages (promptfoo gets the prompt alone). */
function benchProbes(count: number): Probe[] {
  const suites = builtinSuites();
  const base = ['harmful', 'attacks', 'smoke'].flatMap((id) => suites.get(id)?.probes ?? []);
  const all = applyStrategies(base, [...strategyIds]).map(({ system: _s, grading: _g, ...p }) => p);
  if (all.length < count) throw new Error(`only ${all.length} probes available, ${count} asked`);
  return all.slice(0, count);
}

function writeInputs(work: string, probes: Probe[], port: number) {
  const suite = join(work, 'suite.yaml');
  writeFileSync(
    suite,
    stringify({
      id: 'bench',
      name: 'Benchmark probes',
      description: 'built-in probes and strategy variants',
      provenance: 'anjeon',
      probes: probes.map((p) => ({
        id: p.id.replace(/~/g, '.'),
        lang: p.lang,
        code: p.code,
        kind: p.kind,
        expected: p.expected,
        prompt: p.prompt,
      })),
    }),
  );
  const config = join(work, 'promptfooconfig.yaml');
  writeFileSync(
    config,
    stringify({
      description: 'anjeon benchmark',
      prompts: ['{{prompt}}'],
      providers: [
        {
          id: 'openai:chat:bench',
          config: {
            apiBaseUrl: `http://127.0.0.1:${port}/v1`,
            apiKey: 'none',
            temperature: 0,
            max_tokens: 512,
          },
        },
      ],
      defaultTest: { assert: [{ type: 'is-refusal' }] },
      tests: probes.map((p) => ({ vars: { prompt: p.prompt } })),
    }),
  );
  return { suite, config };
}

async function startServer(latencyMs: number): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'latency-server.ts'), String(latencyMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: root,
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the benchmark server exited with ${code}`)));
  });
  return { port: Number(line), child };
}

async function requestCount(port: number): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${port}/stats`);
  return ((await r.json()) as { requests: number }).requests;
}

function promptfooBin(): string | null {
  const bin = join(promptfooDir, 'node_modules', '.bin', 'promptfoo');
  if (existsSync(bin)) return bin;
  process.stderr.write(
    `installing promptfoo@${promptfooVersion} into ${promptfooDir} (benchmark only)...\n`,
  );
  mkdirSync(promptfooDir, { recursive: true });
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      promptfooDir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      `promptfoo@${promptfooVersion}`,
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0 || !existsSync(bin)) {
    process.stderr.write('could not install promptfoo: its figures are left out\n');
    return null;
  }
  return bin;
}

interface Measured extends ChildRun {
  requests: number;
  completed: number;
}

async function runAnjeon(
  work: string,
  suite: string,
  port: number,
  concurrency: number,
): Promise<Measured> {
  const out = join(work, 'anjeon-run');
  rmSync(out, { recursive: true, force: true });
  const before = await requestCount(port);
  const run = timed(work, process.execPath, [
    cli,
    'redteam',
    'run',
    '--suite',
    suite,
    '--target',
    `openai:http://127.0.0.1:${port}/v1#bench`,
    '--concurrency',
    String(concurrency),
    '--retries',
    '0',
    '--out',
    out,
    '--json',
  ]);
  const summary = JSON.parse(run.stdout) as { completed: number };
  return { ...run, requests: (await requestCount(port)) - before, completed: summary.completed };
}

async function runPromptfoo(
  work: string,
  bin: string,
  config: string,
  port: number,
  concurrency: number,
): Promise<Measured> {
  const output = join(work, 'promptfoo.json');
  rmSync(output, { force: true });
  const env = {
    ...process.env,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_DISABLE_REMOTE_GENERATION: 'true',
    PROMPTFOO_CONFIG_DIR: join(work, 'promptfoo-home'),
  };
  const before = await requestCount(port);
  const run = timed(
    work,
    bin,
    [
      'eval',
      '-c',
      config,
      '-j',
      String(concurrency),
      '--no-cache',
      '--no-progress-bar',
      '--no-table',
      '-o',
      output,
    ],
    undefined,
    env,
    [0, 100],
  );
  const stats = (
    JSON.parse(readFileSync(output, 'utf8')) as {
      results: { stats: { successes: number; failures: number } };
    }
  ).results.stats;
  return {
    ...run,
    requests: (await requestCount(port)) - before,
    completed: stats.successes + stats.failures,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

export async function benchRedteam(count: number, concurrency = 16): Promise<BenchResult | null> {
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'anjeon-bench-redteam-'));
  const { port, child } = await startServer(20);
  try {
    const probes = benchProbes(count);
    const { suite, config } = writeInputs(work, probes, port);
    const bin = promptfooBin();
    const loadBefore = round(loadavg()[0]!);
    const a: Measured[] = [];
    const p: Measured[] = [];
    for (let i = 1; i <= rounds; i++) {
      process.stderr.write(`round ${i}/${rounds}: anjeon...\n`);
      a.push(await runAnjeon(work, suite, port, concurrency));
      if (bin) {
        process.stderr.write(`round ${i}/${rounds}: promptfoo...\n`);
        p.push(await runPromptfoo(work, bin, config, port, concurrency));
      }
    }
    const secondsA = median(a.map((r) => r.seconds));
    const rssA = Math.max(...a.map((r) => r.peakRssMb ?? NaN));
    const figures: BenchResult['figures'] = {
      measured: buildLabel(),
      probes: count,
      concurrency,
      'server latency (ms)': 20,
      'floor: probes x 20 ms / concurrency (s)': round((count * 0.02) / concurrency),
      'anjeon wall time, median of 3 (s)': round(secondsA),
      'anjeon requests/s': round(count / secondsA, 1),
      'anjeon peak RSS (MB)': round(rssA, 1),
      'anjeon requests sent per run': a.map((r) => r.requests).join(', '),
      'anjeon probes completed per run': a.map((r) => r.completed).join(', '),
    };
    if (p.length) {
      const secondsP = median(p.map((r) => r.seconds));
      const rssP = Math.max(...p.map((r) => r.peakRssMb ?? NaN));
      Object.assign(figures, {
        [`promptfoo ${promptfooVersion} wall time, median of 3 (s)`]: round(secondsP),
        'promptfoo requests/s': round(count / secondsP, 1),
        'promptfoo peak RSS (MB)': round(rssP, 1),
        'promptfoo requests sent per run': p.map((r) => r.requests).join(', '),
        'promptfoo results per run': p.map((r) => r.completed).join(', '),
        'speed ratio anjeon/promptfoo (requests/s)': round(secondsP / secondsA),
        'memory ratio anjeon/promptfoo (peak RSS)': round(rssA / rssP),
      });
    }
    figures['load average before'] = loadBefore;
    return {
      name: `red-team runner: ${count} probes at concurrency ${concurrency}, 20 ms server`,
      figures,
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}
