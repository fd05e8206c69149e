// `anjeon scan` through the CLI: each reader, --json, exit codes and the errors a user meets.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/scan/report-types.js';
import { jsonLines, tempDir } from '../scan/options.js';
import { cli } from './run-cli.js';

const dir = tempDir();
const at = (name: string) => join(dir, name);

async function scan(args: string[], env: Record<string, string> = {}) {
  const r = await cli(['scan', ...args, '--workers', '0'], { env });
  return {
    ...r,
    report: r.code === 0 && args.includes('--json') ? (JSON.parse(r.stdout) as ScanReport) : null,
  };
}

describe('anjeon scan: CSV', () => {
  writeFileSync(
    at('people.csv'),
    'id,name,note\r\n' +
      '1,Kim,"연락처 010-2345-6789, 내일 연락"\r\n' +
      '2,Lee,"multi\r\nline note, no pii"\r\n' +
      '3,Park,bad "quote" here 900101-1234568\r\n' +
      '4,Choi,메일 choi@example.com\r\n',
  );

  it('scans a column, redacts only the cells with findings, keeps the header and CRLF, and copies a bad row when asked', async () => {
    const { code, report } = await scan([
      at('people.csv'),
      '--field',
      'note',
      '--redact',
      at('people.red.csv'),
      '--json',
      '--no-hazards',
      '--keep-malformed',
    ]);
    expect(code).toBe(0);
    expect(report!.records).toBe(4);
    expect(report!.findings.pii).toEqual({ phone: 1, email: 1 });
    expect(report!.malformed.lines).toMatchObject([{ line: 5, record: 2 }]);
    expect(report!.malformed.lines[0]!.reason).toContain('a quote inside an unquoted value');
    expect(readFileSync(at('people.red.csv'), 'utf8')).toBe(
      'id,name,note\r\n' +
        '1,Kim,"연락처 [PHONE], 내일 연락"\r\n' +
        '2,Lee,"multi\r\nline note, no pii"\r\n' +
        '3,Park,bad "quote" here 900101-1234568\r\n' +
        '4,Choi,메일 [EMAIL]\r\n',
    );
  });

  it('names the columns when --field is not one of them', async () => {
    const { code, stderr } = await scan([at('people.csv'), '--field', 'body']);
    expect(code).toBe(2);
    expect(stderr).toContain('no column "body"');
    expect(stderr).toContain('id, name, note');
  });

  it('reports a row with the wrong number of fields as malformed, with its line', async () => {
    writeFileSync(at('short.csv'), 'id,text\n1,fine\n2\n3,"also fine 010-2345-6789"\n');
    const { report } = await scan([at('short.csv'), '--json', '--no-hazards']);
    expect(report!.malformed.lines).toEqual([
      { line: 3, record: 1, reason: expect.stringMatching(/expected 2 fields/) as unknown },
    ]);
    expect(report!.findings.pii).toEqual({ phone: 1 });
  });

  it('reads TSV', async () => {
    writeFileSync(at('t.tsv'), 'id\ttext\nx\tcall 010-2345-6789\n');
    const { report } = await scan([
      at('t.tsv'),
      '--findings',
      at('t.findings.jsonl'),
      '--json',
      '--no-hazards',
    ]);
    expect(report!.input.format).toBe('tsv');
    expect(jsonLines(at('t.findings.jsonl'))).toEqual([
      {
        record: 0,
        id: 'x',
        field: 'text',
        type: 'phone',
        value: '010-2345-6789',
        start: 5,
        end: 18,
      },
    ]);
  });
});

