import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { userCacheFolder } from '../core/user-cache.js';
import path from 'node:path';
import { lintProject } from '../engine/lint-project.js';
import { DEFAULT_CACHE_LOCATION } from '../engine/cache.js';
import { createResult, onlyErrors, summarize, type LintNotice, type LintResult } from '../engine/result.js';
import type { ResultStore } from '../engine/result-store.js';
import type { Concurrency } from '../engine/pool.js';
import type { RuleSource } from '../engine/rules.js';
import { ruleDocsUrl, type ContentParser, type ContentReader } from '../engine/runner.js';
import { parseShard } from '../engine/shard.js';
import { timelineMark } from '../engine/timeline.js';
import { contentFromBytes } from '../engine/read.js';
import { parseMinScore, scoreResults, storedScores, type ScoreReport } from '../engine/score.js';
import { readBaselineFile, writeBaselineFile } from './baseline-file.js';
import { colorsFor, printDiagnostics, printNotice, printNotices, UsageError, type CliIo } from './io.js';
import { terminalText } from '../core/terminal-text.js';
import { noteRunComplete } from '../core/thread-activity.js';
import { describeRules, parseMaxWarnings, resolveOutputs, writeOutputs, type OutputSpec } from './outputs.js';
import { brandlintVersion, packageRoot } from './package-info.js';
import { createProgress } from './progress.js';
import { formatTimings, takeTimings, timingEnabled, timingRows } from '../engine/rule-timing.js';

export interface LintCommandOptions {
  config?: string;
  /** `--format`, repeatable: `name` or `name=path`. */
  format?: string | string[];
  outputFile?: string;
  /** `--cache`: reuse the results of unchanged files. */
  cache?: boolean;
  /** `--cache-location`: the cache file (or a folder to hold `.brandlintcache`). */
  cacheLocation?: string;
  /** `--baseline FILE`: report only findings that are not in it. */
  baseline?: string;
  /** `--baseline-write FILE`: record today's findings. */
  baselineWrite?: string;
  /** `--shard i/n`. */
  shard?: string;
  /** `--staged`: lint the staged (index) content of staged channel files. */
  staged?: boolean;
  /** `--project-files-only`: of the paths given, lint only the project's own content files. */
  projectFilesOnly?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  /** As typed: a whole number, or -1 for no limit. */
  maxWarnings?: string;
  quiet?: boolean;
  ignorePattern?: string[];
  /** False with `--no-ignore`. */
  ignore?: boolean;
  /** `--ignore-path`: the ignore file instead of `.brandlintignore`. */
  ignorePath?: string;
  /** As typed: bytes, or with a unit (`500kb`, `10mb`). */
  maxFileSize?: string;
  /** False with `--no-color`; undefined: the terminal decides. */
  color?: boolean;
  /** `--interactive`: open the terminal report (`brandlint report`) instead of printing. */
  interactive?: boolean;
  /** `--concurrency`: worker threads (a number), `auto` (the default) or `off`. */
  concurrency?: string;
  /** `--stdin`: lint standard input (as the file `--stdin-filename` names). */
  stdin?: boolean;
  /** `--stdin-filename`: the path standard input stands for (channel, brand context, campaign, overrides). */
  stdinFilename?: string;
  /** `--print-config FILE`: print the configuration in effect for that file as JSON and lint nothing. */
  printConfig?: string;
  /** `--min-score`, as typed: exit 1 when the run's brand score is below it. */
  minScore?: string;
}

/** Test seams: the rule catalogue and adapters to use instead of the real ones. */
export interface LintDependencies {
  rules?: RuleSource;
  parse?: ContentParser | null;
}

/**
 * `brandlint lint [paths...]`. Exit codes as ESLint's: 0 no errors (and warnings within
 * --max-warnings), 1 errors or too many warnings, 2 usage or configuration problems.
 * The report goes to stdout (or --output-file); notices and configuration problems to stderr.
 */
