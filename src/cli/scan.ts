// `anjeon scan`: find, redact and filter personal data and hazards in a training corpus.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { hazardCodes, piiTypes, type HazardCode, type PiiType } from '../detect/types.js';
import { AnjeonError, inputError } from '../errors.js';
import { scanFormats, type ScanFormat } from '../scan/formats/format.js';
import { formatFromName } from '../scan/formats/index.js';
import type { ScanOptions } from '../scan/scan.js';
import { writeJson, type Io } from './io.js';
import { ExitWith, exitCodes, VERSION } from './program.js';
import { progressReporter, renderScanSummary } from './scan-view.js';

/** The options as commander parses them; the output paths pass through to ScanOptions unchanged. */
interface ScanFlags extends Pick<
  ScanOptions,
  'findings' | 'redact' | 'filter' | 'rejects' | 'report' | 'checkpoint' | 'operators'
> {
  format?: ScanFormat;
  field: string;
  idField: string;
  txtRecords: 'line' | 'block';
  piiTypes?: string;
  minConfidence: string;
  pii: boolean;
  hazards: boolean;
  threshold: string;
  filterCodes?: string;
  keepMalformed?: boolean;
  workers?: string;
  resume?: boolean;
  chunkBytes: string;
  maxRecordBytes: string;
  json?: boolean;
  failOnFindings?: boolean;
}

function listOf<T extends string>(spec: string, known: readonly T[], option: string): T[] {
  const items = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items)
    if (!(known as readonly string[]).includes(item))
      throw inputError(`${option}: "${item}" is not known`, `use any of: ${known.join(', ')}`);
  return items as T[];
}

function numberIn(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw inputError(`${option} ${value} is not a number from ${min} to ${max}`);
  return n;
}

export function scanOptions(input: string, f: ScanFlags, env: Io['env']): ScanOptions {
  if (!existsSync(input)) throw inputError(`${input}: no such file`);
  const format = f.format ?? formatFromName(input);
  if (!format)
    throw inputError(
      `${input}: the format cannot be told from the name`,
      `pass --format (${scanFormats.join(', ')})`,
    );
  return {
    input,
    format,
    fields: format === 'txt' ? 'text' : f.field,
    idField: f.idField,
    txtMode: f.txtRecords,
    findings: f.findings,
    redact: f.redact,
    filter: f.filter,
    rejects: f.rejects,
    report: f.report,
    checkpoint: f.checkpoint,
    workers:
      f.workers === undefined ? availableParallelism() : numberIn(f.workers, '--workers', 0, 256),
    resume: Boolean(f.resume),
    pii: f.pii,
    piiTypes: f.piiTypes ? listOf<PiiType>(f.piiTypes, piiTypes, '--pii-types') : [...piiTypes],
    piiMinConfidence: numberIn(f.minConfidence, '--min-confidence', 0, 1),
    hazards: f.hazards,
    hazardThreshold: numberIn(f.threshold, '--threshold', 0, 1),
    filterCodes: f.filterCodes
      ? listOf<HazardCode>(f.filterCodes, hazardCodes, '--filter-codes')
      : 'all',
    operators: f.operators,
    salt: env.ANJEON_SCAN_SALT ?? null,
    keepMalformed: Boolean(f.keepMalformed),
    chunkBytes: numberIn(f.chunkBytes, '--chunk-bytes', 1, 1 << 30),
    maxRecordBytes: numberIn(f.maxRecordBytes, '--max-record-bytes', 1, 1 << 30),
    checkpointMs: Number(env.ANJEON_SCAN_CHECKPOINT_MS ?? 1000),
    samplesPerKind: 3,
    version: VERSION,
  };
}

