// Recognizes e-mail addresses with a practical subset of RFC 5322 (dot-atom local part, DNS domain).
import { contextWords, hasContextBefore } from './context.js';
import { piiFinding, type Recognizer } from './recognizer.js';
import type { PiiFinding } from '../types.js';

const context = contextWords(['이메일', '메일', '전자우편', 'e-mail', 'email', 'mail', 'contact']);

// The lookbehind makes every attempt start at the beginning of a token, and the bounded local
// part keeps a long run of letters without '@' from being rescanned from each position.
const address = new RegExp(
  '(?<![A-Za-z0-9._%+-])' +
    '[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?' +
    '@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+' +
    '([A-Za-z]{2,24})(?![A-Za-z0-9_-])',
  'g',
);

// "icon@2x.png" is a file name, not an address; no top-level domain is named like these.
const fileExtensions = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'css', 'js', 'ts']);

export const emailRecognizer: Recognizer = {
  type: 'email',
  find(folded, original) {
    const out: PiiFinding[] = [];
    // The pattern is tried at every word; without an '@' (full-width ones are folded) none can match.
    if (!folded.includes('@')) return out;
    address.lastIndex = 0;
    for (let m = address.exec(folded); m; m = address.exec(folded)) {
      const [whole, topLevel = ''] = m;
      if (whole.includes('..') || fileExtensions.has(topLevel.toLowerCase())) continue;
      const confidence = hasContextBefore(folded, m.index, context) ? 0.99 : 0.95;
      out.push(piiFinding('email', original, m.index, m.index + whole.length, confidence));
    }
    return out;
  },
};
