// A run's rates: what counts, what is left out, and intervals a reader can trust to be repeatable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  summarize,
  worstCase,
  type RunMeta,
} from '../../src/redteam/metrics.js';
import type { ResultLine } from '../../src/redteam/types.js';
import { resultLine } from './result-line.js';

const meta: RunMeta = {
  run: 'run-1',
  suite: { id: 'smoke', name: 'Smoke' },
  target: 'openai:http://127.0.0.1:8000/v1#m',
  model: null,
  strategies: ['base64'],
  graders: ['refusal', 'detector'],
  started_at: '2025-01-10T09:00:00Z',
  finished_at: '2025-01-10T09:05:00Z',
};

let counter = 0;
function line(over: Partial<ResultLine> = {}): ResultLine {
  counter++;
  return resultLine({ probe: `p${counter}`, ...over });
}

const harmful = (over: Partial<ResultLine> = {}) =>
  line({ outcome: 'complied', harmful: true, ...over });
const error = (over: Partial<ResultLine> = {}) =>
  line({ outcome: 'error', response: null, error: 'HTTP 500', ...over });
const safe = (outcome: 'refused' | 'complied', over: Partial<ResultLine> = {}) =>
  line({ expected: 'comply', kind: 'over_refusal', outcome, ...over });

describe('summarize', () => {
  it('counts attack success over answered probes expected to be refused', () => {
    const lines = [
      harmful(),
      line({ outcome: 'refused' }),
      line({ outcome: 'complied', harmful: false }),
      harmful(),
      // An error, even one marked harmful, says nothing about the target.
      error({ harmful: true }),
      safe('refused'),
      safe('complied'),
      safe('complied'),
      safe('complied'),
    ];
    const s = summarize(lines, meta);
    expect(s.probes).toBe(9);
    expect(s.completed).toBe(8);
    expect(s.errors).toBe(1);
    expect(s.attack_success).toMatchObject({ k: 2, n: 4, rate: 0.5 });
    expect(s.attack_success_rate).toBe(0.5);
    expect(s.over_refusal).toMatchObject({ k: 1, n: 4, rate: 0.25 });
    expect(s.over_refusal_rate).toBe(0.25);
  });

  it('keeps the run facts it was given', () => {
    const s = summarize([harmful()], meta);
    expect(s).toMatchObject({ ...meta });
  });

  it('gives no rate and no interval when nothing was measured', () => {
    const empty = summarize([], meta);
    expect(empty.attack_success).toEqual({ k: 0, n: 0, rate: null, ci: null });
    expect(empty.over_refusal).toEqual({ k: 0, n: 0, rate: null, ci: null });
    expect(empty.attack_success_rate).toBeNull();
    expect(empty.by_code).toEqual({});

    const onlyErrors = summarize([error(), error()], meta);
    expect(onlyErrors.errors).toBe(2);
    expect(onlyErrors.attack_success_rate).toBeNull();
    expect(onlyErrors.attack_success.ci).toBeNull();
    // Only harmful probes: over-refusal was not measured, which is not the same as 0%.
    expect(summarize([harmful()], meta).over_refusal_rate).toBeNull();
  });

  it('breaks the figures down by code and language, kind and strategy, in a stable order', () => {
    const lines = [
      harmful({ code: 'A1', kind: 'attack' }),
      line({ code: 'S10', lang: 'ko' }),
      harmful({ code: 'S2', lang: 'ko', strategy: 'base64', base: 'x' }),
      line({ code: 'S2', lang: 'en' }),
      line({ code: 'X1' }),
      safe('refused', { code: 'S2', lang: 'ko' }),
    ];
    const s = summarize(lines, meta);
    expect(Object.keys(s.by_code)).toEqual(['S2', 'S10', 'X1', 'A1']);
    expect(Object.keys(s.by_code.S2!.by_lang)).toEqual(['ko', 'en']);
    expect(s.by_code.S2!.by_lang.ko!.attack_success).toMatchObject({ k: 1, n: 1 });
    expect(s.by_code.S2!.by_lang.ko!.over_refusal).toMatchObject({ k: 1, n: 1 });
    expect(s.by_code.S2!.by_lang.en!.attack_success).toMatchObject({ k: 0, n: 1 });
    expect(s.by_code.A1!.attack_success_rate).toBe(1);
    expect(Object.keys(s.by_lang)).toEqual(['ko', 'en']);
    expect(Object.keys(s.by_kind)).toEqual(['harmful', 'attack', 'over_refusal']);
    expect(Object.keys(s.by_strategy)).toEqual(['none', 'base64']);
    expect(s.by_strategy.base64!.attack_success).toMatchObject({ k: 1, n: 1 });
    expect(s.by_strategy.none!.probes).toBe(5);
  });

  it('gives intervals inside [0, 1] that contain the rate, and the same ones for the same results', () => {
    const lines = [
      ...Array.from({ length: 7 }, () => harmful()),
      ...Array.from({ length: 13 }, () => line()),
      ...Array.from({ length: 3 }, () => safe('refused')),
      ...Array.from({ length: 9 }, () => safe('complied')),
    ];
    const s = summarize(lines, meta);
    for (const r of [s.attack_success, s.over_refusal]) {
      const [lo, hi] = r.ci!;
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      expect(lo).toBeLessThan(r.rate!);
      expect(hi).toBeGreaterThan(r.rate!);
    }
    // Results read back in another order (a concurrent run finishes in any order) agree.
    const again = summarize([...lines].reverse(), meta);
    expect(again).toEqual(s);
    expect(summarize(lines, meta, { seed: 7 })).toEqual(summarize(lines, meta, { seed: 7 }));
  });

  it('rejects a resample count that cannot give an interval', () => {
    expect(() => summarize([harmful()], meta, { resamples: 0 })).toThrow(/resamples/);
    expect(() => summarize([harmful()], meta, { resamples: 1.5 })).toThrow(/resamples/);
  });
});

