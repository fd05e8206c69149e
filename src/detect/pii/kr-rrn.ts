// Recognizes Korean resident registration numbers (주민등록번호).
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import { findRegistrationNumbers, registrationConfidence } from './registration-number.js';
import { passesRrnChecksum } from './rrn-checksum.js';

const citizenDigits = new Set([1, 2, 3, 4, 9, 0]);

const context = contextWords([
  '주민등록번호',
  '주민번호',
  '주민등록',
  '생년월일',
  'resident registration',
  'resident reg',
  'RRN',
  'rrn#',
  'registration no',
  'registration number',
  'SSN',
]);

export const koreanRrnRecognizer: Recognizer = {
  type: 'kr_rrn',
  find(folded, original) {
    return findRegistrationNumbers(folded)
      .filter((n) => citizenDigits.has(n.genderDigit))
      .map((n) => {
        const confidence = registrationConfidence(
          passesRrnChecksum(n.digits),
          n.separated,
          hasContextBefore(folded, n.start, context),
        );
        return piiFinding('kr_rrn', original, n.start, n.end, confidence);
      });
  },
};
