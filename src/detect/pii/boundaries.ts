// Where a number may start and end, so a match is never a slice of a longer number or word.

/**
 * Not preceded by a letter, digit or underscore, nor by a digit and a '-' or '.', which would make
 * the match the tail of a longer code such as an ISBN or a version string.
 */
export const numberStart = '(?<![0-9A-Za-z_])(?<![0-9][-.])';

/** The mirror of `numberStart`: no letter or digit after, and no '-' or '.' followed by a digit. */
export const numberEnd = '(?![0-9A-Za-z_])(?![-.][0-9])';

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/**
 * True when a number written with `separator` between its groups continues past the match with
 * the same separator ("1234 5678 9012 3456 7890"); a space is not caught by the patterns' own
 * boundaries because prose puts spaces between numbers.
 */
export function continuesBeyond(
  text: string,
  start: number,
  end: number,
  separator: string | undefined,
): boolean {
  if (!separator) return false;
  const before = start >= 2 && text[start - 1] === separator && isDigitAt(text, start - 2);
  const after = text[end] === separator && isDigitAt(text, end + 1);
  return before || after;
}
