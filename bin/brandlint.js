#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/src/cli/brandlint.cjs (built by `npm run prepare`, which
// `npm ci` runs) and loaded with V8's code cache (dist/src/launcher/load-bundle.js).
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { loadBundle } from '../dist/src/launcher/load-bundle.js';
import { terminalText } from '../dist/src/core/terminal-text.js';

// Collect garbage before the heap doubles: a run's live data is small (tens of MB) while it
// allocates a lot, and V8's default growth let a large run peak at twice the memory it needs
// (measured on 22 MB of content: 400 -> 290 MiB, the same CPU time; see docs/performance.md).
v8.setFlagsFromString('--heap-growing-percent=50');

const cli = loadBundle(fileURLToPath(new URL('../dist/src/cli/brandlint.cjs', import.meta.url)));
// What the bundle imports at run time (style-dictionary, the interactive report, a JS config) is
// imported from here: Node 20 cannot run `import()` in code that came from V8's code cache.
cli.exports.setModuleImporter((specifier) => import(specifier));

// `brandlint ... | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

cli.exports.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    cli.saveCache();
  },
  (error) => {
    // Last-resort guard: a crash must still exit 2 with a readable message, not a stack trace.
    process.stderr.write(`brandlint: internal error: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.BRANDLINT_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = 2;
  },
);
