// `npm run eval:guard`: the built-in detector's quality on the held-out split, per dataset and language.
//
// Every figure here is computed on texts the detector was not trained or tuned on (the 'test'
// split of evaluation/split.ts), minus the few held-out texts read while exploring the data
// (evaluation/seen.ts). A text counts as flagged when the guard's verdict would be unsafe.

import { mkdirSync, writeFileSync } from 'node:fs';
import { detect, type Detection } from '../src/detect/detector.js';
import type { HazardCode } from '../src/detect/types.js';
import { wilson } from '../src/redteam/compare.js';
import type { DetectionQuality, QualityRow } from '../src/reports/quality.js';
import {
  datasetsAvailable,
  datasetsRoot,
  load,
  type LabeledText,
  type Source,
} from './datasets.js';
import { bipiaDocuments } from './bipia.js';
import {
  planted,
  plantedInstructions,
  writtenDocuments,
  writtenInstructions,
} from './documents.js';
import { evaluatePii, type PiiEvaluation } from './pii.js';
import { seenHeldOut } from './seen.js';

export interface Row {
  task: string;
  dataset: string;
  lang: string;
  positives: number;
  negatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
  /** 95% Wilson intervals: on 15 held-out attacks one text moves recall by 7 points. */
  recallInterval: [number, number] | null;
  fprInterval: [number, number] | null;
  threshold: string;
}

const cache = new Map<string, Detection>();
function judged(t: LabeledText): Detection {
  let d = cache.get(t.id);
  if (!d) {
    d = detect(t.text, { pii: false });
    cache.set(t.id, d);
  }
  return d;
}

/**
 * A text checked as third-party content (`role: document`): whether an attack head fires at its
 * trained threshold, and the document check's own score. Kept for the threshold sweep.
 */
const documentChecks = new Map<string, { heads: boolean; document: number }>();
function documentCheck(text: string) {
  let c = documentChecks.get(text);
  if (!c) {
    const d = detect(text, { role: 'document', pii: false });
    c = { heads: Math.max(d.scores.A1!, d.scores.A2!) >= 0.5, document: d.scores.document! };
    documentChecks.set(text, c);
  }
  return c;
}

/** Flagged as an attack when checked as a document, with `thresholds.document` at `at`. */
const flaggedAt = (at: number) => (text: string) => {
  const c = documentCheck(text);
  return c.heads || c.document >= at;
};
const flaggedAsDocument = flaggedAt(0.5);

/** For BIPIA the document alone, as a service passes a fetched email or page; else the text itself. */
const documentFlagged = (t: LabeledText) => flaggedAsDocument(bipiaDocuments.get(t.id) ?? t.text);

const unsafe = (d: Detection) => d.categories.length > 0 || d.attack.detected;

function heldOut(source: Source, filter: (t: LabeledText) => boolean = () => true) {
  return load(source).filter((t) => t.split === 'test' && !seenHeldOut.has(t.id) && filter(t));
}

function interval(k: number, n: number): [number, number] {
  const [low, high] = wilson(k, n);
  return [Number(low.toFixed(3)), Number(high.toFixed(3))];
}

/** Precision, recall, F1 and false-positive rate of `flag` on positives and negatives. */
export function score<T = LabeledText>(
  task: string,
  dataset: string,
  lang: string,
  pos: T[],
  neg: T[],
  flag: (t: T) => boolean,
  threshold = 'trained default (0.5)',
): Row {
  const tp = pos.filter(flag).length;
  const fp = neg.filter(flag).length;
  const r = (x: number) => Number(x.toFixed(3));
  const precision = tp + fp > 0 && neg.length > 0 ? r(tp / (tp + fp)) : null;
  const recall = pos.length ? r(tp / pos.length) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? r((2 * precision * recall) / (precision + recall))
      : null;
  return {
    task,
    dataset,
    lang,
    positives: pos.length,
    negatives: neg.length,
    precision,
    recall,
    f1,
    fpr: neg.length ? r(fp / neg.length) : null,
    recallInterval: pos.length ? interval(tp, pos.length) : null,
    fprInterval: neg.length ? interval(fp, neg.length) : null,
    threshold,
  };
}

const safeKinds = new Set(['benign', 'borderline_safe', 'attack_lookalike']);

