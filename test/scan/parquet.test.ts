// Parquet input: windows return every row in order, resume and project columns, and errors name the file.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnjeonError } from '../../src/errors.js';
import { parseFieldPaths } from '../../src/scan/field-path.js';
import {
  parquetCodec,
  parquetColumnsFor,
  parquetRecords,
  parquetRowCount,
  parquetWindows,
  toCloneable,
} from '../../src/scan/formats/parquet.js';
import type { ParquetWindow } from '../../src/scan/formats/parquet.js';

const rowCount = 25;
const rowGroupSize = 10;
const bigId = 2n ** 60n + 1n;

function expectedRow(i: number) {
  return {
    id: i === 7 ? bigId.toString() : 1000 + i,
    text: `안녕하세요, ${i}번째 문장입니다.`,
    tags: i % 3 === 0 ? null : [`t${i}`, `태그${i}`],
    meta: { body: `본문 ${i}`, n: i },
    when: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
  };
}

const codecs = [
  { codec: 'SNAPPY', offsetIndex: true },
  { codec: 'GZIP', offsetIndex: false },
  { codec: 'BROTLI', offsetIndex: true },
] as const;

function writeFixture(filename: string, codec: string, offsetIndex: boolean) {
  const indices = Array.from({ length: rowCount }, (_, i) => i);
  parquetWriteFile({
    filename,
    codec: codec as 'SNAPPY',
    compressors: { GZIP: (b) => gzipSync(b), BROTLI: (b) => brotliCompressSync(b) },
    rowGroupSize,
    pageSize: 64, // several pages per row group
    columnData: [
      { name: 'id', data: indices.map((i) => (i === 7 ? bigId : BigInt(1000 + i))), offsetIndex },
      { name: 'text', data: indices.map((i) => expectedRow(i).text), offsetIndex },
      { name: 'tags', data: indices.map((i) => expectedRow(i).tags), offsetIndex },
      { name: 'meta', data: indices.map((i) => expectedRow(i).meta), offsetIndex },
      { name: 'when', data: indices.map((i) => new Date(expectedRow(i).when)), offsetIndex },
    ],
    schema: [
      { name: 'root', num_children: 5 },
      { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
      { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'meta', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'body', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'n', type: 'INT32', repetition_type: 'OPTIONAL' },
      {
        name: 'when',
        type: 'INT64',
        converted_type: 'TIMESTAMP_MILLIS',
        repetition_type: 'OPTIONAL',
      },
    ],
  });
}

async function collect(gen: AsyncGenerator<ParquetWindow>): Promise<ParquetWindow[]> {
  const out: ParquetWindow[] = [];
  for await (const w of gen) out.push(w);
  return out;
}

async function inputFailure(promise: Promise<unknown>): Promise<AnjeonError> {
  const e: unknown = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AnjeonError);
  expect((e as AnjeonError).code).toBe('input');
  return e as AnjeonError;
}

