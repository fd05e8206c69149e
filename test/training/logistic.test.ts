// The detector's trainer (training/logistic.ts): averaging seeds is an ensemble at one model's cost.
import { describe, expect, it } from 'vitest';
import { heads } from '../../src/detect/model.js';
import { train, trainAveraged, type Example } from '../../training/logistic.js';

const H = heads.length;

function example(seed: number, positive: boolean): Example {
  const indices = Uint32Array.from({ length: 6 }, (_, k) => (seed * 7919 + k * 104729) % 4096);
  // Positives share a few buckets, so there is something to learn.
  if (positive) indices[0] = 11;
  const y = new Int8Array(H).fill(-1);
  y[heads.indexOf('S1')] = positive ? 1 : 0;
  return { indices, value: 1 / Math.sqrt(indices.length), cues: new Uint32Array(), y, weight: 1 };
}

const examples = Array.from({ length: 60 }, (_, i) => example(i, i % 3 === 0));
const probe = example(1000, true);
const s1 = heads.indexOf('S1');

describe('trainAveraged', () => {
  it('scores each text as the mean of the models trained with each seed', () => {
    const options = { epochs: 3 };
    const members = [3, 5].map((seed) => train(examples, { ...options, seed }).logits(probe)[s1]!);
    // Different orders give different models, or averaging them would change nothing.
    expect(members[0]).not.toBeCloseTo(members[1]!, 6);
    const averaged = trainAveraged(examples, [3, 5], options).logits(probe)[s1]!;
    expect(averaged).toBeCloseTo((members[0]! + members[1]!) / 2, 4);
  });

  it('learns: a text with the positives’ bucket scores above one without it', () => {
    const model = trainAveraged(examples, [3, 5], { epochs: 3 });
    const negative = example(1000, false);
    expect(model.logits(probe)[s1]!).toBeGreaterThan(model.logits(negative)[s1]!);
  });
});
