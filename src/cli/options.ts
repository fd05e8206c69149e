// Options several commands share: the as-of date, the language, the framework list.

import { AnjeonError } from '../errors.js';
import { dateProblem, type IsoDate } from '../frameworks/dates.js';
import type { Evidence } from '../frameworks/evidence.js';
import type { Lang } from '../frameworks/messages.js';
import { resolveLang, type Io } from './io.js';
import type { GlobalOptions } from './program.js';
import { InvalidArgumentError, type Command } from 'commander';

/** --as-of wins, then the evidence file's as_of, then today (UTC). */
export function asOfDate(option: string | undefined, evidence: Evidence, io: Io): IsoDate {
  if (option !== undefined) {
    const problem = dateProblem(option);
    if (problem) throw new AnjeonError('usage', `--as-of: ${problem}`);
    return option as IsoDate;
  }
  return (evidence.as_of ?? io.today()) as IsoDate;
}

export function commandLang(command: Command, io: Io): Lang {
  return resolveLang(command.optsWithGlobals<GlobalOptions>().lang, io.env);
}

export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A commander parser for date options: a real calendar date or a usage error naming the problem. */
export function parseAsOfOption(value: string): IsoDate {
  const problem = dateProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  return value as IsoDate;
}
