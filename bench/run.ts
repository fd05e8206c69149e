// `npm run bench`: runs every benchmark, prints its figures, and writes them to bench/out/.

import { mkdirSync, writeFileSync } from 'node:fs';
import { benchEngine } from './engine.bench.js';

const benches = { engine: () => benchEngine(Number(process.env.ANJEON_BENCH_FILES ?? 10_000)) };
const only = process.argv.slice(2);

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
for (const [name, bench] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`running ${name}...\n`);
  const result = bench();
  console.log(`\n${result.name}`);
  for (const [k, v] of Object.entries(result.figures)) console.log(`  ${k.padEnd(40)} ${v}`);
  writeFileSync(
    new URL(`./out/${name}.json`, import.meta.url),
    JSON.stringify({ ...result, node: process.version, at: new Date().toISOString() }, null, 2),
  );
}
