import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import { createBrandModel, type BrandModel } from '../tokens/brand-model.js';
import { loadTokenFiles } from '../tokens/dtcg/index.js';
import { loadGuidelines } from '../tokens/guidelines.js';
import type { Guidelines } from '../tokens/guidelines.js';
import type { TokenSet } from '../tokens/types.js';
import type { ResolvedConfig } from './config.js';

export interface LoadedBrand {
  /** Absolute paths of the token files found, sorted. */
  tokenFiles: string[];
  set: TokenSet;
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
 * Loads the brand a configuration names: its DTCG token files merged into one set, its
 * guideline file, and the brand model derived from both. Never throws for bad input:
 * every problem is a positioned diagnostic.
 */
export async function loadBrand(
  config: ResolvedConfig,
  options: { cwd: string; /** Token files already found with {@link findTokenFiles}. */ tokenFiles?: string[] },
): Promise<LoadedBrand> {
  const tokenFiles = options.tokenFiles ?? (await findTokenFiles(config));
  const loaded = await loadTokenFiles(tokenFiles, { cwd: options.cwd });
  const diagnostics = [...loaded.diagnostics];

  let guidelines: Guidelines | null = null;
  let locate;
  const guidelinesFile = config.guidelines ? displayPath(config.guidelines, options.cwd) : undefined;
  if (config.guidelines) {
    const result = await loadGuidelines(config.guidelines);
    guidelines = result.guidelines;
    locate = result.locate;
    diagnostics.push(...result.diagnostics.map((d) => ({ ...d, file: guidelinesFile ?? d.file })));
  }

  const { model, diagnostics: modelDiagnostics } = createBrandModel(loaded.set, guidelines, {
    remBase: config.build.remBase,
    ...(config.build.prefix ? { prefix: config.build.prefix } : {}),
    ...(guidelinesFile ? { guidelinesFile } : {}),
    ...(locate ? { locateInGuidelines: locate } : {}),
  });
  diagnostics.push(...modelDiagnostics);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { tokenFiles, set: loaded.set, guidelines, model: failed ? null : model, diagnostics };
}
