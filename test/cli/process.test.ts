// The real `anjeon` entry point in a child process: exit codes, stdin and help.
import { describe, expect, it } from 'vitest';
import { example, spawnCli } from './run-cli.js';

const gate = (action: string) =>
  spawnCli([
    'gate',
    '--framework',
    'anthropic-rsp-2023',
    '--evidence',
    example('acme-7b-rsp.yaml'),
    '--action',
    action,
  ]);

describe('the anjeon process', () => {
  it('exits 3 for a blocked gate and 0 for an allowed one', () => {
    expect(gate('deploy').code).toBe(3);
    expect(gate('develop').code).toBe(0);
  });

  it('reads evidence from stdin with --evidence -', () => {
    const evidence = JSON.stringify({
      model: { id: 'piped' },
      context: { eu_ai_act: { prohibited_practices: ['social_scoring'] } },
    });
    const r = spawnCli(
      ['gate', '--framework', 'eu-ai-act-2024', '--evidence', '-', '--action', 'deploy', '--json'],
      evidence,
    );
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'piped', allowed: false });
  });

  it('exits 2 on bad input without a stack trace, and prints help with examples', () => {
    const bad = spawnCli(['assess', '--framework', 'nope', '--evidence', example('acme-7b.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('    at ');
    const help = spawnCli(['gate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
