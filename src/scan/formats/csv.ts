// CSV and TSV (RFC 4180): record boundaries found on raw bytes, and rows read and written back
// cell by cell so that untouched cells keep their exact bytes.

import { inputError } from '../../errors.js';
import type {
  CodeAt,
  Cut,
  Parsed,
  RawRecord,
  RecordCodec,
  RecordSplitter,
  TextField,
} from './format.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

// Where the scanner stands inside the current field.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const CLOSED = 3; // just after a quote inside a quoted field: its end, or the first of `""`

// The scanner runs on bytes (splitter) and on UTF-16 text (codec) alike through `CodeAt`: quote,
// delimiter, CR and LF are ASCII, and UTF-8 never puts an ASCII byte inside a multi-byte
// character, so both see the same boundaries.

interface Span {
  /** End of the record's text: before its '\n' or '\r\n', or at the end of the input. */
  textEnd: number;
  /** Where the next record (or blank line) starts. */
  next: number;
  /** The record was cut back to its first physical line because a quote ran away. */
  cutShort: boolean;
}

/**
 * The record starting at `start`, or null when `length` ends before it does and more may come.
 * A record whose quote is still open after `maxBytes`, or at the end of the input when `final`,
 * is cut back to its first physical line, so one stray quote cannot swallow the rest of the file.
 */
function scanRecord(
  at: CodeAt,
  length: number,
  start: number,
  delim: number,
  maxBytes: number,
  final: boolean,
): Span | null {
  let state = FIELD_START;
  let firstBreak = -1;
  for (let i = start; i < length; i++) {
    if (firstBreak >= 0 && i - start >= maxBytes) return lineSpan(at, start, firstBreak, true);
    const c = at(i);
    if (c === LF) {
      if (state !== QUOTED) return lineSpan(at, start, i, false);
      if (firstBreak < 0) firstBreak = i;
    } else if (c === QUOTE) {
      if (state === FIELD_START || state === CLOSED) state = QUOTED;
      else if (state === QUOTED) state = CLOSED;
    } else if (c === delim) {
      if (state !== QUOTED) state = FIELD_START;
    } else if (state !== QUOTED) {
      // After a closing quote this is malformed; parse() reports it, quotes stay literal here.
      state = UNQUOTED;
    }
  }
  if (!final) return null;
  if (state === QUOTED && firstBreak >= 0) return lineSpan(at, start, firstBreak, true);
  return { textEnd: length, next: length, cutShort: false };
}

function lineSpan(at: CodeAt, start: number, lf: number, cutShort: boolean): Span {
  const textEnd = lf > start && at(lf - 1) === CR ? lf - 1 : lf;
  return { textEnd, next: lf + 1, cutShort };
}

/** Where a blank line at `pos` ends, or -1 when the line at `pos` is not blank. */
function blankEnd(at: CodeAt, length: number, pos: number, final: boolean): number {
  const c = at(pos);
  if (c === LF) return pos + 1;
  if (c === CR) {
    if (pos + 1 < length && at(pos + 1) === LF) return pos + 2;
    if (pos + 1 === length && final) return length;
  }
  return -1;
}

function countBreaks(buf: Buffer, end: number): number {
  const part = buf.subarray(0, end);
  let n = 0;
  for (let i = part.indexOf(LF); i >= 0; i = part.indexOf(LF, i + 1)) n++;
  return n;
}

function delimiterCode(delimiter: string): number {
  const code = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  if (code < 0 || code >= 0x80 || code === QUOTE || code === LF || code === CR)
    throw inputError(
      `CSV delimiter ${JSON.stringify(delimiter)} is not usable`,
      'use one ASCII character other than a quote or a line break, e.g. "," or a tab',
    );
  return code;
}

/**
 * Cuts bytes after the last whole record. A record cut back to its first line (see scanRecord)
 * always ends its cut, also when `final`: the codec, which sees only the chunk, knows it by its
 * quote still being open at the chunk's end. So with `final` the cut may stop before buf.length
 * (never at 0 for a non-empty buf), and the caller cuts the rest again.
 */
