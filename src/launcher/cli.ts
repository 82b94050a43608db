/**
 * What `brandlint` runs (bin/brandlint.js requires it): loads the bundled CLI
 * (dist/src/cli/brandlint.cjs) with V8's code cache (load-bundle.ts) and runs it; a `lint` goes
 * to a running lint server instead, when there is one (lint-client.ts, before the bundle loads).
 *
 * scripts/build.mjs bundles this module, with the few modules it imports, into one CommonJS file,
 * dist/src/launcher/cli.cjs, and the bin is CommonJS too: Node then starts without its ES module
 * loader and the ES module wrappers of the built-ins used here, which cost every run ~10 ms.
 */
import v8 from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { terminalText } from '../core/terminal-text.js';
import { loadBundle } from './load-bundle.js';
import { lintThroughServer } from './lint-client.js';

/** Bytecode bytes a function executes before TurboFan optimizes it (see below). */
const TURBOFAN_INTERRUPT_BUDGET = 1_000_000;

interface CliBundle {
  setModuleImporter(importer: (specifier: string) => Promise<unknown>): void;
  main(argv: string[]): Promise<number>;
  typicalRunInThisThread(): boolean;
  runCompleteInThisThread(): boolean;
}

// Collect garbage before the heap doubles: a run's live data is small (tens of MB) while it
// allocates a lot, and V8's default growth let a large run peak at twice the memory it needs
// (measured on 22 MB of content: 400 -> 290 MiB, the same CPU time; see docs/performance.md).
v8.setFlagsFromString('--heap-growing-percent=50');
// Let a function run ~15 times longer than V8's default (67,584 bytecode bytes' worth of
// execution) before TurboFan optimizes it. A lint runs many large packages' code briefly: by
// default V8 optimized so much of it that TurboFan's background thread took a third of the CPU
// time of a prose run, which also left a worker thread no core of its own. Measured on the bench
// (docs/performance.md): W1 pooled 12.4 -> 9.6 s wall and 23.2 -> 18.0 CPU s; W2 and one file
// no slower (2,000,000 made W2 slower). Set here, before the bundle's first function runs; worker
// threads share the process's flags.
v8.setFlagsFromString(`--interrupt-budget=${TURBOFAN_INTERRUPT_BUDGET}`);

// `brandlint ... | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// dist/src/launcher/ -> dist/src/cli/brandlint.cjs
const launcherFile = fileURLToPath(import.meta.url);
const bundleFile = path.join(path.dirname(launcherFile), '..', 'cli', 'brandlint.cjs');
// A `lint` goes to the lint server when one of this build is running (lint-client.ts), else here.
const throughServer = lintThroughServer(bundleFile, process.argv.slice(2), launcherFile);
if (throughServer) {
  void throughServer.then((code) => {
    if (code === null) runInProcess();
    else process.exitCode = code;
  });
} else {
  runInProcess();
}

function runInProcess(): void {
  const cli = loadBundle<CliBundle>(bundleFile);
  // What the bundle imports at run time (style-dictionary, the interactive report, a JS config) is
  // imported from here: Node 20 cannot run `import()` in code that came from V8's code cache.
  cli.exports.setModuleImporter((specifier) => import(specifier));
  cli.exports.main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      cli.saveCache(cli.exports.typicalRunInThisThread());
      exitNowIfDone(cli.exports.runCompleteInThisThread(), code);
    },
    (error: unknown) => {
      // Last-resort guard: a crash must still exit 2 with a readable message, not a stack trace.
      process.stderr.write(`brandlint: internal error: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
      if (process.env['BRANDLINT_DEBUG']) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
      process.exitCode = 2;
    },
  );
}

/**
 * Ends the process at once when the command has finished all it started and every byte of its
 * output is with the system: Node would otherwise tear down the heap, page by page, and the
 * isolates of worker threads before exiting (~7-15 ms of a one-file lint). Output still queued in
 * a stream (a large report to a pipe whose reader is slower, a terminal on Windows) waits for
 * the usual exit instead: `process.exit` would cut it off.
 */
function exitNowIfDone(runComplete: boolean, code: number): void {
  if (!runComplete || process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return;
  process.exit(code);
}
