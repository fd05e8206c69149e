// Unicode NFKC (full-width, mathematical and circled letters become plain ones), keeping the offset map.

import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import type { SignalSink } from './signals.js';

/**
 * Runs of characters NFKC might change. ASCII and precomposed Hangul are already stable;
 * compatibility jamo (ㅋ, ㅏ) are left out on purpose, because NFKC would turn them into conjoining
 * jamo and glue ordinary chat (ㅋㅋ) into syllables: recomposing jamo is the jamo step's job, under
 * its own rules.
 */
const CANDIDATE_RUN = /[\u0080-\u3130\u318F-\uABFF\uD7A4-\uFFFF]+/g;
/** Combining marks and the vowel/final conjoining jamo compose with the character before them. */
const ATTACHES = /^[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;
/** Styled letters people use to dodge filters; other compatibility forms (①, ™, ﬁ) are ordinary. */
const STYLED =
  /^(?:[\uFF01-\uFF5E\u24B6-\u24E9]|\uD835[\uDC00-\uDFFF]|\uD83C[\uDD30-\uDD49\uDD50-\uDD69\uDD70-\uDD89])/;
/** Negative circled 🅐 and squared 🅰 letters: styled a-z that NFKC leaves alone. */
const LETTER_SYMBOL = /^\uD83C[\uDD50-\uDD69\uDD70-\uDD89]/;
const LETTER_SYMBOLS = /\uD83C[\uDD50-\uDD69\uDD70-\uDD89]/;

export function applyCompatibility(input: MappedText, signals: SignalSink): MappedText {
  const { text } = input;
  let out: MappedTextBuilder | undefined;
  let from = 0;
  for (const match of text.matchAll(CANDIDATE_RUN)) {
    let start = match.index;
    const end = start + match[0].length;
    if (start > 0 && ATTACHES.test(match[0]) && !isCompatibilityJamo(text.charCodeAt(start - 1))) {
      start--;
    }
    const run = text.slice(start, end);
    if (run.normalize('NFKC') === run && !LETTER_SYMBOLS.test(run)) continue;
    out ??= new MappedTextBuilder(input);
    out.copy(from, start);
    normalizeSegments(input, start, end, out, signals);
    from = end;
  }
  return out ? out.finish(from) : input;
}

/** NFKC per segment (a character and the marks it takes), so each output unit has a source. */
function normalizeSegments(
  input: MappedText,
  start: number,
  end: number,
  out: MappedTextBuilder,
  signals: SignalSink,
): void {
  const { text } = input;
  let segStart = start;
  let i = start + unitLength(text, start);
  while (segStart < end) {
    while (i < end && ATTACHES.test(text.slice(i, i + 2))) i += unitLength(text, i);
    const segment = text.slice(segStart, i);
    const normalized = letterSymbol(segment) ?? segment.normalize('NFKC');
    if (normalized === segment) out.copy(segStart, i);
    else if (normalized.length === segment.length) out.pushAligned(normalized, segStart);
    else out.push(normalized, segStart);
    if (normalized !== segment && STYLED.test(segment) && /^[A-Za-z0-9]$/.test(normalized)) {
      signals.add('compatibility');
    }
    segStart = i;
    i += unitLength(text, i);
  }
}

function letterSymbol(segment: string): string | undefined {
  if (!LETTER_SYMBOL.test(segment)) return undefined;
  const code = segment.codePointAt(0) ?? 0;
  const letter = String.fromCharCode(0x41 + code - (code >= 0x1f170 ? 0x1f170 : 0x1f150));
  return (letter + segment.slice(2)).normalize('NFKC');
}

function unitLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function isCompatibilityJamo(code: number): boolean {
  return code >= 0x3131 && code <= 0x318e;
}
