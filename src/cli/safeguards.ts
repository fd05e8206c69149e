// `anjeon safeguard add|list|end`: the safeguards that protect a model, dated, with their evidence.

import type { Command } from 'commander';
import { AnjeonError } from '../errors.js';
import type { IsoDate } from '../frameworks/dates.js';
import { addSafeguard, endSafeguard, listSafeguards } from '../registry/safeguards.js';
import type { SafeguardKind } from '../registry/safeguard-facts.js';
import { readFileInput } from './evaluations.js';
import { writeJson, type Io } from './io.js';
import { parseAsOfOption } from './options.js';
import { withRecord } from './record.js';
import { compactTable } from './table.js';

interface AddOptions {
  id?: string;
  security?: string;
  deployment?: string;
  common?: string;
  commonSecurity?: string;
  commonDeployment?: string;
  framework?: string;
  since?: string;
  notes?: string;
  evidence?: string;
  json?: boolean;
}

function factOf(o: AddOptions): { kind: SafeguardKind; value: string } {
  const given: [SafeguardKind, string | undefined][] = [
    ['implemented', o.id],
    ['security', o.security],
    ['deployment', o.deployment],
    ['common_implemented', o.common],
    ['common_security', o.commonSecurity],
    ['common_deployment', o.commonDeployment],
  ];
  const set = given.filter(([, v]) => v !== undefined);
  if (set.length !== 1) {
    throw new AnjeonError(
      'usage',
      'give exactly one of --id, --security, --deployment, --common, --common-security, --common-deployment',
    );
  }
  return { kind: set[0]![0], value: set[0]![1]! };
}

export function registerSafeguardCommands(program: Command, io: Io): void {
  const group = program
    .command('safeguard')
    .description('record safeguards of a model, list them, or end one');

  group
    .command('add')
    .argument('<model>', 'a registered model')
    .description('record a safeguard in place from a date')
    .option('--id <safeguard>', 'a named safeguard of the framework, e.g. asset-protection')
    .option('--security <level>', "a level of the framework's security scale, e.g. asl-3 or 2")
    .option('--deployment <level>', "a level of the framework's deployment scale")
    .option(
      '--common <safeguard>',
      'a common safeguard, e.g. weights-security (read by every framework)',
    )
    .option('--common-security <0..5>', 'a RAND security level, read by every framework')
    .option('--common-deployment <0..3>', 'a common deployment level, read by every framework')
    .option('--framework <id>', 'the framework the safeguard or level belongs to')
    .option('--since <date>', 'in place from (default: today)')
    .option('--notes <text>', 'what it is, who runs it')
    .option('--evidence <file>', 'a file that shows it is in place, kept in the record')
    .option('--json', 'print the new safeguard ids')
    .addHelpText(
      'after',
      `
Examples:
  anjeon safeguard add acme-7b --id asset-protection --framework openai-preparedness-2023 --evidence audit.pdf
  anjeon safeguard add acme-7b --security asl-3 --framework anthropic-rsp-2023 --since 2025-01-10
  anjeon safeguard add acme-7b --common-security 3`,
    )
    .action(async (model: string, opts: AddOptions, command: Command) => {
      const fact = factOf(opts);
      const evidence = opts.evidence ? readFileInput(opts.evidence) : undefined;
      const ids = await withRecord(command, io, (ctx) =>
        addSafeguard(ctx, model, {
          ...fact,
          framework: opts.framework,
          since: opts.since,
          notes: opts.notes,
          evidence,
        }),
      );
      if (opts.json) return writeJson(io, { ids });
      io.out(`${model}: safeguard ${ids.join(', ')} recorded`);
    });

  group
    .command('list')
    .argument('<model>', 'a registered model')
    .description("list a model's safeguards, marking those in effect")
    .option('--as-of <date>', 'which are in effect on this date (default: today)', parseAsOfOption)
    .option('--json', 'print them as JSON')
    .action(async (model: string, opts: { asOf?: IsoDate; json?: boolean }, command: Command) => {
      const rows = await withRecord(command, io, (ctx) => listSafeguards(ctx, model, opts.asOf));
      if (opts.json) return writeJson(io, rows);
      const table = compactTable([
        'id',
        'safeguard',
        'framework',
        'since',
        'until',
        'in effect',
        'evidence',
      ]);
      for (const r of rows) {
        table.push([
          r.id,
          `${r.kind} ${r.value}`,
          r.framework_id ?? 'all',
          r.since,
          r.until ?? '',
          r.in_effect ? io.color.green('yes') : 'no',
          r.evidence_sha256?.slice(0, 12) ?? '',
        ]);
      }
      io.out(rows.length ? table.toString() : `No safeguards recorded for ${model}.`);
    });

  group
    .command('end')
    .argument('<safeguard>', 'a safeguard id, e.g. sg-3')
    .description('record that a safeguard no longer protects the model from a date')
    .option('--date <date>', 'from when (default: today)')
    .action(async (id: string, opts: { date?: string }, command: Command) => {
      await withRecord(command, io, (ctx) => endSafeguard(ctx, id, opts.date));
      io.out(`${id} ended`);
    });
}
