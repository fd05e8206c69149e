// `anjeon frameworks list|show|validate` and `anjeon compare` through the CLI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, example, root } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'anjeon-fw-'));

describe('anjeon frameworks', () => {
  it('lists the presets as JSON with the contract fields', async () => {
    const r = await cli(['frameworks', 'list', '--json']);
    const list = JSON.parse(r.stdout) as Record<string, string>[];
    expect(list).toHaveLength(10);
    expect(list.find((f) => f.id === 'eu-ai-act-2024')).toEqual({
      id: 'eu-ai-act-2024',
      name: 'EU AI Act (Regulation (EU) 2024/1689)',
      version: '2024/1689',
      published: '2024-07-12',
      kind: 'classification',
    });
  });

  it('lists the presets as a table', async () => {
    const r = await cli(['frameworks', 'list']);
    expect(r.stdout).toMatch(/naver-asf-2024\s+│ NAVER AI Safety Framework/);
  });

  it('shows a framework with its rules and what it assumed', async () => {
    const r = await cli(['frameworks', 'show', 'gdm-fsf-2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('below_alert < alert < ccl');
    expect(r.stdout).toContain('security >= 2 (blocks develop, deploy) [ccl-security]');
    expect(r.stdout).toContain('6x the evaluated effective compute [compute-6x]');
    expect(r.stdout).toContain('What the source leaves open, and what this file assumes');
  });

  it('shows the EU AI Act ids for context.eu_ai_act', async () => {
    const r = await cli(['frameworks', 'show', 'eu-ai-act-2024', '--json']);
    const def = JSON.parse(r.stdout);
    const area = def.context.find((c: { path: string }) => c.path === 'eu_ai_act.annex_iii_area');
    expect(area.values).toContain('employment');
    expect(def.classification.tiers).toEqual(['minimal', 'limited', 'high', 'prohibited']);
  });

  it('validates a good file with exit 0', async () => {
    const r = await cli([
      'frameworks',
      'validate',
      join(root, 'src/frameworks/presets/naver-asf-2024.yaml'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid framework naver-asf-2024 (2 domains');
  });

  it('rejects a bad file with exit 2 and file:line:col messages', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(join(root, 'src/frameworks/presets/naver-asf-2024.yaml'), 'utf8').replace(
        'months: 3',
        'months: three',
      ),
    );
    const r = await cli(['frameworks', 'validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`${bad.replace(/[/.]/g, '\\$&')}:\\d+:13: triggers\\[0\\]\\.months: `),
    );
    const j = await cli(['frameworks', 'validate', bad, '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({
      file: bad,
      valid: false,
      id: null,
      errors: [expect.stringContaining('triggers[0].months')],
    });
  });
});

describe('anjeon compare', () => {
  it('shows the frameworks side by side and where they disagree', async () => {
    const r = await cli(['compare', '--evidence', example('common-capabilities.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Where the frameworks disagree');
    expect(r.stdout).toMatch(/gdm-fsf-2024 1\.0\s+│ ccl\s+│ BLOCKED/);
    expect(r.stdout).toContain('Common capabilities, as each framework reads them');
  });

  it('judges a chosen subset with --frameworks and prints JSON', async () => {
    const r = await cli([
      'compare',
      '--evidence',
      example('common-capabilities.yaml'),
      '--frameworks',
      'openai-preparedness-2023,gdm-fsf-2024',
      '--json',
    ]);
    const cmp = JSON.parse(r.stdout);
    expect(cmp.frameworks.map((f: { id: string }) => f.id)).toEqual([
      'openai-preparedness-2023',
      'gdm-fsf-2024',
    ]);
    expect(cmp.assessments).toHaveLength(2);
    expect(cmp.disagreements.map((d: { action: string }) => d.action)).toEqual([
      'develop',
      'deploy',
    ]);
  });

  it('asks for scoping when framework-specific results cannot fit every framework', async () => {
    const r = await cli([
      'compare',
      '--evidence',
      example('acme-7b.yaml'),
      '--frameworks',
      'openai-preparedness-2023,gdm-fsf-2024',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not fit every framework compared');
    expect(r.stderr).toContain('gdm-fsf-2024 has no domain "cbrn"');
    expect(r.stderr).toContain('[gdm-fsf-2024]');
  });
});
