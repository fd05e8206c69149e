// Recognizes payment card numbers: 13-19 digits, grouped or not, with a Luhn pass and an issuer prefix.
import { continuesBeyond, numberEnd, numberStart } from './boundaries.js';
import { hasPlausibleIssuer } from './card-issuer.js';
import { contextWords, hasContextBefore } from './context.js';
import { passesLuhn } from './luhn.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords([
  '카드번호',
  '카드',
  '결제',
  'card',
  'credit',
  'debit',
  'visa',
  'mastercard',
  'amex',
  'CC',
]);

// 4-4-4-4 (up to 4-4-4-4-3), 4-6-5 (Amex) and 4-6-4 (Diners), or one unbroken run.
const cardNumber = new RegExp(
  `${numberStart}(?:\\d{4}([- ])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?|\\d{4}([- ])\\d{6}\\2\\d{4,5}|\\d{13,19})${numberEnd}`,
  'g',
);

function confidenceOf(separated: boolean, withContext: boolean): number {
  // An unbroken run passes Luhn one time in ten by chance, so the shape carries weight.
  if (separated) return withContext ? 0.98 : 0.9;
  return withContext ? 0.9 : 0.6;
}

export const creditCardRecognizer: Recognizer = {
  type: 'credit_card',
  find(folded, original) {
    const out: PiiFinding[] = [];
    cardNumber.lastIndex = 0;
    for (let m = cardNumber.exec(folded); m; m = cardNumber.exec(folded)) {
      const whole = m[0];
      const separator = m[1] ?? m[2];
      const end = m.index + whole.length;
      const digits = separator ? whole.replaceAll(separator, '') : whole;
      if (!passesLuhn(digits) || !hasPlausibleIssuer(digits)) continue;
      if (continuesBeyond(folded, m.index, end, separator)) continue;
      const withContext = hasContextBefore(folded, m.index, context);
      out.push(
        piiFinding('credit_card', original, m.index, end, confidenceOf(!!separator, withContext)),
      );
    }
    return out;
  },
};
