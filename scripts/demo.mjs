// `npm run demo`: the life of one model in a fresh embedded record (./.anjeon-demo), step by step.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const home = `${root}.anjeon-demo`;
rmSync(home, { recursive: true, force: true });
const env = { ...process.env, ANJEON_HOME: home, ANJEON_NOW: '2025-01-15T09:00:00Z' };

const steps = [
  ['--as', 'alice', 'init'],
  ['--as', 'alice', 'user', 'add', 'bob', '--permission', 'approver', '--roles', 'safety-lead'],
  ['--as', 'alice', 'user', 'add', 'carol', '--permission', 'approver', '--roles', 'executive'],
  [
    '--as',
    'alice',
    'model',
    'add',
    'acme-7b',
    '--name',
    'Acme 7B',
    '--frameworks',
    'openai-preparedness-2023',
  ],
  ['--as', 'alice', 'eval', 'record', 'acme-7b', '--evidence', 'examples/acme-7b.yaml'],
  ['--as', 'alice', 'scorecard', 'acme-7b'],
  [
    '--as',
    'alice',
    'decision',
    'request',
    'acme-7b',
    '--framework',
    'openai-preparedness-2023',
    '--action',
    'deploy',
    '--note',
    'public API launch',
  ],
  ['--as', 'bob', 'decision', 'approve', 'dec-1', '--comment', 'red-team results reviewed'],
  ['--as', 'carol', 'decision', 'approve', 'dec-1'],
  ['--as', 'alice', 'audit', 'verify'],
];

for (const args of steps) {
  const shown = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
  process.stdout.write(`\n$ anjeon ${shown}\n`);
  const r = spawnSync(process.execPath, [`${root}dist/cli/main.js`, ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    process.stderr.write(`the demo stopped: that step exited ${r.status}\n`);
    process.exit(r.status ?? 1);
  }
}
process.stdout.write(
  `\nThe record is in ${home}; try: ANJEON_HOME=${home} npx anjeon --as alice model show acme-7b\n`,
);
