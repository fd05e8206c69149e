// JSON Lines: one JSON value per line; the texts to scan are picked by field paths.

import { idOf, selectTexts, withEdits, type FieldPath } from '../field-path.js';
import type { Cut, Parsed, RawRecord, RecordCodec, RecordSplitter, TextField } from './format.js';

const newline = 0x0a;

/** True when buf[from, to) holds only spaces, tabs and a carriage return. */
export function blankBytes(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** Cuts after the last line break; every non-blank line is a record. Shared by text lines. */
export const lineSplitter: RecordSplitter = {
  cut(buf: Buffer, final: boolean): Cut {
    const last = buf.lastIndexOf(newline);
    const end = final ? buf.length : last + 1;
    let records = 0;
    let lines = 0;
    let from = 0;
    while (from < end) {
      let to = buf.indexOf(newline, from);
      if (to === -1 || to >= end) to = end;
      else lines++;
      if (!blankBytes(buf, from, to)) records++;
      from = to + 1;
    }
    return { end, records, lines };
  },
};

/** Non-blank lines of a chunk as records; the terminator keeps CRLF line ends byte for byte. */
export function lineRecords(text: string, first: { record: number; line: number }): RawRecord[] {
  const out: RawRecord[] = [];
  let index = first.record;
  let line = first.line;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    const hasBreak = to !== -1;
    if (!hasBreak) to = text.length;
    const cr = to > from && text.charCodeAt(to - 1) === 0x0d;
    const body = text.slice(from, cr ? to - 1 : to);
    if (body.trim() !== '')
      out.push({
        index: index++,
        line,
        text: body,
        terminator: hasBreak ? (cr ? '\r\n' : '\n') : cr ? '\r' : '',
      });
    line++;
    from = to + 1;
  }
  return out;
}

export function jsonlCodec(options: {
  fields: readonly FieldPath[];
  idField: string;
}): RecordCodec {
  return {
    records: lineRecords,
    parse(record: RawRecord): Parsed {
      try {
        // A byte-order mark may open the first line of a file.
        const text = record.index === 0 ? record.text.replace(/^\uFEFF/, '') : record.text;
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch (error) {
        return { ok: false, reason: `not JSON: ${(error as Error).message}` };
      }
    },
    texts: (value): TextField[] => selectTexts(value, options.fields),
    id: (value) => idOf(value, options.idField),
    write: (value, edits) => JSON.stringify(withEdits(value, edits)),
  };
}
