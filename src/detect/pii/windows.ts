// Where personal data could be: short windows around the only shapes any recognizer can match, so
// the recognizers run on a few dozen characters instead of the whole text.

/** Context words are looked for in the 30 units before a match (context.ts); the rest is slack. */
const before = 40;
const after = 12;
/** How far a window edge moves to avoid cutting a word, number or address in two. */
const stretch = 320;

// The anchors, on the text as it is: full-width forms and dash look-alikes are matched here as
// fold.ts would turn them into ASCII. One regular expression beats a hand-written loop in V8.
const d = '[0-9\\uff10-\\uff19]';
const sep =
  '[ .\\-()/:+\\u00a0\\u2000-\\u200a\\u2010-\\u2015\\u202f\\u2212\\u3000\\ufe63\\uff08-\\uff0f\\uff1a]';
const up = '[A-Z\\uff21-\\uff3a]';
const dot = '[.\\uff0e]';
const colon = '[:\\uff1a]';
const hex = '[0-9A-Fa-f\\uff10-\\uff19]';
/**
 * Eight or more digits with at most two separators between each (every number type has at least
 * eight: the shortest is a 15xx-xxxx service number), a dotted quad (IPv4), a new-style passport
 * number (letter, three digits, letter, four digits), an '@' (e-mail) and two colons at most four
 * hex digits apart (IPv6; "19:15" is not).
 */
const anchor = new RegExp(
  [
    `(?:${d}${sep}{0,2}){7,}${d}`,
    `${d}{1,3}${dot}${d}{1,3}${dot}${d}{1,3}${dot}${d}{1,3}`,
    `${up}${d}{3}${up}${d}{4}`,
    '[@\\uff20]',
    `${colon}${hex}{0,4}${colon}`,
  ].join('|'),
  'g',
);

/** Part of a token a window must not cut: letters, digits and the punctuation of numbers and addresses. */
const tokenPart = /[0-9A-Za-z._%+\-:/()@\uff01-\uff5e\u2010-\u2015\u2212]/;

function widen(t: string, start: number, end: number): [number, number] {
  let s = Math.max(0, start - before);
  let e = Math.min(t.length, end + after);
  for (let n = 0; s > 0 && n < stretch && tokenPart.test(t[s - 1]!); n++) s--;
  for (let n = 0; e < t.length && n < stretch && tokenPart.test(t[e]!); n++) e++;
  return [s, e];
}

/**
 * Windows [start, end) of `text`, sorted and disjoint, outside which no recognizer can find
 * anything. Null when the windows would cover most of the text anyway.
 */
export function candidateWindows(text: string): Array<[number, number]> | null {
  const windows: Array<[number, number]> = [];
  let covered = 0;
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    const [s, e] = widen(text, m.index, m.index + m[0].length);
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) {
      covered += Math.max(0, e - last[1]);
      last[1] = Math.max(last[1], e);
    } else {
      windows.push([s, e]);
      covered += e - s;
    }
    if (covered * 2 > text.length) return null;
  }
  return windows;
}
