// Collapses every run of whitespace to one space and trims the ends, so spacing tricks cannot hide in it.

import { MappedTextBuilder, type MappedText } from './mapped-text.js';

/**
 * Inner runs that need work: one starting with whitespace other than a plain space, or two spaces.
 * A plain space just before the first kind is picked up by hand: leading with it would make the
 * pattern try every ordinary space, which is several times slower.
 */
const INNER_RUN =
  /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2800\u3000\ufeff][\s\u2800]*| {2}[\s\u2800]*/g;

export function collapseWhitespace(input: MappedText): MappedText {
  const { text } = input;
  let lead = 0;
  while (lead < text.length && isWhitespace(text.charCodeAt(lead))) lead++;
  let trail = text.length;
  while (trail > lead && isWhitespace(text.charCodeAt(trail - 1))) trail--;
  let out: MappedTextBuilder | undefined;
  let from = lead;
  INNER_RUN.lastIndex = lead;
  for (
    let found = INNER_RUN.exec(text);
    found && found.index < trail;
    found = INNER_RUN.exec(text)
  ) {
    const start =
      found.index > from && text.charCodeAt(found.index - 1) === 0x20
        ? found.index - 1
        : found.index;
    out ??= new MappedTextBuilder(input);
    out.copy(from, start);
    out.push(' ', start);
    from = Math.min(found.index + found[0].length, trail);
  }
  if (!out && lead === 0 && trail === text.length) return input;
  out ??= new MappedTextBuilder(input);
  return out.finish(from, trail);
}

/** JavaScript's \s (Unicode Zs, tab to carriage return, U+2028/9, U+FEFF) and the braille blank. */
function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x2000) return code === 0xa0 || code === 0x1680;
  return (
    code <= 0x200a ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2800 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
