// The one error type: a code, a message that names the file/field/line, and a hint for the person reading it.

export const errorCodes = [
  'usage', // wrong command-line use
  'input', // a file or value the user gave is wrong
  'not_found', // an id or file that does not exist
  'runtime', // something failed while doing the work
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AnjeonError extends Error {
  override readonly name = 'AnjeonError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    /** Further problems of the same kind, one line each (e.g. every schema issue of a file). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }

  /** The exit code the CLI uses for this error (CONTRACTS.md: 2 bad input or usage, 1 runtime). */
  get exitCode(): number {
    return this.code === 'runtime' ? 1 : 2;
  }
}

export function inputError(message: string, hint?: string, details: readonly string[] = []) {
  return new AnjeonError('input', message, hint, details);
}
