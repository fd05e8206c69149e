// The development datasets, read by path and turned into labelled texts with a fixed train/test split.
//
// Nothing here is copied into the repository: the files are read from ../shared/datasets (or
// ANJEON_DATASETS). Each text gets the hazard codes and attack type it is an example of.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttackType, HazardCode } from '../src/detect/types.js';
import { fnv1a, splitOf } from './split.js';

export const datasetsRoot = resolve(
  process.env.ANJEON_DATASETS ??
    join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'datasets'),
);

export const sources = [
  'authored',
  'advbench',
  'jbb',
  'bipia',
  'kmhas',
  'beep',
  'kosbi',
  'square',
  'davidson',
  'supplement',
  'safe_heldout',
] as const;
export type Source = (typeof sources)[number];

export interface LabeledText {
  id: string;
  source: Source;
  lang: 'en' | 'ko';
  text: string;
  /** Gold hazard codes; empty for a safe text, or for a harmful one whose category the source does not give. */
  hazards: HazardCode[];
  attack: AttackType | null;
  /** The source's own label: harmful, hateful, an attack. */
  unsafe: boolean;
  /** authored: harmful_request, attack, benign, borderline_safe, attack_lookalike; others: a short tag. */
  kind: string;
  split: 'train' | 'test';
}

function path(...parts: string[]) {
  return join(datasetsRoot, ...parts);
}

export function datasetsAvailable(): boolean {
  return existsSync(path('authored', 'prompts-dev.jsonl'));
}

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** A minimal CSV reader for the two CSV files used here (quoted fields, doubled quotes, newlines in quotes). */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

type AuthoredRow = {
  id: string;
  lang: 'en' | 'ko';
  text: string;
  label: string;
  category: string;
  kind: string;
};

function promptRow(
  source: 'authored' | 'supplement' | 'safe_heldout',
  r: AuthoredRow,
  split: 'train' | 'test',
): LabeledText {
  return {
    id: `${source}:${r.id}`,
    source,
    lang: r.lang,
    text: r.text,
    hazards: /^[SX]\d+$/.test(r.category) ? [r.category as HazardCode] : [],
    attack: r.category === 'A1' || r.category === 'A2' ? r.category : null,
    unsafe: r.label === 'unsafe',
    kind: r.kind,
    split,
  };
}

/**
 * Prompts written for anjeon's training (training/data/, in the repository, same format as the
 * authored set). Training data only: it is never part of the held-out split.
 */
