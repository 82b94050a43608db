/**
 * `brandlint merge <reports...>`: joins the JSON reports of `lint --shard i/n` jobs into one
 * report of any format. Shards keep every campaign whole, so each file's findings (consistency
 * findings included) are complete in the shard that linted it; merging is a union. When the
 * files are present (the usual CI checkout), their text is read back for code frames, exact
 * offsets and SARIF fingerprints.
 *
 * A report is input like any file: it is validated with a schema (report-schema.ts), and the
 * files it names are read only when they are regular files inside the working folder (symbolic
 * links resolved), so a forged `file: /proc/self/environ` is never read into a code frame.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CampaignMatrix } from '../core/campaign.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/position.js';
import { readContentFile } from '../engine/read.js';
import { compareStrings, createResult, onlyErrors, summarize, type LintNotice, type LintResult } from '../engine/result.js';
import { parseMinScore, scoreOf, scoreResults } from '../engine/score.js';
import { describeReportIssue, jsonReportSchema, type JsonReport, type JsonResult } from './report-schema.js';
import { terminalText } from '../core/terminal-text.js';
import { colorsFor, UsageError, type CliIo } from './io.js';
import { parseMaxWarnings, resolveOutputs, writeOutputs } from './outputs.js';
import { brandlintVersion } from './package-info.js';

export interface MergeCommandOptions {
  format?: string | string[];
  outputFile?: string;
  maxWarnings?: string;
  /** `--min-score`, as typed. */
  minScore?: string;
  quiet?: boolean;
  color?: boolean;
}

export async function runMerge(reports: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const c = colorsFor(io, options.color);
  const outputs = await resolveOutputs(options.format, options.outputFile);
  const maxWarnings = options.maxWarnings === undefined ? -1 : parseMaxWarnings(options.maxWarnings);
  const minScore = options.minScore === undefined ? undefined : parseMinScore(options.minScore);
  if (typeof minScore === 'string') throw new UsageError(minScore);

  const byFile = new Map<string, LintResult>();
  const notices: LintNotice[] = [];
  const seenNotices = new Set<string>();
  // Each campaign sits whole in one shard, so its matrix comes from exactly one report.
  const campaigns = new Map<string, CampaignMatrix>();
  const sources = new SourceReader(io.cwd);
  for (const report of reports) {
    const parsed = await readReport(io.cwd, report);
    for (const entry of parsed.results) {
      if (byFile.has(entry.file)) {
        io.stderr(`${c.yellow('warning')} ${terminalText(entry.file)} is in more than one report (were the shards of different runs?); kept the first\n`);
        continue;
      }
      byFile.set(entry.file, await toResult(entry, io.cwd, sources));
    }
    for (const matrix of parsed.campaigns ?? []) if (!campaigns.has(matrix.campaign)) campaigns.set(matrix.campaign, matrix);
    for (const notice of parsed.notices ?? []) {
      // Every shard walked the same folders: the first report's "not linted" line speaks for all
      // (a later shard may have seen an earlier shard's report file).
      if (notice.kind === 'not-linted' && report !== reports[0]) continue;
      const key = JSON.stringify([notice.kind, notice.file, notice.files, notice.message]);
      if (seenNotices.has(key)) continue;
      seenNotices.add(key);
      notices.push(notice);
    }
  }
  if (sources.outside.length > 0) {
    const [first] = sources.outside;
    const more = sources.outside.length > 1 ? ` and ${sources.outside.length - 1} more` : '';
    io.stderr(`${c.yellow('warning')} ${terminalText(first!)}${more}: outside the working folder, so not read (no code frames); merge reads only files inside ${terminalText(io.cwd)}\n`);
  }
  const results = [...byFile.values()].sort((a, b) => compareStrings(a.file, b.file));
  const summary = summarize(results);
  // Each file's score comes from its shard (before that shard's --quiet or baseline hid findings);
  // the groups add the files' units and penalties up again, as an unsharded run does.
  const runScores = scoreResults(results);
  const tooManyWarnings = maxWarnings >= 0 && summary.warningCount > maxWarnings;
  const belowMinScore = minScore !== undefined && runScores.run.score < minScore;
  const exitCode = summary.errorCount > 0 || tooManyWarnings || belowMinScore ? 1 : 0;
  await writeOutputs(
    outputs,
    options.quiet ? results.map(onlyErrors) : results,
    {
      cwd: io.cwd,
      color: c.isColorSupported,
      notices,
      toolVersion: brandlintVersion(),
      exitCode,
      scores: { ...runScores, ...(minScore !== undefined ? { minScore } : {}) },
      ...(campaigns.size > 0 ? { campaigns: [...campaigns.values()].sort((a, b) => compareStrings(a.campaign, b.campaign)) } : {}),
    },
    io,
  );
  if (tooManyWarnings && summary.errorCount === 0) io.stderr(c.red(`brandlint found too many warnings (maximum: ${maxWarnings})\n`));
  if (belowMinScore) io.stderr(c.red(`brandlint: the brand score ${runScores.run.score} is below --min-score ${minScore}\n`));
  return exitCode;
}

