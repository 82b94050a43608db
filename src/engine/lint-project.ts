/**
 * A whole lint run as `brandlint lint` does it, without printing: configuration, rules, brand,
 * discovery, then the runner (on worker threads for a large run), then the campaign phase.
 * Problems that stop the run before any file is linted (bad configuration, unknown rule ids, bad
 * rule options, a broken brand, a path that does not exist, an unusable cache location) come
 * back as a failed outcome; the CLI exits 2 on them.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { toPosix, type ResolvedConfig } from './config.js';
import type { CampaignMatrix } from '../core/campaign.js';
import { runCampaigns } from './campaigns.js';
import { campaignResolver } from './campaign-resolver.js';
import { hasAdapter } from './channels.js';
import { discoverFiles, DiscoveryError, type DiscoveredFile } from './discovery.js';
import { lintInPool, workerCount, type Concurrency } from './pool.js';
import { prepareRun, type PreparedRun } from './prepare.js';
import { cannotApplyNotices, collapseNotices, notLintedNotice } from './notices.js';
import type { LintNotice, LintResult } from './result.js';
import { ResultStore, type ResultStoreMode } from './result-store.js';
import type { RuleSource } from './rules.js';
import { lintFiles, loadContentParser, type ContentParser, type ContentReader } from './runner.js';
import { CacheLocationError, cacheFolderFor, cacheKey, FolderLintCache } from './cache.js';
import { readContentFile } from './read.js';
import { selectShard, type ShardSpec } from './shard.js';
import { timelineMark } from './timeline.js';

export { campaignResolver };

export interface LintProjectOptions {
  cwd: string;
  /** `--config`: an explicit configuration file (else searched from `cwd` upward). */
  configFile?: string;
  /** Files, folders or globs; none: the configured channel globs. */
  paths?: readonly string[];
  /** The paths only pick among the files a run without paths would lint (`DiscoverOptions.projectFilesOnly`). */
  projectFilesOnly?: boolean;
  /** `--ignore-pattern` globs, relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** False with `--no-ignore`: no `.gitignore`, `.brandlintignore` or configured `ignorePatterns`. */
  useIgnoreFiles?: boolean;
  /** `--ignore-path`: the ignore file to use instead of the project's `.brandlintignore` (relative to `cwd`). */
  ignorePath?: string;
  fix?: 'write' | 'dry-run';
  maxFileSize?: number;
  /** The rule catalogue. Default: rules/index.ts. */
  rules?: RuleSource;
  /** The adapters' entry point. Default: `parseContent` of src/channels (null: none available). */
  parse?: ContentParser | null;
  /**
   * `--cache`: where the cache lives (relative to `cwd`; a trailing slash or an existing folder that
   * is not a cache holds it as `.brandlintcache`, see cacheFolderFor), and what else its key hashes
   * (brandlint's version, built-in packs).
   */
  cache?: { location: string; version: string; extraFiles?: readonly string[] };
  /** `--shard i/n`: lint only this shard of the files found. */
  shard?: ShardSpec;
  /** Where file texts come from (default: disk); `--staged` reads the git index. */
  read?: ContentReader;
  /**
   * `--stdin --stdin-filename`: lint this text as the file `file` (relative to `cwd`; it need not
   * exist) instead of `paths`. The path decides the channel, the brand context, the campaign and
   * the overrides that apply, and ignore files still apply to it (a notice says so). Fixes are
   * never written: with `fix`, ask for `'dry-run'` and read the result's `output`.
   */
  text?: { file: string; text: string };
  /** Called after each file is linted. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Campaign siblings: files of the project (its configured channel globs, else every content file
   * under its folder) that belong to the same campaign as a linted file but were not asked for.
   * They are parsed as reference for the consistency rules and never reported on. Default: loaded
   * when `paths` are given or a `shard` is linted; `false` turns it off.
   */
  campaignSiblings?: boolean;
  /**
   * Worker threads: a number, `off`, or `auto` (threads when the run is large enough to pay for
   * them; see pool.ts). Default `off`: the library lints on the calling thread unless asked.
   */
  concurrency?: Concurrency;
  /**
   * `spill`: finished results wait for the report in a temporary file instead of memory (see
   * result-store.ts); read them through `store`. Default `memory`.
   */
  store?: ResultStoreMode;
  /**
   * With `store: 'spill'`: the caller writes a JSON report of the results as they are, so each
   * spilled result keeps its entry of it, written by the thread that linted the file (json-entry.ts).
   * `only`: the caller reads nothing else of a spilled result (its file, counts and score), so only
   * the entry is written; reading a spilled result's findings then throws.
   */
  jsonEntries?: boolean | 'only';
  /** Time the rules may take on one file before it is stopped (default 60 s). */
  timeLimitMs?: number;
  /** Keep the compiled brand between runs (see brand-cache.ts and prepare.ts). */
  brandCache?: { folder: string; build: string };
  /**
   * What an earlier {@link prepareRun} of the same `cwd` and `configFile` gave (configuration, rules,
   * brand): a long-lived caller (the language server) prepares once and lints many times.
   */
  prepared?: PreparedRun;
  /**
   * Campaign siblings parsed by earlier runs with the same `prepared` run, by absolute path with
   * the text they were parsed from: a sibling whose text is unchanged is not parsed again. The
   * caller owns it and drops it when the configuration or the brand changes.
   */
  siblingCache?: Map<string, { text: string; result: LintResult }>;
}

