// `anjeon frameworks show`: a framework as a person reads it, from its source to its assumptions.

import type { Colors } from 'picocolors/types.js';
import type { Framework } from '../frameworks/definition.js';
import type { Lang } from '../frameworks/messages.js';
import type { Condition, FrameworkDefinition, Trigger } from '../frameworks/schema.js';
import type { Io } from './io.js';

export function localName(d: { name: string; name_ko?: string }, lang: Lang): string {
  return lang === 'ko' && d.name_ko ? d.name_ko : d.name;
}

export function describeFramework(framework: Framework, lang: Lang, io: Io): string {
  const d = framework.definition;
  const c = io.color;
  const sections = [
    [
      c.bold(localName(d, lang)) + `  ${d.id} ${d.version}, published ${d.published}, ${d.kind}`,
      ...(d.summary ? ['', d.summary] : []),
    ],
    section(c, 'Source', sourceLines(d)),
    section(c, 'Domains', domainLines(framework, lang, c)),
    section(c, 'Rules', ruleLines(d)),
    section(
      c,
      'Re-evaluation',
      d.triggers.map((t) => `  ${triggerText(t)} [${t.id}]`),
    ),
    section(c, 'Classification', classificationLines(d)),
    section(c, 'Context inputs (under context: in the evidence)', contextLines(d)),
    section(c, 'Crosswalk from the common vocabulary (levels for common 0..4)', crosswalkLines(d)),
    section(
      c,
      'What the source leaves open, and what this file assumes',
      d.provenance.assumptions.flatMap((a) => [`  - open: ${a.open}`, `    assumed: ${a.assumed}`]),
    ),
  ];
  return sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n');
}

function section(c: Colors, title: string, lines: string[]): string[] {
  return lines.length ? [c.bold(title), ...lines] : [];
}

function sourceLines(d: FrameworkDefinition): string[] {
  const p = d.provenance;
  return [
    `  ${p.organisation}: ${p.source_url} (${p.source_quality})`,
    ...p.other_sources.map((s) => `  ${s}`),
    ...(p.notes ? [`  ${p.notes}`] : []),
  ];
}

function domainLines(framework: Framework, lang: Lang, c: Colors): string[] {
  return framework.definition.domains.flatMap((domain) => {
    const scale = framework.scales.get(domain.scale)!;
    const shape = domain.result === 'pre_post' ? 'pre/post' : 'level';
    return [
      `  ${c.bold(domain.id)}  ${localName(domain, lang)}${domain.gating ? '' : ' (does not gate)'}`,
      `    ${shape} on ${scale.levels.map((l) => l.id).join(' < ')}`,
      ...domain.metrics.map(
        (m) =>
          `    metric ${m.metric} ${m.at_least !== undefined ? `>= ${m.at_least}` : `> ${m.greater_than}`} gives ${m.level}`,
      ),
    ];
  });
}

function ruleLines(d: FrameworkDefinition): string[] {
  const gates = (['develop', 'deploy'] as const).flatMap((action) =>
    d.gates[action].map((rule) => {
      if ('block_when' in rule)
        return `  ${action}: blocked when ${conditionText(rule.block_when)}: ${rule.message} [${rule.id}]`;
      const field = rule.ceiling.field === 'level' ? '' : `${rule.ceiling.field}-mitigation `;
      const scope = rule.ceiling.domains ? ` in ${rule.ceiling.domains.join(', ')}` : '';
      return `  ${action}: every ${field}level${scope} <= ${rule.ceiling.at_most} [${rule.id}]`;
    }),
  );
  const requirements = d.requirements.map((r) => {
    const needs = [
      ...(r.require.safeguards ?? []),
      ...(r.require.security ? [`security >= ${r.require.security.at_least}`] : []),
      ...(r.require.deployment ? [`deployment >= ${r.require.deployment.at_least}`] : []),
    ].join(', ');
    const blocks = r.blocks.length ? `blocks ${r.blocks.join(', ')}` : 'advisory';
    return `  when ${conditionText(r.when)}: ${needs} (${blocks}) [${r.id}]`;
  });
  return [...gates, ...requirements];
}

