// Normalises text for the hazard and prompt-attack classifier: undoes cheap evasions, keeps offsets into the original.

import { applyCompatibility } from './compatibility.js';
import { mapConfusables } from './confusables.js';
import { decodePayloads } from './decode-payloads.js';
import { stripInvisible } from './invisible.js';
import { recomposeJamo } from './jamo.js';
import { undoLeet } from './leet.js';
import { lowerCase } from './lower-case.js';
import { originalRange, unmapped } from './mapped-text.js';
import type { NormalizedText } from './normalized-text.js';
import type { SignalSink } from './signals.js';
import { joinSpacedLetters } from './spacing.js';
import { collapseWhitespace } from './whitespace.js';

export type { DecodedPayload, NormalizedText } from './normalized-text.js';
export { normalizationSignals, type NormalizationSignal } from './signals.js';

export interface NormalizeOptions {
  /** Layers of encoding to peel (base64 inside hex counts two); 0 decodes nothing. Default 2. */
  maxDecodeDepth?: number;
}

/**
 * The order matters: invisible characters go first so they cannot split anything later steps look
 * at; encoded payloads are looked for before lower-casing (base64 is case-sensitive); jamo are
 * recomposed before spelled-out words are joined (so "ㅈ ㅏ ㅅ ㅏ ㄹ" becomes one word); look-alikes
 * are mapped once words are whole ("b о m b" has become "bоmb", which mixes scripts), and
 * leetspeak is read last, once "b.0.m.b" has become "b0mb" and "h4сk" has become "h4ck".
 */
export function normalizeForDetection(input: string, options?: NormalizeOptions): NormalizedText {
  const depth = options?.maxDecodeDepth ?? 2;
  return normalizeAtDepth(String(input), Number.isFinite(depth) ? Math.max(0, depth) : 2);
}

function normalizeAtDepth(input: string, depth: number): NormalizedText {
  const signals: SignalSink = new Set();
  const visible = applyCompatibility(stripInvisible(unmapped(input), signals), signals);
  let text = collapseWhitespace(lowerCase(visible));
  text = recomposeJamo(text, signals);
  text = joinSpacedLetters(text, signals);
  text = mapConfusables(text, signals);
  text = undoLeet(text, signals);
  const decoded =
    depth >= 1
      ? decodePayloads({ input, visible, normalized: text }, depth, signals, normalizeAtDepth)
      : [];
  return { text: text.text, offsets: text.offsets, decoded, signals: [...signals] };
}

/** The span of the original input that `n.text[start, end)` came from (see `originalRange`). */
export function toOriginalRange(n: NormalizedText, start: number, end: number): [number, number] {
  return originalRange(n, start, end);
}
