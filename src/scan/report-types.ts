// The scan report (`--report R.json`): what `anjeon report data-risk` documents. Field names are
// snake_case because the file is read by other tools.

import type { HazardCode, PiiType } from '../detect/types.js';
import type { ScanFormat } from './formats/format.js';

export const redactionOperators = [
  'mask',
  'tag',
  'hash',
  'drop-field',
  'drop-record',
  'keep',
] as const;
export type RedactionOperator = (typeof redactionOperators)[number];

export interface LineIssue {
  /** 1-based input line (for Parquet: the 1-based row). */
  line: number;
  /** 0-based record index. */
  record: number;
  reason: string;
}

export interface ScanReport {
  anjeon_version: string;
  input: {
    path: string;
    format: ScanFormat;
    gzip: boolean;
    /** Bytes read from disk (compressed size for gzip input). */
    bytes: number;
    fields: string[];
    id_field: string;
  };
  started_at: string;
  finished_at: string;
  elapsed_ms: number;
  /** Input bytes per second of elapsed time (over the bytes this run read, when resumed). */
  bytes_per_second: number;
  records_per_second: number;
  workers: number;
  /** How many times this scan was resumed from a checkpoint. */
  resumed: number;
  records: number;
  records_with_pii: number;
  records_with_hazards: number;
  findings: {
    pii: Partial<Record<PiiType, number>>;
    hazards: Partial<Record<HazardCode, number>>;
  };
  /** Records that could not be read: broken JSON, a bad CSV quote, invalid UTF-8, too long. */
  malformed: { count: number; lines: LineIssue[]; listed_up_to: number };
  /** Records without any of the fields to scan (a wrong --field shows up here). */
  missing_field: { count: number; lines: LineIssue[]; listed_up_to: number };
  /** A few findings per type and code, masked so the report itself holds no personal data. */
  samples: {
    pii: Partial<Record<PiiType, string[]>>;
    hazards: Partial<Record<HazardCode, string[]>>;
  };
  detection: {
    pii: boolean;
    hazards: boolean;
    pii_types: PiiType[];
    pii_min_confidence: number;
    /** Calibrated score at which a hazard counts (0.5 is each head's trained threshold). */
    hazard_threshold: number;
  };
  redaction: null | {
    output: string;
    operators: Partial<Record<PiiType, RedactionOperator>>;
    /** Findings redacted, per type. */
    redacted: Partial<Record<PiiType, number>>;
    records_changed: number;
    fields_dropped: number;
    records_dropped: number;
    malformed_copied: boolean;
  };
  filter: null | {
    output: string;
    rejects: string;
    threshold: number;
    codes: HazardCode[] | 'all';
    kept: number;
    removed: number;
    removed_by_code: Partial<Record<HazardCode, number>>;
  };
  outputs: {
    findings: string | null;
    redact: string | null;
    filter: string | null;
    report: string | null;
  };
}