export function registerScanCommand(program: Command, io: Io): void {
  program
    .command('scan')
    .argument('<input>', 'the corpus: JSONL, CSV, TSV, text or Parquet; .gz is read as gzip')
    .description(
      'find personal data and hazards in a dataset; write findings, redacted and filtered copies, a report',
    )
    .addOption(
      new Option('--format <format>', 'input format (default: from the file name)').choices(
        scanFormats,
      ),
    )
    .option(
      '--field <paths>',
      'fields to scan, comma-separated: JSON paths like messages[*].content, or CSV columns',
      'text',
    )
    .option('--id-field <name>', 'field or column copied into findings as id', 'id')
    .addOption(
      new Option('--txt-records <mode>', 'text input: a record per line or per blank-line block')
        .choices(['line', 'block'])
        .default('line'),
    )
    .option('--findings <file>', 'write every finding as JSONL (CONTRACTS.md §3)')
    .option('--redact <file>', 'write a copy with personal data redacted (see --operators)')
    .option(
      '--operators <rules>',
      'redaction per type: TYPE=mask|tag|hash|drop-field|drop-record|keep, and default=... (default: tag, e.g. [KR_RRN])',
    )
    .option(
      '--filter <file>',
      'write a copy without records that have a hazard (redacted too when --redact is given)',
    )
    .option(
      '--rejects <file>',
      'where the filter puts removed records, as JSONL with reasons (default: FILTER.rejects.jsonl)',
    )
    .option(
      '--filter-codes <codes>',
      'hazard codes the filter removes, e.g. S1,S9,S10 (default: all)',
    )
    .option(
      '--threshold <score>',
      "calibrated hazard score that counts (0.5 = each category's trained threshold)",
      '0.5',
    )
    .option('--report <file>', 'write the scan report (JSON) for `anjeon report data-risk`')
    .option(
      '--pii-types <types>',
      `only these personal data types (default: all: ${piiTypes.join(', ')})`,
    )
    .option('--min-confidence <n>', 'drop personal-data findings below this confidence', '0.5')
    .option('--no-pii', 'do not look for personal data')
    .option('--no-hazards', 'do not score hazards (faster; --filter still scores them)')
    .option(
      '--keep-malformed',
      'copy unreadable records unchanged into the redacted and filtered copies',
    )
    .option('--workers <n>', 'worker threads (default: one per core; 0 scans in the main thread)')
    .option('--resume', 'continue an interrupted scan from its checkpoint')
    .option(
      '--checkpoint <file>',
      'checkpoint file (default: first of REPORT, FINDINGS, REDACT, FILTER + .checkpoint.json)',
    )
    .option('--chunk-bytes <n>', 'bytes handed to a worker at a time', String(1 << 20))
    .option(
      '--max-record-bytes <n>',
      'a longer record is reported malformed and skipped',
      String(64 << 20),
    )
    .option('--fail-on-findings', 'exit 3 when any personal data or hazard is found (for CI)')
    .option('--json', 'print the report as JSON on stdout; no progress output')
    .addHelpText(
      'after',
      `
Examples:
  anjeon scan examples/corpus.jsonl --field text --findings findings.jsonl --report report.json
  anjeon scan chats.jsonl.gz --field 'messages[*].content' --redact clean.jsonl --operators kr_rrn=mask,email=hash
  anjeon scan reviews.csv --field body,title --filter kept.csv --filter-codes S1,S9,S10,X3
  anjeon scan web.txt --txt-records block --redact web.redacted.txt --workers 4
  anjeon scan shard-000.parquet --field text --report r.json && anjeon report data-risk r.json --format html --output r.html
  anjeon scan corpus.jsonl --redact clean.jsonl --report report.json --resume   # after an interruption

Salted hashes (--operators TYPE=hash) take their key from $ANJEON_SCAN_SALT.
Outputs are written as NAME.partial and renamed when the scan completes.`,
    )
    .action(async (input: string, flags: ScanFlags) => {
      const options = scanOptions(input, flags, io.env);
      const { runScan } = await import('../scan/scan.js');
      const progress = progressReporter(io, process.stderr, Boolean(flags.json));
      const abort = new AbortController();
      const stop = () => {
        io.err(
          '\ninterrupted: finishing the chunks in flight and saving a checkpoint (Ctrl-C again to quit now)',
        );
        abort.abort();
        process.once('SIGINT', () => process.exit(130));
      };
      process.once('SIGINT', stop);
      try {
        const report = await runScan(options, {
          progress: (p) => progress.update(p),
          signal: abort.signal,
          warn: (m) => io.err(m),
        });
        progress.done();
        if (flags.json) writeJson(io, report);
        else io.out(renderScanSummary(report, io));
        const found = report.records_with_pii + report.records_with_hazards;
        if (flags.failOnFindings && found > 0) throw new ExitWith(exitCodes.blocked);
      } catch (error) {
        progress.done();
        if (error instanceof AnjeonError || error instanceof ExitWith) throw error;
        throw new AnjeonError(
          'runtime',
          `scan failed: ${(error as Error).message}`,
          'run with --debug for details; the checkpoint lets you --resume',
        );
      } finally {
        process.removeListener('SIGINT', stop);
      }
    });
}
