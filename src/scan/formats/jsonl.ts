// JSON Lines: one JSON value per line; the texts to scan are picked by field paths.

import { idOf, selectTexts, withEdits, type FieldPath } from '../field-path.js';
import {
  isBlank,
  type CodeAt,
  type Cut,
  type Parsed,
  type RawRecord,
  type RecordCodec,
  type RecordSplitter,
  type TextField,
} from './format.js';

const newline = 0x0a;

/** Cuts after the last line break; every non-blank line is a record. Shared by text lines. */
export const lineSplitter: RecordSplitter = {
  cut(buf: Buffer, final: boolean): Cut {
    const last = buf.lastIndexOf(newline);
    const end = final ? buf.length : last + 1;
    const at: CodeAt = (i) => buf[i]!;
    let records = 0;
    let lines = 0;
    let from = 0;
    while (from < end) {
      let to = buf.indexOf(newline, from);
      if (to === -1 || to >= end) to = end;
      else lines++;
      if (!isBlank(at, from, to)) records++;
      from = to + 1;
    }
    return { end, records, lines };
  },
};

/**
 * Non-blank lines of a chunk as records; the terminator keeps CRLF line ends byte for byte. A
 * line of a full-width space is a record (malformed JSON), as the splitter counted it.
 */
export function lineRecords(text: string, first: { record: number; line: number }): RawRecord[] {
  const at: CodeAt = (i) => text.charCodeAt(i);
  const out: RawRecord[] = [];
  let index = first.record;
  let line = first.line;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    const hasBreak = to !== -1;
    if (!hasBreak) to = text.length;
    const cr = to > from && text.charCodeAt(to - 1) === 0x0d;
    if (!isBlank(at, from, to))
      out.push({
        index: index++,
        line,
        text: text.slice(from, cr ? to - 1 : to),
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
