// Framework files: every preset is valid, and a bad file is rejected with file:line:col messages.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnjeonError } from '../../src/errors.js';
import { parseFramework } from '../../src/frameworks/definition.js';
import { presets } from '../../src/frameworks/files.js';

const presetDir = new URL('../../src/frameworks/presets/', import.meta.url);
const openai = readFileSync(new URL('openai-preparedness-2023.yaml', presetDir), 'utf8');

function problems(text: string): string[] {
  try {
    parseFramework(text, 'mine.yaml');
  } catch (error) {
    if (error instanceof AnjeonError) return [error.message, ...error.details];
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('framework presets', () => {
  it('ships the ten presets with the ids CONTRACTS.md and the issue name', () => {
    expect([...presets().keys()].sort()).toEqual([
      'anthropic-rsp-2023',
      'anthropic-rsp-2024',
      'eu-ai-act-2024',
      'gdm-fsf-2024',
      'gdm-fsf-2025',
      'kr-ai-basic-act-2026',
      'meta-frontier-2025',
      'naver-asf-2024',
      'openai-preparedness-2023',
      'openai-preparedness-2025',
    ]);
    expect(readdirSync(presetDir).filter((n) => n.endsWith('.yaml'))).toHaveLength(10);
  });

  it.each([...presets().values()].map((f) => [f.definition.id, f] as const))(
    '%s cites its source and states what it assumed',
    (_id, f) => {
      const p = f.definition.provenance;
      expect(p.source_url).toMatch(/^https:\/\//);
      expect(p.assumptions.length).toBeGreaterThan(0);
      expect(f.definition.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it.each([
    [
      'openai-preparedness-2023',
      ['cybersecurity', 'cbrn', 'persuasion', 'model_autonomy'],
      ['low', 'medium', 'high', 'critical'],
    ],
    ['anthropic-rsp-2023', ['cbrn', 'cyber', 'autonomy'], ['asl-1', 'asl-2', 'asl-3', 'asl-4']],
    [
      'gdm-fsf-2024',
      ['autonomy', 'biosecurity', 'cybersecurity', 'ml_rnd'],
      ['below_alert', 'alert', 'ccl'],
    ],
    ['naver-asf-2024', ['loss_of_control', 'misuse'], ['low', 'medium', 'high']],
  ])('%s has exactly the domains and scale of CONTRACTS.md', (id, domains, levels) => {
    const f = presets().get(id)!;
    expect(f.definition.domains.map((d) => d.id)).toEqual(domains);
    for (const d of f.definition.domains)
      expect(f.scales.get(d.scale)!.levels.map((l) => l.id)).toEqual(levels);
  });

  it('uses pre/post results for openai-preparedness-2023 only among the CONTRACTS.md presets', () => {
    expect(
      presets()
        .get('openai-preparedness-2023')!
        .definition.domains.every((d) => d.result === 'pre_post'),
    ).toBe(true);
    for (const id of ['anthropic-rsp-2023', 'gdm-fsf-2024', 'naver-asf-2024']) {
      expect(
        presets()
          .get(id)!
          .definition.domains.every((d) => d.result === 'level'),
      ).toBe(true);
    }
  });
});

describe('a framework file with mistakes', () => {
  it('names the line, column and field of an unknown field', () => {
    const text = openai.replace(
      '    scale: risk\n    result: pre_post\n',
      '    scale: risk\n    result: pre_post\n    colour: red\n',
    );
    const [message, ...details] = problems(text);
    expect(message).toBe('mine.yaml is not a valid framework definition');
    expect(details).toEqual([
      expect.stringMatching(/^mine\.yaml:\d+:\d+: domains\[0\]\.colour: unknown field "colour"$/),
    ]);
  });

  it('says what a field expects', () => {
    const [, ...details] = problems(openai.replace('kind: capability', 'kind: frontier'));
    expect(details[0]).toMatch(
      /^mine\.yaml:10:7: kind: expected kind: capability or classification$/,
    );
  });

  it('rejects a level that is not on the domain scale, pointing at the rule', () => {
    const [, ...details] = problems(
      openai.replace(
        'ceiling: { field: post, at_most: medium }',
        'ceiling: { field: post, at_most: moderate }',
      ),
    );
    expect(details.join('\n')).toMatch(
      /mine\.yaml:\d+:\d+: gates\.deploy\[0\]\.ceiling\.at_most: level "moderate" is not on scale risk of domain cybersecurity/,
    );
  });

  it('rejects a safeguard that is required but not declared', () => {
    const [, ...details] = problems(
      openai.replace(
        'require: { safeguards: [asset-protection] }',
        'require: { safeguards: [asset-protections] }',
      ),
    );
    expect(details.join('\n')).toContain(
      'requirements[0].require.safeguards[0]: safeguard "asset-protections" is not declared',
    );
  });

  it('rejects a scale that is not declared', () => {
    const [, ...details] = problems(
      openai.replace(
        '    scale: risk\n    result: pre_post\n    levels:\n      medium: More',
        '    scale: danger\n    result: pre_post\n    levels:\n      medium: More',
      ),
    );
    expect(details.join('\n')).toContain(
      'domains[0].scale: no scale "danger" is declared under scales',
    );
  });

  it('rejects a condition with two tests', () => {
    const [, ...details] = problems(
      openai.replace(
        'when: { domain: { field: pre, at_least: high } }',
        'when: { domain: { field: pre, at_least: high }, always: true }',
      ),
    );
    expect(details.join('\n')).toContain('requirements[0].when: a condition has exactly one of');
  });

  it('rejects malformed YAML with the line of the mistake', () => {
    const [message, ...details] = problems('id: x\nname: [unclosed\n');
    expect(message).toBe('mine.yaml is not valid YAML or JSON');
    expect(details[0]).toMatch(/^mine\.yaml:\d+:\d+: /);
  });

  it('rejects a trigger that is not a compute multiple above 1', () => {
    const [, ...details] = problems(
      openai.replace('effective_compute_multiple: 2', 'effective_compute_multiple: 0.5'),
    );
    expect(details.join('\n')).toContain('a compute multiple must be greater than 1');
  });

  it('accepts an adapted copy under a new id', () => {
    const f = parseFramework(
      openai
        .replace('id: openai-preparedness-2023', 'id: acme-preparedness')
        .replace('at_most: medium', 'at_most: low'),
      'acme.yaml',
    );
    expect(f.definition.id).toBe('acme-preparedness');
    expect(f.origin).toBe('acme.yaml');
  });
});
