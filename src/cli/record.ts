// Opening the record for a command, and closing it whatever happens.

import { InvalidArgumentError, type Command } from 'commander';
import type { OpenRegistry } from '../registry/open.js';
import type { Io } from './io.js';
import type { GlobalOptions } from './program.js';

export async function withRecord<T>(
  command: Command,
  io: Io,
  fn: (ctx: OpenRegistry) => Promise<T>,
  options: { create?: boolean; anonymous?: boolean } = {},
): Promise<T> {
  const globals = command.optsWithGlobals<GlobalOptions>();
  // Loaded here, not at start-up: the store's drivers (kysely, better-sqlite3, pg) are only needed
  // by commands that open the record.
  const { openRegistry } = await import('../registry/open.js');
  const ctx = await openRegistry({ env: io.env, as: globals.as, ...options });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** Reads a FLOP count given on the command line (3.2e24). */
export function parseFlop(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?([eE][+]?\d+)?$/.test(value) || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError(`${value} is not a FLOP count such as 3.2e24`);
  }
  return n;
}

export function parseWhole(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${value} is not a whole number`);
  return Number(value);
}

/** Collects a repeatable option (--attach a --attach b). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
