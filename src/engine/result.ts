import type { CampaignFileData, Fact } from '../core/campaign.js';
import type { Channel } from '../core/channels.js';
import type { Directive } from './directives.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { FileScore } from './score.js';

/** What linting one file gave. Formatters read these; nothing here is formatting. */
export interface LintResult {
  /** Display path (relative to the working folder, forward slashes). */
  file: string;
  absolutePath: string;
  channel: Channel | null;
  campaign?: string;
  /** Sorted by line, column, rule id (see {@link compareDiagnostics}). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Diagnostics that carry a fix. */
  fixableCount: number;
  /** The text the diagnostics point into (for code frames); absent when the file could not be read. */
  source?: string;
  /** The fixed text, when fixing changed it (`--fix`, `--fix-dry-run`). */
  output?: string;
  /** Facts the file states (offers, codes, dates, links, ...), when it belongs to a campaign. */
  facts?: Fact[];
  /** What the campaign phase compares besides facts (tone, colors, fonts), one entry per campaign of the file. */
  campaignData?: CampaignFileData[];
  /**
   * A campaign member's rule findings before its disable directives: the campaign phase adds the
   * campaign findings and applies the directives once to all of them (src/engine/campaigns.ts),
   * then moves the survivors into `diagnostics`. Absent on a settled result.
   */
  pending?: { findings: Diagnostic[]; directives: Directive[] };
  /** How much content the file holds (words of prose, style declarations, images, links, web fonts): the score's denominator. Absent: none read. */
  contentUnits?: number;
  /**
   * The file's brand score, fixed by the CLI from all its findings before a baseline or `--quiet`
   * hides some (src/engine/score.ts); absent: computed from `diagnostics` and `contentUnits`.
   */
  score?: FileScore;
}

/**
 * Something the user should know that is not a finding: a skipped file, no brand, a file not fixed,
 * a rule that cannot apply, the files a run did not lint.
 */
export interface LintNotice {
  /**
   * `not-applied`: a rule did not apply to (part of) a file, e.g. an English-only rule on German text.
   * `cannot-apply`: a rule that is on cannot apply anywhere in the run (no type scale, no palette, ...).
   * `not-linted`: the run's closing line of the files found but not linted, by extension and reason.
   */
  kind: LintNoticeKind;
  message: string;
  /** The file it concerns, when it concerns one. */
  file?: string;
  /** The files it concerns, when the same notice was given for several (see collapseNotices in notices.ts). */
  files?: string[];
}

export const LINT_NOTICE_KINDS = ['skipped', 'no-adapter', 'ignored', 'not-fixed', 'no-brand', 'no-files', 'not-applied', 'cannot-apply', 'not-linted'] as const;
export type LintNoticeKind = (typeof LINT_NOTICE_KINDS)[number];

/** Whether a result has findings with fixes (settled or still pending). */
export function hasFixes(result: Pick<LintResult, 'fixableCount' | 'pending'>): boolean {
  return result.fixableCount > 0 || (result.pending?.findings.some((finding) => finding.fix !== undefined) ?? false);
}

/** Order of diagnostics everywhere: file, page (PDF), line, column, rule id (whole-file problems first). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.range?.start.page ?? 0) - (b.range?.start.page ?? 0) ||
    (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
    (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Code-point order (locale-independent, so output is the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a result with sorted diagnostics and counts. */
export function createResult(
  base: Pick<LintResult, 'file' | 'absolutePath' | 'channel'> & Partial<Pick<LintResult, 'campaign' | 'source' | 'output' | 'facts' | 'campaignData' | 'pending' | 'contentUnits' | 'score'>>,
  diagnostics: readonly Diagnostic[],
): LintResult {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errorCount = sorted.filter((d) => d.severity === 'error').length;
  return {
    file: base.file,
    absolutePath: base.absolutePath,
    channel: base.channel,
    ...(base.campaign !== undefined ? { campaign: base.campaign } : {}),
    diagnostics: sorted,
    errorCount,
    warningCount: sorted.length - errorCount,
    fixableCount: sorted.filter((d) => d.fix).length,
    ...(base.source !== undefined ? { source: base.source } : {}),
    ...(base.output !== undefined ? { output: base.output } : {}),
    ...(base.facts !== undefined ? { facts: base.facts } : {}),
    ...(base.campaignData !== undefined ? { campaignData: base.campaignData } : {}),
    ...(base.pending !== undefined ? { pending: base.pending } : {}),
    ...(base.contentUnits !== undefined ? { contentUnits: base.contentUnits } : {}),
    ...(base.score !== undefined ? { score: base.score } : {}),
  };
}

/** The result without warnings (`--quiet`). */
export function onlyErrors(result: LintResult): LintResult {
  if (result.warningCount === 0) return result;
  return createResult(result, result.diagnostics.filter((d) => d.severity === 'error'));
}

export interface LintSummary {
  fileCount: number;
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}

export function summarize(results: Iterable<Pick<LintResult, 'errorCount' | 'warningCount' | 'fixableCount'>>): LintSummary {
  const summary: LintSummary = { fileCount: 0, errorCount: 0, warningCount: 0, fixableCount: 0 };
  for (const result of results) {
    summary.fileCount++;
    summary.errorCount += result.errorCount;
    summary.warningCount += result.warningCount;
    summary.fixableCount += result.fixableCount;
  }
  return summary;
}
