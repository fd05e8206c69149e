// YAML (and JSON, a subset of it) parsed with source positions, so every problem can say file:line:col.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { inputError } from '../errors.js';

export type FieldPath = readonly (string | number)[];

export interface SourceDocument {
  readonly file: string;
  readonly value: unknown;
  /** `file:line:col` of the value at `path`, or of its nearest present ancestor. */
  locate(path: FieldPath): string;
}

export interface Problem {
  path: FieldPath;
  message: string;
}

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(top level)';
}

/** Parses YAML or JSON text; a syntax error becomes an input error that names every bad line. */
export function parseSourceDocument(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const details = doc.errors.map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return `${file}:${line}:${col}: ${e.message.split('\n')[0]}`;
    });
    throw inputError(`${file} is not valid YAML or JSON`, undefined, details);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };

  function locate(path: FieldPath): string {
    let node: unknown = doc.contents;
    let last = node && (node as Node).range ? (node as Node).range![0] : 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) last = pair.key.range[0];
        node = pair.value;
        if (node && (node as Node).range) last = (node as Node).range![0];
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!item) break;
        node = item;
        if ((item as Node).range) last = (item as Node).range![0];
      } else break;
    }
    return position(last);
  }

  return { file, value, locate };
}

/** Turns zod issues into problems, spelling out what was expected where zod says only "invalid". */
export function zodProblems(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          path: [...issue.path, key] as FieldPath,
          message: `unknown field "${key}"`,
        });
      }
      continue;
    }
    problems.push({ path: issue.path as FieldPath, message: issue.message });
  }
  return problems;
}

/** Formats problems as `file:line:col: field: message`, sorted by position in the file. */
export function locateProblems(doc: SourceDocument, problems: Problem[]): string[] {
  return problems
    .map((p) => ({ where: doc.locate(p.path), text: `${formatPath(p.path)}: ${p.message}` }))
    .sort((a, b) => compareLocations(a.where, b.where))
    .map((p) => `${p.where}: ${p.text}`);
}

function compareLocations(a: string, b: string): number {
  const pa = a.split(':').slice(-2).map(Number);
  const pb = b.split(':').slice(-2).map(Number);
  return (pa[0]! - pb[0]!) * 1e6 + (pa[1]! - pb[1]!);
}
