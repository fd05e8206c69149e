// The YYMMDD-GNNNNNN layout shared by resident and foreigner registration numbers: shape and birth date.
import { continuesBeyond, numberEnd, numberStart } from './boundaries.js';
import { isRealDate } from './calendar-date.js';

export interface RegistrationNumber {
  start: number;
  end: number;
  /** The 13 digits without the separator. */
  digits: string;
  /** G, the seventh digit: century of birth, sex, and citizen (1-4, 9, 0) or foreigner (5-8). */
  genderDigit: number;
  /** Whether a '-' or a space splits the birth date from the rest, as people write it. */
  separated: boolean;
}

const layout = new RegExp(
  `${numberStart}(\\d{2})(\\d{2})(\\d{2})([- ]?)(\\d)(\\d{6})${numberEnd}`,
  'g',
);

/** The century of birth that G encodes. */
function centuryOf(genderDigit: number): number {
  if (genderDigit === 9 || genderDigit === 0) return 1800;
  return genderDigit <= 2 || genderDigit === 5 || genderDigit === 6 ? 1900 : 2000;
}

/** Every YYMMDD-GNNNNNN in `folded` whose birth date exists in the century G names. */
export function findRegistrationNumbers(folded: string): RegistrationNumber[] {
  const found: RegistrationNumber[] = [];
  layout.lastIndex = 0;
  for (let m = layout.exec(folded); m; m = layout.exec(folded)) {
    const [whole, yy = '', mm = '', dd = '', separator = '', g = '', rest = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    if (continuesBeyond(folded, start, end, separator === ' ' ? ' ' : undefined)) continue;
    const genderDigit = Number(g);
    if (!isRealDate(centuryOf(genderDigit) + Number(yy), Number(mm), Number(dd))) continue;
    found.push({
      start,
      end,
      digits: yy + mm + dd + g + rest,
      genderDigit,
      separated: separator !== '',
    });
  }
  return found;
}

/**
 * Numbers issued since October 2020 carry random digits after G, so a failed check digit lowers
 * the confidence instead of rejecting; a written-out separator or a context word raises it.
 */
export function registrationConfidence(
  checked: boolean,
  separated: boolean,
  withContext: boolean,
): number {
  if (checked) {
    if (separated) return withContext ? 0.99 : 0.9;
    return withContext ? 0.95 : 0.7;
  }
  if (separated) return withContext ? 0.85 : 0.6;
  return withContext ? 0.8 : 0.4;
}
