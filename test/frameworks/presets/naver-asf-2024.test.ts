// CONTRACTS.md §1, naver-asf-2024: re-evaluate at 3 months or 6x effective compute; misuse matrix
// from context.purpose x context.safety_need: high need blocks deploy until misuse-mitigation;
// special purpose deploys only with qualified-users-only.
import { describe, expect, it } from 'vitest';
import { evaluation, judge, reasons } from '../judge.js';

const id = 'naver-asf-2024';
const model = { id: 'hyperclova-like' };
const evaluations = [evaluation(id, { level: 'low' })];

describe(id, () => {
  it.each([
    // [purpose, safety_need, implemented, deploy allowed]
    ['general', 'low', [], true],
    ['general', 'high', [], false],
    ['general', 'high', ['misuse-mitigation'], true],
    ['special', 'low', [], false],
    ['special', 'low', ['qualified-users-only'], true],
    ['special', 'high', ['qualified-users-only'], false],
    ['special', 'high', ['misuse-mitigation'], false],
    ['special', 'high', ['qualified-users-only', 'misuse-mitigation'], true],
  ])(
    'purpose %s, safety need %s, safeguards %j: deploy=%s',
    (purpose, safety_need, implemented, allowed) => {
      const a = judge(id, {
        model,
        evaluations,
        safeguards: { implemented },
        context: { purpose, safety_need },
      });
      expect(a.gates.deploy.allowed).toBe(allowed);
      expect(a.gates.develop.allowed).toBe(true);
    },
  );

  it('says which safeguard the matrix requires and why', () => {
    const a = judge(id, {
      model,
      evaluations,
      context: { purpose: 'special', safety_need: 'high' },
    });
    expect(reasons(a, 'deploy')).toContain(
      'safeguard qualified-users-only is required because context.purpose is special, and is not implemented [special-purpose]',
    );
    expect(reasons(a, 'deploy')).toContain(
      'safeguard misuse-mitigation is required because context.safety_need is high',
    );
  });

  it('blocks deploy until the matrix inputs are given, naming them', () => {
    const a = judge(id, { model, evaluations });
    expect(a.gates.deploy.allowed).toBe(false);
    expect(reasons(a, 'deploy')).toContain('context.purpose is not given');
    expect(reasons(a, 'deploy')).toContain('context.safety_need is not given');
    expect(a.gates.develop.allowed).toBe(true);
  });

  it('rejects a purpose outside the matrix', () => {
    expect(() =>
      judge(id, { model, evaluations, context: { purpose: 'military', safety_need: 'low' } }),
    ).toThrow(/context.purpose: "military" is not an allowed value \(allowed: general, special\)/);
  });

  it('is due 3 months after the latest evaluation or at 6x its effective compute', () => {
    const e = [evaluation(id, { level: 'low' }, {}, '2024-06-17', 2e24)];
    const a = judge(
      id,
      { model: { id: 'm', effective_compute: 1.1e25 }, evaluations: e },
      '2024-09-16',
    );
    expect(a.next_evaluation).toMatchObject({
      due: false,
      due_date: '2024-09-17',
      due_at_effective_compute: 1.2e25,
    });
    expect(
      judge(id, { model: { id: 'm', effective_compute: 1.2e25 }, evaluations: e }, '2024-07-01')
        .next_evaluation.due,
    ).toBe(true);
    expect(judge(id, { model, evaluations: e }, '2024-09-17').next_evaluation.due).toBe(true);
  });

  it('warns, without blocking, when loss-of-control risk is high', () => {
    const a = judge(id, {
      model,
      evaluations: [evaluation(id, { level: 'low' }, { loss_of_control: { level: 'high' } })],
      context: { purpose: 'general', safety_need: 'low' },
    });
    expect(a.warnings.join('\n')).toContain('Loss-of-control risk is high');
    expect(a.gates.deploy.allowed).toBe(true);
  });
});
