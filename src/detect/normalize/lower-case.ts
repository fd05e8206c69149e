// Lower-cases the text, keeping the offset map (only İ needs care: its lower case is longer).

import { MappedTextBuilder, type MappedText } from './mapped-text.js';

/**
 * İ (U+0130) lower-cases to i + U+0307; the dot is noise here, so it becomes a plain i, which
 * keeps the length. An İ with marks after it is composed with them (İ + ́ → í), as NFKC would do
 * next time.
 */
const DOTTED_CAPITAL_I = /\u0130/g;
const DOTTED_CAPITAL_I_WITH_MARKS = /\u0130\p{M}+/gu;

export function lowerCase(input: MappedText): MappedText {
  const lower = input.text.replace(DOTTED_CAPITAL_I, 'I').toLowerCase();
  if (lower === input.text) return input;
  const lowered: MappedText = { text: lower, offsets: input.offsets };
  if (!input.text.includes('\u0130')) return lowered;
  let out: MappedTextBuilder | undefined;
  let from = 0;
  for (const match of input.text.matchAll(DOTTED_CAPITAL_I_WITH_MARKS)) {
    const end = match.index + match[0].length;
    out ??= new MappedTextBuilder(lowered);
    out.copy(from, match.index);
    out.push(lower.slice(match.index, end).normalize('NFKC'), match.index);
    from = end;
  }
  return out ? out.finish(from) : lowered;
}
