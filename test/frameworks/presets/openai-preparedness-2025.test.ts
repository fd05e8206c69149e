// openai-preparedness-2025 (v2): High needs a safeguards report before deployment and security
// during development; Critical needs Critical safeguards to go on at all; coverage is event-based.
import { describe, expect, it } from 'vitest';
import { judge, reasons } from '../judge.js';

const id = 'openai-preparedness-2025';
const model = { id: 'gpt-like' };
const tracked = (overrides: Record<string, string> = {}) => ({
  date: '2025-05-01',
  results: Object.fromEntries(
    ['biological_chemical', 'cybersecurity', 'ai_self_improvement'].map((d) => [
      d,
      { level: overrides[d] ?? 'below_high' },
    ]),
  ),
});

describe(id, () => {
  it('allows both gates below High, without any research category evaluated', () => {
    const a = judge(id, { model, evaluations: [tracked()] }, '2025-06-01');
    expect(a.gates.develop.allowed).toBe(true);
    expect(a.gates.deploy.allowed).toBe(true);
    expect(a.domains.filter((d) => !d.gating).every((d) => d.level === null)).toBe(true);
  });

  it.each([
    [[], false, false],
    [['security-controls'], true, false],
    [['security-controls', 'high-safeguards-report'], true, true],
  ])(
    'High in biological_chemical with %j: develop=%s deploy=%s',
    (implemented, develop, deploy) => {
      const a = judge(
        id,
        {
          model,
          evaluations: [tracked({ biological_chemical: 'high' })],
          safeguards: { implemented },
        },
        '2025-06-01',
      );
      expect(a.gates.develop.allowed).toBe(develop);
      expect(a.gates.deploy.allowed).toBe(deploy);
    },
  );

  it('halts development at Critical until Critical safeguards are in place', () => {
    const implemented = ['security-controls', 'high-safeguards-report'];
    const a = judge(
      id,
      { model, evaluations: [tracked({ cybersecurity: 'critical' })], safeguards: { implemented } },
      '2025-06-01',
    );
    expect(a.gates.develop.allowed).toBe(false);
    expect(reasons(a, 'develop')).toContain('critical-safeguards');
    const b = judge(
      id,
      {
        model,
        evaluations: [tracked({ cybersecurity: 'critical' })],
        safeguards: { implemented: [...implemented, 'critical-safeguards'] },
      },
      '2025-06-01',
    );
    expect(b.gates.develop.allowed).toBe(true);
  });

  it('is due after a new or updated deployment, not on a calendar', () => {
    const evidence = { model, evaluations: [tracked()] };
    expect(judge(id, evidence, '2027-01-01').next_evaluation).toMatchObject({
      due: false,
      due_date: null,
      due_at_effective_compute: null,
    });
    const a = judge(
      id,
      { ...evidence, events: [{ date: '2025-07-01', type: 'updated-deployment' }] },
      '2025-08-01',
    );
    expect(a.next_evaluation.due).toBe(true);
    expect(a.next_evaluation.reasons[0]).toContain('updated-deployment on 2025-07-01');
    const before = judge(
      id,
      { ...evidence, events: [{ date: '2025-04-01', type: 'new-deployment' }] },
      '2025-08-01',
    );
    expect(before.next_evaluation.due).toBe(false);
  });

  it('warns when a research category shows High-level signals', () => {
    const a = judge(
      id,
      {
        model,
        evaluations: [
          { ...tracked(), results: { ...tracked().results, sandbagging: { level: 'high' } } },
        ],
      },
      '2025-06-01',
    );
    expect(a.warnings.join()).toContain('research category');
    expect(a.gates.deploy.allowed).toBe(true);
  });
});
