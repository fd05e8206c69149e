// Context words: a keyword shortly before a candidate is what turns a weak shape into a finding.

/** How far before a match a context word may start, in UTF-16 units. */
export const contextWindow = 30;

function wordPattern(word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Short Latin words ("IP", "RRN", "tel") would otherwise match inside other words ("ship").
  return /^[a-z]{1,4}$/i.test(word) ? `(?<![a-z])${escaped}(?![a-z])` : escaped;
}

/** One case-insensitive pattern from a list of words; a regex per type is compiled once at load. */
export function contextWords(words: readonly string[]): RegExp {
  return new RegExp(words.map(wordPattern).join('|'), 'i');
}

/** Whether one of `words` appears in the `window` units of `folded` before `start`. */
export function hasContextBefore(
  folded: string,
  start: number,
  words: RegExp,
  window = contextWindow,
): boolean {
  return words.test(folded.slice(Math.max(0, start - window), start));
}
