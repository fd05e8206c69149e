// `anjeon scan`: streams an input through the workers and writes findings, a redacted copy, a
// filtered copy and a report, keeping record order and surviving interruption.

import { createHash } from 'node:crypto';
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HazardCode, PiiType } from '../detect/types.js';
import { AnjeonError, inputError } from '../errors.js';
import type { ChunkOutput, ChunkSettings } from './chunk.js';
import {
  inputIdentity,
  readCheckpoint,
  removeCheckpoint,
  writeCheckpoint,
  type Checkpoint,
} from './checkpoint.js';
import { PartialFile } from './outputs.js';
import { ScanPool } from './pool.js';
import { parseOperators } from './redact.js';
import { buildReport } from './report.js';
import type { ScanReport } from './report-types.js';
import { openSource, type ScanSource } from './sources.js';
import type { ScanFormat } from './formats/format.js';
import type { Position, SourceChunk } from './source.js';
import { addChunk, emptyTotals, type ScanTotals } from './totals.js';

export interface ScanOptions {
  input: string;
  format: ScanFormat;
  /** Field paths (JSONL, Parquet) or column names (CSV), comma-separated. */
  fields: string;
  idField: string;
  txtMode: 'line' | 'block';
  findings?: string;
  redact?: string;
  filter?: string;
  rejects?: string;
  report?: string;
  checkpoint?: string;
  workers: number;
  resume: boolean;
  pii: boolean;
  piiTypes: PiiType[];
  piiMinConfidence: number;
  hazards: boolean;
  hazardThreshold: number;
  filterCodes: HazardCode[] | 'all';
  operators?: string;
  salt: string | null;
  keepMalformed: boolean;
  chunkBytes: number;
  maxRecordBytes: number;
  /** How often the checkpoint is rewritten; 0 after every chunk. */
  checkpointMs: number;
  samplesPerKind: number;
  version: string;
}

