// Driver's licence numbers: a region code, and either a keyword or the hyphenated shape.
import { describe, expect, it } from 'vitest';
import { confidenceOf, found } from './found.js';

describe('kr_driver_license', () => {
  it.each([
    ['운전면허번호 15-15-042385-17 (재확인', '15-15-042385-17'],
    ["driver's licence: 26-16-774855-06;", '26-16-774855-06'],
    ['참고 28-05-303201-98', '28-05-303201-98'],
    ['면허번호 11 22 123456 78', '11 22 123456 78'],
    ['면허번호 112212345678', '112212345678'],
    ['운전면허 １１－２２－１２３４５６－７８', '１１－２２－１２３４５６－７８'],
    ['운전면허 서울 12-345678-90', '서울 12-345678-90'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'kr_driver_license')).toEqual([value]);
  });

  it.each([
    ['region 10', '운전면허 10-22-123456-78'],
    ['region 27, which is not assigned', '운전면허 27-21-729625-51'],
    ['region 29', '운전면허 29-22-123456-78'],
    ['twelve bare digits without a keyword', '참고 112212345678'],
    ['a longer hyphenated code', '11-22-123456-78-9'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'kr_driver_license', 0)).toEqual([]);
  });

  it('gives the hyphenated shape less confidence without a keyword', () => {
    const bare = confidenceOf('참고 11-22-123456-78', 'kr_driver_license') ?? 0;
    const withWord = confidenceOf('운전면허 11-22-123456-78', 'kr_driver_license') ?? 0;
    expect(withWord).toBeGreaterThan(bare);
  });
});
