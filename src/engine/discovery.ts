/**
 * Finds the content files to lint: from command-line paths (files, folders, quoted globs), or,
 * with none, from the configuration's channel globs (else every channel file under the
 * configuration folder). Honours `.gitignore` files (root and nested), the project's
 * `.brandlintignore` (or the `--ignore-path` file), the configuration's `ignorePatterns` and
 * `--ignore-pattern`; `node_modules`, `.git` and the build output folder are always skipped. The
 * order is sorted and so deterministic.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Channel } from '../core/channels.js';
import { displayPath } from '../core/paths.js';
import { createChannelResolver, explicitChannelOf, globMatcher, isInside, notLintedReason } from './channels.js';
import { resolvePattern, toPosix, type ResolvedConfig } from './config.js';
import { compareStrings, type LintNotice } from './result.js';

/** A path on the command line that is not there, or a glob that matches nothing: a usage error (exit 2). */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

export interface DiscoverOptions {
  cwd: string;
  config: Pick<ResolvedConfig, 'rootDir' | 'channels' | 'ignorePatterns' | 'build'> & Partial<Pick<ResolvedConfig, 'vendorFiles' | 'campaigns'>>;
  /** Files, folders or globs, relative to `cwd`. None: the configured channel globs. */
  paths?: readonly string[];
  /** `--ignore-pattern`: globs relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** False with `--no-ignore`: `.gitignore` files, the ignore file and the configuration's `ignorePatterns` are not used. */
  useIgnoreFiles?: boolean;
  /** brandlint's own inputs (configuration, tokens, guidelines, packs): not content, so not counted as "not linted". */
  ownFiles?: readonly string[];
  /**
   * `--project-files-only`: the paths only pick among the files a run without paths would lint
   * (inside the configuration folder, of a configured channel glob when there are any, else of a
   * default channel; not ignored). The others are counted in one notice, not one each: the
   * pre-commit framework and lint-staged name every changed file.
   */
  projectFilesOnly?: boolean;
  /**
   * `--ignore-path`: the ignore file (gitignore syntax, patterns relative to its folder), relative
   * to `cwd`; it must exist. Default: `.brandlintignore` in the configuration folder, when there.
   */
  ignorePath?: string;
  /** Absolute posix paths of `paths` that are files given in memory (`--stdin-filename`): they need not exist. */
  virtualFiles?: ReadonlySet<string>;
}

/** The project's ignore file, in the configuration folder (gitignore syntax). */
export const IGNORE_FILE = '.brandlintignore';

/** Why a file named on the command line is not linted (ESLint says it as "File ignored because of a matching ignore pattern"). */
export const IGNORED_NOTICE = 'ignored because of a matching ignore pattern (.brandlintignore, .gitignore, ignorePatterns or --ignore-pattern); use --no-ignore to lint it';

export interface DiscoveredFile {
  absolutePath: string;
  /** Display path (relative to `cwd`). */
  file: string;
  channel: Channel;
  /** Named on the command line (not found in a folder or by a glob). */
  explicit: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  notices: LintNotice[];
  /** Files found in a folder walk that no channel claims, as (extension, reason, count): the run's closing "not linted" line. */
  notLinted: NotLintedGroup[];
}

export interface NotLintedGroup {
  /** `.json`, or empty for files without an extension. */
  extension: string;
  reason: string;
  count: number;
}

/** Folders of third-party code (any depth). */
const VENDOR_FOLDERS = new Set(['vendor', 'vendors', 'third-party', 'third_party', 'bower_components', 'jspm_packages']);
/** Minified files: `bootstrap.min.css`, `app-min.js`. */
const MINIFIED = /[.-]min\.(?:css|scss|js|mjs|html?)$/i;
/** Build folders whose stylesheets are vendor files when they carry a framework's banner. */
const BUILD_FOLDERS = new Set(['dist', 'build', 'public', 'assets', 'static']);
/** The banner a framework writes at the top of its compiled stylesheet (`Bootstrap  v5.2.3`, `tailwindcss v3.1.4`). */
const FRAMEWORK_BANNER = /\b(?:Bootstrap|tailwindcss|Bulma|Foundation for Sites|Font Awesome|normalize\.css|Materialize|UIkit|Pure|Semantic UI|Fomantic-UI|animate\.css)\s+v\d/i;
const BANNER_BYTES = 2048;

/**
 * Whether a file is minified or third-party: a `*.min.*` name, a `vendor/` (and the like) folder
 * in its path, or a stylesheet in a `dist/` (or `build/`, `assets/` ...) folder whose first 2 KB
 * carry a framework's banner (a compiled Bootstrap). `relative` is the path below the project.
 */
