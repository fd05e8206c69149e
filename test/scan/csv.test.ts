// CSV and TSV: what a user sees of their rows after the splitter, the codec and a write-back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnjeonError } from '../../src/errors.js';
import {
  csvCodec,
  csvHeader,
  csvSplitter,
  missingColumns,
  type CsvHeader,
  type CsvRow,
} from '../../src/scan/formats/csv.js';
import type { RawRecord, RecordCodec } from '../../src/scan/formats/format.js';

interface Scan {
  columns: string[];
  headerEnd: number;
  records: RawRecord[];
  codec: RecordCodec;
}

interface ScanOptions {
  /** Sizes of the reads before the end of the input; the rest comes in the last one. */
  reads?: number[];
  max?: number;
  delimiter?: string;
  fields?: string[];
}

/**
 * Feeds the input the way the scanner does: after each read the header, then cuts of whole
 * records, each chunk decoded and cut into records by the codec; at the end, cuts with `final`
 * until nothing is left.
 */
function scan(input: string | Buffer, o: ScanOptions = {}): Scan {
  const bytes = Buffer.from(input);
  const delimiter = o.delimiter ?? ',';
  const splitter = csvSplitter(delimiter, o.max ?? 1 << 20);
  const s: { header: CsvHeader | null; codec: RecordCodec | null; buf: Buffer } = {
    header: null,
    codec: null,
    buf: Buffer.alloc(0),
  };
  let first = { record: 0, line: 1 };
  const records: RawRecord[] = [];
  const drain = (final: boolean) => {
    if (!s.header) {
      s.header = csvHeader(s.buf, delimiter, final);
      if (!s.header) return;
      const { columns } = s.header;
      s.codec = csvCodec({ delimiter, columns, fields: o.fields ?? columns, idField: 'id' });
      s.buf = s.buf.subarray(s.header.end);
      first = { record: 0, line: 1 + s.header.lines };
    }
    while (s.buf.length > 0) {
      const cut = splitter.cut(s.buf, final);
      if (cut.end === 0) return expect(final).toBe(false);
      const got = s.codec!.records(s.buf.subarray(0, cut.end).toString('utf8'), first);
      expect(got).toHaveLength(cut.records);
      records.push(...got);
      first = { record: first.record + cut.records, line: first.line + cut.lines };
      s.buf = s.buf.subarray(cut.end);
    }
  };
  let offset = 0;
  for (const size of o.reads ?? []) {
    s.buf = Buffer.concat([s.buf, bytes.subarray(offset, offset + size)]);
    offset += size;
    drain(false);
  }
  s.buf = Buffer.concat([s.buf, bytes.subarray(offset)]);
  drain(true);
  return { columns: s.header!.columns, headerEnd: s.header!.end, records, codec: s.codec! };
}

/** A row's parsed value, for handing to texts(), id() and write(). */
function valueOf(codec: RecordCodec, text: string): unknown {
  const p = codec.parse({ index: 0, line: 1, text, terminator: '' });
  if (!p.ok) throw new Error(p.reason);
  return p.value;
}

function values(run: Scan): (string[] | string)[] {
  return run.records.map((r) => {
    const p = run.codec.parse(r);
    return p.ok ? (p.value as CsvRow).values : p.reason;
  });
}

/** Every byte of the body is in a record's text or terminator, in order; only blank lines are left out. */
function expectCovered(input: string, run: Scan) {
  const body = Buffer.from(input).subarray(run.headerEnd).toString('utf8');
  let pos = 0;
  for (const r of run.records) {
    while (body[pos] === '\n' || body.startsWith('\r\n', pos)) pos += body[pos] === '\n' ? 1 : 2;
    expect(body.startsWith(r.text + r.terminator, pos)).toBe(true);
    pos += r.text.length + r.terminator.length;
  }
  expect(body.slice(pos)).toMatch(/^[\r\n]*$/);
}

describe('csvHeader', () => {
  it('reads the column names, without a BOM, and says where the rows start', () => {
    const input = Buffer.from('\uFEFFid,"full, name","two\nlines"\n1,a,b\n');
    const header = csvHeader(input, ',')!;
    expect(header.columns).toEqual(['id', 'full, name', 'two\nlines']);
    expect(input.subarray(header.end).toString()).toBe('1,a,b\n');
    expect(header.lines).toBe(2);
  });

  it('waits for the line break, unless the input has ended', () => {
    expect(csvHeader(Buffer.from('id,te'), ',')).toBeNull();
    expect(csvHeader(Buffer.from('id,"te\nxt'), ',')).toBeNull();
    expect(csvHeader(Buffer.from('id,text'), ',', true)).toEqual({
      columns: ['id', 'text'],
      end: 7,
      lines: 0,
    });
  });

  it('allows unnamed columns, such as a pandas index', () => {
    expect(csvHeader(Buffer.from(',text,\n'), ',')!.columns).toEqual(['', 'text', '']);
  });

  it.each([
    ['a duplicate column, by name', 'id,text,id\n', /column "id" appears twice.*1 and 3/],
    ['a header with no names', ',\n', /no column names/],
    ['an empty input', '\n\n', /empty/],
    ['a malformed header', 'id,te"xt\n', /header row, column 2: a quote inside/],
  ])('refuses %s', (_name, input, message) => {
    const read = () => csvHeader(Buffer.from(input), ',', true);
    expect(read).toThrow(AnjeonError);
    expect(read).toThrow(message);
  });
});

