// Foreigner registration numbers: G 5-8, a real birth date, either published check rule.
import { describe, expect, it } from 'vitest';
import { confidenceOf, found } from './found.js';

describe('kr_frn', () => {
  it.each([
    ['외국인등록번호 460401-6954619', '460401-6954619'],
    ['alien registration no.: 700325-5736144;', '700325-5736144'],
    ['외국인등록번호 061004 8927817', '061004 8927817'],
    ['외국인번호 ０３０３０３－７１２３４５１', '０３０３０３－７１２３４５１'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'kr_frn')).toEqual([value]);
    expect(found(text, 'kr_rrn', 0)).toEqual([]);
  });

  it('grades both check rules as a pass, and a failure as medium', () => {
    const resident = confidenceOf('8705125123452', 'kr_frn') ?? 0;
    const presidio = confidenceOf('8705125123454', 'kr_frn') ?? 0;
    const neither = confidenceOf('8705125123450', 'kr_frn') ?? 0;
    expect(resident).toBe(presidio);
    expect(neither).toBeLessThan(resident);
    expect(confidenceOf('870512-5123450', 'kr_frn')).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['an impossible month', '외국인등록번호 871312-5123452'],
    ['a citizen digit', '외국인등록번호 870512-1123452'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'kr_frn', 0)).toEqual([]);
  });
});
