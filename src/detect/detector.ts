// The built-in detector: hazard categories, prompt attacks and PII in Korean and English, in well
// under a millisecond, with no model server. The guard, the dataset scanner and the graders share it.

import { textFeatures, type Features } from './features.js';
import {
  calibrated,
  decodeModel,
  twoHeadLogits,
  headLogits,
  heads,
  thresholdSet,
  type DetectorModel,
  type Head,
} from './model.js';
import { encodedModel } from './model/weights.generated.js';
import { findPii } from './pii/index.js';
import { prepare } from './prepare.js';
import {
  hazardCodes,
  type AttackScore,
  type AttackType,
  type CategoryScore,
  type HazardCode,
  type PiiFinding,
} from './types.js';

export interface DetectOptions {
  role?: 'user' | 'assistant';
  /** Calibrated score at which a category or attack counts (default 0.5, the trained threshold). */
  thresholds?: Partial<Record<Head, number>>;
  /** Look for PII (default true). */
  pii?: boolean;
}

export interface Detection {
  /** Hazard categories at or above their threshold, highest first. */
  categories: CategoryScore[];
  attack: AttackScore;
  pii: PiiFinding[];
  /** Every head's calibrated score, for explanations and for policies with their own thresholds. */
  scores: Record<string, number>;
  /** Evasions undone before scoring (jamo, spacing, leetspeak, encoded payloads, ...). */
  signals: string[];
}

let model: DetectorModel | undefined;

export function detectorModel(): DetectorModel {
  model ??= decodeModel(encodedModel());
  return model;
}

const index = Object.fromEntries(heads.map((h, i) => [h, i])) as Record<
  (typeof heads)[number],
  number
>;
const attackHeads = [index.A1, index.A2];
const toxCodes = new Set<HazardCode>(['S10', 'X3', 'X1']);

/** The attack heads also read each sentence, so an instruction hidden in a long document stands out. */
const pair = new Float64Array(2);
function sentenceAttackLogits(m: DetectorModel, sentences: Features[], logits: Float32Array): void {
  const [a1, a2] = attackHeads as [number, number];
  for (const f of sentences) {
    twoHeadLogits(m, f, a1, a2, pair);
    logits[a1] = Math.max(logits[a1]!, pair[0]!);
    logits[a2] = Math.max(logits[a2]!, pair[1]!);
  }
}

export function detect(text: string, options: DetectOptions = {}): Detection {
  const m = detectorModel();
  const prepared = prepare(text);
  const features = textFeatures(prepared.text, prepared.signals, true);
  const logits = headLogits(m, features.whole);
  const user = (options.role ?? 'user') === 'user';
  if (user) sentenceAttackLogits(m, features.sentences, logits);
  const scores: Record<string, number> = {};
  const set = thresholdSet(prepared.text);
  heads.forEach((h, i) => (scores[h] = calibrated(m, logits, i, set)));
  const threshold = (key: Head) => options.thresholds?.[key] ?? 0.5;

  const categories: CategoryScore[] = hazardCodes
    .filter((c) => scores[c]! >= threshold(c))
    .map((code) => ({ code, score: round(scores[code]!) }));
  // The harm head knows a request is harmful before any one category is sure: name the likeliest.
  if (categories.length === 0 && scores.harm! >= threshold('harm')) {
    const top = [...hazardCodes].sort((a, b) => scores[b]! - scores[a]!)[0]!;
    categories.push({ code: top, score: round(Math.max(scores.harm!, scores[top]!)) });
  }
  // Likewise the tox head for hateful or offensive text: hate (S10) or insult (X3), whichever is likelier.
  if (!categories.some((c) => toxCodes.has(c.code)) && scores.tox! >= threshold('tox')) {
    const code: HazardCode = scores.S10! >= scores.X3! ? 'S10' : 'X3';
    categories.push({ code, score: round(Math.max(scores.tox!, scores[code]!)) });
  }
  categories.sort((a, b) => b.score - a.score);

  const attackType: AttackType = scores.A2! > scores.A1! ? 'A2' : 'A1';
  const attackScore = user ? scores[attackType]! : 0;
  const attack: AttackScore = {
    detected: user && attackScore >= threshold(attackType),
    type: user && attackScore >= threshold(attackType) ? attackType : null,
    score: round(attackScore),
  };
  return {
    categories,
    attack,
    pii: options.pii === false ? [] : findPii(text),
    scores,
    signals: prepared.signals,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
