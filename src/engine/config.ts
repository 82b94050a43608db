/**
 * The brandlint configuration: schema, search (lilconfig) and resolution of paths.
 *
 * Searched from the working folder upward, first match per folder wins:
 * `brandlint.config.json`, `brandlint.config.yaml`, `brandlint.config.yml`, `brandlint.config.js`,
 * `brandlint.config.mjs`, then the `brandlint` key of `package.json`. Inside a git repository the
 * search stops at the repository's top folder (the one holding `.git`): a JS configuration runs
 * code, and a file above the repository is not the project's to run.
 * Every path in the configuration is relative to the folder of the file that holds it.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader, type LilconfigResult } from 'lilconfig';
import { importModule } from '../core/dynamic-import.js';
import * as z from 'zod';
import {
  dataFormatOf,
  locateWithin,
  noLocate,
  parseDataFile,
  zodIssuesToDiagnostics,
  type DataFile,
  type Locate,
} from '../core/data-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { IMPORT_FORMATS, type ImportFormat } from '../tokens/import/model.js';

/** Content channels brandlint lints. */
import { CHANNELS, type Channel } from '../core/channels.js';

export { CHANNELS, type Channel };

/** Outputs of `brandlint build` (same values as `BUILD_PLATFORMS` of the token build). */
export const PLATFORMS = ['css', 'scss', 'js', 'json', 'email', 'brand'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Rule severities in configuration. `warn` becomes a `warning` diagnostic. */
export const RULE_LEVELS = ['off', 'warn', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** The file names searched in every folder, in order of precedence. */
export const CONFIG_SEARCH_PLACES = [
  'brandlint.config.json',
  'brandlint.config.yaml',
  'brandlint.config.yml',
  'brandlint.config.js',
  'brandlint.config.mjs',
  'package.json',
] as const;

/** Where the guideline file is looked for when the configuration does not name one. */
export const DEFAULT_GUIDELINES_FILE = 'tokens/brand.guidelines.yaml';

const nonEmptyString = z.string().min(1);
const globList = z.array(nonEmptyString);
const ruleLevel = z.enum(RULE_LEVELS);

/** A rule setting: a level, or `[level]`, or `[level, options]`. */
export const ruleEntrySchema = z.union([
  ruleLevel,
  z.tuple([ruleLevel]),
  z.tuple([ruleLevel, z.record(z.string(), z.unknown())]),
]);
export type RuleEntry = z.input<typeof ruleEntrySchema>;

/** Rule id -> setting. Rule ids are checked by the engine, which knows the registered rules. */
export const rulesSchema = z.record(nonEmptyString, ruleEntrySchema);

const channelName = z.enum(CHANNELS);

/** A resolver input: modifier name -> context name (`{ theme: dark }`). */
const contextInput = z.record(nonEmptyString, nonEmptyString);

/**
 * A `tokens` entry: a path or glob of DTCG files (or of a DTCG resolver document), or token
 * files of another format, loaded through the importer (`{ files, format }`).
 */
const tokenEntry = z.union([
  nonEmptyString,
  z.strictObject({
    /** Paths or globs of the files. */
    files: z.union([nonEmptyString, globList.min(1)]).transform((value) => (typeof value === 'string' ? [value] : value)),
    /** Their format (as `brandlint tokens import --from`). */
    format: z.enum(IMPORT_FORMATS),
    /** px per em where an em length has no font size to refer to. Default 16. */
    emBase: z.number().positive().optional(),
  }),
]);

export const configSchema = z.strictObject({
  /** JSON Schema reference for editors; ignored by brandlint. */
  $schema: z.string().optional(),
  /**
   * DTCG token files: one path or glob, or a list. Default `["tokens/**\/*.tokens.json"]`.
   * A leading `!` excludes matches.
   */
  tokens: z
    .union([nonEmptyString, z.array(tokenEntry)])
    .transform((value) => (typeof value === 'string' ? [value] : value))
    .default(['tokens/**/*.tokens.json']),
  /**
   * The guideline file (YAML: logos, voice, channel limits). Default `tokens/brand.guidelines.yaml`
   * when that file exists, else none.
   */
  guidelines: nonEmptyString.optional(),
  /** Options of `brandlint build`. */
  build: z
    .strictObject({
      /** Output folder. Default `build`. */
      outDir: nonEmptyString.default('build'),
      /** Outputs to write. Default all: `css`, `scss`, `js`, `json`, `email`, `brand`. */
      platforms: z.array(z.enum(PLATFORMS)).default([...PLATFORMS]),
      /** Prefix of CSS/SCSS variable names (`nw` gives `--nw-color-brand`). Default none. */
      prefix: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'must be a CSS identifier (letters, digits, "-" and "_", not starting with a digit)')
        .optional(),
      /** Pixels per rem when the email output converts rem to px. Default 16. */
      remBase: z.number().positive().default(16),
      /** Selector of the CSS custom properties block. Default `:root`. */
      selector: nonEmptyString.default(':root'),
    })
    .prefault({}),
  /** Content files per channel (paths or globs). Channel defaults are decided by the engine. */
  channels: z
    .strictObject({
      /** Email templates (HTML, MJML). */
      email: globList.optional(),
      /** Landing pages (HTML, Markdown). */
      landing: globList.optional(),
      /** Chatbot scripts (YAML, JSON). */
      chatbot: globList.optional(),
      /** Social posts (Markdown, text, YAML). */
      social: globList.optional(),
      /** Long-form copy: blog posts, help articles, sales scripts (Markdown, MDX, AsciiDoc, text). */
      article: globList.optional(),
      /** Print and artwork: SVG posters and banners, PDF flyers and brochures. */
      print: globList.optional(),
    })
    .prefault({}),
  /**
   * Contexts of a brand whose tokens have modifiers (a DTCG resolver: light/dark, sub-brands):
   * which one dark-mode CSS is checked against, which selectors scope one, which files use one.
   */
  contexts: z
    .strictObject({
      /** The resolver input of dark mode (`@media (prefers-color-scheme: dark)`, `[data-ogsc]`). Default: the context named "dark". */
      dark: contextInput.optional(),
      /** Selector text -> the input it scopes (`".outdoor": { brand: outdoor }`). */
      selectors: z.record(nonEmptyString, contextInput).default({}),
      /** Content files checked against a context (sub-brands). Later entries win. */
      files: z.array(z.strictObject({ files: globList.min(1), input: contextInput })).default([]),
    })
    .prefault({}),
  /** Rule id -> `"off" | "warn" | "error"` or `[level, options]`. */
  rules: rulesSchema.default({}),
  /** Rule settings for some files or channels; later overrides win. */
  overrides: z
    .array(
      z.strictObject({
        /** Paths or globs of the files this override applies to. */
        files: globList.min(1),
        /** Restricts the override to these channels. */
        channels: z.array(channelName).min(1).optional(),
        /** Rule settings, as in the top-level `rules`. */
        rules: rulesSchema,
      }),
    )
    .default([]),
  /** Paths or globs of files never linted. */
  ignorePatterns: globList.default([]),
  /**
   * Minified and third-party files (`*.min.css`, `vendor/`, a framework's build in `dist/`):
   * `skip` (default, with one notice) or `lint`. Files named on the command line are always linted.
   */
  vendorFiles: z.enum(['skip', 'lint']).default('skip'),
  /** Extra rule packs: YAML pack files (globs), Vale style folders or `.vale.ini` files (docs/vale.md). */
  packs: globList.default([]),
  /**
   * BCP 47 locale of content that does not say (no `lang` attribute, front matter `lang` or bot
   * `locale`). Default `en`. English-only rules skip text in other languages.
   */
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "de-DE"')
    .default('en'),
  /** Campaign briefs (the facts content must agree with) and which files belong to which campaign. */
  campaigns: z
    .strictObject({
      /** Folder of campaign brief files. Default `campaigns`. */
      briefs: nonEmptyString.default('campaigns'),
      /** Campaign id -> paths or globs of its content files (in addition to front-matter `campaign:`). */
      assign: z.record(nonEmptyString, globList).default({}),
    })
    .prefault({}),
});

/** The configuration as written by users (every key optional). */
export type BrandlintConfig = z.input<typeof configSchema>;

/** A rule setting, normalised. */
export interface RuleSetting {
  level: RuleLevel;
  options: Record<string, unknown> | undefined;
}

export interface ResolvedOverride {
  /** Absolute globs (forward slashes, `!` kept in front). */
  files: string[];
  channels: Channel[] | undefined;
  rules: Record<string, RuleSetting>;
}

/**
 * The configuration with defaults applied and every path absolute (forward slashes; a leading `!`
 * of an exclusion pattern is kept).
 */
export interface ResolvedConfig {
  /** Folder of the configuration file (the working folder when there is none). */
  rootDir: string;
  /** Every token glob (absolute), including those of `tokenFormats`. */
  tokens: string[];
  /** Token files of other formats: absolute globs and their format. */
  tokenFormats: Array<{ files: string[]; format: ImportFormat; emBase?: number }>;
  contexts: {
    dark: Record<string, string> | null;
    selectors: Array<{ selector: string; input: Record<string, string> }>;
    /** Absolute globs. */
    files: Array<{ files: string[]; input: Record<string, string> }>;
  };
  guidelines: string | null;
  build: {
    outDir: string;
    platforms: Platform[];
    prefix: string | undefined;
    remBase: number;
    selector: string;
  };
  channels: Partial<Record<Channel, string[]>>;
  rules: Record<string, RuleSetting>;
  overrides: ResolvedOverride[];
  ignorePatterns: string[];
  /** Minified and third-party files found by globs or folder walks: skipped (with a notice) or linted. */
  vendorFiles: 'skip' | 'lint';
  packs: string[];
  /** Locale of content that does not say. */
  locale: string;
  campaigns: {
    briefs: string;
    assign: Record<string, string[]>;
  };
}

export interface ConfigResult {
  config: ResolvedConfig;
  /** The configuration file used, or null when none was found (defaults apply: not an error). */
  file: string | null;
  /** Problems with the configuration. When one is an error, `config` holds the defaults. */
  diagnostics: Diagnostic[];
  /**
   * Finds the source range of a key path in the configuration file (e.g. `['rules', id]`), so
   * that later checks (unknown rule ids, rule options) can report positions. Null ranges for JS configs.
   */
  locate: Locate;
}

export interface LoadConfigOptions {
  /** Where the search starts; relative `configFile` paths are resolved against it. */
  cwd: string;
  /** An explicit configuration file (`--config`); disables the search. */
  configFile?: string;
}

/** Identity helper that types a JavaScript configuration: `export default defineConfig({ ... })`. */
export function defineConfig(config: BrandlintConfig): BrandlintConfig {
  return config;
}

/** Normalises `"warn"` / `["warn"]` / `["warn", {...}]` to `{ level, options }`. */
export function normalizeRuleEntry(entry: z.output<typeof ruleEntrySchema>): RuleSetting {
  if (typeof entry === 'string') return { level: entry, options: undefined };
  return { level: entry[0], options: entry[1] };
}

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);
const SUPPORTED = '.json, .yaml, .yml, .js, .mjs, .cjs or package.json';

