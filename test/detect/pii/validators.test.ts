// Check digits, dates and issuer prefixes the recognizers rely on, on known-good and known-bad values.
import { describe, expect, it } from 'vitest';
import { passesBrnChecksum } from '../../../src/detect/pii/brn-checksum.js';
import { isRealDate } from '../../../src/detect/pii/calendar-date.js';
import { hasPlausibleIssuer } from '../../../src/detect/pii/card-issuer.js';
import { isPlausibleIpv6 } from '../../../src/detect/pii/ipv6.js';
import { passesLuhn } from '../../../src/detect/pii/luhn.js';
import { passesFrnChecksum, passesRrnChecksum } from '../../../src/detect/pii/rrn-checksum.js';

describe('passesLuhn', () => {
  it.each([
    ['4111111111111111', true],
    ['378282246310005', true],
    ['9409123456789013', true],
    ['4111111111111112', false],
    ['5597992224475104', false],
  ])('%s -> %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe('registration-number check digits', () => {
  it.each([
    ['9001011234568', true],
    ['0002294123457', true],
    ['9001011234567', false],
  ])('resident rule on %s -> %s', (digits, expected) => {
    expect(passesRrnChecksum(digits)).toBe(expected);
  });

  it.each([
    ['8705125123454', true],
    ['8705125123452', false],
  ])('Presidio foreigner rule on %s -> %s', (digits, expected) => {
    expect(passesFrnChecksum(digits)).toBe(expected);
  });
});

describe('passesBrnChecksum', () => {
  it.each([
    ['1048100015', true],
    ['2208134568', true],
    ['6058701237', true],
    ['5387420382', false],
    ['1048100016', false],
  ])('%s -> %s', (digits, expected) => {
    expect(passesBrnChecksum(digits)).toBe(expected);
  });
});

describe('isRealDate', () => {
  it.each([
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [1990, 4, 31, false],
    [1990, 13, 1, false],
    [1968, 12, 3, true],
    [1990, 1, 0, false],
  ])('%i-%i-%i -> %s', (y, m, d, expected) => {
    expect(isRealDate(y, m, d)).toBe(expected);
  });
});

describe('hasPlausibleIssuer', () => {
  it.each([
    ['4111111111111111', true],
    ['5355123456789015', true],
    ['378282246310005', true],
    ['9409123456789013', true],
    ['1234567890123456785', false],
    ['3782822463100051', false],
    ['0409123456789013', false],
  ])('%s -> %s', (digits, expected) => {
    expect(hasPlausibleIssuer(digits)).toBe(expected);
  });
});

describe('isPlausibleIpv6', () => {
  it.each([
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', true],
    ['2001:db8::1', true],
    ['fe80::1ff:fe23:4567:890a', true],
    ['12:34:56', false],
    ['dead::beef', false],
    ['::1', false],
    ['1::2::3', false],
    ['00:1A:2B:3C:4D:5E', false],
  ])('%s -> %s', (candidate, expected) => {
    expect(isPlausibleIpv6(candidate)).toBe(expected);
  });
});
