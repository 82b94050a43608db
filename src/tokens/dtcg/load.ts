import type { Diagnostic } from '../../core/diagnostic.js';
import type { TokenLoadResult } from '../types.js';
import { expandExtends } from './groups.js';
import { dialectOf, parseJson } from './json.js';
import type { JsonNode, JsonParseResult } from './json.js';
import { buildTree } from './parse.js';
import type { ParsedFile } from './parse.js';
import { CODES, DiagnosticSink, SourceFile } from './report.js';
import { Resolver } from './resolve.js';
import { parseYaml } from './yaml.js';

export interface TokenInput {
  /** The name diagnostics use for this file. */
  file: string;
  text: string;
  /**
   * The document, already parsed from `text` (a token source written inline in a resolver
   * document is a part of that document's text).
   */
  root?: JsonNode;
}

export interface LoadTokenSetOptions {
  /** Later inputs override tokens of earlier ones (resolver sets and contexts) instead of a duplicate being an error. */
  override?: boolean;
}

/** Token files are JSON (`.json`, `.jsonc`, `.json5`) or YAML (`.yaml`, `.yml`), by their name. */
export function parseTokenText(text: string, file: string): JsonParseResult {
  const lower = file.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return parseYaml(text);
  return parseJson(text, dialectOf(file));
}

/** Several files merged into one token set; references resolve across files. Never throws on bad input. */
export function loadTokenSet(inputs: readonly TokenInput[], options: LoadTokenSetOptions = {}): TokenLoadResult {
  const sink = new DiagnosticSink();
  const parsed: ParsedFile[] = [];
  inputs.forEach((input, order) => {
    const source = new SourceFile(input.file, input.text, order);
    if (input.root) {
      parsed.push({ source, root: input.root });
      return;
    }
    const result = parseTokenText(input.text, input.file);
    if (!result.ok) {
      const start = Math.min(result.error.offset, input.text.length);
      const end = Math.min(start + 1, input.text.length);
      sink.add(source, { start, end }, CODES.jsonSyntax, 'error', result.error.message);
      return;
    }
    parsed.push({ source, root: result.root });
  });
  const root = buildTree(parsed, sink, options);
  expandExtends(root, sink);
  const tokens = new Resolver(root, sink).run();
  return { set: { files: [...new Set(inputs.map((input) => input.file))], tokens }, diagnostics: sink.sorted() };
}

/** Every problem of one file checked as its own document (references must resolve inside it). */
export function validateTokenDocument(text: string, file: string): Diagnostic[] {
  return loadTokenSet([{ file, text }]).diagnostics;
}
