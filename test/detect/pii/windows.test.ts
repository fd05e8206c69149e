// Searching only around anchors finds exactly what searching the whole text finds.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../src/detect/pii/index.js';

const datasetPath = resolve(
  fileURLToPath(new URL('../../../', import.meta.url)),
  '../shared/datasets/pii/dev.jsonl',
);
const dataset = existsSync(datasetPath)
  ? readFileSync(datasetPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; pii: { value: string }[] })
  : [];

const same = (text: string) =>
  expect(findPii(text, { minConfidence: 0 })).toEqual(
    findPii(text, { minConfidence: 0, windows: false }),
  );

const fragments = [
  '연락처 010-2345-6789',
  '주민등록번호 900101-1234568',
  'card 4556-7310-2948-1729',
  'mail a.b-c@example.co.kr now',
  'IP 192.168.0.12 and fe80::1ff:fe23:4567:890a',
  '여권번호 M123A4567',
  'passport M12345678',
  '서울 11-22-333333-44',
  '계좌 110-123-456789 (신한은행)',
  '사업자 220-81-62517',
  '０１０－２３４５－６７８９',
  'version 1.2.3.4',
  '주문번호 2024-0512-7781',
  '19:15에 도착',
  '1,250,000원',
  'ISBN 978-89-364-3776-5',
  ' ',
  '\n',
  '오늘 회의는 길었다. ',
  'The quick brown fox jumps over the lazy dog. ',
];

describe('PII windows', () => {
  it('match the whole-text search on every pair of dataset texts', () => {
    for (let i = 0; i + 1 < dataset.length; i++)
      same(`${dataset[i]!.text} ${dataset[i + 1]!.text}`);
  });

  it('match the whole-text search on random mixes of numbers, addresses and prose', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { minLength: 5, maxLength: 60 }),
        fc.array(fc.constantFrom('', ' ', '-', '.', ':', '/', '(', ')', '가', 'x', '7'), {
          minLength: 60,
          maxLength: 60,
        }),
        (parts, glue) => {
          same(parts.map((p, i) => p + glue[i]!).join(''));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('still finds what sits far into a long text', () => {
    const text = `${'본문 '.repeat(500)}연락처 010-2345-6789 ${'끝 '.repeat(500)}`;
    expect(findPii(text).map((f) => f.value)).toEqual(['010-2345-6789']);
  });
});
