// `npm run train:detect`: trains the built-in hazard and attack detector on the train split of the
// development datasets and writes src/detect/model/weights.generated.ts. Reproducible: the data
// order, the folds and every random choice come from fixed seeds.

import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { segments } from '../src/detect/segments.js';
import {
  cueHits,
  extractFeatures,
  featureBits,
  textFeatures,
  type Features,
} from '../src/detect/features.js';
import { heads, thresholdSet, type EncodedModel } from '../src/detect/model.js';
import { prepare } from '../src/detect/prepare.js';
import { datasetsRoot, loadAll, type LabeledText } from '../evaluation/datasets.js';
import { bipiaInjections } from '../evaluation/bipia.js';
import { fnv1a } from '../evaluation/split.js';
import type { HazardCode } from '../src/detect/types.js';
import { evadedCopy } from './evasions.js';
import { chooseThresholdsByLanguage, commentSources } from './thresholds.js';
import { train, type Example, type Trained } from './logistic.js';

const H = heads.length;
const harm = heads.indexOf('harm');
const tox = heads.indexOf('tox');

/** How much each source counts: the authored prompts are closest to what the guard sees. */
const sourceWeight: Record<string, number> = {
  authored: 4,
  supplement: 3,
  advbench: 1,
  jbb: 1,
  bipia: 1,
  kmhas: 0.5,
  beep: 0.5,
  kosbi: 0.7,
  square: 0.5,
  davidson: 0.25,
};

const requestSources = new Set(['authored', 'supplement', 'advbench', 'jbb', 'bipia', 'square']);

/** Per head: 1 positive, 0 negative, -1 not used for that head. */
export function targets(t: LabeledText): Int8Array {
  const y = new Int8Array(H).fill(0);
  const unknownHarm = t.unsafe && t.hazards.length === 0 && t.attack === null;
  heads.forEach((head, h) => {
    if (head === 'harm' || head === 'tox') return;
    if (head === 'A1' || head === 'A2') y[h] = t.attack === head ? 1 : 0;
    // An injected document is mostly a clean document; its injected sentence teaches A1 instead.
    if (head === 'A1' && t.source === 'bipia' && t.attack === 'A1') y[h] = -1;
    else if (t.hazards.includes(head as HazardCode)) y[h] = 1;
    else if (unknownHarm) y[h] = -1;
  });
  // The harm head learns "a request for something harmful"; hateful comments are not requests.
  if (!requestSources.has(t.source)) y[harm] = -1;
  else if (t.kind === 'attack' && t.hazards.length === 0) y[harm] = -1;
  else y[harm] = t.unsafe && (t.hazards.length > 0 || unknownHarm) ? 1 : 0;
  // The tox head learns from the comments' labels; a safe prompt is a negative, and an unsafe one
  // says nothing (asking for an insult is not itself one).
  y[tox] = commentSources.has(t.source) ? (t.unsafe ? 1 : 0) : t.unsafe ? -1 : 0;
  return y;
}

/** An example with its normalised text and its sentences' features, for the sentence-level examples. */
type Featured = Example & { normalized: string; sentences: Features[] };

export function toExample(t: LabeledText): Featured {
  const p = prepare(t.text);
  const { whole, sentences } = textFeatures(p.text, p.signals);
  return {
    indices: whole.indices,
    value: whole.value,
    cues: whole.cues,
    y: targets(t),
    weight: sourceWeight[t.source] ?? 1,
    normalized: p.text,
    sentences,
  };
}

const a1 = heads.indexOf('A1');
const a2 = heads.indexOf('A2');

/**
 * The attack heads also score each sentence of a long text, so they learn from sentences too: the
 * injected instruction of an attacked document is an attack on its own, and the sentences of a
 * clean document are not. Only the two attack heads learn from these.
 *
 * BIPIA says which sentence was injected. The prompts written for anjeon do not, so the sentences
 * of an attack prompt that carry an attack cue word stand for its instruction; without these, the
 * heads learn that any pasted document is an attack, since most indirect attacks are one.
 */
function segmentExamples(t: LabeledText, e: Featured, injected: string | undefined): Example[] {
  /** Targets for the attack heads only: `head` positive, the other attack head negative. */
  const attackTarget = (head: number | null) => {
    const y = new Int8Array(heads.length).fill(-1);
    y[a1] = head === a1 ? 1 : 0;
    y[a2] = head === a2 ? 1 : 0;
    return y;
  };
  const example = (f: Features, y: Int8Array, weight: number): Example => ({
    indices: f.indices,
    value: f.value,
    cues: f.cues,
    y,
    weight,
  });
  if (injected) return [example(extractFeatures(prepare(injected).text), attackTarget(a1), 1)];
  if (e.sentences.length === 0) return [];
  if (t.source === 'bipia') {
    if (t.unsafe) return [];
    return e.sentences
      .filter((_, k) => k % 3 === 0)
      .map((f) => example(f, attackTarget(null), 0.3));
  }
  if (t.source !== 'authored' && t.source !== 'supplement') return [];
  const weight = sourceWeight[t.source]!;
  if (!t.unsafe) return e.sentences.map((f) => example(f, attackTarget(null), weight / 2));
  if (t.attack === null) return [];
  const head = t.attack === 'A2' ? a2 : a1;
  const pieces = segments(e.normalized);
  return e.sentences.flatMap((f, k) => {
    const hits = cueHits(pieces[k] ?? '').codes;
    return hits.has('A1') || hits.has('A2') ? [example(f, attackTarget(head), weight)] : [];
  });
}

