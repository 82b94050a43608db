/**
 * Whether this thread has run rules on a file. The launcher asks after a run: V8's code cache of
 * the CLI bundle is worth keeping from such a run, which compiled what most runs use (see
 * src/launcher/load-bundle.ts), and less from `--version`, a configuration error or a lint that
 * found no files.
 */
let rulesRan = false;

export function noteRulesRan(): void {
  rulesRan = true;
}

export function rulesRanInThisThread(): boolean {
  return rulesRan;
}