export async function isVendorFile(relative: string, absolute: string): Promise<boolean> {
  const parts = toPosix(relative).split('/');
  const name = parts.at(-1) ?? '';
  if (MINIFIED.test(name)) return true;
  const folders = parts.slice(0, -1).map((part) => part.toLowerCase());
  if (folders.some((folder) => VENDOR_FOLDERS.has(folder))) return true;
  if (!/\.(?:css|scss)$/i.test(name) || !folders.some((folder) => BUILD_FOLDERS.has(folder))) return false;
  const handle = await open(absolute, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(BANNER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, BANNER_BYTES, 0);
    return FRAMEWORK_BANNER.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** One notice for every minified or vendor file a run skipped. */
function vendorNotice(files: readonly string[]): LintNotice {
  const shown = files.slice(0, 3).join(', ');
  const more = files.length > 3 ? ` and ${files.length - 3} more` : '';
  return {
    kind: 'skipped',
    message: `${files.length} minified or vendor file${files.length === 1 ? '' : 's'} not linted (${shown}${more}); set \`vendorFiles: lint\` in the configuration, or name a file on the command line, to lint ${files.length === 1 ? 'it' : 'them'}`,
  };
}

/** Folder names never entered. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}!]/;

export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  const cwd = path.resolve(options.cwd);
  const { config } = options;
  const channelOf = createChannelResolver(config, cwd);
  const outDir = toPosix(config.build.outDir);
  const ignored = new IgnoreMatcher({
    useGitignore: options.useIgnoreFiles !== false,
    ...(options.useIgnoreFiles !== false ? { ignoreFile: readIgnoreFile(options.ignorePath, cwd, config.rootDir) } : {}),
    patterns: [
      ...(options.useIgnoreFiles !== false ? config.ignorePatterns : []),
      ...(options.ignorePatterns ?? []).map((pattern) => resolvePattern(cwd, pattern)),
    ],
    bases: [toPosix(config.rootDir), toPosix(cwd)],
  });
  /** In node_modules, .git (below `base`: the project may itself sit in such a folder) or the build folder. */
  const skipped = (file: string, base: string): boolean =>
    isInside(file, outDir) || hasSkippedFolder(isInside(file, base) ? path.posix.relative(base, file) : file);

  const found = new Map<string, DiscoveredFile>();
  const notices: LintNotice[] = [];
  const projectOnly = options.projectFilesOnly === true;
  const configured = Object.values(config.channels).flat();
  const inConfiguredGlobs = configured.length > 0 ? globMatcher(configured) : null;
  const rootDir = toPosix(config.rootDir);
  /** Files named that are not the project's content, with `projectFilesOnly`. */
  let notProjectFiles = 0;
  const unclaimed = new Map<string, NotLintedGroup>();
  const own = new Set((options.ownFiles ?? []).map((file) => toPosix(path.resolve(cwd, file))));
  // Campaign briefs are brandlint's input too (the facts content must agree with), not copy.
  const briefsDir = config.campaigns ? toPosix(path.resolve(config.rootDir, config.campaigns.briefs)) : null;
  const isBrief = (file: string): boolean => briefsDir !== null && /\.ya?ml$/i.test(file) && isInside(file, briefsDir);
  const add = (absolute: string, explicit: boolean, walked = false): void => {
    const file = toPosix(absolute);
    const known = found.get(file);
    if (known) {
      known.explicit ||= explicit;
      return;
    }
    if (projectOnly && (!isInside(file, rootDir) || (inConfiguredGlobs !== null && !inConfiguredGlobs(file)))) {
      notProjectFiles += 1;
      return;
    }
    const channel = channelOf(file) ?? (explicit && !projectOnly ? explicitChannelOf(file) : null);
    const shown = displayPath(absolute, cwd);
    if (!channel) {
      if (projectOnly) notProjectFiles += 1;
      else if (explicit) {
        notices.push({
          kind: 'skipped',
          file: shown,
          message: 'belongs to no channel (set `channels.<name>` in the configuration to lint it); skipped',
        });
      } else if (walked && !own.has(file) && !isBrief(file) && !isCache(path.posix.relative(toPosix(config.rootDir), file))) {
        const relative = path.posix.relative(toPosix(config.rootDir), file);
        const extension = extensionOf(file);
        const reason = isHidden(relative) ? 'dot files and folders: tool settings, not copy' : notLintedReason(relative.startsWith('../') ? file : relative);
        const key = `${extension}\u0000${reason}`;
        const group = unclaimed.get(key);
        if (group) group.count++;
        else unclaimed.set(key, { extension, reason, count: 1 });
      }
      return;
    }
    found.set(file, { absolutePath: path.normalize(absolute), file: shown, channel, explicit });
  };
  /**
   * Walks a folder, pruning skipped and ignored folders. Folders are read synchronously: W1's
   * 2,763 folders took 0.15 s read all at once through the thread pool (0.43 s one after
   * another) and 0.06 s read in turn synchronously, as the runner reads files.
   */
  const walk = (dir: string, base: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    ignored.listed(dir, new Set(entries.map((entry) => entry.name)));
    for (const entry of entries) {
      const absolute = toPosix(path.join(dir, entry.name));
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders (they may loop).
        isFile = isFileTarget(absolute);
        isDirectory = false;
      }
      if (isDirectory) {
        if (ALWAYS_SKIPPED.has(entry.name) || absolute === outDir || ignored.ignores(absolute, true, base)) continue;
        walk(absolute, base);
      } else if (isFile && !ignored.ignores(absolute, false, base)) add(absolute, false, true);
    }
  };

  const paths = options.paths ?? [];
  if (paths.length === 0) {
    const configured = Object.values(config.channels).flat();
    if (configured.length > 0) {
      for (const match of await globFiles(configured.map((glob) => relativePattern(config.rootDir, glob)), config.rootDir)) {
        if (!skipped(match, toPosix(config.rootDir)) && !ignored.ignores(match, false, config.rootDir)) add(match, false);
      }
    } else {
      walk(toPosix(config.rootDir), toPosix(config.rootDir));
    }
  }
  for (const arg of paths) {
    const absolute = toPosix(path.resolve(cwd, arg));
    const info = options.virtualFiles?.has(absolute) ? { isDirectory: () => false, isFile: () => true } : await stat(absolute).catch(() => null);
    if (info?.isDirectory()) {
      const before = found.size;
      walk(absolute, absolute);
      if (found.size === before) {
        notices.push({ kind: 'no-files', file: displayPath(absolute, cwd), message: 'no content files of any channel here (or all ignored)' });
      }
      continue;
    }
    if (info?.isFile()) {
      if (skipped(absolute, toPosix(cwd)) || ignored.ignores(absolute, false, path.posix.dirname(absolute))) {
        if (projectOnly) notProjectFiles += 1;
        else notices.push({ kind: 'ignored', file: displayPath(absolute, cwd), message: IGNORED_NOTICE });
      } else add(absolute, true);
      continue;
    }
    if (!GLOB_CHARS.test(arg)) throw new DiscoveryError(`no such file or folder: ${arg}`);
    const matches = await globFiles([toPosix(arg)], cwd);
    if (matches.length === 0) throw new DiscoveryError(`no files match ${arg}`);
    for (const match of matches) if (!skipped(match, toPosix(cwd)) && !ignored.ignores(match, false, toPosix(cwd))) add(match, false);
  }

  if (notProjectFiles > 0) {
    notices.push({
      kind: 'skipped',
      message: `${notProjectFiles} of the files named ${notProjectFiles === 1 ? 'is' : 'are'} not content of this project (no channel, or ignored); not linted`,
    });
  }
  if ((config.vendorFiles ?? 'skip') === 'skip') {
    const vendor: string[] = [];
    for (const [key, file] of found) {
      if ((file.explicit && !options.projectFilesOnly) || !(await isVendorFile(path.posix.relative(toPosix(config.rootDir), key), key))) continue;
      found.delete(key);
      vendor.push(file.file);
    }
    if (vendor.length > 0) notices.push(vendorNotice(vendor.sort(compareStrings)));
  }
  const files = [...found.values()].sort((a, b) => compareStrings(toPosix(a.absolutePath), toPosix(b.absolutePath)));
  // Most files first, then by extension: the same line on every machine.
  const notLinted = [...unclaimed.values()].sort((a, b) => b.count - a.count || compareStrings(a.extension, b.extension) || compareStrings(a.reason, b.reason));
  return { files, notices, notLinted };
}

