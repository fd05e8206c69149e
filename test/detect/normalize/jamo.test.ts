// Labelled examples for Hangul jamo recomposition, and the chat it must leave alone.
import { describe, expect, it } from 'vitest';
import { normalizeForDetection } from '../../../src/detect/normalize/index.js';

const norm = (input: string) => normalizeForDetection(input);

describe('jamo recomposition', () => {
  it.each([
    ['ㅈㅏㅅㅏㄹ 하는 법', '자살 하는 법'],
    ['ㅍㅗㄱㅌㅏㄴ 만들기', '폭탄 만들기'],
    ['ㅈ ㅏ ㅅ ㅏ ㄹ', '자살'],
    ['ㅍ.ㅗ.ㄱ.ㅌ.ㅏ.ㄴ', '폭탄'],
    ['ㅁㅏㅇㅑㄱ 구매', '마약 구매'],
    ['ㄱㅗㅏㅈㅔ', '과제'], // compound vowel typed as two
    ['ㄷㅏㄹㄱㅇㅣ', '닭이'], // final cluster, then a new syllable
    ['자ㅅㅏㄹ', '자살'], // jamo after a finished syllable
    ['ㅋㅋㅋㅈㅏㅅㅏㄹ', 'ㅋㅋㅋ자살'], // laughter in front does not hide it
    ['\u110C \u1161 \u1109 \u1161 \u11AF', '자살'], // conjoining jamo, spaced
  ])('%s → %s', (input, expected) => {
    const result = norm(input);
    expect(result.text).toBe(expected);
    expect(result.signals).toContain('jamo');
  });

  it.each([
    'ㅋㅋㅋ',
    'ㅋㅋㅋ 진짜 웃기다',
    'ㅠㅠ',
    'ㅎㅎ 고마워',
    'ㅇㅇ 알았어',
    'ㄱㅅ ㅇㅋ',
    'ㅋㅋㅋㅠㅠ',
    'ㅠㅅㅠ',
    'ㅡㅡ 뭐야',
    'ㅋ ㅋ ㅋ',
    'ㅜㅜ 슬퍼',
  ])('leaves chat alone: %s', (input) => {
    const result = norm(input);
    expect(result.text).toBe(input);
    expect(result.signals).toEqual([]);
  });

  it('reads stray conjoining jamo as the compatibility letters they look like', () => {
    expect(norm('\u110F\u110F\u110F').text).toBe('ㅋㅋㅋ');
  });
});
