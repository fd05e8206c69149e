// Chooses each head's default threshold from out-of-fold scores on the train split.
//
// The verdict is an OR over heads, so thresholds are chosen together: for a penalty λ on flagged
// safe prompts, each head in turn takes the threshold that maximises (positives caught − λ · safe
// prompts flagged) given the others, and λ is searched for the loosest setting whose flagged
// share of safe prompts stays inside the budget.

import { heads, type ThresholdSet } from '../src/detect/model.js';
import type { LabeledText } from '../evaluation/datasets.js';

const H = heads.length;
const attackHeads = new Set(['A1', 'A2']);
const tox = heads.indexOf('tox');
/** Labelled comments: what hateful and offensive text itself looks like (the tox head's data). */
export const commentSources = new Set(['kmhas', 'beep', 'kosbi', 'davidson']);

interface Task {
  kind: 'hazard' | 'attack';
  heads: number[];
  /** Heads whose thresholds were set before the search; they still flag. */
  fixed: number[];
  positives: number[];
  /** Negatives, each with the budget group it counts against. */
  negatives: { row: number; group: string }[];
  budgets: Record<string, number>;
  /** How many negatives each budget group has. */
  groupSize: Record<string, number>;
  /** How much a positive counts (authored prompts are what the guard sees). */
  weight: (row: number) => number;
}

type Row = Pick<LabeledText, 'source' | 'unsafe' | 'kind' | 'attack'>;

/** The score cut with the best F1 on these rows (rows scoring at or above it are flagged). */
function bestF1(
  rows: number[],
  positive: (row: number) => boolean,
  score: (row: number) => number,
) {
  const sorted = rows.map((r) => ({ s: score(r), y: positive(r) })).sort((a, b) => b.s - a.s);
  const total = sorted.filter((x) => x.y).length;
  let tp = 0;
  let best = { f1: 0, threshold: Infinity };
  sorted.forEach((x, k) => {
    if (x.y) tp++;
    const next = sorted[k + 1];
    if (next && next.s === x.s) return;
    const f1 = (2 * tp) / (k + 1 + total);
    if (f1 > best.f1) best = { f1, threshold: next ? (x.s + next.s) / 2 : x.s - 1e-6 };
  });
  return best;
}

/**
 * The tox head's threshold: the best F1 on the labelled comments, raised if needed until it alone
 * flags no more than half of any hazard budget of safe prompts, so the other heads keep room.
 */
function toxThreshold(rows: Row[], oof: Float32Array, hazard: Task) {
  const idx = rows.flatMap((t, i) => (commentSources.has(t.source) ? [i] : []));
  const at = (row: number) => oof[row * H + tox]!;
  const best = bestF1(idx, (r) => rows[r]!.unsafe, at);
  let threshold = best.threshold;
  for (const [group, size] of Object.entries(hazard.groupSize)) {
    const scores = hazard.negatives
      .filter((n) => n.group === group)
      .map((n) => at(n.row))
      .sort((a, b) => b - a);
    const allowed = Math.floor((size * (hazard.budgets[group] ?? 0)) / 2);
    const cut = scores[allowed];
    if (cut !== undefined && cut >= threshold) threshold = cut + 1e-6;
  }
  const bySource: Record<string, number> = {};
  for (const source of commentSources) {
    const rowsOf = idx.filter((r) => rows[r]!.source === source);
    if (rowsOf.length === 0) continue;
    const flagged = rowsOf.filter((r) => at(r) >= threshold);
    const tp = flagged.filter((r) => rows[r]!.unsafe).length;
    const positives = rowsOf.filter((r) => rows[r]!.unsafe).length;
    bySource[source] = Number(((2 * tp) / (flagged.length + positives)).toFixed(3));
  }
  return { threshold, report: { bestF1: Number(best.f1.toFixed(3)), f1: bySource } };
}

function tasks(rows: Row[]): Task[] {
  return taskList(rows).map((t) => {
    const groupSize: Record<string, number> = {};
    for (const n of t.negatives) groupSize[n.group] = (groupSize[n.group] ?? 0) + 1;
    return { ...t, groupSize };
  });
}

