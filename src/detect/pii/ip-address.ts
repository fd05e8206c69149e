// Recognizes IP addresses: dotted-quad IPv4 with real octets, and written-out IPv6.
import { contextWords, hasContextBefore } from './context.js';
import { isPlausibleIpv6 } from './ipv6.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords([
  'IP',
  'IPv4',
  'IPv6',
  '아이피',
  '접속',
  '주소',
  'address',
  'addr',
  'host',
  'server',
  '서버',
  'client',
  'remote',
  'login from',
]);

/** A version number is written with the same dots; a keyword just before says which it is. */
const versionBefore = /(?:(?<![a-z])(?:version|ver\.?|release|build)|버전|릴리스|빌드)\s*:?\s*$/i;

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(
  `(?<![0-9A-Za-z_.])${octet}(?:\\.${octet}){3}(?![0-9A-Za-z_])(?!\\.\\d)`,
  'g',
);
const ipv6Candidate =
  /(?<![0-9A-Za-z_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z_:])(?!\.\d)/g;

function ipv4Confidence(address: string, withContext: boolean): number {
  // "1.2.3.4" is more often a clause number than a host; only a keyword makes it an address.
  const allSingleDigits = address.length === 7;
  if (withContext) return 0.95;
  return allSingleDigits ? 0.4 : 0.8;
}

function findIpv4(folded: string, original: string, out: PiiFinding[]): void {
  ipv4.lastIndex = 0;
  for (let m = ipv4.exec(folded); m; m = ipv4.exec(folded)) {
    const address = m[0];
    if (address.startsWith('0.')) continue;
    if (versionBefore.test(folded.slice(Math.max(0, m.index - 12), m.index))) continue;
    const confidence = ipv4Confidence(address, hasContextBefore(folded, m.index, context));
    out.push(piiFinding('ip_address', original, m.index, m.index + address.length, confidence));
  }
}

/** An IPv6 address has at least two colons at most four hex digits apart ("19:15" does not). */
const twoColons = /:[0-9A-Fa-f]{0,4}:/;

function findIpv6(folded: string, original: string, out: PiiFinding[]): void {
  ipv6Candidate.lastIndex = 0;
  for (let m = ipv6Candidate.exec(folded); m; m = ipv6Candidate.exec(folded)) {
    if (!isPlausibleIpv6(m[0])) continue;
    const confidence = hasContextBefore(folded, m.index, context) ? 0.95 : 0.85;
    out.push(piiFinding('ip_address', original, m.index, m.index + m[0].length, confidence));
  }
}

export const ipAddressRecognizer: Recognizer = {
  type: 'ip_address',
  find(folded, original) {
    const out: PiiFinding[] = [];
    // Each pattern is tried at every letter or digit; most texts cannot hold an address at all.
    if (folded.includes('.')) findIpv4(folded, original, out);
    if (twoColons.test(folded)) findIpv6(folded, original, out);
    return out;
  },
};
