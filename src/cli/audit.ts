// `anjeon audit verify`, `anjeon export` and `anjeon import`: proving the record, and moving it.

import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readText } from '../frameworks/files.js';
import { requirePermission } from '../registry/context.js';
import { exportBundle, importBundle } from '../store/bundle.js';
import { describeLocation, storeLocation } from '../store/connect.js';
import { verifyLedger, type VerifyReport } from '../store/verify.js';
import { writeJson, type Io } from './io.js';
import { ExitWith, exitCodes } from './program.js';
import { withRecord } from './record.js';

function reportLines(report: VerifyReport, where: string, io: Io): string[] {
  if (report.intact) {
    return [
      `${io.color.green('intact')}: ${report.entries} ledger entries chain from the first to the head (${report.head.hash.slice(0, 16)}...), and all ${report.rows} rows match them (${where})`,
    ];
  }
  const first = report.first_bad!;
  return [
    `${io.color.red(io.color.bold('BROKEN'))}: ${first.seq === null ? '' : `first bad entry ${first.seq}: `}${first.reason}`,
    ...report.problems.slice(1, 20).map((p) => `  also: ${p.reason}`),
    ...(report.problems.length > 20 ? [`  ... and ${report.problems.length - 20} more`] : []),
  ];
}

export function registerAuditCommands(program: Command, io: Io): void {
  program
    .command('audit')
    .description('verify the audit ledger')
    .command('verify')
    .description('recompute the hash chain and check every row against it; exit 0 intact, 4 broken')
    .option('--json', 'print {intact, entries, rows, head, first_bad, problems}')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon audit verify\n  anjeon audit verify --json || echo "the record was altered"',
    )
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { report, where } = await withRecord(command, io, async (ctx) => ({
        report: await verifyLedger(ctx.store),
        where: ctx.store.where,
      }));
      if (opts.json) writeJson(io, report);
      else io.out(reportLines(report, where, io).join('\n'));
      if (!report.intact) throw new ExitWith(exitCodes.broken);
    });

  program
    .command('export')
    .argument('<file>', 'where to write the JSON bundle ("-" for stdout)')
    .description('write the whole record, ledger included, as one JSON bundle')
    .addHelpText(
      'after',
      '\nexport, import into a new store, export again: the two files are byte-identical.\n\nExamples:\n  anjeon export record.json',
    )
    .action(async (file: string, _opts: unknown, command: Command) => {
      const text = await withRecord(command, io, (ctx) => {
        requirePermission(ctx, 'viewer');
        return exportBundle(ctx.store);
      });
      if (file === '-') return io.out(text.replace(/\n$/, ''));
      const partial = `${file}.partial`;
      writeFileSync(partial, text);
      renameSync(partial, file);
      io.err(`wrote ${file} (${text.length} bytes)`);
    });

  program
    .command('import')
    .argument('<file>', 'a bundle written by anjeon export')
    .description(
      'load a bundle into a new, empty store; it is verified first and applied whole or not at all',
    )
    .option('--json', 'print the verification report')
    .addHelpText('after', '\nExamples:\n  ANJEON_HOME=./restored anjeon import record.json')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const text = readText(file);
      const location = storeLocation(io.env);
      const fresh = location.dialect === 'sqlite' && !existsSync(location.file);
      let report: VerifyReport;
      try {
        report = await withRecord(command, io, (ctx) => importBundle(ctx.store, text, file), {
          create: true,
          anonymous: true,
        });
      } catch (error) {
        if (fresh) removeStoreFiles(location.file);
        throw error;
      }
      if (opts.json) writeJson(io, report);
      if (!report.intact) {
        if (fresh) removeStoreFiles(location.file);
        if (!opts.json) io.out(reportLines(report, file, io).join('\n'));
        io.err(`error: ${file} was not imported: its ledger does not verify`);
        throw new ExitWith(exitCodes.broken);
      }
      if (!opts.json)
        io.out(
          `imported ${report.entries} ledger entries and ${report.rows} rows into ${describeLocation(location)}`,
        );
    });
}

/** A store created for an import that did not happen is removed, so the failed command leaves nothing. */
function removeStoreFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
