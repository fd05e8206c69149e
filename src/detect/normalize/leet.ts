// Reads leetspeak inside words (h4ck, k1ll, b0mb, pr0mpt, $hit) as the letters it stands for, leaving codes alone.

import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import type { SignalSink } from './signals.js';

/** A letter next to a leet character: where a token worth reading starts, found without a loop. */
const MIXED = /[a-z][013457@$!]|[013457@$!][a-z]/g;
const MARK = /\p{M}/u;
const LETTERS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
/** Doubled leet characters that spell doubled letters in real words: n00b, w33d, a$$, bu77er. */
const DOUBLES = '0357$';
/** Three consonants that can start an English word; other vowel-less prefixes are acronyms. */
const ONSETS = new Set(['str', 'spr', 'scr', 'spl', 'thr', 'shr', 'chr', 'sch', 'phr', 'sph']);
/** Beyond this length a token is an id, a hash or an encoded payload, not a word. */
const MAX_TOKEN = 24;

/** A stretch of a token that is all letters or all non-letters. */
interface Run {
  start: number;
  end: number;
  letters: boolean;
}

export function undoLeet(input: MappedText, signals: SignalSink): MappedText {
  const { text } = input;
  let out: MappedTextBuilder | undefined;
  let from = 0;
  MIXED.lastIndex = 0;
  for (let found = MIXED.exec(text); found; found = MIXED.exec(text)) {
    let start = found.index;
    let end = found.index + 2;
    while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
    MIXED.lastIndex = end;
    const token = text.slice(start, end);
    // A combining mark after the token would compose with a decoded letter (0́ → ó) next time.
    if (!isCandidate(token) || isPartOfCode(text, start, end) || MARK.test(text.charAt(end))) {
      continue;
    }
    let decoded = token;
    // Decoding can make a neighbouring run eligible; iterate so a second pass finds nothing left.
    for (let round = 0; round < 3; round++) {
      const next = decodeToken(decoded);
      if (next === decoded) break;
      decoded = next;
    }
    if (decoded === token) continue;
    out ??= new MappedTextBuilder(input);
    out.copy(from, start);
    out.pushAligned(decoded, start);
    from = end;
    signals.add('leet');
  }
  return out ? out.finish(from) : input;
}

/** The characters of a token: a-z, digits, and the symbols leetspeak uses. */
function isTokenChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x40 ||
    code === 0x24 ||
    code === 0x21
  );
}

/**
 * A token any rule below could read: a leet run between letters, two non-letter runs, a final 0 or
 * a leading @ or $. Most tokens with digits (q3, v1, 2nd) fail this at once.
 */
const READABLE_SHAPE = /[a-z][0-9@$!]+[a-z]|[0-9@$!][a-z]+[0-9@$!]|^[a-z]+0$|^[@$][a-z]{2,3}$/;

function isCandidate(token: string): boolean {
  if (token.length > MAX_TOKEN || !READABLE_SHAPE.test(token)) return false;
  // Hex ids and hashes (a3f5c91) are not words.
  return !(/^[0-9a-f]+$/.test(token) && (token.match(/[0-9]/g)?.length ?? 0) >= 3);
}

/**
 * Joined to more letters or digits by . : / _ # = \ (v0.1, bob@mail.com, a/b0). A hyphen does not
 * count: whether a digit sits beyond it can change as the neighbouring token is read, and then a
 * second pass would decide differently.
 */
function isPartOfCode(text: string, start: number, end: number): boolean {
  const joined = (joiner: string, beyond: string) =>
    '.:/_#=\\'.includes(joiner) && /[\p{L}\p{N}]/u.test(beyond);
  const before = start > 0 && joined(text.charAt(start - 1), text.charAt(start - 2));
  return before || (end < text.length && joined(text.charAt(end), text.charAt(end + 1)));
}

