// `anjeon decision request|approve|reject|show|list`: the path from evidence to a recorded decision.

import { Option, type Command } from 'commander';
import { actions } from '../frameworks/schema.js';
import { decide, requestDecision } from '../registry/decisions.js';
import { listDecisions, showDecision, type DecisionView } from '../registry/decision-views.js';
import { writeJson, type Io } from './io.js';
import { parseList } from './options.js';
import { withRecord } from './record.js';
import { compactTable } from './table.js';

export function registerDecisionCommands(program: Command, io: Io): void {
  const group = program
    .command('decision')
    .description('request, approve, reject, show and list decisions to develop or deploy');

  group
    .command('request')
    .argument('<model>', 'a model in the record')
    .description(
      'ask to develop a model further or deploy it; the assessment it is judged on is kept',
    )
    .requiredOption('--framework <id>', 'the framework the decision is taken under')
    .addOption(
      new Option('--action <action>', 'develop or deploy').choices(actions).makeOptionMandatory(),
    )
    .option('--note <text>', 'what is asked and why')
    .option(
      '--roles <roles>',
      "roles that must approve, comma-separated (default: config.yaml's approvals)",
      parseList,
    )
    .option('--json', 'print the decision as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  anjeon decision request acme-7b --framework openai-preparedness-2023 --action deploy --note "public API launch"',
    )
    .action(
      async (
        model: string,
        opts: {
          framework: string;
          action: string;
          note?: string;
          roles?: string[];
          json?: boolean;
        },
        command: Command,
      ) => {
        const d = await withRecord(command, io, (ctx) =>
          requestDecision(ctx, {
            model,
            framework: opts.framework,
            action: opts.action,
            note: opts.note,
            roles: opts.roles,
          }),
        );
        if (opts.json) return writeJson(io, d);
        io.out(renderDecision(d, io));
      },
    );

  for (const verdict of ['approve', 'reject'] as const) {
    group
      .command(verdict)
      .argument('<decision>', 'a decision id, e.g. dec-1')
      .description(
        verdict === 'approve'
          ? 'approve a pending decision for one of your roles (refused while the gate is blocked)'
          : 'reject a pending decision; it becomes final',
      )
      .option(
        '--role <role>',
        verdict === 'approve'
          ? 'which of your roles this approval is for (default: the first awaited one you hold)'
          : 'the role you reject as',
      )
      .option('--comment <text>', verdict === 'approve' ? 'why' : 'why (required)')
      .option('--json', 'print the decision as JSON')
      .action(
        async (
          id: string,
          opts: { role?: string; comment?: string; json?: boolean },
          command: Command,
        ) => {
          const d = await withRecord(command, io, (ctx) =>
            decide(ctx, { decision: id, verdict, role: opts.role, comment: opts.comment }),
          );
          if (opts.json) return writeJson(io, d);
          io.out(renderDecision(d, io));
        },
      );
  }

  group
    .command('show')
    .argument('<decision>', 'a decision id')
    .description('the decision, its approvals (void ones marked), and the gate')
    .option('--json', 'print it as JSON, with the assessment snapshots')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      const d = await withRecord(command, io, (ctx) => showDecision(ctx, id));
      if (opts.json) return writeJson(io, d);
      io.out(renderDecision(d, io));
    });

  group
    .command('list')
    .description('list decisions')
    .option('--model <id>', 'of one model')
    .option('--status <status>', 'pending, approved or rejected')
    .option('--json', 'print them as JSON')
    .action(async (opts: { model?: string; status?: string; json?: boolean }, command: Command) => {
      const rows = await withRecord(command, io, (ctx) => listDecisions(ctx, opts));
      if (opts.json) return writeJson(io, rows);
      const table = compactTable([
        'id',
        'model',
        'framework',
        'action',
        'status',
        'requested',
        'decided',
      ]);
      for (const r of rows)
        table.push([
          r.id,
          r.model,
          r.framework,
          r.action,
          r.status,
          `${r.requested_at.slice(0, 10)} ${r.requested_by}`,
          r.decided_at?.slice(0, 10) ?? '',
        ]);
      io.out(rows.length ? table.toString() : 'No decisions yet.');
    });
}

function renderDecision(d: DecisionView, io: Io): string {
  const c = io.color;
  const status =
    d.status === 'approved'
      ? c.green(c.bold('APPROVED'))
      : d.status === 'rejected'
        ? c.red(c.bold('REJECTED'))
        : c.yellow(c.bold('PENDING'));
  const lines = [
    `${c.bold(d.id)}  ${d.action} ${d.model} under ${d.framework}: ${status}`,
    `requested by ${d.requested_by} at ${d.requested_at}${d.note ? `: ${d.note}` : ''}`,
    `approvals needed: ${d.required_roles.join(', ')}${d.awaiting.length ? `; awaiting ${d.awaiting.join(', ')}` : ''}`,
  ];
  for (const a of d.approvals) {
    const mark = a.verdict === 'approve' ? (a.void ? c.dim('void') : c.green('✓')) : c.red('✗');
    lines.push(
      `  ${mark} ${a.verdict} by ${a.actor}${a.role ? ` as ${a.role}` : ''} at ${a.at}${a.comment ? `: ${a.comment}` : ''}${a.void ? c.dim(' (the evidence changed after it was given)') : ''}`,
    );
  }
  if (d.evidence_changed)
    lines.push(
      c.yellow(
        'the evidence changed since the request; approvals given before the change are void',
      ),
    );
  const gate = d.gate.allowed ? c.green('allowed') : c.red('blocked');
  lines.push(
    `${d.status === 'pending' ? 'gate now' : 'gate when decided'}: ${gate}`,
    ...d.gate.reasons.map((r) => `  ${d.gate.allowed ? '✓' : '✗'} ${r}`),
  );
  return lines.join('\n');
}
