// Finds words spelt as alphabet positions ("8-15-23 20-15 13-1-11-5" for "how to make"): the
// a=1, b=2 cipher attacks ask a model to decode and then answer.

import { commonEnglishWords } from './common-english-words.js';
import type { FoundPayload } from './payload.js';

const NUMBER = '(?:2[0-6]|1[0-9]|[1-9])';
const WORD = `${NUMBER}(?:-${NUMBER})*`;
/** Words of dash-joined numbers 1–26, separated by spaces (or " / "), not inside a longer number. */
const STRETCH = new RegExp(`(?<![\\d.,:-])${WORD}(?:(?: +/ +| +)${WORD}){2,}(?![\\d.,:-])`, 'g');

function decodeWord(word: string): string {
  return word
    .split('-')
    .map((n) => String.fromCharCode(96 + Number(n)))
    .join('');
}

/**
 * A stretch of three or more such words counts when at least two of the words it spells, and half
 * of them, are common English words: "2-1 3-2 1-1" (scores) spells "ba cb aa" and is left alone.
 */
export function findLetterNumbers(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  for (const match of text.matchAll(STRETCH)) {
    const words = match[0].split(/ +(?:\/ +)?/).map(decodeWord);
    const common = words.filter((w) => commonEnglishWords.has(w)).length;
    if (common < 2 || common * 2 < words.length) continue;
    found.push({ start: match.index, end: match.index + match[0].length, text: words.join(' ') });
  }
  return found;
}
