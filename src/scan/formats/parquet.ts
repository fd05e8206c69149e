// Parquet input: the main thread reads rows in bounded windows; workers scan each window as JSON rows.

import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { AnjeonError, inputError } from '../../errors.js';
import { idOf, selectTexts, withEdits } from '../field-path.js';
import type { FieldPath } from '../field-path.js';
import type { RawRecord, RecordCodec } from './format.js';

export interface ParquetWindow {
  /** 0-based index of `rows[0]` in the file. */
  firstRow: number;
  /** Plain rows that structured clone can pass to a worker (see `toCloneable`). */
  rows: Record<string, unknown>[];
  /** Approximate file bytes behind the rows up to this window's end, for progress (not bytes actually read). */
  bytesRead: number;
}

export interface ParquetWindowOptions {
  rowsPerWindow: number;
  /** Rows before this index are skipped (a resumed scan). */
  startRow?: number;
  /** Top-level columns to read; all when absent. */
  columns?: string[];
}

interface OpenParquet {
  file: AsyncBuffer;
  metadata: FileMetaData;
}

const magic = 'PAR1';

/** Rows in the file, from its footer. */
export async function parquetRowCount(path: string): Promise<number> {
  const { metadata } = await openParquet(path);
  return Number(metadata.num_rows);
}

/** The file's top-level column names, from its footer. */
export async function parquetColumnNames(path: string): Promise<string[]> {
  const { metadata } = await openParquet(path);
  return parquetSchema(metadata).children.map((c) => c.element.name);
}

/**
 * The file's rows, a window at a time. A window never spans two row groups, so the bytes it holds are
 * at most the selected columns' compressed chunks of one row group plus the window's decoded rows.
 */
export async function* parquetWindows(
  path: string,
  options: ParquetWindowOptions,
): AsyncGenerator<ParquetWindow> {
  const { rowsPerWindow, startRow = 0 } = options;
  if (!Number.isInteger(rowsPerWindow) || rowsPerWindow < 1)
    throw new Error(`rowsPerWindow must be a positive integer, not ${rowsPerWindow}`);
  if (!Number.isInteger(startRow) || startRow < 0)
    throw new Error(`startRow must be a non-negative integer, not ${startRow}`);
  const { file, metadata } = await openParquet(path);
  const columns = options.columns && checkColumns(path, metadata, options.columns);
  const cache = new WindowCache(file);
  const progress = progressOf(metadata, file.byteLength);
  let lastGroup = -1;
  for (const window of windowRanges(metadata, rowsPerWindow, startRow)) {
    cache.nextWindow(window.group === lastGroup);
    lastGroup = window.group;
    const rows = await readRows(path, { file: cache, metadata }, window, columns);
    yield { firstRow: window.start, rows, bytesRead: progress(window.group, window.end) };
  }
}

interface WindowRange {
  group: number;
  start: number;
  end: number;
}

function* windowRanges(
  metadata: FileMetaData,
  size: number,
  startRow: number,
): Generator<WindowRange> {
  let groupStart = 0;
  for (const [group, rowGroup] of metadata.row_groups.entries()) {
    const groupEnd = groupStart + Number(rowGroup.num_rows);
    for (let start = Math.max(groupStart, startRow); start < groupEnd; start += size)
      yield { group, start, end: Math.min(start + size, groupEnd) };
    groupStart = groupEnd;
  }
}

async function readRows(
  path: string,
  { file, metadata }: OpenParquet,
  { start, end }: WindowRange,
  columns: string[] | undefined,
): Promise<Record<string, unknown>[]> {
  try {
    const rows = await parquetReadObjects({
      file,
      metadata,
      compressors,
      rowStart: start,
      rowEnd: end,
      // Offset indexes, when the writer kept them, let a window fetch only its own pages.
      useOffsetIndex: true,
      ...(columns ? { columns } : {}),
    });
    return rows.map((row) => toCloneable(row) as Record<string, unknown>);
  } catch (e) {
    throw inputError(
      `${path}: cannot read rows ${start + 1}-${end}: ${messageOf(e)}`,
      'the file may be damaged or use a Parquet feature this reader does not support',
    );
  }
}

type Bytes = ReturnType<AsyncBuffer['slice']>;

/**
 * Keeps the byte ranges a window fetched for the next window of the same row group. Without an
 * offset index hyparquet fetches a column's whole chunk for every window inside a row group; this
 * reads it from disk once. Ranges the next window does not ask for again are let go, so it holds
 * no more than one window's fetches beyond what hyparquet holds itself.
 */
class WindowCache implements AsyncBuffer {
  readonly byteLength: number;
  private previous = new Map<string, Bytes>();
  private current = new Map<string, Bytes>();

  constructor(private readonly file: AsyncBuffer) {
    this.byteLength = file.byteLength;
  }

  slice(start: number, end?: number): Bytes {
    const key = `${start}:${end ?? ''}`;
    const bytes = this.current.get(key) ?? this.previous.get(key) ?? this.file.slice(start, end);
    this.current.set(key, bytes);
    return bytes;
  }

  nextWindow(sameGroup: boolean): void {
    this.previous = sameGroup ? this.current : new Map<string, Bytes>();
    this.current = new Map<string, Bytes>();
  }
}

/**
 * Bytes "consumed" after a window: the row groups before it and the read share of its own group, by
 * compressed size, scaled to the file's length so that the last window reports the whole file. It
 * assumes rows of a group are about the same size, and counts skipped rows (startRow) as read.
 */