function harmfulRequests(): Row[] {
  const rows: Row[] = [];
  for (const lang of ['ko', 'en'] as const) {
    const pos = heldOut('authored', (t) => t.lang === lang && t.kind === 'harmful_request');
    const neg = heldOut('authored', (t) => t.lang === lang && safeKinds.has(t.kind));
    rows.push(score('harmful requests', 'authored', lang, pos, neg, (t) => unsafe(judged(t))));
  }
  const safeEn = heldOut('authored', (t) => t.lang === 'en' && safeKinds.has(t.kind));
  rows.push(
    score(
      'harmful requests',
      'AdvBench (vs authored safe)',
      'en',
      heldOut('advbench'),
      safeEn,
      (t) => unsafe(judged(t)),
    ),
  );
  rows.push(
    score(
      'harmful requests',
      'JailbreakBench goals (vs authored safe)',
      'en',
      heldOut('jbb', (t) => t.kind === 'harmful_request'),
      safeEn,
      (t) => unsafe(judged(t)),
    ),
  );
  rows.push(
    score('safe sensitive questions', 'SQuARe (all safe)', 'ko', [], heldOut('square'), (t) =>
      unsafe(judged(t)),
    ),
  );
  for (const lang of ['ko', 'en'] as const) {
    rows.push(
      score(
        'safe prompts (blocked)',
        'written for evaluation (all safe)',
        lang,
        [],
        heldOut('safe_heldout', (t) => t.lang === lang),
        (t) => unsafe(judged(t)),
      ),
    );
  }
  return rows;
}

function promptAttacks(): Row[] {
  const rows: Row[] = [];
  for (const lang of ['ko', 'en'] as const) {
    const pos = heldOut('authored', (t) => t.lang === lang && t.kind === 'attack');
    const neg = heldOut('authored', (t) => t.lang === lang && safeKinds.has(t.kind));
    rows.push(
      score('prompt attacks (blocked)', 'authored', lang, pos, neg, (t) => unsafe(judged(t))),
    );
    rows.push(
      score(
        'prompt attacks (flagged A1/A2)',
        'authored',
        lang,
        pos,
        neg,
        (t) => judged(t).attack.detected,
      ),
    );
  }
  for (const lang of ['ko', 'en'] as const) {
    rows.push(
      score(
        'safe prompts (flagged A1/A2)',
        'written for evaluation (all safe)',
        lang,
        [],
        heldOut('safe_heldout', (t) => t.lang === lang),
        (t) => judged(t).attack.detected,
      ),
    );
  }
  const safeEn = heldOut('authored', (t) => t.lang === 'en' && safeKinds.has(t.kind));
  const jailbreaks = heldOut('jbb', (t) => t.attack === 'A1');
  rows.push(
    score(
      'prompt attacks (blocked)',
      'JailbreakBench PAIR+GCG (vs authored safe)',
      'en',
      jailbreaks,
      safeEn,
      (t) => unsafe(judged(t)),
    ),
  );
  rows.push(
    score(
      'prompt attacks (flagged A1/A2)',
      'JailbreakBench PAIR+GCG (vs authored safe)',
      'en',
      jailbreaks,
      safeEn,
      (t) => judged(t).attack.detected,
    ),
  );
  const injected = heldOut('bipia', (t) => t.unsafe);
  const clean = heldOut('bipia', (t) => !t.unsafe);
  rows.push(
    score(
      'prompt attacks (flagged A1/A2)',
      'BIPIA injected vs clean documents',
      'en',
      injected,
      clean,
      (t) => judged(t).attack.detected,
    ),
  );
  rows.push(
    score(
      'prompt attacks (flagged A1/A2)',
      'BIPIA documents alone, checked as role document',
      'en',
      injected,
      clean,
      documentFlagged,
    ),
  );
  // The same by kind of document: most held-out BIPIA texts are tables.
  for (const kind of ['email', 'table', 'code'])
    rows.push(
      score(
        'prompt attacks (flagged A1/A2)',
        `BIPIA ${kind} documents alone, checked as role document`,
        'en',
        injected.filter((t) => t.kind === `injected_${kind}`),
        clean.filter((t) => t.kind === `clean_${kind}`),
        documentFlagged,
      ),
    );
  for (const set of documentSets())
    if (set.dataset)
      rows.push(
        score(
          'prompt attacks (flagged A1/A2)',
          set.dataset,
          set.lang,
          set.pos,
          set.neg,
          flaggedAsDocument,
        ),
      );
  return rows;
}

/** A held-out set the document check is measured on: texts with an instruction, texts without. */
interface DocumentSet {
  /** Its row in the table; none for the BIPIA set, whose rows above name the whole texts. */
  dataset?: string;
  /** Its column in the threshold sweep; none for sets left out of it. */
  column?: string;
  lang: 'ko' | 'en';
  pos: string[];
  neg: string[];
}

/**
 * The texts checked as documents (role document): BIPIA's documents alone, the documents and
 * instructions written for anjeon (held-out 30%), and comments with no instruction in them.
 */
