// Finds text spelled in invisible Unicode tag characters (U+E0020-E007E mirror ASCII), a known way to smuggle prompts.

import type { FoundPayload } from './payload.js';

const TAG_RUN = /[\u{E0000}-\u{E007F}]+/gu;
/** Emoji flags of subdivisions (🏴 + tags + cancel tag) are the one ordinary use of tags. */
const BLACK_FLAG = '\u{1F3F4}';

export function findUnicodeTags(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  // Every tag character is written with the high surrogate U+DB40.
  if (!text.includes('\uDB40')) return found;
  for (const match of text.matchAll(TAG_RUN)) {
    if (text.slice(Math.max(0, match.index - 2), match.index) === BLACK_FLAG) continue;
    let decoded = '';
    for (const char of match[0]) {
      const code = (char.codePointAt(0) ?? 0) - 0xe0000;
      if (code >= 0x20 && code <= 0x7e) decoded += String.fromCharCode(code);
    }
    if (/[A-Za-z]/.test(decoded)) {
      found.push({ start: match.index, end: match.index + match[0].length, text: decoded });
    }
  }
  return found;
}
