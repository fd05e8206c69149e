// The data risk document: what a training-data scan found, what was removed or redacted and by
// which rule, what remains, and the limits of the detection (LG's AI risk management process asks
// for this record), as Markdown or a self-contained HTML page.

import { hazardCodes, hazardNames, piiNames, piiTypes } from '../detect/types.js';
import type { Lang } from '../frameworks/messages.js';
import type { LineIssue, ScanReport } from '../scan/report-types.js';
import { actionsSection } from './data-risk-actions.js';
import {
  countTable,
  dataRiskContext,
  hazardLabel,
  literals,
  piiLabel,
  share,
  type DataRiskContext,
} from './data-risk-context.js';
import { limitsSection } from './data-risk-limits.js';
import { remainsSection } from './data-risk-remains.js';
import {
  cleanText,
  literal,
  type Block,
  type ReportDocument,
  type Section,
  type Text,
} from './document.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { DetectionQuality } from './quality.js';

export function dataRiskMarkdown(
  report: ScanReport,
  quality: DetectionQuality | null,
  lang: Lang,
): string {
  return renderMarkdown(dataRiskDocument(report, quality, lang));
}

export function dataRiskHtml(
  report: ScanReport,
  quality: DetectionQuality | null,
  lang: Lang,
): string {
  return renderHtml(dataRiskDocument(report, quality, lang));
}

/** The document as a section model, which both renderers read. */
export function dataRiskDocument(
  report: ScanReport,
  quality: DetectionQuality | null,
  lang: Lang,
): ReportDocument {
  const ctx = dataRiskContext(report, lang);
  return {
    lang,
    title: ctx.w.title,
    intro: [ctx.w.intro],
    sections: [
      dataSection(ctx),
      risksSection(ctx),
      actionsSection(ctx),
      remainsSection(ctx),
      limitsSection(ctx, quality),
    ],
  };
}

function size(bytes: number, ctx: DataRiskContext): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const short = unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
  const gz = ctx.report.input.gzip ? `, ${ctx.w.compressed}` : '';
  return `${short} (${ctx.w.bytes(ctx.count(bytes))}${gz})`;
}

function elapsed(ms: number, lang: Lang): string {
  const s = ms / 1000;
  if (s < 60) return lang === 'ko' ? `${s.toFixed(1)}초` : `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - 60 * m);
  return lang === 'ko' ? `${m}분 ${rest}초` : `${m} min ${rest} s`;
}

function dataSection(ctx: DataRiskContext): Section {
  const { report: r, w } = ctx;
  const d = r.detection;
  const scanned = `${r.started_at} – ${r.finished_at} (${elapsed(r.elapsed_ms, ctx.lang)}${
    r.resumed > 0 ? `; ${w.resumed(ctx.count(r.resumed))}` : ''
  })`;
  const checks = [
    d.pii
      ? w.piiChecked(ctx.count(d.pii_types.length), String(d.pii_min_confidence))
      : w.piiUnchecked,
    d.hazards ? w.hazardsChecked(String(d.hazard_threshold)) : w.hazardsUnchecked,
  ].join('; ');
  const rows: [string, Text][] = [
    [w.input, [literal(r.input.path)]],
    [w.format, [{ code: r.input.format }, ...(r.input.gzip ? [`, ${w.gzip}`] : [])]],
    [w.size, [size(r.input.bytes, ctx)]],
    [w.records, [ctx.count(r.records)]],
    [w.fields, literals(r.input.fields)],
    [w.idField, [literal(r.input.id_field)]],
    [w.scanned, [scanned]],
    [w.checks, [checks]],
    [w.version, [literal(r.anjeon_version)]],
  ];
  return { title: w.dataTitle, blocks: [{ kind: 'facts', rows }] };
}

function risksSection(ctx: DataRiskContext): Section {
  const { report: r, w, lang } = ctx;
  const total = ctx.count(r.records);
  const summary: Text[] = [
    [
      r.detection.pii
        ? w.withPii(ctx.count(r.records_with_pii), total, share(r.records_with_pii, r.records))
        : w.piiNotCounted,
    ],
    [
      r.detection.hazards
        ? w.withHazards(
            ctx.count(r.records_with_hazards),
            total,
            share(r.records_with_hazards, r.records),
          )
        : w.hazardsNotCounted,
    ],
  ];
  const blocks: Block[] = [{ kind: 'list', items: summary }];
  if (r.detection.pii) {
    blocks.push({ kind: 'heading', text: w.piiByType });
    blocks.push(
      ctx.piiFound.length
        ? countTable([w.type, w.name, w.findings], ctx.piiFound, r.findings.pii, ctx, (t) => [
            [{ code: t }],
            [piiNames[t][lang]],
          ])
        : { kind: 'paragraph', text: [w.noPii] },
    );
  }
  if (r.detection.hazards) {
    blocks.push({ kind: 'heading', text: w.hazardsByCode });
    blocks.push(
      ctx.hazardsFound.length
        ? countTable(
            [w.code, w.category, w.findings],
            ctx.hazardsFound,
            r.findings.hazards,
            ctx,
            (c) => [[{ code: c }], [hazardNames[c][lang]]],
          )
        : { kind: 'paragraph', text: [w.noHazards] },
    );
  }
  blocks.push({ kind: 'heading', text: w.samples }, samplesBlock(ctx));
  blocks.push({ kind: 'heading', text: w.unscanned });
  blocks.push(...lineIssues(w.malformed(ctx.count(r.malformed.count)), r.malformed, ctx));
  blocks.push(
    ...lineIssues(w.missingField(ctx.count(r.missing_field.count)), r.missing_field, ctx),
  );
  return { title: w.risksTitle, blocks };
}

function samplesBlock(ctx: DataRiskContext): Block {
  const { samples } = ctx.report;
  const items: Text[] = [];
  for (const t of piiTypes) {
    const list = samples.pii[t];
    if (list?.length) items.push([...piiLabel(t, ctx.lang), ': ', ...literals(list)]);
  }
  for (const c of hazardCodes) {
    const list = samples.hazards[c];
    if (list?.length) items.push([...hazardLabel(c, ctx.lang), ': ', ...literals(list)]);
  }
  return items.length ? { kind: 'list', items } : { kind: 'paragraph', text: [ctx.w.noSamples] };
}

function lineIssues(
  summary: string,
  issues: { count: number; lines: LineIssue[] },
  ctx: DataRiskContext,
): Block[] {
  const blocks: Block[] = [{ kind: 'paragraph', text: [summary] }];
  if (!issues.lines.length) return blocks;
  blocks.push({
    kind: 'table',
    head: [ctx.w.line, ctx.w.record, ctx.w.reason],
    rows: issues.lines.map((l) => [
      [ctx.count(l.line)],
      [ctx.count(l.record)],
      [cleanText(l.reason)],
    ]),
    numeric: [true, true, false],
  });
  if (issues.count > issues.lines.length) {
    const note = ctx.w.truncated(ctx.count(issues.lines.length), ctx.count(issues.count));
    blocks.push({ kind: 'paragraph', text: [note] });
  }
  return blocks;
}
