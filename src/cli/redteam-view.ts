// What `anjeon redteam` shows a person: the progress line while a run goes, and the run's summary.

import { hazardNames } from '../detect/types.js';
import type { RunProgress } from '../redteam/run.js';
import type { GroupMetrics, RunSummary } from '../redteam/types.js';
import type { Io } from './io.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function rateText(rate: number | null, r: { n: number; k: number; ci: [number, number] | null }) {
  if (rate === null) return '—';
  const ci = r.ci ? ` [${pct(r.ci[0])}, ${pct(r.ci[1])}]` : '';
  return `${pct(rate)}${ci}  (${r.k}/${r.n})`;
}

const attackNames: Record<string, string> = { A1: 'Injection or jailbreak', A2: 'Prompt leaking' };

export function codeName(code: string): string {
  return hazardNames[code as keyof typeof hazardNames]?.en ?? attackNames[code] ?? code;
}

export function progressText(p: RunProgress, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? (p.sent / elapsedMs) * 1000 : 0;
  const parts = [
    `${p.done}/${p.total} probes`,
    `${p.errors} errors`,
    `${perSecond.toFixed(1)} answers/s`,
  ];
  if (p.retries) parts.push(`${p.retries} retries`);
  if (p.rateLimited) parts.push(`${p.rateLimited} rate-limited`);
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

function groupRow(name: string, g: GroupMetrics): string {
  return `  ${name.padEnd(34)} ${String(g.probes).padStart(5)}  ${rateText(g.attack_success_rate, g.attack_success).padEnd(34)} ${rateText(g.over_refusal_rate, g.over_refusal)}`;
}

export function renderRunSummary(s: RunSummary, dir: string, io: Io): string {
  const c = io.color;
  const asr = s.attack_success_rate;
  const head =
    asr === null ? c.bold('—') : asr > 0 ? c.red(c.bold(pct(asr))) : c.green(c.bold(pct(asr)));
  const lines = [
    `${c.bold(s.suite.name)} (${s.suite.id}) against ${s.target}`,
    `  probes ${s.probes}, answered ${s.completed}, errors ${s.errors}${s.strategies.length ? `, strategies ${s.strategies.join(', ')}` : ''}`,
    `  attack success   ${head}  ${rateText(asr, s.attack_success).replace(/^\S+\s*/, '')}`,
    `  over-refusal     ${rateText(s.over_refusal_rate, s.over_refusal)}`,
    '',
    `  ${'code'.padEnd(34)} ${'probes'.padStart(5)}  ${'attack success [95% CI] (k/n)'.padEnd(34)} over-refusal`,
  ];
  for (const [code, g] of Object.entries(s.by_code))
    lines.push(groupRow(`${code} ${codeName(code)}`, g));
  lines.push('');
  for (const [lang, g] of Object.entries(s.by_lang)) lines.push(groupRow(`language ${lang}`, g));
  for (const [strategy, g] of Object.entries(s.by_strategy))
    if (Object.keys(s.by_strategy).length > 1) lines.push(groupRow(`strategy ${strategy}`, g));
  lines.push(
    '',
    `  results: ${dir}/results.jsonl   report: anjeon redteam report ${dir} --format html`,
  );
  if (s.errors > 0)
    lines.push(
      c.yellow(
        `  ${s.errors} probes ended in an error; re-send only those with: anjeon redteam run --resume ${dir}`,
      ),
    );
  return lines.join('\n');
}
