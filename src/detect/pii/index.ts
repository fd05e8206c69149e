// The PII detector: runs the registered recognizers over folded text and reports non-overlapping spans.
import type { PiiFinding, PiiType } from '../types.js';
import { foldForMatching } from './fold.js';
import { resolveOverlaps } from './overlaps.js';
import { candidateWindows } from './windows.js';
import { recognizers } from './recognizers.js';

export interface FindPiiOptions {
  /** Only these types; all of them when absent. */
  types?: readonly PiiType[];
  /** Findings below this confidence are dropped; `defaultMinConfidence` when absent. */
  minConfidence?: number;
  /**
   * Search only around the shapes a recognizer can match (default true). False runs every
   * recognizer over the whole text: the same findings, slower; tests compare the two.
   */
  windows?: boolean;
}

/**
 * 0.5 keeps every validated or context-backed finding and a registration number whose check digit
 * fails (numbers issued since 2020 need not pass it), and drops the shapes that are weak on their
 * own: a passport-like code, eight-digit service numbers, ten bare digits that pass the business
 * check, a resident-number layout without separator or check digit, and "1.2.3.4". Each stays
 * reachable with a lower threshold.
 */
export const defaultMinConfidence = 0.5;

const mayHold = /[0-9@:]/;

/**
 * PII in `text`, sorted by start offset, with no two findings overlapping. Offsets are UTF-16 code
 * units into `text`, and each `value` is exactly `text.slice(start, end)`.
 */
export function findPii(text: string, options: FindPiiOptions = {}): PiiFinding[] {
  const minConfidence = options.minConfidence ?? defaultMinConfidence;
  const wanted = options.types ? new Set<PiiType>(options.types) : null;
  const windows = text.length > 200 && options.windows !== false ? candidateWindows(text) : null;
  if (windows?.length === 0) return [];
  const candidates: PiiFinding[] = [];
  const run = (t: string, shift: number) => {
    const folded = foldForMatching(t);
    // Every type needs a digit, an '@' (email) or a ':' (IPv6): most prose has none of them.
    if (!mayHold.test(folded)) return;
    for (const recognizer of recognizers) {
      if (wanted && !wanted.has(recognizer.type)) continue;
      for (const found of recognizer.find(folded, t))
        if (found.confidence >= minConfidence)
          candidates.push(
            shift === 0 ? found : { ...found, start: found.start + shift, end: found.end + shift },
          );
    }
  };
  // Folding keeps lengths, so a window's offsets are the same in the folded text.
  if (!windows) run(text, 0);
  else for (const [s, e] of windows) run(text.slice(s, e), s);
  return resolveOverlaps(candidates);
}

export type { PiiFinding, PiiType } from '../types.js';
