// `anjeon eval record|list`: evaluations into the record, from an evidence file or from flags.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AnjeonError, inputError } from '../errors.js';
import { evidenceSchema, type Evidence } from '../frameworks/evidence.js';
import { readEvidence, readText } from '../frameworks/files.js';
import { formatPath, zodProblems, type SourceDocument } from '../frameworks/yaml-document.js';
import type { FileInput } from '../registry/blobs.js';
import { listEvaluations, recordEvidence } from '../registry/evaluations.js';
import { writeJson, type Io } from './io.js';
import { collect, parseFlop, withRecord } from './record.js';
import { compactTable } from './table.js';

interface RecordOptions {
  evidence?: string;
  framework?: string;
  attach?: string[];
  date?: string;
  id?: string;
  checkpoint?: string;
  result?: string[];
  capability?: string[];
  metric?: string[];
  evaluator?: string;
  method?: string;
  notes?: string;
  effectiveCompute?: number;
  json?: boolean;
}

interface StoredResult {
  level?: string;
  pre?: string;
  post?: string;
  metrics?: Record<string, number>;
}

/** A level, pre/post levels, or (for results given as metrics only) the first few metrics. */
function resultText(r: StoredResult): string {
  if (r.level) return r.level;
  if (r.pre || r.post) return `${r.pre ?? '-'}/${r.post ?? '-'}`;
  const metrics = Object.entries(r.metrics ?? {});
  const shown = metrics.slice(0, 2).map(([k, v]) => `${k}=${Number(v.toPrecision(3))}`);
  return metrics.length > 2
    ? `${shown.join(', ')}, +${metrics.length - 2} metrics`
    : shown.join(', ');
}

export function readFileInput(path: string): FileInput {
  try {
    return { name: basename(path), bytes: readFileSync(path) };
  } catch {
    readText(path); // raises the error that names the problem (no such file, a directory, ...)
    throw new AnjeonError('runtime', `${path}: cannot read`);
  }
}

/** `cbrn=asl-2`, `cbrn=high/medium` (pre/post), `cbrn=3` or `cbrn=3/2` for common capabilities. */
function pairs(values: string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).map((v) => {
    const i = v.indexOf('=');
    if (i <= 0 || i === v.length - 1)
      throw new AnjeonError('usage', `${flag} ${v}: expected NAME=VALUE`);
    return [v.slice(0, i), v.slice(i + 1)];
  });
}

function evidenceFromFlags(model: string, o: RecordOptions): Evidence {
  if (!o.date)
    throw new AnjeonError(
      'usage',
      'give --evidence FILE, or --date with --result/--capability/--metric flags',
    );
  const results: Record<string, Record<string, unknown>> = {};
  for (const [domain, value] of pairs(o.result, '--result')) {
    const [pre, post] = value.split('/');
    results[domain] = post === undefined ? { level: pre } : { pre, post };
  }
  for (const [name, value] of pairs(o.metric, '--metric')) {
    const [domain, metric] = name.split('.');
    if (!domain || !metric || Number.isNaN(Number(value)))
      throw new AnjeonError('usage', `--metric ${name}=${value}: expected DOMAIN.METRIC=NUMBER`);
    const r = (results[domain] ??= {});
    r.metrics = { ...(r.metrics as object), [metric]: Number(value) };
  }
  const capabilities: Record<string, unknown> = {};
  for (const [cap, value] of pairs(o.capability, '--capability')) {
    const [pre, post] = value.split('/').map(Number);
    capabilities[cap] = post === undefined ? pre : { pre, post };
  }
  const input = {
    model: { id: model },
    evaluations: [
      {
        date: o.date,
        ...(o.id ? { id: o.id } : {}),
        ...(o.checkpoint ? { checkpoint: o.checkpoint } : {}),
        ...(o.effectiveCompute ? { effective_compute: o.effectiveCompute } : {}),
        ...(o.evaluator ? { evaluator: o.evaluator } : {}),
        ...(o.method ? { method: o.method } : {}),
        ...(o.notes ? { notes: o.notes } : {}),
        results,
        capabilities,
      },
    ],
  };
  const parsed = evidenceSchema.safeParse(input);
  if (!parsed.success) {
    throw inputError(
      'the flags do not make a valid evaluation',
      undefined,
      zodProblems(parsed.error).map((p) => `${formatPath(p.path)}: ${p.message}`),
    );
  }
  return parsed.data;
}

