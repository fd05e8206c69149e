// Choosing among findings that claim overlapping text, so each character is reported at most once.
import type { PiiFinding } from '../types.js';
import { specificityRank } from './recognizers.js';

/** Higher confidence first, then the more specific type, then the longer span, then the earlier. */
function preference(a: PiiFinding, b: PiiFinding): number {
  return (
    b.confidence - a.confidence ||
    specificityRank(a.type) - specificityRank(b.type) ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start
  );
}

function overlapsAny(kept: readonly PiiFinding[], f: PiiFinding): boolean {
  return kept.some((k) => f.start < k.end && k.start < f.end);
}

/** The preferred findings that do not overlap a more preferred one, sorted by start offset. */
export function resolveOverlaps(findings: readonly PiiFinding[]): PiiFinding[] {
  const kept: PiiFinding[] = [];
  for (const f of [...findings].sort(preference)) if (!overlapsAny(kept, f)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}