export interface ScanProgress {
  records: number;
  diskBytes: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface ScanHooks {
  progress?(p: ScanProgress): void;
  /** When aborted, the scan finishes the chunks in flight, saves a checkpoint and throws. */
  signal?: AbortSignal;
  warn?(message: string): void;
}

type OutputName = 'findings' | 'redact' | 'filter' | 'rejects';

function outputPaths(o: ScanOptions): Partial<Record<OutputName, string>> {
  const paths: Partial<Record<OutputName, string>> = {};
  if (o.findings) paths.findings = o.findings;
  if (o.redact) paths.redact = o.redact;
  if (o.filter) {
    paths.filter = o.filter;
    paths.rejects = o.rejects ?? rejectsName(o.filter);
  }
  return paths;
}

/** `clean.jsonl` → `clean.rejects.jsonl`; `clean.csv.gz` → `clean.rejects.jsonl.gz`. */
export function rejectsName(filter: string): string {
  const m = /^(.*?)(\.[^./\\]+)?(\.gz)?$/.exec(filter)!;
  return `${m[1]}.rejects.jsonl${m[3] ?? ''}`;
}

export function checkpointPath(o: ScanOptions): string | null {
  if (o.checkpoint) return o.checkpoint;
  const first = o.report ?? o.findings ?? o.redact ?? o.filter;
  return first ? `${first}.checkpoint.json` : null;
}

/** An output named .gz is written gzip-compressed. */
const gzipped = (path: string | undefined) => path !== undefined && /\.gz$/i.test(path);

function chunkSettings(o: ScanOptions): ChunkSettings {
  return {
    pii: o.pii,
    piiTypes: o.piiTypes,
    piiMinConfidence: o.piiMinConfidence,
    hazards: o.hazards || Boolean(o.filter),
    hazardThreshold: o.hazardThreshold,
    filter: o.filter ? { codes: o.filterCodes } : null,
    redact: o.redact ? parseOperators(o.operators, o.salt) : null,
    findings: Boolean(o.findings),
    copies: { redact: Boolean(o.redact), filter: Boolean(o.filter) },
    gzip: {
      findings: gzipped(o.findings),
      redacted: gzipped(o.redact),
      filtered: gzipped(o.filter),
      rejects: gzipped(outputPaths(o).rejects),
    },
    keepMalformed: o.keepMalformed,
    samplesPerKind: o.samplesPerKind,
    maxRecordBytes: o.maxRecordBytes,
  };
}

function fingerprint(o: ScanOptions, s: ChunkSettings): string {
  const shape = {
    format: o.format,
    fields: o.fields,
    idField: o.idField,
    txtMode: o.txtMode,
    outputs: outputPaths(o),
    report: o.report ?? null,
    settings: { ...s, redact: s.redact ? { ...s.redact, salt: null } : null },
    salt: o.salt ? createHash('sha256').update(o.salt).digest('hex') : null,
    maxRecordBytes: o.maxRecordBytes,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}

function openOutputs(
  o: ScanOptions,
  cp: Checkpoint | null,
  preamble: string,
): Partial<Record<OutputName, PartialFile>> {
  const files: Partial<Record<OutputName, PartialFile>> = {};
  for (const [name, path] of Object.entries(outputPaths(o)) as Array<[OutputName, string]>) {
    files[name] = cp ? PartialFile.resume(path, cp.outputs[name] ?? 0) : PartialFile.create(path);
    if (!cp && preamble && (name === 'redact' || name === 'filter'))
      files[name].write(gzipped(path) ? gzipSync(preamble) : preamble);
  }
  return files;
}

/** Every output in a folder that exists, none the input, none shared by two outputs. */
export function checkOutputs(o: ScanOptions): void {
  const named: Array<[string, string]> = Object.entries(outputPaths(o)).map(([n, p]) => [
    `--${n}`,
    p,
  ]);
  if (o.report) named.push(['--report', o.report]);
  const seen = new Map<string, string>();
  for (const [option, path] of named) {
    const full = resolve(path);
    if (full === resolve(o.input)) throw inputError(`${option} ${path} would overwrite the input`);
    const other = seen.get(full);
    if (other)
      throw inputError(`${option} and ${other} both name ${path}`, 'give each output its own file');
    seen.set(full, option);
    const folder = dirname(full);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw inputError(`${option} ${path}: the folder ${folder} does not exist`, 'create it first');
    if (o.format === 'parquet' && option !== '--report' && /\.parquet$/i.test(path))
      throw inputError(
        `${option} ${path}: copies and findings of a Parquet input are JSONL`,
        'name the file .jsonl',
      );
  }
}

function startingPoint(o: ScanOptions, fp: string, cpFile: string | null, hooks: ScanHooks) {
  const identity = inputIdentity(o.input);
  if (!cpFile) {
    if (o.resume)
      throw inputError(
        '--resume needs an output to resume',
        'name --report, --findings, --redact or --filter',
      );
    return { identity, cp: null };
  }
  if (existsSync(cpFile)) {
    if (!o.resume)
      throw new AnjeonError(
        'input',
        `an interrupted scan left ${cpFile}`,
        'add --resume to continue it, or delete that file to scan again from the start',
      );
    return { identity, cp: readCheckpoint(cpFile, identity, fp) };
  }
  if (o.resume) hooks.warn?.(`no checkpoint at ${cpFile}: scanning from the start`);
  return { identity, cp: null };
}

/** What a run has written so far; saved as the checkpoint, and the source of the report. */
class ScanState {
  position: Position;
  seq: number;
  diskBytes = 0;
  readonly totals: ScanTotals;
  readonly startedAt: string;
  readonly resumed: number;
  private readonly t0 = performance.now();
  private lastSave = performance.now();

  constructor(
    private readonly o: ScanOptions,
    private readonly files: Partial<Record<OutputName, PartialFile>>,
    private readonly cp: Checkpoint | null,
    start: Position,
  ) {
    this.position = cp?.position ?? start;
    this.seq = cp?.seq ?? 0;
    this.totals = cp?.totals ?? emptyTotals();
    this.startedAt = cp?.started_at ?? new Date().toISOString();
    this.resumed = (cp?.resumed ?? 0) + (cp ? 1 : 0);
  }

  get runMs(): number {
    return performance.now() - this.t0;
  }

  get elapsedMs(): number {
    return (this.cp?.elapsed_ms ?? 0) + this.runMs;
  }

  /** Appends a chunk's outputs, in order, and counts it. */
  write(out: ChunkOutput, c: SourceChunk): void {
    this.files.findings?.write(out.findings);
    this.files.redact?.write(out.redacted);
    this.files.filter?.write(out.filtered);
    this.files.rejects?.write(out.rejects);
    addChunk(this.totals, out.stats, this.o.samplesPerKind);
    this.position = c.after;
    this.seq = c.input.seq + 1;
    this.diskBytes = c.diskBytes;
  }

  /** Writes the checkpoint now, or when `checkpointMs` has passed since the last one. */
  save(file: string | null, identity: Checkpoint['input'], fp: string, force: boolean): void {
    if (!file || (!force && performance.now() - this.lastSave < this.o.checkpointMs)) return;
    const outputs: Record<string, number> = {};
    for (const [name, f] of Object.entries(this.files)) outputs[name] = f.bytes;
    writeCheckpoint(file, {
      version: 1,
      input: identity,
      fingerprint: fp,
      position: this.position,
      seq: this.seq,
      outputs,
      totals: this.totals,
      resumed: this.resumed,
      started_at: this.startedAt,
      elapsed_ms: this.elapsedMs,
    });
    this.lastSave = performance.now();
  }
}

/** Feeds chunks to the pool and writes results in order, a bounded number in flight. */
async function pump(
  source: ScanSource,
  pool: ScanPool,
  state: ScanState,
  limit: number,
  afterWrite: () => void,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const inFlight: Array<{ out: Promise<ChunkOutput>; chunk: SourceChunk }> = [];
  const next = async () => {
    const { out, chunk } = inFlight.shift()!;
    state.write(await out, chunk);
    afterWrite();
  };
  for await (const chunk of source.chunks(state.position, state.seq)) {
    const out = pool.submit(chunk.input);
    // Awaited in order below; this only keeps a failure from surfacing before its turn.
    out.catch(() => undefined);
    inFlight.push({ out, chunk });
    while (inFlight.length >= limit) await next();
    if (signal?.aborted) break;
  }
  while (inFlight.length > 0) await next();
  return signal?.aborted ?? false;
}

function writeReport(path: string, report: ScanReport): void {
  writeFileSync(`${path}.partial`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${path}.partial`, path);
}

/** Runs a scan to completion (or to an abort, after saving a checkpoint) and returns its report. */
export async function runScan(o: ScanOptions, hooks: ScanHooks = {}): Promise<ScanReport> {
  checkOutputs(o);
  const settings = chunkSettings(o);
  const fp = fingerprint(o, settings);
  const source = await openSource(o);
  const cpFile = checkpointPath(o);
  const { identity, cp } = startingPoint(o, fp, cpFile, hooks);
  const files = openOutputs(o, cp, source.preamble);
  const state = new ScanState(o, files, cp, source.start);
  // Where the disk read starts: a plain file seeks to the checkpoint; gzip is read from the top.
  const diskAtStart = !cp || source.gzip ? 0 : source.diskOffset(state.position);
  const recordsAtStart = state.totals.records;
  const afterWrite = () => {
    state.save(cpFile, identity, fp, false);
    hooks.progress?.({
      records: state.totals.records,
      diskBytes: state.diskBytes,
      totalBytes: source.totalBytes,
      elapsedMs: state.runMs,
    });
  };
  const pool = await ScanPool.start(o.workers, source.codec, settings);
  let aborted: boolean;
  try {
    aborted = await pump(source, pool, state, Math.max(2, o.workers * 3), afterWrite, hooks.signal);
  } finally {
    await pool.close();
  }
  state.save(cpFile, identity, fp, true);
  if (aborted) {
    for (const f of Object.values(files)) f.close();
    const hint = `continue it with the same command and --resume (checkpoint: ${cpFile ?? 'none'})`;
    throw new AnjeonError('runtime', 'scan interrupted', hint);
  }
  const report = buildReport(o, settings, state.totals, {
    gzip: source.gzip,
    totalBytes: source.totalBytes,
    bytesThisRun: Math.max(0, state.diskBytes - diskAtStart),
    recordsThisRun: state.totals.records - recordsAtStart,
    startedAt: state.startedAt,
    elapsedMs: state.elapsedMs,
    runMs: state.runMs,
    resumed: state.resumed,
    rejects: outputPaths(o).rejects ?? null,
  });
  for (const f of Object.values(files)) f.commit();
  if (o.report) writeReport(o.report, report);
  if (cpFile) removeCheckpoint(cpFile);
  return report;
}
