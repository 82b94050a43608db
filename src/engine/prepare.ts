/**
 * What a run needs before it lints a file: the configuration, the rules with their settings and
 * the brand. The main thread and every worker thread prepare the same from the same options.
 */
import { RULE_LOADERS } from '../../rules/index.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { loadConfig, type ResolvedConfig } from './config.js';
import { prepareRules, type RuleSet, type RuleSource } from './rules.js';

export interface PrepareOptions {
  cwd: string;
  /** `--config`: an explicit configuration file (else searched from `cwd` upward). */
  configFile?: string;
  /** The rule catalogue. Default: rules/index.ts and the rule packs. */
  rules?: RuleSource;
  /**
   * Keep the compiled brand between runs (brand-cache.ts): the folder, and what identifies the
   * brandlint that compiled it (a new build compiles again). The CLI passes it; the library does not.
   */
  brandCache?: { folder: string; build: string };
}

export interface PreparedRun {
  config: ResolvedConfig;
  /** The configuration file found, if any. */
  configFile: string | null;
  rules: RuleSet;
  brand: BrandModel | null;
  /** The token files the configuration names. */
  tokenFiles: string[];
  /** Every token file the brand was built from (a resolver's references included), when they differ. */
  brandInputFiles?: string[];
  /** Every file the rule packs were read from (Vale style folders included), when the packs were loaded. */
  packSources?: string[];
  /** Warnings about the configuration, the packs and the rule settings (not findings in content). */
  warnings: Diagnostic[];
}

export type PrepareOutcome =
  | {
      ok: false;
      /** What failed: configuration file, rule settings, or the brand's tokens/guidelines. */
      stage: 'config' | 'rules' | 'brand';
      message: string;
      /** Positioned problems to show (warnings included). */
      diagnostics: Diagnostic[];
    }
  | { ok: true; run: PreparedRun };

export async function prepareRun(options: PrepareOptions): Promise<PrepareOutcome> {
  const { cwd } = options;
  const loaded = await loadConfig({ cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  if (loaded.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, stage: 'config', message: 'the configuration is invalid', diagnostics: shown(loaded.diagnostics, cwd) };
  }
  const { config } = loaded;

  let rules = options.rules;
  /** Warnings about rule packs (Vale rules brandlint cannot run), and every file the packs were read from. */
  let packWarnings: Diagnostic[] = [];
  let packSources: string[] | undefined;
  if (!rules) {
    // Rule packs (shipped, the brand's, the configuration's `packs`) join the rule catalogue.
    const { loadRulePacks } = await import('../../rules/packs/load.js');
    const packs = await loadRulePacks({ files: config.packs, reservedIds: Object.keys(RULE_LOADERS) });
    if (packs.diagnostics.some((d) => d.severity === 'error')) {
      return { ok: false, stage: 'config', message: 'a rule pack is invalid', diagnostics: shown(packs.diagnostics, cwd) };
    }
    rules = { ...RULE_LOADERS, ...packs.catalogue };
    packWarnings = shown(packs.diagnostics, cwd);
    packSources = packs.sources;
  }
  const prepared = await prepareRules(config, rules, {
    configFile: loaded.file ? displayPath(loaded.file, cwd) : null,
    locate: loaded.locate,
  });
  if (prepared.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, stage: 'rules', message: 'the rule settings are invalid', diagnostics: prepared.diagnostics };
  }

  const { findTokenFiles } = await import('./brand.js');
  const tokenFiles = await findTokenFiles(config);
  const brand = await loadProjectBrand(config, cwd, tokenFiles, options.brandCache);
  if (!brand.ok) {
    return { ok: false, stage: 'brand', message: "the brand's tokens or guidelines have errors", diagnostics: brand.diagnostics };
  }
  return {
    ok: true,
    run: {
      config,
      configFile: loaded.file ?? null,
      rules: prepared.rules,
      brand: brand.model,
      tokenFiles,
      ...(brand.inputFiles ? { brandInputFiles: brand.inputFiles } : {}),
      ...(packSources ? { packSources } : {}),
      warnings: [...shown(loaded.diagnostics, cwd), ...packWarnings, ...prepared.diagnostics],
    },
  };
}

/**
 * The brand of the configuration: null when there are no token files and no guideline file
 * (lint still runs: rules get `brand: null`); errors in tokens or guidelines fail the run.
 */
async function loadProjectBrand(
  config: ResolvedConfig,
  cwd: string,
  tokenFiles: string[],
  brandCache: PrepareOptions['brandCache'],
): Promise<{ ok: true; model: BrandModel | null; /** Token files a resolver references besides `tokenFiles`. */ inputFiles?: string[] } | { ok: false; diagnostics: Diagnostic[] }> {
  if (!config.guidelines && tokenFiles.length === 0) return { ok: true, model: null };
  const cache = brandCache && {
    folder: brandCache.folder,
    salt: JSON.stringify([brandCache.build, cwd, tokenFiles, config.tokens, config.guidelines ?? null, config.build, config.contexts ?? null]),
  };
  if (cache) {
    const { readCachedBrand } = await import('./brand-cache.js');
    const cached = readCachedBrand(cache);
    if (cached) return { ok: true, model: cached.model, inputFiles: cached.inputFiles.filter((file) => file !== config.guidelines) };
  }
  const { loadBrand } = await import('./brand.js');
  const brand = await loadBrand(config, { cwd, tokenFiles });
  if (!brand.model || brand.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: brand.diagnostics };
  if (cache) {
    const { writeCachedBrand } = await import('./brand-cache.js');
    writeCachedBrand(cache, { model: brand.model, diagnostics: brand.diagnostics, inputFiles: [...brand.inputFiles, ...(config.guidelines ? [config.guidelines] : [])] });
  }
  return { ok: true, model: brand.model, ...(brand.inputFiles ? { inputFiles: brand.inputFiles } : {}) };
}

/** Configuration diagnostics name the file absolutely; show it relative to the working folder. */
export function shown(diagnostics: readonly Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file: displayPath(d.file, cwd) }));
}
