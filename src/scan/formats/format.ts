// What every input format gives the scanner: record boundaries in bytes (main thread) and records
// it can read, scan and write back (workers).

export const scanFormats = ['jsonl', 'csv', 'tsv', 'txt', 'parquet'] as const;
export type ScanFormat = (typeof scanFormats)[number];

/** Reads one code unit: of bytes (splitters) or of text (codecs); both see ASCII the same. */
export type CodeAt = (i: number) => number;

/**
 * A line holding nothing but spaces, tabs and a carriage return is blank. Decided on ASCII by
 * splitter and codec alike: a line of a no-break or full-width space is a record, never dropped.
 */
export function isBlank(at: CodeAt, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = at(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Where the whole records in a buffer end. */
export interface Cut {
  /** buf[0, end) holds whole records; 0 when buf holds no complete record yet. */
  end: number;
  /** Records in buf[0, end) (blank lines are not records). */
  records: number;
  /** Line breaks in buf[0, end), so the next chunk's first line number is known. */
  lines: number;
}

/**
 * Main thread: finds record boundaries in raw bytes, so that a chunk handed to a worker holds
 * whole records. Stateless: `buf` always starts at a record boundary.
 */
export interface RecordSplitter {
  /** With `final`, buf is the rest of the input: its last record may lack a terminator. */
  cut(buf: Buffer, final: boolean): Cut;
}

/** One record as a worker sees it, before it is parsed. */
export interface RawRecord {
  /** 0-based record index in the input (CONTRACTS.md §3 `record`). */
  index: number;
  /** 1-based input line where the record starts. */
  line: number;
  /** The record exactly as in the input, without its terminator. */
  text: string;
  /** What followed it in the input: '\n', '\r\n', a blank-line separator, or '' at the end. */
  terminator: string;
}

/** A text the scanner reads, with the concrete place it came from (`messages[2].content`, a column). */
export interface TextField {
  field: string;
  text: string;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

/** Worker side: how one format's records are cut, parsed, read and written back. */
export interface RecordCodec {
  /** Cuts a chunk's text (whole records, as the splitter cut them) into records. */
  records(text: string, first: { record: number; line: number }): RawRecord[];
  parse(record: RawRecord): Parsed;
  /** The texts to scan, in a stable order. */
  texts(value: unknown): TextField[];
  /** The record's id (the --id-field value as a string), or null. */
  id(value: unknown): string | null;
  /**
   * The record in the input's format with some fields replaced (a string) or dropped (null); keys
   * are `TextField.field` values. Never called with an empty map: untouched records are copied raw.
   */
  write(value: unknown, edits: ReadonlyMap<string, string | null>): string;
}
