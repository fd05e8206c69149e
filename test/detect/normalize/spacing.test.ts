// Labelled examples for joining words spelled out one character at a time, and sentences it must not touch.
import { describe, expect, it } from 'vitest';
import { normalizeForDetection } from '../../../src/detect/normalize/index.js';

const norm = (input: string) => normalizeForDetection(input);

describe('spelled-out words are joined', () => {
  it.each([
    ['how to make a b o m b', 'how to make a bomb'],
    ['b.o.m.b', 'bomb'],
    ['k-i-l-l them', 'kill them'],
    ['s_u_i_c_i_d_e', 'suicide'],
    ['m*e*t*h', 'meth'],
    ['b.0.m.b', 'bomb'], // joined first, then read as leetspeak
    ['폭 탄 만 드 는 법', '폭탄만드는법'],
    ['자 살 하 는 법', '자살하는법'],
    ['자.살', '자살'],
    ['마-약', '마약'],
    ['I want to k i l l', 'i want to kill'],
  ])('%s → %s', (input, expected) => {
    const result = norm(input);
    expect(result.text).toBe(expected);
    expect(result.signals).toContain('spacing');
  });
});

describe('ordinary writing is left alone', () => {
  it.each([
    'I am a cat.',
    'a b testing',
    'A. B. C.',
    'e.g. this, i.e. that',
    'Plan A or B',
    '1 2 3 go',
    'see www.a.b.c.com',
    'pages 3 - 4',
    'x-y-z-axis',
    '그 때 난 잘 몰랐어',
    '좀 더 잘 해 봐',
    '이 책 좀 봐',
    '나 진짜 안 가',
    '오늘 날씨 좋네요',
    '저는 학생입니다. 내일 뵙겠습니다.',
  ])('%s', (input) => {
    const result = norm(input);
    expect(result.text).toBe(input.toLowerCase());
    expect(result.signals).toEqual([]);
  });
});
