// gdm-fsf-2025 (v3.0): misuse CCLs need SL2, ML R&D acceleration SL3, automation SL4; any CCL needs
// an approved safety case to deploy; instrumental reasoning is exploratory and does not gate.
import { describe, expect, it } from 'vitest';
import { evaluation, judge, reasons } from '../judge.js';

const id = 'gdm-fsf-2025';
const model = { id: 'gemini-like' };
const with_ = (overrides: Record<string, { level: string }>) => [
  evaluation(id, { level: 'below_alert' }, overrides, '2025-10-01'),
];

describe(id, () => {
  it('allows both gates with no CCL reached and no safeguards recorded', () => {
    const a = judge(id, { model, evaluations: with_({}) }, '2025-10-02');
    expect(a.gates.develop.allowed).toBe(true);
    expect(a.gates.deploy.allowed).toBe(true);
  });

  it.each([
    ['cbrn_uplift', 'sl1', false],
    ['cbrn_uplift', 'sl2', true],
    ['harmful_manipulation', 'sl2', true],
    ['ml_rnd_acceleration', 'sl2', false],
    ['ml_rnd_acceleration', 'sl3', true],
    ['ml_rnd_automation', 'sl3', false],
    ['ml_rnd_automation', 'sl4', true],
  ])('a CCL in %s with security %s: develop=%s', (domain, security, develop) => {
    const a = judge(
      id,
      { model, evaluations: with_({ [domain]: { level: 'ccl' } }), safeguards: { security } },
      '2025-10-02',
    );
    expect(a.gates.develop.allowed).toBe(develop);
    expect(a.gates.deploy.allowed).toBe(false);
    expect(reasons(a, 'deploy')).toContain('safety-case-approved');
  });

  it('deploys a model at a CCL once the safety case is approved and security is in place', () => {
    const a = judge(
      id,
      {
        model,
        evaluations: with_({ cyber_uplift: { level: 'ccl' } }),
        safeguards: { security: 'sl2', implemented: ['safety-case-approved'] },
      },
      '2025-10-02',
    );
    expect(a.gates.deploy.allowed).toBe(true);
  });

  it('does not gate on instrumental reasoning, but warns at a CCL', () => {
    const a = judge(
      id,
      { model, evaluations: with_({ instrumental_reasoning: { level: 'l1' } }) },
      '2025-10-02',
    );
    expect(a.gates.deploy.allowed).toBe(true);
    expect(a.warnings.join()).toContain('chain-of-thought');
  });

  it('warns at an alert threshold', () => {
    const a = judge(
      id,
      { model, evaluations: with_({ cbrn_uplift: { level: 'alert' } }) },
      '2025-10-02',
    );
    expect(a.warnings.join()).toMatch(/Alert threshold reached.*cbrn_uplift is alert/);
  });
});
