// One evidence file under several frameworks: gates side by side and the disagreements explained.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/frameworks/dates.js';
import { compareFrameworks } from '../../src/frameworks/compare.js';
import { parseEvidence } from '../../src/frameworks/evidence.js';
import { preset } from './judge.js';

const evidence = parseEvidence({
  model: { id: 'acme-7b' },
  evaluations: [
    {
      date: '2024-11-02',
      capabilities: { cbrn: 3, cyber: 2, autonomy: 1, ml_rnd: 1, persuasion: 2 },
    },
  ],
  safeguards: {
    common: {
      security: 3,
      deployment: 2,
      implemented: ['weights-security', 'safety-case'],
    },
  },
});
const frameworks = [
  'openai-preparedness-2023',
  'anthropic-rsp-2023',
  'gdm-fsf-2024',
  'meta-frontier-2025',
].map(preset);

describe('compareFrameworks', () => {
  const cmp = compareFrameworks(frameworks, evidence, '2025-01-15' as IsoDate);

  it('judges every framework and lists which allow and which block each action', () => {
    expect(cmp.frameworks.map((f) => f.id)).toEqual([
      'openai-preparedness-2023',
      'anthropic-rsp-2023',
      'gdm-fsf-2024',
      'meta-frontier-2025',
    ]);
    expect(cmp.gates.deploy).toEqual({
      allowed: ['anthropic-rsp-2023'],
      blocked: ['openai-preparedness-2023', 'gdm-fsf-2024', 'meta-frontier-2025'],
      agree: false,
    });
  });

  it('explains each disagreement with the blocking frameworks own reasons', () => {
    const deploy = cmp.disagreements.find((d) => d.action === 'deploy')!;
    expect(deploy.allowed_by).toEqual(['anthropic-rsp-2023']);
    const openai = deploy.blocked_by.find((b) => b.framework === 'openai-preparedness-2023')!;
    expect(openai.reasons.join()).toContain('post-mitigation cbrn is high');
    const meta = deploy.blocked_by.find((b) => b.framework === 'meta-frontier-2025')!;
    expect(meta.reasons.join()).toContain('deploy needs <= moderate');
  });

  it('shows how each framework reads every common capability', () => {
    const cbrn = cmp.capabilities.find((c) => c.capability === 'cbrn')!;
    expect(cbrn).toMatchObject({ pre: 3, post: 3, date: '2024-11-02' });
    expect(cbrn.readings).toEqual([
      {
        framework: 'openai-preparedness-2023',
        domain: 'cbrn',
        level: 'high',
        post_level: 'high',
        gating: true,
      },
      { framework: 'anthropic-rsp-2023', domain: 'cbrn', level: 'asl-3', gating: true },
      { framework: 'gdm-fsf-2024', domain: 'biosecurity', level: 'ccl', gating: true },
      {
        framework: 'meta-frontier-2025',
        domain: 'chemical_biological',
        level: 'high',
        gating: true,
      },
    ]);
  });

  it('gives each full assessment, identical to judging the framework alone', () => {
    expect(cmp.assessments).toHaveLength(4);
    expect(cmp.assessments[1]!.gates).toEqual(
      compareFrameworks([preset('anthropic-rsp-2023')], evidence, '2025-01-15' as IsoDate)
        .assessments[0]!.gates,
    );
  });

  it('reports agreement when every framework decides the same', () => {
    const none = compareFrameworks(
      frameworks,
      parseEvidence({ model: { id: 'm' } }),
      '2025-01-15' as IsoDate,
    );
    expect(none.disagreements).toEqual([]);
    expect(none.gates.develop).toMatchObject({ allowed: [], agree: true });
  });
});