/** Finds, loads, validates and resolves the configuration. Never throws for bad configuration. */
export async function loadConfig(options: LoadConfigOptions): Promise<ConfigResult> {
  const cwd = path.resolve(options.cwd);
  const dataFiles = new Map<string, DataFile>();
  const loadErrors = new Map<string, unknown>();
  const stopDir = await repositoryRoot(cwd);
  const explorer = lilconfig('brandlint', {
    ...(stopDir !== null ? { stopDir } : {}),
    searchPlaces: [...CONFIG_SEARCH_PLACES],
    loaders: createLoaders(dataFiles, loadErrors),
    packageProp: 'brandlint',
    ignoreEmptySearchPlaces: false,
    cache: false,
  });

  const diagnostics: Diagnostic[] = [];
  let found: LilconfigResult;
  if (options.configFile !== undefined) {
    const file = path.resolve(cwd, options.configFile);
    const extension = path.extname(file).toLowerCase();
    if (path.basename(file) !== 'package.json' && !dataFormatOf(file) && !JS_EXTENSIONS.has(extension)) {
      return failed(cwd, null, [loadError(file, `unsupported configuration file type "${extension || path.basename(file)}"; use ${SUPPORTED}`)]);
    }
    try {
      await access(file);
    } catch {
      return failed(cwd, null, [
        { ruleId: 'config/not-found', severity: 'error', message: 'configuration file not found', file, range: null },
      ]);
    }
    try {
      found = await explorer.load(file);
    } catch (error) {
      return failed(cwd, null, [loadError(file, `cannot read configuration file: ${messageOf(error)}`)]);
    }
    if (found && path.basename(file) === 'package.json' && found.config == null) {
      return failed(cwd, null, [loadError(file, 'package.json has no "brandlint" key')]);
    }
  } else {
    try {
      found = await explorer.search(cwd);
    } catch (error) {
      return failed(cwd, null, [loadError(cwd, `cannot search for a configuration file: ${messageOf(error)}`)]);
    }
    if (found) diagnostics.push(...(await ambiguityWarnings(found.filepath)));
  }

  if (!found) return { config: await resolveConfig(configSchema.parse({}), cwd), file: null, diagnostics, locate: noLocate };

  const file = found.filepath;
  const rootDir = path.dirname(file);
  const isPackageJson = path.basename(file) === 'package.json';
  let data: unknown;
  let locate: Locate = noLocate;

  if (loadErrors.has(file)) {
    return failed(rootDir, file, [...diagnostics, loadError(file, `cannot load configuration: ${messageOf(loadErrors.get(file))}`)]);
  }
  const dataFile = dataFiles.get(file);
  if (found.isEmpty) data = {};
  else if (dataFile) {
    diagnostics.push(...dataFile.diagnostics);
    if (dataFile.diagnostics.some((d) => d.severity === 'error')) return failed(rootDir, file, diagnostics);
    data = isPackageJson ? (dataFile.data as Record<string, unknown>)['brandlint'] : dataFile.data;
    locate = isPackageJson ? locateWithin(dataFile.locate, ['brandlint']) : dataFile.locate;
    // A YAML file holding only comments is an empty configuration.
    if (data === null && dataFile.format === 'yaml') data = {};
  } else {
    data = found.config;
    if (data === undefined) {
      return failed(rootDir, file, [
        ...diagnostics,
        loadError(file, 'the configuration module has no default export; use `export default defineConfig({ ... })`'),
      ]);
    }
  }

  const result = configSchema.safeParse(data, { reportInput: true, jitless: true });
  if (!result.success) {
    diagnostics.push(...zodIssuesToDiagnostics(result.error.issues, locate, file, 'config', { schema: configSchema }));
    return failed(rootDir, file, diagnostics);
  }
  return { config: await resolveConfig(result.data, rootDir), file, diagnostics, locate };
}

