// `anjeon model add|list|show|version|frameworks`: the models in the record and what applies to them.

import { formatNumber } from '../frameworks/messages.js';
import type { Command } from 'commander';
import { AnjeonError } from '../errors.js';
import type { IsoDate } from '../frameworks/dates.js';
import { today } from '../registry/context.js';
import { listDecisions } from '../registry/decision-views.js';
import { listEvaluations } from '../registry/evaluations.js';
import { listIncidents } from '../registry/incidents.js';
import { addFrameworks, addModel, addVersion, getModel, listModels } from '../registry/models.js';
import { listSafeguards } from '../registry/safeguards.js';
import { scorecards } from '../registry/scorecards.js';
import { writeJson, type Io } from './io.js';
import { commandLang, parseAsOfOption, parseList } from './options.js';
import { parseFlop, withRecord } from './record.js';
import { compactTable } from './table.js';

interface AddOptions {
  name?: string;
  owner?: string;
  intendedUse?: string;
  effectiveCompute?: number;
  version?: string;
  trainingStart?: string;
  trainingEnd?: string;
  frameworks?: string[];
  json?: boolean;
}

export function registerModelCommands(program: Command, io: Io): void {
  const group = program
    .command('model')
    .description('register models, their versions and frameworks; list and show them');

  group
    .command('add')
    .argument('<id>', 'model id, e.g. acme-7b')
    .description('register a model')
    .option('--name <name>', 'display name')
    .option('--owner <owner>', 'who is accountable for it')
    .option('--intended-use <text>', 'what it is for')
    .option(
      '--effective-compute <flop>',
      'effective compute of the current checkpoint, e.g. 3.2e24',
      parseFlop,
    )
    .option(
      '--version <version>',
      'name of the current checkpoint (default v1 when compute is given)',
    )
    .option('--training-start <date>', 'YYYY-MM-DD')
    .option('--training-end <date>', 'YYYY-MM-DD')
    .option('--frameworks <ids>', 'frameworks that apply, comma-separated', parseList)
    .option('--json', 'print the model as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon model add acme-7b --name "Acme 7B" --effective-compute 8e23 --frameworks openai-preparedness-2023,eu-ai-act-2024',
    )
    .action(async (id: string, opts: AddOptions, command: Command) => {
      const model = await withRecord(command, io, (ctx) =>
        addModel(ctx, {
          id,
          name: opts.name,
          owner: opts.owner,
          intended_use: opts.intendedUse,
          effective_compute: opts.effectiveCompute,
          version: opts.version,
          training_start: opts.trainingStart,
          training_end: opts.trainingEnd,
          frameworks: opts.frameworks,
        }),
      );
      if (opts.json) return writeJson(io, model);
      io.out(
        `registered ${model.id}${model.frameworks.length ? ` under ${model.frameworks.join(', ')}` : ''}`,
      );
    });

  group
    .command('list')
    .description('list the registered models')
    .option('--json', 'print the models as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const models = await withRecord(command, io, (ctx) => listModels(ctx));
      if (opts.json) return writeJson(io, models);
      const table = compactTable(['model', 'name', 'owner', 'frameworks', 'effective compute']);
      for (const m of models) {
        const compute = m.versions.at(-1)?.effective_compute;
        table.push([
          m.id,
          m.name ?? '',
          m.owner ?? '',
          m.frameworks.join('\n'),
          compute ? formatNumber(compute) : '',
        ]);
      }
      io.out(
        models.length ? table.toString() : 'No models yet: anjeon model add ID --frameworks ID',
      );
    });

  group
    .command('show')
    .argument('<id>', 'model id')
    .description(
      'everything the record holds on a model: versions, gates, evaluations, safeguards, incidents, decisions',
    )
    .option('--as-of <date>', 'judge as of this date (default: today)', parseAsOfOption)
    .option('--json', 'print it as JSON')
    .action(async (id: string, opts: { asOf?: IsoDate; json?: boolean }, command: Command) => {
      const lang = commandLang(command, io);
      const view = await withRecord(command, io, async (ctx) => {
        const asOf = opts.asOf ?? today(ctx);
        const model = await getModel(ctx, id);
        const cards = model.frameworks.length ? await scorecards(ctx, id, { asOf, lang }) : [];
        return {
          ...model,
          as_of: asOf,
          frameworks_judged: cards.map(({ framework, assessment }) => ({
            framework: framework.id,
            framework_version: framework.version,
            overall: assessment.overall,
            classification: assessment.classification?.tier ?? null,
            develop: assessment.gates.develop.allowed,
            deploy: assessment.gates.deploy.allowed,
            next_evaluation: assessment.next_evaluation,
          })),
          evaluations: await listEvaluations(ctx, id),
          safeguards: (await listSafeguards(ctx, id, asOf)).filter((s) => s.in_effect),
          incidents: await listIncidents(ctx, { model: id }),
          decisions: await listDecisions(ctx, { model: id }),
        };
      });
      if (opts.json) return writeJson(io, view);
      io.out(renderModel(view, io));
    });

  group
    .command('version')
    .argument('<id>', 'model id')
    .argument('<version>', 'checkpoint name, e.g. v2')
    .description('record a new checkpoint: from its date it is the model "as it stands now"')
    .option('--effective-compute <flop>', 'its effective compute, e.g. 6.4e24', parseFlop)
    .option('--date <date>', 'from when (default: --training-end, else today)')
    .option('--training-start <date>', 'YYYY-MM-DD')
    .option('--training-end <date>', 'YYYY-MM-DD')
    .option('--notes <text>', 'what changed')
    .option('--json', 'print the model as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon model version acme-7b v2 --effective-compute 2.1e24 --date 2025-03-01',
    )
    .action(
      async (
        id: string,
        version: string,
        opts: {
          effectiveCompute?: number;
          date?: string;
          trainingStart?: string;
          trainingEnd?: string;
          notes?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const model = await withRecord(command, io, (ctx) =>
          addVersion(ctx, id, {
            version,
            effective_compute: opts.effectiveCompute,
            date: opts.date,
            training_start: opts.trainingStart,
            training_end: opts.trainingEnd,
            notes: opts.notes,
          }),
        );
        if (opts.json) return writeJson(io, model);
        io.out(`${model.id}: version ${version} recorded`);
      },
    );

  group
    .command('frameworks')
    .argument('<id>', 'model id')
    .argument('<frameworks>', 'framework ids to apply, comma-separated')
    .description('apply more frameworks to a model')
    .option('--json', 'print the model as JSON')
    .action(async (id: string, frameworks: string, opts: { json?: boolean }, command: Command) => {
      const ids = parseList(frameworks);
      if (ids.length === 0) throw new AnjeonError('usage', 'name at least one framework');
      const model = await withRecord(command, io, (ctx) => addFrameworks(ctx, id, ids));
      if (opts.json) return writeJson(io, model);
      io.out(`${model.id}: ${model.frameworks.join(', ')}`);
    });
}

