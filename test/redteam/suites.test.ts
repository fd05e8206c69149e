// The built-in suites: each loads, has the size and coverage its documentation promises, and the
// KoBBQ suite is exactly what its generator writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hazardCodes } from '../../src/detect/types.js';
import { builtinSuites } from '../../src/redteam/suite.js';
import type { Probe, Suite } from '../../src/redteam/types.js';
import {
  kobbqAvailable,
  kobbqSuiteFile,
  renderKobbqSuite,
} from '../../scripts/build-kobbq-suite.js';

const hangul = /[\uac00-\ud7a3]/;

function suite(id: string): Suite {
  const s = builtinSuites().get(id);
  if (!s) throw new Error(`no built-in suite ${id}`);
  return s;
}

function count(probes: Probe[], pick: (p: Probe) => boolean): number {
  return probes.filter(pick).length;
}

/** The option letters a KoBBQ prompt offers ("A: ...", "(B) ..."). */
function optionLetters(prompt: string): string[] {
  return [...prompt.matchAll(/(?:^|:)\(?([ABC])\)?:? \S/gm)].map((m) => m[1]!);
}

describe('built-in suites', () => {
  it('loads every shipped suite under its file name', () => {
    expect([...builtinSuites().keys()].sort()).toEqual([
      'attacks',
      'bias-kobbq',
      'harmful',
      'over-refusal',
      'smoke',
    ]);
    for (const s of builtinSuites().values()) {
      expect(s.provenance.length).toBeGreaterThan(5);
      expect(s.description.length).toBeGreaterThan(20);
    }
  });

  it('gives every probe an id that no other suite uses', () => {
    const ids = [...builtinSuites().values()].flatMap((s) => s.probes.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes Korean probes in Korean and English probes without Hangul', () => {
    for (const s of builtinSuites().values()) {
      for (const p of s.probes) {
        if (p.lang === 'ko') expect(p.prompt, p.id).toMatch(hangul);
        else expect(p.prompt, p.id).not.toMatch(hangul);
      }
    }
  });
});

describe('smoke', () => {
  const { probes } = suite('smoke');

  it('has 40-60 probes (the contract allows 20-100), all to be refused', () => {
    expect(probes.length).toBeGreaterThanOrEqual(40);
    expect(probes.length).toBeLessThanOrEqual(60);
    expect(probes.every((p) => p.expected === 'refuse')).toBe(true);
  });

  it('is about half Korean and half English', () => {
    const ko = count(probes, (p) => p.lang === 'ko');
    const en = count(probes, (p) => p.lang === 'en');
    expect(ko).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(0);
    expect(Math.abs(ko - en)).toBeLessThanOrEqual(probes.length * 0.1);
  });

  it('is representative: every hazard code, jailbreaks and prompt leaking', () => {
    const codes = new Set(probes.map((p) => p.code));
    for (const code of hazardCodes) expect(codes, code).toContain(code);
    expect(count(probes, (p) => p.code === 'A1')).toBeGreaterThanOrEqual(3);
    expect(count(probes, (p) => p.code === 'A2')).toBeGreaterThanOrEqual(2);
  });
});

describe('harmful', () => {
  const { probes } = suite('harmful');

  it('has at least three Korean and three English requests for every hazard code', () => {
    for (const code of hazardCodes) {
      for (const lang of ['ko', 'en'] as const) {
        const n = count(probes, (p) => p.code === code && p.lang === lang);
        expect(n, `${code} ${lang}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('holds only harmful requests to be refused', () => {
    expect(probes.every((p) => p.kind === 'harmful' && p.expected === 'refuse')).toBe(true);
  });
});

describe('attacks', () => {
  const { probes } = suite('attacks');

  it('has at least 15 Korean and 15 English attacks, all to be refused', () => {
    expect(count(probes, (p) => p.lang === 'ko')).toBeGreaterThanOrEqual(15);
    expect(count(probes, (p) => p.lang === 'en')).toBeGreaterThanOrEqual(15);
    expect(probes.every((p) => p.kind === 'attack' && p.expected === 'refuse')).toBe(true);
  });

  it('covers direct jailbreaks, indirect injection and prompt leaking in both languages', () => {
    for (const lang of ['ko', 'en'] as const) {
      const mine = probes.filter((p) => p.lang === lang);
      // An indirect injection is content the user pasted: it runs over several lines.
      expect(count(mine, (p) => p.code === 'A1' && !p.prompt.includes('\n'))).toBeGreaterThan(3);
      expect(count(mine, (p) => p.code === 'A1' && p.prompt.includes('\n'))).toBeGreaterThan(3);
      expect(count(mine, (p) => p.code === 'A2')).toBeGreaterThan(3);
    }
  });

  it('plants a distinct canary in the system message of every prompt-leaking probe', () => {
    const canaries: string[] = [];
    for (const p of probes.filter((p) => p.code === 'A2')) {
      expect(p.grading?.type, p.id).toBe('canary');
      if (p.grading?.type !== 'canary') continue;
      expect(p.system, p.id).toContain(p.grading.canary);
      expect(p.prompt, p.id).not.toContain(p.grading.canary);
      canaries.push(p.grading.canary);
    }
    expect(new Set(canaries).size).toBe(canaries.length);
  });
});

describe('over-refusal', () => {
  const { probes } = suite('over-refusal');

  it('has at least 25 Korean and 25 English safe prompts, all to be answered', () => {
    expect(count(probes, (p) => p.lang === 'ko')).toBeGreaterThanOrEqual(25);
    expect(count(probes, (p) => p.lang === 'en')).toBeGreaterThanOrEqual(25);
    expect(probes.every((p) => p.kind === 'over_refusal' && p.expected === 'comply')).toBe(true);
  });

  it('spreads over many look-alike hazards', () => {
    expect(new Set(probes.map((p) => p.code)).size).toBeGreaterThanOrEqual(15);
  });
});

describe('bias-kobbq', () => {
  const s = suite('bias-kobbq');

  it('has 100-200 Korean S10 bias probes from every KoBBQ category', () => {
    expect(s.probes.length).toBeGreaterThanOrEqual(100);
    expect(s.probes.length).toBeLessThanOrEqual(200);
    for (const p of s.probes) {
      expect(p).toMatchObject({ kind: 'bias', code: 'S10', lang: 'ko', expected: 'refuse' });
    }
    const categories = new Set(s.probes.map((p) => p.id.replace(/^kobbq-|-\d+[a-d]$/g, '')));
    expect(categories.size).toBe(12);
    expect(s.provenance).toMatch(/naver-ai\/KoBBQ.*MIT/);
  });

  it('offers three options and grades on letters the prompt really has', () => {
    for (const p of s.probes) {
      expect(optionLetters(p.prompt), p.id).toEqual(['A', 'B', 'C']);
      expect(p.grading?.type).toBe('choice');
      if (p.grading?.type !== 'choice') continue;
      const [biased, fair] = [p.grading.biased, p.grading.fair];
      expect(biased, p.id).toHaveLength(1);
      expect(fair, p.id).toHaveLength(1);
      expect(['A', 'B', 'C']).toContain(biased[0]);
      expect(['A', 'B', 'C']).toContain(fair[0]);
      expect(biased[0]).not.toBe(fair[0]);
    }
  });

  it('varies where the stereotyped and the unknown answers sit', () => {
    const at = (field: 'biased' | 'fair') =>
      new Set(s.probes.map((p) => (p.grading?.type === 'choice' ? p.grading[field][0] : '')));
    expect([...at('biased')].sort()).toEqual(['A', 'B', 'C']);
    expect([...at('fair')].sort()).toEqual(['A', 'B', 'C']);
  });

  it.skipIf(!kobbqAvailable())('is exactly what scripts/build-kobbq-suite.ts writes', async () => {
    expect(await renderKobbqSuite()).toBe(readFileSync(kobbqSuiteFile, 'utf8'));
  });
});
