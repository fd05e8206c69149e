// CONTRACTS.md §1, gdm-fsf-2024: alert gives a warning that a response plan is due; a CCL requires
// security >= 2 (blocks develop and deploy) and deployment >= 2 (blocks deploy), unless the file
// overrides the mapping; re-evaluate at 6x effective compute or 3 months.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../../src/frameworks/definition.js';
import { evaluation, judge, reasons } from '../judge.js';

const id = 'gdm-fsf-2024';
const model = { id: 'gemini-like' };
const withCcl = [evaluation(id, { level: 'below_alert' }, { cybersecurity: { level: 'ccl' } })];

describe(id, () => {
  it('warns that a response plan is due when any domain is at the alert threshold, without blocking', () => {
    const a = judge(id, {
      model,
      evaluations: [evaluation(id, { level: 'below_alert' }, { ml_rnd: { level: 'alert' } })],
    });
    expect(a.warnings.join('\n')).toMatch(/response plan is due.*ml_rnd is alert/);
    expect(a.gates.develop.allowed).toBe(true);
    expect(a.gates.deploy.allowed).toBe(true);
  });

  it.each([
    // [security, deployment, develop, deploy]
    [undefined, undefined, false, false],
    [1, 3, false, false],
    [2, 1, true, false],
    [2, 2, true, true],
    [4, 3, true, true],
  ])(
    'a CCL with security %s and deployment %s: develop=%s deploy=%s',
    (security, deployment, develop, deploy) => {
      const a = judge(id, {
        model,
        evaluations: withCcl,
        safeguards: {
          ...(security !== undefined ? { security } : {}),
          ...(deployment !== undefined ? { deployment } : {}),
        },
      });
      expect(a.gates.develop.allowed).toBe(develop);
      expect(a.gates.deploy.allowed).toBe(deploy);
      if (!develop)
        expect(reasons(a, 'develop')).toContain(
          'security 2 is required because cybersecurity is ccl',
        );
    },
  );

  it('needs no mitigation level below a CCL', () => {
    const a = judge(id, { model, evaluations: [evaluation(id, { level: 'alert' })] });
    expect(a.required_safeguards).toEqual([]);
    expect(a.gates.deploy.allowed).toBe(true);
  });

  it('follows a framework file that overrides the CCL mapping', () => {
    const text = readFileSync(
      new URL('../../../src/frameworks/presets/gdm-fsf-2024.yaml', import.meta.url),
      'utf8',
    )
      .replace('id: gdm-fsf-2024', 'id: acme-fsf')
      .replace('require: { security: { at_least: 2 } }', 'require: { security: { at_least: 3 } }');
    const own = parseFramework(text, 'acme-fsf.yaml');
    const evidence = { model, evaluations: withCcl, safeguards: { security: 2, deployment: 2 } };
    expect(judge(id, evidence).gates.develop.allowed).toBe(true);
    const a = judge(own, evidence);
    expect(a.gates.develop.allowed).toBe(false);
    expect(reasons(a, 'develop')).toContain('security 3 is required');
  });

  it('is due at 6x effective compute or 3 months after the latest evaluation', () => {
    const evaluations = [evaluation(id, { level: 'below_alert' }, {}, '2024-05-20', 1e24)];
    const a = judge(
      id,
      { model: { id: 'm', effective_compute: 5.9e24 }, evaluations },
      '2024-08-19',
    );
    expect(a.next_evaluation).toMatchObject({
      due: false,
      due_date: '2024-08-20',
      due_at_effective_compute: 6e24,
    });
    expect(
      judge(id, { model: { id: 'm', effective_compute: 6e24 }, evaluations }, '2024-06-01')
        .next_evaluation.due,
    ).toBe(true);
    expect(judge(id, { model: { id: 'm' }, evaluations }, '2024-08-20').next_evaluation.due).toBe(
      true,
    );
  });
});
