// The data risk document says what a scan found, did, left and cannot see, in both languages.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataRiskHtml, dataRiskMarkdown } from '../../src/reports/data-risk.js';
import { detectionQuality, type DetectionQuality } from '../../src/reports/quality.js';
import type { ScanReport } from '../../src/scan/report-types.js';
import { scanReportFixture } from './scan-report.js';

const quality: DetectionQuality = {
  generated_at: '2025-01-10',
  split: { en: 'the held-out split (30%)', ko: '보류 분할(30%)' },
  rows: [
    {
      task: 'hate and offence (S10/X3/X1)',
      dataset: 'K-MHaS',
      lang: 'ko',
      detects: 'hazards',
      positives: 1172,
      negatives: 1415,
      precision: 0.599,
      recall: 0.92,
      f1: 0.726,
      fpr: 0.51,
      threshold: 'trained default (0.5)',
    },
    {
      task: 'prompt attacks (flagged A1/A2)',
      dataset: 'BIPIA injected vs clean documents',
      lang: 'en',
      detects: 'prompt attacks',
      positives: 96,
      negatives: 96,
      precision: 1,
      recall: 0.156,
      f1: 0.27,
      fpr: 0,
      threshold: 'trained default (0.5)',
    },
  ],
  pii: {
    dataset: { en: 'pii/dev.jsonl, synthetic records', ko: 'pii/dev.jsonl, 합성 레코드' },
    records: 243,
    precision: 1,
    recall: 0.998,
    decoys_reported: 0,
  },
};

