// Recomposes Hangul typed as separate jamo (ㅈㅏㅅㅏㄹ, ㅍ ㅗ ㄱ ㅌ ㅏ ㄴ) into syllables, leaving chat (ㅋㅋ, ㅠㅠ) alone.

import {
  canEnd,
  canStart,
  combineJamo,
  compatibilityJamo,
  composeSyllable,
  isVowel,
} from './hangul-syllables.js';
import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import type { SignalSink } from './signals.js';

const ANY_JAMO = /[\u1100-\u1112\u1161-\u1175\u11A8-\u11C2\u3131-\u3163]/g;
/** One of these between two jamo is read as an evasion gap, not as a word break. */
const SEPARATORS = ' .-_*·';

/** A parsed piece of a jamo run: units [first, last] either make `syllable` or stay as they are. */
interface Piece {
  first: number;
  last: number;
  syllable: string | undefined;
}

export function recomposeJamo(input: MappedText, signals: SignalSink): MappedText {
  const { text } = input;
  let out: MappedTextBuilder | undefined;
  let from = 0;
  ANY_JAMO.lastIndex = 0;
  for (let found = ANY_JAMO.exec(text); found; found = ANY_JAMO.exec(text)) {
    const positions = collectRun(text, found.index);
    const runEnd = (positions.at(-1) ?? 0) + 1;
    ANY_JAMO.lastIndex = runEnd;
    const codes = positions.map((p) => compatibilityJamo(text.charCodeAt(p)));
    const conjoining = positions.some((p) => text.charCodeAt(p) < 0x3131);
    // Chat is mostly consonants alone (ㅋㅋ, ㅇㅇ) or vowels alone (ㅠㅠ): no syllable to parse.
    if (!conjoining && (codes.every(isVowel) || !codes.some(isVowel))) continue;
    const pieces = parseRun(codes);
    const composed = pieces.some((piece) => piece.syllable !== undefined);
    if (!composed && !conjoining) continue;
    if (composed) signals.add('jamo');
    out ??= new MappedTextBuilder(input);
    out.copy(from, positions[0] ?? 0);
    writeRun(out, text, positions, codes, pieces);
    from = runEnd;
  }
  return out ? out.finish(from) : input;
}

/**
 * Positions of one run: either jamo written together (ㅈㅏㅅㅏㄹ), or jamo standing alone each, with
 * one separator between them (ㅈ ㅏ ㅅ ㅏ ㄹ, ㅈ.ㅏ.ㅅ). A space between groups of jamo (ㅠㅅㅠ ㅇㅋ)
 * or next to a syllable (ㅋ 진짜) is a word break.
 */
function collectRun(text: string, start: number): number[] {
  const positions = [start];
  let j = start;
  if (isJamoAt(text, j + 1)) {
    while (isJamoAt(text, j + 1)) positions.push(++j);
    return positions;
  }
  if (!standsAlone(text, j)) return positions;
  while (SEPARATORS.includes(text.charAt(j + 1)) && standsAlone(text, j + 2)) {
    j += 2;
    positions.push(j);
  }
  return positions;
}

function standsAlone(text: string, i: number): boolean {
  return isJamoAt(text, i) && !isHangulAt(text, i - 1) && !isHangulAt(text, i + 1);
}

function isJamoAt(text: string, i: number): boolean {
  return compatibilityJamo(text.charCodeAt(i)) !== 0;
}

function isHangulAt(text: string, i: number): boolean {
  return isJamoAt(text, i) || isSyllable(text.charCodeAt(i));
}

function isSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/**
 * Splits the run at chat runs (a consonant three times or more, a vowel twice or more: ㅋㅋㅋ, ㅠㅠ,
 * which never occur inside a spelled-out word) and parses what lies between them into syllables.
 */
function parseRun(codes: number[]): Piece[] {
  const pieces: Piece[] = [];
  if (isEmoticon(codes)) return codes.map((_, k) => ({ first: k, last: k, syllable: undefined }));
  let segment = 0;
  let k = 0;
  while (k < codes.length) {
    let repeat = k + 1;
    while (codes[repeat] === codes[k]) repeat++;
    if (repeat - k >= (isVowel(codes[k] ?? 0) ? 2 : 3)) {
      parseSegment(codes, segment, k, pieces);
      for (let r = k; r < repeat; r++) pieces.push({ first: r, last: r, syllable: undefined });
      segment = repeat;
    }
    k = repeat;
  }
  parseSegment(codes, segment, codes.length, pieces);
  return pieces;
}

/** Faces such as ㅠㅅㅠ or ㅜㅂㅜ: a consonant between two equal vowels. */
function isEmoticon(codes: number[]): boolean {
  const [a = 0, b = 0, c = 0] = codes;
  return codes.length === 3 && a === c && isVowel(a) && !isVowel(b);
}

/** Greedy syllable parse as a Korean keyboard does it: a consonant before a vowel opens one. */
function parseSegment(codes: number[], from: number, to: number, pieces: Piece[]): void {
  const at = (k: number) => (k < to ? (codes[k] ?? 0) : 0);
  let k = from;
  while (k < to) {
    if (!canStart(at(k)) || !isVowel(at(k + 1))) {
      pieces.push({ first: k, last: k, syllable: undefined });
      k++;
      continue;
    }
    const initial = at(k);
    let vowel = at(k + 1);
    let next = k + 2;
    const compound = combineJamo(vowel, at(next), false);
    if (compound !== 0) [vowel, next] = [compound, next + 1];
    let final = 0;
    // A consonant followed by a vowel opens the next syllable instead of closing this one.
    if (canEnd(at(next)) && !isVowel(at(next + 1))) {
      final = at(next++);
      const cluster = combineJamo(final, at(next), true);
      if (cluster !== 0 && !isVowel(at(next + 1))) [final, next] = [cluster, next + 1];
    }
    pieces.push({ first: k, last: next - 1, syllable: composeSyllable(initial, vowel, final) });
    k = next;
  }
}

/** Separators inside a syllable or between two syllables go; those next to leftover jamo stay. */
function writeRun(
  out: MappedTextBuilder,
  text: string,
  positions: number[],
  codes: number[],
  pieces: Piece[],
): void {
  let previous: Piece | undefined;
  for (const piece of pieces) {
    const start = positions[piece.first] ?? 0;
    const gap = previous && start - (positions[previous.last] ?? 0) === 2;
    if (gap && (piece.syllable === undefined || previous?.syllable === undefined)) {
      out.copy(start - 1, start);
    }
    if (piece.syllable !== undefined) out.push(piece.syllable, start);
    else if (text.charCodeAt(start) < 0x3131)
      out.push(String.fromCharCode(codes[piece.first] ?? 0), start);
    else out.copy(start, start + 1);
    previous = piece;
  }
}
