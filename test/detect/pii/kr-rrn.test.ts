// Resident registration numbers: the date and G digit decide, the check digit only grades confidence.
import { describe, expect, it } from 'vitest';
import { confidenceOf, found } from './found.js';

describe('kr_rrn', () => {
  it.each([
    ['주민등록번호 900101-1234568 입니다', '900101-1234568'],
    ['resident registration no.: 681203-2670676;', '681203-2670676'],
    ['주민번호 900101 1234568', '900101 1234568'],
    ['주민번호 9001011234568', '9001011234568'],
    ['주민번호: ９００１０１－１２３４５６８', '９００１０１－１２３４５６８'],
    ['주민번호 900101\u20131234568', '900101\u20131234568'],
    ['RRN 000229-4123457 (born 2000)', '000229-4123457'],
    ['주민등록번호 210421-3766050', '210421-3766050'],
    ['주민번호 990101-0123456', '990101-0123456'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'kr_rrn')).toEqual([value]);
  });

  it.each([
    ['a date that does not exist', '참고: 900638-1468763'],
    ['February 29 in a non-leap year', '주민번호 010229-3123456'],
    ['a foreigner digit', '주민번호 900101-5123450'],
    ['an order number with an 8-digit date', '주문번호 20241112-2198345'],
    ['letters attached', 'ID A900101-1234568'],
    ['a longer digit run', '주민번호 900101-12345689'],
    ['a longer hyphenated code', '900101-1234568-1'],
    ['G digit 2 with a 2000s-only date', '주민번호 000229-2123456'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'kr_rrn', 0)).toEqual([]);
  });

  it('grades a failing check digit as medium, not as a rejection (numbers since 2020 are random)', () => {
    const passing = confidenceOf('900101-1234568', 'kr_rrn') ?? 0;
    const failing = confidenceOf('900101-1234567', 'kr_rrn') ?? 0;
    expect(passing).toBeGreaterThan(failing);
    expect(failing).toBeGreaterThanOrEqual(0.5);
    expect(found('참고 900101-1234567', 'kr_rrn')).toEqual(['900101-1234567']);
  });

  it('raises confidence when a context word comes first', () => {
    const bare = confidenceOf('번호 900101-1234567', 'kr_rrn') ?? 0;
    const withWord = confidenceOf('주민등록번호 900101-1234567', 'kr_rrn') ?? 0;
    expect(withWord).toBeGreaterThan(bare);
  });

  it('keeps 13 bare digits that fail the check digit below the default threshold without context', () => {
    expect(found('코드 9001011234567', 'kr_rrn')).toEqual([]);
    expect(found('주민번호 9001011234567', 'kr_rrn')).toEqual(['9001011234567']);
  });

  it('reports an RRN as an RRN only, not also as a phone or card number', () => {
    const text = '주민등록번호 0201013456782';
    expect(found(text, 'kr_rrn')).toEqual(['0201013456782']);
    expect(found(text, 'phone', 0)).toEqual([]);
    expect(found(text, 'credit_card', 0)).toEqual([]);
  });
});
