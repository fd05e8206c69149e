// What each PII type is called, in English and Korean, for documents a person reads.

import type { PiiType } from '../detect/types.js';

export const piiNames: Record<PiiType, { en: string; ko: string }> = {
  kr_rrn: { en: 'Resident registration number', ko: '주민등록번호' },
  kr_frn: { en: 'Foreigner registration number', ko: '외국인등록번호' },
  phone: { en: 'Phone number', ko: '전화번호' },
  email: { en: 'Email address', ko: '이메일 주소' },
  credit_card: { en: 'Credit card number', ko: '신용카드 번호' },
  kr_brn: { en: 'Business registration number', ko: '사업자등록번호' },
  kr_passport: { en: 'Passport number', ko: '여권번호' },
  kr_driver_license: { en: "Driver's licence number", ko: '운전면허번호' },
  ip_address: { en: 'IP address', ko: 'IP 주소' },
  kr_bank_account: { en: 'Bank account number', ko: '계좌번호' },
};
