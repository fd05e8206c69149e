// Splits text into sentence-sized pieces, so an instruction hidden inside a long document is scored on its own.

const minLength = 12;

/** Sentences and lines of normalised text, merged when too short, in order; together they hold every word. */
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
  return out;
}
