// The Korean numbering plan: which leading codes exist and how long the middle group may be.

/** Area and service codes with their leading 0, as an alternation for the patterns. */
export const domesticCodes = '01[016789]|02|03[1-3]|04[1-4]|05[1-5]|06[1-4]|070|080|050[2-8]';

/** The same codes as written after +82, without the trunk 0. */
export const internationalCodes = '1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|80|50[2-8]';

export type PhoneKind = 'mobile' | 'landline' | 'nationwide';

/** What a code (with its trunk 0) is, or null when the middle group cannot have that length. */
export function phoneKind(code: string, middleLength: number): PhoneKind | null {
  // 010 and 070 numbers always have a four-digit exchange; the older codes allowed three.
  if ((code === '010' || code === '070') && middleLength !== 4) return null;
  if (code.startsWith('01')) return 'mobile';
  if (code === '070' || code === '080' || code.startsWith('050')) return 'nationwide';
  return 'landline';
}
