// Text written for anjeon for the document check, in Korean and English. training/documents.jsonl:
// emails, notices, reviews, pages, tables, code answers and tool outputs, each clean or with an
// instruction to the model to plant in it. training/injections.jsonl: single sentences, either an
// instruction hidden in third-party content or a harmless document's sentence that reads like one.
// The check learns from their train split beside BIPIA; the held-out 30% (evaluation/split.ts) is
// its only Korean measure.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inject } from './bipia.js';
import { fnv1a, splitOf } from './split.js';

export interface WrittenDocument {
  id: string;
  lang: 'ko' | 'en';
  kind: string;
  /** The document as written, with no instruction in it. */
  document: string;
  /** An instruction to the model reading it, planted by `planted`; null for a clean document. */
  injection: string | null;
  split: 'train' | 'test';
}

export const writtenDocumentsPath = fileURLToPath(
  new URL('../training/documents.jsonl', import.meta.url),
);

/**
 * The objects of a JSON Lines file written for anjeon, each with `where` (file:line) for errors; a
 * line that is not JSON is an error naming it.
 */
function jsonLines(path: string): { r: Record<string, unknown>; where: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const where = `${path}:${i + 1}`;
      try {
        return [{ r: JSON.parse(line) as Record<string, unknown>, where }];
      } catch (error) {
        throw new Error(`${where}: not JSON (${(error as Error).message})`, { cause: error });
      }
    });
}

/** A field that must be a non-empty string. */
function field(r: Record<string, unknown>, where: string, key: string): string {
  if (typeof r[key] !== 'string' || !r[key])
    throw new Error(`${where}: "${key}" must be a non-empty string`);
  return r[key];
}

function language(r: Record<string, unknown>, where: string): 'ko' | 'en' {
  const lang = field(r, where, 'lang');
  if (lang !== 'ko' && lang !== 'en') throw new Error(`${where}: "lang" must be ko or en`);
  return lang;
}

/** Every line of training/documents.jsonl; a malformed one is an error naming its line. */
export function writtenDocuments(path = writtenDocumentsPath): WrittenDocument[] {
  return jsonLines(path).map(({ r, where }) => {
    const id = field(r, where, 'id');
    return {
      id,
      lang: language(r, where),
      kind: field(r, where, 'kind'),
      document: field(r, where, 'document'),
      injection: r.injection === null ? null : field(r, where, 'injection'),
      split: splitOf(`document:${id}`),
    };
  });
}

/** The document with its instruction planted at the start, the middle or the end (by its id). */
export function planted(d: WrittenDocument): string | null {
  return d.injection === null ? null : inject(d.document, d.injection, fnv1a(d.id) % 3);
}

/**
 * A sentence written for anjeon (training/injections.jsonl): an instruction to the model hidden in
 * third-party content (`injection`), or a sentence of a harmless document that reads like one, a
 * request between people, a manual's step, a worksheet's task (`clean`).
 */
export interface WrittenInstruction {
  id: string;
  lang: 'ko' | 'en';
  label: 'injection' | 'clean';
  category: string;
  text: string;
  split: 'train' | 'test';
}

export const writtenInstructionsPath = fileURLToPath(
  new URL('../training/injections.jsonl', import.meta.url),
);

/** Every line of training/injections.jsonl; a malformed one is an error naming its line. */
export function writtenInstructions(path = writtenInstructionsPath): WrittenInstruction[] {
  return jsonLines(path).map(({ r, where }) => {
    const id = field(r, where, 'id');
    const label = field(r, where, 'label');
    if (label !== 'injection' && label !== 'clean')
      throw new Error(`${where}: "label" must be injection or clean`);
    return {
      id,
      lang: language(r, where),
      label,
      category: field(r, where, 'category'),
      text: field(r, where, 'text'),
      split: splitOf(`instruction:${id}`),
    };
  });
}

/**
 * Each instruction planted in one of the clean documents of its language, chosen and placed by its
 * id: how a new instruction reads inside a realistic document.
 */
export function plantedInstructions(
  instructions: readonly WrittenInstruction[],
  documents: readonly WrittenDocument[],
): string[] {
  return instructions.flatMap((i) => {
    const hosts = documents.filter((d) => d.lang === i.lang);
    if (hosts.length === 0) return [];
    const h = fnv1a(`plant:${i.id}`);
    return [inject(hosts[h % hosts.length]!.document, i.text, h % 3)];
  });
}
