import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { formatDiagnosticLine } from '../../../src/core/diagnostic.js';
import { loadTokenSet } from '../../../src/tokens/dtcg/index.js';
import type { TokenLoadResult } from '../../../src/tokens/types.js';

/** A token document written inline: JSON data (pretty-printed with 2 spaces) or exact text. */
export type Doc = unknown;

export function textOf(doc: Doc): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

export function load(doc: Doc, file = 'tokens.json'): TokenLoadResult {
  return loadTokenSet([{ file, text: textOf(doc) }]);
}

export function errorsOf(result: TokenLoadResult | Diagnostic[]): Diagnostic[] {
  const diagnostics = Array.isArray(result) ? result : result.diagnostics;
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

export function warningsOf(result: TokenLoadResult | Diagnostic[]): Diagnostic[] {
  const diagnostics = Array.isArray(result) ? result : result.diagnostics;
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
}

/** `line:column ruleId message` lines, for readable assertion failures. */
export function lines(result: TokenLoadResult | Diagnostic[]): string[] {
  const diagnostics = Array.isArray(result) ? result : result.diagnostics;
  return diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${formatDiagnosticLine(diagnostic)}`);
}

/** A one-token document `{ "t": { "$type": type, "$value": value } }`. */
export function single(type: string, value: unknown): Doc {
  return { t: { $type: type, $value: value } };
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}