export async function runLint(paths: readonly string[], options: LintCommandOptions, io: CliIo, dependencies: LintDependencies = {}): Promise<number> {
  if (options.printConfig !== undefined) {
    if (paths.length > 0 || options.stdin) throw new UsageError('--print-config takes one file and lints nothing; give no other paths or --stdin');
    const { runPrintConfig } = await import('./print-config.js');
    return runPrintConfig(options.printConfig, options, io, dependencies.rules);
  }
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename names what --stdin reads; add --stdin');
  if (options.stdin) {
    if (options.stdinFilename === undefined) {
      throw new UsageError('--stdin needs --stdin-filename <path>: the path decides the channel, brand context and campaign (for example --stdin-filename email/x.html)');
    }
    if (paths.length > 0) throw new UsageError('--stdin lints standard input and takes no paths');
  }
  if (options.interactive) {
    const clashes = [
      options.stdin && '--stdin',
      options.fix && '--fix',
      options.fixDryRun && '--fix-dry-run',
      options.outputFile !== undefined && '--output-file',
      options.staged && '--staged',
      options.shard !== undefined && '--shard',
      options.baselineWrite !== undefined && '--baseline-write',
    ].filter((name): name is string => typeof name === 'string');
    if (clashes.length > 0) {
      throw new UsageError(`--interactive cannot be combined with ${clashes.join(', ')} (press f in the report to fix a finding)`);
    }
    const { runReport } = await import('./report.js');
    const { config, ignorePattern, ignore, ignorePath, color, baseline } = options;
    return runReport(
      paths,
      {
        ...(config !== undefined ? { config } : {}),
        ...(baseline !== undefined ? { baseline } : {}),
        ...(ignorePattern ? { ignorePattern } : {}),
        ...(ignore !== undefined ? { ignore } : {}),
        ...(ignorePath !== undefined ? { ignorePath } : {}),
        ...(color !== undefined ? { color } : {}),
      },
      io,
      { exitLikeLint: true },
    );
  }
  const c = colorsFor(io, options.color);
  const outputs = await resolveOutputs(options.format, options.outputFile);
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (options.staged && (options.fix || options.fixDryRun)) throw new UsageError('--staged lints what is staged and cannot fix it; run --fix on the files, then stage them');
  if (options.staged && paths.length > 0) throw new UsageError('--staged takes no paths: it lints the staged files');
  if (options.stdin && (options.staged || options.shard !== undefined)) throw new UsageError(`--stdin cannot be combined with ${options.staged ? '--staged' : '--shard'}`);
  if (options.baseline !== undefined && options.baselineWrite !== undefined) throw new UsageError('--baseline and --baseline-write cannot be used together');
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (typeof shard === 'string') throw new UsageError(shard);
  const baseline = options.baseline === undefined ? undefined : await readBaselineFile(io.cwd, options.baseline);
  const maxWarnings = options.maxWarnings === undefined ? -1 : parseMaxWarnings(options.maxWarnings);
  const minScoreGiven = options.minScore === undefined ? undefined : parseMinScore(options.minScore);
  if (typeof minScoreGiven === 'string') throw new UsageError(minScoreGiven);
  const minScore: number | undefined = minScoreGiven;
  const maxFileSize = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);
  const concurrency = parseConcurrency(options.concurrency ?? 'auto');

  let lintPaths = paths;
  let read: ContentReader | undefined;
  let stagedFiles: Set<string> | undefined;
  let closeStaged: (() => void) | undefined;
  if (options.staged) {
    const { stagedSnapshot, existingFiles } = await import('./staged.js');
    const snapshot = await stagedSnapshot(io.cwd);
    const files = existingFiles(snapshot.files);
    // Nothing staged: nothing to lint (no paths would mean the whole project).
    if (files.length === 0) return 0;
    lintPaths = files.map((file) => path.relative(io.cwd, file));
    stagedFiles = new Set(lintPaths.map((file) => file.split(path.sep).join('/')));
    read = snapshot.read;
    closeStaged = snapshot.close;
  }
  let stdinText: { file: string; text: string } | undefined;
  if (options.stdin) {
    const file = options.stdinFilename!;
    if (!io.readStdin) throw new UsageError('--stdin: there is no standard input to read');
    const read = contentFromBytes(await io.readStdin(), file, maxFileSize !== undefined ? { maxFileSize } : {});
    if (read.kind === 'skipped') {
      printNotice(io, c, { kind: 'skipped', file, message: `standard input: ${read.reason}; skipped` });
      return 0;
    }
    if (read.kind === 'failed') {
      printDiagnostics(io, c, [read.diagnostic]);
      return 1;
    }
    stdinText = { file, text: read.text };
    if (options.cache) printNotice(io, c, { kind: 'skipped', message: '--cache is not used with --stdin (the text is linted every time)' });
  }
  // `--fix` with `--stdin` prints the fixed text (as stylelint and Prettier do): the report goes to stderr.
  const fixStdin = Boolean(stdinText && options.fix);
  const reportIo: CliIo = fixStdin ? { ...io, stdout: (text) => io.stderr(text), isTTY: io.stderrIsTTY ?? false } : io;
  const progress = stdinText ? undefined : createProgress(io);

  // A lint server runs many lints in one process: a run that failed before its table must not add to the next one.
  if (timingEnabled()) takeTimings();
  const outcome = await lintProject({
    cwd: io.cwd,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
    paths: lintPaths,
    ...(options.projectFilesOnly ? { projectFilesOnly: true } : {}),
    ...(read ? { read } : {}),
    ...(shard ? { shard } : {}),
    ...(progress ? { onProgress: progress } : {}),
    ...(stdinText ? { text: stdinText } : {}),
    ...(options.cache && !stdinText
      ? { cache: { location: options.cacheLocation ?? DEFAULT_CACHE_LOCATION, version: brandlintVersion(), extraFiles: builtinPackFiles() } }
      : {}),
    // Finished results wait for the report on disk, not in memory, and large runs use every core.
    store: 'spill',
    // A JSON report copies each result's entry, written by the thread that linted the file.
    jsonEntries: jsonEntriesFor(outputs, options),
    concurrency,
    ...brandCacheOption(),
    ignorePatterns: options.ignorePattern ?? [],
    useIgnoreFiles: options.ignore !== false,
    ...(options.ignorePath !== undefined ? { ignorePath: options.ignorePath } : {}),
    ...(options.fix ? { fix: stdinText ? ('dry-run' as const) : ('write' as const) } : options.fixDryRun ? { fix: 'dry-run' as const } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(dependencies.rules ? { rules: dependencies.rules } : {}),
    ...(dependencies.parse !== undefined ? { parse: dependencies.parse } : {}),
  }).finally(() => closeStaged?.());
  if (!outcome.ok) {
    if (outcome.stage === 'paths' || outcome.stage === 'cache') throw new UsageError(outcome.message);
    printDiagnostics(io, c, outcome.diagnostics);
    io.stderr(c.red(`brandlint: ${terminalText(outcome.message)}; nothing was linted\n`));
    return 2;
  }
  printDiagnostics(io, c, outcome.configWarnings);
  // Staged files outside every channel (package.json, ...) are simply not brandlint's business.
  const notices = stagedFiles ? withoutStagedSkips(outcome.notices, stagedFiles) : outcome.notices;

  // The results are read one at a time from the store, once per pass (summary, each report).
  const finished = outcome;
  const { store } = outcome;
  timelineMark('report+');
  try {
    return await report(store);
  } finally {
    timelineMark('report-');
    store.close();
  }

  async function report(store: ResultStore): Promise<number> {
  // Each file's score is fixed from all its findings, before a baseline or --quiet hides some.
  const scored = store.scored();
  // The totals come from counts the store keeps: no result is read back for them. Taken once
  // (a few numbers per file) for both the scores and the summary.
  const tallies = [...store.tallies()];
  const runScores = scoreResults(tallies);
  let results: Iterable<LintResult> = scored;
  let summary;
  if (options.baselineWrite !== undefined) {
    const written = await writeBaselineFile(io.cwd, options.baselineWrite, results, storedScores(runScores));
    io.stderr(`${c.cyan('note')} wrote ${options.baselineWrite}: ${written.findings} known finding${written.findings === 1 ? '' : 's'} in ${written.files} file${written.files === 1 ? '' : 's'}\n`);
    // Recorded findings are known from now on: the report of this run shows none of them.
    results = mapResults(scored, (result) => ({ ...result, ...createResult(result, []) }));
    summary = summarize(results);
  } else if (baseline) {
    let suppressed = 0;
    let fixed = 0;
    summary = summarize(
      mapResults(scored, (result) => {
        const one = baseline.applyTo(result);
        suppressed += one.suppressed;
        fixed += one.fixed;
        return one.result;
      }),
    );
    results = mapResults(scored, (result) => baseline.applyTo(result).result);
    io.stderr(`${c.cyan('note')} baseline: ${suppressed} known finding${suppressed === 1 ? '' : 's'} not reported, ${fixed} fixed since\n`);
  } else {
    summary = summarize(tallies);
  }

  if (fixStdin && stdinText) {
    // Always the whole text, fixed or not (an ignored file too): a pipe through `--fix` never loses content.
    let fixed = stdinText.text;
    for (const result of store) if (result.output !== undefined) fixed = result.output;
    (io.writeSource ?? io.stdout)(fixed);
  }
  const tooManyWarnings = maxWarnings >= 0 && summary.warningCount > maxWarnings;
  const belowMinScore = minScore !== undefined && runScores.run.score < minScore;
  const exitCode = summary.errorCount > 0 || tooManyWarnings || belowMinScore ? 1 : 0;
  const scores: ScoreReport = {
    ...runScores,
    ...(baseline?.score ? { baseline: baseline.score } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
  };
  const shown = options.quiet ? mapResults(results, onlyErrors) : results;
  // Notices follow the report (where the reader is), one line per reason.
  let reportPrinted = false;
  const watchedIo: CliIo = {
    ...reportIo,
    stdout: (text) => {
      if (text !== '') reportPrinted = true;
      reportIo.stdout(text);
    },
  };
  await writeOutputs(
    outputs,
    shown,
    {
      cwd: io.cwd,
      color: fixStdin ? colorsFor(reportIo, options.color).isColorSupported : c.isColorSupported,
      notices,
      ...(options.fixDryRun ? { fixDryRun: true } : {}),
      rules: describeRules(finished.ruleInfo, ruleDocsUrl),
      ...(finished.campaigns.length > 0 ? { campaigns: finished.campaigns } : {}),
      toolVersion: brandlintVersion(),
      exitCode,
      scores,
    },
    watchedIo,
  );
  printNotices(io, c, notices, { afterReport: reportPrinted });
  if (timingEnabled()) io.stderr(formatTimings(takeTimings(), timingRows()));
  if (tooManyWarnings && summary.errorCount === 0) io.stderr(c.red(`brandlint found too many warnings (maximum: ${maxWarnings})\n`));
  if (belowMinScore) io.stderr(c.red(`brandlint: the brand score ${runScores.run.score} is below --min-score ${minScore}\n`));
  // Everything is written (the outputs are awaited, the store closes in the caller's `finally`).
  noteRunComplete();
  return exitCode;
  }
}

/**
 * Which JSON report entries the results keep as they are linted (see lintProject's `jsonEntries`):
 * none unless the run writes a JSON report of the results as they are (no baseline, no `--quiet`:
 * those change the results it writes); `only` when the report reads nothing else of a result
 * (every output is JSON, and no standard input is fixed: its fixed text is read from the result).
 */
function jsonEntriesFor(outputs: readonly OutputSpec[], options: LintCommandOptions): boolean | 'only' {
  const writesJson = outputs.some((output) => output.name === 'json') && options.baseline === undefined && options.baselineWrite === undefined && !options.quiet;
  if (!writesJson) return false;
  return outputs.every((output) => output.name === 'json') && !options.stdin ? 'only' : true;
}

/** Results mapped one at a time (read again on every pass). */
function mapResults(results: Iterable<LintResult>, transform: (result: LintResult) => LintResult): Iterable<LintResult> {
  return {
    *[Symbol.iterator]() {
      for (const result of results) yield transform(result);
    },
  };
}

/** brandlint's own rule packs (rules/packs/*.yml): part of the cache key. */
function builtinPackFiles(): string[] {
  const folder = path.join(packageRoot(), 'rules', 'packs');
  try {
    return readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/**
 * The compiled brand is kept between runs in the user's cache folder, for the brandlint that
 * compiled it (this module's file: the bundle, whose every build compiles again).
 */
export function brandCacheOption(): { brandCache?: { folder: string; build: string } } {
  if (process.env['BRANDLINT_NO_BRAND_CACHE']) return {};
  const folder = userCacheFolder();
  if (!folder) return {};
  let build = brandlintVersion();
  try {
    const self = statSync(fileURLToPath(import.meta.url));
    build += ` ${self.size} ${self.mtimeMs}`;
  } catch {
    // not a file: the version alone
  }
  return { brandCache: { folder, build } };
}

/** `--concurrency`: a number of worker threads, `auto` or `off`. */
function parseConcurrency(text: string): Concurrency {
  const value = text.trim().toLowerCase();
  if (value === 'auto' || value === 'off') return value;
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
  throw new UsageError(`--concurrency must be a number of threads, auto or off, not "${text}"`);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2 };

function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new UsageError(`--max-file-size must be a size in bytes (or with kb/mb), not "${text}"`);
  }
  return Math.floor(Number(match[1]) * unit);
}

/** Staged files outside every channel (package.json, ...) are simply not brandlint's business: their skip notices go. */
function withoutStagedSkips(notices: readonly LintNotice[], staged: ReadonlySet<string>): LintNotice[] {
  return notices.flatMap((notice): LintNotice[] => {
    if ((notice.kind !== 'skipped' && notice.kind !== 'ignored') || /binary|larger/.test(notice.message)) return [notice];
    const files = (notice.files ?? (notice.file !== undefined ? [notice.file] : [])).filter((file) => !staged.has(file));
    if (notice.file === undefined && notice.files === undefined) return [notice];
    const { file: _file, files: _files, ...rest } = notice;
    if (files.length === 0) return [];
    return [files.length === 1 ? { ...rest, file: files[0]! } : { ...rest, files }];
  });
}
