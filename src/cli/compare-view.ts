// The side-by-side view: a matrix of frameworks and gates, then the disagreements and why.

import { compactTable } from './table.js';
import type { Colors } from 'picocolors/types.js';
import type { Comparison } from '../frameworks/compare.js';
import type { Lang } from '../frameworks/messages.js';
import { labels } from './labels.js';

export function renderComparison(cmp: Comparison, c: Colors, lang: Lang): string {
  const l = labels(lang);
  const verdict = (allowed: boolean) => (allowed ? c.green(l.allowed) : c.red(l.blocked));
  const matrix = compactTable(
    [l.framework, `${l.overall} / ${l.tier}`, l.develop, l.deploy, l.nextEvaluationColumn].map(
      (h) => c.bold(h),
    ),
  );
  for (const f of cmp.frameworks) {
    const level =
      f.kind === 'classification'
        ? f.classification_answered
          ? (f.classification ?? l.none)
          : c.red(`${f.classification} (${l.unanswered})`)
        : overallText(f.overall, l.notEvaluated);
    matrix.push([
      `${c.bold(f.id)} ${c.dim(f.version)}`,
      level,
      verdict(f.develop),
      verdict(f.deploy),
      f.next_evaluation_due ? c.red(l.due) : l.notDue,
    ]);
  }
  const lines = [c.bold(cmp.model) + `  ${l.asOf} ${cmp.as_of}`, '', matrix.toString(), ''];
  if (cmp.disagreements.length === 0) lines.push(l.agree);
  else {
    lines.push(c.bold(l.disagreements));
    for (const d of cmp.disagreements) {
      lines.push(
        `  ${c.bold(l[d.action])}: ${l.allowedBy} ${d.allowed_by.join(', ')}; ${l.blockedBy} ${d.blocked_by.map((b) => b.framework).join(', ')}`,
      );
      for (const b of d.blocked_by) {
        lines.push(`    ${b.framework}:`);
        for (const r of b.reasons) lines.push(`      ✗ ${r}`);
      }
    }
  }
  if (cmp.capabilities.length)
    lines.push('', c.bold(l.capabilities), capabilityTable(cmp, c, l.capability));
  return lines.join('\n');
}

function overallText(o: Comparison['frameworks'][number]['overall'], missing: string): string {
  if (o.pre !== undefined) return `${o.pre ?? missing} / ${o.post ?? missing}`;
  return o.level ?? missing;
}

function capabilityTable(cmp: Comparison, c: Colors, heading: string): string {
  const table = compactTable([heading, 'common', 'framework → domain level'].map((h) => c.bold(h)));
  for (const cap of cmp.capabilities) {
    const common = cap.post === cap.pre ? String(cap.pre) : `${cap.pre} / ${cap.post}`;
    const readings = cap.readings
      .map(
        (r) =>
          `${r.framework} → ${r.domain} ${r.post_level ? `${r.level} / ${r.post_level}` : r.level}${r.gating ? '' : ' *'}`,
      )
      .join('\n');
    table.push([cap.capability, `${common}\n${c.dim(cap.date)}`, readings || c.dim('-')]);
  }
  return table.toString();
}
