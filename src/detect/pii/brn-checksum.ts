// The check digit of the 10-digit business registration number (사업자등록번호).

const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** True when the tenth of `digits` (10 ASCII digits) is the check digit of the first nine. */
export function passesBrnChecksum(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  // The ninth digit counts with its carry: d9 * 5 and the tens of that product.
  const ninth = (digits.charCodeAt(8) - 48) * weights[8];
  sum += ninth + Math.floor(ninth / 10);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(9) - 48;
}
