import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import { createBrandModel, type BrandContexts, type BrandModel, type ContextInput } from '../tokens/brand-model.js';
import { loadGuidelines } from '../tokens/guidelines.js';
import type { Guidelines } from '../tokens/guidelines.js';
import type { TokenSet } from '../tokens/types.js';
import { loadBrandTokens, type BrandTokenContext } from './brand-tokens.js';
import type { ResolvedConfig } from './config.js';

export interface LoadedBrand {
  /** Absolute paths of the token files found, sorted. */
  tokenFiles: string[];
  /** Absolute paths of every token file the brand depends on: those found and those a resolver references. */
  inputFiles: string[];
  /** The tokens of the default context. */
  set: TokenSet;
  /** Every context's tokens (the default first); one when the tokens have no modifiers. */
  contexts: BrandTokenContext[];
  guidelines: Guidelines | null;
  /** Null when the tokens or guidelines have errors. */
  model: BrandModel | null;
  diagnostics: Diagnostic[];
}

/** Token files named by the config's globs (absolute, relative to the config folder), sorted for determinism. */
export async function findTokenFiles(config: ResolvedConfig): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const patterns = config.tokens.map((pattern) => {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    const relative = path.posix.relative(config.rootDir.split(path.sep).join('/'), body);
    return (negated ? '!' : '') + relative;
  });
  const files = await glob(patterns, { cwd: config.rootDir, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
  return files.map((file) => path.normalize(file)).sort();
}

/**
 * Loads the brand a configuration names: its tokens (DTCG files, a DTCG resolver document, or
 * files of other formats imported in memory) in every context, its guideline file, and the brand
 * model derived from both. Never throws for bad input: every problem is a positioned diagnostic.
 */
export async function loadBrand(
  config: ResolvedConfig,
  options: { cwd: string; /** Token files already found with {@link findTokenFiles}. */ tokenFiles?: string[] },
): Promise<LoadedBrand> {
  const tokenFiles = options.tokenFiles ?? (await findTokenFiles(config));
  const tokens = await loadBrandTokens(config, tokenFiles, options.cwd);
  const diagnostics = [...tokens.diagnostics];
  const defaultContext = tokens.contexts[0] as BrandTokenContext;

  let guidelines: Guidelines | null = null;
  let locate;
  const guidelinesFile = config.guidelines ? displayPath(config.guidelines, options.cwd) : undefined;
  if (config.guidelines) {
    const result = await loadGuidelines(config.guidelines);
    guidelines = result.guidelines;
    locate = result.locate;
    diagnostics.push(...result.diagnostics.map((d) => ({ ...d, file: guidelinesFile ?? d.file })));
  }

  const modelOptions = {
    remBase: config.build.remBase,
    ...(config.build.prefix ? { prefix: config.build.prefix } : {}),
  };
  const { model, diagnostics: modelDiagnostics } = createBrandModel(defaultContext.set, guidelines, {
    ...modelOptions,
    ...(guidelinesFile ? { guidelinesFile } : {}),
    ...(locate ? { locateInGuidelines: locate } : {}),
  });
  diagnostics.push(...modelDiagnostics);
  const contexts = brandContexts(config, tokens, modelOptions, diagnostics, options.cwd);
  if (contexts) model.contexts = contexts;
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { tokenFiles, inputFiles: [...new Set([...tokenFiles, ...tokens.referenced])].sort(), set: defaultContext.set, contexts: tokens.contexts, guidelines, model: failed ? null : model, diagnostics };
}

/** The contexts of the brand model: every context's palette, dark mode, and the configuration's scopes. */
function brandContexts(
  config: ResolvedConfig,
  tokens: Awaited<ReturnType<typeof loadBrandTokens>>,
  modelOptions: { remBase: number; prefix?: string },
  diagnostics: Diagnostic[],
  cwd: string,
): BrandContexts | undefined {
  const configured = config.contexts.dark !== null || config.contexts.selectors.length > 0 || config.contexts.files.length > 0;
  if (tokens.modifiers.length === 0) {
    if (configured) {
      diagnostics.push({
        ruleId: 'config/contexts',
        severity: 'warning',
        message: '`contexts` is configured, but the brand\'s tokens have no modifiers (no resolver document with light/dark or sub-brand contexts); it is ignored',
        file: configPlace(config, cwd),
        range: null,
      });
    }
    return undefined;
  }
  const defaultInput = tokens.contexts[0]?.input ?? {};
  const known = new Map(tokens.modifiers.map((modifier) => [modifier.name, modifier]));
  const checkInput = (input: ContextInput, where: string): boolean => {
    for (const [name, value] of Object.entries(input)) {
      const modifier = known.get(name);
      const problem = !modifier
        ? `unknown modifier "${name}" (the brand's are ${[...known.keys()].join(', ')})`
        : !modifier.contexts.includes(value)
          ? `"${value}" is not a context of modifier "${name}" (expected ${modifier.contexts.join(', ')})`
          : undefined;
      if (problem) {
        diagnostics.push({ ruleId: 'config/contexts', severity: 'error', message: `contexts.${where}: ${problem}`, file: configPlace(config, cwd), range: null });
        return false;
      }
    }
    return true;
  };
  let dark: ContextInput | null = null;
  if (config.contexts.dark) dark = checkInput(config.contexts.dark, 'dark') ? { ...defaultInput, ...config.contexts.dark } : null;
  else {
    // The context named "dark" (else the first whose name says dark) of the first modifier that has one.
    for (const modifier of tokens.modifiers) {
      const name = modifier.contexts.find((context) => /^dark$/i.test(context)) ?? modifier.contexts.find((context) => /dark/i.test(context) && context !== modifier.defaultContext);
      if (name && name !== modifier.defaultContext) {
        dark = Object.assign(Object.create(null) as ContextInput, defaultInput, { [modifier.name]: name });
        break;
      }
    }
  }
  const selectors = config.contexts.selectors.filter((entry) => checkInput(entry.input, `selectors["${entry.selector}"]`));
  const files = config.contexts.files.filter((entry, index) => checkInput(entry.input, `files[${index}]`));
  return {
    modifiers: tokens.modifiers,
    active: defaultInput,
    dark,
    selectors,
    files,
    resolved: tokens.contexts.map((context) => ({
      name: context.name,
      input: context.input,
      isDefault: context.isDefault,
      palette: createBrandModel(context.set, null, modelOptions).model.palette,
    })),
  };
}

/** Where configuration problems found while loading the brand are said: the configuration's folder. */
function configPlace(config: ResolvedConfig, cwd: string): string {
  return displayPath(config.rootDir, cwd) || '.';
}
