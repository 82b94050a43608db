#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm run prepare`, which `npm ci` runs).
import { main } from '../dist/src/cli/main.js';
import { terminalText } from '../dist/src/core/terminal-text.js';

// `brandlint ... | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last-resort guard: a crash must still exit 2 with a readable message, not a stack trace.
    process.stderr.write(`brandlint: internal error: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.BRANDLINT_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = 2;
  },
);
