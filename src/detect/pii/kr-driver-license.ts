// Recognizes Korean driver's licence numbers (운전면허번호): AA-BB-CCCCCC-DD with a real region code.
import { continuesBeyond, numberEnd, numberStart } from './boundaries.js';
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords([
  '운전면허번호',
  '운전면허',
  '면허번호',
  '면허증',
  '면허',
  "driver's licen",
  'driver licen',
  'driving licen',
  'licence',
  'license',
  'DL',
]);

const licenceNumber = new RegExp(
  `${numberStart}(\\d{2})([- ]?)\\d{2}\\2\\d{6}\\2\\d{2}${numberEnd}`,
  'g',
);

// Older licences print the region's name where newer ones print its code [unverified in the reference].
const namedRegionLicence = new RegExp(
  `(?:서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산) ?\\d{2}-\\d{6}-\\d{2}${numberEnd}`,
  'g',
);

/** 11 Seoul to 26 Ulsan, and 28 northern Gyeonggi; 27 is not assigned. */
function isRegionCode(code: string): boolean {
  const n = Number(code);
  return (n >= 11 && n <= 26) || n === 28;
}

function confidenceOf(separated: boolean, withContext: boolean): number {
  if (separated) return withContext ? 0.9 : 0.55;
  return withContext ? 0.8 : 0;
}

function findCoded(folded: string, original: string, out: PiiFinding[]): void {
  licenceNumber.lastIndex = 0;
  for (let m = licenceNumber.exec(folded); m; m = licenceNumber.exec(folded)) {
    const [whole, region = '', separator = ''] = m;
    const end = m.index + whole.length;
    if (!isRegionCode(region)) continue;
    if (continuesBeyond(folded, m.index, end, separator === ' ' ? ' ' : undefined)) continue;
    const confidence = confidenceOf(separator !== '', hasContextBefore(folded, m.index, context));
    // Twelve bare digits with no keyword are not a licence number by any evidence.
    if (confidence > 0)
      out.push(piiFinding('kr_driver_license', original, m.index, end, confidence));
  }
}

function findNamed(folded: string, original: string, out: PiiFinding[]): void {
  namedRegionLicence.lastIndex = 0;
  for (let m = namedRegionLicence.exec(folded); m; m = namedRegionLicence.exec(folded)) {
    const end = m.index + m[0].length;
    const confidence = hasContextBefore(folded, m.index, context) ? 0.9 : 0.6;
    out.push(piiFinding('kr_driver_license', original, m.index, end, confidence));
  }
}

export const koreanDriverLicenseRecognizer: Recognizer = {
  type: 'kr_driver_license',
  find(folded, original) {
    const out: PiiFinding[] = [];
    findCoded(folded, original, out);
    findNamed(folded, original, out);
    return out;
  },
};
