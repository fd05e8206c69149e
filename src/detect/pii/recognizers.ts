// The registry: every PII recognizer, listed once, in order of specificity (most specific first).
import type { PiiType } from '../types.js';
import { creditCardRecognizer } from './credit-card.js';
import { emailRecognizer } from './email.js';
import { ipAddressRecognizer } from './ip-address.js';
import { koreanBankAccountRecognizer } from './kr-bank-account.js';
import { koreanBrnRecognizer } from './kr-brn.js';
import { koreanDriverLicenseRecognizer } from './kr-driver-license.js';
import { koreanFrnRecognizer } from './kr-frn.js';
import { koreanPassportRecognizer } from './kr-passport.js';
import { koreanRrnRecognizer } from './kr-rrn.js';
import { phoneRecognizer } from './phone.js';
import type { Recognizer } from './recognizer.js';

/**
 * The order breaks ties between overlapping findings of equal confidence: a span that is a valid
 * resident number is reported as that, not as the card or account number it might also be.
 */
export const recognizers: readonly Recognizer[] = [
  koreanRrnRecognizer,
  koreanFrnRecognizer,
  koreanBrnRecognizer,
  creditCardRecognizer,
  koreanDriverLicenseRecognizer,
  koreanPassportRecognizer,
  emailRecognizer,
  ipAddressRecognizer,
  phoneRecognizer,
  koreanBankAccountRecognizer,
];

const ranks = new Map<PiiType, number>(recognizers.map((r, i) => [r.type, i]));

/** Lower is more specific: the rank of the type's recognizer in the list above. */
export function specificityRank(type: PiiType): number {
  return ranks.get(type) ?? recognizers.length;
}
