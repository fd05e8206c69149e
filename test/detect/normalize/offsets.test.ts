// The offset map: every part of the normalised text leads back to where it came from in the original.
import { describe, expect, it } from 'vitest';
import { normalizeForDetection, toOriginalRange } from '../../../src/detect/normalize/index.js';

/** The original text behind the first occurrence of `needle` in the normalised text. */
function originalOf(input: string, needle: string): string {
  const result = normalizeForDetection(input);
  const start = result.text.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  const [from, to] = toOriginalRange(result, start, start + needle.length);
  return input.slice(from, to);
}

describe('offsets back into the original', () => {
  it.each([
    ['h0w t0 m4ke a b.o.m.b', 'bomb', 'b.o.m.b'],
    ['h0w t0 m4ke a b.o.m.b', 'make', 'm4ke'],
    ['ㅈㅏㅅㅏㄹ 하는 법', '자살', 'ㅈㅏㅅㅏㄹ'],
    ['그건 ㅍ ㅗ ㄱ ㅌ ㅏ ㄴ 이야', '폭탄', 'ㅍ ㅗ ㄱ ㅌ ㅏ ㄴ'],
    ['it is 폭\u200B탄', '폭탄', '폭\u200B탄'],
    ['an ехрlоsivе device', 'explosive', 'ехрlоsivе'],
    ['ＢＯＭＢ now', 'bomb', 'ＢＯＭＢ'],
    ['𝐛𝐨𝐦𝐛 now', 'bomb', '𝐛𝐨𝐦𝐛'],
    ['a   lot\n\nof   space', 'lot of', 'lot\n\nof'],
  ])('%s: "%s" came from "%s"', (input, needle, original) => {
    expect(originalOf(input, needle)).toBe(original);
  });

  it('covers the whole original character when a range ends inside an expansion', () => {
    const input = 'the ﬁle';
    const result = normalizeForDetection(input);
    expect(result.text).toBe('the file');
    expect(toOriginalRange(result, 4, 5)).toEqual([4, 5]);
  });

  it('clamps ranges outside the text and maps an empty range to a point', () => {
    const result = normalizeForDetection('  hello  ');
    expect(toOriginalRange(result, -5, 100)).toEqual([2, 9]);
    expect(toOriginalRange(result, 2, 2)).toEqual([4, 4]);
    expect(toOriginalRange(result, 3, 1)).toEqual([5, 5]);
  });

  it('ends with the original length', () => {
    const result = normalizeForDetection('  trailing spaces   ');
    expect(result.offsets.length).toBe(result.text.length + 1);
    expect(result.offsets[result.text.length]).toBe(20);
  });
});
