// One chunk of whole records through detection, redaction and filtering: what a worker does.

import { isUtf8 } from 'node:buffer';
import { detect } from '../detect/detector.js';
import { heads, type Head } from '../detect/model.js';
import { findPii } from '../detect/pii/index.js';
import type { HazardCode, PiiType } from '../detect/types.js';
import type { RawRecord, RecordCodec } from './formats/format.js';
import { ChunkWriter, bump, type FieldScan } from './chunk-writer.js';
import { redactText, type RedactionRules } from './redact.js';
import type { LineIssue } from './report-types.js';

export interface ChunkSettings {
  pii: boolean;
  piiTypes: PiiType[];
  piiMinConfidence: number;
  hazards: boolean;
  /** Calibrated score at which a hazard counts. */
  hazardThreshold: number;
  /** Records with a hazard in these codes go to the rejects; null when not filtering. */
  filter: { codes: HazardCode[] | 'all' } | null;
  redact: RedactionRules | null;
  findings: boolean;
  /** Which copies to build; the others are not assembled at all. */
  copies: { redact: boolean; filter: boolean };
  /** Outputs named .gz: each chunk's bytes become one gzip member (members concatenate). */
  gzip: { findings: boolean; redacted: boolean; filtered: boolean; rejects: boolean };
  keepMalformed: boolean;
  samplesPerKind: number;
  maxRecordBytes: number;
}

/** What the main thread hands a worker: bytes of whole records, or Parquet rows already read. */
export interface ChunkInput {
  seq: number;
  firstRecord: number;
  firstLine: number;
  data?: Uint8Array;
  records?: RawRecord[];
  /** A record too long to read, in place of data. */
  oversized?: { bytes: number };
}

export interface ChunkStats {
  records: number;
  recordsWithPii: number;
  recordsWithHazards: number;
  pii: Partial<Record<PiiType, number>>;
  hazards: Partial<Record<HazardCode, number>>;
  malformed: LineIssue[];
  missing: LineIssue[];
  samples: {
    pii: Partial<Record<PiiType, string[]>>;
    hazards: Partial<Record<HazardCode, string[]>>;
  };
  redacted: Partial<Record<PiiType, number>>;
  recordsChanged: number;
  fieldsDropped: number;
  recordsDropped: number;
  kept: number;
  removed: number;
  removedByCode: Partial<Record<HazardCode, number>>;
}

export interface ChunkOutput {
  seq: number;
  /** Bytes to append to each output, in record order. */
  findings: Uint8Array;
  redacted: Uint8Array;
  filtered: Uint8Array;
  rejects: Uint8Array;
  stats: ChunkStats;
}

/** Where each line of a chunk starts: what the byte views of records and bad lines are cut by. */
interface ChunkLines {
  data: Uint8Array;
  firstLine: number;
  starts: number[];
  /** Lines that are not valid UTF-8; empty for the common all-valid chunk. */
  bad: Set<number>;
}

function chunkLines(data: Uint8Array, firstLine: number): ChunkLines {
  const starts = [0];
  for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, i + 1)) starts.push(i + 1);
  const bad = new Set<number>();
  if (!isUtf8(data))
    starts.forEach((from, k) => {
      const to = k + 1 < starts.length ? starts[k + 1]! - 1 : data.length;
      if (!isUtf8(data.subarray(from, to))) bad.add(firstLine + k);
    });
  return { data, firstLine, starts, bad };
}

/**
 * The bytes of a record with an invalid UTF-8 line, its whole lines with their breaks (its text
 * was decoded with replacement characters, so only lines can cut it); null for a valid record.
 */
function invalidBytes(r: RawRecord, c: ChunkLines | null): Uint8Array | null {
  if (!c || c.bad.size === 0) return null;
  const lines = r.text.split('\n').length;
  let hit = false;
  for (let l = r.line; l < r.line + lines; l++) hit ||= c.bad.has(l);
  if (!hit) return null;
  const from = c.starts[r.line - c.firstLine]!;
  const to = c.starts[r.line - c.firstLine + lines] ?? c.data.length;
  return c.data.subarray(from, to);
}

/**
 * A valid record's own bytes in the chunk, terminator included, so an untouched record is copied
 * without encoding its text again. Null for the last record of an input without a final line
 * break (the copy adds one).
 */
