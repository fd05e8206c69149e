// Whether a card number starts with an issuer prefix that can have its length (IIN ranges).

interface IssuerRange {
  /** Inclusive bounds on the number's first `prefixLength` digits. */
  low: number;
  high: number;
  prefixLength: number;
  lengths: readonly number[];
}

// Broad on purpose: the Luhn check does the fine work; this rules out numbers no network issues.
const issuerRanges: readonly IssuerRange[] = [
  { low: 4, high: 4, prefixLength: 1, lengths: [13, 16, 19] }, // Visa
  { low: 51, high: 55, prefixLength: 2, lengths: [16] }, // Mastercard
  { low: 2221, high: 2720, prefixLength: 4, lengths: [16] }, // Mastercard 2-series
  { low: 34, high: 34, prefixLength: 2, lengths: [15] }, // American Express
  { low: 37, high: 37, prefixLength: 2, lengths: [15] },
  { low: 300, high: 305, prefixLength: 3, lengths: [14, 16, 17, 18, 19] }, // Diners Club
  { low: 36, high: 36, prefixLength: 2, lengths: [14, 16, 17, 18, 19] },
  { low: 38, high: 39, prefixLength: 2, lengths: [14, 16, 17, 18, 19] },
  { low: 3528, high: 3589, prefixLength: 4, lengths: [16, 17, 18, 19] }, // JCB
  { low: 6011, high: 6011, prefixLength: 4, lengths: [16, 17, 18, 19] }, // Discover
  { low: 644, high: 649, prefixLength: 3, lengths: [16, 17, 18, 19] },
  { low: 65, high: 65, prefixLength: 2, lengths: [16, 17, 18, 19] },
  { low: 62, high: 62, prefixLength: 2, lengths: [16, 17, 18, 19] }, // UnionPay
  { low: 50, high: 50, prefixLength: 2, lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { low: 56, high: 58, prefixLength: 2, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { low: 60, high: 69, prefixLength: 2, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { low: 9, high: 9, prefixLength: 1, lengths: [16] }, // Korean domestic cards (BC 94xx and others)
];

/** `digits` is the card number without separators. */
export function hasPlausibleIssuer(digits: string): boolean {
  return issuerRanges.some((r) => {
    if (!r.lengths.includes(digits.length)) return false;
    const prefix = Number(digits.slice(0, r.prefixLength));
    return prefix >= r.low && prefix <= r.high;
  });
}
