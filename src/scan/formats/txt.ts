// Plain text: a record per non-blank line, or per block of non-blank lines between blank ones.

import {
  isBlank,
  type CodeAt,
  type Cut,
  type RawRecord,
  type RecordCodec,
  type RecordSplitter,
} from './format.js';

export const txtModes = ['line', 'block'] as const;
export type TxtMode = (typeof txtModes)[number];

const LF = 0x0a;
const CR = 0x0d;

function countBreaks(buf: Buffer, end: number): number {
  const part = buf.subarray(0, end);
  let n = 0;
  for (let i = part.indexOf(LF); i >= 0; i = part.indexOf(LF, i + 1)) n++;
  return n;
}

function cutAt(buf: Buffer, end: number, records: number): Cut {
  return { end, records, lines: countBreaks(buf, end) };
}

/**
 * In block mode a block longer than `maxRecordBytes` is cut at a line break into pieces of at most
 * that size (a first line longer than that stays whole). Such a piece ends its cut, also when
 * `final`: the codec sees it end at the chunk's end. So with `final` the cut may stop before
 * buf.length (never at 0 for a non-empty buf), and the caller cuts the rest again.
 */
export function txtSplitter(mode: TxtMode, maxRecordBytes: number): RecordSplitter {
  if (!(maxRecordBytes >= 1)) throw new RangeError('maxRecordBytes must be at least 1');
  return mode === 'line'
    ? { cut: (buf, final) => lineCut(buf, final) }
    : { cut: (buf, final) => blockCut(buf, final, maxRecordBytes) };
}

function lineCut(buf: Buffer, final: boolean): Cut {
  const at: CodeAt = (i) => buf[i]!;
  const end = final ? buf.length : buf.lastIndexOf(LF) + 1;
  let records = 0;
  for (let pos = 0; pos < end;) {
    const lf = buf.indexOf(LF, pos);
    if (!isBlank(at, pos, lf < 0 ? end : lf)) records++;
    if (lf < 0) break;
    pos = lf + 1;
  }
  return cutAt(buf, end, records);
}

function blockCut(buf: Buffer, final: boolean, maxBytes: number): Cut {
  const at: CodeAt = (i) => buf[i]!;
  let block = -1; // start of the block being read; -1 after a blank line
  let records = 0;
  let safe = { end: 0, records: 0 }; // the last block start: all before it is whole
  for (let pos = 0; pos < buf.length;) {
    const lf = buf.indexOf(LF, pos);
    if (lf < 0 && !final) {
      // An unfinished line already known not to be blank can still start or cut a block.
      if (!isBlank(at, pos, buf.length)) {
        if (block < 0) safe = { end: pos, records };
        else if (buf.length - block > maxBytes) return cutAt(buf, pos, records);
      }
      break;
    }
    const next = lf < 0 ? buf.length : lf + 1;
    if (isBlank(at, pos, lf < 0 ? buf.length : lf)) block = -1;
    else if (block < 0) {
      safe = { end: pos, records };
      records++;
      block = pos;
    } else if (next - block > maxBytes) return cutAt(buf, pos, records);
    pos = next;
  }
  return final ? cutAt(buf, buf.length, records) : cutAt(buf, safe.end, safe.records);
}

export function txtCodec(mode: TxtMode): RecordCodec {
  return {
    records: (text, first) =>
      mode === 'line' ? lineRecords(text, first) : blockRecords(text, first),
    parse: (record) => ({ ok: true, value: record.text }),
    texts: (value) => [{ field: 'text', text: value as string }],
    id: () => null,
    write: (value, edits) => (edits.has('text') ? (edits.get('text') ?? '') : (value as string)),
  };
}

/** End of a line's text: before its '\r\n' or '\n', or at the end of the chunk. */
function textEnd(text: string, pos: number, lf: number): number {
  if (lf < 0) return text.length;
  return lf > pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
}

function lineRecords(text: string, first: { record: number; line: number }): RawRecord[] {
  const at: CodeAt = (i) => text.charCodeAt(i);
  const out: RawRecord[] = [];
  let line = first.line;
  for (let pos = 0; pos < text.length; line++) {
    const lf = text.indexOf('\n', pos);
    const next = lf < 0 ? text.length : lf + 1;
    if (!isBlank(at, pos, lf < 0 ? text.length : lf)) {
      const end = textEnd(text, pos, lf);
      out.push({
        index: first.record + out.length,
        line,
        text: text.slice(pos, end),
        terminator: text.slice(end, next),
      });
    }
    pos = next;
  }
  return out;
}

/** Blocks of a chunk; each keeps the line breaks and blank lines after it as its terminator. */
function blockRecords(text: string, first: { record: number; line: number }): RawRecord[] {
  const at: CodeAt = (i) => text.charCodeAt(i);
  const out: RawRecord[] = [];
  let open: { start: number; line: number; end: number } | null = null;
  let gap = false; // a blank line since the open block's last line
  const close = (until: number) => {
    if (open)
      out.push({
        index: first.record + out.length,
        line: open.line,
        text: text.slice(open.start, open.end),
        terminator: text.slice(open.end, until),
      });
    open = null;
  };
  let line = first.line;
  for (let pos = 0; pos < text.length; line++) {
    const lf = text.indexOf('\n', pos);
    if (isBlank(at, pos, lf < 0 ? text.length : lf)) gap = true;
    else {
      if (gap) close(pos);
      gap = false;
      open ??= { start: pos, line, end: 0 };
      open.end = textEnd(text, pos, lf);
    }
    pos = lf < 0 ? text.length : lf + 1;
  }
  close(text.length);
  return out;
}
