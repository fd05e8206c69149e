// The folded copy that the patterns read: ASCII for full-width forms, and never a different length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../../../src/detect/pii/fold.js';

describe('foldForMatching', () => {
  it('folds full-width ASCII, hyphen look-alikes and wide spaces one unit for one', () => {
    expect(foldForMatching('９００１０１－１２３４５６７')).toBe('900101-1234567');
    expect(foldForMatching('010\u20131234\u20145678')).toBe('010-1234-5678');
    expect(foldForMatching('010\u22121234\ufe635678')).toBe('010-1234-5678');
    expect(foldForMatching('ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('hong@example.com');
    expect(foldForMatching('010\u30001234\u00a05678')).toBe('010 1234 5678');
  });

  it('returns the same string when there is nothing to fold', () => {
    const text = '연락처 010-1234-5678 입니다';
    expect(foldForMatching(text)).toBe(text);
  });

  it('keeps the length of any text, including surrogate pairs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(foldForMatching(text)).toHaveLength(text.length);
      }),
    );
  });
});