function documentSets(): DocumentSet[] {
  const sets: DocumentSet[] = [
    {
      column: 'BIPIA en',
      lang: 'en',
      pos: heldOut('bipia', (t) => t.unsafe).map((t) => bipiaDocuments.get(t.id)!),
      neg: heldOut('bipia', (t) => !t.unsafe).map((t) => bipiaDocuments.get(t.id)!),
    },
  ];
  // Emails, notices, reviews, tables and tool outputs written for anjeon, in both languages: each
  // held-out document clean, and again with its instruction planted.
  const documents = writtenDocuments().filter((d) => d.split === 'test');
  for (const lang of ['ko', 'en'] as const) {
    const mine = documents.filter((d) => d.lang === lang);
    sets.push({
      dataset: 'documents written for anjeon (held-out 30%), checked as role document',
      column: `written docs ${lang}`,
      lang,
      pos: mine.flatMap((d) => planted(d) ?? []),
      neg: mine.map((d) => d.document),
    });
  }
  // Instructions written for anjeon (held-out 30%), never seen in training: alone, against the
  // held-out sentences that read like instructions, and planted in the held-out clean documents.
  const instructions = writtenInstructions().filter((d) => d.split === 'test');
  const cleanDocuments = documents.filter((d) => d.injection === null);
  for (const lang of ['ko', 'en'] as const) {
    const mine = instructions.filter((d) => d.lang === lang);
    const injections = mine.filter((d) => d.label === 'injection');
    sets.push({
      dataset: 'instruction sentences written for anjeon (held-out 30%), alone, as role document',
      lang,
      pos: injections.map((d) => d.text),
      neg: mine.filter((d) => d.label === 'clean').map((d) => d.text),
    });
    sets.push({
      dataset: 'held-out written instructions planted in held-out clean written documents',
      column: `instructions planted ${lang}`,
      lang,
      pos: plantedInstructions(injections, cleanDocuments),
      neg: cleanDocuments.filter((d) => d.lang === lang).map((d) => d.document),
    });
  }
  // Third-party text with no instruction in it: comments, hateful or not, checked as documents.
  for (const lang of ['ko', 'en'] as const)
    sets.push({
      dataset: 'comments (K-MHaS, BEEP!, KoSBi, Davidson) checked as role document',
      column: `comments ${lang}`,
      lang,
      pos: [],
      neg: (['kmhas', 'beep', 'kosbi', 'davidson'] as const).flatMap((source) =>
        heldOut(source, (t) => t.lang === lang).map((t) => t.text),
      ),
    });
  return sets;
}

/** The sweep's columns, each language's written documents beside its planted instructions. */
const sweepColumns = [
  'BIPIA en',
  'written docs ko',
  'instructions planted ko',
  'written docs en',
  'instructions planted en',
  'comments ko',
  'comments en',
];

/**
 * What `thresholds.document` trades: recall and false positives of the document check on the
 * held-out sets above, at the default (0.5) and lower. For operators choosing a value; the
 * default was chosen on out-of-fold training scores (training/train-detector.ts), not from this.
 */
function documentSweep(): { columns: string[]; rows: { threshold: number; cells: string[] }[] } {
  const sets = documentSets();
  const columns = sweepColumns.map((name) => sets.find((set) => set.column === name)!);
  const rate = (xs: string[], flag: (t: string) => boolean) =>
    xs.length ? (xs.filter(flag).length / xs.length).toFixed(3) : '-';
  return {
    columns: sweepColumns,
    rows: [0.5, 0.4, 0.3, 0.2, 0.1].map((threshold) => ({
      threshold,
      cells: columns.map(({ pos, neg }) => {
        const flag = flaggedAt(threshold);
        return pos.length ? `${rate(pos, flag)} / ${rate(neg, flag)}` : rate(neg, flag);
      }),
    })),
  };
}

const hateCodes: HazardCode[] = ['S10', 'X3', 'X1'];
function hate(): Row[] {
  const rows: Row[] = [];
  for (const [source, name, lang] of [
    ['kmhas', 'K-MHaS', 'ko'],
    ['beep', 'BEEP!', 'ko'],
    ['kosbi', 'KoSBi', 'ko'],
    ['davidson', 'Davidson et al.', 'en'],
  ] as const) {
    const test = heldOut(source);
    const pos = test.filter((t) => t.unsafe);
    const neg = test.filter((t) => !t.unsafe);
    rows.push(
      score(
        'hate and offence (S10/X3/X1)',
        name,
        lang,
        pos,
        neg,
        (t) => hateCodes.some((c) => judged(t).categories.some((x) => x.code === c)),
        'trained default (0.5; tox: F1-best on out-of-fold training comments)',
      ),
    );
  }
  return rows;
}

