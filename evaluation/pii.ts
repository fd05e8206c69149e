// Precision, recall and decoys of the PII detector on the labelled dataset, per type and overall.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPii } from '../src/detect/pii/index.js';
import { piiTypes, type PiiFinding, type PiiType } from '../src/detect/types.js';
import { datasetsRoot } from './datasets.js';
import { splitOf } from './split.js';

/** `pii/dev.jsonl` under the development datasets (`../shared/datasets`, or `ANJEON_DATASETS`). */
export const piiDatasetPath = join(datasetsRoot, 'pii', 'dev.jsonl');

export interface PiiRecord {
  id: string;
  lang: string;
  text: string;
  pii: { type: PiiType; value: string }[];
  decoys: { kind: string; value: string }[];
}

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PiiEvaluation {
  split: 'train' | 'test' | 'all';
  records: number;
  perType: Record<PiiType, Scores>;
  overall: Scores;
  /** Decoy values (ISBNs, bad-check numbers, amounts, ...) overlapped by any finding. */
  decoysReported: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function scores({ tp, fp, fn }: Counts): Scores {
  // An empty denominator means nothing was wrong: precision with no findings is 1, not 0.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

export function readPiiDataset(path = piiDatasetPath): PiiRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PiiRecord);
}

/** Matches findings to expected items by type and exact value, each expected item at most once. */
function countRecord(record: PiiRecord, findings: PiiFinding[], counts: Map<PiiType, Counts>) {
  const expected = record.pii.map((p) => `${p.type}\u0000${p.value}`);
  for (const f of findings) {
    const at = expected.indexOf(`${f.type}\u0000${f.value}`);
    const c = counts.get(f.type);
    if (!c) continue;
    if (at >= 0) {
      c.tp++;
      expected.splice(at, 1);
    } else c.fp++;
  }
  for (const key of expected) {
    const c = counts.get(key.split('\u0000')[0] as PiiType);
    if (c) c.fn++;
  }
}

function decoysHit(record: PiiRecord, findings: PiiFinding[]): number {
  let hits = 0;
  for (const decoy of record.decoys) {
    for (let at = record.text.indexOf(decoy.value); at >= 0;) {
      const end = at + decoy.value.length;
      if (findings.some((f) => f.start < end && at < f.end)) {
        hits++;
        break;
      }
      at = record.text.indexOf(decoy.value, at + 1);
    }
  }
  return hits;
}

/**
 * `find` gives a record's findings (default: `findPii` on its text); the dataset scanner passes
 * what it wrote, so its figures are checked against these.
 */
export function evaluatePii(
  split: 'train' | 'test' | 'all',
  path = piiDatasetPath,
  find: (record: PiiRecord, index: number) => PiiFinding[] = (r) => findPii(r.text),
): PiiEvaluation {
  const records = readPiiDataset(path)
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => split === 'all' || splitOf(record.id) === split);
  const counts = new Map<PiiType, Counts>(piiTypes.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let decoysReported = 0;
  for (const { record, index } of records) {
    const findings = find(record, index);
    countRecord(record, findings, counts);
    decoysReported += decoysHit(record, findings);
  }
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const c of counts.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  const perType = Object.fromEntries(
    piiTypes.map((t) => [t, scores(counts.get(t) ?? total)]),
  ) as Record<PiiType, Scores>;
  return { split, records: records.length, perType, overall: scores(total), decoysReported };
}

function printEvaluation(e: PiiEvaluation): void {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  console.log(`split ${e.split}: ${e.records} records`);
  console.log('type                 precision  recall      f1    tp   fp   fn');
  const rows: [string, Scores][] = [...piiTypes.map((t): [string, Scores] => [t, e.perType[t]])];
  rows.push(['overall', e.overall]);
  for (const [name, s] of rows) {
    const n = (x: number) => String(x).padStart(5);
    console.log(
      `${name.padEnd(20)} ${pct(s.precision)}%  ${pct(s.recall)}%  ${pct(s.f1)}%` +
        `${n(s.truePositives)}${n(s.falsePositives)}${n(s.falseNegatives)}`,
    );
  }
  console.log(`decoys reported: ${e.decoysReported}`);
}

// `npx tsx evaluation/pii.ts [train|test|all]` prints the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const split = (process.argv[2] ?? 'train') as PiiEvaluation['split'];
  if (!existsSync(piiDatasetPath)) console.error(`no dataset at ${piiDatasetPath}`);
  else printEvaluation(evaluatePii(split));
}
