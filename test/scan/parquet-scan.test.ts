// A Parquet input through the whole scan: windows, workers, findings and a JSONL redacted copy.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/scan.js';
import { jsonLines, scanOptions, tempDir } from './options.js';

const dir = tempDir();
const input = join(dir, 'rows.parquet');
const texts = Array.from({ length: 4500 }, (_, i) =>
  i % 9 === 0
    ? `문의 ${i}: 연락처 010-${String(2000 + (i % 7000)).padStart(4, '0')}-1234`
    : `row ${i}`,
);
parquetWriteFile({
  filename: input,
  columnData: [
    { name: 'doc_id', data: texts.map((_, i) => `d${i}`) },
    { name: 'text', data: texts },
  ],
  rowGroupSize: 1000,
});

describe('scan: Parquet', () => {
  it('finds PII in every row group, in order, with the id column, and writes JSONL copies', async () => {
    const findings = join(dir, 'f.jsonl');
    const redact = join(dir, 'r.jsonl');
    const report = await runScan(
      scanOptions(input, {
        format: 'parquet',
        idField: 'doc_id',
        findings,
        redact,
        workers: 2,
        hazards: false,
      }),
    );
    expect(report.records).toBe(4500);
    const found = jsonLines(findings);
    expect(found).toHaveLength(500);
    expect(found[1]).toMatchObject({ record: 9, id: 'd9', field: 'text', type: 'phone' });
    expect(found.map((f) => f.record)).toEqual(texts.flatMap((_, i) => (i % 9 === 0 ? [i] : [])));
    const rows = readFileSync(redact, 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(4500);
    expect(JSON.parse(rows[9]!)).toEqual({ doc_id: 'd9', text: '문의 9: 연락처 [PHONE]' });
  });

  it('does without an id column when the default one is absent', async () => {
    const report = await runScan(scanOptions(input, { format: 'parquet', hazards: false }));
    expect(report.records_with_pii).toBe(500);
  });
});
