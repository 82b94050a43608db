import { terminalText } from '../../core/terminal-text.js';
import { chunkedFormatter, type Formatter } from '../formatter.js';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * "Files changed" tab.
 *
 * ```
 * ::error file=emails/welcome.html,line=3,col=14,endLine=3,endColumn=21,title=color-off-palette::color #ff0000 is not in the brand palette
 * ```
 *
 * Columns are given only when the range stays on one line (GitHub ignores them otherwise).
 * Values are escaped as the Actions toolkit does: `%`, `\r`, `\n` in the message; also `:` and
 * `,` in properties. Paths are relative to the working folder, which in a workflow is the
 * repository root.
 */
export const github: Formatter = chunkedFormatter(function* (results) {
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const properties: Array<[string, string | number]> = [['file', result.file]];
      const range = diagnostic.range;
      if (range) {
        properties.push(['line', range.start.line]);
        const oneLine = range.start.line === range.end.line;
        if (oneLine) properties.push(['col', range.start.column]);
        properties.push(['endLine', range.end.line]);
        if (oneLine) properties.push(['endColumn', Math.max(range.end.column, range.start.column)]);
      }
      properties.push(['title', diagnostic.ruleId]);
      const command = diagnostic.severity === 'error' ? 'error' : 'warning';
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      yield `::${command} ${props}::${escapeData(diagnostic.message)}\n`;
    }
  }
});

/** Escaping of a command's message (as `@actions/core` does). */
export function escapeData(text: string): string {
  // Control characters other than line breaks would reach the log raw (and a terminal, run locally).
  return terminalText(text, { keepLineBreaks: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