function progressOf(
  metadata: FileMetaData,
  fileBytes: number,
): (group: number, end: number) => number {
  const totalRows = Number(metadata.num_rows);
  const groups: Array<{ firstRow: number; rows: number; bytesBefore: number; bytes: number }> = [];
  let firstRow = 0;
  let bytesBefore = 0;
  for (const g of metadata.row_groups) {
    const rows = Number(g.num_rows);
    const bytes = g.columns.reduce(
      (sum, c) => sum + Number(c.meta_data?.total_compressed_size ?? 0),
      0,
    );
    groups.push({ firstRow, rows, bytesBefore, bytes });
    firstRow += rows;
    bytesBefore += bytes;
  }
  const totalBytes = bytesBefore;
  return (group, end) => {
    if (end >= totalRows || totalBytes === 0)
      return Math.round(fileBytes * Math.min(end / Math.max(totalRows, 1), 1));
    // A window only exists inside a group that has rows, so g.rows > 0.
    const g = groups[group]!;
    const consumed = g.bytesBefore + (g.bytes * (end - g.firstRow)) / g.rows;
    return Math.round((fileBytes * consumed) / totalBytes);
  };
}

async function openParquet(path: string): Promise<OpenParquet> {
  let file: AsyncBuffer;
  try {
    file = await asyncBufferFromFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AnjeonError('not_found', `${path}: no such file`);
    throw inputError(`${path}: cannot open: ${messageOf(e)}`);
  }
  await checkMagic(path, file);
  try {
    return { file, metadata: await parquetMetadataAsync(file) };
  } catch (e) {
    throw inputError(
      `${path}: cannot read its Parquet footer: ${messageOf(e)}`,
      'the file may be truncated or damaged',
    );
  }
}

async function checkMagic(path: string, file: AsyncBuffer): Promise<void> {
  const n = file.byteLength;
  const ok =
    n >= 12 &&
    decodeAscii(await file.slice(0, 4)) === magic &&
    decodeAscii(await file.slice(n - 4, n)) === magic;
  if (!ok)
    throw inputError(
      `${path} is not a Parquet file (it does not begin and end with "${magic}")`,
      'pass --format to name its format, e.g. --format jsonl',
    );
}

function decodeAscii(bytes: ArrayBuffer): string {
  return String.fromCharCode(...new Uint8Array(bytes));
}

/** The columns to read, each checked against the file's top-level columns. */
function checkColumns(path: string, metadata: FileMetaData, wanted: string[]): string[] {
  const present = parquetSchema(metadata).children.map((c) => c.element.name);
  const columns = [...new Set(wanted)];
  const missing = columns.filter((c) => !present.includes(c));
  if (missing.length > 0)
    throw inputError(
      `${path}: no column ${missing.map((c) => `"${c}"`).join(', ')}; its columns are ${present.join(', ')}`,
      'check --field and --id-field against these names',
    );
  return columns;
}

/**
 * The top-level columns that `fields` and `idField` read, or undefined when a path starts with `*`
 * and so may read any column.
 */
export function parquetColumnsFor(
  fields: readonly FieldPath[],
  idField?: string,
): string[] | undefined {
  const names = new Set<string>();
  for (const f of fields) {
    const first = f.steps[0];
    if (!first || !('key' in first) || first.key === '*') return undefined;
    names.add(first.key);
  }
  if (idField) names.add(idField);
  return [...names];
}

/**
 * A copy of a decoded value that structured clone passes to a worker and JSON can write: BigInt
 * becomes a number when exact, else a string; a Date its ISO string; typed arrays other than
 * Uint8Array (binary, kept) plain arrays.
 */
export function toCloneable(value: unknown): unknown {
  if (typeof value === 'bigint')
    return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER
      ? Number(value)
      : value.toString();
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toCloneable);
  if (ArrayBuffer.isView(value))
    return Array.from(value as unknown as ArrayLike<unknown>, toCloneable);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toCloneable(v);
  return out;
}

/**
 * A window's rows as records: row i is record `firstRow + i` and "line" `firstRow + i + 1`, so
 * reports count rows from 1. Binary values are written as base64 strings.
 */
export function parquetRecords(rows: unknown[], firstRow: number): RawRecord[] {
  return rows.map((row, i) => ({
    index: firstRow + i,
    line: firstRow + i + 1,
    text: JSON.stringify(row, jsonValue),
    terminator: '\n',
  }));
}

function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return toCloneable(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/**
 * Reads and writes Parquet rows as JSON objects. Redacted or filtered output of a Parquet input is
 * therefore JSONL, one object per row, not Parquet.
 */
export function parquetCodec(options: { fields: FieldPath[]; idField?: string }): RecordCodec {
  const { fields, idField } = options;
  return {
    records() {
      throw new AnjeonError(
        'runtime',
        'Parquet rows come from parquetWindows and parquetRecords, not from byte chunks',
      );
    },
    parse(record) {
      try {
        return { ok: true, value: JSON.parse(record.text) as unknown };
      } catch (e) {
        return { ok: false, reason: messageOf(e) };
      }
    },
    texts: (value) => selectTexts(value, fields),
    id: (value) => (idField ? idOf(value, idField) : null),
    write: (value, edits) => JSON.stringify(withEdits(value, edits), jsonValue),
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
