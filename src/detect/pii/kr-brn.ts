// Recognizes Korean business registration numbers (사업자등록번호): XXX-XX-XXXXX with a valid check digit.
import { continuesBeyond, numberEnd, numberStart } from './boundaries.js';
import { passesBrnChecksum } from './brn-checksum.js';
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords([
  '사업자등록번호',
  '사업자번호',
  '사업자 번호',
  '사업자등록',
  '사업자',
  '등록번호',
  'business registration',
  'business reg',
  'business number',
  'business no',
  'BRN',
  'tax id',
  'VAT',
]);

const businessNumber = new RegExp(
  `${numberStart}(\\d{3})([- ]?)(\\d{2})\\2(\\d{5})${numberEnd}`,
  'g',
);

/**
 * The check digit must pass. The first three digits are a tax-office code (101 and up) and the
 * middle two a business kind (never 00), which rules out zero-padded counters.
 */
function isValid(office: string, kind: string, digits: string): boolean {
  return Number(office) >= 101 && kind !== '00' && passesBrnChecksum(digits);
}

function confidenceOf(separated: boolean, withContext: boolean): number {
  if (separated) return withContext ? 0.97 : 0.8;
  // Ten bare digits pass the check one time in ten: without a keyword that is mere chance.
  return withContext ? 0.85 : 0.3;
}

export const koreanBrnRecognizer: Recognizer = {
  type: 'kr_brn',
  find(folded, original) {
    const out: PiiFinding[] = [];
    businessNumber.lastIndex = 0;
    for (let m = businessNumber.exec(folded); m; m = businessNumber.exec(folded)) {
      const [whole, office = '', separator = '', kind = '', serial = ''] = m;
      const end = m.index + whole.length;
      if (!isValid(office, kind, office + kind + serial)) continue;
      if (continuesBeyond(folded, m.index, end, separator === ' ' ? ' ' : undefined)) continue;
      const withContext = hasContextBefore(folded, m.index, context);
      const confidence = confidenceOf(separator !== '', withContext);
      out.push(piiFinding('kr_brn', original, m.index, end, confidence));
    }
    return out;
  },
};
