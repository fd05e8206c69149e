// Hangul jamo arithmetic: which jamo can start or end a syllable, and the syllable three jamo make.

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/** Index 0 is "no final consonant". */
const FINALS = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const FIRST_VOWEL = 0x314f; // ㅏ; the 21 vowels ㅏ..ㅣ are contiguous in both jamo blocks.
const VOWEL_PAIRS: Record<string, string> = {
  ㅗㅏ: 'ㅘ',
  ㅗㅐ: 'ㅙ',
  ㅗㅣ: 'ㅚ',
  ㅜㅓ: 'ㅝ',
  ㅜㅔ: 'ㅞ',
  ㅜㅣ: 'ㅟ',
  ㅡㅣ: 'ㅢ',
};
const FINAL_PAIRS: Record<string, string> = {
  ㄱㅅ: 'ㄳ',
  ㄴㅈ: 'ㄵ',
  ㄴㅎ: 'ㄶ',
  ㄹㄱ: 'ㄺ',
  ㄹㅁ: 'ㄻ',
  ㄹㅂ: 'ㄼ',
  ㄹㅅ: 'ㄽ',
  ㄹㅌ: 'ㄾ',
  ㄹㅍ: 'ㄿ',
  ㄹㅎ: 'ㅀ',
  ㅂㅅ: 'ㅄ',
};

/**
 * The compatibility jamo (ㄱ, ㅏ) a character stands for, or 0. Conjoining jamo (U+1100 block) map
 * to the same compatibility letters, so both kinds, and mixtures of them, parse the same way.
 */
export function compatibilityJamo(code: number): number {
  if (code >= 0x3131 && code <= 0x3163) return code;
  if (code >= 0x1100 && code <= 0x1112) return INITIALS.charCodeAt(code - 0x1100);
  if (code >= 0x1161 && code <= 0x1175) return FIRST_VOWEL + code - 0x1161;
  if (code >= 0x11a8 && code <= 0x11c2) return FINALS.charCodeAt(code - 0x11a7);
  return 0;
}

export function isVowel(jamo: number): boolean {
  return jamo >= FIRST_VOWEL && jamo <= 0x3163;
}

export function canStart(jamo: number): boolean {
  return jamo !== 0 && INITIALS.includes(String.fromCharCode(jamo));
}

export function canEnd(jamo: number): boolean {
  return jamo !== 0x20 && jamo !== 0 && FINALS.includes(String.fromCharCode(jamo));
}

/** The compound vowel (ㅗ + ㅏ → ㅘ) or final cluster (ㄹ + ㄱ → ㄺ) two jamo make, or 0. */
export function combineJamo(first: number, second: number, asFinal: boolean): number {
  const pair = String.fromCharCode(first, second);
  const combined = asFinal ? FINAL_PAIRS[pair] : VOWEL_PAIRS[pair];
  return combined === undefined ? 0 : combined.charCodeAt(0);
}

export function composeSyllable(initial: number, vowel: number, final: number): string {
  const l = INITIALS.indexOf(String.fromCharCode(initial));
  const v = vowel - FIRST_VOWEL;
  const t = final === 0 ? 0 : FINALS.indexOf(String.fromCharCode(final));
  return String.fromCharCode(0xac00 + (l * 21 + v) * 28 + t);
}
