// `anjeon frameworks list|show|validate`: what frameworks exist, what one says, whether a file is valid.

import { compactTable } from './table.js';
import type { Command } from 'commander';
import { AnjeonError } from '../errors.js';
import { loadFramework, presets, readText } from '../frameworks/files.js';
import { parseFramework, type Framework } from '../frameworks/definition.js';
import type { Lang } from '../frameworks/messages.js';
import { writeJson, type Io } from './io.js';
import { commandLang } from './options.js';
import { ExitWith, exitCodes } from './program.js';

export function registerFrameworkCommands(program: Command, io: Io): void {
  const group = program
    .command('frameworks')
    .description('list the framework presets, show one, or validate a framework file');

  group
    .command('list')
    .description('list the framework presets')
    .option('--json', 'print JSON: [{id, name, version, published, kind}]')
    .action((opts: { json?: boolean }, command: Command) => {
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

function localName(d: { name: string; name_ko?: string }, lang: Lang) {
  return lang === 'ko' && d.name_ko ? d.name_ko : d.name;
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

function describeFramework(framework: Framework, lang: Lang, io: Io): string {
  const d = framework.definition;
  const c = io.color;
  const lines: string[] = [];
  lines.push(
    c.bold(`${localName(d, lang)}`) + `  ${d.id} ${d.version}, published ${d.published}, ${d.kind}`,
  );
  if (d.summary) lines.push('', d.summary);
  lines.push(
    '',
    c.bold('Source'),
    `  ${d.provenance.organisation}: ${d.provenance.source_url} (${d.provenance.source_quality})`,
  );
  for (const s of d.provenance.other_sources) lines.push(`  ${s}`);
  if (d.provenance.notes) lines.push(`  ${d.provenance.notes}`);
  if (d.domains.length) {
    lines.push('', c.bold('Domains'));
    for (const domain of d.domains) {
      const scale = framework.scales.get(domain.scale)!;
      const shape = domain.result === 'pre_post' ? 'pre/post' : 'level';
      const gating = domain.gating ? '' : ' (does not gate)';
      lines.push(`  ${c.bold(domain.id)}  ${localName(domain, lang)}${gating}`);
      lines.push(`    ${shape} on ${scale.levels.map((l) => l.id).join(' < ')}`);
      for (const m of domain.metrics) {
        lines.push(
          `    metric ${m.metric} ${m.at_least !== undefined ? `>= ${m.at_least}` : `> ${m.greater_than}`} gives ${m.level}`,
        );
      }
    }
  }
  const gateLines = (['develop', 'deploy'] as const).flatMap((action) =>
    d.gates[action].map((rule) =>
      'ceiling' in rule
        ? `  ${action}: every ${rule.ceiling.field === 'level' ? '' : `${rule.ceiling.field}-mitigation `}level <= ${rule.ceiling.at_most} [${rule.id}]`
        : `  ${action}: blocked when ${JSON.stringify(rule.block_when)}: ${rule.message} [${rule.id}]`,
    ),
  );
  const requirementLines = d.requirements.map((r) => {
    const needs = [
      ...(r.require.safeguards ?? []),
      ...(r.require.security ? [`security >= ${r.require.security.at_least}`] : []),
      ...(r.require.deployment ? [`deployment >= ${r.require.deployment.at_least}`] : []),
    ].join(', ');
    const blocks = r.blocks.length ? `blocks ${r.blocks.join(', ')}` : 'advisory';
    return `  when ${JSON.stringify(r.when)}: ${needs} (${blocks}) [${r.id}]`;
  });
  if (gateLines.length + requirementLines.length)
    lines.push('', c.bold('Rules'), ...gateLines, ...requirementLines);
  if (d.triggers.length) {
    lines.push('', c.bold('Re-evaluation'));
    for (const t of d.triggers) {
      const what = t.months
        ? `${t.months} months after the latest evaluation`
        : t.days
          ? `${t.days} days after the latest evaluation`
          : t.effective_compute_multiple
            ? `${t.strictly_greater ? 'more than ' : ''}${t.effective_compute_multiple}x the evaluated effective compute`
            : `on events: ${t.events!.join(', ')}`;
      lines.push(`  ${what} [${t.id}]`);
    }
  }
  if (d.classification) {
    lines.push(
      '',
      c.bold('Classification'),
      `  tiers: ${d.classification.tiers.join(' < ')} (default ${d.classification.default})`,
    );
    for (const input of d.context) {
      const values = input.values ? `: ${input.values.join(', ')}` : '';
      lines.push(`  context.${input.path} (${input.type})${values}`);
    }
  }
  if (d.provenance.assumptions.length) {
    lines.push('', c.bold('What the source leaves open, and what this file assumes'));
    for (const a of d.provenance.assumptions)
      lines.push(`  - open: ${a.open}`, `    assumed: ${a.assumed}`);
  }
  return lines.join('\n');
}
