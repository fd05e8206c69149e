// Documents written for anjeon (training/documents.jsonl), in Korean and English: emails, notices,
// reviews, pages, tables, code answers and tool outputs, each clean or with an instruction to the
// model to plant in it. The document check learns from the train split beside BIPIA; the held-out
// 30% (evaluation/split.ts) is its only Korean measure.

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

/** Every line of training/documents.jsonl; a malformed one is an error naming its line. */
export function writtenDocuments(path = writtenDocumentsPath): WrittenDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const where = `${path}:${i + 1}`;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${where}: not JSON (${(error as Error).message})`, { cause: error });
      }
      const text = (key: string) => {
        if (typeof r[key] !== 'string' || !r[key])
          throw new Error(`${where}: "${key}" must be a non-empty string`);
        return r[key];
      };
      const id = text('id');
      const lang = text('lang');
      if (lang !== 'ko' && lang !== 'en') throw new Error(`${where}: "lang" must be ko or en`);
      const injection = r.injection === null ? null : text('injection');
      return [
        {
          id,
          lang,
          kind: text('kind'),
          document: text('document'),
          injection,
          split: splitOf(`document:${id}`),
        },
      ];
    });
}

/** The document with its instruction planted at the start, the middle or the end (by its id). */
export function planted(d: WrittenDocument): string | null {
  return d.injection === null ? null : inject(d.document, d.injection, fnv1a(d.id) % 3);
}
