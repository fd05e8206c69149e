// Test support: run the CLI in-process with captured output, or as a real process.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  options: { today?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => void (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (stderr += t.endsWith('\n') ? t : `${t}\n`),
    color: pc.createColors(false),
    env: options.env ?? {},
    today: () => options.today ?? '2025-01-15',
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** The real entry point in a child process (through tsx, so no build is needed). */
export function spawnCli(args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const example = (name: string) => `${root}examples/${name}`;
