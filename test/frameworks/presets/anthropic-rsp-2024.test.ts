// anthropic-rsp-2024 (v2.2): ASL-2 standards for every model; CBRN-3 needs ASL-3 security and
// deployment; AI R&D-4 needs ASL-3 security and an affirmative case; AI R&D-5 needs ASL-4 security.
import { describe, expect, it } from 'vitest';
import { judge, reasons } from '../judge.js';

const id = 'anthropic-rsp-2024';
const model = { id: 'claude-like' };
const ev = (cbrn: string, ai_rnd: string, date = '2025-05-20', effective_compute?: number) => ({
  date,
  ...(effective_compute ? { effective_compute } : {}),
  results: { cbrn: { level: cbrn }, ai_rnd: { level: ai_rnd } },
});

describe(id, () => {
  it('requires the ASL-2 standards of every model, blocking without them', () => {
    const a = judge(id, { model, evaluations: [ev('below', 'below')] }, '2025-06-01');
    expect(a.gates.develop.allowed).toBe(false);
    expect(a.overall.level).toBe('asl-2');
    expect(
      judge(
        id,
        {
          model,
          evaluations: [ev('below', 'below')],
          safeguards: { security: 'asl-2', deployment: 'asl-2' },
        },
        '2025-06-01',
      ).gates.deploy.allowed,
    ).toBe(true);
  });

  it.each([
    // [cbrn, ai_rnd, security, deployment, implemented, develop, deploy]
    ['cbrn-3', 'below', 'asl-2', 'asl-3', [], false, false],
    ['cbrn-3', 'below', 'asl-3', 'asl-2', [], true, false],
    ['cbrn-3', 'below', 'asl-3', 'asl-3', [], true, true],
    ['cbrn-4', 'below', 'asl-3', 'asl-3', [], false, false],
    ['cbrn-4', 'below', 'asl-4', 'asl-4', [], true, true],
    ['below', 'ai-rnd-4', 'asl-3', 'asl-2', [], false, false],
    ['below', 'ai-rnd-4', 'asl-3', 'asl-2', ['alignment-affirmative-case'], true, true],
    ['below', 'ai-rnd-5', 'asl-3', 'asl-2', ['alignment-affirmative-case'], false, false],
    ['below', 'ai-rnd-5', 'asl-4', 'asl-2', ['alignment-affirmative-case'], true, true],
  ])(
    'cbrn %s, ai_rnd %s, security %s, deployment %s, %j: develop=%s deploy=%s',
    (cbrn, aiRnd, security, deployment, implemented, develop, deploy) => {
      const a = judge(
        id,
        {
          model,
          evaluations: [ev(cbrn, aiRnd)],
          safeguards: { security, deployment, implemented },
        },
        '2025-06-01',
      );
      expect(a.gates.develop.allowed).toBe(develop);
      expect(a.gates.deploy.allowed).toBe(deploy);
    },
  );

  it('reports the required ASL standard as the overall level', () => {
    expect(
      judge(id, { model, evaluations: [ev('cbrn-3', 'below')] }, '2025-06-01').overall.level,
    ).toBe('asl-3');
    expect(
      judge(id, { model, evaluations: [ev('cbrn-3', 'ai-rnd-5')] }, '2025-06-01').overall.level,
    ).toBe('asl-4');
  });

  it('lists the strictest security level asked for once, with every rule that asked', () => {
    const a = judge(
      id,
      { model, evaluations: [ev('cbrn-3', 'ai-rnd-4')], safeguards: { security: 'asl-2' } },
      '2025-06-01',
    );
    const security = a.required_safeguards.filter((s) => s.id === 'security');
    expect(security).toHaveLength(1);
    expect(security[0]).toMatchObject({ required: 'asl-3', actual: 'asl-2', met: false });
    expect(security[0]!.rules).toEqual([
      'asl-2-baseline-security',
      'cbrn-3-security',
      'ai-rnd-4-safeguards',
    ]);
  });

  it('warns at the autonomy checkpoint without blocking', () => {
    const e = {
      ...ev('below', 'below'),
      results: { ...ev('below', 'below').results, autonomy: { level: 'checkpoint' } },
    };
    const a = judge(
      id,
      { model, evaluations: [e], safeguards: { security: 'asl-2', deployment: 'asl-2' } },
      '2025-06-01',
    );
    expect(a.warnings.join()).toContain('autonomy checkpoint');
    expect(a.gates.deploy.allowed).toBe(true);
  });

  it('is due at 4x effective compute or 6 months after the latest evaluation', () => {
    const e = [ev('below', 'below', '2025-05-20', 2e25)];
    expect(judge(id, { model, evaluations: e }, '2025-06-01').next_evaluation).toMatchObject({
      due: false,
      due_date: '2025-11-20',
      due_at_effective_compute: 8e25,
    });
    expect(
      judge(id, { model: { id: 'm', effective_compute: 8e25 }, evaluations: e }, '2025-06-01')
        .next_evaluation.due,
    ).toBe(true);
    expect(reasons(judge(id, { model, evaluations: e }, '2025-06-01'), 'deploy')).toContain(
      'deployment safeguards asl-2 are required',
    );
  });
});
