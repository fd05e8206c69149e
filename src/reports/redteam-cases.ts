// Sections 5–7 of the red-team report: the successful attacks, the refused safe prompts and the
// errors, one by one. Prompts and answers are untrusted text: they only ever enter as literals.

import { attackTypes, hazardCodes } from '../detect/types.js';
import type { Lang } from '../frameworks/messages.js';
import type { GraderVerdict, ResultLine } from '../redteam/types.js';
import { cleanText, literal, type Block, type Section, type Text } from './document.js';
import { codeName, type RedteamWords } from './redteam-words.js';

/** Enough of an answer to judge it, short enough that a report of hundreds stays readable. */
export const excerptChars = 400;
const maxCases = 50;
const maxErrors = 100;

export interface CasesContext {
  lines: readonly ResultLine[];
  lang: Lang;
  w: RedteamWords;
  count(n: number): string;
}

/** Cut at a character count, never inside a surrogate pair. */
export function excerpt(value: string, chars = excerptChars): string {
  const clean = cleanText(value);
  const points = Array.from(clean);
  return points.length <= chars ? clean : `${points.slice(0, chars).join('')}…`;
}

const codeOrder: readonly string[] = [...hazardCodes, ...attackTypes];

/** Code, then language, then probe id: the same order as the tables above. */
function ordered(lines: ResultLine[]): ResultLine[] {
  const rank = (code: string) => {
    const i = codeOrder.indexOf(code);
    return i < 0 ? codeOrder.length : i;
  };
  const langRank = (lang: string) => (lang === 'ko' ? 0 : lang === 'en' ? 1 : 2);
  return [...lines].sort(
    (a, b) =>
      rank(a.code) - rank(b.code) ||
      langRank(a.lang) - langRank(b.lang) ||
      (a.probe < b.probe ? -1 : a.probe > b.probe ? 1 : 0),
  );
}

export function attacksSection(ctx: CasesContext): Section {
  const { w } = ctx;
  const found = ctx.lines.filter(
    (l) => l.expected === 'refuse' && l.outcome !== 'error' && l.harmful,
  );
  return {
    title: w.attacksTitle,
    blocks: found.length ? caseBlocks(found, ctx) : [{ kind: 'paragraph', text: [w.noAttacks] }],
  };
}

export function refusedSection(ctx: CasesContext): Section {
  const { w } = ctx;
  const safe = ctx.lines.filter((l) => l.expected === 'comply');
  const refused = safe.filter((l) => l.outcome === 'refused');
  const none = safe.length ? w.noRefused : w.noSafeRun;
  return {
    title: w.refusedTitle,
    blocks: refused.length ? caseBlocks(refused, ctx) : [{ kind: 'paragraph', text: [none] }],
  };
}

function caseBlocks(lines: ResultLine[], ctx: CasesContext): Block[] {
  const shown = ordered(lines).slice(0, maxCases);
  const blocks: Block[] = [{ kind: 'paragraph', text: [ctx.w.excerpts(ctx.count(excerptChars))] }];
  if (lines.length > shown.length) {
    blocks.push({
      kind: 'paragraph',
      text: [ctx.w.shown(ctx.count(shown.length), ctx.count(lines.length))],
    });
  }
  for (const line of shown) blocks.push(...caseBlock(line, ctx));
  return blocks;
}

function caseBlock(line: ResultLine, ctx: CasesContext): Block[] {
  const { w, lang } = ctx;
  const name = codeName(line.code, lang);
  const rows: [string, Text][] = [
    [w.code, [{ code: cleanText(line.code) }, ...(name ? [` ${name}`] : [])]],
    [w.language, [languageName(line.lang, w)]],
    [w.strategy, strategyText(line, w)],
    [w.prompt, [literal(excerpt(line.prompt))]],
    [w.response, line.response === null ? [w.noResponse] : [literal(excerpt(line.response))]],
  ];
  if (line.verdicts.length) rows.push([w.verdicts, verdictsText(line.verdicts, w)]);
  return [
    { kind: 'heading', text: `${cleanText(line.code)} · ${excerpt(line.probe, 80)}` },
    { kind: 'facts', rows },
  ];
}

export function languageName(lang: string, w: RedteamWords): string {
  return Object.hasOwn(w.langNames, lang) ? w.langNames[lang as Lang] : cleanText(lang);
}

function strategyText(line: ResultLine, w: RedteamWords): Text {
  if (line.strategy === null) return [w.baseStrategy];
  const base = line.base === null ? [] : [` (${w.variantOf} `, literal(line.base), ')'];
  return [literal(line.strategy), ...base];
}

function verdictsText(verdicts: GraderVerdict[], w: RedteamWords): Text {
  const parts: Text[] = verdicts.map((v) => {
    const said: string[] = [];
    if (v.refused !== undefined) said.push(v.refused ? w.refused : w.complied);
    if (v.harmful !== undefined) said.push(v.harmful ? w.harmful : w.notHarmful);
    if (v.score !== undefined) said.push(`${w.score} ${v.score.toFixed(2)}`);
    const reason = v.reason ? [' — ', literal(excerpt(v.reason, 160))] : [];
    return [literal(v.grader), `: ${said.join(', ')}`, ...reason];
  });
  return parts.flatMap((part, i) => (i === 0 ? part : ['; ', ...part]));
}

export function errorsSection(ctx: CasesContext): Section {
  const { w } = ctx;
  const failed = ordered(ctx.lines.filter((l) => l.outcome === 'error'));
  if (!failed.length)
    return { title: w.errorsTitle, blocks: [{ kind: 'paragraph', text: [w.noErrors] }] };
  const shown = failed.slice(0, maxErrors);
  const blocks: Block[] = [
    { kind: 'paragraph', text: [w.errorsLeftOut(ctx.count(failed.length))] },
    {
      kind: 'table',
      head: [w.probe, w.code, w.language, w.strategy, w.tries, w.message],
      rows: shown.map((l) => [
        [literal(excerpt(l.probe, 80))],
        [{ code: cleanText(l.code) }],
        [languageName(l.lang, w)],
        l.strategy === null ? [w.baseStrategy] : [literal(l.strategy)],
        [ctx.count(l.tries)],
        [literal(excerpt(l.error ?? '', 240))],
      ]),
      numeric: [false, false, false, false, true, false],
    },
  ];
  if (failed.length > shown.length) {
    blocks.push({
      kind: 'paragraph',
      text: [w.shown(ctx.count(shown.length), ctx.count(failed.length))],
    });
  }
  return { title: w.errorsTitle, blocks };
}
