// The checkpoint of an interrupted scan: where the input stands, how long each output is, and the
// totals so far. Written atomically after chunks are on disk; `--resume` continues from it.

import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { AnjeonError } from '../errors.js';
import type { Position } from './source.js';
import type { ScanTotals } from './totals.js';

export interface Checkpoint {
  version: 1;
  input: { path: string; size: number; mtime_ms: number };
  /** Hash of every setting that shapes the outputs: a resumed scan must use the same ones. */
  fingerprint: string;
  position: Position;
  seq: number;
  outputs: Record<string, number>;
  totals: ScanTotals;
  resumed: number;
  started_at: string;
  elapsed_ms: number;
}

export function inputIdentity(path: string): Checkpoint['input'] {
  const st = statSync(path);
  return { path, size: st.size, mtime_ms: Math.floor(st.mtimeMs) };
}

export function writeCheckpoint(file: string, cp: Checkpoint): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(cp));
  renameSync(`${file}.tmp`, file);
}

export function removeCheckpoint(file: string): void {
  if (existsSync(file)) unlinkSync(file);
}

/** Reads a checkpoint and refuses one that belongs to another input or other settings. */
export function readCheckpoint(
  file: string,
  input: Checkpoint['input'],
  fingerprint: string,
): Checkpoint {
  let cp: Checkpoint;
  try {
    cp = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch (error) {
    throw new AnjeonError(
      'input',
      `${file}: the checkpoint cannot be read (${(error as Error).message})`,
      'delete it to scan again from the start',
    );
  }
  const again = 'delete the checkpoint to scan again from the start';
  if (cp.version !== 1)
    throw new AnjeonError(
      'input',
      `${file}: checkpoint version ${String(cp.version)} is not known`,
      again,
    );
  if (cp.input.size !== input.size || cp.input.mtime_ms !== input.mtime_ms)
    throw new AnjeonError(
      'input',
      `cannot resume: ${input.path} changed since the interrupted scan (size or modification time)`,
      again,
    );
  if (cp.fingerprint !== fingerprint)
    throw new AnjeonError(
      'input',
      'cannot resume: the options differ from the interrupted scan (format, fields, operators, filter or outputs)',
      `run with the same options, or ${again}`,
    );
  return cp;
}
