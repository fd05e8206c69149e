// Decodes hex-encoded stretches (6967..., 0x6967..., \x69\x67..., 69 67 6e ...) when they hold readable text.

import type { FoundPayload } from './payload.js';
import { readableText } from './readable-text.js';

const ESCAPED = /(?:\\x[0-9a-fA-F]{2}){8,}/g;
const SEPARATED = /(?<![0-9A-Za-z])[0-9a-fA-F]{2}(?:[ :][0-9a-fA-F]{2}){7,}(?![0-9A-Za-z])/g;
const PAIR = /[0-9a-fA-F]{2}/g;
/** A cheap necessary condition for SEPARATED, which is slower because of its look-behind. */
const FOUR_PAIRS = /[0-9a-fA-F]{2}[ :][0-9a-fA-F]{2}[ :][0-9a-fA-F]{2}[ :][0-9a-fA-F]{2}/;
const CONTIGUOUS = /^(?:0x)?(?:[0-9a-fA-F]{2})+$/;

/** `run` is 16 or more letters and digits; undefined unless it is hex of readable text. */
export function decodeHexText(run: string): string | undefined {
  return CONTIGUOUS.test(run) ? decodePairs(run.replace(/^0x/, '')) : undefined;
}

/** Hex written as escapes or as space- or colon-separated bytes, eight bytes or more. */
export function findHexSequences(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  for (const pattern of [ESCAPED, SEPARATED]) {
    if (pattern === ESCAPED ? !text.includes('\\x') : !FOUR_PAIRS.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      const decoded = decodePairs(match[0].replace(/\\x/g, ''));
      if (decoded)
        found.push({ start: match.index, end: match.index + match[0].length, text: decoded });
    }
  }
  return found;
}

function decodePairs(hex: string): string | undefined {
  const pairs = hex.match(PAIR) ?? [];
  return readableText(Uint8Array.from(pairs, (pair) => parseInt(pair, 16)));
}
