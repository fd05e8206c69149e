// IP addresses: IPv4 with real octets and written-out IPv6, but not versions, clauses or times.
import { describe, expect, it } from 'vitest';
import { found } from './found.js';

describe('ip_address', () => {
  it.each([
    ['접속 IP 155.200.62.51', '155.200.62.51'],
    ['IP: 46.240.16.19.', '46.240.16.19'],
    ['접속 IP 55.84.159.101입니다', '55.84.159.101'],
    ['from 192.168.0.1:8080', '192.168.0.1'],
    ['server 1.2.3.4', '1.2.3.4'],
    ['IP １０．０．１２．３４', '１０．０．１２．３４'],
    ['IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    ['IPv6 주소 2001:db8::1 로 접속', '2001:db8::1'],
  ])('finds it in %j', (text, value) => {
    expect(found(text, 'ip_address')).toEqual([value]);
  });

  it.each([
    ['a version with a v', 'v4.7.18'],
    ['a four-part version', 'version 10.1.2.3'],
    ['a Korean version keyword', '버전 2.10.3.1'],
    ['three parts', '1.2.3'],
    ['five parts', '10.1.2.3.4'],
    ['an octet over 255', '192.168.1.256'],
    ['a clause number without context', '조항 1.2.3.4'],
    ['a time', '12:34:56'],
    ['a MAC address', '00:1A:2B:3C:4D:5E'],
    ['C++ scope', 'std::vector'],
    ['leading zero octets', '010.001.002.003'],
  ])('ignores %s', (_why, text) => {
    expect(found(text, 'ip_address')).toEqual([]);
  });
});
