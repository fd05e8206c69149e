// The scanner end to end on JSONL: findings, redaction, filtering, malformed input, workers, gzip.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/scan.js';
import { jsonLines, scanOptions, tempDir } from './options.js';

const dir = tempDir();

const records = [
  { id: 'a', text: '연락처는 010-2345-6789 입니다. 메일은 hana@example.kr' },
  { id: 'b', text: 'The weather is nice today.' },
  { id: 'c', text: 'How do I build a pipe bomb at home to kill people?' },
  { id: 'd', text: '주민등록번호 900101-1234568 를 알려드립니다' },
  { id: 'e', text: '회의는 오후 3시에 시작합니다.' },
];

function corpus(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const plain = corpus(
  'plain.jsonl',
  records.map((r) => JSON.stringify(r)),
);

describe('scan: findings', () => {
  it('writes one line per finding with record index, id, field, type, value and offsets', async () => {
    const findings = join(dir, 'f1.jsonl');
    const report = await runScan(scanOptions(plain, { findings }));
    const pii = jsonLines(findings).filter((f) => f.type !== 'hazard');
    expect(pii).toContainEqual({
      record: 0,
      id: 'a',
      field: 'text',
      type: 'phone',
      value: '010-2345-6789',
      start: 5,
      end: 18,
    });
    expect(pii.map((f) => f.type)).toEqual(['phone', 'email', 'kr_rrn']);
    for (const f of pii) {
      const text = records[f.record as number]!.text;
      expect(text.slice(f.start as number, f.end as number)).toBe(f.value);
    }
    const hazards = jsonLines(findings).filter((f) => f.type === 'hazard');
    expect(hazards.map((h) => h.record)).toEqual([2]);
    expect(report.records).toBe(5);
    expect(report.records_with_pii).toBe(2);
    expect(report.findings.pii).toEqual({ phone: 1, email: 1, kr_rrn: 1 });
    expect(report.records_with_hazards).toBe(1);
    expect(existsSync(`${findings}.partial`)).toBe(false);
  });

  it('reads nested fields and reports the concrete path', async () => {
    const path = corpus('chat.jsonl', [
      JSON.stringify({
        id: 1,
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'call 010-2345-6789' },
        ],
      }),
    ]);
    const findings = join(dir, 'f2.jsonl');
    await runScan(scanOptions(path, { findings, fields: 'messages[*].content', hazards: false }));
    expect(jsonLines(findings)).toEqual([
      {
        record: 0,
        id: '1',
        field: 'messages[1].content',
        type: 'phone',
        value: '010-2345-6789',
        start: 5,
        end: 18,
      },
    ]);
  });
});

describe('scan: redaction operators', () => {
  const run = async (operators: string, extra: { salt?: string } = {}) => {
    const redact = join(dir, `r-${operators.replace(/[^a-z]/g, '')}.jsonl`);
    const report = await runScan(
      scanOptions(plain, { redact, operators, hazards: false, salt: extra.salt ?? null }),
    );
    return { lines: readFileSync(redact, 'utf8').split('\n').filter(Boolean), report };
  };

  it('tags by default and copies untouched records byte for byte', async () => {
    const { lines, report } = await run('');
    expect(JSON.parse(lines[0]!).text).toBe('연락처는 [PHONE] 입니다. 메일은 [EMAIL]');
    expect(lines[1]).toBe(JSON.stringify(records[1]));
    expect(report.redaction?.redacted).toEqual({ phone: 1, email: 1, kr_rrn: 1 });
    expect(report.redaction?.records_changed).toBe(2);
  });

  it('masks keeping the format', async () => {
    const { lines } = await run('default=mask');
    expect(JSON.parse(lines[0]!).text).toBe(
      '연락처는 ***-****-**** 입니다. 메일은 ****@*******.**',
    );
  });

  it('hashes with the salt: the same value, the same hash; another salt, another hash', async () => {
    const a = (await run('default=hash', { salt: 'one' })).lines[3]!;
    const b = (await run('default=hash', { salt: 'one' })).lines[3]!;
    const c = (await run('default=hash', { salt: 'two' })).lines[3]!;
    expect(JSON.parse(a).text).toMatch(/^주민등록번호 \[KR_RRN:[0-9a-f]{16}\] 를 알려드립니다$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('refuses hash without a salt', async () => {
    await expect(run('email=hash')).rejects.toThrow(/salt/);
  });

  it('drops the field or the whole record', async () => {
    const field = (await run('phone=drop-field,default=keep')).lines;
    expect(JSON.parse(field[0]!)).toEqual({ id: 'a' });
    expect(field).toHaveLength(5);
    const { lines, report } = await run('kr_rrn=drop-record,default=keep');
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes('900101'))).toBe(false);
    expect(report.redaction?.records_dropped).toBe(1);
  });

  it('keep leaves the value and does not count it as redacted', async () => {
    const { lines, report } = await run('default=keep');
    expect(lines.join('\n')).toContain('010-2345-6789');
    expect(report.redaction?.redacted).toEqual({});
  });
});

describe('scan: filter', () => {
  it('removes records with a hazard into the rejects file, with reasons', async () => {
    const filter = join(dir, 'kept.jsonl');
    const report = await runScan(scanOptions(plain, { filter }));
    const kept = readFileSync(filter, 'utf8').split('\n').filter(Boolean);
    expect(kept.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b', 'd', 'e']);
    const rejects = jsonLines(join(dir, 'kept.rejects.jsonl'));
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      record: 2,
      line: 3,
      id: 'c',
      raw: JSON.stringify(records[2]),
    });
    expect((rejects[0]!.reasons as unknown[]).length).toBeGreaterThan(0);
    expect(report.filter).toMatchObject({ kept: 4, removed: 1 });
  });

  it('only removes the codes asked for', async () => {
    const filter = join(dir, 'kept-s12.jsonl');
    const report = await runScan(scanOptions(plain, { filter, filterCodes: ['S12'] }));
    expect(report.filter?.removed).toBe(0);
  });
});

