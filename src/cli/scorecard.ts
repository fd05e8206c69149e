// `anjeon scorecard MODEL` and `anjeon due`: the engine on the record.

import { formatNumber } from '../frameworks/messages.js';
import type { Command } from 'commander';
import type { IsoDate } from '../frameworks/dates.js';
import { today } from '../registry/context.js';
import { dueEvaluations, scorecards } from '../registry/scorecards.js';
import { writeJson, type Io } from './io.js';
import { commandLang, parseAsOfOption } from './options.js';
import { withRecord } from './record.js';
import { renderScorecard } from './scorecard-view.js';
import { compactTable } from './table.js';

export function registerScorecardCommands(program: Command, io: Io): void {
  program
    .command('scorecard')
    .argument('<model>', 'a model in the record')
    .description("judge a model's recorded evidence: the same scorecard as assess, from the record")
    .option(
      '--framework <id>',
      'one framework (default: every framework that applies to the model)',
    )
    .option(
      '--as-of <date>',
      'judge as the record stood on this date (default: today)',
      parseAsOfOption,
    )
    .option('--json', 'print the assessment (an array of them without --framework)')
    .addHelpText(
      'after',
      `
Examples:
  anjeon scorecard acme-7b --framework openai-preparedness-2023
  anjeon scorecard acme-7b --as-of 2025-03-01 --json`,
    )
    .action(
      async (
        model: string,
        opts: { framework?: string; asOf?: IsoDate; json?: boolean },
        command: Command,
      ) => {
        const lang = commandLang(command, io);
        const cards = await withRecord(command, io, async (ctx) =>
          scorecards(ctx, model, {
            framework: opts.framework,
            asOf: opts.asOf ?? today(ctx),
            lang,
          }),
        );
        if (opts.json)
          return writeJson(
            io,
            opts.framework ? cards[0]!.assessment : cards.map((c) => c.assessment),
          );
        io.out(
          cards
            .map((c) => renderScorecard(c.assessment, io.color, lang))
            .join('\n\n' + '─'.repeat(60) + '\n\n'),
        );
      },
    );

  program
    .command('due')
    .description(
      'every model under every framework that applies to it, due or overdue for evaluation first',
    )
    .option('--as-of <date>', 'as of this date (default: today)', parseAsOfOption)
    .option('--json', 'print [{model, framework, due, due_date, due_at_effective_compute, ...}]')
    .option('--only-due', 'list only what is due now')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon due\n  anjeon due --as-of 2025-06-30 --only-due --json',
    )
    .action(
      async (opts: { asOf?: IsoDate; json?: boolean; onlyDue?: boolean }, command: Command) => {
        const lang = commandLang(command, io);
        const entries = await withRecord(command, io, async (ctx) =>
          dueEvaluations(ctx, opts.asOf ?? today(ctx), lang),
        );
        const shown = opts.onlyDue ? entries.filter((e) => e.due) : entries;
        if (opts.json) return writeJson(io, shown);
        if (shown.length === 0)
          return io.out(
            opts.onlyDue
              ? 'Nothing is due.'
              : 'No model has a framework with an evaluation schedule yet.',
          );
        const table = compactTable([
          'model',
          'framework',
          'due',
          'due date',
          'due at compute',
          'latest evaluation',
        ]);
        for (const e of shown) {
          table.push([
            e.model,
            e.framework,
            e.due ? io.color.red(io.color.bold('DUE')) : 'not yet',
            e.due_date ?? '-',
            e.due_at_effective_compute === null ? '-' : formatNumber(e.due_at_effective_compute),
            e.latest_evaluation ?? io.color.red('never'),
          ]);
        }
        io.out(table.toString());
      },
    );
}
