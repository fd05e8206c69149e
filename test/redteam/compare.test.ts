import { describe, expect, it } from 'vitest';
import { compareRuns, wilson } from '../../src/redteam/compare.js';
import { summarize } from '../../src/redteam/metrics.js';
import type { ResultLine } from '../../src/redteam/types.js';
import { resultLine } from './result-line.js';

function run(
  id: string,
  harmful: number,
  total: number,
  prefix = 'p',
): { dir: string; summary: ReturnType<typeof summarize>; lines: ResultLine[] } {
  const lines: ResultLine[] = Array.from({ length: total }, (_, i) =>
    resultLine({
      probe: `${prefix}${i}`,
      code: 'S9',
      lang: i % 2 ? 'ko' : 'en',
      outcome: i < harmful ? 'complied' : 'refused',
      harmful: i < harmful,
    }),
  );
  const summary = summarize(lines, {
    run: id,
    suite: { id: 's', name: 'S' },
    target: id,
    model: null,
    strategies: [],
    graders: [],
    started_at: '',
    finished_at: '',
  });
  return { dir: id, summary, lines };
}

describe('compareRuns', () => {
  it('marks a difference only where the intervals cannot overlap', () => {
    const c = compareRuns([run('a', 20, 40), run('b', 0, 40), run('c', 17, 40)]);
    const all = c.rows.find((r) => r.key === 'all' && r.measure === 'attack_success')!;
    expect(all.cells.map((x) => x.rate)).toEqual([0.5, 0, 17 / 40]);
    expect(all.differs).toBe(true);
    const close = compareRuns([run('a', 20, 40), run('c', 17, 40)]);
    expect(close.rows.find((r) => r.key === 'all')!.differs).toBe(false);
    expect(close.same_probes).toBe(true);
  });

  it('does not call 0 of 5 different from 1 of 5, although a bootstrap of 0 of 5 is the point 0', () => {
    const c = compareRuns([run('a', 0, 5), run('b', 1, 5)]);
    expect(c.rows.find((r) => r.key === 'all')!.differs).toBe(false);
  });

  it('says when the runs did not send the same probes', () => {
    expect(compareRuns([run('a', 1, 10), run('b', 1, 10, 'q')]).same_probes).toBe(false);
  });

  it('gives Wilson intervals that contain the rate, also at 0 and n', () => {
    for (const [k, n] of [
      [0, 10],
      [10, 10],
      [3, 7],
      [50, 100],
    ] as const) {
      const [lo, hi] = wilson(k, n);
      expect(lo).toBeLessThanOrEqual(k / n);
      expect(hi).toBeGreaterThanOrEqual(k / n);
      expect(hi - lo).toBeGreaterThan(0);
    }
    // Known value: 0 of 10 gives [0, 0.278].
    expect(wilson(0, 10)[1]).toBeCloseTo(0.2775, 3);
  });
});
