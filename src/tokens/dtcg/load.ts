import type { Diagnostic } from '../../core/diagnostic.js';
import type { TokenLoadResult } from '../types.js';
import { expandExtends } from './groups.js';
import { dialectOf, parseJson } from './json.js';
import { buildTree } from './parse.js';
import type { ParsedFile } from './parse.js';
import { CODES, DiagnosticSink, SourceFile } from './report.js';
import { Resolver } from './resolve.js';

export interface TokenInput {
  /** The name diagnostics use for this file. */
  file: string;
  text: string;
}

/** Several files merged into one token set; references resolve across files. Never throws on bad input. */
export function loadTokenSet(inputs: readonly TokenInput[]): TokenLoadResult {
  const sink = new DiagnosticSink();
  const parsed: ParsedFile[] = [];
  inputs.forEach((input, order) => {
    const source = new SourceFile(input.file, input.text, order);
    const result = parseJson(input.text, dialectOf(input.file));
    if (!result.ok) {
      const start = Math.min(result.error.offset, input.text.length);
      const end = Math.min(start + 1, input.text.length);
      sink.add(source, { start, end }, CODES.jsonSyntax, 'error', result.error.message);
      return;
    }
    parsed.push({ source, root: result.root });
  });
  const root = buildTree(parsed, sink);
  expandExtends(root, sink);
  const tokens = new Resolver(root, sink).run();
  return { set: { files: inputs.map((input) => input.file), tokens }, diagnostics: sink.sorted() };
}

/** Every problem of one file checked as its own document (references must resolve inside it). */
export function validateTokenDocument(text: string, file: string): Diagnostic[] {
  return loadTokenSet([{ file, text }]).diagnostics;
}
