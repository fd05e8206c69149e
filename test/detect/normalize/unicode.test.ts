// Labelled examples for the Unicode steps: NFKC, lower case, invisible characters and whitespace.
import { describe, expect, it } from 'vitest';
import { normalizeForDetection } from '../../../src/detect/normalize/index.js';

const norm = (input: string) => normalizeForDetection(input);

describe('compatibility forms (NFKC) and case', () => {
  it.each([
    ['ＨＯＷ ＴＯ ＭＡＫＥ Ａ ＢＯＭＢ', 'how to make a bomb'],
    ['𝐛𝐨𝐦𝐛 𝘮𝘢𝘬𝘪𝘯𝘨', 'bomb making'],
    ['ⓚⓘⓛⓛ', 'kill'],
    ['🄺🄸🄻🄻', 'kill'],
    ['ＩＧＮＯＲＥ previous', 'ignore previous'],
    ['폭탄 １２３', '폭탄 123'],
  ])('%s → %s, flagged as styled letters', (input, expected) => {
    const result = norm(input);
    expect(result.text).toBe(expected);
    expect(result.signals).toContain('compatibility');
  });

  it('lower-cases Latin, Greek and Cyrillic without flagging anything', () => {
    expect(norm('Hello WORLD').text).toBe('hello world');
    expect(norm('Hello WORLD').signals).toEqual([]);
    expect(norm('İstanbul').text).toBe('istanbul');
  });

  it('folds ordinary compatibility characters without calling them an evasion', () => {
    const result = norm('ﬁle… ①');
    expect(result.text).toBe('file... 1');
    expect(result.signals).toEqual([]);
  });

  it('composes decomposed (NFD) Hangul and Latin', () => {
    expect(norm('\u1112\u1161\u11AB\u1100\u1173\u11AF').text).toBe('한글');
    expect(norm('cafe\u0301').text).toBe('café');
  });

  it('keeps compatibility jamo as typed: NFKC would turn ㅋㅋ into conjoining jamo', () => {
    expect(norm('ㅋㅋ 웃기다').text).toBe('ㅋㅋ 웃기다');
  });
});

describe('invisible characters', () => {
  it.each([
    ['폭\u200B탄', '폭탄'],
    ['자\u200C살', '자살'],
    ['b\u200Do\u2060m\uFEFFb', 'bomb'],
    ['ex\u00ADplo\u00ADsive', 'explosive'],
    ['k\u0000i\u0007l\u001Fl', 'kill'],
    ['폭\u3164탄', '폭탄'],
    ['ig\u034Fnore', 'ignore'],
  ])('%j → %s, flagged as zero-width', (input, expected) => {
    const result = norm(input);
    expect(result.text).toBe(expected);
    expect(result.signals).toContain('zero_width');
  });

  it('removes bidi controls and says so', () => {
    const result = norm('safe \u202Eedoc\u202C text');
    expect(result.text).toBe('safe edoc text');
    expect(result.signals).toEqual(['bidi']);
  });

  it('does not flag invisible characters between words or inside emoji sequences', () => {
    expect(norm('hi\u200B there').signals).toEqual([]);
    expect(norm('❤️ 👨‍👩‍👧 좋아요').signals).toEqual([]);
  });

  it('drops lone surrogates instead of failing on them', () => {
    expect(norm('bo\uD800mb').text).toBe('bomb');
    expect(norm('\uDC00').text).toBe('');
  });
});

describe('whitespace', () => {
  it('collapses runs of any whitespace to one space and trims', () => {
    expect(norm('  how\t\tto\n\nmake \u00A0 a\u3000bomb  ').text).toBe('how to make a bomb');
    expect(norm('a\u2800\u2800b').text).toBe('a b');
    expect(norm(' \n\t ').text).toBe('');
  });
});
