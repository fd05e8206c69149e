// Cheap evasions applied to training prompts, so the model learns that a request it knows is the
// same request when it arrives spaced out, as separated jamo or in leetspeak. The normaliser undoes
// these, but what it reports (the `spacing`, `jamo`, `leet` signals) and how it rejoins words are
// features too, and without examples the model learns them only from whichever texts happen to
// carry them.

import type { LabeledText } from '../evaluation/datasets.js';
import { fnv1a } from '../evaluation/split.js';

const leads = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const vowels = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const tails = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

/** Hangul syllables written as their letters: 폭탄 → ㅍㅗㄱㅌㅏㄴ. */
export function toJamo(text: string): string {
  return text.replace(/[\uac00-\ud7a3]/g, (s) => {
    const n = s.charCodeAt(0) - 0xac00;
    return leads[Math.floor(n / 588)]! + vowels[Math.floor((n % 588) / 28)]! + tails[n % 28]!;
  });
}

/** Every letter of every word separated by a space: 폭탄 만들기 → 폭 탄 만 들 기. */
export function spaceOut(text: string): string {
  return text
    .split(/\s+/)
    .map((w) => [...w].join(' '))
    .join(' ');
}

const leetMap: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

export function toLeet(text: string): string {
  return text.replace(/[aeiost]/gi, (c) => leetMap[c.toLowerCase()]!);
}

/** Short authored-style prompts get one evaded copy each, the evasion chosen by a hash of the id. */
export function evadedCopy(t: LabeledText): string | undefined {
  if (t.source !== 'authored' && t.source !== 'supplement') return undefined;
  if (t.kind === 'attack' || t.text.length > 60) return undefined;
  const pick = fnv1a(`evasion:${t.id}`) % 2;
  if (/[\uac00-\ud7a3]/.test(t.text)) return pick === 0 ? spaceOut(t.text) : toJamo(t.text);
  return pick === 0 ? spaceOut(t.text) : toLeet(t.text);
}
