// `anjeon assess` and `anjeon gate`: judge one evidence file under one framework.

import { Option, type Command } from 'commander';
import { AnjeonError } from '../errors.js';
import type { IsoDate } from '../frameworks/dates.js';
import { today } from '../registry/context.js';
import { scorecards } from '../registry/scorecards.js';
import { withRecord } from './record.js';
import { assessFramework, type Assessment } from '../frameworks/assess.js';
import { checkEvidenceFits, loadFramework, readEvidence } from '../frameworks/files.js';
import { actions, type Action } from '../frameworks/schema.js';
import { writeJson, type Io } from './io.js';
import { asOfDate, commandLang, parseAsOfOption } from './options.js';
import { ExitWith, exitCodes } from './program.js';
import { renderGate, renderScorecard } from './scorecard-view.js';

interface AssessOptions {
  framework: string;
  evidence: string;
  asOf?: string;
  json?: boolean;
}

function assessFromOptions(opts: AssessOptions, command: Command, io: Io): Assessment {
  const framework = loadFramework(opts.framework);
  const file = readEvidence(opts.evidence);
  checkEvidenceFits(framework, file);
  const asOf = asOfDate(opts.asOf, file.evidence, io);
  return assessFramework(framework, file.evidence, asOf, { lang: commandLang(command, io) });
}

const frameworkOption = () =>
  new Option('--framework <id|file>', 'a preset id or a framework file').makeOptionMandatory();
const evidenceOption = () =>
  new Option(
    '--evidence <file>',
    'evidence file, YAML or JSON ("-" reads stdin)',
  ).makeOptionMandatory();
const asOfOption = () =>
  new Option(
    '--as-of <date>',
    "judge as of this date, YYYY-MM-DD (default: the file's as_of, else today UTC)",
  );

export function registerAssessCommands(program: Command, io: Io): void {
  program
    .command('assess')
    .description(
      'judge evidence under a framework: scorecard, gates, required safeguards, next evaluation',
    )
    .addOption(frameworkOption())
    .addOption(evidenceOption())
    .addOption(asOfOption())
    .option('--json', 'print the assessment as JSON (CONTRACTS.md §1)')
    .addHelpText(
      'after',
      `
Examples:
  anjeon assess --framework openai-preparedness-2023 --evidence examples/acme-7b.yaml
  anjeon assess --framework my-framework.yaml --evidence results.json --as-of 2025-03-01 --json
  anjeon --lang ko assess --framework naver-asf-2024 --evidence examples/common-capabilities.yaml`,
    )
    .action((opts: AssessOptions, command: Command) => {
      const assessment = assessFromOptions(opts, command, io);
      if (opts.json) writeJson(io, assessment);
      else io.out(renderScorecard(assessment, io.color, commandLang(command, io)));
    });

  program
    .command('gate')
    .argument('[model]', 'a model in the record (instead of --evidence)')
    .description('decide one action for CI: exit 0 when allowed, 3 when blocked')
    .addOption(frameworkOption())
    .option(
      '--evidence <file>',
      'evidence file, YAML or JSON ("-" reads stdin), instead of a model in the record',
    )
    .addOption(
      new Option('--action <action>', 'develop or deploy').choices(actions).makeOptionMandatory(),
    )
    .addOption(asOfOption())
    .option(
      '--json',
      'print {framework, model, as_of, action, allowed, reasons, checks, required_safeguards}',
    )
    .addHelpText(
      'after',
      `
With --evidence the gate judges that file alone; with MODEL it judges what the record holds.

Examples:
  anjeon gate --framework anthropic-rsp-2023 --evidence examples/acme-7b-rsp.yaml --action deploy
  anjeon gate --framework gdm-fsf-2024 --evidence - --action develop --json < evidence.json
  anjeon gate acme-7b --framework openai-preparedness-2023 --action deploy

Exit codes: 0 allowed, 3 blocked, 2 bad input.`,
    )
    .action(
      async (
        model: string | undefined,
        opts: Partial<AssessOptions> & { framework: string; action: Action },
        command: Command,
      ) => {
        if ((model === undefined) === (opts.evidence === undefined)) {
          throw new AnjeonError(
            'usage',
            'give either a MODEL from the record or --evidence FILE',
            'anjeon gate --help shows both forms',
          );
        }
        const assessment = opts.evidence
          ? assessFromOptions({ ...opts, evidence: opts.evidence }, command, io)
          : await recordAssessment(command, io, model!, opts.framework, opts.asOf);
        const gate = assessment.gates[opts.action];
        if (opts.json) {
          writeJson(io, {
            framework: assessment.framework,
            model: assessment.model,
            as_of: assessment.as_of,
            action: opts.action,
            ...gate,
            required_safeguards: assessment.required_safeguards.filter((s) =>
              s.blocks.includes(opts.action),
            ),
          });
        } else io.out(renderGate(assessment, opts.action, io.color, commandLang(command, io)));
        if (!gate.allowed) throw new ExitWith(exitCodes.blocked);
      },
    );
}

async function recordAssessment(
  command: Command,
  io: Io,
  model: string,
  framework: string,
  asOf?: string,
): Promise<Assessment> {
  if (asOf !== undefined) parseAsOfOption(asOf);
  const lang = commandLang(command, io);
  return withRecord(command, io, async (ctx) => {
    const [card] = await scorecards(ctx, model, {
      framework,
      asOf: (asOf ?? today(ctx)) as IsoDate,
      lang,
    });
    return card!.assessment;
  });
}
