import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { displayPath } from '../../core/paths.js';
import { decodeUtf8 } from '../../core/text-file.js';
import type { TokenLoadResult } from '../types.js';
import { CODES } from './report.js';
import { allInputs, defaultInput, inputName, parseResolverDocument, referencedFiles, resolveInput, uniqueDiagnostics } from './resolver.js';
import type { ResolverDocument, ResolverFile, ResolverInput } from './resolver.js';

export interface ResolvedContext {
  /** `theme=dark,size=large` (see `inputName`). */
  name: string;
  input: ResolverInput;
  isDefault: boolean;
  result: TokenLoadResult;
}

export interface LoadedResolver {
  /** Null when the document itself is invalid. */
  resolver: ResolverDocument | null;
  /** Every resolution (or, past `limit`, the default and one modifier changed at a time); the default first. */
  contexts: ResolvedContext[];
  /** Display names of the token files the resolver read. */
  files: string[];
  /** Absolute paths of every file the resolver references (read or not). */
  referenced: string[];
  /** Problems of the document and of every context, each once. */
  diagnostics: Diagnostic[];
}

export interface LoadResolverOptions {
  /** Display paths are relative to this folder. */
  cwd: string;
  /** Referenced files must lie inside one of these folders (default: the resolver's own folder). */
  roots?: readonly string[];
  /** Reads a referenced file that is not a DTCG JSON/YAML file (an imported format), when given. */
  readSource?: (absolute: string, display: string) => Promise<ResolverFile | undefined>;
  /** At most this many contexts are resolved (default 64). */
  limit?: number;
}

/** Reads a resolver document and the token files it references, and resolves its contexts. Never throws on bad input. */
export async function loadResolverFile(absolute: string, options: LoadResolverOptions): Promise<LoadedResolver> {
  const display = displayPath(absolute, options.cwd);
  const text = await readText(absolute, display);
  if ('diagnostic' in text) return { resolver: null, contexts: [], files: [], referenced: [], diagnostics: [text.diagnostic] };
  return resolveDocument(text.text, absolute, options);
}

export async function resolveDocument(text: string, absolute: string, options: LoadResolverOptions): Promise<LoadedResolver> {
  const display = displayPath(absolute, options.cwd);
  const parsed = parseResolverDocument(text, display);
  if (!parsed.resolver) return { resolver: null, contexts: [], files: [], referenced: [], diagnostics: parsed.diagnostics };
  const resolver = parsed.resolver;
  const folder = path.dirname(absolute);
  const roots = options.roots ?? [folder];
  const files = new Map<string, ResolverFile>();
  const referenced: string[] = [];
  for (const reference of referencedFiles(resolver)) {
    const target = path.resolve(folder, reference);
    referenced.push(target);
    const shown = displayPath(target, options.cwd);
    if (!roots.some((root) => isInside(target, root))) {
      files.set(reference, { diagnostic: problem(shown, 'it lies outside the project folder, which brandlint does not read') });
      continue;
    }
    const custom = options.readSource ? await options.readSource(target, shown) : undefined;
    files.set(reference, custom ?? (await readText(target, shown)));
  }
  const { inputs, complete } = allInputs(resolver, options.limit ?? 64);
  const base = defaultInput(resolver);
  const baseName = inputName(resolver, base);
  const contexts: ResolvedContext[] = [];
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  for (const input of inputs) {
    const name = inputName(resolver, input);
    const result = resolveInput(resolver, input, files);
    diagnostics.push(...result.diagnostics.map((diagnostic) => (name === baseName || diagnostic.severity !== 'error' ? diagnostic : { ...diagnostic, message: `${diagnostic.message} (in context ${name})` })));
    contexts.push({ name, input, isDefault: name === baseName, result });
  }
  contexts.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  if (!complete) {
    diagnostics.push({
      ruleId: CODES.resolverInput,
      severity: 'warning',
      message: `the modifiers combine into more than ${options.limit ?? 64} contexts; each context of each modifier is resolved with the others at their default`,
      file: display,
      range: null,
    });
  }
  const read = [...files.values()].flatMap((file) => ('file' in file ? [file.file] : []));
  return { resolver, contexts, files: read, referenced, diagnostics: dedupeAcrossContexts(diagnostics) };
}

/** The same problem met in several contexts is said once (without the context suffix when the default has it too). */
function dedupeAcrossContexts(diagnostics: Diagnostic[]): Diagnostic[] {
  const plain = new Set(diagnostics.filter((d) => !/ \(in context [^)]*\)$/.test(d.message)).map((d) => `${d.file}|${d.range?.start.offset}|${d.message}`));
  return uniqueDiagnostics(diagnostics.filter((d) => {
    const match = / \(in context [^)]*\)$/.exec(d.message);
    return !match || !plain.has(`${d.file}|${d.range?.start.offset}|${d.message.slice(0, match.index)}`);
  }));
}

async function readText(absolute: string, display: string): Promise<{ file: string; text: string } | { diagnostic: Diagnostic }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { diagnostic: problem(display, code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code ?? String(error)})`) };
  }
  const decoded = decodeUtf8(bytes, display);
  return decoded.ok ? { file: display, text: decoded.text } : { diagnostic: decoded.diagnostic };
}

function problem(file: string, message: string): Diagnostic {
  return { ruleId: CODES.readError, severity: 'error', message, file, range: null };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
