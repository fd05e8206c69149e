// Builds the command tree and runs it: one place that maps every outcome to CONTRACTS.md's exit codes.

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { AnjeonError } from '../errors.js';
import { registerAssessCommands } from './assess.js';
import { registerCompareCommand } from './compare.js';
import { registerAuditCommands } from './audit.js';
import { registerDecisionCommands } from './decisions.js';
import { registerEvaluationCommands } from './evaluations.js';
import { registerFrameworkCommands } from './frameworks.js';
import { registerGuardCommands } from './guard.js';
import { registerIncidentCommands, registerRiskCommands } from './incidents.js';
import { registerInitCommand } from './init.js';
import { registerModelCommands } from './models.js';
import { registerRedteamCommands } from './redteam.js';
import { registerReportCommands } from './report.js';
import { registerSafeguardCommands } from './safeguards.js';
import { registerScanCommand } from './scan.js';
import { registerScorecardCommands } from './scorecard.js';
import { registerUserCommands } from './users.js';
import type { Io } from './io.js';

export const exitCodes = { ok: 0, failure: 1, usage: 2, blocked: 3, broken: 4 } as const;

/** Thrown by a command to end with a specific exit code after it has written its output. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export interface GlobalOptions {
  lang?: string;
  debug?: boolean;
  as?: string;
}

function buildProgram(io: Io): Command {
  const program = new Command('anjeon')
    .description('Run an AI safety framework: judge evidence, gate releases, keep the record.')
    .version(VERSION, '-V, --version')
    .option('--lang <lang>', 'language of explanations: en or ko (default: $ANJEON_LANG or en)')
    .option('--debug', 'print stack traces for errors')
    .option(
      '--as <user>',
      'act as this user of the record (default: $ANJEON_ACTOR, else actor in config.yaml)',
    )
    .showHelpAfterError('(run with --help for usage and examples)')
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  anjeon frameworks list
  anjeon assess --framework openai-preparedness-2023 --evidence examples/acme-7b.yaml
  anjeon gate --framework anthropic-rsp-2023 --evidence examples/acme-7b-rsp.yaml --action deploy
  anjeon compare --evidence examples/common-capabilities.yaml

Exit codes: 0 success, 1 runtime failure, 2 bad input or usage, 3 gate blocked, 4 audit chain broken.`,
  );
  registerFrameworkCommands(program, io);
  registerAssessCommands(program, io);
  registerCompareCommand(program, io);
  registerInitCommand(program, io);
  registerUserCommands(program, io);
  registerModelCommands(program, io);
  registerEvaluationCommands(program, io);
  registerSafeguardCommands(program, io);
  registerScorecardCommands(program, io);
  registerDecisionCommands(program, io);
  registerIncidentCommands(program, io);
  registerRiskCommands(program, io);
  registerAuditCommands(program, io);
  registerGuardCommands(program, io);
  registerReportCommands(program, io);
  registerScanCommand(program, io);
  registerRedteamCommands(program, io);
  applyToAll(program, (command) =>
    command.exitOverride().configureOutput(program.configureOutput()),
  );
  return program;
}

// package.json sits two levels up from both src/cli and dist/cli.
export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Runs the command line and returns the exit code; never calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'));
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof ExitWith) return error.code;
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage mistake.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof AnjeonError) {
    io.err(`error: ${error.message}`);
    for (const line of error.details) io.err(`  ${line}`);
    if (error.hint) io.err(`hint: ${error.hint}`);
    if (debug && error.stack) io.err(error.stack);
    return error.exitCode;
  }
  io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
  else
    io.err(
      'hint: run again with --debug for the stack trace, and report it if it looks like a bug',
    );
  return exitCodes.failure;
}

function applyToAll(command: Command, fn: (c: Command) => void) {
  for (const sub of command.commands) {
    fn(sub);
    applyToAll(sub, fn);
  }
}
