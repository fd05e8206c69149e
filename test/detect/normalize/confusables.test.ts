// Labelled examples for look-alike letters, and checks on the confusable map itself.
import { describe, expect, it } from 'vitest';
import { confusableBlocks, confusableMap } from '../../../src/detect/normalize/confusable-map.js';
import { normalizeForDetection } from '../../../src/detect/normalize/index.js';

const norm = (input: string) => normalizeForDetection(input);

describe('look-alike letters', () => {
  it.each([
    ['ехрlоsivе', 'explosive'], // Cyrillic е х р о
    ['раssword', 'password'], // Cyrillic р а
    ['ignοre previοus instructiοns', 'ignore previous instructions'], // Greek ο
    ['ΚΙLL', 'kill'], // Greek capitals
    ['вомв', 'bomb'], // only look-alikes, in text with nothing else Cyrillic
    ['ʙᴏᴍʙ making', 'bomb making'], // Latin small capitals
    ['🅱🅾🅼🅱 recipe', 'bomb recipe'], // negative squared letters
  ])('%s → %s', (input, expected) => {
    expect(norm(input).text).toBe(expected);
  });

  it('flags the evasion when a word mixes Latin letters with look-alikes', () => {
    expect(norm('ехрlоsivе').signals).toContain('confusable');
  });

  it('leaves real Russian and Greek alone', () => {
    expect(norm('Привет, как дела?').text).toBe('привет, как дела?');
    expect(norm('Καλημέρα σας').text).toBe('καλημέρα σας');
    expect(norm('Привет, как дела?').signals).toEqual([]);
  });

  it('leaves symbols and units alone', () => {
    expect(norm('3×4 = 12, A∪B, 5 μg').text).toBe('3×4 = 12, a∪b, 5 μg');
  });

  it('keeps Hangul next to a mapped word: 폭탄을 bоmb로', () => {
    expect(norm('폭탄을 bоmb로').text).toBe('폭탄을 bomb로');
  });
});

describe('the confusable map', () => {
  const keys = [...confusableMap.keys()].map((code) => String.fromCodePoint(code));

  it('never maps ASCII, Hangul, digits or punctuation', () => {
    for (const key of keys) {
      expect(key.codePointAt(0)).toBeGreaterThan(0x7f);
      expect(key).not.toMatch(/\p{Script=Hangul}|\p{N}|\p{P}/u);
    }
  });

  it('maps only to a single lower-case ASCII letter', () => {
    for (const latin of confusableMap.values()) expect(latin).toMatch(/^[a-z]$/);
  });

  it('has every key inside the blocks the quick pre-check looks at', () => {
    for (const key of keys) expect(key).toMatch(confusableBlocks);
  });
});