/** Applies the folder of the configuration to every path, and normalises rule settings. */
export async function resolveConfig(config: z.output<typeof configSchema>, rootDir: string): Promise<ResolvedConfig> {
  const resolve = (pattern: string) => resolvePattern(rootDir, pattern);
  const rules = (record: z.output<typeof rulesSchema>) =>
    Object.fromEntries(Object.entries(record).map(([id, entry]) => [id, normalizeRuleEntry(entry)]));
  let guidelines: string | null = null;
  if (config.guidelines !== undefined) guidelines = resolve(config.guidelines);
  else {
    const candidate = path.join(rootDir, DEFAULT_GUIDELINES_FILE);
    if (await access(candidate).then(() => true, () => false)) guidelines = toPosix(candidate);
  }
  const channels: Partial<Record<Channel, string[]>> = {};
  for (const channel of CHANNELS) {
    const globs = config.channels[channel];
    if (globs) channels[channel] = globs.map(resolve);
  }
  return {
    rootDir: toPosix(rootDir),
    tokens: config.tokens.flatMap((entry) => (typeof entry === 'string' ? [resolve(entry)] : entry.files.map(resolve))),
    tokenFormats: config.tokens.flatMap((entry) =>
      typeof entry === 'string' ? [] : [{ files: entry.files.map(resolve), format: entry.format, ...(entry.emBase !== undefined ? { emBase: entry.emBase } : {}) }],
    ),
    contexts: {
      dark: config.contexts.dark ? dataRecord(config.contexts.dark) : null,
      selectors: Object.entries(config.contexts.selectors).map(([selector, input]) => ({ selector, input: dataRecord(input) })),
      files: config.contexts.files.map((entry) => ({ files: entry.files.map(resolve), input: dataRecord(entry.input) })),
    },
    guidelines,
    build: {
      outDir: resolve(config.build.outDir),
      platforms: [...new Set(config.build.platforms)],
      prefix: config.build.prefix,
      remBase: config.build.remBase,
      selector: config.build.selector,
    },
    channels,
    rules: rules(config.rules),
    overrides: config.overrides.map((override) => ({
      files: override.files.map(resolve),
      channels: override.channels,
      rules: rules(override.rules),
    })),
    ignorePatterns: config.ignorePatterns.map(resolve),
    vendorFiles: config.vendorFiles,
    packs: config.packs.map(resolve),
    locale: config.locale,
    campaigns: {
      briefs: resolve(config.campaigns.briefs),
      assign: Object.fromEntries(
        Object.entries(config.campaigns.assign).map(([id, globs]) => [id, globs.map(resolve)]),
      ),
    },
  };
}

