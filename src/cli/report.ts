import path from 'node:path';
import { importModule } from '../core/dynamic-import.js';
import { lintProject, type LintProjectOutcome } from '../engine/lint-project.js';
import { summarize } from '../engine/result.js';
import { ruleDocsUrl } from '../engine/runner.js';
import { plural, type ReportData } from '../report/findings.js';
import { groupNotices } from '../report/notices.js';
import { loadFormatter } from '../report/formatters/index.js';
import { colorsFor, printDiagnostics, printNotices, UsageError, type CliIo } from './io.js';
import { terminalText } from '../core/terminal-text.js';
import { writeReportFile } from './outputs.js';
import { readBaselineFile } from './baseline-file.js';
import { scoreResults } from '../engine/score.js';

export interface ReportCommandOptions {
  config?: string;
  /** Write a self-contained HTML report to this file instead of opening the terminal report. */
  html?: string;
  ignorePattern?: string[];
  /** False with `--no-ignore`. */
  ignore?: boolean;
  /** `--ignore-path`: the ignore file instead of `.brandlintignore`. */
  ignorePath?: string;
  /** False with `--no-color`; undefined: the terminal decides. */
  color?: boolean;
  /** `--baseline FILE`: show the brand scores against those the baseline was written with. */
  baseline?: string;
}

export interface ReportCommandContext {
  /** `lint --interactive`: exit like `lint` (1 when errors remain) instead of 0. */
  exitLikeLint?: boolean;
  /** Test seam: what runs the interactive app (default: src/report/app/run.tsx, imported lazily). */
  interactive?: (options: { load: () => Promise<ReportData>; env: CliIo['env'] }) => Promise<void>;
}

/**
 * `brandlint report [paths...]`: the interactive terminal report (ink, loaded only here), or with
 * `--html FILE` one self-contained HTML page. When stdout is not a terminal, prints the stylish
 * report instead and says so on stderr. Exit codes: 0 (1 for `lint --interactive` when errors
 * remain), 2 for usage and configuration problems.
 */
export async function runReport(paths: readonly string[], options: ReportCommandOptions, io: CliIo, context: ReportCommandContext = {}): Promise<number> {
  const c = colorsFor(io, options.color);
  const baselineScores = options.baseline === undefined ? undefined : (await readBaselineFile(io.cwd, options.baseline)).score;
  if (options.baseline !== undefined && !baselineScores) io.stderr(`${c.cyan('note')} ${terminalText(options.baseline)} holds no brand scores (written before scores existed): no trend is shown\n`);
  const reportData = async (outcome: Extract<LintProjectOutcome, { ok: true }>): Promise<ReportData> => ({
    ...(await baseReportData(outcome)),
    ...(baselineScores ? { baselineScores } : {}),
  });
  const lint = () =>
    lintProject({
      cwd: io.cwd,
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      paths,
      ignorePatterns: options.ignorePattern ?? [],
      useIgnoreFiles: options.ignore !== false,
      ...(options.ignorePath !== undefined ? { ignorePath: options.ignorePath } : {}),
    });

  const first = await lint();
  if (!first.ok) {
    if (first.stage === 'paths') throw new UsageError(first.message);
    printDiagnostics(io, c, first.diagnostics);
    io.stderr(c.red(`brandlint: ${terminalText(first.message)}; nothing was linted\n`));
    return 2;
  }

  let latest = first;
  const exitCode = () => (context.exitLikeLint && summarize(latest.results).errorCount > 0 ? 1 : 0);

  if (options.html !== undefined) {
    const [{ renderHtmlReport }, { collectColorUsage }, { loadContentParser }] = await Promise.all([
      import('../report/html.js'),
      import('../report/color-usage.js'),
      import('../engine/runner.js'),
    ]);
    const colorUsage = await collectColorUsage(first.results, first.brand, await loadContentParser());
    const html = renderHtmlReport(await reportData(first), {
      title: `brandlint report: ${paths.length > 0 ? paths.join(' ') : path.basename(io.cwd)}`,
      colorUsage,
    });
    printNotices(io, c, first.notices);
    await writeReportFile(io.cwd, options.html, html);
    const summary = summarize(first.results);
    io.stderr(`wrote ${options.html} (${plural(summary.errorCount + summary.warningCount, 'finding')} in ${plural(first.results.length, 'file')})\n`);
    return exitCode();
  }

  const cannotRun = whyNotInteractive(io, context);
  if (cannotRun) {
    io.stderr(`${c.cyan('note')} ${cannotRun}, so the interactive report cannot run; printing the stylish report instead (--html FILE writes a shareable report)\n`);
    const stylish = (await loadFormatter('stylish'))!;
    const report = stylish(first.results, {
      cwd: io.cwd,
      color: c.isColorSupported,
      notices: first.notices,
      ...(baselineScores ? { scores: { ...scoreResults(first.results), baseline: baselineScores } } : {}),
      ...(first.campaigns.length > 0 ? { campaigns: first.campaigns } : {}),
    });
    if (report) io.stdout(report);
    printNotices(io, c, first.notices, { afterReport: report !== '' });
    return exitCode();
  }

  const interactive = context.interactive ?? (async (run) => (await importModule<typeof import('../report/app/run.js')>(new URL('../report/app/run.js', import.meta.url).href)).runInteractiveReport(run));
  let pending: LintProjectOutcome | null = first;
  await interactive({
    env: io.env,
    load: async () => {
      // The first load reuses the lint that already ran; later ones (after a fix or the editor) lint again.
      const outcome = pending ?? (await lint());
      pending = null;
      if (!outcome.ok) throw new UsageError(outcome.message);
      latest = outcome;
      return reportData(outcome);
    },
  });
  return exitCode();
}

/**
 * Why the terminal app cannot run here, or null: it needs a terminal on stdout and on stdin (raw
 * keys), and ink draws only a final frame where CI is set (as is-in-ci reads it).
 */
function whyNotInteractive(io: CliIo, context: ReportCommandContext): string | null {
  if (!io.isTTY) return 'stdout is not a terminal';
  if (context.interactive) return null;
  if (!process.stdin.isTTY) return 'stdin is not a terminal';
  const set = (name: string) => name in io.env && io.env[name] !== '0' && io.env[name] !== 'false';
  if (set('CI') || set('CONTINUOUS_INTEGRATION')) return 'CI is set';
  return null;
}

async function baseReportData(outcome: Extract<LintProjectOutcome, { ok: true }>): Promise<ReportData> {
  const rules = Object.fromEntries(outcome.ruleInfo.map((rule) => [rule.id, { description: rule.description, docsUrl: ruleDocsUrl(rule.id) }]));
  // The app shows the notices itself (on the alternate screen nothing printed before it is seen).
  return { results: outcome.results, campaigns: outcome.campaigns, brand: outcome.brand, rules, notices: groupNotices(outcome.notices) };
}