let dir: string;
const fixture = (codec: string) => join(dir, `${codec}.parquet`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjeon-parquet-'));
  for (const { codec, offsetIndex } of codecs) writeFixture(fixture(codec), codec, offsetIndex);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(codecs)('parquetWindows ($codec, offset index $offsetIndex)', ({ codec }) => {
  it('returns every row in order, in windows that stay inside row groups', async () => {
    const windows = await collect(parquetWindows(fixture(codec), { rowsPerWindow: 3 }));
    expect(windows.map((w) => w.firstRow)).toEqual([0, 3, 6, 9, 10, 13, 16, 19, 20, 23]);
    const rows = windows.flatMap((w) => w.rows);
    expect(rows).toEqual(Array.from({ length: rowCount }, (_, i) => expectedRow(i)));
    expect(structuredClone(rows)).toEqual(rows);
  });

  it('reports growing progress that ends at the file size', async () => {
    const windows = await collect(parquetWindows(fixture(codec), { rowsPerWindow: 4 }));
    const bytes = windows.map((w) => w.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes[0]).toBeGreaterThan(0);
    expect(bytes.at(-1)).toBe(statSync(fixture(codec)).size);
  });

  it('skips exactly the rows before startRow', async () => {
    const windows = await collect(
      parquetWindows(fixture(codec), { rowsPerWindow: 4, startRow: 12 }),
    );
    expect(windows[0]!.firstRow).toBe(12);
    const rows = windows.flatMap((w) => w.rows);
    expect(rows).toEqual(Array.from({ length: rowCount - 12 }, (_, i) => expectedRow(12 + i)));
  });

  it('reads only the requested columns', async () => {
    const windows = await collect(
      parquetWindows(fixture(codec), { rowsPerWindow: 7, columns: ['text', 'id', 'text'] }),
    );
    const rows = windows.flatMap((w) => w.rows);
    expect(rows).toHaveLength(rowCount);
    expect(rows[7]).toEqual({ id: bigId.toString(), text: expectedRow(7).text });
  });
});

describe('parquetWindows edges', () => {
  it('yields nothing when startRow is past the end', async () => {
    const windows = await collect(
      parquetWindows(fixture('SNAPPY'), { rowsPerWindow: 5, startRow: rowCount }),
    );
    expect(windows).toEqual([]);
  });

  it('counts rows from the footer', async () => {
    await expect(parquetRowCount(fixture('GZIP'))).resolves.toBe(rowCount);
  });

  it('names a missing column and lists the columns the file has', async () => {
    const e = await inputFailure(
      collect(parquetWindows(fixture('SNAPPY'), { rowsPerWindow: 5, columns: ['text', 'body'] })),
    );
    expect(e.message).toContain(fixture('SNAPPY'));
    expect(e.message).toContain('"body"');
    expect(e.message).toContain('id, text, tags, meta, when');
  });

  it('tells a non-Parquet file apart and suggests --format', async () => {
    const jsonl = join(dir, 'rows.parquet');
    writeFileSync(jsonl, '{"text":"안녕"}\n{"text":"hello"}\n');
    const e = await inputFailure(collect(parquetWindows(jsonl, { rowsPerWindow: 5 })));
    expect(e.message).toContain(jsonl);
    expect(e.message).toContain('not a Parquet file');
    expect(e.hint).toContain('--format');
    await inputFailure(parquetRowCount(jsonl));
  });

  it('reports a missing file as not found', async () => {
    const e: unknown = await parquetRowCount(join(dir, 'nope.parquet')).catch(
      (err: unknown) => err,
    );
    expect((e as AnjeonError).code).toBe('not_found');
  });
});

describe('parquetColumnsFor', () => {
  it('reads the top-level columns of the fields and the id column', () => {
    const fields = parseFieldPaths('text, meta.body, tags[*]');
    expect(parquetColumnsFor(fields, 'id')).toEqual(['text', 'meta', 'tags', 'id']);
    expect(parquetColumnsFor(parseFieldPaths('*.body'))).toBeUndefined();
  });
});

describe('parquet records and codec', () => {
  const codec = parquetCodec({ fields: parseFieldPaths('text,tags[*],meta.body'), idField: 'id' });

  it('numbers rows from firstRow, with 1-based lines', () => {
    const records = parquetRecords([expectedRow(12), expectedRow(13)], 12);
    expect(records.map((r) => [r.index, r.line, r.terminator])).toEqual([
      [12, 13, '\n'],
      [13, 14, '\n'],
    ]);
    expect(JSON.parse(records[0]!.text)).toEqual(expectedRow(12));
  });

  it('reads texts and ids, and writes edited rows as JSON', () => {
    const [record] = parquetRecords([expectedRow(7)], 7);
    const parsed = codec.parse(record!);
    expect(parsed.ok).toBe(true);
    const value = parsed.ok ? parsed.value : null;
    expect(codec.texts(value)).toEqual([
      { field: 'text', text: expectedRow(7).text },
      { field: 'tags[0]', text: 't7' },
      { field: 'tags[1]', text: '태그7' },
      { field: 'meta.body', text: '본문 7' },
    ]);
    expect(codec.id(value)).toBe(bigId.toString());
    const edits = new Map<string, string | null>([
      ['text', '[REDACTED]'],
      ['tags[1]', null],
    ]);
    expect(JSON.parse(codec.write(value, edits))).toEqual({
      ...expectedRow(7),
      text: '[REDACTED]',
      tags: ['t7'],
    });
    expect(() => codec.records('', { record: 0, line: 1 })).toThrow(/parquetWindows/);
  });

  it('makes decoded values clone- and JSON-safe', () => {
    const row = toCloneable({
      small: 42n,
      big: -(2n ** 63n),
      at: new Date(0),
      bytes: new Uint8Array([104, 105]),
      floats: new Float32Array([0.5]),
      nested: [{ n: 1n }],
    });
    expect(row).toEqual({
      small: 42,
      big: '-9223372036854775808',
      at: '1970-01-01T00:00:00.000Z',
      bytes: new Uint8Array([104, 105]),
      floats: [0.5],
      nested: [{ n: 1 }],
    });
    expect(JSON.parse(parquetRecords([row], 0)[0]!.text)).toMatchObject({ bytes: 'aGk=' });
  });
});