/**
 * The rule. Split the token into letter runs and non-letter runs. A non-letter run between letters
 * is leet when it is one leet character, or a doubled one (00, 33, 55, 77, $$), unless the letters
 * around it look like a product code: three or more letters before it and a single letter after it
 * (gpt4o, llama3b), or a vowel-less prefix of three or more that no English word starts with
 * (gpt4all); "!" counts only between short letter runs (k!ll, not wow!great). Once one run is
 * leet, the token is leetspeak: other leet runs inside it (up to three characters) and at its ends
 * (up to two) are read too (h3ll0, 1gn0r3, c0c41n3). So is a token with two or more non-letter
 * runs, all of that kind, and three or more letters (1nstruct10ns, 3xpl01t; one "10" alone could
 * be a version, as in win10pro). On its own, only a final 0 after letters (t0, n0, wh0) and a
 * leading @ or $ before two or three letters (@ss, $hit) are read. Everything else stays: trailing
 * digit groups (gpt4, covid19, mp3), leading ones (1st, 4k, 3d), and any run holding 2, 6, 8 or 9
 * (p2p, k8s, x86).
 */
function decodeToken(token: string): string {
  const runs = splitRuns(token);
  const leet = new Set<Run>();
  runs.forEach((run, r) => {
    if (!run.letters && isInteriorLeet(token, runs, r)) leet.add(run);
  });
  // Two or more runs, all readable, around three or more letters: 1nstruct10ns, 3xpl01t.
  if (leet.size === 0 && isSpelledWithLeet(token, runs)) {
    for (const run of runs) if (!run.letters) leet.add(run);
  } else if (leet.size > 0) {
    runs.forEach((run, r) => {
      const ends = r === 0 || r === runs.length - 1;
      const allowed = ends ? 2 : 3;
      const slice = token.slice(run.start, run.end);
      if (!run.letters && slice.length <= allowed && decodable(slice, !ends)) leet.add(run);
    });
  } else if (/^[a-z]+0$/.test(token) || /^[@$][a-z]{2,3}$/.test(token)) {
    const run = token.endsWith('0') ? runs.at(-1) : runs[0];
    if (run) leet.add(run);
  }
  if (leet.size === 0) return token;
  let decoded = '';
  for (const run of runs) {
    const slice = token.slice(run.start, run.end);
    decoded += leet.has(run) ? [...slice].map((c) => LETTERS[c] ?? c).join('') : slice;
  }
  return decoded;
}

function isSpelledWithLeet(token: string, runs: Run[]): boolean {
  let letters = 0;
  let others = 0;
  for (const [r, run] of runs.entries()) {
    const slice = token.slice(run.start, run.end);
    const ends = r === 0 || r === runs.length - 1;
    if (run.letters) letters += slice.length;
    else if (slice.length > (ends ? 2 : 3) || !decodable(slice, !ends)) return false;
    else others++;
  }
  return others >= 2 && letters >= 3;
}

function isInteriorLeet(token: string, runs: Run[], r: number): boolean {
  const run = runs[r];
  const before = runs[r - 1];
  const after = runs[r + 1];
  if (!run || !before || !after) return false;
  const slice = token.slice(run.start, run.end);
  const prefix = token.slice(before.start, before.end);
  const suffix = token.slice(after.start, after.end);
  const single = slice.length === 1;
  const doubled = slice.length === 2 && slice[0] === slice[1] && DOUBLES.includes(slice[0] ?? '');
  if (!(single || doubled) || !decodable(slice, true)) return false;
  if (slice === '!' && (prefix.length > 3 || suffix.length > 3)) return false;
  if (prefix.length >= 3 && suffix.length === 1) return false;
  return prefix.length < 3 || /[aeiouy]/.test(prefix) || ONSETS.has(prefix);
}

function decodable(slice: string, interior: boolean): boolean {
  for (const c of slice) {
    if (LETTERS[c] === undefined || (c === '!' && (!interior || slice.length > 1))) return false;
  }
  return true;
}

function splitRuns(token: string): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < token.length;) {
    const letters = isLetter(token.charCodeAt(i));
    let end = i + 1;
    while (end < token.length && isLetter(token.charCodeAt(end)) === letters) end++;
    runs.push({ start: i, end, letters });
    i = end;
  }
  return runs;
}

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
