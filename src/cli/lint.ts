import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { formatDiagnosticLine } from '../core/diagnostic.js';
import { lintProject } from '../engine/lint-project.js';
import { onlyErrors, summarize, type LintNotice } from '../engine/result.js';
import type { RuleSource } from '../engine/rules.js';
import type { ContentParser } from '../engine/runner.js';
import { FORMATTER_NAMES, loadFormatter } from '../report/formatters/index.js';
import { colorsFor, UsageError, type CliIo } from './io.js';

export interface LintCommandOptions {
  config?: string;
  format?: string;
  outputFile?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  /** As typed: a whole number, or -1 for no limit. */
  maxWarnings?: string;
  quiet?: boolean;
  ignorePattern?: string[];
  /** False with `--no-ignore`. */
  ignore?: boolean;
  /** As typed: bytes, or with a unit (`500kb`, `10mb`). */
  maxFileSize?: string;
  /** False with `--no-color`; undefined: the terminal decides. */
  color?: boolean;
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
  const c = colorsFor(io, options.color);
  const format = options.format ?? 'stylish';
  const formatter = await loadFormatter(format);
  if (!formatter) throw new UsageError(`unknown format "${format}"; expected one of ${FORMATTER_NAMES.join(', ')}`);
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const maxWarnings = options.maxWarnings === undefined ? -1 : parseMaxWarnings(options.maxWarnings);
  const maxFileSize = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);

  const printDiagnostics = (diagnostics: readonly Diagnostic[]): void => {
    for (const diagnostic of diagnostics) {
      const level = diagnostic.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      io.stderr(`${level} ${formatDiagnosticLine(diagnostic)}  ${c.dim(diagnostic.ruleId)}\n`);
    }
  };
  const printNotice = (notice: LintNotice): void => {
    io.stderr(`${c.cyan('note')} ${notice.file ? `${notice.file}: ` : ''}${notice.message}\n`);
  };

  const outcome = await lintProject({
    cwd: io.cwd,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
    paths,
    ignorePatterns: options.ignorePattern ?? [],
    useIgnoreFiles: options.ignore !== false,
    ...(options.fix ? { fix: 'write' as const } : options.fixDryRun ? { fix: 'dry-run' as const } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(dependencies.rules ? { rules: dependencies.rules } : {}),
    ...(dependencies.parse !== undefined ? { parse: dependencies.parse } : {}),
  });
  if (!outcome.ok) {
    if (outcome.stage === 'paths') throw new UsageError(outcome.message);
    printDiagnostics(outcome.diagnostics);
    io.stderr(c.red(`brandlint: ${outcome.message}; nothing was linted\n`));
    return 2;
  }
  printDiagnostics(outcome.configWarnings);
  for (const notice of outcome.notices) printNotice(notice);

  const summary = summarize(outcome.results);
  const shown = options.quiet ? outcome.results.map(onlyErrors) : outcome.results;
  const toFile = options.outputFile !== undefined;
  const report = formatter(shown, {
    cwd: io.cwd,
    color: toFile ? false : c.isColorSupported,
    notices: outcome.notices,
    ...(options.fixDryRun ? { fixDryRun: true } : {}),
  });
  if (toFile) {
    const target = path.resolve(io.cwd, options.outputFile!);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, report, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else if (report) io.stdout(report);

  if (summary.errorCount > 0) return 1;
  if (maxWarnings >= 0 && summary.warningCount > maxWarnings) {
    io.stderr(c.red(`brandlint found too many warnings (maximum: ${maxWarnings})\n`));
    return 1;
  }
  return 0;
}

function parseMaxWarnings(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < -1) throw new UsageError(`--max-warnings must be a whole number (0 or more, or -1 for no limit), not "${text}"`);
  return value;
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
