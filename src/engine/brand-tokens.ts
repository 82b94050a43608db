/**
 * The brand's tokens as the configuration names them: DTCG files, a DTCG resolver document,
 * and files of other formats loaded through the importer (no conversion step on disk). The
 * result is one token set per context (the default first) and the modifiers that make them.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import { readTextFile } from '../core/text-file.js';
import { loadTokenSet } from '../tokens/dtcg/load.js';
import type { TokenInput } from '../tokens/dtcg/load.js';
import { loadResolverFile } from '../tokens/dtcg/resolver-files.js';
import { allInputs, defaultInput, inputName, isResolverFileName, modifiersOf, parseResolverDocument, resolveInput } from '../tokens/dtcg/resolver.js';
import type { ResolverFile, ResolverInput } from '../tokens/dtcg/resolver.js';
import type { ImportFormat } from '../tokens/import/model.js';
import type { TokenSet } from '../tokens/types.js';
import type { ResolvedConfig } from './config.js';

export interface BrandTokenContext {
  name: string;
  input: ResolverInput;
  isDefault: boolean;
  set: TokenSet;
}

export interface BrandTokens {
  /** The default context first; exactly one when the tokens have no modifiers. */
  contexts: BrandTokenContext[];
  modifiers: Array<{ name: string; contexts: string[]; defaultContext: string }>;
  /** Absolute paths of the files read besides those `tokens` matched (what a resolver references). */
  referenced: string[];
  diagnostics: Diagnostic[];
}

const CONTEXT_LIMIT = 64;

