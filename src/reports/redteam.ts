// The red-team report: what was run against which target, the attack success and over-refusal rates
// with their intervals (overall, by code and language, strategy and kind), the answers behind them,
// and the limits of automatic grading, as Markdown or a self-contained HTML page.

import { attackTypes, hazardCodes } from '../detect/types.js';
import type { Lang } from '../frameworks/messages.js';
import { baseStrategy, worstCase } from '../redteam/metrics.js';
import {
  languages,
  type GroupMetrics,
  type Rate,
  type ResultLine,
  type RunSummary,
} from '../redteam/types.js';
import {
  cleanText,
  joinText,
  literal,
  type Block,
  type ReportDocument,
  type Section,
  type Text,
} from './document.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { attacksSection, errorsSection, languageName, refusedSection } from './redteam-cases.js';
import { codeName, redteamWords, type RedteamWords } from './redteam-words.js';

export interface RedteamReportOptions {
  lang: Lang;
  format: 'html' | 'md';
}

export function redteamReport(
  summary: RunSummary,
  lines: readonly ResultLine[],
  options: RedteamReportOptions,
): string {
  const doc = redteamDocument(summary, lines, options.lang);
  return options.format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
}

interface Context {
  summary: RunSummary;
  lines: readonly ResultLine[];
  lang: Lang;
  w: RedteamWords;
  count(n: number): string;
}