function supplement(): LabeledText[] {
  const dir = fileURLToPath(new URL('../training/data/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => jsonl<AuthoredRow>(join(dir, f)))
    .map((r) => promptRow('supplement', r, 'train'));
}

/**
 * Safe prompts written for anjeon's evaluation only (evaluation/data/): always held out, so the
 * share of safe prompts flagged is measured on 600 texts rather than the authored set's 77.
 */
function safeHeldout(): LabeledText[] {
  const file = fileURLToPath(new URL('./data/safe-prompts-heldout.jsonl', import.meta.url));
  return jsonl<AuthoredRow>(file).map((r) => promptRow('safe_heldout', r, 'test'));
}

function authored(): LabeledText[] {
  return jsonl<AuthoredRow>(path('authored', 'prompts-dev.jsonl')).map((r) =>
    promptRow('authored', r, splitOf(r.id)),
  );
}

function advbench(): LabeledText[] {
  const rows = parseCsv(
    readFileSync(
      path('public', 'llm-attacks__llm-attacks', 'data', 'advbench', 'harmful_behaviors.csv'),
      'utf8',
    ),
  ).slice(1);
  return rows
    .filter((r) => r[0])
    .map((r, i) => ({
      id: `advbench:${i}`,
      source: 'advbench',
      lang: 'en',
      text: r[0]!,
      hazards: [],
      attack: null,
      unsafe: true,
      kind: 'harmful_request',
      split: splitOf(`advbench:${i}`),
    }));
}

/** JailbreakBench behaviours onto our codes (the behaviour is finer than the category). */
const jbbHazard: Record<string, HazardCode> = {
  Defamation: 'S5',
  'Body shaming': 'X1',
  'Predatory stalking': 'X1',
  'Holocaust denial': 'X2',
  'Biological weapons': 'S9',
  'Bomb building': 'S9',
  'Nuclear weapons': 'S9',
  Suicide: 'S11',
  'Eating disorder': 'S11',
  'Child pornography': 'S4',
  Pedophilia: 'S4',
  'Porn generation': 'S12',
  Sexting: 'S12',
  'Sexual solicitation': 'S3',
  'Revenge porn': 'S3',
  'Date rape drug': 'S3',
  'Human trafficking': 'S3',
  Bestiality: 'S12',
  'Unprotected sex': 'S6',
  'Copyright circumvention': 'S8',
  'Election influencing': 'S13',
  'Election tampering': 'S13',
  'Election denial': 'S13',
};
const jbbCategoryHazard: Record<string, HazardCode> = {
  'Harassment/Discrimination': 'S10',
  'Malware/Hacking': 'S2',
  'Physical harm': 'S1',
  'Economic harm': 'S2',
  'Fraud/Deception': 'S2',
  Disinformation: 'X2',
  'Sexual/Adult content': 'S12',
  Privacy: 'S7',
  'Expert advice': 'S6',
  'Government decision-making': 'S2',
};

function jbb(): LabeledText[] {
  const dir = path('public', 'JailbreakBench__artifacts', 'attack-artifacts');
  const files = [
    'PAIR/black_box/gpt-3.5-turbo-1106.json',
    'PAIR/black_box/gpt-4-0125-preview.json',
    'PAIR/black_box/llama-2-7b-chat-hf.json',
    'PAIR/black_box/vicuna-13b-v1.5.json',
    'GCG/transfer/gpt-3.5-turbo-1106.json',
    'GCG/transfer/gpt-4-0125-preview.json',
    'GCG/white_box/llama-2-7b-chat-hf.json',
    'GCG/white_box/vicuna-13b-v1.5.json',
  ];
  type Jailbreak = {
    index: number;
    goal: string;
    behavior: string;
    category: string;
    prompt: string | null;
  };
  const out: LabeledText[] = [];
  const seen = new Set<string>();
  const goals = new Map<number, Jailbreak>();
  for (const f of files) {
    const method = f.split('/')[0]!;
    for (const j of (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { jailbreaks: Jailbreak[] })
      .jailbreaks) {
      goals.set(j.index, j);
      if (!j.prompt || seen.has(j.prompt)) continue;
      seen.add(j.prompt);
      const hazard = jbbHazard[j.behavior] ?? jbbCategoryHazard[j.category]!;
      out.push({
        id: `jbb:${method}:${fnv1a(j.prompt)}`,
        source: 'jbb',
        lang: 'en',
        text: j.prompt,
        hazards: [hazard],
        attack: 'A1',
        unsafe: true,
        kind: `jailbreak:${method}`,
        split: splitOf(`jbb-behavior:${j.index}`),
      });
    }
  }
  for (const j of goals.values()) {
    out.push({
      id: `jbb:goal:${j.index}`,
      source: 'jbb',
      lang: 'en',
      text: j.goal,
      hazards: [jbbHazard[j.behavior] ?? jbbCategoryHazard[j.category]!],
      attack: null,
      unsafe: true,
      kind: 'harmful_request',
      split: splitOf(`jbb-behavior:${j.index}`),
    });
  }
  return out;
}

function kmhas(): LabeledText[] {
  const rows = parseCsv(
    readFileSync(path('public', 'adlnlp__K-MHaS', 'data', 'kmhas_valid.txt'), 'utf8'),
    '\t',
  ).slice(1);
  return rows
    .filter((r) => r.length >= 2 && r[0])
    .map((r, i) => {
      const labels = r[1]!.split(',').map(Number);
      const hate = !labels.includes(8);
      const hazards: HazardCode[] = [];
      if (labels.includes(3)) hazards.push('X3');
      if (labels.some((l) => l !== 3 && l !== 8)) hazards.push('S10');
      return {
        id: `kmhas:${i}`,
        source: 'kmhas',
        lang: 'ko',
        text: r[0]!,
        hazards,
        attack: null,
        unsafe: hate,
        kind: hate ? 'hate' : 'none',
        split: splitOf(`kmhas:${i}`),
      };
    });
}

function beep(): LabeledText[] {
  const rows = parseCsv(
    readFileSync(path('public', 'kocohub__korean-hate-speech', 'labeled', 'train.tsv'), 'utf8'),
    '\t',
  ).slice(1);
  return rows
    .filter((r) => r.length >= 4 && r[0])
    .map((r, i) => {
      const hate = r[3]!;
      const hazards: HazardCode[] = hate === 'hate' ? ['S10'] : hate === 'offensive' ? ['X3'] : [];
      return {
        id: `beep:${i}`,
        source: 'beep',
        lang: 'ko',
        text: r[0]!,
        hazards,
        attack: null,
        unsafe: hate !== 'none',
        kind: hate,
        split: splitOf(`beep:${i}`),
      };
    });
}

function kosbi(): LabeledText[] {
  type Row = { sentence: string; sentence_label: string };
  const rows = JSON.parse(
    readFileSync(
      path('public', 'naver-ai__korean-safety-benchmarks', 'data', 'KoSBi', 'kosbi_valid.json'),
      'utf8',
    ),
  ) as Row[];
  return rows.map((r, i) => ({
    id: `kosbi:${i}`,
    source: 'kosbi',
    lang: 'ko',
    text: r.sentence,
    hazards: r.sentence_label === 'unsafe' ? ['S10'] : [],
    attack: null,
    unsafe: r.sentence_label === 'unsafe',
    kind: r.sentence_label,
    split: splitOf(`kosbi:${i}`),
  }));
}

function square(): LabeledText[] {
  type Row = { question: string; 'sensitive?': number; category: string };
  const rows = JSON.parse(
    readFileSync(
      path('public', 'naver-ai__korean-safety-benchmarks', 'data', 'SQuARe', 'question_valid.json'),
      'utf8',
    ),
  ) as Row[];
  return rows.map((r, i) => ({
    id: `square:${i}`,
    source: 'square',
    lang: 'ko',
    text: r.question,
    hazards: [],
    attack: null,
    unsafe: false,
    kind: r['sensitive?'] ? 'sensitive_question' : 'question',
    split: splitOf(`square:${i}`),
  }));
}

function davidson(): LabeledText[] {
  const rows = parseCsv(
    readFileSync(
      path('public', 't-davidson__hate-speech-and-offensive-language', 'data', 'labeled_data.csv'),
      'utf8',
    ),
  ).slice(1);
  return rows
    .filter((r) => r.length >= 7)
    .map((r) => {
      const cls = r[5];
      const hazards: HazardCode[] = cls === '0' ? ['S10'] : cls === '1' ? ['X3'] : [];
      return {
        id: `davidson:${r[0]}`,
        source: 'davidson',
        lang: 'en',
        text: r[6]!,
        hazards,
        attack: null,
        unsafe: cls !== '2',
        kind: cls === '0' ? 'hate' : cls === '1' ? 'offensive' : 'neither',
        split: splitOf(`davidson:${r[0]}`),
      };
    });
}

import { bipia as loadBipia } from './bipia.js';

const loaders: Record<Source, () => LabeledText[]> = {
  authored,
  advbench,
  jbb,
  bipia: () => loadBipia(path('public', 'microsoft__BIPIA', 'benchmark')),
  kmhas,
  beep,
  kosbi,
  square,
  davidson,
  supplement,
  safe_heldout: safeHeldout,
};

const cache = new Map<Source, LabeledText[]>();

export function load(source: Source): LabeledText[] {
  let rows = cache.get(source);
  if (!rows) {
    rows = loaders[source]();
    cache.set(source, rows);
  }
  return rows;
}

export function loadAll(split?: 'train' | 'test'): LabeledText[] {
  return sources.flatMap((s) => load(s)).filter((r) => !split || r.split === split);
}
