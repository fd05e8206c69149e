// Finds stretches of English that read as words only once decoded (rot13, written backwards).

import type { FoundPayload } from './payload.js';

const WORD = /[a-z]+/g;
/** Words separated only by spaces and punctuation belong to one stretch of prose. */
const GAP = /^[\s,.;:!?'"()-]*$/;

/**
 * `score` gives each word +1 when only its decoded form is a common word, -1 when only itself is,
 * 0 otherwise. A stretch is encoded when a run of words keeps a positive total and at least three
 * words, and half of the run, score +1: plain English scores negative at once, so the check costs
 * a set lookup or two per word. `decode` turns the stretch into what it says.
 */
export function findWordStretches(
  text: string,
  score: (word: string) => number,
  decode: (stretch: string) => string,
): FoundPayload[] {
  const found: FoundPayload[] = [];
  const words = [...text.matchAll(WORD)];
  const joined = (a: RegExpExecArray, b: RegExpExecArray) =>
    GAP.test(text.slice(a.index + a[0].length, b.index));
  /** The first word a stretch may take: none reaches back into the one before it. */
  let floor = 0;
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
      if (!word || !previous || !joined(previous, word)) break;
      const s = score(word[0]);
      sum += s;
      if (s > 0) positives++;
      if (sum >= best.sum) best = { end: k, positives, sum };
    }
    const last = words[best.end];
    if (last && best.positives >= 3 && best.positives * 2 >= best.end - w + 1) {
      // Words neither way round (a rare word, a name) just before the stretch belong to it:
      // backwards, the request's last word comes first ("rekcarc drowssap" ends "password cracker").
      let from = w;
      while (
        from > floor &&
        score(words[from - 1]![0]) === 0 &&
        joined(words[from - 1]!, words[from]!)
      )
        from--;
      const start = words[from]!.index;
      const end = last.index + last[0].length;
      found.push({ start, end, text: decode(text.slice(start, end)) });
      floor = best.end + 1;
    }
    w = best.end + 1;
  }
  return found;
}

/** +1, -1 or 0 by which of the word and its decoded form is in `common` (see findWordStretches). */
export function decodedWordScore(common: ReadonlySet<string>, commonDecoded: ReadonlySet<string>) {
  return (word: string) => {
    const plain = common.has(word);
    const decoded = commonDecoded.has(word);
    return plain === decoded ? 0 : decoded ? 1 : -1;
  };
}