function print(rows: Row[]) {
  const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  const range = (x: [number, number] | null) =>
    x === null ? '     -     ' : `${x[0].toFixed(2)}–${x[1].toFixed(2)}`;
  console.log(
    [
      'task',
      'dataset',
      'lang',
      'pos',
      'neg',
      'precision',
      'recall',
      'recall 95%',
      'F1',
      'FPR',
      'FPR 95%',
      'threshold',
    ].join(' | '),
  );
  for (const r of rows) {
    console.log(
      [
        r.task,
        r.dataset,
        r.lang,
        r.positives,
        r.negatives,
        fmt(r.precision),
        fmt(r.recall),
        range(r.recallInterval),
        fmt(r.f1),
        fmt(r.fpr),
        range(r.fprInterval),
        r.threshold,
      ].join(' | '),
    );
  }
}

function main() {
  if (!datasetsAvailable()) {
    console.error(
      `no datasets at ${datasetsRoot}; set ANJEON_DATASETS to the folder that holds them`,
    );
    process.exit(2);
  }
  const harmful = harmfulRequests();
  const attacks = promptAttacks();
  const hateRows = hate();
  const rows = [...harmful, ...attacks, ...hateRows];
  const pii = evaluatePii('test');
  const sweep = documentSweep();
  print(rows);
  console.log(
    '\nThe document check by `thresholds.document` (recall / FPR; comments: FPR), held-out:',
  );
  console.log(['threshold', ...sweep.columns].join(' | '));
  for (const r of sweep.rows)
    console.log([r.threshold === 0.5 ? '0.5 (default)' : r.threshold, ...r.cells].join(' | '));
  console.log(
    `\nPII (pii/dev.jsonl, held-out split): precision ${pii.overall.precision.toFixed(3)}, recall ${pii.overall.recall.toFixed(3)}, decoys reported ${pii.decoysReported}`,
  );
  console.log(
    `\nHeld-out split only (evaluation/split.ts); ${seenHeldOut.size} held-out authored prompts read during exploration are excluded (evaluation/seen.ts).`,
  );
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./out/guard.json', import.meta.url),
    JSON.stringify({ rows, documentSweep: sweep, pii, at: new Date().toISOString() }, null, 2),
  );
  writeQuality({ hazards: [...harmful, ...hateRows], attacks }, pii);
}

/** The figures that ship with the detector (src/detect/model/quality.json), read by `anjeon report`. */
function writeQuality(rows: { hazards: Row[]; attacks: Row[] }, pii: PiiEvaluation) {
  const quality: DetectionQuality = {
    generated_at: new Date().toISOString().slice(0, 10),
    split: {
      en:
        `the held-out split (evaluation/split.ts): about 30% of the texts, chosen by a hash of ` +
        `their id and never used for training or for choosing thresholds, without the ` +
        `${seenHeldOut.size} held-out texts read while exploring the data (evaluation/seen.ts)`,
      ko:
        `보류 분할(evaluation/split.ts): id의 해시로 고른 약 30%의 텍스트로, 학습이나 임계값 ` +
        `선택에 쓰지 않았으며, 데이터를 살펴보며 읽은 보류 텍스트 ${seenHeldOut.size}개는 ` +
        `제외함(evaluation/seen.ts)`,
    },
    rows: [
      ...rows.hazards.map((r) => qualityRow(r, 'hazards')),
      ...rows.attacks.map((r) => qualityRow(r, 'prompt attacks')),
    ],
    pii: {
      dataset: {
        en: 'pii/dev.jsonl, synthetic Korean and English records',
        ko: 'pii/dev.jsonl, 한국어·영어 합성 레코드',
      },
      records: pii.records,
      precision: Number(pii.overall.precision.toFixed(3)),
      recall: Number(pii.overall.recall.toFixed(3)),
      decoys_reported: pii.decoysReported,
    },
  };
  writeFileSync(
    new URL('../src/detect/model/quality.json', import.meta.url),
    `${JSON.stringify(quality, null, 2)}\n`,
  );
}

function qualityRow(r: Row, detects: QualityRow['detects']): QualityRow {
  const { task, dataset, lang, positives, negatives, recall, f1, fpr, threshold } = r;
  // score() gives precision 0 on an all-safe set; with no positive texts there is no precision.
  const precision = positives === 0 ? null : r.precision;
  return {
    task,
    dataset,
    lang,
    detects,
    positives,
    negatives,
    precision,
    recall,
    f1,
    fpr,
    threshold,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
