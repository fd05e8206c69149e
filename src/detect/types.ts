// The vocabulary of detection, shared by the guard, the dataset scanner and the red-team graders.

/** Llama Guard 3 hazard categories S1-S14 unchanged, plus X1-X4 (CONTRACTS.md §2). */
export const hazardCodes = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
  'S11',
  'S12',
  'S13',
  'S14',
  'X1',
  'X2',
  'X3',
  'X4',
] as const;
export type HazardCode = (typeof hazardCodes)[number];

export const hazardNames: Record<HazardCode, { en: string; ko: string }> = {
  S1: { en: 'Violent crimes', ko: '폭력 범죄' },
  S2: { en: 'Non-violent crimes', ko: '비폭력 범죄' },
  S3: { en: 'Sex-related crimes', ko: '성범죄' },
  S4: { en: 'Child sexual exploitation', ko: '아동 성착취' },
  S5: { en: 'Defamation', ko: '명예훼손' },
  S6: { en: 'Specialized advice', ko: '전문 조언' },
  S7: { en: 'Privacy', ko: '사생활 침해' },
  S8: { en: 'Intellectual property', ko: '지식재산권 침해' },
  S9: { en: 'Indiscriminate weapons', ko: '대량 살상 무기' },
  S10: { en: 'Hate', ko: '혐오' },
  S11: { en: 'Suicide and self-harm', ko: '자살·자해' },
  S12: { en: 'Sexual content', ko: '성적 콘텐츠' },
  S13: { en: 'Elections', ko: '선거' },
  S14: { en: 'Code interpreter abuse', ko: '코드 실행기 악용' },
  X1: { en: 'Harassment and bullying', ko: '괴롭힘·따돌림' },
  X2: { en: 'Misinformation', ko: '허위 정보' },
  X3: { en: 'Profanity and insult', ko: '욕설·모욕' },
  X4: { en: 'Youth-harmful goods', ko: '청소년 유해 물품' },
};

/** A1 injection or jailbreak, A2 prompt leaking (system-prompt extraction). */
export const attackTypes = ['A1', 'A2'] as const;
export type AttackType = (typeof attackTypes)[number];

/** PII type ids of CONTRACTS.md §3, and more. */
export const piiTypes = [
  'kr_rrn',
  'kr_frn',
  'phone',
  'email',
  'credit_card',
  'kr_brn',
  'kr_passport',
  'kr_driver_license',
  'ip_address',
  'kr_bank_account',
] as const;
export type PiiType = (typeof piiTypes)[number];

/** What each PII type is called, for documents and summaries a person reads. */
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

export interface PiiFinding {
  type: PiiType;
  /** The text as it appears in the input (not normalised). */
  value: string;
  /** UTF-16 code unit offsets into the original input, end exclusive. */
  start: number;
  end: number;
  /** 0..1: how sure the recognizer is (a failed optional checksum lowers it, context words raise it). */
  confidence: number;
}

export interface CategoryScore {
  code: HazardCode;
  /** Calibrated probability-like score, 0..1. */
  score: number;
}

export interface AttackScore {
  detected: boolean;
  type: AttackType | null;
  score: number;
}
