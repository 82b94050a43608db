import { escapeJsonForTerminal } from '../../core/terminal-text.js';
import { chunkedFormatter, type Formatter } from '../formatter.js';
import { JSON_ENTRY_DEPTH, jsonEntryText, storedJsonEntry } from '../../engine/json-entry.js';
import type { LintResult } from '../../engine/result.js';
import { fileScore, ScoreTally, type FileScore } from '../../engine/score.js';
import { arrayHole, hole, stringifyWithHoles, valueHole, type HoleFiller } from '../json-stream.js';

/** Version of the JSON report's shape; bumped when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

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
  const counted = (function* () {
    for (const result of results) {
      const score = result.score ?? fileScore(result);
      tally.add(result, score);
      summary.fileCount++;
      summary.errorCount += result.errorCount;
      summary.warningCount += result.warningCount;
      summary.fixableCount += result.fixableCount;
      yield { result, score };
    }
  })();
  // A result read back from the spill file brings its entry written already, as UTF-8 bytes (src/engine/json-entry.ts).
  const entryText = ({ result, score }: { result: LintResult; score: FileScore }, depth: number): string | Uint8Array =>
    (depth === JSON_ENTRY_DEPTH ? storedJsonEntry(result) : undefined) ?? jsonEntryText(result, score, depth);
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
  // Characters a terminal would act on are written as \\u escapes: the same data, safe to print (the entries come escaped).
  yield* stringifyWithHoles<Uint8Array>(
    template,
    {
      results: arrayHole<{ result: LintResult; score: FileScore }, Uint8Array>(counted, entryText),
      summary: escaped(valueHole(() => summary)),
      score: escaped(valueHole(() => context.scores ?? tally.scores())),
    },
    escapeJsonForTerminal,
  );
  yield '\n';
});

function escaped(filler: HoleFiller): HoleFiller<Uint8Array> {
  return function* (indent) {
    for (const chunk of filler(indent)) yield escapeJsonForTerminal(chunk);
  };
}
