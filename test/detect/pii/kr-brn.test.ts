// Business registration numbers: the check digit must pass; bare digits need a keyword.
import { describe, expect, it } from 'vitest';
import { found } from './found.js';

describe('kr_brn', () => {
  it.each([
    ['사업자등록번호 604-44-17063 이', '604-44-17063'],
    ['business reg. no.: 263-17-71351;', '263-17-71351'],
    ['참고 104-81-00015', '104-81-00015'],
    ['사업자번호 1048100015', '1048100015'],
    ['사업자등록번호 １０４－８１－０００１５', '１０４－８１－０００１５'],
    ['사업자 220 81 34568', '220 81 34568'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'kr_brn')).toEqual([value]);
  });

  it.each([
    ['an order number with a bad check digit', '주문번호 538-74-20382'],
    ['a keyword does not rescue a bad check digit', '사업자등록번호 538-74-20382'],
    ['an ISBN containing the shape', '978-89-15245-215'],
    ['ten bare digits without a keyword', '참고 1048100015'],
    ['a zero tax-office code', '사업자번호 000-00-00000'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'kr_brn')).toEqual([]);
  });
});
