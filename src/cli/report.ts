// `anjeon report data-risk`: documents for people, written from the JSON records anjeon keeps.

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { inputError } from '../errors.js';
import { dataRiskHtml, dataRiskMarkdown } from '../reports/data-risk.js';
import { detectionQuality } from '../reports/quality.js';
import { readScanReport } from '../reports/scan-report.js';
import type { Io } from './io.js';
import { commandLang } from './options.js';

const formats = ['md', 'html'] as const;

/** Writes FILE.partial and renames it, so a reader never sees half a document under the name. */
function writeAtomically(file: string, text: string): void {
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(`--output ${file}: cannot write the file (${reason})`);
  }
}

export function registerReportCommands(program: Command, io: Io): void {
  const group = program
    .command('report')
    .description('write documents for people from the JSON records anjeon keeps');

  group
    .command('data-risk')
    .argument('<report>', 'the scan report that `anjeon scan --report R.json` wrote')
    .description(
      'document a training-data scan: the data, the risks found, what was removed or redacted ' +
        'and by which rule, what remains, and the limits of the detection',
    )
    .addOption(
      new Option('--format <format>', 'Markdown or a self-contained HTML page')
        .choices(formats)
        .default('md'),
    )
    .option('--output <file>', 'write the document to this file instead of standard output')
    .addHelpText(
      'after',
      `
The scan report itself is the JSON form; this command turns it into a document. Its language
follows --lang (en or ko), given before or after the command name.

Examples:
  anjeon report data-risk scan-report.json
  anjeon report data-risk scan-report.json --lang ko --format html --output data-risk.ko.html`,
    )
    .action(
      (
        file: string,
        opts: { format: (typeof formats)[number]; output?: string },
        command: Command,
      ) => {
        const report = readScanReport(file);
        const lang = commandLang(command, io);
        const render = opts.format === 'html' ? dataRiskHtml : dataRiskMarkdown;
        const text = render(report, detectionQuality(), lang);
        if (!opts.output) return io.out(text);
        writeAtomically(opts.output, text);
        io.err(`wrote ${opts.output}`);
      },
    );
}
