import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { Span } from '../dtcg/json.js';
import type { SourceFile } from '../dtcg/report.js';

/** Rule ids of import problems. */
export const IMPORT_CODES = {
  /** The input cannot be read or parsed, or its format cannot be told. */
  input: 'import/input',
  /** A value (or a whole token) that has no DTCG equivalent: dropped. */
  unmapped: 'import/unmapped',
  /** Converted under an assumption, or a part dropped (an em base, an extra typography property). */
  converted: 'import/converted',
  /** A name DTCG does not allow (`.`, `{`, `}`, a leading `$`) was changed. */
  renamed: 'import/renamed',
  /** A reference that names no token. */
  reference: 'import/reference',
  /** A token defined twice; the later one is kept. */
  duplicate: 'import/duplicate',
  /** The imported tokens failed DTCG validation (a bug in the importer: please report it). */
  internal: 'import/internal',
} as const;
export type ImportCode = (typeof IMPORT_CODES)[keyof typeof IMPORT_CODES];

/** Collects the positioned problems of one import, each said once. */
export class ImportLog {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(source: SourceFile | null, file: string, span: Span | null, code: ImportCode, severity: Severity, message: string, tokenPath?: string): void {
    const range = source && span && span.start >= 0 ? source.range(span) : null;
    const key = `${file}|${range?.start.offset ?? -1}|${code}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const diagnostic: Diagnostic = { ruleId: code, severity, message, file, range };
    if (tokenPath !== undefined) diagnostic.tokenPath = tokenPath;
    this.diagnostics.push(diagnostic);
  }

  warn(source: SourceFile, span: Span | null, code: ImportCode, message: string, tokenPath?: string): void {
    this.add(source, source.file, span, code, 'warning', message, tokenPath);
  }

  error(source: SourceFile | null, file: string, span: Span | null, message: string): void {
    this.add(source, file, span, IMPORT_CODES.input, 'error', message);
  }
}
