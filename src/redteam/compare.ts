// Runs side by side: the same rates of several runs (candidate models, or one model before and after a
// change), row by row, with whether their intervals overlap, and whether the runs asked the same probes.

import type { GroupMetrics, Rate, ResultLine, RunSummary } from './types.js';

export interface ComparedRun {
  dir: string;
  run: string;
  suite: string;
  target: string;
  probes: number;
}

export interface ComparedCell {
  rate: number | null;
  ci: [number, number] | null;
  n: number;
  k: number;
}

export interface ComparedRow {
  /** `all`, a code (`S9`), a language (`lang:ko`) or a code in a language (`S9 ko`). */
  key: string;
  measure: 'attack_success' | 'over_refusal';
  cells: ComparedCell[];
  /**
   * Some two runs' 95% Wilson intervals do not overlap: a difference the probes can show. Wilson,
   * not the bootstrap shown in `ci`, because a bootstrap of 0 of n is the point [0, 0] and would
   * call every other rate different.
   */
  differs: boolean;
}

export interface Comparison {
  runs: ComparedRun[];
  /** True when every run sent the same probes (same ids); otherwise rates are over different sets. */
  same_probes: boolean;
  rows: ComparedRow[];
}

const cell = (r: Rate): ComparedCell => ({ rate: r.rate, ci: r.ci, n: r.n, k: r.k });

/** The 95% Wilson score interval of k successes in n. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

function differs(cells: ComparedCell[]): boolean {
  const known = cells.filter((c) => c.n > 0).map((c) => wilson(c.k, c.n));
  for (let i = 0; i < known.length; i++)
    for (let j = i + 1; j < known.length; j++) {
      const [a, b] = [known[i]!, known[j]!];
      if (a[1] < b[0] || b[1] < a[0]) return true;
    }
  return false;
}

function rows(key: string, groups: (GroupMetrics | undefined)[]): ComparedRow[] {
  const empty: Rate = { n: 0, k: 0, rate: null, ci: null };
  const out: ComparedRow[] = [];
  for (const measure of ['attack_success', 'over_refusal'] as const) {
    const cells = groups.map((g) => cell(g?.[measure] ?? empty));
    if (cells.every((c) => c.n === 0)) continue;
    out.push({ key, measure, cells, differs: differs(cells) });
  }
  return out;
}

export interface RunForComparison {
  dir: string;
  summary: RunSummary;
  lines: ResultLine[];
}

export function compareRuns(runs: RunForComparison[]): Comparison {
  const ids = runs.map((r) => new Set(r.lines.map((l) => l.probe)));
  const same = ids.every((s) => s.size === ids[0]!.size && [...s].every((id) => ids[0]!.has(id)));
  const summaries = runs.map((r) => r.summary);
  const keys = <T>(pick: (s: RunSummary) => Record<string, T>) => [
    ...new Set(summaries.flatMap((s) => Object.keys(pick(s)))),
  ];
  const table: ComparedRow[] = [...rows('all', summaries)];
  for (const lang of keys((s) => s.by_lang))
    table.push(
      ...rows(
        `lang:${lang}`,
        summaries.map((s) => s.by_lang[lang]),
      ),
    );
  for (const code of keys((s) => s.by_code)) {
    table.push(
      ...rows(
        code,
        summaries.map((s) => s.by_code[code]),
      ),
    );
    for (const lang of keys((s) => s.by_code[code]?.by_lang ?? {}))
      table.push(
        ...rows(
          `${code} ${lang}`,
          summaries.map((s) => s.by_code[code]?.by_lang[lang]),
        ),
      );
  }
  return {
    runs: runs.map((r) => ({
      dir: r.dir,
      run: r.summary.run,
      suite: r.summary.suite.id,
      target: r.summary.target,
      probes: r.summary.probes,
    })),
    same_probes: same,
    rows: table,
  };
}
