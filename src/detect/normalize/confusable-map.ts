// Which non-Latin letters read as which Latin letter: unhomoglyph's TR39 data, narrowed, plus letters it lacks.

import confusables from 'unhomoglyph/data.json' with { type: 'json' };

/**
 * Scripts whose letters are borrowed to fake Latin words. Scripts in everyday use for their own
 * languages with only a stray look-alike (Hebrew ו, Arabic ا, Hangul ㅇ, Devanagari digits) are left
 * out: mapping them would rewrite ordinary text in those languages.
 */
const SOURCE_SCRIPTS = new RegExp(
  `^[${[
    ...['Latin', 'Greek', 'Cyrillic', 'Coptic', 'Armenian', 'Cherokee', 'Lisu', 'Runic', 'Miao'],
    ...['Canadian_Aboriginal', 'Old_Italic', 'Carian', 'Lycian', 'Deseret', 'Osage'],
    ...['Warang_Citi', 'Elbasan', 'Tifinagh'],
  ]
    .map((script) => `\\p{Script=${script}}`)
    .join('')}]$`,
  'u',
);
/** Letters only: symbols that look like letters (∪, ×, 𝈓) keep their meaning. */
const LETTER = /^\p{L}$/u;

/**
 * Look-alikes the data maps only to another non-ASCII letter (к → ĸ, т → ᴛ) or not at all:
 * Cyrillic and Greek lower case of letters whose capitals look Latin, and Latin small capitals.
 * μ stays out on purpose: after NFKC it is also the micro sign, and "5 μg" must not become "5 mg".
 */
const ADDED =
  'кk ĸk ᴋk κk мm ᴍm тt ᴛt τt нh ʜh вb ʙb ьb ƅb βb εe ɛe ᴇe χx ηn ωw ᴀa ᴅd ꜰf ɢg ᴊj ʟl ɴn ᴘp ʀr ǫq';

function buildConfusableMap(): Map<number, string> {
  const map = new Map<number, string>();
  for (const [source, skeleton] of Object.entries(confusables as Record<string, string>)) {
    const code = source.codePointAt(0) ?? 0;
    if (source.length > 2 || String.fromCodePoint(code) !== source || code < 0x80) continue;
    if (!/^[A-Za-z]$/.test(skeleton) || !SOURCE_SCRIPTS.test(source) || !LETTER.test(source)) {
      continue;
    }
    // Only forms that survive NFKC and lower-casing can reach this step.
    if (source.normalize('NFKC') !== source || source.toLowerCase() !== source) continue;
    map.set(code, skeleton.toLowerCase());
  }
  for (const pair of ADDED.split(' ')) map.set(pair.codePointAt(0) ?? 0, pair.slice(-1));
  return map;
}

export const confusableMap: ReadonlyMap<number, string> = buildConfusableMap();

/** The blocks that hold every key of the map (surrogates for astral ones): a cheap first look. */
export const confusableBlocks =
  /[\u0080-\u058F\u13A0-\u167F\u16A0-\u16FF\u1D00-\u1DBF\u1E00-\u1EFF\u2C80-\u2CFF\u2D30-\u2D7F\uA4D0-\uA4FF\uA640-\uA69F\uA720-\uA7FF\uAB30-\uABBF\uD800-\uDBFF]/;

/**
 * Matches any character the map knows, to skip the step at once when there is none. Built without
 * the u flag (astral keys as surrogate pairs), which keeps it fast on Hangul.
 */
export const anyConfusable = new RegExp(alternativesFor([...confusableMap.keys()]));

function alternativesFor(codes: number[]): string {
  const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;
  const bmp = codes.filter((code) => code <= 0xffff).map(hex);
  const byHighSurrogate = new Map<number, string[]>();
  for (const code of codes.filter((c) => c > 0xffff)) {
    const pair = String.fromCodePoint(code);
    const high = pair.charCodeAt(0);
    byHighSurrogate.set(high, [...(byHighSurrogate.get(high) ?? []), hex(pair.charCodeAt(1))]);
  }
  const astral = [...byHighSurrogate].map(([high, lows]) => `${hex(high)}[${lows.join('')}]`);
  return [`[${bmp.join('')}]`, ...astral].join('|');
}
