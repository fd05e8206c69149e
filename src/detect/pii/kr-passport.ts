// Recognizes Korean passport numbers: M123A4567 (since 2020) and M12345678 (before), context-weighted.
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords([
  '여권번호',
  '여권',
  '패스포트',
  'passport',
  'travel document',
  'PP no',
]);

// The letter is the passport kind (M, S, R, O, D); group 1 is set for the current format.
const passportNumber = /(?<![0-9A-Za-z_])[MSROD](?:(\d{3}[A-Z]\d{4})|\d{8})(?![0-9A-Za-z_])/g;

/**
 * Neither format has a public check digit, and a letter with eight digits is also a product or
 * model code; without a keyword the finding stays below the default threshold.
 */
function confidenceOf(current: boolean, withContext: boolean): number {
  if (current) return withContext ? 0.9 : 0.45;
  return withContext ? 0.85 : 0.25;
}

export const koreanPassportRecognizer: Recognizer = {
  type: 'kr_passport',
  find(folded, original) {
    const out: PiiFinding[] = [];
    passportNumber.lastIndex = 0;
    for (let m = passportNumber.exec(folded); m; m = passportNumber.exec(folded)) {
      const withContext = hasContextBefore(folded, m.index, context);
      const confidence = confidenceOf(m[1] !== undefined, withContext);
      out.push(piiFinding('kr_passport', original, m.index, m.index + m[0].length, confidence));
    }
    return out;
  },
};
