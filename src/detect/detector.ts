// The built-in detector: hazard categories, prompt attacks and PII in Korean and English, in well
// under a millisecond, with no model server. The guard, the dataset scanner and the graders share it.

import { documentBucket, textFeatures, type Features } from './features.js';
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
import { normalizationSignals, type NormalizationSignal } from './normalize/signals.js';
import { prepare } from './prepare.js';
import {
  hazardCodes,
  type AttackScore,
  type AttackType,
  type CategoryScore,
  type HazardCode,
  type PiiFinding,
} from './types.js';

/**
 * Who wrote the text: the user, the model, or a third party whose content reaches the model (an
 * email or web page the user pasted or a tool fetched, a retrieved passage, a tool's output). In a
 * document any instruction to the model is out of place, so the attack check also asks whether
 * one of its sentences is such an instruction; a user's own requests are not held to that.
 */
export type DetectRole = 'user' | 'assistant' | 'document';

/**
 * What a threshold can be set for: each head, and `document`, the document check's own (role
 * document: a sentence that reads as an instruction to the model). Unset, `document` follows A1.
 */
export type ThresholdKey = Head | 'document';

export interface DetectOptions {
  role?: DetectRole;
  /** Calibrated score at which a category or attack counts (default 0.5, the trained threshold). */
  thresholds?: Partial<Record<ThresholdKey, number>>;
  /** Look for PII (default true). */
  pii?: boolean;
}

export interface Detection {
  /** Hazard categories at or above their threshold, highest first. */
  categories: CategoryScore[];
  attack: AttackScore;
  pii: PiiFinding[];
  /**
   * Every head's calibrated score, for explanations and for policies with their own thresholds;
   * with role document also `document`, the document check's.
   */
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

/** A1's logit on the document features of `f` (headLogit of `asDocument(f)`, without building it). */
export function documentLogit(m: DetectorModel, f: Features): number {
  const n = m.heads.length;
  const head = index.A1;
  const w = m.weights;
  let sum = 0;
  for (let i = 0; i < f.count; i++) sum += w[documentBucket(f.indices[i]!) * n + head]!;
  let cueSum = 0;
  for (let i = 0; i < f.cues.length; i++) cueSum += w[documentBucket(f.cues[i]!) * n + head]!;
  for (let i = 0; i < f.documentCues.length; i++)
    cueSum += w[documentBucket(f.documentCues[i]!) * n + head]!;
  return m.biases[head]! + (sum * f.value + cueSum) * m.scales[head]!;
}

/** Normalisations that are ordinary in Korean text and in addresses: full-width letters, %-escapes. */
const ordinary: ReadonlySet<NormalizationSignal> = new Set(['compatibility', 'percent']);

/**
 * Evasions that hide a word from a filter: every other normalisation. A harmful request a user
 * writes with one is also a jailbreak attempt (A1): the user expected a refusal and disguised the
 * request to get past it.
 */
const evasions: ReadonlySet<string> = new Set(normalizationSignals.filter((s) => !ordinary.has(s)));

/** The document check's score: its likeliest injected sentence (the whole text when it is short). */
function documentScore(m: DetectorModel, whole: Features, sentences: Features[]): number {
  let best = -Infinity;
  for (const f of sentences.length > 0 ? sentences : [whole])
    best = Math.max(best, documentLogit(m, f));
  return 1 / (1 + Math.exp(-(best - m.documentThreshold)));
}

export function detect(text: string, options: DetectOptions = {}): Detection {
  const m = detectorModel();
  const prepared = prepare(text);
  const role = options.role ?? 'user';
  const features = textFeatures(prepared.text, prepared.signals, {
    transient: true,
    document: role === 'document',
  });
  const logits = headLogits(m, features.whole);
  // A document is also checked for the attacks a user could type: a jailbreak is one anywhere.
  const user = role === 'user' || role === 'document';
  if (user) sentenceAttackLogits(m, features.sentences, logits);
  const injected = role === 'document' ? documentScore(m, features.whole, features.sentences) : 0;
  const scores: Record<string, number> = {};
  const set = thresholdSet(prepared.text);
  heads.forEach((h, i) => (scores[h] = calibrated(m, logits, i, set)));
  if (role === 'document') scores.document = injected;
  const threshold = (key: ThresholdKey) => options.thresholds?.[key] ?? 0.5;

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

  // A request for harm written with an evasion scores as an attack too, at the hazard's score. Not
  // an insult spelt "b!tch" (it evades a moderator, not the model), and not a page or a comment
  // that a user passes on (role document): the disguise is the writer's, not the user's.
  const disguisedHarm = categories.find((c) => !toxCodes.has(c.code));
  const disguised =
    role === 'user' && disguisedHarm && prepared.signals.some((s) => evasions.has(s))
      ? disguisedHarm.score
      : 0;
  const typed: AttackType = scores.A2! > scores.A1! ? 'A2' : 'A1';
  // Three ways to be an attack, each against its own threshold; the highest that counts names it.
  const ways: [AttackType, number, number][] = [
    [typed, scores[typed]!, threshold(typed)],
    ['A1', injected, options.thresholds?.document ?? threshold('A1')],
    ['A1', disguised, threshold('A1')],
  ];
  let found: AttackType | null = null;
  let best = -1;
  for (const [type, score, at] of ways)
    if (user && score >= at && score > best) [found, best] = [type, score];
  const attack: AttackScore = {
    detected: found !== null,
    type: found,
    score: user ? round(Math.max(scores[typed]!, injected, disguised)) : 0,
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
