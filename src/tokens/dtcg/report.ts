import type { Diagnostic, RelatedLocation, Severity } from '../../core/diagnostic.js';
import { LineIndex } from '../../core/position.js';
import type { Range } from '../../core/position.js';
import type { Span } from './json.js';

/** Every rule id this module reports, `dtcg/<code>`. */
export const CODES = {
  readError: 'dtcg/read-error',
  jsonSyntax: 'dtcg/json-syntax',
  invalidStructure: 'dtcg/invalid-structure',
  invalidName: 'dtcg/invalid-name',
  tokenAndGroup: 'dtcg/token-and-group',
  unknownProperty: 'dtcg/unknown-property',
  duplicateToken: 'dtcg/duplicate-token',
  duplicateKey: 'dtcg/duplicate-key',
  missingType: 'dtcg/missing-type',
  invalidType: 'dtcg/invalid-type',
  unknownType: 'dtcg/unknown-type',
  invalidMetadata: 'dtcg/invalid-metadata',
  invalidValue: 'dtcg/invalid-value',
  legacyFormat: 'dtcg/legacy-format',
  invalidReference: 'dtcg/invalid-reference',
  invalidPointer: 'dtcg/invalid-pointer',
  aliasNotFound: 'dtcg/alias-not-found',
  pointerNotFound: 'dtcg/pointer-not-found',
  invalidReferenceTarget: 'dtcg/invalid-reference-target',
  typeMismatch: 'dtcg/type-mismatch',
  referenceCycle: 'dtcg/reference-cycle',
  unresolvedReference: 'dtcg/unresolved-reference',
  invalidExtends: 'dtcg/invalid-extends',
  /** Resolver documents (DTCG Resolver Module 2025.10). */
  invalidResolver: 'dtcg/invalid-resolver',
  resolverReference: 'dtcg/resolver-reference',
  resolverInput: 'dtcg/resolver-input',
  unportableName: 'dtcg/unportable-name',
  tooDeep: 'dtcg/too-deep',
} as const;
export type Code = (typeof CODES)[keyof typeof CODES];

/** One input file: its name as reported, its text and a line index built on demand. */
export class SourceFile {
  private lines: LineIndex | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly order: number,
  ) {}

  range(span: Span): Range {
    this.lines ??= new LineIndex(this.text);
    return this.lines.rangeAt(span.start, span.end);
  }
}

export interface ReportExtras {
  tokenPath?: string;
  actual?: string;
  expected?: string[];
  related?: RelatedLocation[];
}

/** Collects the diagnostics of one load. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private readonly order = new Map<string, number>();

  add(source: SourceFile, span: Span | null, ruleId: Code, severity: Severity, message: string, extras: ReportExtras = {}): void {
    this.order.set(source.file, source.order);
    const diagnostic: Diagnostic = {
      ruleId,
      severity,
      message,
      file: source.file,
      range: span ? source.range(span) : null,
    };
    if (extras.tokenPath !== undefined) diagnostic.tokenPath = extras.tokenPath;
    if (extras.actual !== undefined) diagnostic.actual = extras.actual;
    if (extras.expected !== undefined) diagnostic.expected = extras.expected;
    if (extras.related !== undefined) diagnostic.related = extras.related;
    this.diagnostics.push(diagnostic);
  }

  /** Moves the diagnostics of `other` into this sink. */
  merge(other: DiagnosticSink): void {
    for (const [file, order] of other.order) this.order.set(file, order);
    this.diagnostics.push(...other.diagnostics);
  }

  /** Diagnostics in file order, then by position (whole-file problems first). */
  sorted(): Diagnostic[] {
    const indexed = this.diagnostics.map((diagnostic, index) => ({ diagnostic, index }));
    indexed.sort((a, b) => {
      const fa = this.order.get(a.diagnostic.file) ?? 0;
      const fb = this.order.get(b.diagnostic.file) ?? 0;
      if (fa !== fb) return fa - fb;
      const oa = a.diagnostic.range?.start.offset ?? -1;
      const ob = b.diagnostic.range?.start.offset ?? -1;
      return oa !== ob ? oa - ob : a.index - b.index;
    });
    return indexed.map((entry) => entry.diagnostic);
  }
}

/** Where a finding goes: a file, an optional token path, and a sink (or a silent collector). */
export interface Reporter {
  error(span: Span, code: Code, message: string, extras?: ReportExtras): void;
  warn(span: Span, code: Code, message: string, extras?: ReportExtras): void;
}

export class FileReporter implements Reporter {
  constructor(
    private readonly sink: DiagnosticSink,
    private readonly source: SourceFile,
    private readonly tokenPath?: string,
  ) {}

  error(span: Span, code: Code, message: string, extras: ReportExtras = {}): void {
    this.sink.add(this.source, span, code, 'error', message, this.withPath(extras));
  }

  warn(span: Span, code: Code, message: string, extras: ReportExtras = {}): void {
    this.sink.add(this.source, span, code, 'warning', message, this.withPath(extras));
  }

  private withPath(extras: ReportExtras): ReportExtras {
    return this.tokenPath === undefined || extras.tokenPath !== undefined ? extras : { ...extras, tokenPath: this.tokenPath };
  }
}

/** Records errors without reporting them: used to check a referenced value in the context of the reference. */
export class SilentReporter implements Reporter {
  errors = 0;
  firstError: string | undefined;

  error(_span: Span, _code: Code, message: string): void {
    this.errors++;
    this.firstError ??= message;
  }

  warn(): void {
    // Warnings about a referenced value belong to the token that holds it.
  }
}