export function registerEvaluationCommands(program: Command, io: Io): void {
  const group = program.command('eval').description('record evaluations of a model, or list them');

  group
    .command('record')
    .argument('<model>', 'a registered model')
    .description(
      "store an evidence file's evaluations, safeguards, events and context (or one evaluation from flags)",
    )
    .option(
      '--evidence <file>',
      'evidence file in the CONTRACTS.md format, YAML or JSON ("-" reads stdin)',
    )
    .option(
      '--framework <id>',
      "framework for results that do not name one (default: the model's only framework)",
    )
    .option(
      '--attach <file>',
      'a file to keep with the evaluations (report, transcript); repeatable',
      collect,
    )
    .option('--date <date>', 'without --evidence: the evaluation date')
    .option('--id <label>', 'without --evidence: a label for the evaluation')
    .option(
      '--checkpoint <version>',
      'without --evidence: the model version evaluated (see anjeon model version)',
    )
    .option(
      '--result <domain=level>',
      'without --evidence: a result, e.g. cbrn=asl-2 or cbrn=high/medium; repeatable',
      collect,
    )
    .option(
      '--capability <cap=level>',
      'without --evidence: a common capability level, e.g. cyber=2 or cbrn=3/2; repeatable',
      collect,
    )
    .option(
      '--metric <domain.metric=value>',
      'without --evidence: e.g. autonomy.aggregate_success=0.55; repeatable',
      collect,
    )
    .option('--evaluator <who>', 'without --evidence: who evaluated')
    .option('--method <how>', 'without --evidence: how')
    .option('--notes <text>', 'without --evidence: notes')
    .option(
      '--effective-compute <flop>',
      'without --evidence: effective compute of the evaluated checkpoint',
      parseFlop,
    )
    .option('--json', 'print {recorded, already_recorded, safeguards, events, version, ...}')
    .addHelpText(
      'after',
      `
Recording the same evaluation twice stores it once. The evidence file itself and every --attach file
are kept in the record, addressed by their SHA-256.

Examples:
  anjeon eval record acme-7b --evidence examples/acme-7b.yaml --attach report.pdf
  anjeon eval record acme-7b --framework anthropic-rsp-2023 --date 2025-02-01 --result cbrn=asl-2 --result cyber=asl-2 --metric autonomy.aggregate_success=0.31`,
    )
    .action(async (model: string, opts: RecordOptions, command: Command) => {
      let evidence: Evidence;
      let doc: SourceDocument | undefined;
      let source: FileInput | undefined;
      if (opts.evidence) {
        const file = readEvidence(opts.evidence);
        evidence = file.evidence;
        doc = file.doc;
        source = {
          name: opts.evidence === '-' ? 'stdin.yaml' : basename(opts.evidence),
          bytes: Buffer.from(file.text),
        };
      } else evidence = evidenceFromFlags(model, opts);
      const attachments = (opts.attach ?? []).map(readFileInput);
      const result = await withRecord(command, io, (ctx) =>
        recordEvidence(ctx, model, {
          evidence,
          doc,
          source,
          framework: opts.framework,
          attachments,
        }),
      );
      if (opts.json) return writeJson(io, result);
      const parts = [
        `${result.recorded.length} evaluation(s) recorded${result.recorded.length ? ` (${result.recorded.join(', ')})` : ''}`,
        ...(result.already_recorded.length
          ? [
              `${result.already_recorded.length} already in the record (${result.already_recorded.join(', ')})`,
            ]
          : []),
        ...(result.safeguards.length ? [`${result.safeguards.length} safeguard fact(s)`] : []),
        ...(result.events.length ? [`${result.events.length} event(s)`] : []),
        ...(result.version ? [`new version ${result.version}`] : []),
        ...(result.context_changed ? ['context updated'] : []),
      ];
      io.out(`${model}: ${parts.join('; ')}`);
    });

  group
    .command('list')
    .argument('<model>', 'a registered model')
    .description("list a model's evaluations")
    .option('--json', 'print them as JSON, with results')
    .action(async (model: string, opts: { json?: boolean }, command: Command) => {
      const evaluations = await withRecord(command, io, (ctx) => listEvaluations(ctx, model));
      if (opts.json) return writeJson(io, evaluations);
      const table = compactTable(['id', 'date', 'framework', 'results', 'evaluator', 'recorded']);
      for (const e of evaluations) {
        const results = Object.entries(e.results as Record<string, StoredResult>).map(
          ([d, r]) => `${d} ${resultText(r)}`,
        );
        const caps = Object.entries(e.capabilities as Record<string, unknown>).map(
          ([k, v]) => `${k} ${typeof v === 'number' ? v : JSON.stringify(v)}`,
        );
        table.push([
          e.id,
          e.date,
          e.framework_id ?? 'common',
          [...results, ...caps].join('\n'),
          e.evaluator ?? '',
          `${e.recorded_at.slice(0, 10)} ${e.recorded_by}`,
        ]);
      }
      io.out(evaluations.length ? table.toString() : `No evaluations of ${model} yet.`);
    });
}
