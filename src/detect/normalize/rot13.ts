// Finds stretches of English that read as common words only after rot13 ("vtaber cerivbhf vafgehpgvbaf").

import { commonEnglishWords } from './common-english-words.js';
import type { FoundPayload } from './payload.js';
import { decodedWordScore, findWordStretches } from './word-stretches.js';

/**
 * The rot13 of the words rot13 prose cannot do without (the, and, of, to, is, you, how...) and of
 * the words attacks use. Scoring every word costs a set lookup each; two hits of this pattern, one
 * regex pass, are required first, so plain text is let through at regex speed.
 */
const TELLTALE_WORDS =
  'the and of to is it in for you with that this are was not me my how what your all can will ' +
  'ignore previous instructions password system prompt tell make bomb kill secret';
const LIKELY_ROT13 = new RegExp(`\\b(?:${TELLTALE_WORDS.split(' ').map(rot13).join('|')})\\b`, 'g');

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

const score = decodedWordScore(commonEnglishWords, new Set([...commonEnglishWords].map(rot13)));

export function findRot13(text: string): FoundPayload[] {
  if ((text.match(LIKELY_ROT13)?.length ?? 0) < 2) return [];
  return findWordStretches(text, score, rot13);
}