async function readReport(cwd: string, file: string): Promise<JsonReport> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON (write shard reports with --format json)`);
  }
  if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1 || !Array.isArray((data as { results?: unknown }).results)) {
    throw new UsageError(`${file} is not a brandlint JSON report (version 1)`);
  }
  const parsed = jsonReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file} is not a valid brandlint JSON report: ${describeReportIssue(issue, data)}`);
  }
  return parsed.data;
}

/**
 * Reads the files a report names, only inside the working folder: a relative path that stays
 * inside once `..` and symbolic links are resolved, a regular file within the lint size limit.
 * Everything else is left unread and remembered in `outside` (said once).
 */
class SourceReader {
  readonly outside: string[] = [];
  private realCwd: Promise<string> | undefined;

  constructor(private readonly cwd: string) {}

  async read(file: string): Promise<string | undefined> {
    const absolute = path.resolve(this.cwd, file);
    if (path.isAbsolute(file) || !isInside(this.cwd, absolute)) {
      this.outside.push(file);
      return undefined;
    }
    let real: string;
    try {
      real = await realpath(absolute);
    } catch {
      return undefined; // not there (any more): no text, as before
    }
    this.realCwd ??= realpath(this.cwd).catch(() => this.cwd);
    if (!isInside(await this.realCwd, real)) {
      this.outside.push(file);
      return undefined;
    }
    const read = await readContentFile(real, file);
    return read.kind === 'text' ? read.text : undefined;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** A report entry as a result again; with the file's text when it is there and unchanged enough to point into. */
async function toResult(entry: JsonResult, cwd: string, sources: SourceReader): Promise<LintResult> {
  const absolutePath = path.resolve(cwd, entry.file);
  const source = await sources.read(entry.file);
  const lines = source !== undefined ? new LineIndex(source) : undefined;
  const position = (place: { line: number; column: number }) => ({ line: place.line, column: place.column, offset: lines ? lines.offsetAt(place.line, place.column) : 0 });
  const diagnostics: Diagnostic[] = entry.diagnostics.map((d) => {
    const { start, end, related, tokenPath, actual, expected, fix, docsUrl, data, ruleId, severity, message, file } = d;
    return {
      ruleId,
      severity,
      message,
      file,
      // Whole-file problems come back as the empty range at 1:1 the JSON report shows for them.
      range: { start: position(start), end: position(end) },
      ...(tokenPath !== undefined ? { tokenPath } : {}),
      ...(actual !== undefined ? { actual } : {}),
      ...(expected !== undefined ? { expected } : {}),
      ...(fix !== undefined ? { fix } : {}),
      ...(related ? { related: related.map((r) => ({ file: r.file, range: r.range, message: r.message })) } : {}),
      ...(docsUrl !== undefined ? { docsUrl } : {}),
      ...(data !== undefined ? { data } : {}),
    };
  });
  return createResult(
    {
      file: entry.file,
      absolutePath,
      channel: entry.channel,
      ...(entry.campaign !== undefined ? { campaign: entry.campaign } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(entry.output !== undefined ? { output: entry.output } : {}),
      ...(entry.score !== undefined ? { contentUnits: entry.score.units, score: { units: entry.score.units, penalty: entry.score.penalty, score: scoreOf(entry.score) } } : {}),
    },
    diagnostics,
  );
}
