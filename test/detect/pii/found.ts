// What the detector reports for a text, reduced to what a table test compares: the values by type.
import { findPii } from '../../../src/detect/pii/index.js';
import type { PiiType } from '../../../src/detect/types.js';

/** The values of `type` that `findPii` reports in `text` at the default threshold (or `minConfidence`). */
export function found(text: string, type: PiiType, minConfidence?: number): string[] {
  return findPii(text, minConfidence === undefined ? {} : { minConfidence })
    .filter((f) => f.type === type)
    .map((f) => f.value);
}

/** The confidence of the one finding of `type` in `text`, at any threshold. */
export function confidenceOf(text: string, type: PiiType): number | undefined {
  return findPii(text, { types: [type], minConfidence: 0 })[0]?.confidence;
}