function taskList(rows: Row[]): Omit<Task, 'groupSize'>[] {
  const idx = (f: (t: Row) => boolean) => rows.map((t, i) => (f(t) ? i : -1)).filter((i) => i >= 0);
  const group = (t: Row) => (t.source === 'supplement' ? 'authored' : t.source);
  const safePrompt = (t: Row) =>
    !t.unsafe && ['authored', 'supplement', 'square', 'bipia'].includes(t.source);
  const hazardHeads = heads
    .map((h, i) => (attackHeads.has(h) || h === 'tox' ? -1 : i))
    .filter((i) => i >= 0);
  const attackHeadIdx = heads.map((h, i) => (attackHeads.has(h) ? i : -1)).filter((i) => i >= 0);
  const weight = (rows2: Row[]) => (i: number) =>
    rows2[i]!.source === 'authored' || rows2[i]!.source === 'supplement' ? 3 : 1;
  return [
    {
      kind: 'hazard',
      heads: hazardHeads,
      fixed: [tox],
      positives: idx(
        (t) =>
          t.unsafe && (t.kind === 'harmful_request' || (t.source === 'jbb' && t.attack === null)),
      ),
      negatives: idx(safePrompt).map((row) => ({ row, group: group(rows[row]!) })),
      budgets: { authored: 0.03, square: 0.02, bipia: 0.03 },
      weight: weight(rows),
    },
    {
      kind: 'attack',
      heads: attackHeadIdx,
      fixed: [],
      positives: idx((t) => t.attack !== null),
      negatives: idx(safePrompt).map((row) => ({ row, group: group(rows[row]!) })),
      budgets: { authored: 0.03, square: 0.02, bipia: 0.03 },
      weight: weight(rows),
    },
  ];
}

function flagged(row: number, task: Task, oof: Float32Array, thresholds: number[]): boolean {
  for (const h of task.heads) if (oof[row * H + h]! >= thresholds[h]!) return true;
  for (const h of task.fixed) if (oof[row * H + h]! >= thresholds[h]!) return true;
  return false;
}

/** One round of coordinate ascent on (caught − λ · flagged) for every head of the task. */
function improve(task: Task, oof: Float32Array, thresholds: number[], lambda: number) {
  for (const h of task.heads) {
    const others = thresholds.map((t, k) => (k === h ? Infinity : t));
    // Examples already flagged by other heads are unaffected by this head's threshold.
    const candidates: { value: number; gain: number }[] = [];
    for (const row of task.positives)
      if (!flagged(row, task, oof, others))
        candidates.push({ value: oof[row * H + h]!, gain: task.weight(row) });
    for (const n of task.negatives) {
      if (!flagged(n.row, task, oof, others))
        candidates.push({ value: oof[n.row * H + h]!, gain: -lambda / task.groupSize[n.group]! });
    }
    candidates.sort((a, b) => b.value - a.value);
    let best = { total: 0, threshold: Infinity };
    let total = 0;
    for (const c of candidates) {
      total += c.gain;
      if (total > best.total) best = { total, threshold: c.value - 1e-6 };
    }
    thresholds[h] = best.threshold;
  }
}

/**
 * The λ search only reaches points on the convex hull of the trade-off, and can stop well inside a
 * budget. This spends what is left: step by step, it lowers the one head's threshold that catches
 * most per safe prompt newly flagged (free catches first), while every budget holds.
 */
function fill(task: Task, oof: Float32Array, thresholds: number[]) {
  const allowed: Record<string, number> = {};
  for (const [g, size] of Object.entries(task.groupSize))
    allowed[g] = Math.floor(size * (task.budgets[g] ?? 0));
  for (;;) {
    const used: Record<string, number> = {};
    for (const n of task.negatives)
      if (flagged(n.row, task, oof, thresholds)) used[n.group] = (used[n.group] ?? 0) + 1;
    let best: { h: number; threshold: number; rate: number } | undefined;
    for (const h of task.heads) {
      const negatives = task.negatives
        .filter((n) => !flagged(n.row, task, oof, thresholds))
        .map((n) => ({ score: oof[n.row * H + h]!, group: n.group }))
        .sort((a, b) => b.score - a.score);
      const positives = task.positives
        .filter((row) => !flagged(row, task, oof, thresholds))
        .map((row) => ({ score: oof[row * H + h]!, weight: task.weight(row) }));
      const extra: Record<string, number> = {};
      // Option k: flag the k highest-scoring safe prompts not yet flagged, stop above the next.
      for (let k = 0; k <= Math.min(5, negatives.length); k++) {
        if (k > 0) {
          const g = negatives[k - 1]!.group;
          const count = (extra[g] ?? 0) + 1;
          extra[g] = count;
          if ((used[g] ?? 0) + count > allowed[g]!) break;
        }
        const floor = k < negatives.length ? negatives[k]!.score : -Infinity;
        const threshold = Math.min(thresholds[h]!, floor + 1e-6);
        const gained = positives
          .filter((p) => p.score >= threshold)
          .reduce((sum, p) => sum + p.weight, 0);
        if (gained === 0) continue;
        const rate = gained / Math.max(k, 0.01);
        if (!best || rate > best.rate) best = { h, threshold, rate };
      }
    }
    if (!best) return;
    thresholds[best.h] = best.threshold;
  }
}

