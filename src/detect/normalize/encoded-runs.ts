// Finds stretches of 16+ base64 or hex characters in one pass and decodes those that hold readable text.

import { decodeBase64Text } from './base64.js';
import { decodeHexText } from './hex.js';
import type { FoundPayload } from './payload.js';

/** 16 or more characters of the base64 alphabets (hex is a subset) standing alone, with padding. */
const RUN = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/_=-])/g;

export interface EncodedRun extends FoundPayload {
  encoding: 'base64' | 'hex';
}

/** Hex is tried first: a run of hex digits is far likelier hex than base64 that happens to fit. */
export function findEncodedRuns(text: string): EncodedRun[] {
  const found: EncodedRun[] = [];
  if (text.length < 16) return found;
  for (const match of text.matchAll(RUN)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const hex = decodeHexText(match[0]);
    const base64 = hex === undefined ? decodeBase64Text(match[0]) : undefined;
    if (hex !== undefined) found.push({ encoding: 'hex', ...span, text: hex });
    else if (base64 !== undefined) found.push({ encoding: 'base64', ...span, text: base64 });
  }
  return found;
}