function recordBytes(r: RawRecord, c: ChunkLines): Uint8Array | null {
  if (!r.terminator) return null;
  const from = c.starts[r.line - c.firstLine]!;
  return c.data.subarray(from, from + Buffer.byteLength(r.text) + r.terminator.length);
}

function rawRecords(input: ChunkInput, codec: RecordCodec) {
  if (input.records) return { records: input.records, lines: null };
  const data = input.data ?? new Uint8Array();
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return {
    records: codec.records(text, { record: input.firstRecord, line: input.firstLine }),
    lines: chunkLines(data, input.firstLine),
  };
}

/** A record too long to keep in memory safely; the same rule whether it arrived whole or not. */
export function tooLongReason(bytes: number): string {
  return `record longer than ${bytes} bytes; skipped`;
}

export function scanChunk(input: ChunkInput, codec: RecordCodec, s: ChunkSettings): ChunkOutput {
  const out = new ChunkWriter(input.seq, s);
  if (input.oversized) {
    const r = { index: input.firstRecord, line: input.firstLine, text: '', terminator: '' };
    out.malformed(r, tooLongReason(input.oversized.bytes), null);
    return out.result();
  }
  const { records, lines } = rawRecords(input, codec);
  for (const r of records) {
    const invalid = invalidBytes(r, lines);
    if (invalid) {
      out.malformed(r, 'invalid UTF-8', invalid);
      continue;
    }
    if (r.text.length * 3 > s.maxRecordBytes && Buffer.byteLength(r.text) > s.maxRecordBytes) {
      out.malformed(r, tooLongReason(s.maxRecordBytes), null);
      continue;
    }
    const parsed = codec.parse(r);
    if (!parsed.ok) out.malformed(r, parsed.reason, r);
    else scanRecord(r, parsed.value, codec, s, out, lines);
  }
  return out.result();
}

function scanField(field: string, text: string, s: ChunkSettings): FieldScan {
  const pii = s.pii ? findPii(text, { types: s.piiTypes, minConfidence: s.piiMinConfidence }) : [];
  const hazards =
    s.hazards && text.trim() !== ''
      ? detect(text, {
          role: 'assistant',
          pii: false,
          thresholds: uniformThresholds(s.hazardThreshold),
        }).categories
      : [];
  return { field, text, pii, hazards };
}

/** One threshold for every head, built once per value (a scan uses one). */
const thresholdSets = new Map<number, Partial<Record<Head, number>>>();
function uniformThresholds(t: number): Partial<Record<Head, number>> {
  let set = thresholdSets.get(t);
  if (!set) {
    set = Object.fromEntries(heads.map((h) => [h, t]));
    thresholdSets.set(t, set);
  }
  return set;
}

function scanRecord(
  r: RawRecord,
  value: unknown,
  codec: RecordCodec,
  s: ChunkSettings,
  out: ChunkWriter,
  lines: ChunkLines | null,
): void {
  const texts = codec.texts(value);
  if (texts.length === 0) out.missing(r);
  const id = codec.id(value);
  const fields = texts.map((t) => scanField(t.field, t.text, s));
  out.findings(r, id, fields);
  const codes = new Set(fields.flatMap((f) => f.hazards.map((h) => h.code)));
  const rejectFor = s.filter
    ? [...codes].filter((c) => s.filter!.codes === 'all' || s.filter!.codes.includes(c))
    : [];
  const edits = new Map<string, string | null>();
  let dropRecord = false;
  if (s.redact)
    for (const f of fields) {
      if (f.pii.length === 0) continue;
      const red = redactText(f.text, f.pii, s.redact);
      for (const t of red.redacted) bump(out.stats.redacted, t);
      if (red.redacted.length > 0) edits.set(f.field, red.text);
      if (red.text === null) out.stats.fieldsDropped++;
      dropRecord ||= red.dropRecord;
    }
  const copied = s.copies.redact || s.copies.filter;
  const line =
    edits.size > 0
      ? codec.write(value, edits)
      : (copied && lines && recordBytes(r, lines)) || r.text;
  if (edits.size > 0) out.stats.recordsChanged++;
  if (dropRecord) out.stats.recordsDropped++;
  const rejected = rejectFor.length > 0;
  if (rejected) out.reject(r, id, rejectFor, fields);
  else if (!dropRecord) out.stats.kept++;
  out.copy(r, line, { redact: !dropRecord, filter: !dropRecord && !rejected });
}
