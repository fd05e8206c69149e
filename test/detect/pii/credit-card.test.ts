// Card numbers: grouped or unbroken, Luhn-valid, from an issuer range, and never part of a longer run.
import { describe, expect, it } from 'vitest';
import { confidenceOf, found } from './found.js';

describe('credit_card', () => {
  it.each([
    ['카드번호 4532 4015 9940 1808', '4532 4015 9940 1808'],
    ['card number: 5390-0726-8952-5547 but', '5390-0726-8952-5547'],
    ['BC 국내전용 9410-5521-3730-1094', '9410-5521-3730-1094'],
    ['Amex 3782 822463 10005', '3782 822463 10005'],
    ['Diners 3056-930902-5904', '3056-930902-5904'],
    ['카드 4111111111111111', '4111111111111111'],
    ['카드 ４１１１－１１１１－１１１１－１１１１', '４１１１－１１１１－１１１１－１１１１'],
    ['UnionPay 6212345678901234569', '6212345678901234569'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'credit_card')).toEqual([value]);
  });

  it.each([
    ['a failing Luhn check', '참고: 5597-9922-2447-5104'],
    ['a 19-digit run with no issuer', '1234567890123456785'],
    ['sixteen digits inside nineteen', '1234567890123456789'],
    ['a fifth group', '4111 1111 1111 1111 1111'],
    ['digits before the groups', '7 4111 1111 1111 1111'],
    ['letters attached', 'X4111111111111111'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'credit_card', 0)).toEqual([]);
  });

  it('trusts grouped numbers more than unbroken runs', () => {
    expect(confidenceOf('4111 1111 1111 1111', 'credit_card')).toBeGreaterThan(
      confidenceOf('4111111111111111', 'credit_card') ?? 1,
    );
  });
});
