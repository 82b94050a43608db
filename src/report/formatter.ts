import type { CampaignMatrix } from '../core/campaign.js';
import type { LintNotice, LintResult } from '../engine/result.js';
import type { ScoreReport } from '../engine/score.js';

/** What a formatter knows besides the results. */
export interface FormatterContext {
  /** The working folder (result paths are relative to it). */
  cwd: string;
  /** Whether to use ANSI colors. */
  color: boolean;
  /** Skipped files and other notes (the CLI also prints them on stderr). */
  notices: readonly LintNotice[];
  /** `--fix-dry-run`: results' `output` holds text that was not written. */
  fixDryRun?: boolean;
  /** Rule id -> what the rule checks, for formats that describe rules (SARIF). */
  rules?: Readonly<Record<string, RuleDescription>>;
  /** brandlint's version, for formats that name the tool. */
  toolVersion?: string;
  /** The exit code of the run, known before the report is written (SARIF invocations). */
  exitCode?: number;
  /** The consistency matrix of each campaign of the run (json: `campaigns`; stylish: a table at the end). */
  campaigns?: readonly CampaignMatrix[];
  /**
   * The brand scores of the run (src/engine/score.ts), with the baseline's and the `--min-score`
   * gate when given. Absent: formats that show scores compute them from the results.
   */
  scores?: ScoreReport;
}

/** A rule as reports describe it. */
export interface RuleDescription {
  description: string;
  docsUrl?: string;
  fixable?: boolean;
}

/**
 * A report in pieces, written as they come: a report need not fit in memory (results are read one
 * at a time). A piece is text, or UTF-8 bytes copied as they are (a JSON report's entries that
 * were written while the run went on, see src/engine/json-entry.ts).
 */
export type FormatterChunks = (results: Iterable<LintResult>, context: FormatterContext) => Iterable<string | Uint8Array>;

/**
 * A formatter is a plain function; one file each under formatters/, loaded lazily. Formatters
 * of brandlint are written as chunks (`chunks`), the function joining them: reports of large
 * runs are streamed. A results iterable may be read more than once (a ResultStore reads its
 * spill again).
 */
export interface Formatter {
  (results: Iterable<LintResult>, context: FormatterContext): string;
  chunks?: FormatterChunks;
}

/** A formatter from its chunks. */
export function chunkedFormatter(chunks: FormatterChunks): Formatter {
  const formatter: Formatter = (results, context) => [...chunks(results, context)].map((chunk) => (typeof chunk === 'string' ? chunk : textOf(chunk))).join('');
  formatter.chunks = chunks;
  return formatter;
}

const decoder = new TextDecoder();

/** A piece of UTF-8 bytes as text. */
export function textOf(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
