// The trained linear model: one logistic head per hazard code, one for harm in general, one per attack type.

import { featureBits, type Features } from './features.js';
import { attackTypes, hazardCodes, type AttackType, type HazardCode } from './types.js';

/**
 * `harm` is "a request for something harmful" before any one category is sure; `tox` is "this text
 * itself is hateful or offensive", learnt from labelled comments, which requests do not resemble.
 */
export const heads = [...hazardCodes, 'harm', 'tox', ...attackTypes] as const;
export type Head = HazardCode | 'harm' | 'tox' | AttackType;
/** Heads a policy may set a threshold for, besides the hazard codes and attack types. */
export const generalHeads = ['harm', 'tox'] as const;

/** The model as stored: int8 weights (bucket-major, one row of `heads.length` per bucket) with a scale per head. */
export interface EncodedModel {
  version: number;
  bits: number;
  heads: readonly string[];
  /** Per head: weight = int8 * scale. */
  scales: number[];
  biases: number[];
  /**
   * Per head, the logit at which the head fires by default, for texts with Hangul (`ko`) and
   * without (`en`); scores are shifted so it maps to 0.5.
   */
  thresholds: Record<ThresholdSet, number[]>;
  /**
   * The A1 logit, on a sentence's document features (features.ts `asDocument`), at which
   * third-party content counts as carrying an injected instruction.
   */
  documentThreshold: number;
  /** The int8 weights as bytes. */
  weights: Uint8Array;
  /** What it was trained on and when: datasets, split, figures on the training folds. */
  provenance: Record<string, unknown>;
}

export interface DetectorModel {
  bits: number;
  heads: readonly Head[];
  weights: Int8Array;
  scales: Float32Array;
  biases: Float32Array;
  thresholds: Record<ThresholdSet, Float32Array>;
  documentThreshold: number;
  provenance: Record<string, unknown>;
}

export function decodeModel(encoded: EncodedModel): DetectorModel {
  if (encoded.heads.join() !== heads.join()) {
    throw new Error(
      `detector model heads ${encoded.heads.join()} do not match this code (${heads.join()}): retrain it`,
    );
  }
  if (encoded.bits !== featureBits) {
    throw new Error(
      `detector model hashes into 2^${encoded.bits} buckets, this code into 2^${featureBits}: retrain it`,
    );
  }
  const bytes = encoded.weights;
  if (bytes.byteLength !== (1 << encoded.bits) * heads.length) {
    throw new Error(
      `detector weights hold ${bytes.byteLength} bytes, expected ${(1 << encoded.bits) * heads.length} (src/detect/model/weights.bin is damaged or from another model): retrain it`,
    );
  }
  return {
    bits: encoded.bits,
    heads,
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    scales: Float32Array.from(encoded.scales),
    biases: Float32Array.from(encoded.biases),
    thresholds: {
      en: Float32Array.from(encoded.thresholds.en),
      ko: Float32Array.from(encoded.thresholds.ko),
    },
    documentThreshold: encoded.documentThreshold,
    provenance: encoded.provenance,
  };
}

/** Raw logits, one per head. */
export function headLogits(model: DetectorModel, features: Features): Float32Array {
  const n = model.heads.length;
  const sums = new Int32Array(n);
  const cueSums = new Int32Array(n);
  rowSums(model.weights, n, features.indices, features.count, sums);
  rowSums(model.weights, n, features.cues, features.cues.length, cueSums);
  // Cue buckets count with value 1, the others with the text's 1/sqrt(count).
  const logits = new Float32Array(n);
  for (let h = 0; h < n; h++) {
    logits[h] = model.biases[h]! + (sums[h]! * features.value + cueSums[h]!) * model.scales[h]!;
  }
  return logits;
}

/**
 * Adds up the weight rows of the given buckets, one sum per head. Integer sums of int8 weights are
 * exact. For this model's 22 heads the sums are kept in locals: a read-modify-write of a typed
 * array per head and bucket costs twice as much (this is most of a 2 KB check's scoring time).
 */
function rowSums(w: Int8Array, n: number, rows: Uint32Array, count: number, out: Int32Array) {
  if (n !== 22) {
    for (let i = 0; i < count; i++) {
      const r = rows[i]! * n;
      for (let h = 0; h < n; h++) out[h]! += w[r + h]!;
    }
    return;
  }
  // prettier-ignore
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0,
    b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0, b8 = 0, b9 = 0, b10 = 0;
  for (let i = 0; i < count; i++) {
    const r = rows[i]! * 22;
    // prettier-ignore
    {
      a0 += w[r]!; a1 += w[r + 1]!; a2 += w[r + 2]!; a3 += w[r + 3]!; a4 += w[r + 4]!;
      a5 += w[r + 5]!; a6 += w[r + 6]!; a7 += w[r + 7]!; a8 += w[r + 8]!; a9 += w[r + 9]!;
      a10 += w[r + 10]!; b0 += w[r + 11]!; b1 += w[r + 12]!; b2 += w[r + 13]!; b3 += w[r + 14]!;
      b4 += w[r + 15]!; b5 += w[r + 16]!; b6 += w[r + 17]!; b7 += w[r + 18]!; b8 += w[r + 19]!;
      b9 += w[r + 20]!; b10 += w[r + 21]!;
    }
  }
  out.set([
    a0,
    a1,
    a2,
    a3,
    a4,
    a5,
    a6,
    a7,
    a8,
    a9,
    a10,
    b0,
    b1,
    b2,
    b3,
    b4,
    b5,
    b6,
    b7,
    b8,
    b9,
    b10,
  ]);
}

/** The logit of one head alone: what the sentence-level attack check needs, at a fraction of the cost. */
export function headLogit(model: DetectorModel, features: Features, head: number): number {
  const n = model.heads.length;
  const { indices, count, cues } = features;
  const w = model.weights;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += w[indices[i]! * n + head]!;
  let cueSum = 0;
  for (let i = 0; i < cues.length; i++) cueSum += w[cues[i]! * n + head]!;
  return model.biases[head]! + (sum * features.value + cueSum) * model.scales[head]!;
}

/** The logits of two heads in one pass over the features (the sentence-level attack check's A1 and A2). */
export function twoHeadLogits(
  model: DetectorModel,
  features: Features,
  first: number,
  second: number,
  out: Float64Array,
): void {
  const n = model.heads.length;
  const { indices, count, cues } = features;
  const w = model.weights;
  let a = 0;
  let b = 0;
  for (let i = 0; i < count; i++) {
    const row = indices[i]! * n;
    a += w[row + first]!;
    b += w[row + second]!;
  }
  let ca = 0;
  let cb = 0;
  for (let i = 0; i < cues.length; i++) {
    const row = cues[i]! * n;
    ca += w[row + first]!;
    cb += w[row + second]!;
  }
  out[0] = model.biases[first]! + (a * features.value + ca) * model.scales[first]!;
  out[1] = model.biases[second]! + (b * features.value + cb) * model.scales[second]!;
}

/**
 * Which thresholds apply: Korean and English prompts score differently (Korean texts share fewer
 * n-grams with the training data), so each has its own, chosen on the same budgets.
 */
export type ThresholdSet = 'en' | 'ko';

export function thresholdSet(normalized: string): ThresholdSet {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(normalized) ? 'ko' : 'en';
}

/** A score in 0..1 that is 0.5 exactly at the head's default threshold (higher: more likely). */
export function calibrated(
  model: DetectorModel,
  logits: Float32Array,
  head: number,
  set: ThresholdSet,
): number {
  return 1 / (1 + Math.exp(-(logits[head]! - model.thresholds[set][head]!)));
}
