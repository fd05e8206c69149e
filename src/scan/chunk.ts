// One chunk of whole records through detection, redaction and filtering: what a worker does.

import { isUtf8 } from 'node:buffer';
import { detect } from '../detect/detector.js';
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

/**
 * Where each line of a chunk that is not all valid UTF-8 starts, so the records on its bad lines
 * can be reported and, when asked, copied byte for byte. Null for the common all-valid chunk.
 */
function badLines(data: Uint8Array, firstLine: number): BadLines | null {
  if (isUtf8(data)) return null;
  const starts: number[] = [];
  const bad = new Set<number>();
  for (let from = 0, line = firstLine; from < data.length; line++) {
    let to = data.indexOf(0x0a, from);
    if (to === -1) to = data.length;
    starts.push(from);
    if (!isUtf8(data.subarray(from, to))) bad.add(line);
    from = to + 1;
  }
  return { data, firstLine, starts, bad };
}

interface BadLines {
  data: Uint8Array;
  firstLine: number;
  starts: number[];
  bad: Set<number>;
}

/** The record's bytes with its terminator, or null when all its lines are valid UTF-8. */
function invalidBytes(r: RawRecord, b: BadLines | null): Uint8Array | null {
  if (!b) return null;
  const lines = r.text.split('\n').length;
  let hit = false;
  for (let l = r.line; l < r.line + lines; l++) hit ||= b.bad.has(l);
  if (!hit) return null;
  const from = b.starts[r.line - b.firstLine]!;
  const to = b.starts[r.line - b.firstLine + lines] ?? b.data.length;
  return b.data.subarray(from, to);
}

function rawRecords(input: ChunkInput, codec: RecordCodec) {
  if (input.records) return { records: input.records, bad: null, bytes: null };
  const data = input.data ?? new Uint8Array();
  const bad = badLines(data, input.firstLine);
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return {
    records: codec.records(text, { record: input.firstRecord, line: input.firstLine }),
    bad,
    bytes: recordBytes(data, input.firstLine),
  };
}

/**
 * A record's own bytes in the chunk, terminator included, so an untouched record is copied
 * without encoding its text again. Null for the last record of an input without a final line
 * break (the copy adds one).
 */
function recordBytes(data: Uint8Array, firstLine: number): (r: RawRecord) => Uint8Array | null {
  const starts = [0];
  for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, i + 1)) starts.push(i + 1);
  return (r) => {
    if (!r.terminator) return null;
    const from = starts[r.line - firstLine]!;
    return data.subarray(from, from + Buffer.byteLength(r.text) + r.terminator.length);
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
  const { records, bad, bytes } = rawRecords(input, codec);
  for (const r of records) {
    const invalid = invalidBytes(r, bad);
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
    else scanRecord(r, parsed.value, codec, s, out, bytes);
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

const thresholdCache = new Map<number, Record<string, number>>();
function uniformThresholds(t: number): Record<string, number> {
  let m = thresholdCache.get(t);
  if (!m) {
    m = new Proxy({}, { get: () => t });
    thresholdCache.set(t, m);
  }
  return m;
}

function scanRecord(
  r: RawRecord,
  value: unknown,
  codec: RecordCodec,
  s: ChunkSettings,
  out: ChunkWriter,
  bytes: ((r: RawRecord) => Uint8Array | null) | null,
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
  const line = edits.size > 0 ? codec.write(value, edits) : (copied && bytes?.(r)) || r.text;
  if (edits.size > 0) out.stats.recordsChanged++;
  if (dropRecord) out.stats.recordsDropped++;
  const rejected = rejectFor.length > 0;
  if (rejected) out.reject(r, id, rejectFor, fields);
  else if (!dropRecord) out.stats.kept++;
  out.copy(r, line, { redact: !dropRecord, filter: !dropRecord && !rejected });
}
