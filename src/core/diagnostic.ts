import type { Range } from './position.js';

/** How a finding is reported. `off` exists only in configuration, never on a diagnostic. */
export type Severity = 'error' | 'warning';

/** A text edit: replace `[range.start.offset, range.end.offset)` of the file with `text`. */
export interface TextEdit {
  range: Range;
  text: string;
}

/** A fix is one or more non-overlapping edits to the same file, applied together. */
export interface Fix {
  description: string;
  edits: TextEdit[];
}

/** Another place that explains a finding (for example where the reference value of a campaign fact appears). */
export interface RelatedLocation {
  file: string;
  range: Range | null;
  message: string;
}

/**
 * A finding is data: formatters decide how it looks. The message never repeats the rule id.
 * `range` is null only for problems that concern the whole file (unreadable, not UTF-8, ...).
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range | null;
  /** Dotted token path, for token-file problems (`color.brand.primary`). */
  tokenPath?: string;
  /** What was found and what was expected, for machines (formatters may show them). */
  actual?: string;
  expected?: string[];
  fix?: Fix;
  related?: RelatedLocation[];
  docsUrl?: string;
  /** The values the rule filled its message with (`{ token, hex, delta }`), for reports that show more than text. */
  data?: Record<string, string | number>;
}

/** `file:line:column` of a diagnostic, the way compilers print it. */
export function formatLocation(diagnostic: Pick<Diagnostic, 'file' | 'range'>): string {
  if (!diagnostic.range) return diagnostic.file;
  const { start } = diagnostic.range;
  // A PDF's position: the page, then the line on it.
  return `${diagnostic.file}:${start.page !== undefined ? `p${start.page}:` : ''}${start.line}:${start.column}`;
}

/** One line per diagnostic, as `validate` and error messages print it: `file:line:col path: message`. */
export function formatDiagnosticLine(diagnostic: Diagnostic): string {
  const where = formatLocation(diagnostic);
  const path = diagnostic.tokenPath ? ` ${diagnostic.tokenPath}:` : '';
  return `${where}${path} ${diagnostic.message}`;
}
