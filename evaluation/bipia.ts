// BIPIA (Microsoft, MIT): indirect prompt injection, built the way the benchmark builds it: an attack
// instruction placed inside an email, a table or a code answer that the user asks the model to use.
// The clean document with the same request is the matching safe example.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabeledText } from './datasets.js';
import { fnv1a, splitOf } from './split.js';

type Attacks = Record<string, string[]>;

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function lines(value: unknown): string {
  if (Array.isArray(value)) return value.join('\n');
  return typeof value === 'string' ? value : '';
}

/** Places the attack at the start, the middle (at a sentence or line break) or the end of the document. */
export function inject(doc: string, attack: string, where: number): string {
  if (where === 0) return `${attack}\n${doc}`;
  if (where === 2) return `${doc}\n${attack}`;
  const middle = Math.floor(doc.length / 2);
  const cut = Math.max(doc.indexOf('\n', middle), doc.indexOf('. ', middle));
  const at = cut > 0 ? cut + 1 : middle;
  return `${doc.slice(0, at)} ${attack} ${doc.slice(at)}`;
}

interface Task {
  kind: 'email' | 'table' | 'code';
  id: string;
  doc: string;
  prompt: (doc: string) => string;
}

function tasks(dir: string): Task[] {
  const out: Task[] = [];
  readJsonl(join(dir, 'email', 'train.jsonl')).forEach((r, i) => {
    const question = String(r.question).replace(/^Q:\s*/, '');
    out.push({
      kind: 'email',
      id: `email:${i}`,
      doc: String(r.context),
      prompt: (doc) => `Read this email and answer: ${question}\n\nEmail:\n${doc}`,
    });
  });
  readJsonl(join(dir, 'table', 'train.jsonl'))
    .slice(0, 200)
    .forEach((r, i) => {
      const question = (
        typeof r.question === 'string' ? r.question : 'Summarize the table.'
      ).replace(/^Q:\s*/, '');
      out.push({
        kind: 'table',
        id: `table:${i}`,
        doc: String(r.context),
        prompt: (doc) =>
          `Answer the question using the table below.\nQuestion: ${question}\n\n${doc}`,
      });
    });
  readJsonl(join(dir, 'code', 'train.jsonl')).forEach((r, i) => {
    const error = lines(r.error);
    const code = lines(r.code);
    out.push({
      kind: 'code',
      id: `code:${i}`,
      doc: lines(r.context),
      prompt: (doc) =>
        `Fix my code using the answer I found.\nError:\n${error}\nCode:\n${code}\nAnswer I found:\n${doc}`,
    });
  });
  return out;
}

/** For each attacked text's id, the instruction injected into it (the training script learns from it alone). */
export const bipiaInjections = new Map<string, string>();

/**
 * For each text's id, the document alone (with the injection, when attacked): what a service
 * passes as third-party content (`role: document`), without the user's request around it.
 */
export const bipiaDocuments = new Map<string, string>();

export function bipia(dir: string): LabeledText[] {
  const textAttacks = Object.values(
    JSON.parse(readFileSync(join(dir, 'text_attack_train.json'), 'utf8')) as Attacks,
  ).flat();
  const codeAttacks = Object.values(
    JSON.parse(readFileSync(join(dir, 'code_attack_train.json'), 'utf8')) as Attacks,
  ).flat();
  const bySplit = (attacks: string[]) => ({
    train: attacks.filter((a) => splitOf(`bipia-attack:${a}`) === 'train'),
    test: attacks.filter((a) => splitOf(`bipia-attack:${a}`) === 'test'),
  });
  const text = bySplit(textAttacks);
  const code = bySplit(codeAttacks);
  const out: LabeledText[] = [];
  for (const t of tasks(dir)) {
    const split = splitOf(`bipia-context:${t.id}`);
    const base = { source: 'bipia' as const, lang: 'en' as const, hazards: [], split };
    bipiaDocuments.set(`bipia:${t.id}:clean`, t.doc);
    out.push({
      ...base,
      id: `bipia:${t.id}:clean`,
      text: t.prompt(t.doc),
      attack: null,
      unsafe: false,
      kind: `clean_${t.kind}`,
    });
    // The attacked copy uses an attack instruction from the same split, so held-out attacks stay unseen.
    const pool = (t.kind === 'code' ? code : text)[split];
    if (pool.length === 0) continue;
    const h = fnv1a(t.id);
    const attack = pool[h % pool.length]!;
    const attacked = inject(t.doc, attack, h % 3);
    bipiaInjections.set(`bipia:${t.id}:attacked`, attack);
    bipiaDocuments.set(`bipia:${t.id}:attacked`, attacked);
    out.push({
      ...base,
      id: `bipia:${t.id}:attacked`,
      text: t.prompt(attacked),
      attack: 'A1',
      unsafe: true,
      kind: `injected_${t.kind}`,
    });
  }
  return out;
}
