// Korean phone numbers by the numbering plan, in the separators and forms people actually type.
import { describe, expect, it } from 'vitest';
import { confidenceOf, found } from './found.js';

describe('phone', () => {
  it.each([
    ['연락처 010-1234-5678', '010-1234-5678'],
    ['phone: 01052580055 but', '01052580055'],
    ['010.1234.5678로 연락', '010.1234.5678'],
    ['010 1234 5678', '010 1234 5678'],
    ['０１０－１２３４－５６７８', '０１０－１２３４－５６７８'],
    ['011-123-4567', '011-123-4567'],
    ['서울 02-123-4567', '02-123-4567'],
    ['(02) 1234-5678', '(02) 1234-5678'],
    ['064-207-5752', '064-207-5752'],
    ['031-1234-5678', '031-1234-5678'],
    ['070-1234-5678', '070-1234-5678'],
    ['080-123-4567', '080-123-4567'],
    ['0505-123-4567', '0505-123-4567'],
    ['+82 10-1234-5678', '+82 10-1234-5678'],
    ['+82-10-8868-3082,', '+82-10-8868-3082'],
    ['+82-2-123-4567', '+82-2-123-4567'],
    ['+821012345678', '+821012345678'],
    ['+82 (0)10 1234 5678', '+82 (0)10 1234 5678'],
    ['고객센터 전화 1588-1234', '1588-1234'],
    ['tel 16441234', '16441234'],
    ['연락처010-1234-5678입니다', '010-1234-5678'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'phone')).toEqual([value]);
  });

  it.each([
    ['010 with a three-digit exchange', '010-123-4567'],
    ['an area code that does not exist', '035-123-4567'],
    ['a number that runs on', '010-1234-5678-9'],
    ['digits attached', '9010-1234-5678'],
    ['mixed separators', '010-1234.5678'],
    ['a date', '2024-09-05'],
    ['a span of years', '1592-1598년'],
    ['an ISBN', '978-89-1524-215-7'],
    ['too few digits', '02-12-3456'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'phone')).toEqual([]);
  });

  it('needs context before eight-digit service numbers count', () => {
    expect(found('15881234', 'phone', 0)).toEqual([]);
    expect(confidenceOf('1588-1234', 'phone')).toBeLessThan(0.5);
    expect(found('대표번호 전화 1588-1234', 'phone')).toEqual(['1588-1234']);
  });

  it('reports "+82 010-..." once, with its country code', () => {
    expect(found('+82 010-1234-5678', 'phone')).toEqual(['+82 010-1234-5678']);
  });
});