describe('CSV records', () => {
  const input =
    'id,text\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n\n4,plain\n5," lead and trail "\n';

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const run = scan(input);
    expect(values(run)).toEqual([
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'plain'],
      ['5', ' lead and trail '],
    ]);
    expect(run.records.map((r) => [r.index, r.line])).toEqual([
      [0, 2],
      [1, 3],
      [2, 4],
      [3, 7],
      [4, 8],
    ]);
    expectCovered(input, run);
  });

  it('keeps CRLF line ends as terminators and inside quoted values', () => {
    const crlf = 'id,text\r\n1,"x\r\ny"\r\n\r\n2,z\r\n3,"end"';
    const run = scan(crlf);
    expect(values(run)).toEqual([
      ['1', 'x\r\ny'],
      ['2', 'z'],
      ['3', 'end'],
    ]);
    expect(run.records.map((r) => [r.line, r.terminator])).toEqual([
      [2, '\r\n'],
      [5, '\r\n'],
      [6, ''],
    ]);
    expectCovered(crlf, run);
  });

  it('reads TSV, where commas need no quotes and tabs do', () => {
    const run = scan('id\ttext\n1\ta, b\n2\t"tab\there"\n', { delimiter: '\t' });
    expect(values(run)).toEqual([
      ['1', 'a, b'],
      ['2', 'tab\there'],
    ]);
  });
});

describe('malformed CSV rows', () => {
  it.each([
    [
      'a quote inside an unquoted value',
      '1,5" screen',
      /column "text": a quote inside an unquoted/,
    ],
    ['characters after a closing quote', '1,"a"b', /column "text": characters follow its closing/],
    ['too many fields', '1,a,b', /expected 2 fields \(one per header column\), found 3/],
    ['too few fields', '1', /expected 2 fields .*found 1/],
    ['an unterminated quote', '1,"never closed', /column "text": its quote is never closed/],
  ])('reports %s and reads the rows after it', (_name, bad, reason) => {
    const run = scan(`id,text\n0,ok\n${bad}\n2,good\n3,fine\n`);
    expect(run.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(values(run)).toEqual([
      ['0', 'ok'],
      expect.stringMatching(reason),
      ['2', 'good'],
      ['3', 'fine'],
    ]);
  });

  // The quote on line 2 never closes as meant; the one on line 5 would close it.
  const runaway = 'id,text\n1,"opens here\n2,plain\n3,plain\n4,"quoted"\n5,after\n';

  it('cuts a quote that runs past the record limit back to its first line', () => {
    const run = scan(runaway, { max: 24 });
    expect(run.records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(values(run)).toEqual([
      expect.stringMatching(/never closed/),
      ['2', 'plain'],
      ['3', 'plain'],
      ['4', 'quoted'],
      ['5', 'after'],
    ]);
    expectCovered(runaway, run);
  });

  it('reads a quote that closes within the limit as one value over several lines', () => {
    const run = scan(runaway, { max: 1000 });
    expect(run.records.map((r) => r.line)).toEqual([2, 6]);
    expect(values(run)[0]).toMatch(/characters follow its closing quote/);
  });

  it('gives the same rows however the reads fall, with a small limit', () => {
    const whole = scan(runaway, { max: 24 }).records;
    for (let p = 0; p <= runaway.length; p++)
      expect(scan(runaway, { max: 24, reads: [p] }).records).toEqual(whole);
  });
});

describe('cutting CSV at any byte', () => {
  const sample =
    '\uFEFFid,"te""xt"\r\n' +
    '1,"안녕, 세계"\r\n' +
    '2,"line one\r\nline two 😀"\r\n' +
    '\r\n' +
    '3,5" screen\n' +
    '4,"unclosed\n' +
    '5,plain\n' +
    '6,"a ""b"" c"\n' +
    '7,"last, without a line break"';

  it.each([1 << 20, 30, 8])('gives the rows of one whole read (limit %d)', (max) => {
    const whole = scan(sample, { max });
    expectCovered(sample, whole);
    for (let p = 0; p <= Buffer.byteLength(sample); p++)
      expect(scan(sample, { max, reads: [p] }).records).toEqual(whole.records);
  });

  it('gives the rows of one whole read for random inputs and reads', () => {
    const piece = fc.constantFrom('a', 'é', ',', '"', '""', '\n', '\r', '\r\n', ' ');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((p) => 'id,text\n' + p.join('')),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (input, reads, max) => {
          const whole = scan(input, { max });
          expectCovered(input, whole);
          expect(scan(input, { max, reads }).records).toEqual(whole.records);
        },
      ),
    );
  });
});