function rates(task: Task, oof: Float32Array, thresholds: number[]) {
  const byGroup: Record<string, { n: number; flagged: number }> = {};
  for (const n of task.negatives) {
    const g = (byGroup[n.group] ??= { n: 0, flagged: 0 });
    g.n++;
    if (flagged(n.row, task, oof, thresholds)) g.flagged++;
  }
  const caught = task.positives.filter((row) => flagged(row, task, oof, thresholds)).length;
  return {
    recall: task.positives.length ? caught / task.positives.length : 0,
    flagged: Object.fromEntries(
      Object.entries(byGroup).map(([g, v]) => [g, v.n ? v.flagged / v.n : 0]),
    ),
  };
}

export function chooseThresholds(
  rows: Pick<LabeledText, 'source' | 'unsafe' | 'kind' | 'attack'>[],
  oof: Float32Array,
) {
  // Finite stand-in for "never fires" so the model file holds only numbers.
  const never = 1e6;
  const thresholds = new Array<number>(H).fill(never);
  const report: Record<string, unknown> = {};
  const all = tasks(rows);
  const toxChoice = toxThreshold(
    rows,
    oof,
    all.find((t) => t.kind === 'hazard')!,
  );
  if (Number.isFinite(toxChoice.threshold)) thresholds[tox] = toxChoice.threshold;
  report.tox = toxChoice.report;
  for (const task of all) {
    let chosen = task.heads.map(() => never);
    // Large λ is strict; walk it down while the budgets hold.
    for (let lambda = 1e6; lambda >= 1; lambda /= 1.25) {
      const trial = thresholds.slice();
      for (let round = 0; round < 3; round++) improve(task, oof, trial, lambda);
      const r = rates(task, oof, trial);
      if (Object.entries(r.flagged).some(([g, rate]) => rate > (task.budgets[g] ?? 0))) break;
      chosen = task.heads.map((h) => (Number.isFinite(trial[h]!) ? trial[h]! : never));
    }
    task.heads.forEach((h, k) => (thresholds[h] = chosen[k]!));
    fill(task, oof, thresholds);
    // A head the search left off still names its category when it is sure: above every safe
    // prompt it scored out of fold, so it adds no false positive there.
    for (const h of task.heads) {
      if (thresholds[h]! < never) continue;
      const highest = Math.max(...task.negatives.map((n) => oof[n.row * H + h]!));
      thresholds[h] = highest + 0.5;
    }
    report[task.kind] = {
      ...rates(task, oof, thresholds),
      positives: task.positives.length,
      budgets: task.budgets,
    };
  }
  report.thresholds = Object.fromEntries(
    heads.map((h, i) => [h, Number(thresholds[i]!.toFixed(3))]),
  );
  return { thresholds, report };
}

/** Thresholds per language set (texts with Hangul, texts without), each chosen on its own rows. */
export function chooseThresholdsByLanguage(
  rows: Pick<LabeledText, 'source' | 'unsafe' | 'kind' | 'attack'>[],
  sets: ThresholdSet[],
  oof: Float32Array,
) {
  const result = {} as Record<ThresholdSet, number[]>;
  const report = {} as Record<ThresholdSet, Record<string, unknown>>;
  for (const set of ['en', 'ko'] as const) {
    const picked = rows.flatMap((_, i) => (sets[i] === set ? [i] : []));
    const sub = new Float32Array(picked.length * H);
    picked.forEach((row, k) => sub.set(oof.subarray(row * H, row * H + H), k * H));
    const chosen = chooseThresholds(
      picked.map((i) => rows[i]!),
      sub,
    );
    result[set] = chosen.thresholds;
    report[set] = chosen.report;
  }
  return { thresholds: result, report };
}