describe('scan: malformed input', () => {
  const lines = [
    JSON.stringify({ id: 1, text: 'fine 010-2345-6789' }),
    '{"id": 2, "text": "broken',
    JSON.stringify({ id: 3, other: 'no text field' }),
    JSON.stringify({ id: 4, text: 'also fine' }),
  ];
  const path = join(dir, 'bad.jsonl');
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(lines.join('\n') + '\n'),
      Buffer.from([
        0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a,
      ]),
      Buffer.from(JSON.stringify({ id: 6, text: 'last' }) + '\r\n'),
    ]),
  );

  it('counts and lists malformed lines with their line numbers and goes on', async () => {
    const redact = join(dir, 'bad.redacted.jsonl');
    const report = await runScan(scanOptions(path, { redact, hazards: false }));
    expect(report.records).toBe(6);
    expect(report.malformed.count).toBe(2);
    expect(report.malformed.lines.map((l) => [l.line, l.record])).toEqual([
      [2, 1],
      [5, 4],
    ]);
    expect(report.malformed.lines[0]!.reason).toMatch(/not JSON/);
    expect(report.malformed.lines[1]!.reason).toBe('invalid UTF-8');
    expect(report.missing_field).toMatchObject({ count: 1 });
    expect(report.missing_field.lines[0]!.line).toBe(3);
    const out = readFileSync(redact, 'utf8');
    expect(out).not.toContain('broken');
    expect(out.endsWith('{"id":6,"text":"last"}\r\n')).toBe(true);
  });

  it('copies malformed lines unchanged when asked', async () => {
    const redact = join(dir, 'bad.kept.jsonl');
    await runScan(scanOptions(path, { redact, hazards: false, keepMalformed: true }));
    const out = readFileSync(redact);
    expect(out.includes(Buffer.from('{"id": 2, "text": "broken\n'))).toBe(true);
    expect(out.includes(Buffer.from([0x22, 0xff, 0xfe, 0x22]))).toBe(true);
  });

  it('counts a line of a full-width or no-break space as malformed, not as a blank line', async () => {
    const spaces = join(dir, 'spaces.jsonl');
    const rows = Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: `row ${i}` }));
    rows.splice(5, 0, '\u3000');
    rows.splice(20, 0, '\u00a0 ');
    rows.push(JSON.stringify({ text: 'last 010-2345-6789' }));
    writeFileSync(spaces, rows.join('\n') + '\n');
    const findings = join(dir, 'spaces.findings.jsonl');
    // Chunks of a few records: the splitter and the codec must agree which lines are records.
    const report = await runScan(scanOptions(spaces, { findings, hazards: false, chunkBytes: 64 }));
    expect(report.records).toBe(43);
    expect(report.malformed.lines.map((l) => [l.line, l.record])).toEqual([
      [6, 5],
      [21, 20],
    ]);
    expect(jsonLines(findings)).toMatchObject([{ record: 42, type: 'phone' }]);
  });

  it('skips a record longer than the limit without reading it whole', async () => {
    const long = join(dir, 'long.jsonl');
    writeFileSync(
      long,
      [
        JSON.stringify({ text: 'a' }),
        JSON.stringify({ text: 'x'.repeat(5000) }),
        JSON.stringify({ text: 'b 010-2345-6789' }),
      ].join('\n') + '\n',
    );
    const findings = join(dir, 'long.findings.jsonl');
    const report = await runScan(
      scanOptions(long, { findings, hazards: false, chunkBytes: 256, maxRecordBytes: 1000 }),
    );
    expect(report.malformed.lines).toEqual([
      { line: 2, record: 1, reason: 'record longer than 1000 bytes; skipped' },
    ]);
    expect(jsonLines(findings)).toMatchObject([{ record: 2, type: 'phone' }]);
  });
});

