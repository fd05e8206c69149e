// Running totals over the chunks a scan has written, kept in the checkpoint so a resumed scan's
// report counts everything once.

import type { ChunkStats } from './chunk.js';
import { emptyStats } from './chunk-writer.js';

/** How many malformed or missing-field lines a report lists (all are counted). */
export const listedLines = 1000;

export interface ScanTotals extends ChunkStats {
  malformedCount: number;
  missingCount: number;
}

export function emptyTotals(): ScanTotals {
  return { ...emptyStats(), malformedCount: 0, missingCount: 0 };
}

function addCounts<K extends string>(
  into: Partial<Record<K, number>>,
  from: Partial<Record<K, number>>,
): void {
  for (const [k, n] of Object.entries(from) as Array<[K, number]>) into[k] = (into[k] ?? 0) + n;
}

function addSamples<K extends string>(
  into: Partial<Record<K, string[]>>,
  from: Partial<Record<K, string[]>>,
  limit: number,
): void {
  for (const [k, list] of Object.entries(from) as Array<[K, string[]]>) {
    const have = (into[k] ??= []);
    for (const s of list) if (have.length < limit) have.push(s);
  }
}

export function addChunk(t: ScanTotals, s: ChunkStats, samplesPerKind: number): void {
  t.records += s.records;
  t.recordsWithPii += s.recordsWithPii;
  t.recordsWithHazards += s.recordsWithHazards;
  addCounts(t.pii, s.pii);
  addCounts(t.hazards, s.hazards);
  addCounts(t.redacted, s.redacted);
  addCounts(t.removedByCode, s.removedByCode);
  addSamples(t.samples.pii, s.samples.pii, samplesPerKind);
  addSamples(t.samples.hazards, s.samples.hazards, samplesPerKind);
  t.malformedCount += s.malformed.length;
  t.missingCount += s.missing.length;
  t.malformed.push(...s.malformed.slice(0, Math.max(0, listedLines - t.malformed.length)));
  t.missing.push(...s.missing.slice(0, Math.max(0, listedLines - t.missing.length)));
  t.recordsChanged += s.recordsChanged;
  t.fieldsDropped += s.fieldsDropped;
  t.recordsDropped += s.recordsDropped;
  t.kept += s.kept;
  t.removed += s.removed;
}
