// Running a built CLI or another tool as a child process for a benchmark: wall time and peak memory.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MiB = 1 << 20;
export const root = fileURLToPath(new URL('..', import.meta.url));
export const cli = join(root, 'dist', 'cli', 'main.js');
const gnuTime = '/usr/bin/time';

export interface ChildRun {
  seconds: number;
  peakRssMb: number | null;
  stdout: string;
}

/** Runs a command to completion, timing it wall-clock and taking its peak RSS from GNU time. */
export function timed(
  work: string,
  command: string,
  args: string[],
  stdoutFile?: string,
  env?: NodeJS.ProcessEnv,
  /** Exit codes that mean "finished" for this tool (promptfoo exits 100 when assertions fail). */
  okCodes: number[] = [0],
): ChildRun {
  const timeFile = join(work, 'time.txt');
  const withTime = existsSync(gnuTime);
  const [file, argv] = withTime
    ? [gnuTime, ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, args];
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe';
  const started = performance.now();
  const r = spawnSync(file, argv, {
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * MiB,
    ...(env ? { env } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  if (typeof out === 'number') closeSync(out);
  if (r.error) throw r.error;
  // ripgrep exits 1 when nothing matched, which is a result, not a failure.
  if (!okCodes.includes(r.status ?? -1) && !(command === 'rg' && r.status === 1))
    throw new Error(`${command} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
  // GNU time puts "Command exited with non-zero status" first when there is one.
  const kb = withTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, peakRssMb: Number.isFinite(kb) ? kb / 1024 : null, stdout: r.stdout ?? '' };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  return newest;
}

/** The built CLI, building it when missing; a warning when src/ changed after the last build. */
export function ensureBuilt(): void {
  if (!existsSync(cli)) {
    process.stderr.write(`${cli} is missing: running npm run build\n`);
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(cli))
      throw new Error(`npm run build failed, and the benchmarks run the built CLI (${cli})`);
  } else if (newestMtime(join(root, 'src')) > statSync(cli).mtimeMs) {
    process.stderr.write('warning: src/ is newer than dist/: run npm run build to measure it\n');
  }
}

/** Which code was measured: the commit, whether src/ had changes, and when dist/ was built. */
export function buildLabel(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src') !== '';
  return `${head}${dirty ? ' + uncommitted src/' : ''}, dist ${statSync(cli).mtime.toISOString()}`;
}
