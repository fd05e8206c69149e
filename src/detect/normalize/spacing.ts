// Joins words spelled out one character at a time ("b o m b", "k-i-l-l", "폭 탄 만 드 는", "자.살").

import { koreanSingleSyllableWords } from './korean-single-syllable-words.js';
import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import type { SignalSink } from './signals.js';

/**
 * A cheap necessary condition, without the u flag: a character that does not continue a word, a
 * separator, and another such character. Only its matches get the exact checks below.
 */
const CANDIDATE =
  /(?:^|[^a-z0-9@$\uAC00-\uD7A3])[^\s.\-_*·~][ .\-_*·~][^\s.\-_*·~](?![a-z0-9@$\uAC00-\uD7A3])/g;
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const NON_ASCII_LETTER = /^\p{L}$/u;

type PieceKind = 'hangul' | 'letter' | 'leet';

/**
 * The rule. A piece is one character standing alone between separators: a Hangul syllable, a
 * letter, or a digit, @ or $ (leetspeak). A run is pieces of one script with the same separator
 * between each two (one of: space . - _ * · ~); it is joined into one word when
 * - Latin and other letters: three or more pieces, at least two of them letters, and letters not
 *   outnumbered by digits and symbols ("1 2 3" and "a 1 2" stay);
 * - Hangul with a space between: three or more pieces, of which at least two, and at least half,
 *   are syllables that are not words of their own (so "좀 더 잘 해" stays, "폭 탄 만 드 는" joins);
 * - Hangul with punctuation between ("자.살"): two pieces are enough, since no ordinary writing
 *   puts a dot or dash between two syllables.
 * With a separator other than a space, the run must not continue into a longer word through the
 * same separator ("a.b.c.com", "x-y-z-axis" stay: they are names, paths and domains). "A. B. C."
 * stays because ". " is two characters; "I am a cat" and "a b testing" stay because the run is too
 * short.
 */
export function joinSpacedLetters(input: MappedText, signals: SignalSink): MappedText {
  const { text } = input;
  let out: MappedTextBuilder | undefined;
  let from = 0;
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
    const i = found.index + found[0].length - 3;
    const separator = text.charAt(i + 1);
    const kind = pieceKind(text.charCodeAt(i));
    const positions = kind && standsAlone(text, i) ? collectPieces(text, i, kind, separator) : [i];
    const last = positions.at(-1) ?? i;
    const joined = positions.length > 1 ? piecesToJoin(text, positions, separator) : undefined;
    if (joined) {
      out ??= new MappedTextBuilder(input);
      out.copy(from, joined[0] ?? i);
      for (const p of joined) out.copy(p, p + 1);
      from = last + 1;
      signals.add('spacing');
      CANDIDATE.lastIndex = last + 1;
    } else {
      // The last piece may open a run with another separator: "a b.o.m.b".
      CANDIDATE.lastIndex = last > i ? last - 1 : i + 1;
    }
  }
  return out ? out.finish(from) : input;
}

function collectPieces(text: string, first: number, kind: PieceKind, separator: string): number[] {
  const hangul = kind === 'hangul';
  const positions = [first];
  let j = first;
  while (text.charAt(j + 1) === separator) {
    const kind = pieceKind(text.charCodeAt(j + 2));
    if (!kind || (kind === 'hangul') !== hangul || !standsAlone(text, j + 2)) break;
    j += 2;
    positions.push(j);
  }
  return positions;
}

/**
 * The run, or the run without its first piece when that is the English word "a" or "i" and the
 * rest qualifies without it: "make a b o m b" is "make a bomb". (Korean needs no such care: a
 * word in front, as in "난폭탄만드는", leaves the evasion's syllables together all the same.)
 */
function piecesToJoin(text: string, positions: number[], separator: string): number[] | undefined {
  if (!shouldJoin(text, positions, separator)) return undefined;
  const first = text.charAt(positions[0] ?? 0);
  const standalone = first === 'a' || first === 'i';
  const rest = positions.slice(1);
  return separator === ' ' && standalone && shouldJoin(text, rest, separator) ? rest : positions;
}

function shouldJoin(text: string, positions: number[], separator: string): boolean {
  const first = positions[0] ?? 0;
  const last = positions.at(-1) ?? 0;
  if (separator !== ' ') {
    const before = text.charAt(first - 1) === separator && isWordChar(text.charCodeAt(first - 2));
    const after = text.charAt(last + 1) === separator && isWordChar(text.charCodeAt(last + 2));
    if (before || after) return false;
  }
  const pieces = positions.map((p) => text.charAt(p));
  if (pieceKind(text.charCodeAt(first)) === 'hangul') {
    if (separator !== ' ') return pieces.length >= 2;
    const fragments = pieces.filter((piece) => !koreanSingleSyllableWords.has(piece)).length;
    return pieces.length >= 3 && fragments >= 2 && fragments * 2 >= pieces.length;
  }
  const letters = pieces.filter((piece) => pieceKind(piece.charCodeAt(0)) === 'letter').length;
  return pieces.length >= 3 && letters >= 2 && letters * 2 >= pieces.length;
}

function standsAlone(text: string, i: number): boolean {
  return !isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + 1));
}

/** Code comparisons first: this runs on every candidate and its neighbours. */
function pieceKind(code: number): PieceKind | undefined {
  if (code >= 0x61 && code <= 0x7a) return 'letter';
  if ((code >= 0x30 && code <= 0x39) || code === 0x40 || code === 0x24) return 'leet';
  if (code >= 0xac00 && code <= 0xd7a3) return 'hangul';
  if (code < 0x80 || Number.isNaN(code) || isJamo(code)) return undefined;
  return NON_ASCII_LETTER.test(String.fromCharCode(code)) ? 'letter' : undefined;
}

/** Jamo are the jamo step's: ㅋ ㅋ ㅋ is laughter, and ㅈ ㅏ ㅅ ㅏ ㄹ is already a word by then. */
function isJamo(code: number): boolean {
  return (code >= 0x3131 && code <= 0x318e) || (code >= 0x1100 && code <= 0x11ff);
}

/** Letters, digits, marks, and the @ and $ that leetspeak uses as letters. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return pieceKind(code) !== undefined || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xac00 && code <= 0xd7a3) return true;
  return !Number.isNaN(code) && NON_ASCII_WORD_CHAR.test(String.fromCharCode(code));
}
