/**
 * A whole lint run as `brandlint lint` does it, without printing: configuration, rules, brand,
 * discovery, then the runner. Problems that stop the run before any file is linted (bad
 * configuration, unknown rule ids, bad rule options, a broken brand, a path that does not exist)
 * come back as a failed outcome; the CLI exits 2 on them.
 */
import path from 'node:path';
import { RULE_LOADERS } from '../../rules/index.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { globMatcher } from './channels.js';
import { loadConfig, toPosix, type ResolvedConfig } from './config.js';
import type { CampaignMatrix } from '../core/campaign.js';
import { runCampaigns } from './campaigns.js';
import { discoverFiles, DiscoveryError, type DiscoveredFile } from './discovery.js';
import type { LintNotice, LintResult } from './result.js';
import { prepareRules, type RuleSource } from './rules.js';
import { lintFiles, loadContentParser, type ContentParser, type ContentReader } from './runner.js';
import { cacheKey, FileLintCache } from './cache.js';
import { readContentFile } from './read.js';
import { selectShard, type ShardSpec } from './shard.js';

export interface LintProjectOptions {
  cwd: string;
  /** `--config`: an explicit configuration file (else searched from `cwd` upward). */
  configFile?: string;
  /** Files, folders or globs; none: the configured channel globs. */
  paths?: readonly string[];
  /** `--ignore-pattern` globs, relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** False with `--no-ignore`. */
  useIgnoreFiles?: boolean;
  fix?: 'write' | 'dry-run';
  maxFileSize?: number;
  /** The rule catalogue. Default: rules/index.ts. */
  rules?: RuleSource;
  /** The adapters' entry point. Default: `parseContent` of src/channels (null: none available). */
  parse?: ContentParser | null;
  /** `--cache`: where the cache lives (relative to `cwd`), and what else its key hashes (brandlint's version, built-in packs). */
  cache?: { location: string; version: string; extraFiles?: readonly string[] };
  /** `--shard i/n`: lint only this shard of the files found. */
  shard?: ShardSpec;
  /** Where file texts come from (default: disk); `--staged` reads the git index. */
  read?: ContentReader;
  /** Called after each file is linted. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Campaign siblings: files of the project (its configured channel globs, else every content file
   * under its folder) that belong to the same campaign as a linted file but were not asked for.
   * They are parsed as reference for the consistency rules and never reported on. Default: loaded
   * when `paths` are given or a `shard` is linted; `false` turns it off.
   */
  campaignSiblings?: boolean;
}

export const NO_BRAND_NOTICE = 'no brand configured: only generic checks ran. Run `brandlint init` to add one.';

export type LintProjectOutcome =
  | {
      ok: false;
      /** What failed: configuration file, rule settings, the brand's tokens/guidelines, or the paths given. */
      stage: 'config' | 'rules' | 'brand' | 'paths';
      message: string;
      /** Positioned problems to show (warnings included). */
      diagnostics: Diagnostic[];
    }
  | {
      ok: true;
      results: LintResult[];
      notices: LintNotice[];
      /** Warnings about the configuration (not findings in content). */
      configWarnings: Diagnostic[];
      brand: BrandModel | null;
      config: ResolvedConfig;
      /** The rules that were loaded (enabled somewhere), for reports that describe rules. */
      ruleInfo: Array<{ id: string; description: string; fixable: boolean }>;
      /** Cache statistics with `cache`: files answered from it and files linted. */
      cacheStats?: { hits: number; misses: number };
      /** The consistency matrix of each campaign a linted file belongs to. */
      campaigns: CampaignMatrix[];
    };

