// `anjeon incident add|update|list|show` and `anjeon risk add|list`: what went wrong, what could.

import { Option, type Command } from 'commander';
import {
  addIncident,
  incidentStatuses,
  listIncidents,
  severities,
  showIncident,
  updateIncident,
  type Incident,
} from '../registry/incidents.js';
import { addRisk, listRisks, riskStatuses, stages, type RiskInput } from '../registry/risks.js';
import { writeJson, type Io } from './io.js';
import { collect, parseWhole, withRecord } from './record.js';
import { compactTable } from './table.js';

interface IncidentOptions {
  title: string;
  model?: string;
  date?: string;
  description?: string;
  harm?: string[];
  severity: string;
  status?: string;
  link?: string[];
  evaluationDue?: boolean;
  json?: boolean;
}

export function registerIncidentCommands(program: Command, io: Io): void {
  const group = program
    .command('incident')
    .description('record incidents, update them, list and show them');

  group
    .command('add')
    .description('record an incident')
    .requiredOption('--title <text>', 'what happened, in a line')
    .addOption(
      new Option('--severity <level>', 'how bad').choices(severities).makeOptionMandatory(),
    )
    .option('--model <id>', 'the model involved')
    .option('--date <date>', 'when it happened (default: today)')
    .option('--description <text>', 'the account')
    .option('--harm <text>', 'a harm it caused; repeatable', collect)
    .addOption(
      new Option('--status <status>', 'where it stands').choices(incidentStatuses).default('open'),
    )
    .option('--link <url>', 'a report or article; repeatable', collect)
    .option(
      '--evaluation-due',
      "mark the model's next evaluation as due (default for high and critical)",
    )
    .option('--no-evaluation-due', 'do not mark it, even for a high or critical incident')
    .option('--json', 'print the incident as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon incident add --model acme-7b --severity high --title "Jailbreak exposed synthesis steps" --harm "hazardous instructions" --link https://example.org/report',
    )
    .action(async (opts: IncidentOptions, command: Command) => {
      const incident = await withRecord(command, io, (ctx) =>
        addIncident(ctx, {
          title: opts.title,
          model: opts.model,
          date: opts.date,
          description: opts.description,
          harms: opts.harm,
          severity: opts.severity,
          status: opts.status,
          links: opts.link,
          evaluation_due: opts.evaluationDue,
        }),
      );
      if (opts.json) return writeJson(io, incident);
      io.out(
        `${incident.id} recorded${incident.evaluation_due ? `; ${incident.model_id}'s next evaluation is now due` : ''}`,
      );
    });

  group
    .command('update')
    .argument('<incident>', 'an incident id')
    .description('change its status, add links or the description')
    .addOption(new Option('--status <status>', 'where it stands').choices(incidentStatuses))
    .option('--link <url>', 'add a link; repeatable', collect)
    .option('--description <text>', 'replace the description')
    .option('--json', 'print the incident as JSON')
    .action(
      async (
        id: string,
        opts: { status?: string; link?: string[]; description?: string; json?: boolean },
        command: Command,
      ) => {
        const incident = await withRecord(command, io, (ctx) =>
          updateIncident(ctx, id, {
            status: opts.status,
            links: opts.link,
            description: opts.description,
          }),
        );
        if (opts.json) return writeJson(io, incident);
        io.out(`${incident.id}: ${incident.status}`);
      },
    );

  group
    .command('list')
    .description('list incidents, newest first')
    .option('--model <id>', 'of one model')
    .addOption(new Option('--status <status>', 'in one status').choices(incidentStatuses))
    .option('--json', 'print them as JSON')
    .action(async (opts: { model?: string; status?: string; json?: boolean }, command: Command) => {
      const rows = await withRecord(command, io, (ctx) => listIncidents(ctx, opts));
      if (opts.json) return writeJson(io, rows);
      const table = compactTable(['id', 'date', 'model', 'severity', 'status', 'title']);
      for (const r of rows)
        table.push([r.id, r.date, r.model_id ?? '', r.severity, r.status, r.title]);
      io.out(rows.length ? table.toString() : 'No incidents recorded.');
    });

  group
    .command('show')
    .argument('<incident>', 'an incident id')
    .description('show an incident')
    .option('--json', 'print it as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      const i = await withRecord(command, io, (ctx) => showIncident(ctx, id));
      if (opts.json) return writeJson(io, i);
      io.out(renderIncident(i, io));
    });
}

function renderIncident(i: Incident, io: Io): string {
  const lines = [
    `${io.color.bold(i.id)}  ${i.title}`,
    `${i.date}, severity ${i.severity}, ${i.status}${i.model_id ? `, model ${i.model_id}` : ''}`,
  ];
  if (i.description) lines.push('', i.description);
  if (i.harms.length) lines.push('', 'Harms:', ...i.harms.map((h) => `  - ${h}`));
  if (i.links.length) lines.push('', 'Links:', ...i.links.map((l) => `  ${l}`));
  if (i.evaluation_due) lines.push('', "It marked the model's next evaluation as due.");
  lines.push('', `recorded by ${i.created_by} at ${i.created_at}; updated ${i.updated_at}`);
  return lines.join('\n');
}

export function registerRiskCommands(program: Command, io: Io): void {
  const group = program
    .command('risk')
    .description('the risk register: add risks, list them by score');

  group
    .command('add')
    .description('add a risk to the register')
    .requiredOption('--title <text>', 'the risk, in a line')
    .requiredOption('--likelihood <1-5>', '1 rare .. 5 almost certain', parseWhole)
    .requiredOption('--impact <1-5>', '1 negligible .. 5 severe', parseWhole)
    .addOption(
      new Option('--stage <stage>', 'lifecycle stage').choices(stages).makeOptionMandatory(),
    )
    .requiredOption('--owner <who>', 'who owns the risk')
    .option('--model <id>', 'the model it concerns')
    .option('--description <text>', 'more detail')
    .option('--mitigation <text>', 'what is done about it')
    .addOption(
      new Option('--status <status>', 'where it stands').choices(riskStatuses).default('open'),
    )
    .option('--json', 'print the risk as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon risk add --title "Weights leak through a contractor" --likelihood 2 --impact 5 --stage develop --owner ciso --model acme-7b',
    )
    .action(async (opts: RiskInput & { json?: boolean }, command: Command) => {
      const risk = await withRecord(command, io, (ctx) => addRisk(ctx, opts));
      if (opts.json) return writeJson(io, risk);
      io.out(`${risk.id}: score ${risk.score} (${risk.rating})`);
    });

  group
    .command('list')
    .description('list risks, highest score (likelihood x impact) first')
    .option('--model <id>', 'of one model')
    .addOption(new Option('--stage <stage>', 'in one lifecycle stage').choices(stages))
    .addOption(new Option('--status <status>', 'in one status').choices(riskStatuses))
    .option('--json', 'print them as JSON')
    .action(
      async (
        opts: { model?: string; stage?: string; status?: string; json?: boolean },
        command: Command,
      ) => {
        const risks = await withRecord(command, io, (ctx) => listRisks(ctx, opts));
        if (opts.json) return writeJson(io, risks);
        const table = compactTable(['id', 'score', 'L x I', 'stage', 'owner', 'status', 'title']);
        for (const r of risks)
          table.push([
            r.id,
            `${r.score} ${r.rating}`,
            `${r.likelihood} x ${r.impact}`,
            r.stage,
            r.owner,
            r.status,
            r.title,
          ]);
        io.out(risks.length ? table.toString() : 'The risk register is empty.');
      },
    );
}
