// `anjeon scan`: streams an input through the workers and writes findings, a redacted copy, a
// filtered copy and a report, keeping record order and surviving interruption.

import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
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

/** `clean.jsonl` → `clean.rejects.jsonl`. */
export function rejectsName(filter: string): string {
  const m = /^(.*?)(\.[^./\\]+)?(\.gz)?$/.exec(filter)!;
  return `${m[1]}.rejects.jsonl`;
}

export function checkpointPath(o: ScanOptions): string | null {
  if (o.checkpoint) return o.checkpoint;
  const first = o.report ?? o.findings ?? o.redact ?? o.filter;
  return first ? `${first}.checkpoint.json` : null;
}

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
    if (path === o.input) throw inputError(`--${name} ${path} would overwrite the input`);
    files[name] = cp ? PartialFile.resume(path, cp.outputs[name] ?? 0) : PartialFile.create(path);
    if (!cp && (name === 'redact' || name === 'filter')) files[name].write(preamble);
  }
  return files;
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

/** Runs a scan to completion (or to an abort, after saving a checkpoint) and returns its report. */
export async function runScan(o: ScanOptions, hooks: ScanHooks = {}): Promise<ScanReport> {
  const settings = chunkSettings(o);
  const fp = fingerprint(o, settings);
  const source: ScanSource = await openSource(o);
  const cpFile = checkpointPath(o);
  const { identity, cp } = startingPoint(o, fp, cpFile, hooks);
  const files = openOutputs(o, cp, source.preamble);
  const totals: ScanTotals = cp?.totals ?? emptyTotals();
  const startedAt = cp?.started_at ?? new Date().toISOString();
  const priorMs = cp?.elapsed_ms ?? 0;
  const t0 = performance.now();
  let position: Position = cp?.position ?? source.start;
  let seq = cp?.seq ?? 0;
  let lastCheckpoint = performance.now();
  // Where the disk read starts: a plain file seeks to the checkpoint; gzip is read from the top.
  const diskAtStart = !cp || source.gzip ? 0 : source.diskOffset(position);
  let diskBytes = 0;
  const recordsAtStart = totals.records;

  const save = () => {
    if (!cpFile) return;
    const outputs: Record<string, number> = {};
    for (const [name, f] of Object.entries(files)) outputs[name] = f.bytes;
    writeCheckpoint(cpFile, {
      version: 1,
      input: identity,
      fingerprint: fp,
      position,
      seq,
      outputs,
      totals,
      resumed: (cp?.resumed ?? 0) + (cp ? 1 : 0),
      started_at: startedAt,
      elapsed_ms: priorMs + performance.now() - t0,
    });
    lastCheckpoint = performance.now();
  };

  const write = (out: ChunkOutput, c: SourceChunk) => {
    files.findings?.write(out.findings);
    files.redact?.write(out.redacted);
    files.filter?.write(out.filtered);
    files.rejects?.write(out.rejects);
    addChunk(totals, out.stats, o.samplesPerKind);
    position = c.after;
    seq = c.input.seq + 1;
    diskBytes = c.diskBytes;
    if (performance.now() - lastCheckpoint >= o.checkpointMs) save();
    hooks.progress?.({
      records: totals.records,
      diskBytes,
      totalBytes: source.totalBytes,
      elapsedMs: performance.now() - t0,
    });
  };

  const pool = new ScanPool(o.workers, source.codec, settings);
  const inFlight: Array<{ out: Promise<ChunkOutput>; chunk: SourceChunk }> = [];
  const limit = Math.max(2, o.workers * 3);
  let aborted = false;
  try {
    for await (const chunk of source.chunks(position, seq)) {
      const out = pool.submit(chunk.input);
      // Awaited in order below; this only keeps a failure from surfacing before its turn.
      out.catch(() => undefined);
      inFlight.push({ out, chunk });
      while (inFlight.length >= limit) {
        const next = inFlight.shift()!;
        write(await next.out, next.chunk);
      }
      if (hooks.signal?.aborted) {
        aborted = true;
        break;
      }
    }
    for (const next of inFlight.splice(0)) write(await next.out, next.chunk);
  } finally {
    await pool.close();
  }
  save();
  if (aborted) {
    for (const f of Object.values(files)) f.close();
    throw new AnjeonError(
      'runtime',
      'scan interrupted',
      `continue it with the same command and --resume (checkpoint: ${cpFile ?? 'none'})`,
    );
  }
  const runMs = performance.now() - t0;
  const report = buildReport(
    o,
    settings,
    totals,
    {
      gzip: source.gzip,
      totalBytes: source.totalBytes,
      bytesThisRun: Math.max(0, diskBytes - diskAtStart),
      recordsThisRun: totals.records - recordsAtStart,
      startedAt,
      elapsedMs: priorMs + runMs,
      runMs,
      resumed: (cp?.resumed ?? 0) + (cp ? 1 : 0),
      rejects: outputPaths(o).rejects ?? null,
    },
    new Date().toISOString(),
  );
  for (const f of Object.values(files)) f.commit();
  if (o.report) {
    writeFileSync(`${o.report}.partial`, `${JSON.stringify(report, null, 2)}\n`);
    renameSync(`${o.report}.partial`, o.report);
  }
  if (cpFile) removeCheckpoint(cpFile);
  return report;
}