export async function loadBrandTokens(config: ResolvedConfig, tokenFiles: readonly string[], cwd: string): Promise<BrandTokens> {
  const formatMatchers = config.tokenFormats.map((entry) => ({ entry, matches: picomatch(entry.files.map(toPosix), { dot: true }) }));
  const formatOf = (file: string) => formatMatchers.find(({ matches }) => matches(toPosix(file)))?.entry;
  const resolvers = tokenFiles.filter((file) => isResolverFileName(file) && !formatOf(file));
  const diagnostics: Diagnostic[] = [];

  if (resolvers.length > 1) {
    return {
      contexts: [emptyContext()],
      modifiers: [],
      referenced: [],
      diagnostics: resolvers.slice(1).map((file) => ({
        ruleId: 'dtcg/resolver-input',
        severity: 'error',
        message: `several resolver documents are named by \`tokens\` (${resolvers.map((other) => displayPath(other, cwd)).join(', ')}); a brand has one`,
        file: displayPath(file, cwd),
        range: null,
      })),
    };
  }

  const resolverFile = resolvers[0];
  if (resolverFile) {
    const imported: Diagnostic[] = [];
    const loaded = await loadResolverFile(resolverFile, {
      cwd,
      roots: [config.rootDir],
      limit: CONTEXT_LIMIT,
      readSource: async (absolute, display) => {
        const entry = formatOf(absolute);
        if (!entry) return undefined;
        const read = await readTextFile(absolute, display);
        if (!read.ok) return { diagnostic: read.diagnostic };
        const result = await importFiles([{ file: display, text: read.text }], entry.format, entry.emBase, config.build.remBase);
        imported.push(...result.diagnostics);
        const main = result.files.find((file) => file.path !== result.resolver);
        if (result.resolver) {
          imported.push({ ruleId: 'import/converted', severity: 'warning', message: 'the file has modes; only its default values are used where the resolver references it (import it with `brandlint tokens import` to keep them)', file: display, range: null });
        }
        return main ? { file: display, text: main.text } : { diagnostic: { ruleId: 'import/input', severity: 'error', message: 'no tokens could be imported from it', file: display, range: null } };
      },
    });
    diagnostics.push(...loaded.diagnostics, ...imported);
    const read = new Set(loaded.files);
    for (const file of tokenFiles) {
      const shown = displayPath(file, cwd);
      if (file === resolverFile || read.has(shown)) continue;
      diagnostics.push({
        ruleId: 'dtcg/resolver-input',
        severity: 'warning',
        message: `matched by \`tokens\` but not part of the resolver ${displayPath(resolverFile, cwd)}; it is not loaded (reference it from a set or modifier)`,
        file: shown,
        range: null,
      });
    }
    const contexts = loaded.contexts.map((context) => ({ name: context.name, input: context.input, isDefault: context.isDefault, set: context.result.set }));
    const modifiers = loaded.resolver ? describeModifiers(modifiersOf(loaded.resolver)) : [];
    return { contexts: contexts.length > 0 ? contexts : [emptyContext()], modifiers, referenced: loaded.referenced, diagnostics };
  }

  // DTCG files, and files of other formats imported in memory.
  const plain: TokenInput[] = [];
  for (const file of tokenFiles) {
    if (formatOf(file)) continue;
    const shown = displayPath(file, cwd);
    const read = await readTextFile(file, shown);
    if (read.ok) plain.push({ file: shown, text: read.text });
    else diagnostics.push({ ...read.diagnostic, ruleId: 'dtcg/read-error', message: `cannot read token file: ${read.diagnostic.message}` });
  }
  const imports: ImportedGroup[] = [];
  for (const { entry } of formatMatchers) {
    const files = tokenFiles.filter((file) => formatOf(file) === entry);
    if (files.length === 0) continue;
    const inputs: Array<{ file: string; text: string }> = [];
    for (const file of files) {
      const shown = displayPath(file, cwd);
      const read = await readTextFile(file, shown);
      if (read.ok) inputs.push({ file: shown, text: read.text });
      else diagnostics.push(read.diagnostic);
    }
    if (inputs.length === 0) continue;
    const result = await importFiles(inputs, entry.format, entry.emBase, config.build.remBase, async (file) => {
      const absolute = path.resolve(cwd, file);
      if (!isInside(absolute, config.rootDir)) return { error: 'it is outside the project folder' };
      const read = await readTextFile(absolute, file);
      return read.ok ? { file, text: read.text } : { error: read.diagnostic.message };
    });
    diagnostics.push(...result.diagnostics);
    imports.push({ label: `imported from ${inputs[0]?.file ?? ''}${inputs.length > 1 ? ` and ${inputs.length - 1} more` : ''}`, result });
  }

  const remap = remapper(imports);
  if (!imports.some((group) => group.result.resolver)) {
    const inputs = [...plain, ...imports.flatMap((group) => group.result.files.map((file) => ({ file: virtualName(group, file.path), text: file.text })))];
    const loaded = loadTokenSet(inputs);
    diagnostics.push(...loaded.diagnostics.map(remap));
    return { contexts: [{ name: 'default', input: Object.create(null) as ResolverInput, isDefault: true, set: loaded.set }], modifiers: [], referenced: [], diagnostics };
  }

  // Imported modes: one resolver over everything (plain files and flat imports are the base set).
  const files = new Map<string, ResolverFile>();
  const base: string[] = [];
  for (const input of plain) {
    files.set(input.file, input);
    base.push(input.file);
  }
  const modifiers = new Map<string, { contexts: Map<string, string[]>; defaultContext: string }>();
  for (const group of imports) {
    for (const file of group.result.files) {
      if (file.path === group.result.resolver) continue;
      files.set(virtualName(group, file.path), { file: virtualName(group, file.path), text: file.text });
    }
    const resolverText = group.result.files.find((file) => file.path === group.result.resolver)?.text;
    if (!resolverText) {
      base.push(...group.result.files.map((file) => virtualName(group, file.path)));
      continue;
    }
    const plan = JSON.parse(resolverText) as GeneratedResolver;
    base.push(...(plan.sets?.base?.sources ?? []).map((source) => virtualName(group, source.$ref)));
    for (const [name, modifier] of Object.entries(plan.modifiers ?? {})) {
      const merged = modifiers.get(name) ?? { contexts: new Map<string, string[]>(), defaultContext: modifier.default };
      for (const [context, sources] of Object.entries(modifier.contexts)) {
        merged.contexts.set(context, [...(merged.contexts.get(context) ?? []), ...sources.map((source) => virtualName(group, source.$ref))]);
      }
      modifiers.set(name, merged);
    }
  }
  const document = {
    version: '2025.10',
    sets: { base: { sources: base.map((file) => ({ $ref: file })) } },
    modifiers: Object.fromEntries(
      [...modifiers].map(([name, modifier]) => [name, { contexts: Object.fromEntries([...modifier.contexts].map(([context, sources]) => [context, sources.map(($ref) => ({ $ref }))])), default: modifier.defaultContext }]),
    ),
    resolutionOrder: [{ $ref: '#/sets/base' }, ...[...modifiers.keys()].map((name) => ({ $ref: `#/modifiers/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}` }))],
  };
  const parsed = parseResolverDocument(JSON.stringify(document), 'brand tokens (composed)');
  if (!parsed.resolver) return { contexts: [emptyContext()], modifiers: [], referenced: [], diagnostics: [...diagnostics, ...parsed.diagnostics] };
  const resolver = parsed.resolver;
  const baseName = inputName(resolver, defaultInput(resolver));
  const contexts: BrandTokenContext[] = [];
  const seen = new Set<string>();
  for (const input of allInputs(resolver, CONTEXT_LIMIT).inputs) {
    const name = inputName(resolver, input);
    const result = resolveInput(resolver, input, files);
    for (const diagnostic of result.diagnostics.map(remap)) {
      const key = `${diagnostic.file}|${diagnostic.range?.start.offset}|${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(diagnostic);
    }
    contexts.push({ name, input, isDefault: name === baseName, set: result.set });
  }
  contexts.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return { contexts, modifiers: describeModifiers(modifiersOf(resolver)), referenced: [], diagnostics };
}

interface GeneratedResolver {
  sets?: { base?: { sources: Array<{ $ref: string }> } };
  modifiers?: Record<string, { contexts: Record<string, Array<{ $ref: string }>>; default: string }>;
}

interface ImportedGroup {
  label: string;
  result: Awaited<ReturnType<typeof importFiles>>;
}

async function importFiles(
  inputs: Array<{ file: string; text: string }>,
  format: ImportFormat,
  emBase: number | undefined,
  remBase: number,
  readImport?: (file: string) => Promise<{ file: string; text: string } | { error: string }>,
) {
  // The importer is loaded only when a configuration names files of another format.
  const { importTokens } = await import('../tokens/import/index.js');
  return importTokens(inputs, { from: format, remBase, ...(emBase !== undefined ? { emBase } : {}), ...(readImport ? { readImport } : {}) });
}

function virtualName(group: ImportedGroup, file: string): string {
  return `${file} (${group.label})`;
}

/** Problems of imported tokens are said at the place in the source file the token came from. */
function remapper(groups: readonly ImportedGroup[]): (diagnostic: Diagnostic) => Diagnostic {
  const byName = new Map<string, ImportedGroup & { stem: string }>();
  for (const group of groups) {
    for (const file of group.result.files) byName.set(virtualName(group, file.path), { ...group, stem: file.path.replace(/\.tokens\.json$/, '') });
  }
  return (diagnostic) => {
    const group = byName.get(diagnostic.file);
    if (!group) return diagnostic;
    const source = diagnostic.tokenPath ? group.result.sources.get(`${group.stem}|${diagnostic.tokenPath}`) : undefined;
    return source ? { ...diagnostic, file: source.file, range: source.range } : diagnostic;
  };
}

function describeModifiers(modifiers: ReturnType<typeof modifiersOf>): BrandTokens['modifiers'] {
  return modifiers.map((modifier) => ({
    name: modifier.name,
    contexts: [...modifier.contexts.keys()],
    defaultContext: modifier.defaultContext ?? modifier.contexts.keys().next().value ?? '',
  }));
}

function emptyContext(): BrandTokenContext {
  return { name: 'default', input: Object.create(null) as ResolverInput, isDefault: true, set: { files: [], tokens: new Map() } };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
