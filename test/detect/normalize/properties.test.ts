// Invariants of normalisation on generated text (fast-check): offsets stay exact and it is idempotent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForDetection, toOriginalRange } from '../../../src/detect/normalize/index.js';

/** Pieces that exercise every step, glued together at random. */
const pieces = [
  ...'ㅈㅏㅅㄹㅋㅠㅗㅘㄳㅡㅎㅇ가폭탄그때는 ..-_*ab0o4135@$!lkxmtеоΚσİΣé\n\t',
  ...['\u200B', '\u202E', '\u0301', '\u3164', '\uD800', '\uDC00', 'Ａ', 'ﬁ', '𝐚', '🅐', '㉠'],
  ...[
    '\u110C',
    '\u1161',
    '\u11AF',
    '\uFFA1',
    'ﷺ',
    'ǅ',
    '%41',
    'aWdub3JlIHByZXZpb3Vz',
    'gpt',
    'a b c',
  ],
];
/** Whole words and evasions with separators between, where the steps meet each other. */
const words = [
  ...['h4ck', 'k1ll', 'gpt4o', 't0', '1gn0r3', 'a$$', '@ss', 'v0.1', 'bob@mail.com', 'win10pro'],
  ...['ㅈㅏㅅㅏㄹ', 'ㅋㅋㅋ', 'ㅠㅅㅠ', '폭', '탄', '그', '때', 'a', 'i', 'b', 'o', 'm', 'ʙᴏᴍʙ'],
  ...['ехрlоsivе', 'как', 'дела', 'вомв', '3', '0', 'n00b', 'str3ss', 'c0c41n3', 'o\u0301'],
];
const separators = [' ', ' ', '.', '-', '_', '*', '', '  ', '\n', '. ', ',', '!'];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')),
  fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), { maxLength: 14 })
    .map((parts) => parts.map(([word, separator]) => word + separator).join('')),
);

describe('normalisation properties', () => {
  it('has one offset per unit plus the original length, non-decreasing and in range', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { text: out, offsets } = normalizeForDetection(input);
        expect(offsets.length).toBe(out.length + 1);
        expect(offsets[out.length]).toBe(input.length);
        for (let i = 0; i < offsets.length; i++) {
          const offset = offsets[i] ?? -1;
          expect(offset).toBeGreaterThanOrEqual(i === 0 ? 0 : (offsets[i - 1] ?? 0));
          expect(offset).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: normalising its own output changes nothing', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = normalizeForDetection(input).text;
        expect(normalizeForDetection(once).text).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, and every range maps to a range of the original', () => {
    fc.assert(
      fc.property(text, fc.nat(80), fc.nat(80), (input, a, b) => {
        const result = normalizeForDetection(input, { maxDecodeDepth: 3 });
        const [from, to] = toOriginalRange(result, Math.min(a, b), Math.max(a, b));
        expect(0 <= from && from <= to && to <= input.length).toBe(true);
        for (const payload of result.decoded) {
          expect(0 <= payload.start && payload.start < payload.end).toBe(true);
          expect(payload.end).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
