import { Command, CommanderError, Option } from 'commander';
import { processIo, UsageError, type CliIo } from './io.js';
import { terminalText } from '../core/terminal-text.js';
import { brandlintVersion } from './package-info.js';

/** The launcher hands the bundle its importer (see src/core/dynamic-import.ts). */
export { setModuleImporter } from '../core/dynamic-import.js';
/** The launcher asks it after a run, to keep V8's code cache of a run that linted (src/launcher/load-bundle.ts). */
export { typicalRunInThisThread } from '../core/thread-activity.js';
/** The launcher asks it after a run, to exit without tearing down the heap (src/launcher/cli.ts). */
export { runCompleteInThisThread } from '../core/thread-activity.js';
/** What the worker threads of a run call (src/launcher/worker.ts); loaded when a worker starts. */
export async function lintBatch(task: import('../engine/worker.js').WorkerTask): Promise<import('../engine/worker.js').WorkerReply> {
  return (await import('../engine/worker.js')).lintBatch(task);
}

/**
 * The brandlint command line. Each command's module is imported only when that command runs,
 * so `brandlint --help` loads commander and nothing else.
 * Exit codes follow ESLint: 0 success, 1 findings or invalid input files, 2 usage or config errors.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('brandlint')
    .description('Brand-consistency linter and DTCG design-token compiler.')
    .version(brandlintVersion(), '-v, --version', 'print the brandlint version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Help wraps to the terminal (as commander's default, but of `io`: the lint server's client's).
      // Undefined (not a terminal) is commander's 80, which its types do not spell.
      getOutHelpWidth: () => io.stdoutColumns as number,
      getErrHelpWidth: () => io.stderrColumns as number,
    });

  program
    .command('validate')
    .description('validate DTCG 2025.10 token files and resolver documents and report on each file (the files named together form one token set; a resolver is checked in every context)')
    .argument('<files...>', 'token files or quoted globs ("tokens/*.json")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--isolated', 'validate each file on its own (references may not point into the other files)')
    .option('--no-color', 'disable colors')
    .action(async (files: string[], options: { format: 'stylish' | 'json'; isolated?: boolean; color: boolean }) => {
      const { runValidate } = await import('./validate.js');
      exitCode = await runValidate(
        files,
        { format: options.format, isolated: Boolean(options.isolated), color: colorOption(options.color) },
        io,
      );
    });

  program
    .command('build')
    .description("validate the brand's tokens and guidelines, then compile CSS, SCSS, JS, JSON, email-safe outputs and brand.json")
    .option('-c, --config <file>', 'configuration file (default: searched from the current folder up)')
    .option('-o, --out-dir <dir>', 'output folder (default: build.outDir of the config, else "build")')
    .option('-p, --platform <name...>', 'only these platforms: css, scss, js, json, email, brand')
    .option('--no-color', 'disable colors')
    .action(async (options: { config?: string; outDir?: string; platform?: string[]; color: boolean }) => {
      const { runBuild } = await import('./build.js');
      exitCode = await runBuild({ ...options, color: colorOption(options.color) }, io);
    });

  program
    .command('lint')
    .description('lint content files (emails, landing pages, ...) against the brand; no paths: the configured channel globs')
    .argument('[paths...]', 'files, folders or quoted globs ("emails/**/*.html")')
    .option('-c, --config <file>', 'configuration file (default: searched from the current folder up)')
    .option('-f, --format <name[=file]>', 'report format: stylish, compact, json, sarif, github, junit; repeatable, name=file writes to a file', collect)
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--cache', 'only lint files that changed since the last run')
    .option('--no-cache', 'do not use the cache (overrides an earlier --cache)')
    .option('--cache-location <path>', 'cache folder; a trailing slash or an existing folder holds it as .brandlintcache (default .brandlintcache)')
    .option('--baseline <file>', 'report only findings that are not in this baseline')
    .option('--baseline-write <file>', "record today's findings as the baseline")
    .option('--shard <i/n>', 'lint only shard i of n (campaigns stay whole); join the JSON reports with `brandlint merge`')
    .option('--staged', 'lint the staged content of staged files (pre-commit)')
    .option('--project-files-only', 'of the paths given, lint only files a run without paths would lint; count the others in one note (pre-commit framework, lint-staged)')
    .option('--stdin', 'lint standard input (needs --stdin-filename); with --fix, print the fixed text to stdout and the report to stderr')
    .option('--stdin-filename <path>', 'the path standard input stands for: it decides the channel, brand context, campaign and overrides')
    .option('--print-config <file>', 'print the configuration in effect for a file as JSON (rules with levels and options, channel, brand context, campaign, packs) and lint nothing')
    .option('--fix', 'apply fixes and write the files')
    .option('--fix-dry-run', 'compute fixes without writing (the json report holds the fixed output)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--min-score <n>', 'exit 1 when the brand score of the run (0-100, see docs/score.md) is below n')
    .option('--quiet', 'report errors only')
    .option('--ignore-pattern <glob>', 'also skip files matching this glob (repeatable)', collect)
    .option('--ignore-path <file>', 'ignore file to use instead of .brandlintignore (gitignore syntax, patterns relative to its folder)')
    .option('--no-ignore', 'do not use .gitignore, .brandlintignore and the ignorePatterns of the config')
    .option('--max-file-size <bytes>', 'skip larger files (default 5mb; units kb, mb allowed)')
    .option('--concurrency <n>', 'worker threads: a number, auto (default: by the size of the run and the cores) or off')
    .option('-i, --interactive', 'browse the findings in the interactive terminal report (as `brandlint report`)')
    .option('--no-color', 'disable colors')
    .action(async (paths: string[], options: import('./lint.js').LintCommandOptions & { color: boolean }) => {
      const { runLint } = await import('./lint.js');
      exitCode = await runLint(paths, { ...options, color: colorOption(options.color) }, io);
    });

  program
    .command('report')
    .description('browse the findings in an interactive terminal report (grouped by campaign, channel, file and rule), or write a self-contained HTML report')
    .argument('[paths...]', 'files, folders or quoted globs; none: the configured channel globs')
    .option('-c, --config <file>', 'configuration file (default: searched from the current folder up)')
    .option('--html <file>', 'write one self-contained HTML report to this file instead')
    .option('--baseline <file>', 'show the brand scores against those this baseline was written with (a trend)')
    .option('--ignore-pattern <glob>', 'also skip files matching this glob (repeatable)', collect)
    .option('--ignore-path <file>', 'ignore file to use instead of .brandlintignore (gitignore syntax, patterns relative to its folder)')
    .option('--no-ignore', 'do not use .gitignore, .brandlintignore and the ignorePatterns of the config')
    .option('--no-color', 'disable colors')
    .action(async (paths: string[], options: import('./report.js').ReportCommandOptions & { color: boolean }) => {
      const { runReport } = await import('./report.js');
      exitCode = await runReport(paths, { ...options, color: colorOption(options.color) }, io);
    });

  program
    .command('merge')
    .description('merge the JSON reports of `lint --shard` jobs into one report of any format')
    .argument('<reports...>', 'JSON reports written by `brandlint lint --format json`')
    .option('-f, --format <name[=file]>', 'report format (repeatable, name=file writes to a file)', collect)
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--min-score <n>', 'exit 1 when the brand score of the merged run (0-100) is below n')
    .option('--quiet', 'report errors only')
    .option('--no-color', 'disable colors')
    .action(async (reports: string[], options: import('./merge.js').MergeCommandOptions & { color: boolean }) => {
      const { runMerge } = await import('./merge.js');
      exitCode = await runMerge(reports, { ...options, color: colorOption(options.color) }, io);
    });

  const tokens = program.command('tokens').description('design tokens of other formats');
  tokens
    .command('import')
    .description('convert token files of other formats (Style Dictionary, Tokens Studio, Figma Variables, DTCG drafts, Theo/Salesforce YAML, Spectrum, Sass variables, flat JSON) into DTCG 2025.10 files')
    .argument('<files...>', 'token files, folders or quoted globs')
    .requiredOption('-o, --out <dir>', 'folder to write the DTCG files (and a resolver document for modes and themes) to')
    .option('--from <format>', 'the format of every input (default: told from each file): dtcg, dtcg-draft, style-dictionary, tokens-studio, figma, theo, spectrum, sass, flat')
    .option('--em-base <px>', 'px per em where an em length has no font size to refer to (default 16)')
    .option('--name <name>', 'name of the resolver document written for modes and themes (default "tokens": tokens.resolver.json)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--no-color', 'disable colors')
    .action(async (files: string[], options: import('./tokens-import.js').TokensImportOptions & { color: boolean }) => {
      const { runTokensImport } = await import('./tokens-import.js');
      exitCode = await runTokensImport(files, { ...options, color: colorOption(options.color) }, io);
    });

  const hook = program.command('hook').description('git hooks');
  hook
    .command('install')
    .description('write .git/hooks/pre-commit to run `brandlint lint --staged` before each commit')
    .option('--force', 'replace an existing pre-commit hook')
    .option('--chain', 'keep an existing pre-commit hook and run it first')
    .option('--server', 'the hook starts the lint server (`brandlint server start`) in the background when none runs, and lints through it')
    .action(async (options: { force?: boolean; chain?: boolean; server?: boolean }) => {
      const { runHookInstall } = await import('./hook.js');
      exitCode = await runHookInstall({ force: Boolean(options.force), chain: Boolean(options.chain), server: Boolean(options.server) }, io);
    });
  hook
    .command('uninstall')
    .description('remove the pre-commit hook `brandlint hook install` wrote (a hook it did not write is left alone)')
    .action(async () => {
      const { runHookUninstall } = await import('./hook.js');
      exitCode = await runHookUninstall(io);
    });

  const server = program
    .command('server')
    .description('a lint server in the background that keeps brandlint loaded: `brandlint lint` (not --stdin or --interactive) runs in it, with the same output, in a fraction of the time');
  server
    .command('start')
    .description('start the lint server for this user and this brandlint; it exits after an idle time or `brandlint server stop`')
    .option('--idle-timeout <seconds>', 'exit after this many seconds without a request (default 900, or BRANDLINT_SERVER_IDLE_TIMEOUT)')
    .option('--foreground', 'serve in this process instead of starting a background one')
    .action(async (options: import('./server.js').ServerStartOptions) => {
      const { runServerStart } = await import('./server.js');
      exitCode = await runServerStart(options, io, main);
    });
  server
    .command('stop')
    .description('stop the lint server')
    .action(async () => {
      const { runServerStop } = await import('./server.js');
      exitCode = await runServerStop(io);
    });
  server
    .command('status')
    .description('say whether the lint server runs (exit 0) or not (exit 1)')
    .action(async () => {
      const { runServerStatus } = await import('./server.js');
      exitCode = await runServerStatus(io);
    });

  program
    .command('lsp')
    .description('run the language server for editors (VS Code, Neovim, Helix, any LSP client): diagnostics as you type, quick fixes, "disable for this line", hover with rule docs and the nearest brand color; see docs/editor.md')
    .option('--stdio', 'speak LSP over stdin and stdout (the default and only transport)')
    .action(async () => {
      const { runLsp } = await import('./lsp.js');
      exitCode = await runLsp(io);
    });

  program
    .command('init')
    .description('scaffold brandlint.config.yaml and a starter brand (tokens and guideline file) in a folder')
    .argument('[dir]', 'target folder', '.')
    .option('--force', 'overwrite existing files')
    .option('--from <brand-book>', 'draft the tokens and the guideline file from a brand book (.pdf, .md or .html) instead of the example brand')
    .action(async (dir: string, options: { force?: boolean; from?: string }) => {
      const { runInit } = await import('./init.js');
      exitCode = await runInit(dir, { force: Boolean(options.force), ...(options.from !== undefined ? { from: options.from } : {}) }, io);
    });

  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`brandlint: ${terminalText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/** Accumulates a repeatable option. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--no-color` forces colors off; otherwise the terminal decides (see colorsFor). */
function colorOption(color: boolean): boolean | undefined {
  return color === false ? false : undefined;
}