/** As the detector does at run time: the attack heads take the highest of the text and its sentences. */
function withSentences(model: Trained, e: Featured, logits: Float32Array): Float32Array {
  for (const f of e.sentences) {
    const l = model.logits(f);
    for (const h of [a1, a2]) if (l[h]! > logits[h]!) logits[h] = l[h]!;
  }
  return logits;
}

function quantize(weights: Float32Array, biases: Float32Array) {
  const scales = new Array<number>(H).fill(0);
  for (let i = 0; i < weights.length; i++)
    scales[i % H] = Math.max(scales[i % H]!, Math.abs(weights[i]!));
  for (let h = 0; h < H; h++) scales[h] = scales[h]! / 127 || 1;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scales[i % H]!);
  return { q, scales, biases: Array.from(biases) };
}

function main() {
  const started = Date.now();
  const rows = loadAll('train').sort((a, b) => fnv1a(a.id) - fnv1a(b.id));
  process.stderr.write(`training on ${rows.length} train-split texts from ${datasetsRoot}\n`);
  const examples = rows.map(toExample);
  const folds = rows.map((r) => fnv1a(`fold:${r.id}`) % 5);
  // Sentence-level examples for the attack heads, in the same fold as the text they come from.
  const extra = rows.flatMap((r, i) =>
    segmentExamples(r, examples[i]!, bipiaInjections.get(r.id)).map((e) => ({
      e,
      fold: folds[i]!,
    })),
  );
  // Evaded copies of short prompts, in the same fold as their original; trained on, never scored.
  for (const [i, r] of rows.entries()) {
    const text = evadedCopy(r);
    if (text) extra.push({ e: toExample({ ...r, text }), fold: folds[i]! });
  }
  const oof = new Float32Array(rows.length * H);
  for (let k = 0; k < 5; k++) {
    const model = train([
      ...examples.filter((_, i) => folds[i] !== k),
      ...extra.filter((x) => x.fold !== k).map((x) => x.e),
    ]);
    examples.forEach((e, i) => {
      if (folds[i] === k) oof.set(withSentences(model, e, model.logits(e)), i * H);
    });
    process.stderr.write(`fold ${k + 1}/5 done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  const sets = rows.map((r) => thresholdSet(prepare(r.text).text));
  mkdirSync('training/.cache', { recursive: true });
  writeFileSync(
    'training/.cache/oof.json',
    JSON.stringify({
      heads,
      rows: rows.map((r, i) => ({
        id: r.id,
        set: sets[i],
        source: r.source,
        kind: r.kind,
        lang: r.lang,
        hazards: r.hazards,
        attack: r.attack,
        unsafe: r.unsafe,
      })),
      oof: Array.from(oof, (v) => Number(v.toFixed(3))),
    }),
  );
  const { thresholds, report } = chooseThresholdsByLanguage(rows, sets, oof);
  const final = train([...examples, ...extra.map((x) => x.e)]);
  const { q, scales, biases } = quantize(final.weights, final.biases);
  const encoded: EncodedModel = {
    version: 1,
    bits: featureBits,
    heads,
    scales,
    biases,
    thresholds,
    weights: Buffer.from(q.buffer).toString('base64'),
    provenance: {
      trained: 'npm run train:detect',
      datasets: [...new Set(rows.map((r) => r.source))],
      split: 'train (FNV-1a of the id, evaluation/split.ts); the test split was never used',
      examples: rows.length,
      folds: 5,
      oof: report,
    },
  };
  mkdirSync('src/detect/model', { recursive: true });
  writeFileSync(
    'src/detect/model/weights.generated.ts',
    `// Generated by \`npm run train:detect\` (training/train-detector.ts). Do not edit.\nimport type { EncodedModel } from '../model.js';\n\nexport const encodedModel: EncodedModel = ${JSON.stringify(encoded)};\n`,
  );
  writeFileSync(
    'training/last-run.json',
    `${JSON.stringify({ ...encoded, weights: `${q.length} int8` }, null, 2)}\n`,
  );
  process.stderr.write(
    `done in ${Math.round((Date.now() - started) / 1000)} s; thresholds and fold figures in training/last-run.json\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
