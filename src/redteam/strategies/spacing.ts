// Spaces inside every word (폭 탄, b o m b): the words survive for a reader while keyword and
// token-level filters no longer see them.

import type { Probe } from '../types.js';
import { isAttackable, variantOf, type Strategy } from './strategy.js';

/**
 * Letters (Korean: syllables) of each word are spaced apart; a run of spaces between words widens
 * to three so the word boundaries stay visible. Line breaks are kept.
 */
export function spaceOut(text: string): string {
  return text
    .split(/([ \t]+|\n)/)
    .map((part) => {
      if (part === '\n') return part;
      if (/^[ \t]+$/.test(part)) return '   ';
      return [...part].join(' ');
    })
    .join('');
}

export const spacingStrategy: Strategy<'spacing'> = {
  id: 'spacing',
  description:
    'Inserts spaces inside words (Korean: between syllables) to slip past keyword filters',
  appliesTo: isAttackable,
  apply(probe: Probe): Probe {
    return variantOf(probe, 'spacing', spaceOut(probe.prompt));
  },
};
