// Recognizes Korean phone numbers: mobile, area codes, 070/080/050x, 15xx-style service numbers, +82.
import { continuesBeyond, numberEnd, numberStart } from './boundaries.js';
import { contextWords, hasContextBefore } from './context.js';
import { domesticCodes, internationalCodes, phoneKind, type PhoneKind } from './phone-plan.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords([
  '전화',
  '연락처',
  '연락',
  '휴대폰',
  '핸드폰',
  '휴대전화',
  '폰번호',
  '문자',
  '팩스',
  'phone',
  'tel',
  'mobile',
  'cell',
  'contact',
  'call',
  'fax',
]);

// Group 1 or 2: the code, in brackets or not; 3: separator after it; 4: exchange; 5: separator.
const domestic = new RegExp(
  `${numberStart}(?:\\((${domesticCodes})\\) ?|(${domesticCodes})([-. ]?))(\\d{3,4})([-. ]?)(\\d{4})${numberEnd}`,
  'g',
);
const international = new RegExp(
  `(?<![0-9A-Za-z_+])(?:\\+|00)82[-. ]?(?:\\(0\\)[-. ]?|0)?(${internationalCodes})([-. ]?)(\\d{3,4})([-. ]?)(\\d{4})${numberEnd}`,
  'g',
);
const nationwide = new RegExp(`${numberStart}1[568]\\d{2}([-. ]?)\\d{4}${numberEnd}`, 'g');

function baseConfidence(kind: PhoneKind, separated: boolean): number {
  if (kind === 'mobile') return separated ? 0.85 : 0.7;
  if (kind === 'landline') return separated ? 0.8 : 0.55;
  return separated ? 0.75 : 0.5;
}

function withContext(base: number, folded: string, start: number): number {
  if (!hasContextBefore(folded, start, context)) return base;
  // Rounded so that 0.8 + 0.15 reads 0.95 in a report, not 0.9500000000000001.
  return Math.min(0.98, Math.round((base + 0.15) * 100) / 100);
}

function findDomestic(folded: string, original: string, out: PiiFinding[]): void {
  domestic.lastIndex = 0;
  for (let m = domestic.exec(folded); m; m = domestic.exec(folded)) {
    const [whole, bracketed, code = bracketed ?? '', firstSep, middle = '', secondSep = ''] = m;
    // Without brackets the two separators must agree: "010-1234.5678" is not how anyone writes.
    if (bracketed === undefined && firstSep !== secondSep) continue;
    const kind = phoneKind(code, middle.length);
    const end = m.index + whole.length;
    if (!kind || continuesBeyond(folded, m.index, end, secondSep === ' ' ? ' ' : undefined))
      continue;
    const separated = bracketed !== undefined || secondSep !== '';
    const confidence = withContext(baseConfidence(kind, separated), folded, m.index);
    out.push(piiFinding('phone', original, m.index, end, confidence));
  }
}

function findInternational(folded: string, original: string, out: PiiFinding[]): void {
  international.lastIndex = 0;
  for (let m = international.exec(folded); m; m = international.exec(folded)) {
    const [whole, code = '', firstSep, middle = '', secondSep] = m;
    const kind = firstSep === secondSep ? phoneKind(`0${code}`, middle.length) : null;
    if (!kind) continue;
    // The country code alone is strong evidence of a phone number, whatever the separators.
    const confidence = withContext(baseConfidence(kind, true), folded, m.index);
    out.push(piiFinding('phone', original, m.index, m.index + whole.length, confidence));
  }
}

function findNationwide(folded: string, original: string, out: PiiFinding[]): void {
  nationwide.lastIndex = 0;
  for (let m = nationwide.exec(folded); m; m = nationwide.exec(folded)) {
    const separated = m[1] !== '';
    const ctx = hasContextBefore(folded, m.index, context);
    // Eight digits such as "1592-1598" are as often a span of years: only context makes them a number.
    if (!separated && !ctx) continue;
    const confidence = ctx ? (separated ? 0.85 : 0.75) : 0.45;
    out.push(piiFinding('phone', original, m.index, m.index + m[0].length, confidence));
  }
}

export const phoneRecognizer: Recognizer = {
  type: 'phone',
  find(folded, original) {
    const out: PiiFinding[] = [];
    findDomestic(folded, original, out);
    findInternational(folded, original, out);
    findNationwide(folded, original, out);
    return out;
  },
};
