import { terminalText } from '../../core/terminal-text.js';
import { chunkedFormatter, type Formatter } from '../formatter.js';

/**
 * One line per finding, ESLint's `compact` layout (easy to grep, understood by editors' problem matchers):
 *
 * ```
 * emails/welcome.html: line 3, col 14, Error - color #ff0000 is not in the brand palette (color-off-palette)
 *
 * 1 problem
 * ```
 *
 * Whole-file problems show line 1, col 1. No findings, no output.
 */
export const compact: Formatter = chunkedFormatter(function* (results) {
  let total = 0;
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const line = diagnostic.range?.start.line ?? 1;
      const column = diagnostic.range?.start.column ?? 1;
      const severity = diagnostic.severity === 'error' ? 'Error' : 'Warning';
      yield `${terminalText(result.file)}: line ${line}, col ${column}, ${severity} - ${terminalText(diagnostic.message)} (${terminalText(diagnostic.ruleId)})\n`;
      total++;
    }
  }
  if (total > 0) yield `\n${total} problem${total === 1 ? '' : 's'}\n`;
});
