// Removes characters that render as nothing (zero-width, format, control, fillers) so they cannot split a word.

import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import type { SignalSink } from './signals.js';

/**
 * Controls except \t and \n, every format character (zero-width, soft hyphen, bidi controls, tags),
 * lone surrogates, Hangul fillers, variation selectors and other invisible marks.
 */
const INVISIBLE_RUN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- what it looks for
  /[\x00-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\p{Cs}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]+/gu;
/** Anything but plain ASCII, Latin-1, the scripts up to Hebrew and Hangul: the rare case. */
const UNUSUAL = /[^\t\n\x20-\x7E\u00A0-\u00AC\u00AE-\u034E\u0350-\u05FF\u3131-\u3163\uAC00-\uD7A3]/;
/**
 * The invisible set for a second quick look, without the u flag (which makes V8 slow on Hangul):
 * every BMP format character listed out, and any surrogate, leaving astral ones to the precise
 * pattern.
 */
const MAYBE_INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- as above
  /[\x00-\x08\x0B-\x1F\x7F-\x9F\xAD\u034F\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uD800-\uDFFF\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function stripInvisible(input: MappedText, signals: SignalSink): MappedText {
  const { text } = input;
  if (!UNUSUAL.test(text) || !MAYBE_INVISIBLE.test(text)) return input;
  const out = new MappedTextBuilder(input);
  let from = 0;
  for (const match of text.matchAll(INVISIBLE_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    out.copy(from, start);
    from = end;
    if (BIDI.test(match[0])) signals.add('bidi');
    // Only a removal inside a word is an evasion: emoji sequences and marks between words are not.
    if (WORD_CHAR.test(text.charAt(start - 1)) && WORD_CHAR.test(text.charAt(end))) {
      signals.add('zero_width');
    }
  }
  return out.finish(from);
}
