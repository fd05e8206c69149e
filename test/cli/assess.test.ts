// `anjeon assess` and `anjeon gate` through the CLI: output, exit codes and errors a person can act on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, example } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'anjeon-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('anjeon assess', () => {
  it('prints a scorecard with the gates and the next evaluation', async () => {
    const r = await cli([
      'assess',
      '--framework',
      'openai-preparedness-2023',
      '--evidence',
      example('acme-7b.yaml'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('acme-7b  under OpenAI Preparedness Framework (Beta)');
    expect(r.stdout).toMatch(/cbrn\s+│ high\s+│ medium\s+│ 2024-11-02/);
    expect(r.stdout).toMatch(/develop\s+ALLOWED/);
    expect(r.stdout).toContain('Next evaluation: not due');
    expect(r.stderr).toBe('');
  });

  it('prints one JSON document in the CONTRACTS.md shape with --json', async () => {
    const r = await cli([
      'assess',
      '--framework',
      'openai-preparedness-2023',
      '--evidence',
      example('acme-7b.yaml'),
      '--json',
    ]);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({
      framework: { id: 'openai-preparedness-2023', version: 'beta' },
      model: 'acme-7b',
      as_of: '2025-01-15',
      overall: { level: 'high', pre: 'high', post: 'medium' },
      gates: { develop: { allowed: true }, deploy: { allowed: true } },
      required_safeguards: [{ id: 'asset-protection', met: true }],
      next_evaluation: { due: false, due_date: null, due_at_effective_compute: 1.6e24 },
      classification: null,
      warnings: [],
    });
  });

  it('lets --as-of win over the file, and the file win over today', async () => {
    const args = [
      'assess',
      '--framework',
      'anthropic-rsp-2023',
      '--evidence',
      example('acme-7b-rsp.yaml'),
      '--json',
    ];
    expect(JSON.parse((await cli(args, { today: '2030-01-01' })).stdout).as_of).toBe('2025-01-15');
    const later = JSON.parse((await cli([...args, '--as-of', '2025-03-01'])).stdout);
    expect(later.as_of).toBe('2025-03-01');
    expect(later.next_evaluation).toMatchObject({ due: true, due_date: '2025-02-02' });
    const noDate = file('no-date.yaml', 'model: { id: m }\n');
    expect(
      JSON.parse(
        (
          await cli(['assess', '--framework', 'eu-ai-act-2024', '--evidence', noDate, '--json'], {
            today: '2026-11-27',
          })
        ).stdout,
      ).as_of,
    ).toBe('2026-11-27');
  });

  it('explains in Korean with --lang ko', async () => {
    const r = await cli([
      '--lang',
      'ko',
      'assess',
      '--framework',
      'anthropic-rsp-2023',
      '--evidence',
      example('acme-7b-rsp.yaml'),
    ]);
    expect(r.stdout).toContain('게이트');
    expect(r.stdout).toContain('배포');
    expect(r.stdout).toContain('필요합니다');
  });

  it('reads a framework file an organisation adapted', async () => {
    const text = (await import('node:fs'))
      .readFileSync(
        new URL('../../src/frameworks/presets/openai-preparedness-2023.yaml', import.meta.url),
        'utf8',
      )
      .replace('id: openai-preparedness-2023', 'id: acme-strict')
      .replace(
        'ceiling: { field: post, at_most: medium }',
        'ceiling: { field: post, at_most: low }',
      );
    const own = file('acme-strict.yaml', text);
    const r = await cli([
      'gate',
      '--framework',
      own,
      '--evidence',
      example('acme-7b.yaml'),
      '--action',
      'deploy',
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('deploy BLOCKED: acme-7b under acme-strict');
    expect(r.stdout).toContain('post-mitigation cbrn is medium');
  });
});

describe('anjeon gate', () => {
  it('exits 0 when the action is allowed', async () => {
    const r = await cli([
      'gate',
      '--framework',
      'openai-preparedness-2023',
      '--evidence',
      example('acme-7b.yaml'),
      '--action',
      'deploy',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^deploy ALLOWED/);
  });

  it('exits 3 when blocked and says why', async () => {
    const r = await cli([
      'gate',
      '--framework',
      'anthropic-rsp-2023',
      '--evidence',
      example('acme-7b-rsp.yaml'),
      '--action',
      'deploy',
      '--json',
    ]);
    expect(r.code).toBe(3);
    const g = JSON.parse(r.stdout);
    expect(g).toMatchObject({ action: 'deploy', allowed: false, model: 'acme-7b' });
    expect(g.reasons.join()).toContain('deployment safeguards asl-3 are required');
    expect(g.required_safeguards.map((s: { id: string }) => s.id)).toEqual([
      'security',
      'deployment',
    ]);
  });

  it('rejects an action that does not exist', async () => {
    const r = await cli([
      'gate',
      '--framework',
      'gdm-fsf-2024',
      '--evidence',
      example('acme-7b.yaml'),
      '--action',
      'ship',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'ship' is invalid");
  });
});

describe('bad input exits 2 with a message that names the file and the field', () => {
  it('an unknown framework id', async () => {
    const r = await cli([
      'assess',
      '--framework',
      'openai-2023',
      '--evidence',
      example('acme-7b.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--framework: unknown framework "openai-2023"');
    expect(r.stderr).toContain('openai-preparedness-2023');
  });

  it('an unknown domain in the evidence', async () => {
    const bad = file(
      'domain.yaml',
      'model: { id: m }\nevaluations:\n  - date: 2024-11-02\n    results:\n      bio: { pre: low, post: low }\n',
    );
    const r = await cli(['assess', '--framework', 'openai-preparedness-2023', '--evidence', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${bad}:5:12: evaluations[0].results.bio: openai-preparedness-2023 has no domain "bio"`,
    );
  });

  it('an unknown level in the evidence', async () => {
    const bad = file(
      'level.yaml',
      'model: { id: m }\nevaluations:\n  - date: 2024-11-02\n    results:\n      cbrn: { level: asl-9 }\n',
    );
    const r = await cli([
      'gate',
      '--framework',
      'anthropic-rsp-2023',
      '--evidence',
      bad,
      '--action',
      'develop',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${bad}:5:22: evaluations[0].results.cbrn.level: "asl-9" is not a level of cbrn in anthropic-rsp-2023`,
    );
  });

  it('malformed YAML', async () => {
    const bad = file('broken.yaml', 'model:\n  id: m\nevaluations: [\n  - date\n');
    const r = await cli(['assess', '--framework', 'anthropic-rsp-2023', '--evidence', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[/.]/g, '\\$&')}:\\d+:\\d+: `));
    expect(r.stderr).toContain('is not valid YAML or JSON');
  });

  it('a date like 2025-02-30', async () => {
    const bad = file(
      'date.json',
      JSON.stringify(
        { model: { id: 'm' }, evaluations: [{ date: '2025-02-30', results: {} }] },
        null,
        2,
      ),
    );
    const r = await cli(['assess', '--framework', 'anthropic-rsp-2023', '--evidence', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${bad}:7:15: evaluations[0].date: "2025-02-30" does not exist: month 2 of 2025 has 28 days`,
    );
  });

  it('an --as-of that is not a date', async () => {
    const r = await cli([
      'assess',
      '--framework',
      'anthropic-rsp-2023',
      '--evidence',
      example('acme-7b-rsp.yaml'),
      '--as-of',
      '2025-04-31',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of: "2025-04-31" does not exist');
  });

  it('a missing evidence file', async () => {
    const r = await cli([
      'assess',
      '--framework',
      'anthropic-rsp-2023',
      '--evidence',
      join(dir, 'nope.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: no such file');
  });

  it('a missing required option', async () => {
    const r = await cli(['assess', '--framework', 'anthropic-rsp-2023']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--evidence <file>' not specified");
  });
});
