// Builds the scan report (report-types.ts) from the totals and the options.

import type { ChunkSettings } from './chunk.js';
import type { ScanReport } from './report-types.js';
import type { ScanOptions } from './scan.js';
import { listedLines, type ScanTotals } from './totals.js';

export interface RunFacts {
  gzip: boolean;
  totalBytes: number;
  /** Disk bytes this run read (a resumed run reads only the rest). */
  bytesThisRun: number;
  recordsThisRun: number;
  startedAt: string;
  elapsedMs: number;
  runMs: number;
  resumed: number;
  rejects: string | null;
}

const rate = (n: number, ms: number) => (ms > 0 ? Math.round((n / ms) * 1000) : 0);

export function buildReport(
  o: ScanOptions,
  s: ChunkSettings,
  t: ScanTotals,
  f: RunFacts,
  finishedAt = new Date().toISOString(),
): ScanReport {
  return {
    anjeon_version: o.version,
    input: {
      path: o.input,
      format: o.format,
      gzip: f.gzip,
      bytes: f.totalBytes,
      fields: o.format === 'txt' ? ['text'] : o.fields.split(',').map((x) => x.trim()),
      id_field: o.idField,
    },
    started_at: f.startedAt,
    finished_at: finishedAt,
    elapsed_ms: Math.round(f.elapsedMs),
    bytes_per_second: rate(f.bytesThisRun, f.runMs),
    records_per_second: rate(f.recordsThisRun, f.runMs),
    workers: o.workers,
    resumed: f.resumed,
    records: t.records,
    records_with_pii: t.recordsWithPii,
    records_with_hazards: t.recordsWithHazards,
    findings: { pii: t.pii, hazards: t.hazards },
    malformed: { count: t.malformedCount, lines: t.malformed, listed_up_to: listedLines },
    missing_field: { count: t.missingCount, lines: t.missing, listed_up_to: listedLines },
    samples: t.samples,
    detection: {
      pii: s.pii,
      hazards: s.hazards,
      pii_types: s.piiTypes,
      pii_min_confidence: s.piiMinConfidence,
      hazard_threshold: s.hazardThreshold,
    },
    redaction:
      s.redact && o.redact
        ? {
            output: o.redact,
            operators: s.redact.operators,
            redacted: t.redacted,
            records_changed: t.recordsChanged,
            fields_dropped: t.fieldsDropped,
            records_dropped: t.recordsDropped,
            malformed_copied: o.keepMalformed,
          }
        : null,
    filter:
      o.filter && f.rejects
        ? {
            output: o.filter,
            rejects: f.rejects,
            threshold: s.hazardThreshold,
            codes: o.filterCodes,
            kept: t.kept,
            removed: t.removed,
            removed_by_code: t.removedByCode,
          }
        : null,
    outputs: {
      findings: o.findings ?? null,
      redact: o.redact ?? null,
      filter: o.filter ?? null,
      report: o.report ?? null,
    },
  };
}
