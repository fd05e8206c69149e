// Optimised adversarial suffixes (GCG and its kind): a request followed, on the same line, by a run of
// tokens that mix letters with brackets, operators and markup the way neither prose nor code does.
// The detector reads this as a signal and learns what it means; it does not block on it alone.

const wordLike = /^[A-Za-z0-9'’-]*$/;

/**
 * A token that is not a word once ordinary punctuation around it is taken off: `]$.`, `[[There`,
 * `StringBuilder(@"`, `??legt`, `bere------`, or a run of two or more symbols.
 */
function odd(token: string): boolean {
  if (token.length < 2) return false;
  const core = token.replace(/^["'(“‘]/, '').replace(/[.,!?:;"')”’]+$/, '');
  if (core === '') return token.length >= 2;
  return !wordLike.test(core) || /[a-z][A-Z]/.test(core) || /--/.test(core);
}

const codeToken = /^(?:=|==|===|=>|\+=|-=|return|const|let|var|def|function|import|from|print\()$/;

const plainWord = /^[A-Za-z][a-z'-]*[,.]?$/;

/** The suffix: the last tokens of a line, at most this many and at most half of the line. */
const tail = 20;

/**
 * Whether some line reads as plain prose (six or more plain words, few odd tokens) and then ends in
 * a run where at least a seventh of the tokens, and at least three (five if it reads as code), are
 * odd. Table rows are skipped.
 */
export function hasAdversarialSuffix(text: string): boolean {
  for (const line of text.split('\n')) {
    if (line.length < 60) continue;
    // Cheap first look: the last tokens of the line alone must already hold three odd ones.
    let quick = 0;
    for (const t of line.slice(-240).split(/\s+/).slice(-tail)) if (odd(t)) quick++;
    if (quick < 3 || (line.match(/\|/g)?.length ?? 0) >= 3) continue;
    // Only the end of a long line matters: the suffix and the prose just before it.
    const tokens = (line.length > 1200 ? line.slice(-1200) : line).split(/\s+/).filter(Boolean);
    if (tokens.length < 12) continue;
    const cut = tokens.length - Math.min(tail, Math.floor(tokens.length / 2));
    // The prose is judged just before the suffix: at most the 60 tokens that precede it.
    const head = tokens.slice(Math.max(0, cut - 60), cut);
    const end = tokens.slice(cut);
    const oddEnd = end.filter(odd).length;
    // A code line has odd tokens too; when the end reads as code, it takes more of them.
    const needed = end.some((t) => codeToken.test(t)) ? 5 : 3;
    if (oddEnd < needed || oddEnd < end.length / 7) continue;
    if (head.filter(odd).length > head.length / 10) continue;
    if (head.filter((t) => plainWord.test(t)).length >= 6) return true;
  }
  return false;
}