describe('scan: workers and order', () => {
  const many = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify({
      id: i,
      text:
        i % 7 === 0
          ? `row ${i} call 010-${String(2000 + (i % 7000)).padStart(4, '0')}-5678`
          : `row ${i} nothing here`,
    }),
  );
  const path = corpus('many.jsonl', many);

  it('gives byte-identical outputs with 0, 1 and 3 workers and small chunks', async () => {
    const outputs = [];
    for (const workers of [0, 1, 3]) {
      const findings = join(dir, `many-${workers}.findings.jsonl`);
      const redact = join(dir, `many-${workers}.redacted.jsonl`);
      await runScan(
        scanOptions(path, { findings, redact, workers, hazards: false, chunkBytes: 4096 }),
      );
      outputs.push([readFileSync(findings, 'utf8'), readFileSync(redact, 'utf8')]);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    const records = jsonLines(join(dir, 'many-3.findings.jsonl')).map((f) => f.record as number);
    expect(records).toEqual([...records].sort((a, b) => a - b));
    expect(records).toHaveLength(many.filter((l) => l.includes('call')).length);
  });

  it('reads gzip input the same as plain', async () => {
    const gz = join(dir, 'many.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(path)));
    const findings = join(dir, 'many-gz.findings.jsonl');
    const report = await runScan(
      scanOptions(gz, { findings, hazards: false, workers: 2, chunkBytes: 4096 }),
    );
    expect(report.input.gzip).toBe(true);
    expect(readFileSync(findings, 'utf8')).toBe(
      readFileSync(join(dir, 'many-0.findings.jsonl'), 'utf8'),
    );
  });
});

describe('scan: gzip outputs', () => {
  const lines = Array.from({ length: 2000 }, (_, i) =>
    JSON.stringify({
      id: i,
      text: i % 3 === 0 ? `row ${i}: 010-2345-${String(1000 + i).slice(-4)}` : `row ${i}`,
    }),
  );
  const path = corpus('gz-out.jsonl', lines);

  it('writes .gz outputs that decompress to the plain outputs, chunk by chunk', async () => {
    const plain = { findings: join(dir, 'p.f.jsonl'), redact: join(dir, 'p.r.jsonl') };
    const gz = { findings: join(dir, 'g.f.jsonl.gz'), redact: join(dir, 'g.r.jsonl.gz') };
    await runScan(scanOptions(path, { ...plain, hazards: false, chunkBytes: 4096 }));
    await runScan(scanOptions(path, { ...gz, hazards: false, chunkBytes: 4096, workers: 2 }));
    expect(gunzipSync(readFileSync(gz.findings)).toString()).toBe(
      readFileSync(plain.findings, 'utf8'),
    );
    expect(gunzipSync(readFileSync(gz.redact)).toString()).toBe(readFileSync(plain.redact, 'utf8'));
  });

  it('resumes a .gz output after an interruption, member by member', async () => {
    const out = { redact: join(dir, 'i.r.jsonl.gz'), report: join(dir, 'i.json') };
    const stop = new AbortController();
    let seen = 0;
    const first = runScan(
      scanOptions(path, { ...out, hazards: false, chunkBytes: 4096, checkpointMs: 0 }),
      {
        progress: () => void (++seen === 3 && stop.abort()),
        signal: stop.signal,
      },
    );
    await expect(first).rejects.toThrow(/interrupted/);
    expect(existsSync(`${out.report}.checkpoint.json`)).toBe(true);
    const report = await runScan(
      scanOptions(path, {
        ...out,
        hazards: false,
        chunkBytes: 4096,
        checkpointMs: 0,
        resume: true,
      }),
    );
    expect(report.resumed).toBe(1);
    expect(report.records).toBe(2000);
    expect(gunzipSync(readFileSync(out.redact)).toString()).toBe(
      readFileSync(join(dir, 'p.r.jsonl'), 'utf8'),
    );
  });

  it('names the rejects of a .gz filtered copy .rejects.jsonl.gz', async () => {
    const report = await runScan(scanOptions(plain, { filter: join(dir, 'k.jsonl.gz') }));
    expect(report.filter?.rejects).toBe(join(dir, 'k.rejects.jsonl.gz'));
    const rejects = gunzipSync(readFileSync(join(dir, 'k.rejects.jsonl.gz'))).toString();
    expect(rejects).toContain('"id":"c"');
  });
});
