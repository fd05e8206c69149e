// The scorecard a person takes in at a glance: domains, gates, safeguards, next evaluation, warnings.

import { compactTable } from './table.js';
import type { Colors } from 'picocolors/types.js';
import type { Assessment } from '../frameworks/assess.js';
import { formatNumber, type Lang } from '../frameworks/messages.js';
import type { Action } from '../frameworks/schema.js';
import { labels, type Labels } from './labels.js';

export function renderScorecard(a: Assessment, c: Colors, lang: Lang): string {
  const l = labels(lang);
  const lines = [
    c.bold(`${a.model}`) +
      `  ${l.under} ${a.framework.name} (${a.framework.id} ${a.framework.version}), ${l.asOf} ${a.as_of}`,
  ];
  if (a.domains.length) lines.push('', domainTable(a, c, l));
  if (a.classification) lines.push('', ...classificationLines(a, c, l));
  lines.push(
    '',
    c.bold(l.gates),
    ...gateLines(a, 'develop', c, l),
    ...gateLines(a, 'deploy', c, l),
  );
  if (a.required_safeguards.length)
    lines.push('', c.bold(l.requiredSafeguards), ...safeguardLines(a, c, l));
  lines.push('', ...nextEvaluationLines(a, c, l));
  if (a.warnings.length)
    lines.push('', c.bold(c.yellow(l.warnings)), ...a.warnings.map((w) => `  ! ${w}`));
  return lines.join('\n');
}

export function renderGate(a: Assessment, action: Action, c: Colors, lang: Lang): string {
  const l = labels(lang);
  const gate = a.gates[action];
  const verdict = gate.allowed ? c.green(c.bold(l.allowed)) : c.red(c.bold(l.blocked));
  const head = `${l[action]} ${verdict}: ${a.model} ${l.under} ${a.framework.id} ${a.framework.version}, ${l.asOf} ${a.as_of}`;
  return [head, ...gate.reasons.map((r) => `  ${gate.allowed ? '✓' : '✗'} ${r}`)].join('\n');
}

function blockingDomains(a: Assessment): Set<string> {
  const ids = new Set<string>();
  for (const gate of Object.values(a.gates)) {
    for (const check of gate.checks) if (!check.passed && check.domain) ids.add(check.domain);
  }
  return ids;
}

function domainTable(a: Assessment, c: Colors, l: Labels): string {
  const prePost = a.domains.some((d) => d.pre !== undefined);
  const blocking = blockingDomains(a);
  const head = prePost ? [l.domain, l.pre, l.post, l.evaluated] : [l.domain, l.level, l.evaluated];
  const table = compactTable(head.map((h) => c.bold(h)));
  for (const d of a.domains) {
    const paint = (text: string | null | undefined) => {
      if (text === null || text === undefined) return c.red(l.notEvaluated);
      return blocking.has(d.id) ? c.red(text) : text;
    };
    const name = d.gating ? d.id : c.dim(`${d.id} *`);
    const evaluated = d.evaluated ?? '-';
    table.push(
      prePost ? [name, paint(d.pre), paint(d.post), evaluated] : [name, paint(d.level), evaluated],
    );
  }
  const o = a.overall;
  const overall = (text: string | null | undefined) => c.bold(text ?? '-');
  table.push(
    prePost
      ? [c.bold(l.overall), overall(o.pre), overall(o.post), '']
      : [c.bold(l.overall), overall(o.level), ''],
  );
  const footnote = a.domains.some((d) => !d.gating) ? '\n' + c.dim('* tracked, does not gate') : '';
  return table.toString() + footnote;
}

function gateLines(a: Assessment, action: Action, c: Colors, l: Labels): string[] {
  const gate = a.gates[action];
  const verdict = gate.allowed ? c.green(c.bold(l.allowed)) : c.red(c.bold(l.blocked));
  const lines = [`  ${l[action].padEnd(8)} ${verdict}`];
  for (const reason of gate.reasons)
    lines.push(`    ${gate.allowed ? c.green('✓') : c.red('✗')} ${reason}`);
  return lines;
}

function safeguardLines(a: Assessment, c: Colors, l: Labels): string[] {
  return a.required_safeguards.map((s) => {
    const mark = s.met ? c.green('✓') : c.red('✗');
    const what = s.kind === 'safeguard' ? s.id : `${s.id} >= ${s.required} (${s.actual ?? l.none})`;
    const scope = s.blocks.length
      ? `${l.blocks} ${s.blocks.map((b) => l[b]).join(', ')}`
      : l.advisory;
    return `  ${mark} ${c.bold(what)}  ${c.dim(`[${scope}]`)}`;
  });
}

function nextEvaluationLines(a: Assessment, c: Colors, l: Labels): string[] {
  const n = a.next_evaluation;
  const state = n.due ? c.red(c.bold(l.due)) : c.green(l.notDue);
  const when = [
    n.due_date ? `${l.dueDate} ${n.due_date}` : null,
    n.due_at_effective_compute !== null
      ? `${l.dueAtCompute} ${formatNumber(n.due_at_effective_compute)}`
      : null,
  ].filter(Boolean);
  return [
    `${c.bold(l.nextEvaluation)}: ${state}${when.length ? `  (${when.join('; ')})` : ''}`,
    ...n.reasons.map((r) => `  - ${r}`),
  ];
}

function classificationLines(a: Assessment, c: Colors, l: Labels): string[] {
  const cls = a.classification!;
  const flags = Object.entries(cls)
    .filter(([k, v]) => typeof v === 'boolean' && v && k !== 'answered')
    .map(([k]) => k);
  const tier = cls.answered ? c.bold(cls.tier) : c.red(`${cls.tier} (${l.unanswered})`);
  return [
    `${c.bold(l.classification)}: ${l.tier} ${tier}${flags.length ? `  + ${flags.join(', ')}` : ''}`,
    ...cls.reasons.map((r) => `  - ${r}`),
  ];
}
