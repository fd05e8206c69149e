// Invariants of findPii on generated text full of numbers: exact values, valid offsets, no overlaps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii } from '../../../src/detect/pii/index.js';
import type { PiiFinding } from '../../../src/detect/types.js';

const samples = [
  '900101-1234568',
  '870512-5123452',
  '010-1234-5678',
  '+82 2-123-4567',
  '4111 1111 1111 1111',
  '104-81-00015',
  '11-22-123456-78',
  'M123A4567',
  'ops@example.co.kr',
  '155.200.62.51',
  '2001:db8::1',
  '978-89-1524-215-7',
  '1,234,567원',
  'v4.7.18',
  '주민등록번호',
  '계좌',
  '여권',
  'IP',
  '연락처',
];

const piece = fc.oneof(
  fc.constantFrom(...samples),
  fc.stringMatching(/^[0-9]{1,20}$/),
  fc.constantFrom(' ', '-', '.', ':', '@', '+', '－', '\u2013', '\u3000', '\n'),
  fc.constantFrom('가', '번호', 'abc', 'M', '😀', '０', '９'),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

function toFullWidth(s: string): string {
  return s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const spans = (findings: PiiFinding[]) => findings.map((f) => [f.type, f.start, f.end]);

describe('findPii properties', () => {
  it('reports values that are slices of the text, in order, inside it, never overlapping', () => {
    fc.assert(
      fc.property(text, fc.double({ min: 0, max: 1, noNaN: true }), (t, minConfidence) => {
        const findings = findPii(t, { minConfidence });
        let previousEnd = 0;
        for (const f of findings) {
          expect(f.value).toBe(t.slice(f.start, f.end));
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(f.confidence).toBeGreaterThanOrEqual(minConfidence);
          expect(f.confidence).toBeLessThanOrEqual(1);
          previousEnd = f.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same spans in full-width text as in ASCII text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(spans(findPii(toFullWidth(t), { minConfidence: 0 }))).toEqual(
          spans(findPii(t, { minConfidence: 0 })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