/** The text of one `## ` section of a Markdown document. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const withReport = (change: (r: ScanReport) => void) => {
  const r = scanReportFixture();
  change(r);
  return r;
};

describe('data risk document, English', () => {
  const md = dataRiskMarkdown(scanReportFixture(), quality, 'en');

  it('has its five sections in order', () => {
    const titles = [
      '1. The data',
      '2. Risks found',
      '3. What was removed',
      '4. What remains',
      '5. Limits',
    ];
    const at = titles.map((t) => md.indexOf(`## ${t}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('describes the data', () => {
    const data = section(md, '1. The data');
    for (const s of [
      '`data/corpus.jsonl.gz`',
      '`jsonl`, gzip-compressed',
      '12,345,678 bytes',
      '123,456',
      '`text`, `title`',
      '`id`',
      '2025-01-15T09:00:00.000Z',
      '`0.1.0`',
    ])
      expect(data).toContain(s);
  });

  it('counts the risks found, by type and code with their names, and shows the masked samples', () => {
    const risks = section(md, '2. Risks found');
    expect(risks).toContain('321 of 123,456 records (0.3%) contain personal information');
    expect(risks).toContain('45 of 123,456 records (\\<0.1%)');
    expect(risks).toContain('| `kr_rrn` | Resident registration number | 40 |');
    expect(risks).toContain('| `S10` | Hate | 30 |');
    expect(risks).toContain('`900101-1******`');
    expect(risks).toContain('`010-****-5678`');
  });

  it('lists malformed records and says when the list is cut short', () => {
    const risks = section(md, '2. Risks found');
    expect(risks).toContain('too long): 7.');
    expect(risks).toContain('| 40 | 39 | record longer than 16 MiB |');
    expect(risks).toContain('Only the first 5 of 7 are listed');
    expect(risks).toContain('Records with none of the scanned fields: 2.');
    expect(risks.match(/Only the first/g)).toHaveLength(1);
  });

  it('names the rule applied to each type and the filter', () => {
    const actions = section(md, '3. What was removed');
    expect(actions).toContain(
      '| `kr_rrn` | Resident registration number | `mask` masked | 40 | 40 |',
    );
    expect(actions).toContain('`drop-record` record removed');
    expect(actions).toContain('`out/corpus.redacted.jsonl`');
    expect(actions).toContain('Records scoring at least 0.5 on `S1` Violent crimes, `S10` Hate');
    expect(actions).toContain('| `S10` | Hate | 26 |');
    expect(actions).toContain('**Records kept:** 123,419');
    expect(actions).toContain('`out/corpus.rejects.jsonl`');
  });

  it('lists what remains: a type set to keep, a code left out of the filter, unscanned records', () => {
    const remains = section(md, '4. What remains');
    expect(remains).toContain(
      '`email` Email address: 100 findings kept unchanged, as the rule `keep` says',
    );
    expect(remains).toContain('`X3` Profanity and insult: 20 findings not filtered');
    expect(remains).toContain(
      '15 of the 45 records with hazardous content were kept by the filter',
    );
    expect(remains).toContain('7 malformed records could not be read');
    expect(remains).not.toContain('kr_rrn');
  });

  it('gives the measured figures with dataset, split and threshold, and what it cannot see', () => {
    const limits = section(md, '5. Limits');
    expect(limits).toContain('on 2025-01-10, on the held-out split (30%)');
    expect(limits).toContain(
      '| hate and offence (S10/X3/X1) | K-MHaS | ko | 1,172 / 1,415 | 0.599 | 0.920 | 0.726 | 0.510 | trained default (0.5) |',
    );
    expect(limits).not.toContain('BIPIA');
    expect(limits).toContain('precision 1.000, recall 0.998');
    expect(limits).toContain('names of people, postal addresses');
    expect(limits).toContain('other languages');
    expect(limits).toContain('images');
    expect(limits).toContain('`kr_passport`, `kr_driver_license`, `kr_bank_account`');
  });
});

describe('data risk document, Korean', () => {
  const md = dataRiskMarkdown(scanReportFixture(), quality, 'ko');

  it('says the same things in Korean', () => {
    expect(md).toContain('# 학습 데이터 위험 관리 보고서');
    expect(md).toContain('전체 레코드 123,456개 중 321개(0.3%)에 개인정보가 있습니다');
    expect(md).toContain('| `kr_rrn` | 주민등록번호 | 40 |');
    expect(md).toContain('| `S10` | 혐오 | 30 |');
    expect(md).toContain('`mask` 마스킹');
    expect(md).toContain('`900101-1******`');
    expect(md).toContain('7개 중 처음 5개만 나열했습니다');
    expect(section(md, '4. 남아 있는 것')).toContain(
      '`email` 이메일 주소: 100건을 규칙 `keep`에 따라',
    );
    const limits = section(md, '5. 탐지의 한계');
    expect(limits).toContain('측정 데이터: 보류 분할(30%)');
    expect(limits).toContain('| 혐오·모욕(S10/X3/X1) | K-MHaS | ko | 1,172 / 1,415 | 0.599 |');
    expect(limits).toContain('사람 이름, 주소');
  });

  it('has no English sentence left', () => {
    const prose = md
      .replace(/`[^`]*`/g, '')
      .split('\n')
      .filter((line) => !line.startsWith('|'));
    const english = prose.filter((line) => /\b(the|of|and|records?|were|was)\b/.test(line));
    expect(english).toEqual([]);
  });
});

describe('data risk document, HTML', () => {
  const html = dataRiskHtml(scanReportFixture(), quality, 'ko');

  it('is one page in the chosen language, with the same sections as the Markdown', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="ko">/);
    expect(html).not.toMatch(/<(link|script|img)\b/);
    for (const title of [
      '1. 데이터 개요',
      '2. 발견된 위험',
      '3. 제거하거나',
      '4. 남아 있는 것',
      '5. 탐지의 한계',
    ])
      expect(html).toContain(`<h2>${title}`);
  });

  it('escapes every value from the report', () => {
    expect(html).toContain('<code>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</code>');
    const hostile = withReport((r) => {
      r.input.path = '"><img src=x onerror=alert(1)>.jsonl';
      r.input.fields = ['<b>text</b>'];
      r.malformed.lines[0]!.reason = '</td><script>x()</script>';
    });
    const page = dataRiskHtml(hostile, quality, 'en');
    expect(page).not.toMatch(/<(img|b|script)\b/);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.jsonl');
  });
});

describe('data risk document, edge cases', () => {
  it('keeps a sample with line breaks, backticks, pipes and bidi controls on one visible line', () => {
    const r = withReport((x) => {
      x.samples.pii.phone = ['a`b|c\nd\u202eevil'];
    });
    const md = dataRiskMarkdown(r, quality, 'en');
    expect(md).toContain('``a`b|c⏎d<U+202E>evil``');
    expect(md).not.toContain('\u202e');
  });

  it('says PII remains, also in the filtered copy, when nothing was redacted', () => {
    const r = withReport((x) => {
      x.redaction = null;
      x.outputs.redact = null;
    });
    const md = dataRiskMarkdown(r, quality, 'en');
    expect(md).toContain('No redacted copy was written');
    const remains = section(md, '4. What remains');
    expect(remains).toContain('All 343 findings of personal information, in 321 records, remain');
    expect(remains).toContain('The filtered copy `out/corpus.filtered.jsonl` was not redacted');
  });

  it('says hazards remain when no filter was run, and never counts what was not checked', () => {
    const r = withReport((x) => {
      x.filter = null;
      x.detection.pii = false;
    });
    const md = dataRiskMarkdown(r, quality, 'en');
    expect(md).toContain('No filtered copy was written');
    expect(md).toContain('Personal information was not checked in this scan, so none was counted.');
    expect(section(md, '4. What remains')).toContain(
      '45 records with hazardous content remain: no filtered copy was written.',
    );
  });

  it('says the quality is unknown when no figures ship, and warns when the threshold differs', () => {
    const r = withReport((x) => {
      x.detection.hazard_threshold = 0.7;
    });
    const md = dataRiskMarkdown(r, null, 'en');
    expect(md).toContain('ships no measured figures');
    expect(dataRiskMarkdown(r, quality, 'en')).toContain('counted a hazard from a score of 0.7');
  });
});

describe('detection quality', () => {
  it('ships with measured figures for the hazards and for PII', () => {
    const shipped = detectionQuality();
    expect(shipped).not.toBeNull();
    expect(shipped!.rows.some((r) => r.detects === 'hazards' && r.lang === 'ko')).toBe(true);
    expect(shipped!.pii.records).toBeGreaterThan(0);
  });

  it('is null when the file is missing', () => {
    const missing = pathToFileURL(
      fileURLToPath(new URL('./no-such-quality.json', import.meta.url)),
    );
    expect(detectionQuality(missing)).toBeNull();
  });
});
