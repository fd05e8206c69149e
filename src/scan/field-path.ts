// Field paths for JSON records and Parquet rows: `text`, `meta.body`, `messages[*].content`, `turns[0]`.

import { inputError } from '../errors.js';
import type { TextField } from './formats/format.js';

/** One step of a path: an object key ('*' for any key) or an array index ('*' for every index). */
type Step = { key: string } | { index: number | '*' };

export interface FieldPath {
  source: string;
  steps: Step[];
}

const stepPattern = /^([^.[\]]+)((?:\[(?:\d+|\*)\])*)$/;

/** Parses `--field` (comma-separated paths). */
export function parseFieldPaths(spec: string): FieldPath[] {
  const paths = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (paths.length === 0) throw inputError('--field is empty', 'name a field, e.g. --field text');
  return paths.map(parseFieldPath);
}

export function parseFieldPath(source: string): FieldPath {
  const steps: Step[] = [];
  for (const part of source.split('.')) {
    const m = stepPattern.exec(part);
    if (!m)
      throw inputError(
        `--field ${source}: "${part}" is not a field name`,
        'write paths like text, meta.body or messages[*].content',
      );
    steps.push({ key: m[1]! });
    for (const idx of m[2]!.matchAll(/\[(\d+|\*)\]/g))
      steps.push({ index: idx[1] === '*' ? '*' : Number(idx[1]) });
  }
  return { source, steps };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every string the paths reach, each with its concrete path; arrays of strings at a leaf count too. */
export function selectTexts(value: unknown, paths: readonly FieldPath[]): TextField[] {
  const out: TextField[] = [];
  const seen = new Set<string>();
  const visit = (v: unknown, steps: readonly Step[], at: string) => {
    if (steps.length === 0) {
      if (typeof v === 'string') {
        if (!seen.has(at)) {
          seen.add(at);
          out.push({ field: at, text: v });
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, steps, `${at}[${i}]`));
      return;
    }
    const [step, ...rest] = steps as [Step, ...Step[]];
    if ('key' in step) {
      if (!isObject(v)) return;
      if (step.key === '*') for (const k of Object.keys(v)) visit(v[k], rest, join(at, k));
      else if (Object.hasOwn(v, step.key)) visit(v[step.key], rest, join(at, step.key));
    } else if (Array.isArray(v)) {
      if (step.index === '*') v.forEach((x, i) => visit(x, rest, `${at}[${i}]`));
      else if (step.index < v.length) visit(v[step.index], rest, `${at}[${step.index}]`);
    }
  };
  for (const p of paths) visit(value, p.steps, '');
  return out;
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

const dropped = Symbol('dropped');

/**
 * A copy of `value` with the fields at concrete paths (as `selectTexts` names them) replaced, or
 * removed when the edit is null. Only the objects on an edited path are copied.
 */
export function withEdits(value: unknown, edits: ReadonlyMap<string, string | null>): unknown {
  let root = value;
  let drops = false;
  for (const [path, text] of edits) {
    root = setAt(root, concreteSteps(path), text ?? dropped);
    drops ||= text === null;
  }
  return drops ? compact(root) : root;
}

function concreteSteps(path: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part)!;
    steps.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) steps.push(Number(idx[1]));
  }
  return steps;
}

function setAt(v: unknown, steps: Array<string | number>, leaf: unknown): unknown {
  if (steps.length === 0) return leaf;
  const [step, ...rest] = steps as [string | number, ...Array<string | number>];
  if (typeof step === 'number' && Array.isArray(v)) {
    const copy = [...(v as unknown[])];
    copy[step] = setAt(copy[step], rest, leaf);
    return copy;
  }
  if (typeof step === 'string' && isObject(v)) {
    const copy: Record<string, unknown> = { ...v };
    copy[step] = setAt(copy[step], rest, leaf);
    return copy;
  }
  return v;
}

/** Removes what was dropped: object keys are deleted, array elements spliced out. */
function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== dropped).map(compact);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== dropped) out[k] = compact(x);
    return out;
  }
  return v;
}

/** The id of a JSON record or row: the value at `idField` as a string, or null. */
export function idOf(value: unknown, idField: string): string | null {
  if (!isObject(value)) return null;
  const id = value[idField];
  if (typeof id === 'string') return id;
  if (typeof id === 'number' || typeof id === 'bigint') return String(id);
  return null;
}
