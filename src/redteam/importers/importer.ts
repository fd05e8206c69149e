// What an importer is: it recognises another tool's result file and turns it into anjeon result lines.

import type { ProbeCode, ResultLine } from '../types.js';

/** A row of the source that did not become a line, and why (nothing is dropped silently). */
export interface Skipped {
  /** file:line, or the file and the field path of the row. */
  where: string;
  reason: string;
}

/** One imported run, before the registry stamps which tool it came from. */
export interface ImportedRun {
  /** The file read. */
  source: string;
  /** The model or endpoint the source tested, as the source names it. */
  target: string | null;
  /** What ran, named after the source: "promptfoo:<description>", "inspect:<task>", "garak:<probes>". */
  suite: string;
  lines: ResultLine[];
  skipped: Skipped[];
}

export interface ImportOptions {
  /** The hazard or attack code for rows whose source names no category anjeon can map. */
  defaultCode?: ProbeCode;
  /**
   * Inspect: the score value that means the sample failed (default "I"). A letter is compared as
   * is; a number is a threshold: a numeric score at or above it means failure (StrongREJECT-style).
   */
  successValue?: string | number;
  /** Inspect: the scorer to read when samples carry several (default: the first). */
  scorer?: string;
  /** promptfoo: the provider id or label to import when the file tested several targets. */
  target?: string;
}

export interface Importer {
  /** The files it reads, as a person would name them (used in error hints). */
  readonly formats: string;
  /** Whether the start of a file looks like this tool's output. */
  detect(file: string, head: string, bytes: Uint8Array): boolean;
  read(file: string, bytes: Buffer, options: ImportOptions): ImportedRun;
}
