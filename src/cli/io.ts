// Where a command writes: stdout for results, stderr for diagnostics; colour only on a terminal.

import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import { languages, type Lang } from '../frameworks/messages.js';
import { AnjeonError } from '../errors.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colours for stdout; all no-ops when stdout is not a terminal or NO_COLOR is set. */
  color: Colors;
  /** Reads standard input to the end (only used for `-` file arguments). */
  env: Record<string, string | undefined>;
  /** Today's date in UTC, YYYY-MM-DD; injectable so tests do not depend on the clock. */
  today(): string;
}

export function processIo(): Io {
  const tty = process.stdout.isTTY === true;
  const enabled = tty && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color: pc.createColors(enabled || Boolean(process.env.FORCE_COLOR)),
    env: process.env,
    today: () => new Date().toISOString().slice(0, 10),
  };
}

export function writeJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export function resolveLang(option: string | undefined, env: Io['env']): Lang {
  const lang = option ?? env.ANJEON_LANG ?? 'en';
  if (!(languages as readonly string[]).includes(lang)) {
    throw new AnjeonError(
      'usage',
      `--lang ${lang} is not supported`,
      `use one of: ${languages.join(', ')}`,
    );
  }
  return lang as Lang;
}