/** A condition in words, compact enough for one line. */
export function conditionText(c: Condition): string {
  const test = (t: { at_least?: string; at_most?: string; equals?: string }) =>
    t.at_least !== undefined
      ? `>= ${t.at_least}`
      : t.at_most !== undefined
        ? `<= ${t.at_most}`
        : `= ${t.equals}`;
  if (c.always) return 'always';
  if (c.domain) {
    const where = c.domain.domains ? c.domain.domains.join(' or ') : 'any domain';
    return `${where}${c.domain.field === 'level' ? '' : ` ${c.domain.field}`} ${test(c.domain)}`;
  }
  if (c.overall)
    return `overall ${c.overall.field === 'level' ? '' : `${c.overall.field} `}${test(c.overall)}`;
  if (c.context) {
    const t = c.context;
    const op =
      t.equals !== undefined
        ? `= ${String(t.equals)}`
        : t.in
          ? `in ${t.in.join(', ')}`
          : t.present !== undefined
            ? t.present
              ? 'is given'
              : 'is not given'
            : t.nonempty !== undefined
              ? t.nonempty
                ? 'is not empty'
                : 'is empty'
              : t.at_least !== undefined
                ? `>= ${t.at_least}`
                : `> ${t.greater_than}`;
    return `context.${t.path} ${op}`;
  }
  if (c.classification) {
    const t = c.classification;
    return t.flag ? t.flag : t.tier ? `tier = ${t.tier}` : `tier >= ${t.tier_at_least}`;
  }
  if (c.all) return `(${c.all.map(conditionText).join(' and ')})`;
  if (c.any) return `(${c.any.map(conditionText).join(' or ')})`;
  return `not ${conditionText(c.not!)}`;
}

function triggerText(t: Trigger): string {
  if (t.months) return `${t.months} months after the latest evaluation`;
  if (t.days) return `${t.days} days after the latest evaluation`;
  if (t.effective_compute_multiple) {
    return `${t.strictly_greater ? 'more than ' : ''}${t.effective_compute_multiple}x the evaluated effective compute`;
  }
  return `on events: ${t.events!.join(', ')}`;
}

function classificationLines(d: FrameworkDefinition): string[] {
  if (!d.classification) return [];
  const cls = d.classification;
  return [
    `  tiers: ${cls.tiers.join(' < ')} (default ${cls.default})`,
    ...cls.rules.map(
      (r) => `  ${r.tier} when ${conditionText(r.when)}${r.source ? ` [${r.source}]` : ''}`,
    ),
    ...cls.flags.map(
      (f) => `  flag ${f.id} when ${conditionText(f.when)}${f.source ? ` [${f.source}]` : ''}`,
    ),
  ];
}

function contextLines(d: FrameworkDefinition): string[] {
  return [
    ...d.context.map(
      (input) =>
        `  context.${input.path} (${input.type}${input.nullable ? ', or null' : ''})${input.values ? `: ${input.values.join(', ')}` : ''}`,
    ),
  ];
}

function crosswalkLines(d: FrameworkDefinition): string[] {
  const cw = d.crosswalk;
  if (!cw) return [];
  const mappings = Object.entries(cw.capabilities).flatMap(([cap, m]) =>
    (Array.isArray(m) ? m : [m]).map(
      (x) =>
        `  ${cap} -> ${x.domain}: ${x.levels.join(', ')}${x.use === 'post' ? ' (reads post)' : ''}`,
    ),
  );
  return [
    ...mappings,
    ...(cw.security ? [`  security (RAND 0..5): ${cw.security.join(', ')}`] : []),
    ...(cw.deployment ? [`  deployment (0..3): ${cw.deployment.join(', ')}`] : []),
    ...Object.entries(cw.safeguards).map(([id, commons]) => `  ${id} <- ${commons.join(' or ')}`),
    ...(cw.notes ? [`  ${cw.notes}`] : []),
  ];
}
