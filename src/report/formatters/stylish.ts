import { createColors } from 'picocolors';
import type { Diagnostic } from '../../core/diagnostic.js';
import { terminalText } from '../../core/terminal-text.js';
import { codeFrame } from '../code-frame.js';
import { matrixTable } from '../matrix-table.js';
import { fileScore, ScoreTally, type ScoreReport } from '../../engine/score.js';
import { scoreLine } from '../score-text.js';
import { chunkedFormatter, type Formatter } from '../formatter.js';

/**
 * ESLint's stylish layout, with a one-line code frame under each finding:
 *
 * ```
 * emails/welcome.html
 *   3:14  error    color #ff0000 is not in the brand palette  color-off-palette
 *       3 | <p style="color: #ff0000">Hi</p>
 *         |                  ^^^^^^^
 *
 * ✖ 1 problem (1 error, 0 warnings)
 *   1 fixable with --fix
 * brand score 60.7/100
 * ```
 *
 * Files without findings are not listed; no findings (and no campaign), no output. Whole-file
 * problems show `1:1` and no frame. The brand score line (score-text.ts) follows the
 * counts when there are problems, a campaign, a baseline or a `--min-score` gate. The consistency matrix of each campaign follows the summary
 * as a compact table (see matrix-table.ts), disagreeing cells marked with `✖`.
 */
export const stylish: Formatter = chunkedFormatter(function* (results, context) {
  const c = createColors(context.color);
  // Each file's block is written as it comes; only totals and the names of changed files are kept.
  let written = false;
  const summary = { errorCount: 0, warningCount: 0, fixableCount: 0 };
  const changed: string[] = [];
  const tally = new ScoreTally();
  for (const result of results) {
    tally.add(result, result.score ?? fileScore(result));
    summary.errorCount += result.errorCount;
    summary.warningCount += result.warningCount;
    summary.fixableCount += result.fixableCount;
    if (context.fixDryRun && result.output !== undefined) changed.push(terminalText(result.file));
    if (result.diagnostics.length === 0) continue;
    const out: string[] = [];
    out.push(c.underline(terminalText(result.file)));
    const places = result.diagnostics.map(place);
    const width = Math.max(...places.map((p) => p.length));
    result.diagnostics.forEach((diagnostic, index) => {
      const severity = diagnostic.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      out.push(`  ${c.dim(places[index]!.padEnd(width))}  ${severity}  ${terminalText(diagnostic.message)}  ${c.dim(terminalText(diagnostic.ruleId))}`);
      if (diagnostic.range && result.source !== undefined) {
        const marker = diagnostic.severity === 'error' ? c.red : c.yellow;
        const frame = codeFrame(result.source, diagnostic.range, { paint: { gutter: c.dim, marker } });
        for (const line of frame ?? []) out.push(`${' '.repeat(width + 4)}${line}`);
      }
    });
    out.push('');
    yield `${out.join('\n')}\n`;
    written = true;
  }

  const out: string[] = [];
  const problems = summary.errorCount + summary.warningCount;
  if (problems > 0) {
    const paint = summary.errorCount > 0 ? c.red : c.yellow;
    out.push(
      paint(
        c.bold(
          `✖ ${plural(problems, 'problem')} (${plural(summary.errorCount, 'error')}, ${plural(summary.warningCount, 'warning')})`,
        ),
      ),
    );
    if (summary.fixableCount > 0) out.push(paint(`  ${summary.fixableCount} fixable with --fix`));
  }
  // The score is shown with problems, and whenever it was asked about (a gate or a baseline).
  const scores: ScoreReport = context.scores ?? tally.scores();
  if (problems > 0 || scores.minScore !== undefined || scores.baseline !== undefined || (context.campaigns?.length ?? 0) > 0) {
    out.push(scoreLine(scores, { bad: c.red, good: c.green, bold: c.bold }));
  }
  if (context.fixDryRun) {
    if (changed.length > 0) out.push(`--fix would change ${plural(changed.length, 'file')}: ${changed.join(', ')}`);
  }
  for (const matrix of context.campaigns ?? []) {
    if (out.length > 0 || written) out.push('');
    out.push(...matrixTable(matrix, { bad: c.red, dim: c.dim, bold: c.bold }));
  }
  if (out.length > 0) yield `${out.join('\n')}\n`;
});

function place(diagnostic: Diagnostic): string {
  if (!diagnostic.range) return '1:1';
  const { start } = diagnostic.range;
  return `${start.page !== undefined ? `p${start.page} ` : ''}${start.line}:${start.column}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