export const NO_BRAND_NOTICE = 'no brand configured: only generic checks ran. Run `brandlint init` to add one.';

export type LintProjectOutcome =
  | {
      ok: false;
      /** What failed: configuration file, rule settings, the brand's tokens/guidelines, the paths given, or the cache location. */
      stage: 'config' | 'rules' | 'brand' | 'paths' | 'cache';
      message: string;
      /** Positioned problems to show (warnings included). */
      diagnostics: Diagnostic[];
    }
  | {
      ok: true;
      /** Every result, in report order (read from `store`; with `store: 'spill'`, prefer iterating `store`). */
      readonly results: LintResult[];
      /** The results, one at a time, in report order. */
      store: ResultStore;
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

export async function lintProject(given: LintProjectOptions): Promise<LintProjectOutcome> {
  const options = given.text ? textAsFile(given, given.text) : given;
  const { cwd } = options;
  timelineMark('prepare+');
  const prepared: Awaited<ReturnType<typeof prepareRun>> = options.prepared ? { ok: true, run: options.prepared } : await prepareRun({
    cwd,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.brandCache ? { brandCache: options.brandCache } : {}),
  });
  timelineMark('prepare-');
  if (!prepared.ok) return prepared;
  const { run: setup } = prepared;
  const { config, brand } = setup;

  const notices: LintNotice[] = [];
  if (!brand) notices.push({ kind: 'no-brand', message: NO_BRAND_NOTICE });
  let discovery;
  timelineMark('discovery+');
  try {
    discovery = await discoverFiles({
      cwd,
      config,
      ...(options.paths ? { paths: options.paths } : {}),
      ...(options.projectFilesOnly ? { projectFilesOnly: true } : {}),
      ...(options.ignorePatterns ? { ignorePatterns: options.ignorePatterns } : {}),
      ...(options.useIgnoreFiles !== undefined ? { useIgnoreFiles: options.useIgnoreFiles } : {}),
      ownFiles: [
        ...(setup.configFile ? [setup.configFile] : []),
        ...(setup.brandInputFiles ?? setup.tokenFiles),
        ...(config.guidelines ? [config.guidelines] : []),
        ...(setup.packSources ?? []),
      ],
      ...(options.ignorePath !== undefined ? { ignorePath: options.ignorePath } : {}),
      ...(given.text ? { virtualFiles: new Set([toPosix(path.resolve(cwd, given.text.file))]) } : {}),
    });
  } catch (error) {
    if (error instanceof DiscoveryError) return { ok: false, stage: 'paths', message: error.message, diagnostics: [] };
    throw error;
  }
  timelineMark('discovery-', discovery.files.length);
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
  let cache: FolderLintCache | undefined;
  try {
    cache = options.cache ? await openProjectCache(options.cache, setup, cwd) : undefined;
  } catch (error) {
    if (error instanceof CacheLocationError) return { ok: false, stage: 'cache', message: error.message, diagnostics: [] };
    throw error;
  }
  const parse = options.parse !== undefined ? options.parse : files.length > 0 ? await loadContentParser() : null;

  // Texts read from disk need not be kept for the report: it reads them again.
  const textOnDisk = options.read === undefined;
  const store = new ResultStore(options.store ?? 'memory', options.jsonEntries ? { jsonEntries: options.jsonEntries } : {});
  const concurrency = options.concurrency ?? 'off';
  const pooling = concurrency !== 'off' && options.parse === undefined && options.rules === undefined && textOnDisk;
  // Each file's size, read once: it decides the pool (`auto`) and the order files go to threads.
  const sizes = pooling ? files.map(fileSize) : [];
  const threads = pooling ? workerCount(concurrency, files.length, sum(sizes)) : 0;
  let cacheStats: { hits: number; misses: number } | undefined;
  if (threads > 0 && parse) {
    // Files without an adapter are said here once, as a single-threaded run says them.
    const adapted = files.filter((file) => hasAdapter(file.channel));
    notices.push(...noAdapterNotices(files.filter((file) => !hasAdapter(file.channel))));
    const indexOf = new Map(files.map((file, index) => [file, index]));
    const pooled = await lintInPool({
      setup: {
        cwd,
        ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
        ...(options.fix ? { fix: options.fix } : {}),
        ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
        ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
        ...(options.brandCache ? { brandCache: options.brandCache } : {}),
        ...(cache ? { cache: cache.handle } : {}),
        ...(store.mode === 'spill' ? { spill: { jsonEntries: store.jsonEntries } } : {}),
      },
      files: adapted.map((file) => ({ ...file, size: sizes[indexOf.get(file)!]! })),
      threads,
      // The main thread stays responsive between files: a worker waits for its next batch no longer than a file.
      local: async (task) => (await import('./worker.js')).lintBatchWith(setup, task, { yieldBetweenFiles: true }),
      onResult: (index, result) => {
        const at = indexOf.get(adapted[index]!)!;
        if ('record' in result) store.addSpilled(at, result);
        else store.add(at, result, true);
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    notices.push(...pooled.notices);
    if (cache) cacheStats = { hits: pooled.cacheHits, misses: pooled.cacheMisses };
  } else {
    const run = await lintFiles({
      files,
      rules: setup.rules,
      brand,
      parse,
      campaignOf,
      defaultLocale: config.locale,
      ...(options.fix ? { fix: options.fix } : {}),
      ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
      ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
      ...(options.read ? { read: options.read } : {}),
      ...(cache ? { cache } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onResult: (index, result) => store.add(index, result, textOnDisk),
    });
    notices.push(...run.notices);
    if (cache) cacheStats = { hits: cache.hits, misses: cache.misses };
  }
  // Entries of deleted files are found among those this run did not touch: a full run's job.
  if (cache && (options.paths?.length ?? 0) === 0 && options.shard === undefined) cache.prune();

  const wantSiblings = options.campaignSiblings ?? ((options.paths?.length ?? 0) > 0 || options.shard !== undefined);
  const loadSiblings = async (campaignIds: ReadonlySet<string>): Promise<LintResult[]> => {
    const asked = new Set(files.map((file) => file.absolutePath));
    let pool: readonly DiscoveredFile[] = discovery.files;
    if ((options.paths?.length ?? 0) > 0) {
      try {
        pool = (
          await discoverFiles({
            cwd: config.rootDir,
            config,
            ...(options.useIgnoreFiles !== undefined ? { useIgnoreFiles: options.useIgnoreFiles } : {}),
            ...(options.ignorePath !== undefined ? { ignorePath: path.resolve(cwd, options.ignorePath) } : {}),
          })
        ).files;
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
    const known = new Map<string, LintResult>();
    let toParse = others;
    if (options.siblingCache) {
      const cache = options.siblingCache;
      toParse = [];
      for (const file of others) {
        const hit = cache.get(file.absolutePath);
        if (hit && hit.text === (await readText(file))) known.set(file.absolutePath, hit.result);
        else toParse.push(file);
      }
      if (toParse.length === 0) return others.map((file) => known.get(file.absolutePath)!);
    }
    const reference = await lintFiles({
      files: toParse,
      rules: setup.rules,
      brand,
      parse: parse ?? (await loadContentParser()),
      campaignOf,
      referenceOnly: true,
      ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
      ...(options.read ? { read: options.read } : {}),
      // A cached full result carries the facts a sibling needs (its findings are not reported).
      ...(cache ? { cache } : {}),
    });
    if (!options.siblingCache) return reference.results;
    for (const result of reference.results) {
      known.set(result.absolutePath, result);
      if (result.source !== undefined) options.siblingCache.set(result.absolutePath, { text: result.source, result });
    }
    // In the order they were found, cached or not.
    return others.flatMap((file) => known.get(file.absolutePath) ?? []);
  };
  // Only campaign members change in the campaign phase; the other results stay where they are.
  timelineMark('campaigns+');
  const consistency = await runCampaigns({
    cwd,
    config,
    results: store.campaignMembers(),
    rules: setup.rules,
    brand,
    ...(wantSiblings ? { loadSiblings } : {}),
  });
  timelineMark('campaigns-');
  store.replace(consistency.results);
  for (const result of consistency.briefResults) store.addTrailing(result);
  // The run ends with what it could not do: rules that could not apply, then the files not linted.
  notices.push(...cannotApplyNotices(setup.rules.loaded.values(), brand, new Set(files.map((file) => file.channel))));
  const notLinted = notLintedNotice(discovery.notLinted);
  if (notLinted) notices.push(notLinted);
  return {
    ok: true,
    get results() {
      return store.toArray();
    },
    store,
    campaigns: consistency.campaigns,
    notices: collapseNotices(notices),
    configWarnings: setup.warnings,
    brand,
    config,
    ruleInfo: [...setup.rules.loaded].map(([id, rule]) => ({ id, description: rule.meta.description, fixable: rule.meta.fixable })),
    ...(cacheStats ? { cacheStats } : {}),
  };
}

/**
 * The options of a run over a text given in memory: its path as the only path, read from memory
 * (every other file, such as a campaign sibling, as before), never written, never cached.
 */
function textAsFile(options: LintProjectOptions, given: { file: string; text: string }): LintProjectOptions {
  const absolute = path.resolve(options.cwd, given.file);
  const read = options.read;
  const { cache: _cache, ...rest } = options;
  return {
    ...rest,
    paths: [given.file],
    ...(options.fix ? { fix: 'dry-run' as const } : {}),
    read: async (target, readOptions) =>
      path.resolve(target.absolutePath) === absolute
        ? { kind: 'text', text: given.text, bom: false }
        : read
          ? read(target, readOptions)
          : readContentFile(target.absolutePath, target.file, readOptions),
  };
}

/** The `no-adapter` notices of files whose channel has no adapter (as the runner words them). */
function noAdapterNotices(files: readonly DiscoveredFile[]): LintNotice[] {
  const byChannel = new Map<string, string[]>();
  for (const file of files) byChannel.set(file.channel, [...(byChannel.get(file.channel) ?? []), file.file]);
  return [...byChannel].map(([channel, names]) => ({
    kind: 'no-adapter' as const,
    message: `${names.length === 1 ? names[0]! : `${names.length} ${channel} files`}: no adapter yet for the ${channel} channel; skipped`,
  }));
}

function fileSize(file: DiscoveredFile): number {
  try {
    return statSync(file.absolutePath).size;
  } catch {
    return 0;
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Opens the `--cache` folder with a key over everything that changes results. */
async function openProjectCache(options: NonNullable<LintProjectOptions['cache']>, setup: PreparedRun, cwd: string): Promise<FolderLintCache> {
  const { config } = setup;
  const { glob } = await import('tinyglobby');
  const packFiles = setup.packSources ?? (config.packs.length > 0 ? await glob(config.packs.map((pattern) => toPosix(pattern)), { absolute: true, onlyFiles: true }) : []);
  const inputs = [
    ...(setup.configFile ? [setup.configFile] : []),
    ...(setup.brandInputFiles ?? setup.tokenFiles),
    ...(config.guidelines ? [config.guidelines] : []),
    ...packFiles,
    ...(options.extraFiles ?? []),
  ];
  return FolderLintCache.open(cacheFolderFor(options.location, cwd), await cacheKey(options.version, inputs));
}
