// Opens an input for scanning: its format's splitter and codec, the CSV header, gzip, and the
// stream of chunks from a given position.

import { existsSync, statSync } from 'node:fs';
import { inputError } from '../errors.js';
import { parseFieldPaths } from './field-path.js';
import type { ChunkInput } from './chunk.js';
import { csvHeader, csvSplitter, missingColumns } from './formats/csv.js';
import type { RecordSplitter, ScanFormat } from './formats/format.js';
import type { CodecSpec } from './formats/index.js';
import { lineSplitter } from './formats/jsonl.js';
import {
  parquetColumnNames,
  parquetColumnsFor,
  parquetRecords,
  parquetRowCount,
  parquetWindows,
} from './formats/parquet.js';
import { txtSplitter } from './formats/txt.js';
import { byteChunks, bytesFrom, isGzip, type Position, type SourceChunk } from './source.js';

export interface SourceSettings {
  input: string;
  format: ScanFormat;
  fields: string;
  idField: string;
  txtMode: 'line' | 'block';
  chunkBytes: number;
  maxRecordBytes: number;
}

export interface ScanSource {
  gzip: boolean;
  /** Size on disk, for progress and the report. */
  totalBytes: number;
  codec: CodecSpec;
  /** Written at the top of the redacted and filtered copies (the CSV header). */
  preamble: string;
  /** Where reading starts when nothing was read yet (after a CSV header). */
  start: Position;
  chunks(from: Position, firstSeq: number): AsyncGenerator<SourceChunk>;
  /** The disk offset a position corresponds to (estimated for Parquet), for rates after a resume. */
  diskOffset(at: Position): number;
}

const parquetWindowRows = 2000;

export async function openSource(s: SourceSettings): Promise<ScanSource> {
  if (!existsSync(s.input)) throw inputError(`${s.input}: no such file`);
  if (!statSync(s.input).isFile())
    throw inputError(`${s.input} is a folder, not a file`, 'scan one file at a time');
  const totalBytes = statSync(s.input).size;
  if (s.format === 'parquet') return parquetSource(s, totalBytes);
  const gzip = isGzip(s.input);
  const origin: Position = { offset: 0, record: 0, line: 1 };
  const chunksWith =
    (splitter: RecordSplitter) =>
    (from: Position, firstSeq: number): AsyncGenerator<SourceChunk> =>
      byteChunks(s.input, {
        gzip,
        splitter,
        chunkBytes: s.chunkBytes,
        maxRecordBytes: s.maxRecordBytes,
        start: from,
        firstSeq,
      });
  if (s.format === 'csv' || s.format === 'tsv') {
    const delimiter = s.format === 'tsv' ? '\t' : ',';
    const header = await readHeader(s, gzip, delimiter);
    const fields = s.fields
      .split(',')
      .map((f: string) => f.trim())
      .filter(Boolean);
    const missing = missingColumns(header.columns, fields);
    if (missing.length > 0)
      throw inputError(
        `${s.input}: no column ${missing.map((m) => `"${m}"`).join(', ')}`,
        `the header has: ${header.columns.join(', ')}; choose with --field`,
      );
    return {
      gzip,
      totalBytes,
      codec: { format: s.format, delimiter, columns: header.columns, fields, idField: s.idField },
      preamble: header.text,
      diskOffset: (at) => at.offset,
      start: { offset: header.end, record: 0, line: 1 + header.lines },
      chunks: chunksWith(csvSplitter(delimiter, s.maxRecordBytes)),
    };
  }
  const txt = s.format === 'txt';
  return {
    gzip,
    totalBytes,
    codec: txt
      ? { format: 'txt', mode: s.txtMode }
      : { format: 'jsonl', fields: s.fields, idField: s.idField },
    preamble: '',
    diskOffset: (at) => at.offset,
    start: origin,
    chunks: chunksWith(txt ? txtSplitter(s.txtMode, s.maxRecordBytes) : lineSplitter),
  };
}

/** Reads just enough of the input to parse the CSV header. */
async function readHeader(s: SourceSettings, gzip: boolean, delimiter: string) {
  let buf = Buffer.alloc(0);
  let ended = true;
  for await (const piece of bytesFrom(s.input, gzip, 0, { bytes: 0 })) {
    buf = Buffer.concat([buf, piece]);
    const header = csvHeader(buf, delimiter);
    if (header) return { ...header, text: buf.subarray(0, header.end).toString('utf8') };
    if (buf.length > s.maxRecordBytes) {
      ended = false;
      break;
    }
  }
  // The input ended first: a header without a line break is still a header.
  const header = ended && buf.length > 0 ? csvHeader(buf, delimiter, true) : null;
  if (header) return { ...header, text: buf.subarray(0, header.end).toString('utf8') };
  throw inputError(`${s.input}: no header row`, 'a CSV file starts with its column names');
}

async function parquetSource(s: SourceSettings, totalBytes: number): Promise<ScanSource> {
  const fields = parseFieldPaths(s.fields);
  // The id column is optional (the default 'id' may not exist); the fields' columns are not.
  const present = await parquetColumnNames(s.input);
  const columns = parquetColumnsFor(fields, present.includes(s.idField) ? s.idField : undefined);
  const rows = await parquetRowCount(s.input);
  return {
    gzip: false,
    totalBytes,
    codec: { format: 'parquet', fields: s.fields, idField: s.idField },
    preamble: '',
    diskOffset: (at) => (rows > 0 ? Math.round((at.record / rows) * totalBytes) : 0),
    start: { offset: 0, record: 0, line: 1 },
    async *chunks(from, firstSeq) {
      let seq = firstSeq;
      for await (const w of parquetWindows(s.input, {
        rowsPerWindow: parquetWindowRows,
        startRow: from.record,
        ...(columns ? { columns } : {}),
      })) {
        const input: ChunkInput = {
          seq: seq++,
          firstRecord: w.firstRow,
          firstLine: w.firstRow + 1,
          records: parquetRecords(w.rows, w.firstRow),
        };
        const next = w.firstRow + w.rows.length;
        yield {
          input,
          after: { offset: next, record: next, line: next + 1 },
          diskBytes: rows > 0 ? Math.round((next / rows) * totalBytes) : w.bytesRead,
        };
      }
    },
  };
}
