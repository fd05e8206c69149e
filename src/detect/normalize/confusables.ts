// Maps look-alike letters from other scripts (Cyrillic е, Greek ο, small capitals) to the Latin letters they fake.

import { anyConfusable, confusableBlocks, confusableMap } from './confusable-map.js';
import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import type { SignalSink } from './signals.js';

/** @ and $ belong to words here because leetspeak reads them as letters (ʙᴏᴍʙ@ss). */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}@$]$/u;
const MARK = /^\p{M}/u;
const FIND_CONFUSABLE = new RegExp(anyConfusable.source, 'g');
/** A letter of a script with no Latin look-alikes here: its word is real text in that script. */
const FOREIGN_LETTER =
  /^[^\P{L}\p{Script=Latin}\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const ASCII_ALNUM = /[a-z0-9@$]/;

/** A look-alike at `index` of its word, `length` units long, read as `latin`. */
type Replacement = [index: number, length: number, latin: string];

interface CandidateWord {
  start: number;
  end: number;
  /** Undefined when the word has a letter with no Latin twin: it is real text in its script. */
  replacements: Replacement[] | undefined;
  /** The word also has plain Latin letters or digits (ехрlоsivе): a deliberate evasion. */
  mixed: boolean;
}

/**
 * A word that mixes Latin with look-alikes ("ехрlоsivе") is always rewritten. A word made only of
 * look-alikes ("вомв", "как") is rewritten only when no word of the text is real foreign text:
 * Russian "как дела" has "дела", whose д and л have no Latin twin, so "как" stays Russian.
 * A look-alike with a combining mark after it stays, so the mark never lands on a Latin letter
 * that NFKC would compose with next time.
 */
export function mapConfusables(input: MappedText, signals: SignalSink): MappedText {
  const { text } = input;
  if (!confusableBlocks.test(text) || !anyConfusable.test(text)) return input;
  const words = candidateWords(text);
  const foreignText = words.some((word) => word.replacements === undefined);
  let out: MappedTextBuilder | undefined;
  let from = 0;
  for (const { start, end, replacements, mixed } of words) {
    if (!replacements || replacements.length === 0 || (!mixed && foreignText)) continue;
    out ??= new MappedTextBuilder(input);
    out.copy(from, start);
    from = start;
    for (const [index, length, latin] of replacements) {
      out.copy(from, start + index);
      out.push(latin, start + index);
      from = start + index + length;
    }
    out.copy(from, end);
    from = end;
    if (mixed) signals.add('confusable');
  }
  return out ? out.finish(from) : input;
}

function candidateWords(text: string): CandidateWord[] {
  const words: CandidateWord[] = [];
  FIND_CONFUSABLE.lastIndex = 0;
  for (let found = FIND_CONFUSABLE.exec(text); found; found = FIND_CONFUSABLE.exec(text)) {
    const [start, end] = wordAround(text, found.index);
    FIND_CONFUSABLE.lastIndex = Math.max(end, found.index + 1);
    if (end <= found.index || start < (words.at(-1)?.end ?? 0)) continue;
    const word = text.slice(start, end);
    words.push({ start, end, replacements: replacementsIn(word), mixed: ASCII_ALNUM.test(word) });
  }
  return words;
}

function replacementsIn(word: string): Replacement[] | undefined {
  const replacements: Replacement[] = [];
  let i = 0;
  for (const char of word) {
    const latin = confusableMap.get(char.codePointAt(0) ?? 0);
    if (latin !== undefined && !MARK.test(word.slice(i + char.length))) {
      replacements.push([i, char.length, latin]);
    } else if (latin === undefined && FOREIGN_LETTER.test(char)) {
      return undefined;
    }
    i += char.length;
  }
  return replacements;
}

/** The word characters around `at` (code point by code point, surrogate pairs whole). */
function wordAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0) {
    const char = codePointBefore(text, start);
    if (!WORD_CHAR.test(char)) break;
    start -= char.length;
  }
  let end = at;
  while (end < text.length) {
    const char = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
    if (!WORD_CHAR.test(char)) break;
    end += char.length;
  }
  return [start, end];
}

function codePointBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return pair ? text.slice(i - 2, i) : text.charAt(i - 1);
}