export function csvSplitter(delimiter: string, maxRecordBytes: number): RecordSplitter {
  const delim = delimiterCode(delimiter);
  if (!(maxRecordBytes >= 1)) throw new RangeError('maxRecordBytes must be at least 1');
  return {
    cut(buf: Buffer, final: boolean): Cut {
      const at: CodeAt = (i) => buf[i]!;
      let pos = 0;
      let records = 0;
      while (pos < buf.length) {
        const blank = blankEnd(at, buf.length, pos, final);
        if (blank >= 0) {
          pos = blank;
          continue;
        }
        const span = scanRecord(at, buf.length, pos, delim, maxRecordBytes, final);
        if (!span) break;
        pos = span.next;
        records++;
        if (span.cutShort) break;
      }
      return { end: pos, records, lines: countBreaks(buf, pos) };
    },
  };
}

export interface CsvHeader {
  columns: string[];
  /** Bytes the header takes (with a BOM and blank lines before it, and its line break). */
  end: number;
  /** Line breaks in buf[0, end). */
  lines: number;
}

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The header row at the start of the input, or null while buf does not yet hold all of it. With
 * `final`, buf is the whole input: the header may lack its line break, and an empty input is an
 * error. The caller bounds how much it reads while this returns null.
 */
export function csvHeader(buf: Buffer, delimiter: string, final = false): CsvHeader | null {
  const delim = delimiterCode(delimiter);
  const at: CodeAt = (i) => buf[i]!;
  let pos = buf.subarray(0, 3).equals(bom) ? 3 : 0;
  while (pos < buf.length) {
    const blank = blankEnd(at, buf.length, pos, final);
    if (blank < 0) break;
    pos = blank;
  }
  if (pos >= buf.length) {
    if (!final) return null;
    throw inputError(
      'the input is empty: no header row',
      'a CSV file starts with its column names',
    );
  }
  const span = scanRecord(at, buf.length, pos, delim, Infinity, final);
  if (!span) return null;
  const columns = headerColumns(buf.toString('utf8', pos, span.textEnd), delimiter);
  return { columns, end: span.next, lines: countBreaks(buf, span.next) };
}

function headerColumns(text: string, delimiter: string): string[] {
  const row = parseRow(text, delimiter);
  if (!row.ok)
    throw inputError(
      `header row, column ${row.field + 1}: ${row.problem}`,
      'the first row must name the columns, quoted as in the rest of the file',
    );
  const columns = row.values;
  if (columns.every((c) => c === ''))
    throw inputError('the header row has no column names', 'the first row must name the columns');
  // An unnamed column (a pandas index, say) cannot be chosen by name, so only named ones must differ.
  const seen = new Map<string, number>();
  columns.forEach((name, i) => {
    const before = seen.get(name);
    if (before !== undefined)
      throw inputError(
        `column "${name}" appears twice in the header row (columns ${before + 1} and ${i + 1})`,
        'rename one of them so that --field and --id-field name one column',
      );
    if (name !== '') seen.set(name, i);
  });
  return columns;
}

/** The requested columns the header does not have. */
export function missingColumns(columns: readonly string[], fields: readonly string[]): string[] {
  const have = new Set(columns);
  return fields.filter((f) => !have.has(f));
}

/** A parsed row: each cell's value and its exact source text (with its quotes, if it had any). */
export interface CsvRow {
  values: string[];
  raw: string[];
}

type RowResult =
  { ok: true; values: string[]; raw: string[] } | { ok: false; field: number; problem: string };

/** Splits one record's text into cells, strictly: a malformed cell is reported, not guessed at. */
function parseRow(text: string, delimiter: string): RowResult {
  const values: string[] = [];
  const raw: string[] = [];
  for (let pos = 0; ;) {
    const field = values.length;
    let end: number;
    if (text.charCodeAt(pos) === QUOTE) {
      const quoted = readQuoted(text, pos);
      if (!quoted) return { ok: false, field, problem: 'its quote is never closed' };
      end = quoted.end;
      if (end < text.length && !text.startsWith(delimiter, end))
        return { ok: false, field, problem: 'characters follow its closing quote' };
      values.push(quoted.value);
    } else {
      const d = text.indexOf(delimiter, pos);
      end = d < 0 ? text.length : d;
      const value = text.slice(pos, end);
      if (value.includes('"'))
        return {
          ok: false,
          field,
          problem: 'a quote inside an unquoted value (quote the whole value and double the quote)',
        };
      values.push(value);
    }
    raw.push(text.slice(pos, end));
    if (end >= text.length) return { ok: true, values, raw };
    pos = end + 1;
  }
}