/** The report as a section model, which both renderers read. */
export function redteamDocument(
  summary: RunSummary,
  lines: readonly ResultLine[],
  lang: Lang,
): ReportDocument {
  const numbers = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US');
  const ctx: Context = {
    summary,
    lines,
    lang,
    w: redteamWords[lang],
    count: (n) => numbers.format(n),
  };
  return {
    lang,
    title: ctx.w.title,
    intro: [ctx.w.intro],
    sections: [
      runSection(ctx),
      resultsSection(ctx),
      codesSection(ctx),
      breakdownSection(ctx),
      attacksSection(ctx),
      refusedSection(ctx),
      errorsSection(ctx),
      limitsSection(ctx),
    ],
  };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** "12.5% (95% interval 5.0%–20.0%; 3 of 24 probes)", or why there is no rate. */
function rateSentence(r: Rate, ctx: Context): string {
  if (r.rate === null || r.ci === null) return ctx.w.notMeasured;
  const [lo, hi] = r.ci;
  return ctx.w.rate(percent(r.rate), percent(lo), percent(hi), ctx.count(r.k), ctx.count(r.n));
}

/** A table cell: "12.5% [5.0–20.0] (3/24)", or – when nothing was measured. */
function rateCell(r: Rate | undefined, ctx: Context): Text {
  if (!r || r.rate === null || r.ci === null) return ['–'];
  const [lo, hi] = r.ci.map((x) => (100 * x).toFixed(1));
  return [`${percent(r.rate)} [${lo}–${hi}] (${ctx.count(r.k)}/${ctx.count(r.n)})`];
}

function runSection(ctx: Context): Section {
  const { summary: s, w, lines } = ctx;
  const toRefuse = lines.filter((l) => l.expected === 'refuse').length;
  const byLang = Object.entries(s.by_lang).map(
    ([lang, m]) => `${languageName(lang, w)} ${ctx.count(m.probes)}`,
  );
  const listOr = (values: string[], none: string): Text =>
    values.length
      ? joinText(
          values.map((v) => [literal(v)]),
          ', ',
        )
      : [none];
  const rows: [string, Text][] = [
    [w.run, [literal(s.run)]],
    [w.suite, [cleanText(s.suite.name), ' (', literal(s.suite.id), ')']],
    [w.target, [literal(s.target)]],
    [w.model, s.model === null ? [w.noModel] : [literal(s.model)]],
    [w.strategies, listOr(s.strategies, w.noStrategies)],
    [w.graders, listOr(s.graders, w.noGraders)],
    [w.period, [literal(s.started_at), ' – ', literal(s.finished_at)]],
    [
      w.probes,
      [w.probeCounts(ctx.count(s.probes), ctx.count(toRefuse), ctx.count(lines.length - toRefuse))],
    ],
    [w.languages, [byLang.join(', ') || '–']],
    [w.answered, [ctx.count(s.completed)]],
    [w.errors, [ctx.count(s.errors)]],
  ];
  return { title: w.runTitle, blocks: [{ kind: 'facts', rows }] };
}

function resultsSection(ctx: Context): Section {
  const { summary: s, w } = ctx;
  const items: Text[] = [
    [
      { strong: w.attackSuccess },
      `: ${rateSentence(s.attack_success, ctx)} — ${w.attackSuccessMeans}.`,
    ],
    [{ strong: w.overRefusal }, `: ${rateSentence(s.over_refusal, ctx)} — ${w.overRefusalMeans}.`],
  ];
  if (Object.keys(s.by_strategy).some((k) => k !== baseStrategy)) {
    const worst = worstCase(ctx.lines).attack_success;
    items.push([{ strong: w.worstCase }, `: ${rateSentence(worst, ctx)} — ${w.worstCaseMeans}.`]);
  }
  return {
    title: w.resultsTitle,
    blocks: [
      { kind: 'list', items },
      { kind: 'paragraph', text: [w.lowerIsBetter] },
    ],
  };
}

function codesSection(ctx: Context): Section {
  const { summary: s, w, lines } = ctx;
  const withExpected = (expected: ResultLine['expected']) =>
    new Set(lines.filter((l) => l.expected === expected).map((l) => l.code as string));
  const blocks: Block[] = [{ kind: 'paragraph', text: [w.cellLegend] }];
  const harmful = withExpected('refuse');
  blocks.push({ kind: 'heading', text: w.attackByCode });
  blocks.push(
    harmful.size
      ? codeTable(ctx, harmful, (m) => m.attack_success)
      : { kind: 'paragraph', text: [w.noHarmfulPrompts] },
  );
  const safe = withExpected('comply');
  blocks.push({ kind: 'heading', text: w.overRefusalByCode });
  blocks.push(
    safe.size
      ? codeTable(ctx, safe, (m) => m.over_refusal)
      : { kind: 'paragraph', text: [w.noSafePrompts] },
  );
  const all: readonly string[] = [...hazardCodes, ...attackTypes];
  const missing = all.filter((c) => !Object.hasOwn(s.by_code, c));
  if (missing.length) {
    const codes = joinText(
      missing.map((c) => [literal(c)]),
      ', ',
    );
    blocks.push({ kind: 'paragraph', text: w.notProbed(codes) });
  }
  return { title: w.codesTitle, blocks };
}

/** Codes down, languages across, with an "all codes" row from the run's totals. */
function codeTable(ctx: Context, codes: Set<string>, pick: (m: GroupMetrics) => Rate): Block {
  const { summary: s, w, lang } = ctx;
  const rows: Text[][] = Object.entries(s.by_code)
    .filter(([code]) => codes.has(code))
    .map(([code, m]) => [
      [literal(code)],
      [codeName(code, lang) ?? ''],
      rateCell(pick(m), ctx),
      ...languages.map((l) => rateCell(m.by_lang[l] && pick(m.by_lang[l]), ctx)),
    ]);
  rows.push([
    [{ strong: w.allCodes }],
    [''],
    rateCell(pick(s), ctx),
    ...languages.map((l) => rateCell(s.by_lang[l] && pick(s.by_lang[l]), ctx)),
  ]);
  return {
    kind: 'table',
    head: [w.code, w.category, w.all, ...languages.map((l) => w.langNames[l])],
    rows,
    numeric: [false, false, true, true, true],
  };
}

function breakdownSection(ctx: Context): Section {
  const { summary: s, w } = ctx;
  const strategyLabel = (key: string): Text =>
    key === baseStrategy ? [w.baseStrategy] : [literal(key)];
  const kindLabel = (key: string): Text => [
    Object.hasOwn(w.kinds, key) ? w.kinds[key]! : cleanText(key),
  ];
  return {
    title: w.breakdownTitle,
    blocks: [
      { kind: 'heading', text: w.byStrategy },
      groupTable(ctx, w.strategy, s.by_strategy, strategyLabel),
      { kind: 'heading', text: w.byKind },
      groupTable(ctx, w.kind, s.by_kind, kindLabel),
    ],
  };
}

function groupTable(
  ctx: Context,
  name: string,
  groups: Record<string, GroupMetrics>,
  label: (key: string) => Text,
): Block {
  const { w } = ctx;
  return {
    kind: 'table',
    head: [name, w.probes, w.errors, w.attackSuccess, w.overRefusal],
    rows: Object.entries(groups).map(([key, m]) => [
      label(key),
      [ctx.count(m.probes)],
      [ctx.count(m.errors)],
      rateCell(m.attack_success, ctx),
      rateCell(m.over_refusal, ctx),
    ]),
    numeric: [false, true, true, true, true],
  };
}

/** garak gives no bootstrap interval below 30 samples; we give one but say how many rest on so few. */
const smallSample = 30;

function limitsSection(ctx: Context): Section {
  const { summary: s, w } = ctx;
  const groups: GroupMetrics[] = [
    s,
    ...Object.values(s.by_code).flatMap((c) => [c, ...Object.values(c.by_lang)]),
    ...Object.values(s.by_lang),
    ...Object.values(s.by_kind),
    ...Object.values(s.by_strategy),
  ];
  const measured = groups.flatMap((g) => [g.attack_success, g.over_refusal]).filter((r) => r.n > 0);
  const few = measured.filter((r) => r.n < smallSample).length;
  const items: Text[] = [[w.automaticGraders], w.measuredBy([{ code: 'npm run eval:judge' }])];
  if (few > 0) items.push([w.smallN(ctx.count(few), ctx.count(measured.length))]);
  items.push([w.independence]);
  if (s.errors > 0) items.push([w.errorsBias(ctx.count(s.errors))]);
  items.push([w.sample], [w.oneTarget]);
  return { title: w.limitsTitle, blocks: [{ kind: 'list', items }] };
}
