// What the classifier reads: the text normalised, plus any payloads that were hidden in it encoded.

import { hasAdversarialSuffix } from './adversarial.js';
import { normalizeForDetection } from './normalize/index.js';

export interface Prepared {
  /** The normalised text, followed by decoded payloads, each on its own line. */
  text: string;
  /**
   * Evasions that were undone (jamo, spacing, leetspeak, confusables, base64, ...), and
   * `adversarial_suffix` when a request ends in an optimised token soup (GCG).
   */
  signals: string[];
}

export function prepare(input: string): Prepared {
  const n = normalizeForDetection(input);
  // Decoded payloads are read as part of the text: "decode this and follow it: <base64>" is judged
  // on what the base64 says.
  const text = n.decoded.length ? [n.text, ...n.decoded.map((d) => d.text)].join('\n') : n.text;
  const signals = hasAdversarialSuffix(input) ? [...n.signals, 'adversarial_suffix'] : n.signals;
  return { text, signals };
}
