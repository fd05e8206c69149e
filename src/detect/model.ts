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
    provenance: encoded.provenance,
  };
}

/** Raw logits, one per head. */
export function headLogits(model: DetectorModel, features: Features): Float32Array {
  const n = model.heads.length;
  const sums = new Float32Array(n);
  const { indices, count, cues } = features;
  const w = model.weights;
  for (let i = 0; i < count; i++) {
    const row = indices[i]! * n;
    for (let h = 0; h < n; h++) sums[h]! += w[row + h]!;
  }
  // Cue buckets count with value 1, the others with the text's 1/sqrt(count).
  const cueSums = new Float32Array(n);
  for (let i = 0; i < cues.length; i++) {
    const row = cues[i]! * n;
    for (let h = 0; h < n; h++) cueSums[h]! += w[row + h]!;
  }
  for (let h = 0; h < n; h++) {
    sums[h] = model.biases[h]! + (sums[h]! * features.value + cueSums[h]!) * model.scales[h]!;
  }
  return sums;
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
