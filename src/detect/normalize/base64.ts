// Decodes a base64 stretch (standard or URL-safe) when what it holds is readable text.

import { readableText } from './readable-text.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
VALUES[0x2d] = 62; // '-' in the URL-safe alphabet
VALUES[0x5f] = 63; // '_'

/** `run` is 16 or more characters of the base64 alphabets, with optional padding. */
export function decodeBase64Text(run: string): string | undefined {
  const body = run.replace(/=+$/, '');
  // Encoded text mixes cases; one-case words (state-of-the-art-thing) are not base64 here.
  if (!/[A-Z]/.test(body) || !/[a-z]/.test(body)) return undefined;
  if (/[+/]/.test(body) && /[-_]/.test(body)) return undefined;
  const bytes = decodeBase64(body);
  return bytes && readableText(bytes);
}

function decodeBase64(body: string): Uint8Array | undefined {
  if (body.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    buffer = ((buffer << 6) | (VALUES[body.charCodeAt(i)] ?? 0)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, n);
}
