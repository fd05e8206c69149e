// Builds one chunk's outputs (as bytes, in record order) and its counts.

import { gzipSync } from 'node:zlib';
import type { CategoryScore, HazardCode, PiiFinding } from '../detect/types.js';
import type { ChunkOutput, ChunkSettings, ChunkStats } from './chunk.js';
import type { RawRecord } from './formats/format.js';
import { maskedExcerpt } from './redact.js';

export interface FieldScan {
  field: string;
  text: string;
  pii: PiiFinding[];
  hazards: CategoryScore[];
}

/** Keeps the first few samples; the excerpt is only made for those (`make` is lazy). */
function sample<K extends string>(
  samples: Partial<Record<K, string[]>>,
  key: K,
  make: () => string,
  limit: number,
): void {
  const list = (samples[key] ??= []);
  if (list.length < limit) list.push(make());
}

export function bump<K extends string>(counts: Partial<Record<K, number>>, key: K, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

export function emptyStats(): ChunkStats {
  return {
    records: 0,
    recordsWithPii: 0,
    recordsWithHazards: 0,
    pii: {},
    hazards: {},
    malformed: [],
    missing: [],
    samples: { pii: {}, hazards: {} },
    redacted: {},
    recordsChanged: 0,
    fieldsDropped: 0,
    recordsDropped: 0,
    kept: 0,
    removed: 0,
    removedByCode: {},
  };
}

/** Text with the odd raw byte run (a record that is not valid UTF-8, copied unchanged). */
class Bytes {
  private text = '';
  private readonly parts: Uint8Array[] = [];

  /** Bytes are kept as views (copied once, at the end); adjacent views of one buffer are joined. */
  add(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      this.text += piece;
      return;
    }
    if (this.text) this.parts.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
    const last = this.parts[this.parts.length - 1];
    if (
      last &&
      last.buffer === piece.buffer &&
      last.byteOffset + last.byteLength === piece.byteOffset
    )
      this.parts[this.parts.length - 1] = new Uint8Array(
        last.buffer,
        last.byteOffset,
        last.byteLength + piece.byteLength,
      );
    else this.parts.push(piece);
  }

  bytes(): Uint8Array {
    if (this.parts.length === 0) return Buffer.from(this.text, 'utf8');
    return Buffer.concat([...this.parts, Buffer.from(this.text, 'utf8')]);
  }
}

/** Accumulates one chunk's outputs and counts. */
export class ChunkWriter {
  private readonly findingsOut = new Bytes();
  private readonly redactedOut = new Bytes();
  private readonly filteredOut = new Bytes();
  private readonly rejectsOut = new Bytes();
  readonly stats = emptyStats();

  constructor(
    readonly seq: number,
    readonly s: ChunkSettings,
  ) {}

  /** `raw` is what a copy may keep of it: its text, its bytes, or nothing (too long). */
  malformed(r: RawRecord, reason: string, raw: RawRecord | Uint8Array | null): void {
    this.stats.records++;
    this.stats.malformed.push({ line: r.line, record: r.index, reason });
    if (!this.s.keepMalformed || raw === null) return;
    const copy = raw instanceof Uint8Array ? raw : raw.text + (raw.terminator || '\n');
    if (this.s.copies.redact) this.redactedOut.add(copy);
    if (this.s.copies.filter) this.filteredOut.add(copy);
  }

  missing(r: RawRecord): void {
    this.stats.missing.push({ line: r.line, record: r.index, reason: 'no field to scan' });
  }

  /**
   * A record that goes on into the copies: its text, redacted or not, or its own input bytes
   * (terminator included) when it is unchanged.
   */
  copy(r: RawRecord, text: string | Uint8Array, into: { redact: boolean; filter: boolean }): void {
    const line = typeof text === 'string' ? text + (r.terminator || '\n') : text;
    if (into.redact && this.s.copies.redact) this.redactedOut.add(line);
    if (into.filter && this.s.copies.filter) this.filteredOut.add(line);
  }

  findings(r: RawRecord, id: string | null, fields: FieldScan[]): void {
    const st = this.stats;
    st.records++;
    let pii = false;
    let hazards = false;
    for (const f of fields) {
      for (const p of f.pii) {
        pii = true;
        bump(st.pii, p.type);
        const excerpt = () => maskedExcerpt(f.text, f.pii, p.start - 24, p.end + 24);
        sample(st.samples.pii, p.type, excerpt, this.s.samplesPerKind);
        if (this.s.findings) {
          const { type, value, start, end } = p;
          this.line(this.findingsOut, {
            record: r.index,
            id,
            field: f.field,
            type,
            value,
            start,
            end,
          });
        }
      }
      for (const h of f.hazards) {
        hazards = true;
        bump(st.hazards, h.code);
        sample(
          st.samples.hazards,
          h.code,
          () => maskedExcerpt(f.text, f.pii, 0, 80),
          this.s.samplesPerKind,
        );
        if (this.s.findings) {
          const { code, score } = h;
          this.line(this.findingsOut, {
            record: r.index,
            id,
            field: f.field,
            type: 'hazard',
            code,
            score,
          });
        }
      }
    }
    if (pii) st.recordsWithPii++;
    if (hazards) st.recordsWithHazards++;
  }

  reject(r: RawRecord, id: string | null, codes: HazardCode[], fields: FieldScan[]): void {
    this.stats.removed++;
    for (const c of codes) bump(this.stats.removedByCode, c);
    const reasons = fields.flatMap((f) =>
      f.hazards
        .filter((h) => codes.includes(h.code))
        .map((h) => ({ field: f.field, code: h.code, score: h.score })),
    );
    this.line(this.rejectsOut, { record: r.index, line: r.line, id, reasons, raw: r.text });
  }

  private line(into: Bytes, value: unknown): void {
    into.add(`${JSON.stringify(value)}\n`);
  }

  result(): ChunkOutput {
    // A chunk ends where a checkpoint may fall, so each is a whole gzip member: a resumed
    // output is cut back to a member boundary and goes on with the next one.
    const gz = this.s.gzip;
    const pack = (bytes: Uint8Array, on: boolean) =>
      on && bytes.length > 0 ? gzipSync(bytes, { level: 6 }) : bytes;
    return {
      seq: this.seq,
      findings: pack(this.findingsOut.bytes(), gz.findings),
      redacted: pack(this.redactedOut.bytes(), gz.redacted),
      filtered: pack(this.filteredOut.bytes(), gz.filtered),
      rejects: pack(this.rejectsOut.bytes(), gz.rejects),
      stats: this.stats,
    };
  }
}
