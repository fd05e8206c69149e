// Reads a scan report (`anjeon scan --report R.json`) from disk: a zod schema of ScanReport whose
// first problem names the field, and JSON errors that name the line.

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { hazardCodes, piiTypes } from '../detect/types.js';
import { AnjeonError, inputError } from '../errors.js';
import { scanFormats } from '../scan/formats/format.js';
import { redactionOperators, type ScanReport } from '../scan/report-types.js';
import { jsonErrorOffset, lineAndColumn } from './json-syntax.js';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const piiType = z.enum(piiTypes);
const hazardCode = z.enum(hazardCodes);
const issues = z.object({
  count,
  lines: z.array(
    z.object({ line: z.number().int().positive(), record: count, reason: z.string() }),
  ),
  listed_up_to: count,
});

// Annotated with ScanReport so the checker fails here when the report's type changes.
export const scanReportSchema: z.ZodType<ScanReport> = z.object({
  anjeon_version: z.string(),
  input: z.object({
    path: z.string(),
    format: z.enum(scanFormats),
    gzip: z.boolean(),
    bytes: count,
    fields: z.array(z.string()),
    id_field: z.string(),
  }),
  started_at: z.string(),
  finished_at: z.string(),
  elapsed_ms: z.number().nonnegative(),
  bytes_per_second: z.number().nonnegative(),
  records_per_second: z.number().nonnegative(),
  workers: count,
  resumed: count,
  records: count,
  records_with_pii: count,
  records_with_hazards: count,
  findings: z.object({
    pii: z.partialRecord(piiType, count),
    hazards: z.partialRecord(hazardCode, count),
  }),
  malformed: issues,
  missing_field: issues,
  samples: z.object({
    pii: z.partialRecord(piiType, z.array(z.string())),
    hazards: z.partialRecord(hazardCode, z.array(z.string())),
  }),
  detection: z.object({
    pii: z.boolean(),
    hazards: z.boolean(),
    pii_types: z.array(piiType),
    pii_min_confidence: rate,
    hazard_threshold: rate,
  }),
  redaction: z
    .object({
      output: z.string(),
      operators: z.partialRecord(piiType, z.enum(redactionOperators)),
      redacted: z.partialRecord(piiType, count),
      records_changed: count,
      fields_dropped: count,
      records_dropped: count,
      malformed_copied: z.boolean(),
    })
    .nullable(),
  filter: z
    .object({
      output: z.string(),
      rejects: z.string(),
      threshold: rate,
      codes: z.union([z.array(hazardCode), z.literal('all')]),
      kept: count,
      removed: count,
      removed_by_code: z.partialRecord(hazardCode, count),
    })
    .nullable(),
  outputs: z.object({
    findings: z.string().nullable(),
    redact: z.string().nullable(),
    filter: z.string().nullable(),
    report: z.string().nullable(),
  }),
});

const hint = 'give the file that `anjeon scan INPUT --report R.json` wrote';

/** `input.fields[0]`, or `(the whole file)` for the top level. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(the whole file)';
}

/** Parses the text of a scan report; `file` is only used to name it in errors. */
export function parseScanReport(text: string, file: string): ScanReport {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // V8 appends a copy of the text to some messages; the location says more.
    const reason = (error as Error).message
      .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+$/, '');
    const offset = jsonErrorOffset(body);
    const at = offset < 0 ? null : lineAndColumn(body, offset);
    const where = at ? `:${at.line}:${at.column}` : '';
    throw inputError(`${file}${where}: not JSON (${reason})`, hint);
  }
  const parsed = scanReportSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`);
    const details = problems.slice(1, 6);
    if (problems.length > 6) details.push(`... and ${problems.length - 6} more`);
    throw inputError(`${file} is not an anjeon scan report: ${problems[0]}`, hint, details);
  }
  return parsed.data;
}

export function readScanReport(file: string): ScanReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AnjeonError('not_found', `${file}: no such file`, hint);
    throw inputError(`${file}: cannot read the file (${code ?? (error as Error).message})`);
  }
  return parseScanReport(text, file);
}
