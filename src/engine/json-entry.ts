/**
 * A result as an entry of the JSON report (`results[]` of src/report/formatters/json.ts, whose
 * comment describes the shape). The engine owns it so that the thread that lints a file can also
 * write its entry, as text, while the run goes on: a result waiting in the spill file
 * (result-store.ts) keeps its entry there, and the report copies it instead of reading the result
 * back and writing it again.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { stringifyAtDepth } from '../core/json-at-depth.js';
import type { Range } from '../core/position.js';
import { escapeJsonForTerminal } from '../core/terminal-text.js';
import type { LintResult } from './result.js';
import type { FileScore } from './score.js';

/** How deep the entries sit in the report (`{ "results": [ entry ] }`): their text is indented for it. */
export const JSON_ENTRY_DEPTH = 2;

interface Place {
  line: number;
  column: number;
  /** The page of a paged document (PDF); `line` is then the line on that page. */
  page?: number;
}

/** The report's entry of a result whose score is `score`. */
export function jsonEntry(result: LintResult, score: FileScore) {
  return {
    file: result.file,
    channel: result.channel,
    ...(result.campaign !== undefined ? { campaign: result.campaign } : {}),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableCount: result.fixableCount,
    diagnostics: result.diagnostics.map(jsonDiagnostic),
    ...(result.output !== undefined ? { output: result.output } : {}),
    score: { score: score.score, units: score.units, penalty: score.penalty },
  };
}

/**
 * The entry as the report writes it `depth` levels down (see stringifyAtDepth), with the
 * characters a terminal would act on escaped (see escapeJsonForTerminal).
 */
export function jsonEntryText(result: LintResult, score: FileScore, depth = JSON_ENTRY_DEPTH): string {
  return escapeJsonForTerminal(stringifyAtDepth(jsonEntry(result, score), depth));
}

/**
 * Where a result read back from the spill file keeps its entry's text (at {@link JSON_ENTRY_DEPTH}):
 * a function that reads it (as UTF-8 bytes, copied to the report as they are). Not enumerable, so a result made from this one (`{ ...result }`, a
 * baseline or `--quiet` leaving findings out) has none, and is written from its fields.
 */
export const JSON_ENTRY = Symbol('brandlint.jsonEntry');

/** The entry text (UTF-8) a result carries (see {@link JSON_ENTRY}), if any. */
export function storedJsonEntry(result: LintResult): Uint8Array | undefined {
  const read = (result as LintResult & { [JSON_ENTRY]?: () => Uint8Array })[JSON_ENTRY];
  return read?.();
}

function jsonDiagnostic(diagnostic: Diagnostic) {
  const { start, end } = places(diagnostic.range);
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    file: diagnostic.file,
    start,
    end,
    ...(diagnostic.tokenPath !== undefined ? { tokenPath: diagnostic.tokenPath } : {}),
    ...(diagnostic.actual !== undefined ? { actual: diagnostic.actual } : {}),
    ...(diagnostic.expected !== undefined ? { expected: diagnostic.expected } : {}),
    ...(diagnostic.fix !== undefined ? { fix: diagnostic.fix } : {}),
    ...(diagnostic.related !== undefined ? { related: diagnostic.related } : {}),
    ...(diagnostic.docsUrl !== undefined ? { docsUrl: diagnostic.docsUrl } : {}),
  };
}

function places(range: Range | null): { start: Place; end: Place } {
  if (!range) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    start: { line: range.start.line, column: range.start.column, ...(range.start.page !== undefined ? { page: range.start.page } : {}) },
    end: { line: range.end.line, column: range.end.column, ...(range.end.page !== undefined ? { page: range.end.page } : {}) },
  };
}
