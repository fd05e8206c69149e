// The automaton finds exactly what a naive search for every term finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/detect/aho-corasick.js';

function naive(terms: string[], text: string) {
  const out: { term: number; start: number; end: number }[] = [];
  terms.forEach((t, term) => {
    if (!t) return;
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1))
      out.push({ term, start: i, end: i + t.length });
  });
  return out;
}

const order = (a: { start: number; end: number; term: number }, b: typeof a) =>
  a.end - b.end || a.start - b.start || a.term - b.term;

describe('AhoCorasick', () => {
  it('finds overlapping and nested terms in Korean and English', () => {
    const ac = new AhoCorasick(['폭탄', '폭탄주', '탄주', 'he', 'she', 'hers']);
    expect(
      ac
        .findAll('폭탄주 ushers')
        .map((m) => m.term)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('matches a naive search on random texts and terms', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '폭', '탄', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        (terms, text) => {
          const got = new AhoCorasick(terms).findAll(text).sort(order);
          expect(got).toEqual(naive(terms, text).sort(order));
        },
      ),
      { numRuns: 300 },
    );
  });
});
