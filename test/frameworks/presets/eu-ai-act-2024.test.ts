// CONTRACTS.md §1, eu-ai-act-2024: tier from context.eu_ai_act (prohibited > high > limited >
// minimal, the highest wins); prohibited blocks deploy; gpai_systemic_risk iff compute > 1e25.
import { describe, expect, it } from 'vitest';
import { judge, reasons } from '../judge.js';

const id = 'eu-ai-act-2024';
const model = { id: 'assistant' };
const classify = (eu_ai_act: Record<string, unknown>, implemented: string[] = []) =>
  judge(id, { model, context: { eu_ai_act }, safeguards: { implemented } });

const highRiskSafeguards = [
  'risk-management-system',
  'data-governance',
  'technical-documentation',
  'record-keeping',
  'instructions-for-deployers',
  'human-oversight',
  'accuracy-robustness-cybersecurity',
  'quality-management-system',
  'conformity-assessment',
];

describe(id, () => {
  it.each([
    [{}, 'minimal'],
    [{ prohibited_practices: [], annex_iii_area: null, transparency: [] }, 'minimal'],
    [{ transparency: ['chatbot'] }, 'limited'],
    [{ transparency: ['deepfake', 'synthetic_content'] }, 'limited'],
    [{ annex_iii_area: 'employment' }, 'high'],
    [{ annex_i_safety_component: true }, 'high'],
    [{ annex_i_safety_component: false }, 'minimal'],
    [{ annex_iii_area: 'education', transparency: ['chatbot'] }, 'high'],
    [{ prohibited_practices: ['social_scoring'] }, 'prohibited'],
    [
      {
        prohibited_practices: ['social_scoring'],
        annex_iii_area: 'law_enforcement',
        transparency: ['chatbot'],
      },
      'prohibited',
    ],
  ])('%j is classified %s', (context, tier) => {
    expect(classify(context).classification!.tier).toBe(tier);
  });

  it('blocks deploy of a prohibited practice, citing Art. 5, and leaves develop alone', () => {
    const a = classify({ prohibited_practices: ['untargeted_facial_scraping'] });
    expect(a.gates.deploy.allowed).toBe(false);
    expect(reasons(a, 'deploy')).toContain(
      'A prohibited AI practice may not be placed on the EU market',
    );
    expect(a.classification!.reasons[0]).toContain('prohibited:');
    expect(a.classification!.reasons[0]).toContain('untargeted_facial_scraping');
    expect(a.gates.develop.allowed).toBe(true);
  });

  it('allows deploy of a minimal-risk system', () => {
    const a = classify({});
    expect(a.gates.deploy.allowed).toBe(true);
    expect(a.domains).toEqual([]);
  });

  it('requires the high-risk obligations before deploy, and allows it once they are recorded', () => {
    const a = classify({ annex_iii_area: 'employment' });
    expect(a.gates.deploy.allowed).toBe(false);
    expect(a.required_safeguards.map((s) => s.id)).toEqual(highRiskSafeguards);
    expect(
      classify({ annex_iii_area: 'employment' }, highRiskSafeguards).gates.deploy.allowed,
    ).toBe(true);
  });

  it.each([
    [undefined, false],
    [1e25, false],
    [1.0000001e25, true],
    [5e25, true],
  ])('gpai_systemic_risk with training compute %s is %s', (compute, flag) => {
    const a = classify({
      gpai: true,
      ...(compute !== undefined ? { gpai_training_compute: compute } : {}),
    });
    expect(a.classification!.gpai_systemic_risk).toBe(flag);
  });

  it('classifies a system without context.eu_ai_act only by default, and blocks deploy until it is given', () => {
    const a = judge(id, { model });
    expect(a.classification).toMatchObject({
      tier: 'minimal',
      answered: false,
      gpai_systemic_risk: false,
    });
    expect(a.classification!.reasons[0]).toContain('minimal only by default');
    expect(a.gates.deploy.allowed).toBe(false);
    expect(reasons(a, 'deploy')).toContain('context.eu_ai_act is not given');
    expect(a.gates.develop.allowed).toBe(true);
    expect(a.next_evaluation.due).toBe(false);
  });

  it('rejects an Annex III area that does not exist', () => {
    expect(() => classify({ annex_iii_area: 'gaming' })).toThrow(
      /context.eu_ai_act.annex_iii_area: "gaming" is not an allowed value/,
    );
  });
});
