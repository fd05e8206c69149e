// Splits text into sentence-sized pieces, so an instruction hidden inside a long document is scored on its own.

const maxSegments = 48;
const minLength = 12;

/** Sentences and lines of normalised text, merged when too short; at most 48, taken from start and end. */
export function segments(text: string): string[] {
  const pieces = text.split(/(?<=[.!?。？！])\s+|\n+|(?<=다\.)\s*|(?<=요\.)\s*/u);
  const out: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    const joined = pending ? `${pending} ${piece}` : piece;
    if (joined.trim().length < minLength) pending = joined;
    else {
      out.push(joined.trim());
      pending = '';
    }
  }
  if (pending.trim()) out.push(pending.trim());
  if (out.length <= maxSegments) return out;
  // Injected instructions sit at the start or the end more often than in the middle.
  return [...out.slice(0, maxSegments / 2), ...out.slice(-maxSegments / 2)];
}
