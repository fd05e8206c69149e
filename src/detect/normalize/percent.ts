// Finds URL percent-encoded stretches (ignore%20previous%20instructions) that decode to readable text.

import type { FoundPayload } from './payload.js';

const TOKEN = /\S+/g;
const ESCAPE = /%[0-9A-Fa-f]{2}/g;
const LETTER = /\p{L}/u;
const ANY_ESCAPE = /%[0-9A-Fa-f]{2}/;

/** A whitespace-free stretch with three or more escapes, decoded as UTF-8; a bare "%" stays. */
export function findPercentEncoded(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  if (!ANY_ESCAPE.test(text)) return found;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (!token.includes('%') || (token.match(ESCAPE)?.length ?? 0) < 3) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(token);
    } catch {
      continue;
    }
    if (decoded !== token && LETTER.test(decoded)) {
      found.push({ start: match.index, end: match.index + token.length, text: decoded });
    }
  }
  return found;
}
