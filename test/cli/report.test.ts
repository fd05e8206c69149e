// `anjeon report data-risk` end to end: documents to stdout and to a file, and the three bad inputs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanReportFixture } from '../reports/scan-report.js';
import { cli } from './run-cli.js';

let dir: string;
let report: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjeon-report-'));
  report = join(dir, 'report.json');
  writeFileSync(report, JSON.stringify(scanReportFixture(), null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('anjeon report data-risk', () => {
  it('prints Markdown to standard output, in the language --lang chooses', async () => {
    const en = await cli(['report', 'data-risk', report]);
    expect(en).toMatchObject({ code: 0, stderr: '' });
    expect(en.stdout).toMatch(/^# Training data risk report\n/);
    expect(en.stdout).toContain('| `kr_rrn` | Resident registration number | 40 |');
    const ko = await cli(['report', 'data-risk', report, '--lang', 'ko']);
    expect(ko.stdout).toMatch(/^# 학습 데이터 위험 관리 보고서\n/);
    expect((await cli(['--lang', 'ko', 'report', 'data-risk', report])).stdout).toBe(ko.stdout);
  });

  it('writes HTML to --output, leaving no partial file', async () => {
    const out = join(dir, 'data-risk.html');
    const r = await cli(['report', 'data-risk', report, '--format', 'html', '--output', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain(out);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('&lt;script&gt;');
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('exits 2 naming a file that does not exist', async () => {
    const missing = join(dir, 'nope.json');
    const r = await cli(['report', 'data-risk', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${missing}: no such file`);
  });

  it('exits 2 naming the line and column where a file stops being JSON', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "anjeon_version": "0.1.0",\n  "input": }\n');
    const r = await cli(['report', 'data-risk', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${broken}:3:12: not JSON (Unexpected token '}')`);
  });

  it('exits 2 naming the first field that makes a file not a scan report', async () => {
    const other = join(dir, 'other.json');
    const { input: _input, ...rest } = scanReportFixture();
    writeFileSync(
      other,
      JSON.stringify({ ...rest, input: { ...scanReportFixture().input, format: 'xml' } }),
    );
    const r = await cli(['report', 'data-risk', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${other} is not an anjeon scan report: input.format:`);
    const verdict = join(dir, 'verdict.json');
    writeFileSync(verdict, '{"verdict": "safe"}');
    const v = await cli(['report', 'data-risk', verdict]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`${verdict} is not an anjeon scan report: anjeon_version:`);
    expect(existsSync(join(dir, 'verdict.json.partial'))).toBe(false);
  });

  it('accepts only md and html', async () => {
    const r = await cli(['report', 'data-risk', report, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are md, html');
  });
});
