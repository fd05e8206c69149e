// Reads Llama Guard's answer strictly: `safe`, or `unsafe` and a line of codes; anything else is malformed.

export type LlamaGuardReply =
  | { verdict: 'safe' }
  | { verdict: 'unsafe'; codes: string[] }
  | { verdict: 'malformed'; problem: string };

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}...` : text);
}

/**
 * Blank lines and surrounding whitespace are ignored (Llama Guard 3 often starts with "\n\n"
 * because its template ends right after the assistant header). Codes are matched against the
 * categories the prompt offered, ignoring case and spaces after commas, and returned in the
 * configured spelling. A model that answers anything else has not given a verdict, and reading it
 * as `safe` would let unjudged text through, so it is `malformed`.
 */
export function parseLlamaGuardReply(reply: string, offered: readonly string[]): LlamaGuardReply {
  const lines = reply
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [first, second, ...rest] = lines;
  if (first === undefined) return { verdict: 'malformed', problem: 'the model answered nothing' };
  if (first === 'safe') {
    if (second === undefined) return { verdict: 'safe' };
    return { verdict: 'malformed', problem: `"safe" is followed by more text: ${quote(reply)}` };
  }
  if (first !== 'unsafe') {
    return {
      verdict: 'malformed',
      problem: `the first line is ${quote(first)}, not "safe" or "unsafe"`,
    };
  }
  if (second === undefined) {
    return { verdict: 'malformed', problem: '"unsafe" came without a line of category codes' };
  }
  if (rest.length > 0) {
    return { verdict: 'malformed', problem: `more than two lines in ${quote(reply)}` };
  }
  const byUpper = new Map(offered.map((code) => [code.toUpperCase(), code]));
  const codes: string[] = [];
  for (const part of second.split(',')) {
    const code = byUpper.get(part.trim().toUpperCase());
    if (code === undefined) {
      return {
        verdict: 'malformed',
        problem: `${quote(part.trim())} in ${quote(second)} is not one of the categories offered (${offered.join(', ')})`,
      };
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return { verdict: 'unsafe', codes };
}
