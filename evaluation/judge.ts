// `npm run eval:judge`: how well the red-team graders tell a jailbroken answer from a refusal, on
// JailbreakBench's labelled target responses and on a small authored Korean and English set.
//
// The split was fixed before any cue was written: the GCG responses are the development set, read
// while writing the refusal cues (src/redteam/graders/refusal-cues.ts) and choosing how the graders
// combine; the PAIR responses are held out, never read, and only scored here. The built-in detector
// behind the harm grader was trained on the JailbreakBench goals and jailbreak prompts of the
// behaviours in evaluation/split.ts's 'train' split (not on responses), so the held-out figures are
// also given for the behaviours of its 'test' split alone. The positive class is "jailbroken", the
// JailbreakBench judge's label. Pass --json for the rows as JSON.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectRefusal, gradeAnswer, HarmGrader } from '../src/redteam/graders/index.js';
import type { Expected, Probe } from '../src/redteam/types.js';
import { datasetsRoot } from './datasets.js';
import { splitOf } from './split.js';

export interface Row {
  set: string;
  split: string;
  target: string;
  grader: string;
  positive: string;
  /** Answers scored, and answers skipped because the artifact has no response. */
  n: number;
  skipped: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
}

/** One labelled answer with every grader's prediction of the positive class. */
interface Scored {
  split: string;
  target: string;
  heldOutBehaviour: boolean;
  gold: boolean | null;
  predicted: Record<string, boolean>;
}

const jbbDir = join(datasetsRoot, 'public', 'JailbreakBench__artifacts', 'attack-artifacts');
const jbbFiles = [
  ['development (GCG)', 'GCG/transfer/gpt-3.5-turbo-1106.json'],
  ['development (GCG)', 'GCG/transfer/gpt-4-0125-preview.json'],
  ['development (GCG)', 'GCG/white_box/llama-2-7b-chat-hf.json'],
  ['development (GCG)', 'GCG/white_box/vicuna-13b-v1.5.json'],
  ['held-out (PAIR)', 'PAIR/black_box/gpt-3.5-turbo-1106.json'],
  ['held-out (PAIR)', 'PAIR/black_box/gpt-4-0125-preview.json'],
  ['held-out (PAIR)', 'PAIR/black_box/llama-2-7b-chat-hf.json'],
  ['held-out (PAIR)', 'PAIR/black_box/vicuna-13b-v1.5.json'],
] as const;

const authoredFile = fileURLToPath(
  new URL('../test/redteam/graders/answers.jsonl', import.meta.url),
);

interface Jailbreak {
  index: number;
  prompt: string | null;
  response: string | null;
  jailbroken: boolean;
  jailbroken_llama_guard1?: boolean;
}

function probe(id: string, prompt: string, expected: Expected, lang: 'en' | 'ko' = 'en'): Probe {
  return { id, lang, code: 'A1', kind: 'attack', expected, prompt, provenance: 'evaluation' };
}

async function predict(p: Probe, response: string, harm: HarmGrader) {
  const refusal = detectRefusal(response);
  const harmVerdict = await harm.grade(p, response);
  const grade = await gradeAnswer(p, { text: response }, { harm });
  return { refused: refusal.refused === true, harmful: harmVerdict.harmful === true, grade };
}

async function scoreJailbreakBench(harm: HarmGrader): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const [split, file] of jbbFiles) {
    const target = file
      .split('/')
      .at(-1)!
      .replace(/\.json$/, '');
    const { jailbreaks } = JSON.parse(readFileSync(join(jbbDir, file), 'utf8')) as {
      jailbreaks: Jailbreak[];
    };
    for (const j of jailbreaks) {
      const heldOutBehaviour = splitOf(`jbb-behavior:${j.index}`) === 'test';
      if (j.response === null || j.prompt === null) {
        out.push({ split, target, heldOutBehaviour, gold: null, predicted: {} });
        continue;
      }
      const p = probe(`jbb:${file}:${j.index}`, j.prompt, 'refuse');
      const { refused, harmful, grade } = await predict(p, j.response, harm);
      const predicted: Record<string, boolean> = {
        'refusal (not refused)': !refused,
        harm: harmful,
        'not refused and harm': !refused && harmful,
        'gradeAnswer (harmful)': grade.harmful,
      };
      if (typeof j.jailbroken_llama_guard1 === 'boolean')
        predicted['reference: Llama Guard 1 (in the artifacts)'] = j.jailbroken_llama_guard1;
      out.push({ split, target, heldOutBehaviour, gold: j.jailbroken, predicted });
    }
  }
  return out;
}

function metrics(
  base: Pick<Row, 'set' | 'split' | 'target' | 'grader' | 'positive'>,
  items: Scored[],
): Row {
  const labelled = items.filter((s) => s.gold !== null && base.grader in s.predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of labelled) {
    const p = s.predicted[base.grader]!;
    if (p && s.gold) tp++;
    else if (p) fp++;
    else if (s.gold) fn++;
    else tn++;
  }
  const r = (x: number) => Number(x.toFixed(3));
  const precision = tp + fp ? r(tp / (tp + fp)) : null;
  const recall = tp + fn ? r(tp / (tp + fn)) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? r((2 * precision * recall) / (precision + recall))
      : null;
  const n = labelled.length;
  return {
    ...base,
    n,
    skipped: items.filter((s) => s.gold === null).length,
    ...{ tp, fp, fn, tn },
    precision,
    recall,
    f1,
    accuracy: n ? r((tp + tn) / n) : null,
  };
}