/** Names written by users are data: a record without a prototype. */
function dataRecord(record: Record<string, string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(record)) out[key] = value;
  return out;
}

/** Makes a path or glob absolute against `rootDir`, keeping a leading `!`, with forward slashes. */
export function resolvePattern(rootDir: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const absolute = path.isAbsolute(body) ? path.normalize(body) : path.join(rootDir, body);
  return (negated ? '!' : '') + toPosix(absolute);
}

/** A path with forward slashes (as globs and resolved config paths use). */
export function toPosix(file: string): string {
  return path.sep === '\\' ? file.replaceAll('\\', '/') : file;
}

async function failed(rootDir: string, file: string | null, diagnostics: Diagnostic[]): Promise<ConfigResult> {
  return { config: await resolveConfig(configSchema.parse({}), rootDir), file, diagnostics, locate: noLocate };
}

function loadError(file: string, message: string): Diagnostic {
  return { ruleId: 'config/load', severity: 'error', message, file, range: null };
}

/** The nearest folder at or above `folder` that holds `.git` (a folder, or a file in worktrees and submodules), or null. */
export async function repositoryRoot(folder: string): Promise<string | null> {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (await access(path.join(current, '.git')).then(() => true, () => false)) return current;
    if (path.dirname(current) === current) return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * lilconfig loaders that never throw: data files are parsed with positions (kept in `dataFiles`),
 * JavaScript modules are imported and their errors kept in `loadErrors`.
 */
function createLoaders(dataFiles: Map<string, DataFile>, loadErrors: Map<string, unknown>): Record<string, Loader> {
  const data: Loader = (filepath, content) => {
    const parsed = parseDataFile(content, filepath, { ruleIdPrefix: 'config' });
    dataFiles.set(filepath, parsed);
    if (path.basename(filepath) !== 'package.json') return parsed.data ?? null;
    // package.json: lilconfig reads the `brandlint` key of what we return. A broken package.json is
    // only reported when it seems to hold brandlint's configuration; otherwise the search goes on.
    if (parsed.data === undefined) return /"brandlint"\s*:/.test(content) ? { brandlint: {} } : {};
    return typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data) ? parsed.data : {};
  };
  const module: Loader = async (filepath) => {
    try {
      return (await importModule<{ default?: unknown }>(pathToFileURL(filepath).href)).default;
    } catch (error) {
      loadErrors.set(filepath, error);
      return null;
    }
  };
  return { '.json': data, '.yaml': data, '.yml': data, '.js': module, '.mjs': module, '.cjs': module, noExt: data };
}

/** A warning when one folder holds several configuration files (the first in search order wins). */
async function ambiguityWarnings(found: string): Promise<Diagnostic[]> {
  if (path.basename(found) === 'package.json') return [];
  const dir = path.dirname(found);
  const others: string[] = [];
  for (const place of CONFIG_SEARCH_PLACES) {
    if (place === 'package.json' || place === path.basename(found)) continue;
    if (await access(path.join(dir, place)).then(() => true, () => false)) others.push(place);
  }
  if (others.length === 0) return [];
  return [
    {
      ruleId: 'config/ambiguous',
      severity: 'warning',
      message: `several configuration files in one folder; using ${path.basename(found)} and ignoring ${others.join(', ')}`,
      file: found,
      range: null,
    },
  ];
}
