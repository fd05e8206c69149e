// What `anjeon redteam` shows a person: the progress line while a run goes, and the run's summary.

import { codeName } from '../reports/redteam-words.js';
import type { Comparison } from '../redteam/compare.js';
import type { RunProgress } from '../redteam/run.js';
import type { GroupMetrics, RunSummary } from '../redteam/types.js';
import type { Lang } from '../frameworks/messages.js';
import type { Io } from './io.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function rateText(rate: number | null, r: { n: number; k: number; ci: [number, number] | null }) {
  if (rate === null) return '—';
  const ci = r.ci ? ` [${pct(r.ci[0])}, ${pct(r.ci[1])}]` : '';
  return `${pct(rate)}${ci}  (${r.k}/${r.n})`;
}

const words = {
  en: {
    against: 'against',
    probes: 'probes',
    answered: 'answered',
    errors: 'errors',
    strategies: 'strategies',
    attackSuccess: 'attack success',
    overRefusal: 'over-refusal',
    code: 'code',
    rateHead: 'attack success [95% CI] (k/n)',
    language: 'language',
    strategy: 'strategy',
    results: 'results',
    report: 'report',
    resend: (n: number, dir: string) =>
      `${n} probes ended in an error; re-send only those with: anjeon redteam run --resume ${dir}`,
  },
  ko: {
    against: '대상',
    probes: '프로브',
    answered: '응답',
    errors: '오류',
    strategies: '전략',
    attackSuccess: '공격 성공률',
    overRefusal: '과잉 거부율',
    code: '코드',
    rateHead: '공격 성공률 [95% 구간] (k/n)',
    language: '언어',
    strategy: '전략',
    results: '결과',
    report: '보고서',
    resend: (n: number, dir: string) =>
      `프로브 ${n}개가 오류로 끝났습니다. 그것만 다시 보내려면: anjeon redteam run --resume ${dir}`,
  },
} as const;

export function progressText(p: RunProgress, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? (p.sent / elapsedMs) * 1000 : 0;
  const parts = [
    `${p.done}/${p.total} probes`,
    `${p.errors} errors`,
    `${perSecond.toFixed(1)} answers/s`,
  ];
  if (p.retries) parts.push(`${p.retries} retries`);
  if (p.rateLimited) parts.push(`${p.rateLimited} rate-limited (concurrency now ${p.concurrency})`);
  return parts.join(' · ');
}

/** A redrawn line on a terminal, a line every 10 s in a log, nothing with --json. */
export function runProgressReporter(io: Io, stream: NodeJS.WriteStream, quiet: boolean) {
  const t0 = Date.now();
  let last = 0;
  let drawn = false;
  let finished = false;
  const tty = stream.isTTY === true;
  return {
    update(p: RunProgress) {
      if (quiet || finished) return;
      const now = Date.now() - t0;
      if (now - last < (tty ? 100 : 10_000) && p.done !== p.total) return;
      last = now;
      finished = p.done === p.total;
      if (tty) {
        stream.write(`\r\x1b[2K${progressText(p, now)}`);
        drawn = true;
      } else io.err(progressText(p, now));
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

/** Hangul takes two terminal columns: pad by display width, not by length. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

function groupRow(name: string, g: GroupMetrics): string {
  const asr = rateText(g.attack_success_rate, g.attack_success);
  const over = rateText(g.over_refusal_rate, g.over_refusal);
  return `  ${pad(name, 34)} ${padStart(String(g.probes), 6)}  ${pad(asr, 34)} ${over}`;
}

export function renderRunSummary(s: RunSummary, dir: string, io: Io, lang: Lang = 'en'): string {
  const c = io.color;
  const w = words[lang];
  const asr = s.attack_success_rate;
  const head =
    asr === null ? c.bold('—') : asr > 0 ? c.red(c.bold(pct(asr))) : c.green(c.bold(pct(asr)));
  const strategies = s.strategies.length ? `, ${w.strategies} ${s.strategies.join(', ')}` : '';
  const lines = [
    `${c.bold(s.suite.name)} (${s.suite.id}) ${w.against} ${s.target}`,
    `  ${w.probes} ${s.probes}, ${w.answered} ${s.completed}, ${w.errors} ${s.errors}${strategies}`,
    `  ${pad(w.attackSuccess, 16)} ${head}  ${rateText(asr, s.attack_success).replace(/^\S+\s*/, '')}`,
    `  ${pad(w.overRefusal, 16)} ${rateText(s.over_refusal_rate, s.over_refusal)}`,
    '',
    `  ${pad(w.code, 34)} ${padStart(w.probes, 6)}  ${pad(w.rateHead, 34)} ${w.overRefusal}`,
  ];
  for (const [code, g] of Object.entries(s.by_code))
    lines.push(groupRow(`${code} ${codeName(code, lang) ?? ''}`, g));
  lines.push('');
  for (const [l, g] of Object.entries(s.by_lang)) lines.push(groupRow(`${w.language} ${l}`, g));
  if (Object.keys(s.by_strategy).length > 1)
    for (const [strategy, g] of Object.entries(s.by_strategy))
      lines.push(groupRow(`${w.strategy} ${strategy}`, g));
  lines.push(
    '',
    `  ${w.results}: ${dir}/results.jsonl   ${w.report}: anjeon redteam report ${dir} --format html`,
  );
  if (s.errors > 0) lines.push(c.yellow(`  ${w.resend(s.errors, dir)}`));
  return lines.join('\n');
}

const measureName = {
  en: { attack_success: 'attack success', over_refusal: 'over-refusal' },
  ko: { attack_success: '공격 성공률', over_refusal: '과잉 거부율' },
} as const;

/** The runs side by side: one column per run, ✱ where two runs' intervals do not overlap. */
export function renderComparison(
  c: Comparison,
  io: Io,
  detail: boolean,
  lang: Lang = 'en',
): string {
  const col = 24;
  const lines = c.runs.map(
    (r, i) => `[${i + 1}] ${r.target}  (${r.suite}, ${r.probes} probes, ${r.dir})`,
  );
  if (!c.same_probes)
    lines.push(
      io.color.yellow(
        lang === 'ko'
          ? '주의: 실행마다 보낸 프로브가 다릅니다. 비율은 서로 다른 집합에 대한 것입니다.'
          : 'warning: the runs did not send the same probes; their rates are over different sets',
      ),
    );
  lines.push('', `  ${pad('', 34)}${c.runs.map((_, i) => pad(`[${i + 1}]`, col)).join('')}`);
  for (const row of c.rows) {
    if (!detail && row.key.includes(' ')) continue;
    const key = row.key === 'all' ? '' : `${row.key.replace('lang:', '')} `;
    const name = `${key}${measureName[lang][row.measure]}`;
    const cells = row.cells.map((x) =>
      pad(
        x.rate === null
          ? '—'
          : `${pct(x.rate)}${x.ci ? ` [${pct(x.ci[0])}, ${pct(x.ci[1])}]` : ''}`,
        col,
      ),
    );
    lines.push(`${row.differs ? '✱' : ' '} ${pad(name, 34)}${cells.join('')}`);
  }
  lines.push(
    '',
    lang === 'ko'
      ? '✱ 두 실행의 95% 구간이 겹치지 않는 줄'
      : '✱ some two runs have 95% intervals that do not overlap',
  );
  return lines.join('\n');
}
