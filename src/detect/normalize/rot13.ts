// Finds stretches of English that read as common words only after rot13 ("vtaber cerivbhf vafgehpgvbaf").

import { commonEnglishWords } from './common-english-words.js';
import type { FoundPayload } from './payload.js';

const WORD = /[a-z]+/g;
/** Words separated only by spaces and punctuation belong to one stretch of prose. */
const GAP = /^[\s,.;:!?'"()-]*$/;
const COMMON_AFTER_ROT13 = new Set([...commonEnglishWords].map(rot13));
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

/**
 * Each word scores +1 when only its rot13 is a common word, -1 when only itself is, 0 otherwise. A
 * stretch is rot13 when a run of words keeps a positive total and at least three words, and half of
 * the run, score +1: plain English scores negative at once, so the check costs one set lookup or
 * two per word.
 */
export function findRot13(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  if ((text.match(LIKELY_ROT13)?.length ?? 0) < 2) return found;
  const words = [...text.matchAll(WORD)];
  let w = 0;
  while (w < words.length) {
    const first = words[w];
    if (!first || score(first[0]) <= 0) {
      w++;
      continue;
    }
    let sum = 1;
    let positives = 1;
    let best = { end: w, positives: 1, sum: 1 };
    for (let k = w + 1; k < words.length && sum > 0; k++) {
      const word = words[k];
      const previous = words[k - 1];
      if (!word || !previous) break;
      if (!GAP.test(text.slice(previous.index + previous[0].length, word.index))) break;
      const s = score(word[0]);
      sum += s;
      if (s > 0) positives++;
      if (sum >= best.sum) best = { end: k, positives, sum };
    }
    const last = words[best.end];
    if (last && best.positives >= 3 && best.positives * 2 >= best.end - w + 1) {
      const end = last.index + last[0].length;
      found.push({ start: first.index, end, text: rot13(text.slice(first.index, end)) });
    }
    w = best.end + 1;
  }
  return found;
}

function score(word: string): number {
  const plain = commonEnglishWords.has(word);
  const rotated = COMMON_AFTER_ROT13.has(word);
  return plain === rotated ? 0 : rotated ? 1 : -1;
}
