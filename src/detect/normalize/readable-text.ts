// Decides whether decoded bytes are text someone meant to hide, as opposed to binary noise.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const CONTROL = /[^\P{C}\t\n\r]/gu;
const LETTER = /\p{L}/gu;
const ALPHANUMERIC = /[\p{L}\p{N}]/gu;
const NON_SPACE = /\S/gu;

/**
 * The bytes as text when they are valid UTF-8, have no control characters beyond one in twenty, at
 * least three letters, and letters and digits make up half of what is not whitespace: prose,
 * instructions and further encodings pass; random bytes almost never are valid UTF-8 this clean.
 */
export function readableText(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  const alphanumerics = text.match(ALPHANUMERIC)?.length ?? 0;
  const visible = text.match(NON_SPACE)?.length ?? 0;
  if (controls * 20 > text.length || letters < 3 || alphanumerics * 2 < visible) return undefined;
  return text;
}
