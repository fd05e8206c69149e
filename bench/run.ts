// `npm run bench [-- NAME ...]`: runs the benchmarks, prints their figures, writes them to bench/out/.

import { mkdirSync, writeFileSync } from 'node:fs';
import { benchEngine, type BenchResult } from './engine.bench.js';
import { benchGuard } from './guard.bench.js';
import { benchRedteam } from './redteam.bench.js';
import { benchScan } from './scan.bench.js';
import { benchStore } from './store.bench.js';

const benches: Record<string, () => BenchResult | null | Promise<BenchResult | null>> = {
  engine: () => benchEngine(Number(process.env.ANJEON_BENCH_FILES ?? 10_000)),
  'store-sqlite': () => benchStore('sqlite', Number(process.env.ANJEON_BENCH_MODELS ?? 1000)),
  guard: () => benchGuard(Number(process.env.ANJEON_BENCH_CHECKS ?? 20_000)),
  'store-postgres': () => benchStore('postgres', Number(process.env.ANJEON_BENCH_MODELS ?? 1000)),
  scan: () => benchScan(Number(process.env.ANJEON_BENCH_SCAN_MB ?? 1024)),
  redteam: () => benchRedteam(Number(process.env.ANJEON_BENCH_PROBES ?? 1000)),
};
/**
 * Run only when named: the scan benchmark writes gigabytes to the temp dir and takes minutes; the
 * red-team one installs promptfoo from npm.
 */
const onlyWhenNamed = new Set(['scan', 'redteam']);
const only = process.argv.slice(2);

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
for (const [name, bench] of Object.entries(benches)) {
  if (only.length ? !only.includes(name) : onlyWhenNamed.has(name)) continue;
  process.stderr.write(`running ${name}...\n`);
  const result = await bench();
  if (!result) continue;
  console.log(`\n${result.name}`);
  for (const [k, v] of Object.entries(result.figures)) console.log(`  ${k.padEnd(40)} ${v}`);
  writeFileSync(
    new URL(`./out/${name}.json`, import.meta.url),
    JSON.stringify({ ...result, node: process.version, at: new Date().toISOString() }, null, 2),
  );
}
