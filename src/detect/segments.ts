// Splits text into sentence-sized pieces, so an instruction hidden inside a long document is scored on its own.

const minLength = 12;

/**
 * Sentences, lines and table cells of normalised text, merged when too short, in order; together
 * they hold every word. A table pasted as one line (`| 1988 | holy water | 77 |`) is cut at its
 * cell bars, or a sentence planted in one cell is read together with the whole table.
 */
export function segments(text: string): string[] {
  const pieces = text.split(/(?<=[.!?。？！])\s+|\n+|(?<=다\.)\s*|(?<=요\.)\s*|\s*\|\s*/u);
  const out: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    if (!piece) continue; // between two bars of an empty cell, or two cuts in a row
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
