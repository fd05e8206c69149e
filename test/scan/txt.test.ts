// Plain text: lines or blank-line-separated blocks as records, cut the same however the reads fall.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src/scan/formats/format.js';
import { txtCodec, txtSplitter, type TxtMode } from '../../src/scan/formats/txt.js';

interface ScanOptions {
  /** Sizes of the reads before the end of the input; the rest comes in the last one. */
  reads?: number[];
  max?: number;
}

/**
 * Feeds the input the way the scanner does: cuts of whole records after each read, each chunk
 * decoded and cut into records by the codec; at the end, cuts with `final` until nothing is left.
 */
function scan(mode: TxtMode, input: string, o: ScanOptions = {}): RawRecord[] {
  const bytes = Buffer.from(input);
  const splitter = txtSplitter(mode, o.max ?? 1 << 20);
  const codec = txtCodec(mode);
  let buf = Buffer.alloc(0);
  let first = { record: 0, line: 1 };
  const records: RawRecord[] = [];
  const drain = (final: boolean) => {
    while (buf.length > 0) {
      const cut = splitter.cut(buf, final);
      if (cut.end === 0) return expect(final).toBe(false);
      const got = codec.records(buf.subarray(0, cut.end).toString('utf8'), first);
      expect(got).toHaveLength(cut.records);
      records.push(...got);
      first = { record: first.record + cut.records, line: first.line + cut.lines };
      buf = buf.subarray(cut.end);
    }
  };
  let offset = 0;
  for (const size of o.reads ?? []) {
    buf = Buffer.concat([buf, bytes.subarray(offset, offset + size)]);
    offset += size;
    drain(false);
  }
  buf = Buffer.concat([buf, bytes.subarray(offset)]);
  drain(true);
  return records;
}

const summary = (records: RawRecord[]) =>
  records.map((r) => [r.index, r.line, r.text, r.terminator]);

/** Every byte is in a record's text or terminator, in order; only blank lines are left out. */
function expectCovered(input: string, records: RawRecord[]) {
  let pos = 0;
  for (const r of records) {
    while (/^[ \t\r]*\n/.test(input.slice(pos))) pos = input.indexOf('\n', pos) + 1;
    expect(input.startsWith(r.text + r.terminator, pos)).toBe(true);
    pos += r.text.length + r.terminator.length;
  }
  expect(input.slice(pos)).toMatch(/^[ \t\r\n]*$/);
}

describe('txt, a record per line', () => {
  it('skips blank lines and keeps line numbers and CRLF', () => {
    const input = 'first\r\n\r\n  \nsecond line\nlast';
    expect(summary(scan('line', input))).toEqual([
      [0, 1, 'first', '\r\n'],
      [1, 4, 'second line', '\n'],
      [2, 5, 'last', ''],
    ]);
  });

  it('waits for the end of a line', () => {
    expect(txtSplitter('line', 8).cut(Buffer.from('a line longer than the limit'), false)).toEqual({
      end: 0,
      records: 0,
      lines: 0,
    });
  });
});

describe('txt, a record per block', () => {
  const input = '\n\nOne para\r\ngraph.\r\n\r\n \r\nTwo.\n\n\n한국어 문단\n😀 끝\n\n';

  it('keeps the blank lines after a block in its terminator', () => {
    const records = scan('block', input);
    expect(summary(records)).toEqual([
      [0, 3, 'One para\r\ngraph.', '\r\n\r\n \r\n'],
      [1, 7, 'Two.', '\n\n\n'],
      [2, 10, '한국어 문단\n😀 끝', '\n\n'],
    ]);
    expect(records.map((r) => r.text + r.terminator).join('')).toBe(input.slice(2));
  });

  it('cuts a block longer than the limit at line breaks', () => {
    const long = 'aaa\nbbb\nccc\nddd\neeeeeeeeeeee\nfff\n\nnext\n';
    expect(summary(scan('block', long, { max: 9 }))).toEqual([
      [0, 1, 'aaa\nbbb', '\n'],
      [1, 3, 'ccc\nddd', '\n'],
      [2, 5, 'eeeeeeeeeeee', '\n'],
      [3, 6, 'fff', '\n\n'],
      [4, 8, 'next', '\n'],
    ]);
  });

  // Both cuts hand over what is whole before a long unfinished line, rather than leaving the
  // scanner a buffer past the limit with no cut, which it would report as one oversized record.
  it('cuts before a block whose first line is still being read', () => {
    const cut = txtSplitter('block', 16).cut(Buffer.from('a\n\nthe next block is long'), false);
    expect(cut).toEqual({ end: 3, records: 1, lines: 2 });
  });

  it('cuts a block before an unfinished line that takes it past the limit', () => {
    const cut = txtSplitter('block', 8).cut(Buffer.from('aaa\nbbb\nan unfinished line'), false);
    expect(cut).toEqual({ end: 8, records: 1, lines: 2 });
  });
});

describe('txtCodec', () => {
  it('gives the record as the one text to scan, with no id', () => {
    const codec = txtCodec('line');
    const parsed = codec.parse({ index: 0, line: 1, text: 'call 010-1234-5678', terminator: '' });
    expect(parsed).toEqual({ ok: true, value: 'call 010-1234-5678' });
    if (!parsed.ok) return;
    expect(codec.texts(parsed.value)).toEqual([{ field: 'text', text: 'call 010-1234-5678' }]);
    expect(codec.id(parsed.value)).toBeNull();
    expect(codec.write(parsed.value, new Map([['text', 'call [PHONE]']]))).toBe('call [PHONE]');
    expect(codec.write(parsed.value, new Map([['text', null]]))).toBe('');
  });
});

describe('cutting text at any byte', () => {
  const sample = 'one\r\ntwo 😀\n\n  \n세 번째\nfour\n\n\nfive\r\n\r\nsix';

  it.each([
    ['line', 1 << 20],
    ['block', 1 << 20],
    ['block', 12],
    ['block', 1],
  ] as const)('gives the records of one whole read (%s, limit %d)', (mode, max) => {
    const whole = scan(mode, sample, { max });
    expectCovered(sample, whole);
    for (let p = 0; p <= Buffer.byteLength(sample); p++)
      expect(scan(mode, sample, { max, reads: [p] })).toEqual(whole);
  });

  it('gives the records of one whole read for random inputs and reads', () => {
    const piece = fc.constantFrom('a', 'é', ' ', '\t', '\n', '\r', '\r\n', '\n\n');
    fc.assert(
      fc.property(
        fc.constantFrom<TxtMode>('line', 'block'),
        fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 30 }),
        (mode, input, reads, max) => {
          const whole = scan(mode, input, { max });
          expectCovered(input, whole);
          expect(scan(mode, input, { max, reads })).toEqual(whole);
        },
      ),
    );
  });
});
