// Recognizes Korean bank account numbers, only where a banking keyword says that is what they are.
import { numberEnd, numberStart } from './boundaries.js';
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

// Account numbers have no national format or check digit, so the keyword is the whole evidence.
const context = contextWords([
  '계좌번호',
  '계좌',
  '입금',
  '송금',
  '이체',
  '은행',
  '뱅크',
  '농협',
  '신협',
  '수협',
  '우체국',
  '새마을금고',
  '예금주',
  '신한',
  '카카오뱅크',
  '토스뱅크',
  '케이뱅크',
  'SC제일',
  '씨티',
  'KB',
  'NH',
  'IBK',
  'bank',
  'account no',
  'account number',
  'acct',
  'a/c',
]);

// Each bank groups its 10 to 14 digits its own way (KB 6-2-6, Shinhan 3-3-6, NH 3-4-4-2, ...).
const accountNumber = new RegExp(
  `${numberStart}(?:\\d{2,6}(?:-\\d{2,7}){1,3}|\\d{10,14})${numberEnd}`,
  'g',
);

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) n++;
  }
  return n;
}

export const koreanBankAccountRecognizer: Recognizer = {
  type: 'kr_bank_account',
  find(folded, original) {
    const out: PiiFinding[] = [];
    accountNumber.lastIndex = 0;
    for (let m = accountNumber.exec(folded); m; m = accountNumber.exec(folded)) {
      const digits = digitCount(m[0]);
      if (digits < 10 || digits > 14 || !hasContextBefore(folded, m.index, context)) continue;
      // Below the validated types, so a phone or card number next to "계좌" keeps its own type.
      const confidence = m[0].includes('-') ? 0.65 : 0.55;
      out.push(piiFinding('kr_bank_account', original, m.index, m.index + m[0].length, confidence));
    }
    return out;
  },
};
