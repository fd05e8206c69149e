// A hand-made scan report for the report tests: every part filled, a truncated line list, a type set
// to keep, a hazard code left out of the filter and an attack string in a sample.

import type { ScanReport } from '../../src/scan/report-types.js';

export function scanReportFixture(): ScanReport {
  return {
    anjeon_version: '0.1.0',
    input: {
      path: 'data/corpus.jsonl.gz',
      format: 'jsonl',
      gzip: true,
      bytes: 12_345_678,
      fields: ['text', 'title'],
      id_field: 'id',
    },
    started_at: '2025-01-15T09:00:00.000Z',
    finished_at: '2025-01-15T09:01:05.000Z',
    elapsed_ms: 65_000,
    bytes_per_second: 189_933,
    records_per_second: 1_900,
    workers: 4,
    resumed: 0,
    records: 123_456,
    records_with_pii: 321,
    records_with_hazards: 45,
    findings: {
      pii: { kr_rrn: 40, phone: 200, email: 100, credit_card: 3 },
      hazards: { S1: 5, S10: 30, X3: 20 },
    },
    malformed: {
      count: 7,
      lines: [
        { line: 3, record: 2, reason: 'not JSON: Unexpected token' },
        { line: 10, record: 9, reason: 'invalid UTF-8' },
        { line: 11, record: 10, reason: 'not JSON: Unterminated string' },
        { line: 40, record: 39, reason: 'record longer than 16 MiB' },
        { line: 41, record: 40, reason: 'not JSON: Unexpected end' },
      ],
      listed_up_to: 5,
    },
    missing_field: {
      count: 2,
      lines: [
        { line: 77, record: 76, reason: 'no field text or title' },
        { line: 78, record: 77, reason: 'no field text or title' },
      ],
      listed_up_to: 5,
    },
    samples: {
      pii: {
        kr_rrn: ['900101-1******'],
        phone: ['010-****-5678'],
        email: ['k***@example.com', '<script>alert("x")</script>'],
      },
      hazards: { S10: ['그 **들은 다 ***'] },
    },
    detection: {
      pii: true,
      hazards: true,
      pii_types: ['kr_rrn', 'kr_frn', 'phone', 'email', 'credit_card', 'kr_brn', 'ip_address'],
      pii_min_confidence: 0.5,
      hazard_threshold: 0.5,
    },
    redaction: {
      output: 'out/corpus.redacted.jsonl',
      operators: { kr_rrn: 'mask', phone: 'tag', email: 'keep', credit_card: 'drop-record' },
      redacted: { kr_rrn: 40, phone: 200, credit_card: 3 },
      records_changed: 230,
      fields_dropped: 0,
      records_dropped: 3,
      malformed_copied: false,
    },
    filter: {
      output: 'out/corpus.filtered.jsonl',
      rejects: 'out/corpus.rejects.jsonl',
      threshold: 0.5,
      codes: ['S1', 'S10'],
      kept: 123_419,
      removed: 30,
      removed_by_code: { S1: 4, S10: 26 },
    },
    outputs: {
      findings: 'out/findings.jsonl',
      redact: 'out/corpus.redacted.jsonl',
      filter: 'out/corpus.filtered.jsonl',
      report: 'out/report.json',
    },
  };
}
