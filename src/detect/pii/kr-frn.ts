// Recognizes Korean foreigner registration numbers (외국인등록번호).
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import { findRegistrationNumbers, registrationConfidence } from './registration-number.js';
import { passesFrnChecksum, passesRrnChecksum } from './rrn-checksum.js';

const context = contextWords([
  '외국인등록번호',
  '외국인번호',
  '외국인등록',
  '등록번호',
  'alien registration',
  'foreigner registration',
  'foreign registration',
  'residence card',
  'ARC',
  'FRN',
  'registration no',
  'registration number',
]);

export const koreanFrnRecognizer: Recognizer = {
  type: 'kr_frn',
  find(folded, original) {
    return findRegistrationNumbers(folded)
      .filter((n) => n.genderDigit >= 5 && n.genderDigit <= 8)
      .map((n) => {
        // The sources disagree on the foreigner formula, so either one counts as a pass.
        const checked = passesFrnChecksum(n.digits) || passesRrnChecksum(n.digits);
        const withContext = hasContextBefore(folded, n.start, context);
        return piiFinding(
          'kr_frn',
          original,
          n.start,
          n.end,
          registrationConfidence(checked, n.separated, withContext),
        );
      });
  },
};
