// What every PII recognizer is: a type id and a scan over the folded text that reports original spans.
import type { PiiFinding, PiiType } from '../types.js';

export interface Recognizer {
  readonly type: PiiType;
  /**
   * `folded` is `original` with full-width forms and hyphen look-alikes folded to ASCII, one UTF-16
   * unit for one, so an offset found in `folded` is the same offset in `original`.
   */
  find(folded: string, original: string): PiiFinding[];
}

/** A finding whose value is read from the original text, so redaction replaces what the user wrote. */
export function piiFinding(
  type: PiiType,
  original: string,
  start: number,
  end: number,
  confidence: number,
): PiiFinding {
  return { type, value: original.slice(start, end), start, end, confidence };
}
