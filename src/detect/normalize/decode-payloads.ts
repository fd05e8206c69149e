// Finds encoded payloads with every finder, maps their spans to the original and normalises what they say.

import { findEncodedRuns } from './encoded-runs.js';
import { findHexSequences } from './hex.js';
import { findLetterNumbers } from './letter-numbers.js';
import { originalRange, type MappedText } from './mapped-text.js';
import type { DecodedPayload, NormalizedText } from './normalized-text.js';
import type { FoundPayload } from './payload.js';
import { findPercentEncoded } from './percent.js';
import { findReversed } from './reversed.js';
import { findRot13 } from './rot13.js';
import type { NormalizationSignal, SignalSink } from './signals.js';
import { findUnicodeTags } from './unicode-tags.js';

/** Bounds the work an adversarial input full of encoded stretches can cause at each depth. */
const MAX_PAYLOADS = 16;

export interface DecodeInputs {
  input: string;
  /** After invisible characters and NFKC, before lower-casing: base64 is case-sensitive. */
  visible: MappedText;
  /** The final normalised text: rot13 is judged on words with evasions already undone. */
  normalized: MappedText;
}

export function decodePayloads(
  inputs: DecodeInputs,
  depth: number,
  signals: SignalSink,
  normalize: (text: string, depth: number) => NormalizedText,
): DecodedPayload[] {
  const decoded: DecodedPayload[] = [];
  for (const { encoding, mapped, found } of locatePayloads(inputs).slice(0, MAX_PAYLOADS)) {
    const [start, end] = mapped
      ? originalRange(mapped, found.start, found.end)
      : [found.start, found.end];
    const inner = normalize(found.text, depth - 1);
    signals.add(encoding);
    for (const signal of inner.signals) signals.add(signal as NormalizationSignal);
    decoded.push({ encoding, start, end, text: inner.text });
    // A payload inside a payload has no span of its own in the original: it lies in the outer one.
    for (const nested of inner.decoded) decoded.push({ ...nested, start, end });
  }
  return decoded.sort((a, b) => a.start - b.start);
}

interface LocatedPayload {
  encoding: NormalizationSignal;
  /** The text the finder read, to map its span back; none when it read the original input. */
  mapped: MappedText | undefined;
  found: FoundPayload;
}

function locatePayloads({ input, visible, normalized }: DecodeInputs): LocatedPayload[] {
  const on = (
    encoding: NormalizationSignal,
    mapped: MappedText | undefined,
    list: FoundPayload[],
  ) => list.map((found) => ({ encoding, mapped, found }));
  return [
    ...on('unicode_tags', undefined, findUnicodeTags(input)),
    ...findEncodedRuns(visible.text).map((run) => ({
      encoding: run.encoding,
      mapped: visible,
      found: run,
    })),
    ...on('hex', visible, findHexSequences(visible.text)),
    ...on('percent', visible, findPercentEncoded(visible.text)),
    ...on('letter_numbers', visible, findLetterNumbers(visible.text)),
    ...on('rot13', normalized, findRot13(normalized.text)),
    ...on('reversed', normalized, findReversed(normalized.text)),
  ];
}
