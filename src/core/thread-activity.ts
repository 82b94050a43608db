/**
 * What this thread's run was like, for the launcher deciding whether V8's code cache of the CLI
 * bundle is worth writing from it (see src/launcher/load-bundle.ts). A typical run lints a few
 * files: it compiled what most runs use (not `--version`, a configuration error, a lint that
 * found no files), and V8 has not thrown away the bytecode of what it ran first. A long run has:
 * V8 flushes the bytecode of functions unused for a few major collections (configuration
 * loading, start-up), so a cache written at the end of W1 made every later one-file lint compile
 * them again (0.41 s became 0.56-0.82 s).
 */
let filesLinted = 0;

/** The most files a run may lint to count as typical. */
const TYPICAL_MAX_FILES = 64;

export function noteFileLinted(): void {
  filesLinted++;
}

export function typicalRunInThisThread(): boolean {
  return filesLinted > 0 && filesLinted <= TYPICAL_MAX_FILES;
}

/**
 * Whether this thread's command has finished everything it started (a `lint` whose report is
 * written): the launcher may then end the process at once instead of letting Node tear down the
 * heap and the worker threads' isolates (~7-15 ms of a one-file lint, see docs/performance.md).
 */
let runComplete = false;

export function noteRunComplete(): void {
  runComplete = true;
}

export function runCompleteInThisThread(): boolean {
  return runComplete;
}
