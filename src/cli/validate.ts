import type { Diagnostic } from '../core/diagnostic.js';
import { formatDiagnosticLine } from '../core/diagnostic.js';
import { escapeJsonForTerminal, terminalText } from '../core/terminal-text.js';
import { readTextFile } from '../core/text-file.js';
import { isResolverFileName, isResolverNode, loadTokenSet, parseTokenText } from '../tokens/dtcg/index.js';
import { resolveDocument } from '../tokens/dtcg/resolver-files.js';
import path from 'node:path';
import { expandFileArguments, displayPath } from './files.js';
import { colorsFor, type CliIo } from './io.js';

export interface ValidateOptions {
  format: 'stylish' | 'json';
  /** Validate each file on its own: references may not point into the other files. */
  isolated?: boolean;
  color?: boolean;
}

export interface FileValidation {
  file: string;
  valid: boolean;
  tokenCount: number;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
  /** For a resolver document: the contexts it resolves and the tokens of each. */
  contexts?: Array<{ name: string; tokenCount: number }>;
  /** The file was checked as part of a resolver document named with it (its problems are listed there). */
  checkedBy?: 'resolver';
}

/** A resolver document by its name (`*.resolver.json`) or its content (`resolutionOrder` at the top). */
function isResolverDocument(text: string, file: string): boolean {
  if (isResolverFileName(file)) return true;
  if (!text.includes('resolutionOrder')) return false;
  const parsed = parseTokenText(text, file);
  return parsed.ok && isResolverNode(parsed.root);
}

/**
 * Validates token files and reports on each one. By default the files named together are one
 * token set, as `build` sees them: a reference may point into another file, and a token defined
 * in two files is a duplicate. With `isolated`, each file is a document of its own (as the DTCG
 * conformance suite treats its inputs).
 */
export async function validateFiles(files: readonly string[], cwd: string, options: { isolated?: boolean } = {}): Promise<FileValidation[]> {
  const inputs: Array<{ file: string; text: string }> = [];
  const unreadable = new Map<string, Diagnostic>();
  const resolvers = new Map<string, FileValidation>();
  const throughResolver = new Set<string>();
  for (const absolute of files) {
    const file = displayPath(absolute, cwd);
    const read = await readTextFile(absolute, file);
    if (!read.ok) {
      unreadable.set(file, read.diagnostic);
      continue;
    }
    if (isResolverDocument(read.text, file)) {
      // A resolver document is checked with the files it references, in every context it can produce.
      const loaded = await resolveDocument(read.text, absolute, { cwd, roots: [cwd, path.dirname(absolute)] });
      for (const referenced of loaded.files) throughResolver.add(referenced);
      const errorCount = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      resolvers.set(file, {
        file,
        valid: errorCount === 0,
        tokenCount: loaded.contexts[0]?.result.set.tokens.size ?? 0,
        errorCount,
        warningCount: loaded.diagnostics.length - errorCount,
        diagnostics: loaded.diagnostics,
        ...(loaded.contexts.length > 0 ? { contexts: loaded.contexts.map((context) => ({ name: context.name, tokenCount: context.result.set.tokens.size })) } : {}),
      });
      continue;
    }
    inputs.push({ file, text: read.text });
  }
  // Token files a named resolver reads are checked there, in their contexts (light and dark files redefine the same tokens).
  const plain = inputs.filter((input) => !throughResolver.has(input.file));
  const loads = options.isolated ? plain.map((input) => loadTokenSet([input])) : plain.length > 0 ? [loadTokenSet(plain)] : [];
  const diagnosticsByFile = new Map<string, Diagnostic[]>();
  const tokensByFile = new Map<string, number>();
  for (const loaded of loads) {
    for (const diagnostic of loaded.diagnostics) {
      diagnosticsByFile.set(diagnostic.file, [...(diagnosticsByFile.get(diagnostic.file) ?? []), diagnostic]);
    }
    for (const token of loaded.set.tokens.values()) {
      tokensByFile.set(token.source.file, (tokensByFile.get(token.source.file) ?? 0) + 1);
    }
  }
  return files.map((absolute) => {
    const file = displayPath(absolute, cwd);
    const resolved = resolvers.get(file);
    if (resolved) return resolved;
    if (throughResolver.has(file) && !unreadable.has(file)) {
      return { file, valid: true, tokenCount: 0, errorCount: 0, warningCount: 0, diagnostics: [], checkedBy: 'resolver' as const };
    }
    const failure = unreadable.get(file);
    const diagnostics = failure ? [failure] : (diagnosticsByFile.get(file) ?? []);
    const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
    return {
      file,
      valid: errorCount === 0,
      tokenCount: tokensByFile.get(file) ?? 0,
      errorCount,
      warningCount: diagnostics.length - errorCount,
      diagnostics,
    };
  });
}

export async function runValidate(args: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const files = await expandFileArguments(args, io.cwd);
  const results = await validateFiles(files, io.cwd, { isolated: Boolean(options.isolated) });
  const allValid = results.every((result) => result.valid);
  if (options.format === 'json') {
    io.stdout(`${escapeJsonForTerminal(JSON.stringify({ valid: allValid, files: results }, null, 2))}\n`);
    return allValid ? 0 : 1;
  }
  const c = colorsFor(io, options.color);
  for (const result of results) {
    const counts = [plural(result.errorCount, 'error'), plural(result.warningCount, 'warning')].filter(Boolean).join(', ');
    const status = result.valid ? c.green('valid') : c.red('invalid');
    if (result.checkedBy) {
      io.stdout(`${c.bold(terminalText(result.file))}: checked with the resolver document that reads it\n`);
      continue;
    }
    const contexts = result.contexts && result.contexts.length > 1 ? `; ${result.contexts.length} contexts: ${result.contexts.map((context) => context.name).map((name) => terminalText(name)).join(', ')}` : '';
    io.stdout(`${c.bold(terminalText(result.file))}: ${status}, ${plural(result.tokenCount, 'token') || '0 tokens'}${counts ? ` (${counts})` : ''}${contexts}\n`);
    for (const diagnostic of result.diagnostics) {
      const level = diagnostic.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      io.stdout(`  ${level} ${terminalText(formatDiagnosticLine(diagnostic))}  ${c.dim(terminalText(diagnostic.ruleId))}\n`);
    }
  }
  const invalid = results.filter((result) => !result.valid).length;
  const summary = `${plural(results.length, 'file')} checked: ${results.length - invalid} valid, ${invalid} invalid`;
  io.stdout(`\n${invalid ? c.red(summary) : c.green(summary)}\n`);
  return allValid ? 0 : 1;
}

function plural(count: number, noun: string): string {
  if (count === 0) return '';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