describe('anjeon scan: text', () => {
  const text = '첫 문단입니다.\n연락처 010-2345-6789\n\n둘째 문단.\n\n\nmail me: a.b@example.com\n';
  writeFileSync(at('doc.txt'), text);

  it('makes a record of each line by default', async () => {
    const { report } = await scan([at('doc.txt'), '--json', '--no-hazards']);
    expect(report!.records).toBe(4);
  });

  it('makes a record of each blank-line block and keeps the separators in the copy', async () => {
    const { report } = await scan([
      at('doc.txt'),
      '--txt-records',
      'block',
      '--redact',
      at('doc.red.txt'),
      '--json',
      '--no-hazards',
    ]);
    expect(report!.records).toBe(3);
    expect(readFileSync(at('doc.red.txt'), 'utf8')).toBe(
      text.replace('010-2345-6789', '[PHONE]').replace('a.b@example.com', '[EMAIL]'),
    );
  });
});

describe('anjeon scan: gzip and Parquet by name', () => {
  it('reads .jsonl.gz', async () => {
    writeFileSync(at('c.jsonl.gz'), gzipSync('{"text":"010-2345-6789"}\n{"text":"nothing"}\n'));
    const { report } = await scan([at('c.jsonl.gz'), '--json', '--no-hazards']);
    expect(report!.input).toMatchObject({ format: 'jsonl', gzip: true });
    expect(report!.records_with_pii).toBe(1);
  });
});

describe('anjeon scan: errors and exit codes', () => {
  writeFileSync(at('ok.jsonl'), '{"id":1,"text":"call 010-2345-6789"}\n');

  it('exits 3 with --fail-on-findings when something is found', async () => {
    expect((await scan([at('ok.jsonl'), '--fail-on-findings', '--no-hazards'])).code).toBe(3);
    writeFileSync(at('clean.jsonl'), '{"text":"nothing to see"}\n');
    expect((await scan([at('clean.jsonl'), '--fail-on-findings', '--no-hazards'])).code).toBe(0);
  });

  it('checks every output before reading anything', async () => {
    const missing = await scan([at('ok.jsonl'), '--redact', at('no/such/folder/x.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--redact');
    expect(missing.stderr).toContain('does not exist');
    const twice = await scan([
      at('ok.jsonl'),
      '--findings',
      at('x.jsonl'),
      '--redact',
      at('x.jsonl'),
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--redact and --findings both name');
    const input = await scan([at('ok.jsonl'), '--redact', at('ok.jsonl')]);
    expect(input.stderr).toContain('would overwrite the input');
  });

  it('says a folder is not a file', async () => {
    const r = await scan([dir, '--format', 'jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder, not a file');
  });

  it('says which file is missing', async () => {
    const r = await scan([at('nope.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.jsonl: no such file');
  });

  it('asks for --format when the name does not tell', async () => {
    writeFileSync(at('data.bin'), 'x');
    const r = await scan([at('data.bin')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format');
  });

  it('explains a bad --operators rule', async () => {
    const r = await scan([at('ok.jsonl'), '--redact', at('o.jsonl'), '--operators', 'phone=blur']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"blur" is not an operator');
  });

  it('takes the hash salt from ANJEON_SCAN_SALT', async () => {
    const r = await scan(
      [at('ok.jsonl'), '--redact', at('h.jsonl'), '--operators', 'default=hash', '--no-hazards'],
      { ANJEON_SCAN_SALT: 's3cret' },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(at('h.jsonl'), 'utf8')).toMatch(/call \[PHONE:[0-9a-f]{16}\]/);
  });

  it('says what it did not check rather than counting zero', async () => {
    const r = await scan([at('ok.jsonl'), '--no-hazards']);
    expect(r.stdout).toContain('hazards: not checked (--no-hazards)');
    expect(r.stdout).toContain('records with personal data: 1');
  });

  it('warns loudly when no record has the field', async () => {
    const r = await scan([at('ok.jsonl'), '--field', 'body', '--no-hazards']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 record\(s\) have none of the fields body .*check --field/);
  });

  it('refuses to start over an interrupted scan without --resume', async () => {
    writeFileSync(at('r.json.checkpoint.json'), '{}');
    const r = await scan([at('ok.jsonl'), '--report', at('r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --resume to continue it');
  });
});
