// `anjeon frameworks list|show|validate`: what frameworks exist, what one says, whether a file is valid.

import { compactTable } from './table.js';
import type { Command } from 'commander';
import { AnjeonError } from '../errors.js';
import { loadFramework, presets, readText } from '../frameworks/files.js';
import { parseFramework, type Framework } from '../frameworks/definition.js';
import { writeJson, type Io } from './io.js';
import { describeFramework, localName } from './framework-view.js';
import { commandLang } from './options.js';
import { ExitWith, exitCodes } from './program.js';
import { withRecord } from './record.js';
import { addFrameworkFile, listStoredFrameworks } from '../registry/framework-store.js';

export function registerFrameworkCommands(program: Command, io: Io): void {
  const group = program
    .command('frameworks')
    .description('list the framework presets, show one, or validate a framework file');

  group
    .command('list')
    .description('list the framework presets, or with --record the frameworks kept in the record')
    .option(
      '--record',
      'list the framework versions kept in the record (ANJEON_HOME or ANJEON_DATABASE_URL)',
    )
    .option(
      '--json',
      'print JSON: [{id, name, version, published, kind}] (with --record: stored versions)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon frameworks list\n  anjeon --lang ko frameworks list\n  anjeon frameworks list --record --json',
    )
    .action(async (opts: { json?: boolean; record?: boolean }, command: Command) => {
      if (opts.record) {
        const stored = await withRecord(command, io, (ctx) => listStoredFrameworks(ctx));
        if (opts.json) return writeJson(io, stored);
        const table = compactTable(['id', 'version', 'name', 'added', 'sha256', 'shipped preset']);
        for (const f of stored) {
          const preset =
            f.matches_preset === null
              ? 'no preset'
              : f.matches_preset
                ? 'same text'
                : io.color.yellow('differs');
          table.push([
            io.color.bold(f.id),
            `v${f.version}`,
            f.name,
            `${f.added_at.slice(0, 10)} ${f.added_by}`,
            f.sha256.slice(0, 12),
            preset,
          ]);
        }
        return io.out(table.toString());
      }
      const lang = commandLang(command, io);
      const rows = [...presets().values()].map((f) => listEntry(f));
      if (opts.json) return writeJson(io, rows);
      const table = compactTable(['id', 'name', 'version', 'published', 'kind']);
      for (const f of presets().values()) {
        const d = f.definition;
        table.push([io.color.bold(d.id), localName(d, lang), d.version, d.published, d.kind]);
      }
      io.out(table.toString());
    });

  group
    .command('show')
    .argument('<id>', 'a preset id, or the path of a framework file')
    .description('show a framework: domains, levels, rules, triggers, sources and assumptions')
    .option('--json', 'print the parsed definition as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon frameworks show gdm-fsf-2024\n  anjeon frameworks show eu-ai-act-2024 --json',
    )
    .action((id: string, opts: { json?: boolean }, command: Command) => {
      const framework = loadFramework(id);
      if (opts.json) return writeJson(io, framework.definition);
      io.out(describeFramework(framework, commandLang(command, io), io));
    });

  group
    .command('add')
    .argument('<file>', 'a framework YAML file')
    .description(
      "keep a framework in the record: the organisation's own, or its override of a preset (admins)",
    )
    .option('--json', 'print {id, version, sha256, added}')
    .addHelpText(
      'after',
      `
The file is validated first. A file whose id is already in the record becomes its next version;
decisions name the version and SHA-256 of the text they were judged by.

Examples:
  cp src/frameworks/presets/gdm-fsf-2024.yaml acme-fsf.yaml   # edit it, keep or change the id
  anjeon frameworks add acme-fsf.yaml`,
    )
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const result = await withRecord(command, io, (ctx) => addFrameworkFile(ctx, file));
      if (opts.json) return writeJson(io, result);
      io.out(
        result.added
          ? `${result.id} version ${result.version} stored (${result.sha256.slice(0, 12)})`
          : `${result.id} version ${result.version} already holds this text`,
      );
    });

  group
    .command('validate')
    .argument('<file>', 'a framework YAML file')
    .description(
      'check a framework file; exit 0 when valid, 2 with file:line:col messages when not',
    )
    .option('--json', 'print {file, valid, id, errors}')
    .addHelpText(
      'after',
      '\nExamples:\n  cp src/frameworks/presets/openai-preparedness-2023.yaml my-framework.yaml\n  anjeon frameworks validate my-framework.yaml',
    )
    .action((file: string, opts: { json?: boolean }) => {
      try {
        const framework = parseFramework(readText(file), file);
        const d = framework.definition;
        if (opts.json) return writeJson(io, { file, valid: true, id: d.id, errors: [] });
        io.out(
          `${file}: valid framework ${d.id} (${d.domains.length} domains, ${ruleCount(framework)} rules)`,
        );
      } catch (error) {
        if (!(error instanceof AnjeonError) || !opts.json) throw error;
        writeJson(io, {
          file,
          valid: false,
          id: null,
          errors: error.details.length ? error.details : [error.message],
        });
        throw new ExitWith(exitCodes.usage);
      }
    });
}

function listEntry(f: Framework) {
  const { id, name, version, published, kind } = f.definition;
  return { id, name, version, published, kind };
}

function ruleCount(f: Framework): number {
  const d = f.definition;
  return (
    d.gates.develop.length +
    d.gates.deploy.length +
    d.requirements.length +
    d.triggers.length +
    d.warnings.length
  );
}
