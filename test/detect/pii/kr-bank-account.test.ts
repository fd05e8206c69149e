// Bank account numbers: no format of their own, so only digits after a banking keyword count.
import { describe, expect, it } from 'vitest';
import { found } from './found.js';

describe('kr_bank_account', () => {
  it.each([
    ['국민은행 계좌 123456-12-123456', '123456-12-123456'],
    ['입금 계좌: 3333-01-1234567 (카카오뱅크)', '3333-01-1234567'],
    ['신한 110-123-456789로 송금', '110-123-456789'],
    ['bank account number 12345678901234', '12345678901234'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'kr_bank_account')).toEqual([value]);
  });

  it.each([
    ['no keyword', '참고 123456-12-123456'],
    ['too few digits', '계좌 1234-5678'],
    ['an amount', '계좌로 1,234,567원 입금'],
    ['a date', '입금일 2024-09-05'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'kr_bank_account', 0)).toEqual([]);
  });

  it('leaves a phone number next to a banking keyword a phone number', () => {
    expect(found('계좌 문의 010-1234-5678', 'phone')).toEqual(['010-1234-5678']);
    expect(found('계좌 문의 010-1234-5678', 'kr_bank_account', 0)).toEqual([]);
  });
});
