/**
 * `brandlint merge <reports...>`: joins the JSON reports of `lint --shard i/n` jobs into one
 * report of any format. Shards keep every campaign whole, so each file's findings (consistency
 * findings included) are complete in the shard that linted it; merging is a union. When the
 * files are present (the usual CI checkout), their text is read back for code frames, exact
 * offsets and SARIF fingerprints.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CampaignMatrix } from '../core/campaign.js';
import type { Channel } from '../core/channels.js';
import type { Diagnostic, Fix, RelatedLocation } from '../core/diagnostic.js';
import { LineIndex, type Range } from '../core/position.js';
import { compareStrings, createResult, onlyErrors, summarize, type LintNotice, type LintResult } from '../engine/result.js';
import { terminalText } from '../core/terminal-text.js';
import { colorsFor, UsageError, type CliIo } from './io.js';
import { parseMaxWarnings, resolveOutputs, writeOutputs } from './outputs.js';
import { brandlintVersion } from './package-info.js';

export interface MergeCommandOptions {
  format?: string | string[];
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
}

interface Place {
  line: number;
  column: number;
}

interface JsonDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  file: string;
  start: Place;
  end: Place;
  tokenPath?: string;
  actual?: string;
  expected?: string[];
  fix?: Fix;
  related?: Array<Omit<RelatedLocation, 'range'> & { range: Range | null }>;
  docsUrl?: string;
  data?: Record<string, string | number>;
}

interface JsonResult {
  file: string;
  channel: Channel | null;
  campaign?: string;
  diagnostics: JsonDiagnostic[];
  output?: string;
}

interface JsonReport {
  version: number;
  results: JsonResult[];
  notices?: LintNotice[];
  campaigns?: CampaignMatrix[];
}

export async function runMerge(reports: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const c = colorsFor(io, options.color);
  const outputs = await resolveOutputs(options.format, options.outputFile);
  const maxWarnings = options.maxWarnings === undefined ? -1 : parseMaxWarnings(options.maxWarnings);

  const byFile = new Map<string, LintResult>();
  const notices: LintNotice[] = [];
  const seenNotices = new Set<string>();
  // Each campaign sits whole in one shard, so its matrix comes from exactly one report.
  const campaigns = new Map<string, CampaignMatrix>();
  for (const report of reports) {
    const parsed = await readReport(io.cwd, report);
    for (const entry of parsed.results) {
      if (byFile.has(entry.file)) {
        io.stderr(`${c.yellow('warning')} ${terminalText(entry.file)} is in more than one report (were the shards of different runs?); kept the first\n`);
        continue;
      }
      byFile.set(entry.file, await toResult(entry, io.cwd));
    }
    for (const matrix of parsed.campaigns ?? []) if (!campaigns.has(matrix.campaign)) campaigns.set(matrix.campaign, matrix);
    for (const notice of parsed.notices ?? []) {
      const key = JSON.stringify([notice.kind, notice.file, notice.message]);
      if (seenNotices.has(key)) continue;
      seenNotices.add(key);
      notices.push(notice);
    }
  }
  const results = [...byFile.values()].sort((a, b) => compareStrings(a.file, b.file));
  const summary = summarize(results);
  const tooManyWarnings = maxWarnings >= 0 && summary.warningCount > maxWarnings;
  const exitCode = summary.errorCount > 0 || tooManyWarnings ? 1 : 0;
  await writeOutputs(
    outputs,
    options.quiet ? results.map(onlyErrors) : results,
    {
      cwd: io.cwd,
      color: c.isColorSupported,
      notices,
      toolVersion: brandlintVersion(),
      exitCode,
      ...(campaigns.size > 0 ? { campaigns: [...campaigns.values()].sort((a, b) => compareStrings(a.campaign, b.campaign)) } : {}),
    },
    io,
  );
  if (tooManyWarnings && summary.errorCount === 0) io.stderr(c.red(`brandlint found too many warnings (maximum: ${maxWarnings})\n`));
  return exitCode;
}

async function readReport(cwd: string, file: string): Promise<JsonReport> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: Partial<JsonReport>;
  try {
    data = JSON.parse(text) as Partial<JsonReport>;
  } catch {
    throw new UsageError(`${file} is not JSON (write shard reports with --format json)`);
  }
  if (data.version !== 1 || !Array.isArray(data.results)) throw new UsageError(`${file} is not a brandlint JSON report (version 1)`);
  const broken = data.results.findIndex((entry) => !isJsonResult(entry));
  if (broken >= 0) throw new UsageError(`${file}: results[${broken}] is not a file's result of a brandlint JSON report (file, diagnostics with start and end)`);
  return data as JsonReport;
}

/** Enough of a result's shape for toResult to read it without tripping (an edited or truncated report). */
function isJsonResult(entry: unknown): entry is JsonResult {
  if (typeof entry !== 'object' || entry === null) return false;
  const { file, diagnostics } = entry as Partial<JsonResult>;
  const isPlace = (place: unknown) =>
    typeof place === 'object' && place !== null && Number.isInteger((place as Place).line) && Number.isInteger((place as Place).column);
  return (
    typeof file === 'string' &&
    Array.isArray(diagnostics) &&
    diagnostics.every((d: unknown) => typeof d === 'object' && d !== null && typeof (d as JsonDiagnostic).ruleId === 'string' && isPlace((d as JsonDiagnostic).start) && isPlace((d as JsonDiagnostic).end))
  );
}

/** A report entry as a result again; with the file's text when it is there and unchanged enough to point into. */
async function toResult(entry: JsonResult, cwd: string): Promise<LintResult> {
  const absolutePath = path.resolve(cwd, entry.file);
  const source = await readFile(absolutePath, 'utf8').catch(() => undefined);
  const lines = source !== undefined ? new LineIndex(source) : undefined;
  const position = (place: Place) => ({ line: place.line, column: place.column, offset: lines ? lines.offsetAt(place.line, place.column) : 0 });
  const diagnostics: Diagnostic[] = entry.diagnostics.map((d) => {
    const { start, end, related, ...rest } = d;
    return {
      ...rest,
      // Whole-file problems come back as the empty range at 1:1 the JSON report shows for them.
      range: { start: position(start), end: position(end) },
      ...(related ? { related: related.map((r) => ({ file: r.file, range: r.range, message: r.message })) } : {}),
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
    },
    diagnostics,
  );
}
