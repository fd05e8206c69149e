// A length-preserving folding of the input, so one set of ASCII patterns also sees full-width text.

// Every character here maps to exactly one UTF-16 unit, which is what keeps offsets valid.
const foldablePattern =
  '[\\u00a0\\u2000-\\u200a\\u2010-\\u2015\\u202f\\u2212\\u3000\\ufe63\\uff01-\\uff5e]';
const anyFoldable = new RegExp(foldablePattern);
const everyFoldable = new RegExp(foldablePattern, 'g');

function foldOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x00a0 || code === 0x3000 || code === 0x202f || (code >= 0x2000 && code <= 0x200a))
    return ' ';
  return '-';
}

/**
 * Full-width ASCII (U+FF01-U+FF5E) to ASCII, hyphen and minus look-alikes to '-', and wide or
 * no-break spaces to ' '. The result has the same length as `text`.
 */
export function foldForMatching(text: string): string {
  // Most input has nothing to fold; skip the copy then.
  if (!anyFoldable.test(text)) return text;
  return text.replace(everyFoldable, foldOne);
}