type ModelView = Awaited<ReturnType<typeof getModel>> & {
  as_of: string;
  frameworks_judged: {
    framework: string;
    overall: { level: string | null };
    classification: string | null;
    develop: boolean;
    deploy: boolean;
    next_evaluation: { due: boolean; due_date: string | null };
  }[];
  evaluations: {
    id: string;
    date: string;
    framework_id: string | null;
    evaluator: string | null;
  }[];
  safeguards: {
    id: string;
    kind: string;
    value: string;
    framework_id: string | null;
    since: string;
  }[];
  incidents: { id: string; date: string; severity: string; status: string; title: string }[];
  decisions: { id: string; action: string; framework: string; status: string }[];
};

function renderModel(m: ModelView, io: Io): string {
  const c = io.color;
  const verdict = (ok: boolean) => (ok ? c.green('allowed') : c.red('blocked'));
  const lines = [c.bold(m.id) + (m.name ? `  ${m.name}` : '') + `  (as of ${m.as_of})`];
  if (m.owner || m.intended_use)
    lines.push(`owner: ${m.owner ?? '-'}; intended use: ${m.intended_use ?? '-'}`);
  const versions = m.versions.map(
    (v) =>
      `${v.version} from ${v.date}${v.effective_compute ? `, ${formatNumber(v.effective_compute)} FLOP` : ''}`,
  );
  if (versions.length) lines.push(`versions: ${versions.join('; ')}`);
  if (m.frameworks_judged.length) {
    const table = compactTable([
      'framework',
      'level / tier',
      'develop',
      'deploy',
      'next evaluation',
    ]);
    for (const f of m.frameworks_judged) {
      const next = f.next_evaluation.due ? c.red('DUE') : (f.next_evaluation.due_date ?? '-');
      table.push([
        f.framework,
        f.classification ?? f.overall.level ?? '-',
        verdict(f.develop),
        verdict(f.deploy),
        next,
      ]);
    }
    lines.push('', table.toString());
  } else lines.push('', 'No framework applies yet: anjeon model frameworks ' + m.id + ' ID');
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', c.bold(title), ...items.map((i) => `  ${i}`));
  };
  section(
    'Evaluations',
    m.evaluations.map(
      (e) =>
        `${e.id}  ${e.date}  ${e.framework_id ?? 'common vocabulary'}${e.evaluator ? `  by ${e.evaluator}` : ''}`,
    ),
  );
  section(
    'Safeguards in effect',
    m.safeguards.map(
      (s) =>
        `${s.id}  ${s.kind} ${s.value}${s.framework_id ? ` (${s.framework_id})` : ''} since ${s.since}`,
    ),
  );
  section(
    'Incidents',
    m.incidents.map((i) => `${i.id}  ${i.date}  ${i.severity}  ${i.status}  ${i.title}`),
  );
  section(
    'Decisions',
    m.decisions.map((d) => `${d.id}  ${d.action} under ${d.framework}: ${d.status}`),
  );
  return lines.join('\n');
}
