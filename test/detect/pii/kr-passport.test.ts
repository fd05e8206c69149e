// Passport numbers: weak shapes, so a keyword decides whether they are reported by default.
import { describe, expect, it } from 'vitest';
import { confidenceOf, found } from './found.js';

describe('kr_passport', () => {
  it.each([
    ['여권번호 M828E0027, 연락처', 'M828E0027'],
    ['passport no.: S63291007;', 'S63291007'],
    ['여권 M01462854', 'M01462854'],
    ['Passport: R123A4567', 'R123A4567'],
    ['여권번호 Ｍ１２３Ａ４５６７', 'Ｍ１２３Ａ４５６７'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'kr_passport')).toEqual([value]);
  });

  it.each([
    ['an unknown kind letter', '여권 X123A4567'],
    ['too many digits', '여권 M123456789'],
    ['attached to a word', '여권 modelM12345678'],
    ['lower case', '여권 m123a4567'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'kr_passport', 0)).toEqual([]);
  });

  it('reports the shapes without a keyword only below the default threshold', () => {
    expect(found('모델 M123A4567', 'kr_passport')).toEqual([]);
    expect(found('모델 M12345678', 'kr_passport')).toEqual([]);
    expect(confidenceOf('M123A4567', 'kr_passport')).toBeGreaterThan(
      confidenceOf('M12345678', 'kr_passport') ?? 1,
    );
  });
});