function jailbreakBenchRows(scored: Scored[]): Row[] {
  const rows: Row[] = [];
  const graders = [...new Set(scored.flatMap((s) => Object.keys(s.predicted)))];
  const groups: [string, string, Scored[]][] = [];
  for (const split of ['development (GCG)', 'held-out (PAIR)']) {
    const inSplit = scored.filter((s) => s.split === split);
    groups.push([split, 'all targets', inSplit]);
    for (const target of [...new Set(inSplit.map((s) => s.target))])
      groups.push([split, target, inSplit.filter((s) => s.target === target)]);
  }
  groups.push([
    "held-out (PAIR), detector's held-out behaviours",
    'all targets',
    scored.filter((s) => s.split === 'held-out (PAIR)' && s.heldOutBehaviour),
  ]);
  for (const [split, target, items] of groups) {
    for (const grader of graders) {
      const base = {
        set: 'JailbreakBench artifacts',
        split,
        target,
        grader,
        positive: 'jailbroken',
      };
      rows.push(metrics(base, items));
    }
  }
  return rows;
}

interface AuthoredAnswer {
  id: string;
  lang: 'ko' | 'en';
  kind: string;
  expected: Expected;
  prompt: string;
  response: string;
  refused: boolean;
  harmful: boolean;
}

/** The authored set has both labels, so the refusal grader is scored against "complied" itself. */
async function authoredRows(harm: HarmGrader): Promise<Row[]> {
  const answers = readFileSync(authoredFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AuthoredAnswer);
  const byGrader = { complied: [] as Scored[], harmful: [] as Scored[] };
  for (const a of answers) {
    const p = probe(`authored:${a.id}`, a.prompt, a.expected, a.lang);
    const { refused, harmful, grade } = await predict(p, a.response, harm);
    const common = { split: 'all (authored)', target: a.lang, heldOutBehaviour: false };
    byGrader.complied.push({
      ...common,
      gold: !a.refused,
      predicted: { 'refusal (not refused)': !refused },
    });
    byGrader.harmful.push({
      ...common,
      gold: a.harmful,
      predicted: {
        harm: harmful,
        'not refused and harm': !refused && harmful,
        'gradeAnswer (harmful)': grade.harmful,
      },
    });
  }
  const rows: Row[] = [];
  for (const lang of ['ko', 'en', 'ko+en']) {
    const pick = (xs: Scored[]) => (lang === 'ko+en' ? xs : xs.filter((s) => s.target === lang));
    const base = { set: 'authored answers (written for anjeon)', split: 'all', target: lang };
    rows.push(
      metrics(
        { ...base, grader: 'refusal (not refused)', positive: 'complied' },
        pick(byGrader.complied),
      ),
    );
    for (const grader of ['harm', 'not refused and harm', 'gradeAnswer (harmful)'])
      rows.push(metrics({ ...base, grader, positive: 'harmful' }, pick(byGrader.harmful)));
  }
  return rows;
}

function print(rows: Row[]) {
  const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  const head = ['set', 'split', 'target', 'grader', 'positive', 'n', 'skipped'];
  console.log(
    [...head, 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1', 'accuracy'].join(' | '),
  );
  for (const r of rows) {
    console.log(
      [
        r.set,
        r.split,
        r.target,
        r.grader,
        r.positive,
        r.n,
        r.skipped,
        r.tp,
        r.fp,
        r.fn,
        r.tn,
        fmt(r.precision),
        fmt(r.recall),
        fmt(r.f1),
        fmt(r.accuracy),
      ].join(' | '),
    );
  }
}

const splitNote =
  'Split fixed before tuning: GCG responses = development (read while writing the refusal cues), ' +
  "PAIR responses = held out (only scored). The harm grader's detector saw the goals and prompts " +
  "(not responses) of the 'train' behaviours of evaluation/split.ts; the last JailbreakBench rows " +
  "keep only its 'test' behaviours. The authored answers were written by the grader's author and " +
  'are not independent of the cues.';

async function main() {
  if (!existsSync(jbbDir)) {
    console.error(
      `no datasets at ${datasetsRoot}; set ANJEON_DATASETS to the folder that holds them`,
    );
    process.exit(2);
  }
  const started = Date.now();
  const harm = new HarmGrader();
  const rows = [
    ...jailbreakBenchRows(await scoreJailbreakBench(harm)),
    ...(await authoredRows(harm)),
  ];
  const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const report = { split: splitNote, rows, seconds, at: new Date().toISOString() };
  writeFileSync(new URL('./out/judge.json', import.meta.url), JSON.stringify(report, null, 2));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  print(rows);
  console.log(
    `\n${splitNote}\nPositive class: jailbroken (JailbreakBench judge) or, for the authored set, the label named. ${seconds}s.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
