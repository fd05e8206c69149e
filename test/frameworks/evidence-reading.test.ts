// How evidence is read: latest per domain, ties, as-of, metrics, the crosswalk and safeguard scoping.
import { describe, expect, it } from 'vitest';
import { EvidenceMismatch } from '../../src/frameworks/assess.js';
import { evaluation, judge } from './judge.js';

const model = { id: 'm' };

describe('reading evidence', () => {
  it('ignores evaluations dated after the as-of date, and says so', () => {
    const id = 'anthropic-rsp-2023';
    const a = judge(
      id,
      {
        model,
        evaluations: [
          evaluation(id, { level: 'asl-2' }, {}, '2024-06-01'),
          evaluation(id, { level: 'asl-3' }, {}, '2025-06-01'),
        ],
      },
      '2025-01-01',
    );
    expect(a.overall.level).toBe('asl-2');
    expect(a.warnings).toContain('1 evaluation(s) dated after 2025-01-01 were not used');
  });

  it('assumes the worse result when two evaluations of a domain share a date', () => {
    const id = 'anthropic-rsp-2023';
    const a = judge(id, {
      model,
      evaluations: [
        evaluation(id, { level: 'asl-2' }, { cbrn: { level: 'asl-3' } }),
        evaluation(id, { level: 'asl-2' }),
      ],
    });
    expect(a.domains.find((d) => d.id === 'cbrn')!.level).toBe('asl-3');
  });

  it('uses the higher of a given level and the level its metrics reach, with a warning', () => {
    const id = 'anthropic-rsp-2023';
    const a = judge(id, {
      model,
      evaluations: [
        evaluation(
          id,
          { level: 'asl-2' },
          { autonomy: { level: 'asl-2', metrics: { aggregate_success: 0.7 } } },
        ),
      ],
    });
    expect(a.domains.find((d) => d.id === 'autonomy')!.level).toBe('asl-3');
    expect(a.warnings.join()).toContain(
      'the level given (asl-2) and the level its metrics reach (asl-3) differ',
    );
  });

  it('skips evaluations scoped to another framework', () => {
    const a = judge('gdm-fsf-2024', {
      model,
      evaluations: [
        { ...evaluation('gdm-fsf-2024', { level: 'below_alert' }), framework: 'gdm-fsf-2024' },
        {
          date: '2024-12-01',
          framework: 'openai-preparedness-2023',
          results: { cbrn: { pre: 'high', post: 'high' } },
        },
      ],
    });
    expect(a.gates.deploy.allowed).toBe(true);
    expect(a.warnings).toContain('1 evaluation(s) for other frameworks were not used');
  });

  it('rejects unscoped results for a domain the framework does not have, naming the field', () => {
    try {
      judge('gdm-fsf-2024', {
        model,
        evaluations: [{ date: '2024-12-01', results: { cbrn: { level: 'ccl' } } }],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EvidenceMismatch);
      expect((error as EvidenceMismatch).problems[0]).toMatchObject({
        path: ['evaluations', 0, 'results', 'cbrn'],
      });
    }
  });

  it('rejects a single level for a framework scored before and after mitigation', () => {
    expect(() =>
      judge('openai-preparedness-2023', {
        model,
        evaluations: [{ date: '2024-12-01', results: { cbrn: { level: 'low' } } }],
      }),
    ).toThrow(/give pre and post, not level/);
  });

  it('lets a classification framework ignore domain results meant for capability frameworks', () => {
    const a = judge('eu-ai-act-2024', {
      model,
      evaluations: [{ date: '2024-12-01', results: { cbrn: { level: 'asl-3' } } }],
      context: { eu_ai_act: { transparency: ['chatbot'] } },
    });
    expect(a.classification!.tier).toBe('limited');
  });

  it('uses safeguards scoped to the framework over shared ones', () => {
    const id = 'anthropic-rsp-2023';
    const a = judge(id, {
      model,
      evaluations: [evaluation(id, { level: 'asl-2' })],
      safeguards: {
        security: 'asl-1',
        by_framework: { [id]: { security: 'asl-2', deployment: 'asl-2' } },
      },
    });
    expect(a.gates.deploy.allowed).toBe(true);
  });
});

describe('the common capability vocabulary', () => {
  const common = (capabilities: Record<string, unknown>, date = '2024-11-02') => ({
    date,
    capabilities,
  });

  it('maps a common level onto each framework through its crosswalk', () => {
    const evidence = {
      model,
      evaluations: [common({ cbrn: 3, cyber: 1, autonomy: 1, ml_rnd: 1, persuasion: 1 })],
    };
    expect(
      judge('openai-preparedness-2023', evidence).domains.find((d) => d.id === 'cbrn'),
    ).toMatchObject({ pre: 'high', post: 'high', source: 'capabilities' });
    expect(judge('anthropic-rsp-2023', evidence).overall.level).toBe('asl-3');
    expect(judge('gdm-fsf-2024', evidence).domains.find((d) => d.id === 'biosecurity')!.level).toBe(
      'ccl',
    );
    expect(
      judge('meta-frontier-2025', evidence).domains.find((d) => d.id === 'chemical_biological')!
        .level,
    ).toBe('high');
  });

  it('keeps pre and post apart for frameworks that score both, and reads post for frameworks that judge mitigated risk', () => {
    const evidence = {
      model,
      evaluations: [
        common({ cbrn: { pre: 3, post: 2 }, cyber: 1, autonomy: 1, ml_rnd: 1, persuasion: 1 }),
      ],
    };
    expect(
      judge('openai-preparedness-2023', evidence).domains.find((d) => d.id === 'cbrn'),
    ).toMatchObject({ pre: 'high', post: 'medium' });
    expect(judge('anthropic-rsp-2023', evidence).domains.find((d) => d.id === 'cbrn')!.level).toBe(
      'asl-3',
    );
    expect(
      judge('meta-frontier-2025', evidence).domains.find((d) => d.id === 'chemical_biological')!
        .level,
    ).toBe('moderate');
  });

  it('takes the higher of two capabilities that map onto one domain', () => {
    const a = judge('openai-preparedness-2023', {
      model,
      evaluations: [common({ cbrn: 1, cyber: 1, persuasion: 1, autonomy: 1, ml_rnd: 3 })],
    });
    expect(a.domains.find((d) => d.id === 'model_autonomy')).toMatchObject({ pre: 'high' });
  });

  it('prefers a result given for the domain over the crosswalk on the same date, but not over a later one', () => {
    const id = 'anthropic-rsp-2023';
    const explicit = { date: '2024-11-02', results: { cbrn: { level: 'asl-2' } } };
    const same = judge(id, { model, evaluations: [common({ cbrn: 3 }), explicit] });
    expect(same.domains.find((d) => d.id === 'cbrn')).toMatchObject({
      level: 'asl-2',
      source: 'results',
    });
    const later = judge(id, { model, evaluations: [explicit, common({ cbrn: 3 }, '2024-12-01')] });
    expect(later.domains.find((d) => d.id === 'cbrn')).toMatchObject({
      level: 'asl-3',
      source: 'capabilities',
    });
  });

  it('maps common safeguards onto framework safeguards and levels', () => {
    const evidence = {
      model,
      evaluations: [common({ cbrn: 3, cyber: 1, autonomy: 1, ml_rnd: 1, persuasion: 1 })],
      safeguards: {
        common: { security: 3, deployment: 2, implemented: ['weights-security' as const] },
      },
    };
    expect(judge('openai-preparedness-2023', evidence).required_safeguards[0]).toMatchObject({
      id: 'asset-protection',
      met: true,
    });
    expect(judge('anthropic-rsp-2023', evidence).gates.deploy.allowed).toBe(true);
    expect(
      judge('gdm-fsf-2024', evidence).required_safeguards.find((s) => s.id === 'security'),
    ).toMatchObject({ required: '2', actual: '1', met: false });
  });
});
