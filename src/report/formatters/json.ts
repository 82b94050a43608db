import type { Diagnostic } from '../../core/diagnostic.js';
import type { Range } from '../../core/position.js';
import { escapeJsonForTerminal } from '../../core/terminal-text.js';
import { chunkedFormatter, type Formatter } from '../formatter.js';
import { fileScore, ScoreTally } from '../../engine/score.js';
import { arrayHole, hole, stringifyWithHoles, valueHole } from '../json-stream.js';

/** Version of the JSON report's shape; bumped when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

interface Place {
  line: number;
  column: number;
  /** The page of a paged document (PDF); `line` is then the line on that page. */
  page?: number;
}

/**
 * The machine-readable report:
 *
 * ```
 * { version, results: [{ file, channel, campaign?, errorCount, warningCount, fixableCount,
 *     diagnostics: [{ ruleId, severity, message, file, start: {line, column}, end: {line, column},
 *       fix?, related?, actual?, expected?, docsUrl? }], output?,
 *     score: { score, units, penalty } }],
 *   notices: [{ kind, message, file?, files? }], summary: { fileCount, errorCount, warningCount, fixableCount },
 *   score: { run: { score, units, penalty, files }, channels: { <channel>: {...} }, campaigns: { <id>: {...} },
 *     baseline?: { run, channels, campaigns }, minScore? },
 *   campaigns?: [{ campaign, brief?, channels: [{ channel, files }], facts: [kind],
 *     reference: { <kind>: { values, source: brief|majority|tie } },
 *     cells: [{ channel, fact, values, agrees: true|false|null }] }] }
 * ```
 *
 * `campaigns` (present when a linted file belongs to a campaign) is the consistency matrix of
 * each campaign: `agrees` is false where a channel disagrees with the reference or misses a fact
 * most channels state, null where there is nothing to compare.
 *
 * `score` is the brand score (docs/score.md): each file's from all its findings (also those a
 * baseline or --quiet leaves out of the report), each group's from its files' units and penalties.
 *
 * Lines and columns are 1-based (whole-file problems point at 1:1). `fix` is the core `Fix`
 * (`{ description, edits: [{ range: { start, end }, text }] }` with offsets). `output` is the
 * fixed text, present with `--fix-dry-run` (and `--fix`) when fixing changed the file.
 * Every file linted is listed, also those without findings.
 */
export const json: Formatter = chunkedFormatter(function* (results, context) {
  // The results are written one at a time and counted on the way for the summary.
  const summary = { fileCount: 0, errorCount: 0, warningCount: 0, fixableCount: 0 };
  const tally = new ScoreTally();
  const records = (function* () {
    for (const result of results) {
      const score = result.score ?? fileScore(result);
      tally.add(result, score);
      summary.fileCount++;
      summary.errorCount += result.errorCount;
      summary.warningCount += result.warningCount;
      summary.fixableCount += result.fixableCount;
      yield {
        file: result.file,
        channel: result.channel,
        ...(result.campaign !== undefined ? { campaign: result.campaign } : {}),
        errorCount: result.errorCount,
        warningCount: result.warningCount,
        fixableCount: result.fixableCount,
        diagnostics: result.diagnostics.map(serializeDiagnostic),
        ...(result.output !== undefined ? { output: result.output } : {}),
        score: { score: score.score, units: score.units, penalty: score.penalty },
      };
    }
  })();
  const template = {
    version: JSON_REPORT_VERSION,
    results: hole('results'),
    notices: context.notices.map((notice) => ({
      kind: notice.kind,
      message: notice.message,
      ...(notice.file !== undefined ? { file: notice.file } : {}),
      ...(notice.files !== undefined ? { files: notice.files } : {}),
    })),
    summary: hole('summary'),
    score: hole('score'),
    ...(context.campaigns && context.campaigns.length > 0 ? { campaigns: context.campaigns } : {}),
  };
  // Characters a terminal would act on are written as \\u escapes: the same data, safe to print.
  for (const chunk of stringifyWithHoles(template, { results: arrayHole(records), summary: valueHole(() => summary), score: valueHole(() => context.scores ?? tally.scores()) })) yield escapeJsonForTerminal(chunk);
  yield '\n';
});

function serializeDiagnostic(diagnostic: Diagnostic) {
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
