// Every example in --help that uses a file shipped with anjeon runs as printed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from './run-cli.js';

const commands = [
  [],
  ['frameworks', 'list'],
  ['frameworks', 'show'],
  ['frameworks', 'validate'],
  ['assess'],
  ['gate'],
  ['compare'],
];

async function examples(): Promise<string[][]> {
  const found: string[][] = [];
  for (const command of commands) {
    const help = (await cli([...command, '--help'])).stdout;
    for (const line of help.split('\n')) {
      const m = /^\s+anjeon (.+)$/.exec(line);
      if (!m || m[1]!.includes('<') || m[1]!.includes('|')) continue;
      const args = m[1]!.split(/\s+/);
      // Examples that read the record are run by the record's own tests, in a store made for them.
      const stateless =
        !args.includes('--record') &&
        (args.includes('--evidence') || ['frameworks', 'compare'].includes(args[0]!));
      if (!stateless) continue;
      const files = args.filter((a) => /\.(ya?ml|json)$/.test(a));
      if (files.every((f) => existsSync(join(root, f)))) found.push(args);
    }
  }
  return found;
}

describe('help examples', () => {
  it('run as printed, with an exit code of 0 or 3', async () => {
    const list = await examples();
    expect(list.length).toBeGreaterThanOrEqual(8);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      for (const args of list) {
        const r = await cli(args);
        expect({ args: args.join(' '), code: r.code, stderr: r.stderr }).toMatchObject({
          code: expect.toBeOneOf([0, 3]),
        });
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