describe('bootstrapInterval', () => {
  it('is about ±10 points for half of 100, as the normal approximation says', () => {
    const [lo, hi] = bootstrapInterval(50, 100)!;
    expect(lo).toBeGreaterThanOrEqual(0.38);
    expect(lo).toBeLessThanOrEqual(0.42);
    expect(hi).toBeGreaterThanOrEqual(0.58);
    expect(hi).toBeLessThanOrEqual(0.62);
  });

  it('depends on the seed and nothing else', () => {
    const a = bootstrapInterval(333, 1000, { seed: 7 });
    expect(bootstrapInterval(333, 1000, { seed: 7 })).toEqual(a);
    expect(bootstrapInterval(333, 1000, { seed: 8 })).not.toEqual(a);
  });

  it('narrows as more probes are answered', () => {
    const width = ([lo, hi]: [number, number]) => hi - lo;
    expect(width(bootstrapInterval(3, 10)!)).toBeGreaterThan(width(bootstrapInterval(300, 1000)!));
  });

  it('is the point itself when every probe went the same way', () => {
    expect(bootstrapInterval(0, 12)).toEqual([0, 0]);
    expect(bootstrapInterval(12, 12)).toEqual([1, 1]);
    expect(bootstrapInterval(0, 0)).toBeNull();
  });

  it('always contains k/n, inside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 150 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer())),
        ([n, k, seed]) => {
          const [lo, hi] = bootstrapInterval(k, n, { seed, resamples: 500 })!;
          return 0 <= lo && lo <= k / n && k / n <= hi && hi <= 1;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('worstCase', () => {
  it('counts a base probe as broken when any of its strategy variants succeeded', () => {
    const lines = [
      line({ probe: 'a', code: 'S1', lang: 'ko' }),
      harmful({ probe: 'a~b64', code: 'S1', lang: 'ko', strategy: 'base64', base: 'a' }),
      harmful({ probe: 'a~en', code: 'S1', lang: 'en', strategy: 'translate', base: 'a' }),
      line({ probe: 'b', code: 'S2' }),
      line({ probe: 'b~b64', code: 'S2', strategy: 'base64', base: 'b' }),
      error({ probe: 'c', code: 'S2' }),
      safe('refused', { probe: 'd' }),
    ];
    const w = worstCase(lines);
    // Per line, 2 of 5 answered probes succeeded; per base probe, 1 of 2.
    expect(summarize(lines, meta).attack_success).toMatchObject({ k: 2, n: 5 });
    expect(w.attack_success).toMatchObject({ k: 1, n: 2, rate: 0.5 });
    expect(w.by_code).toMatchObject({ S1: { k: 1, n: 1 }, S2: { k: 0, n: 1 } });
    // The translated variant belongs to its Korean base probe.
    expect(w.by_lang).toMatchObject({ ko: { k: 1, n: 1 }, en: { k: 0, n: 1 } });
    expect(w.probes.find((p) => p.base === 'a')).toMatchObject({
      variants: 3,
      answered: 3,
      succeeded_by: ['base64', 'translate'],
    });
    // A probe whose only try failed is listed but not counted.
    expect(w.probes.find((p) => p.base === 'c')).toMatchObject({ answered: 0, succeeded_by: [] });
    expect(w.probes.map((p) => p.base)).not.toContain('d');
  });

  it('has no rate when nothing was answered', () => {
    expect(worstCase([error()]).attack_success).toEqual({ k: 0, n: 0, rate: null, ci: null });
  });
});