/** Whether a symbolic link leads to a file (not a folder, a broken link or a loop). */
function isFileTarget(link: string): boolean {
  try {
    return statSync(link).isFile();
  } catch {
    return false;
  }
}

/** A dot file or a file in a dot folder (`.github/`, `.vale/`): tool settings, listed apart in the "not linted" line. */
function isHidden(relative: string): boolean {
  return relative.split('/').some((segment) => segment.startsWith('.') && segment !== '..' && segment !== '.');
}

/** brandlint's own cache (`.brandlintcache/`, the default `--cache-location`): not counted at all. */
function isCache(relative: string): boolean {
  return relative.split('/').some((segment) => segment.startsWith('.brandlintcache'));
}

/** `.json` of `a/b.JSON`; empty when the file name has no extension (a leading dot is not one). */
function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

async function globFiles(patterns: string[], cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(patterns, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: true,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return matches.map(toPosix);
}

function relativePattern(rootDir: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  return (negated ? '!' : '') + path.posix.relative(toPosix(rootDir), body);
}

function hasSkippedFolder(file: string): boolean {
  return file.split('/').some((segment) => ALWAYS_SKIPPED.has(segment));
}

/**
 * The rules of the ignore file: `--ignore-path` (a missing one is a usage error), else the
 * project's `.brandlintignore` when there is one.
 */
function readIgnoreFile(ignorePath: string | undefined, cwd: string, rootDir: string): IgnoreFile | undefined {
  const file = ignorePath !== undefined ? path.resolve(cwd, ignorePath) : path.join(rootDir, IGNORE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (ignorePath === undefined) return undefined;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DiscoveryError(`cannot read the ignore file ${ignorePath}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
  return { dir: toPosix(path.dirname(file)), rules: ignore().add(text) };
}

/** An ignore file's rules and the folder its patterns are relative to. */
interface IgnoreFile {
  dir: string;
  rules: Ignore;
}

/**
 * `.gitignore` files (each applies to its folder and below; deeper files and later lines win, `!`
 * re-includes) plus absolute ignore globs (a glob naming a folder ignores everything in it).
 */
export class IgnoreMatcher {
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly gitRoots = new Map<string, string | null>();
  /** Folders whose listing was read: whether `.git` is in it. */
  private readonly hasGitEntry = new Map<string, boolean>();
  private readonly matchesPattern: (file: string) => boolean;

  constructor(
    private readonly options: {
      useGitignore: boolean;
      /** `.brandlintignore` or `--ignore-path`: applies to the files under its folder. */
      ignoreFile?: IgnoreFile;
      /** Absolute posix globs, `!` to re-include. */
      patterns: readonly string[];
      /** Folders (config root, cwd) whose `.gitignore` files apply when the file is not in a git repository. */
      bases: readonly string[];
    },
  ) {
    this.matchesPattern = options.patterns.some((p) => !p.startsWith('!')) ? globMatcher(options.patterns) : () => false;
  }

  /**
   * What a folder's listing already tells: whether it holds `.git` and `.gitignore`. A walk says
   * it for every folder it reads, so that neither is looked for again (two system calls per folder).
   */
  listed(dir: string, names: { has(name: string): boolean }): void {
    this.hasGitEntry.set(dir, names.has('.git'));
    if (!names.has('.gitignore') && !this.gitignores.has(dir)) this.gitignores.set(dir, null);
  }

  /** Whether an absolute posix path is ignored. `base`: the folder a walk started from. */
  ignores(file: string, isDirectory: boolean, base: string): boolean {
    if (this.matchesPattern(file)) return true;
    for (let dir = path.posix.dirname(file); dir !== path.posix.dirname(dir); dir = path.posix.dirname(dir)) {
      if (this.matchesPattern(dir)) return true;
    }
    if (this.ignoreFileMatches(file, isDirectory)) return true;
    return this.options.useGitignore && this.gitignored(file, isDirectory, base);
  }

  private ignoreFileMatches(file: string, isDirectory: boolean): boolean {
    const ignoreFile = this.options.ignoreFile;
    if (!ignoreFile || !isInside(file, ignoreFile.dir) || file === ignoreFile.dir) return false;
    return ignoreFile.rules.ignores(path.posix.relative(ignoreFile.dir, file) + (isDirectory ? '/' : ''));
  }

  private gitignored(file: string, isDirectory: boolean, base: string): boolean {
    const dir = path.posix.dirname(file);
    const top = this.gitRoot(dir) ?? [...this.options.bases, base].filter((b) => isInside(dir, b)).sort((a, b) => a.length - b.length)[0] ?? dir;
    const chain: string[] = [];
    for (let current = dir; ; current = path.posix.dirname(current)) {
      chain.push(current);
      if (current === top || current === path.posix.dirname(current)) break;
    }
    let ignored = false;
    for (const folder of chain.reverse()) {
      const rules = this.gitignoreOf(folder);
      if (!rules) continue;
      const relative = path.posix.relative(folder, file) + (isDirectory ? '/' : '');
      const verdict = rules.test(relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private gitignoreOf(dir: string): Ignore | null {
    let rules = this.gitignores.get(dir);
    if (rules === undefined) {
      rules = null;
      try {
        rules = ignore().add(readFileSync(path.posix.join(dir, '.gitignore'), 'utf8'));
      } catch {
        // no .gitignore here
      }
      this.gitignores.set(dir, rules);
    }
    return rules;
  }

  /** The nearest folder at or above `dir` holding `.git`, or null. */
  private gitRoot(dir: string): string | null {
    const cached = this.gitRoots.get(dir);
    if (cached !== undefined) return cached;
    let root: string | null;
    if (this.hasGitEntry.get(dir) ?? existsSync(path.posix.join(dir, '.git'))) root = dir;
    else {
      const parent = path.posix.dirname(dir);
      root = parent === dir ? null : this.gitRoot(parent);
    }
    this.gitRoots.set(dir, root);
    return root;
  }
}

