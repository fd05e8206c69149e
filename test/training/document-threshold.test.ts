// The document check's threshold: a false-positive budget in every group of clean texts, from
// negatives alone; the recall it gives is reported.
import { describe, expect, it } from 'vitest';
import { chooseDocumentThreshold } from '../../training/train-detector.js';

const negatives = (group: string, logits: number[]) =>
  logits.map((logit) => ({ group, positive: false, logit }));

describe('chooseDocumentThreshold', () => {
  it('lets at most 1.5% of each large group through, and the strictest group decides', () => {
    const big = negatives(
      'comments',
      Array.from({ length: 1000 }, (_, i) => i / 100),
    ); // 0.00 .. 9.99
    const { threshold, report } = chooseDocumentThreshold([
      ...big,
      { group: 'bipia', positive: true, logit: 9.9 },
      { group: 'bipia', positive: true, logit: 1 },
    ]);
    // 15 of 1000 allowed: the threshold sits just above the 16th highest, 9.84.
    expect(threshold).toBeCloseTo(9.841, 3);
    expect(report['fpr comments']).toBe(0.015);
    expect(report['recall bipia']).toBe(0.5);
    const stricter = chooseDocumentThreshold([
      ...big,
      ...negatives('ko', [12, 11.5, 11.2, 11, ...Array(196).fill(0)]),
    ]);
    // 200 Korean negatives allow 3: the fourth highest, 11, must not pass.
    expect(stricter.threshold).toBeCloseTo(11.001, 3);
  });

  it('reports a group kept out of the budget without letting it move the threshold', () => {
    const big = negatives(
      'comments',
      Array.from({ length: 1000 }, (_, i) => i / 100),
    );
    const hard = [20, 15, 5, 1].map((logit) => ({
      group: 'sentences en',
      positive: false,
      logit,
      budgeted: false,
    }));
    const { threshold, report } = chooseDocumentThreshold([...big, ...hard]);
    expect(threshold).toBeCloseTo(9.841, 3);
    expect(report['fpr sentences en']).toBe(0.5);
  });

  it('allows one negative in a group too small for the budget to allow any', () => {
    const small = negatives('written ko', [8, 3, 2, 1, 0]);
    expect(chooseDocumentThreshold(small).threshold).toBeCloseTo(3.001, 3);
  });
});