/** A quoted cell starting at `start`: its value and the index after its closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  for (let from = start + 1; ;) {
    const q = text.indexOf('"', from);
    if (q < 0) return null;
    value += text.slice(from, q);
    if (text.charCodeAt(q + 1) !== QUOTE) return { value, end: q + 1 };
    value += '"';
    from = q + 2;
  }
}

/** A cell as written: quoted only when it holds the delimiter, a quote or a line break. */
function quoteCell(value: string, delimiter: string): string {
  if (!value.includes(delimiter) && !/["\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

export interface CsvCodecOptions {
  delimiter: string;
  columns: string[];
  /** Columns to scan, in this order; names not in `columns` are left out. */
  fields: string[];
  idField: string;
}

export function csvCodec(options: CsvCodecOptions): RecordCodec {
  const { delimiter, columns } = options;
  const delim = delimiterCode(delimiter);
  const picks = [...new Set(options.fields)]
    .map((name) => ({ name, index: columns.indexOf(name) }))
    .filter((p) => p.index >= 0);
  const idIndex = options.idField === '' ? -1 : columns.indexOf(options.idField);
  return {
    records: (text, first) => cutRecords(text, first, delim),
    parse: (record) => parseRecord(record.text, delimiter, columns),
    texts: (value): TextField[] =>
      picks.map((p) => ({ field: p.name, text: (value as CsvRow).values[p.index] ?? '' })),
    id: (value) => (idIndex < 0 ? null : (value as CsvRow).values[idIndex] || null),
    write: (value, edits) => writeRow(value as CsvRow, edits, columns, delimiter),
  };
}

/** The records of a chunk the splitter cut, found by the same scan. */
function cutRecords(
  text: string,
  first: { record: number; line: number },
  delim: number,
): RawRecord[] {
  const at: CodeAt = (i) => text.charCodeAt(i);
  const out: RawRecord[] = [];
  let line = first.line;
  for (let pos = 0; pos < text.length;) {
    let next = blankEnd(at, text.length, pos, true);
    if (next < 0) {
      // A chunk ends at a record boundary, so a quote still open at its end is one the splitter
      // cut short; scanning with `final` cuts it back to the same first line.
      const span = scanRecord(at, text.length, pos, delim, Infinity, true)!;
      out.push({
        index: first.record + out.length,
        line,
        text: text.slice(pos, span.textEnd),
        terminator: text.slice(span.textEnd, span.next),
      });
      next = span.next;
    }
    for (let i = text.indexOf('\n', pos); i >= 0 && i < next; i = text.indexOf('\n', i + 1)) line++;
    pos = next;
  }
  return out;
}

function parseRecord(text: string, delimiter: string, columns: readonly string[]): Parsed {
  const row = parseRow(text, delimiter);
  if (!row.ok) {
    const name = columns[row.field];
    const where = name ? `column "${name}"` : `field ${row.field + 1}`;
    return { ok: false, reason: `${where}: ${row.problem}` };
  }
  if (row.values.length !== columns.length)
    return {
      ok: false,
      reason: `expected ${columns.length} fields (one per header column), found ${row.values.length}`,
    };
  const value: CsvRow = { values: row.values, raw: row.raw };
  return { ok: true, value };
}

function writeRow(
  row: CsvRow,
  edits: ReadonlyMap<string, string | null>,
  columns: readonly string[],
  delimiter: string,
): string {
  const cells = row.raw.map((raw, i) => {
    const name = columns[i];
    if (name === undefined || name === '' || !edits.has(name)) return raw;
    return quoteCell(edits.get(name) ?? '', delimiter);
  });
  const line = cells.join(delimiter);
  // A lone empty cell would read back as a blank line, which is no record at all.
  return line === '' ? '""' : line;
}
