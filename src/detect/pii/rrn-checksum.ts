// The check digit of the 13-digit registration-number layout (주민등록번호 and 외국인등록번호).

const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;

function weightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum;
}

function lastDigit(digits: string): number {
  return digits.charCodeAt(12) - 48;
}

/** The resident rule: C = (11 - S mod 11) mod 10. `digits` is 13 ASCII digits. */
export function passesRrnChecksum(digits: string): boolean {
  return (11 - (weightedSum(digits) % 11)) % 10 === lastDigit(digits);
}

/**
 * The foreigner rule as Presidio states it, C = (13 - S mod 11) mod 10. Other sources apply the
 * resident rule to foreigners too, so a foreigner number passing either counts as checked.
 */
export function passesFrnChecksum(digits: string): boolean {
  return (13 - (weightedSum(digits) % 11)) % 10 === lastDigit(digits);
}
