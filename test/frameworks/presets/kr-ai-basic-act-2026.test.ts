// kr-ai-basic-act-2026: high-impact areas, transparency duties for generative AI, and safety duties
// at >= 1e26 FLOP of training compute with broad fundamental-rights impact (both conditions).
import { describe, expect, it } from 'vitest';
import { judge, reasons } from '../judge.js';

const id = 'kr-ai-basic-act-2026';
const model = { id: 'exaone-like' };
const classify = (kr_ai_basic_act: Record<string, unknown>, implemented: string[] = []) =>
  judge(id, { model, context: { kr_ai_basic_act }, safeguards: { implemented } }, '2026-02-01');

describe(id, () => {
  it('classifies AI used in a high-impact area as high_impact, with its duties blocking deploy', () => {
    const a = classify({ high_impact_area: 'rights_decisions' });
    expect(a.classification).toMatchObject({ tier: 'high_impact', transparency_obligations: true });
    expect(a.gates.deploy.allowed).toBe(false);
    expect(reasons(a, 'deploy')).toContain('risk-management-plan');
    const done = classify({ high_impact_area: 'rights_decisions' }, [
      'high-impact-review',
      'risk-management-plan',
      'explanation-measures',
      'user-protection',
      'human-oversight',
      'documentation',
      'prior-notice',
    ]);
    expect(done.gates.deploy.allowed).toBe(true);
    expect(done.warnings.join()).toContain('rights-impact-assessment');
  });

  it.each([
    [9.9e25, true, false],
    [1e26, true, true],
    [1e26, false, false],
    [3e26, undefined, false],
  ])(
    'training compute %s with cutting_edge_broad_impact %s: safety_obligations=%s',
    (compute, cuttingEdge, flag) => {
      const a = classify({
        training_compute: compute,
        ...(cuttingEdge !== undefined ? { cutting_edge_broad_impact: cuttingEdge } : {}),
      });
      expect(a.classification!.safety_obligations).toBe(flag);
    },
  );

  it('warns when compute meets the threshold but the second condition is not answered', () => {
    expect(classify({ training_compute: 3e26 }).warnings.join()).toContain('cannot be ruled out');
  });

  it('requires labelling and prior notice for generative AI', () => {
    const a = classify({ generative: true });
    expect(a.classification!.tier).toBe('general');
    expect(a.required_safeguards.map((s) => s.id)).toEqual(['prior-notice', 'output-labelling']);
    expect(
      classify({ generative: true }, ['prior-notice', 'output-labelling']).gates.deploy.allowed,
    ).toBe(true);
  });

  it.each([
    [{ foreign_provider: true, daily_domestic_users: 1_000_000 }, true],
    [{ foreign_provider: true, global_revenue_krw: 1e12 }, true],
    [{ foreign_provider: true, domestic_ai_revenue_krw: 9.9e9 }, false],
    [{ foreign_provider: false, daily_domestic_users: 5_000_000 }, false],
  ])('%j needs a domestic representative: %s', (context, flag) => {
    expect(classify(context).classification!.domestic_representative).toBe(flag);
  });
});
