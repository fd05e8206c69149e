// Ordinary Korean and English, including chat, numbers and codes, come through essentially unchanged.
import { describe, expect, it } from 'vitest';
import { normalizeForDetection } from '../../../src/detect/normalize/index.js';

describe('ordinary text', () => {
  it.each([
    'I am a cat.',
    '3 months later',
    'gpt4o costs $5',
    '010-1234-5678',
    'ㅋㅋㅋ 진짜 웃기다',
    '오늘 날씨 좋네요',
    'Can you summarize the Q3 report by Friday? Thanks!',
    'The meeting moved to 2024-05-01 at 3:30pm (room B-12).',
    'We shipped v2.4.1 with 15% fewer crashes on iOS 17.',
    'My email is kim@example.com, call me at +82 10-1234-5678.',
    '회의록을 요약해 주세요. 담당자는 김철수입니다.',
    '내일 오후 3시에 강남역 2번 출구에서 만나요!',
    '이번 분기 매출은 전년 대비 12% 증가했습니다.',
    '배고파 ㅠㅠ 뭐 먹지? ㅎㅎ',
    'Python 3.12와 Node 20에서 테스트했어요.',
    'Llama 3 and Claude 3.5 Sonnet are both fine.',
  ])('%s', (input) => {
    const result = normalizeForDetection(input);
    expect(result.text).toBe(input.toLowerCase());
    expect(result.signals).toEqual([]);
    expect(result.decoded).toEqual([]);
  });
});