export async function lintProject(options: LintProjectOptions): Promise<LintProjectOutcome> {
  const { cwd } = options;
  const loaded = await loadConfig({ cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  if (loaded.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, stage: 'config', message: 'the configuration is invalid', diagnostics: shown(loaded.diagnostics, cwd) };
  }
  const { config } = loaded;

  let rules = options.rules;
  if (!rules) {
    // Rule packs (shipped, the brand's, the configuration's `packs`) join the rule catalogue.
    const { loadRulePacks } = await import('../../rules/packs/load.js');
    const packs = await loadRulePacks({ files: config.packs, reservedIds: Object.keys(RULE_LOADERS) });
    if (packs.diagnostics.some((d) => d.severity === 'error')) {
      return { ok: false, stage: 'config', message: 'a rule pack is invalid', diagnostics: shown(packs.diagnostics, cwd) };
    }
    rules = { ...RULE_LOADERS, ...packs.catalogue };
  }
  const prepared = await prepareRules(config, rules, {
    configFile: loaded.file ? displayPath(loaded.file, cwd) : null,
    locate: loaded.locate,
  });
  if (prepared.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, stage: 'rules', message: 'the rule settings are invalid', diagnostics: prepared.diagnostics };
  }

  const notices: LintNotice[] = [];
  const { findTokenFiles } = await import('./brand.js');
  const tokenFiles = await findTokenFiles(config);
  const brand = await loadProjectBrand(config, cwd, tokenFiles);
  if (!brand.ok) {
    return { ok: false, stage: 'brand', message: "the brand's tokens or guidelines have errors", diagnostics: brand.diagnostics };
  }
  if (!brand.model) notices.push({ kind: 'no-brand', message: NO_BRAND_NOTICE });

  let discovery;
  try {
    discovery = await discoverFiles({
      cwd,
      config,
      ...(options.paths ? { paths: options.paths } : {}),
      ...(options.ignorePatterns ? { ignorePatterns: options.ignorePatterns } : {}),
      ...(options.useIgnoreFiles !== undefined ? { useIgnoreFiles: options.useIgnoreFiles } : {}),
    });
  } catch (error) {
    if (error instanceof DiscoveryError) return { ok: false, stage: 'paths', message: error.message, diagnostics: [] };
    throw error;
  }
  notices.push(...discovery.notices);
  if (discovery.files.length === 0 && discovery.notices.length === 0) notices.push({ kind: 'no-files', message: 'no content files to lint' });

  const campaignOf = campaignResolver(config);
  // The text of a file that is not linted yet (shard placement, campaign siblings), read as the runner reads it.
  const readText = async (file: DiscoveredFile): Promise<string | undefined> => {
    const readOptions = options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {};
    const read = await (options.read ? options.read(file, readOptions) : readContentFile(file.absolutePath, file.file, readOptions));
    return read.kind === 'text' ? read.text : undefined;
  };
  const files = options.shard ? await selectShard(discovery.files, options.shard, { rootDir: config.rootDir, campaignOf, readText }) : discovery.files;
  const cache = options.cache ? await openProjectCache(options.cache, config, [...(loaded.file ? [loaded.file] : []), ...(brand.inputFiles ?? tokenFiles)], cwd) : undefined;
  const parse = options.parse !== undefined ? options.parse : files.length > 0 ? await loadContentParser() : null;
  const run = await lintFiles({
    files,
    rules: prepared.rules,
    brand: brand.model,
    parse,
    campaignOf,
    defaultLocale: config.locale,
    ...(options.fix ? { fix: options.fix } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.read ? { read: options.read } : {}),
    ...(cache ? { cache } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await cache?.save();
  notices.push(...run.notices);

  const wantSiblings = options.campaignSiblings ?? ((options.paths?.length ?? 0) > 0 || options.shard !== undefined);
  const loadSiblings = async (campaignIds: ReadonlySet<string>): Promise<LintResult[]> => {
    const asked = new Set(files.map((file) => file.absolutePath));
    let pool: readonly DiscoveredFile[] = discovery.files;
    if ((options.paths?.length ?? 0) > 0) {
      try {
        pool = (await discoverFiles({ cwd: config.rootDir, config, ...(options.useIgnoreFiles !== undefined ? { useIgnoreFiles: options.useIgnoreFiles } : {}) })).files;
      } catch {
        return [];
      }
    }
    // Only files that can belong to one of the campaigns are parsed: assigned by the configuration,
    // or naming the campaign somewhere in their text (front matter, <meta>, utm_campaign, bot metadata).
    const ids = [...campaignIds];
    const mayBelong = async (file: DiscoveredFile): Promise<DiscoveredFile | null> => {
      const campaign = campaignOf(file.absolutePath);
      if (campaign !== undefined) return campaignIds.has(campaign) ? file : null;
      const text = await readText(file);
      return text !== undefined && ids.some((id) => text.includes(id)) ? file : null;
    };
    const unasked = pool.filter((file) => !asked.has(file.absolutePath));
    const candidates: Array<DiscoveredFile | null> = [];
    for (let start = 0; start < unasked.length; start += 16) candidates.push(...(await Promise.all(unasked.slice(start, start + 16).map(mayBelong))));
    const others = candidates.filter((file): file is DiscoveredFile => file !== null).map((file) => ({ ...file, file: displayPath(file.absolutePath, cwd) }));
    if (others.length === 0) return [];
    const reference = await lintFiles({
      files: others,
      rules: prepared.rules,
      brand: brand.model,
      parse: parse ?? (await loadContentParser()),
      campaignOf,
      referenceOnly: true,
      ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
      ...(options.read ? { read: options.read } : {}),
      // A cached full result carries the facts a sibling needs (its findings are not reported).
      ...(cache ? { cache } : {}),
    });
    return reference.results;
  };
  const consistency = await runCampaigns({
    cwd,
    config,
    results: run.results,
    rules: prepared.rules,
    brand: brand.model,
    ...(wantSiblings ? { loadSiblings } : {}),
  });
  return {
    ok: true,
    results: consistency.results,
    campaigns: consistency.campaigns,
    notices,
    configWarnings: [...shown(loaded.diagnostics, cwd), ...prepared.diagnostics],
    brand: brand.model,
    config,
    ruleInfo: [...prepared.rules.loaded].map(([id, rule]) => ({ id, description: rule.meta.description, fixable: rule.meta.fixable })),
    ...(cache ? { cacheStats: { hits: cache.hits, misses: cache.misses } } : {}),
  };
}

/** Opens the `--cache` file with a key over everything that changes results. */
async function openProjectCache(
  options: NonNullable<LintProjectOptions['cache']>,
  config: ResolvedConfig,
  /** The configuration file and the token files, as the run found them. */
  brandFiles: readonly string[],
  cwd: string,
): Promise<FileLintCache> {
  const { glob } = await import('tinyglobby');
  const packFiles = config.packs.length > 0 ? await glob(config.packs.map((pattern) => toPosix(pattern)), { absolute: true, onlyFiles: true }) : [];
  const inputs = [
    ...brandFiles,
    ...(config.guidelines ? [config.guidelines] : []),
    ...packFiles,
    ...(options.extraFiles ?? []),
  ];
  return FileLintCache.open(path.resolve(cwd, options.location), await cacheKey(options.version, inputs));
}

/**
 * The brand of the configuration: null when there are no token files and no guideline file
 * (lint still runs: rules get `brand: null`); errors in tokens or guidelines fail the run.
 */
async function loadProjectBrand(
  config: ResolvedConfig,
  cwd: string,
  tokenFiles: string[],
): Promise<{ ok: true; model: BrandModel | null; /** Token files a resolver references besides `tokenFiles`. */ inputFiles?: string[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const { loadBrand } = await import('./brand.js');
  if (!config.guidelines && tokenFiles.length === 0) return { ok: true, model: null };
  const brand = await loadBrand(config, { cwd, tokenFiles });
  if (!brand.model || brand.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: brand.diagnostics };
  return { ok: true, model: brand.model, inputFiles: brand.inputFiles };
}

/** The campaign `campaigns.assign` gives a file (first id in the configuration's order). */
export function campaignResolver(config: Pick<ResolvedConfig, 'campaigns'>): (absolutePath: string) => string | undefined {
  const matchers = Object.entries(config.campaigns.assign).map(([id, globs]) => ({ id, matches: globMatcher(globs) }));
  if (matchers.length === 0) return () => undefined;
  return (absolutePath) => matchers.find(({ matches }) => matches(toPosix(absolutePath)))?.id;
}

/** Configuration diagnostics name the file absolutely; show it relative to the working folder. */
function shown(diagnostics: readonly Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file: displayPath(d.file, cwd) }));
}
