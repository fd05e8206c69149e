#!/usr/bin/env node
// The `anjeon` executable: runs the command line and turns the outcome into an exit code.

import { processIo } from './io.js';
import { run } from './program.js';

// `anjeon frameworks list | head -1` closes the pipe early; that is not an error worth a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