describe('csvCodec', () => {
  const header = 'id,name,note,quote\n';
  const row = '"7","Kim, Minsu", spaced ,"say ""hi"""\n';

  it('gives the requested columns in the order asked, each once', () => {
    const codec = csvCodec({
      delimiter: ',',
      columns: ['id', 'name', 'note', 'quote'],
      fields: ['quote', 'nope', 'name', 'quote'],
      idField: 'id',
    });
    const value = valueOf(codec, codec.records(row, { record: 0, line: 2 })[0]!.text);
    expect(codec.texts(value)).toEqual([
      { field: 'quote', text: 'say "hi"' },
      { field: 'name', text: 'Kim, Minsu' },
    ]);
    expect(codec.id(value)).toBe('7');
  });

  it('has no id when the column is missing or empty', () => {
    const columns = ['id', 'text'];
    const noColumn = csvCodec({ delimiter: ',', columns, fields: ['text'], idField: 'key' });
    const withColumn = csvCodec({ delimiter: ',', columns, fields: ['text'], idField: 'id' });
    const value = valueOf(withColumn, ',x');
    expect(noColumn.id(value)).toBeNull();
    expect(withColumn.id(value)).toBeNull();
  });

  it('writes back only the edited cells; the others keep their bytes and quotes', () => {
    const run = scan(header + row.replace('\n', '\r\n'), { fields: ['note', 'quote'] });
    const [record] = run.records;
    const value = valueOf(run.codec, record!.text);
    const out = run.codec.write(value, new Map([['note', '[NAME]']]));
    expect(out + record!.terminator).toBe('"7","Kim, Minsu",[NAME],"say ""hi"""\r\n');
  });

  it.each([
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', '5" screen', '"5"" screen"'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return', 'one\rtwo', '"one\rtwo"'],
    ['only spaces around it', '  pad  ', '  pad  '],
    ['a dropped value', null, ''],
  ])('quotes an edited cell only when needed: %s', (_name, edit, cell) => {
    const run = scan(header + row);
    const value = valueOf(run.codec, run.records[0]!.text);
    expect(run.codec.write(value, new Map([['note', edit]]))).toBe(
      `"7","Kim, Minsu",${cell},"say ""hi"""`,
    );
  });

  it('in TSV quotes an edited cell with a tab but not one with a comma', () => {
    const run = scan('id\ttext\n1\tx\n', { delimiter: '\t' });
    const value = valueOf(run.codec, run.records[0]!.text);
    expect(run.codec.write(value, new Map([['text', 'a,b']]))).toBe('1\ta,b');
    expect(run.codec.write(value, new Map([['text', 'a\tb']]))).toBe('1\t"a\tb"');
  });

  it('writes an emptied single-column row as "" so that it is still a row', () => {
    const run = scan('text\nsecret\n');
    const value = valueOf(run.codec, run.records[0]!.text);
    const out = run.codec.write(value, new Map([['text', null]]));
    expect(out).toBe('""');
    expect(values(scan(`text\n${out}\n`))).toEqual([['']]);
  });

  it('names the requested columns the header lacks', () => {
    expect(missingColumns(['id', 'text'], ['text', 'body', 'id', 'meta'])).toEqual([
      'body',
      'meta',
    ]);
  });

  it('reads back any rows it writes, however the reads fall', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '\t', '"', '\r', '\n', '한', '😀'),
      maxLength: 8,
    });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }));
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 16 }), { maxLength: 10 }),
        (rows, delimiter, eol, reads) => {
          const columns = (rows[0] ?? ['x']).map((_, i) => `c${i}`);
          const codec = csvCodec({ delimiter, columns, fields: columns, idField: 'id' });
          const blank = valueOf(codec, delimiter.repeat(columns.length - 1));
          const lines = rows.map((cells) =>
            codec.write(blank, new Map(cells.map((c, i) => [`c${i}`, c]))),
          );
          const input = [columns.join(delimiter), ...lines].join(eol);
          expect(values(scan(input, { delimiter, reads }))).toEqual(rows);
        },
      ),
    );
  });
});
