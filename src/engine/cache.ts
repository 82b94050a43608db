/**
 * `--cache`: the results of files whose text has not changed since the last run. A run still
 * reads every file (the content hash decides, not the modification time, so a checkout or a
 * `touch` does not invalidate anything), but parses and lints only the changed ones. Everything
 * is dropped when anything that can change a result changes: the configuration file, the token
 * files, the guideline file, the rule packs, or brandlint's version (all hashed into one key).
 * The campaign phase is not cached: it is cheap and runs on every run over the results.
 *
 * The cache is a folder: one small file per linted file, under a folder named by the key. A run
 * reads and writes only the entries of the files it lints (a pre-commit run with one staged file
 * touches one entry; worker threads read and write their own), instead of parsing and rewriting
 * one file that grows with the repository (31 MB on 2,540 files). Entries are data from disk:
 * one of the wrong shape is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { LintNotice, LintResult } from './result.js';
import type { LintTarget } from './runner.js';
import { makeFolders } from '../core/folders.js';

/** Version of the cache's layout and entries (3: pack rules' docs links moved to docs/packs.md; 4: results keep their content units, for the brand score; 5: a PDF's result keeps the text read from it; 6: a value repeated in a file is one finding with related locations; 7: social posts checked against every platform they target, .tweet/.txt posts). */
export const CACHE_FORMAT = 8;
export const DEFAULT_CACHE_LOCATION = '.brandlintcache';

/** Marks a folder as brandlint's cache (and says what it is to whoever finds it). */
const MARKER = 'CACHEDIR.TAG';
const MARKER_TEXT = 'Signature: 8a477f597d28d172789f06886806bc55\n# brandlint --cache: safe to delete; see https://bford.info/cachedir/\n';

/** What is remembered of a file: its result without the text, and the notices linting it gave. */
export interface CachedLint {
  /** Without its text (read again from the file), except a PDF's: the text read from it (`source`). */
  result: Omit<LintResult, 'source' | 'output'> & { source?: string };
  notices: LintNotice[];
}

/** What the runner asks of a cache. */
export interface LintCache {
  get(target: LintTarget, text: string): CachedLint | undefined;
  set(target: LintTarget, text: string, lint: CachedLint): void;
}

interface CacheEntry extends CachedLint {
  /** Absolute path of the file. */
  path: string;
  /** sha256 of the file's text. */
  hash: string;
}

/** The location given cannot hold the cache (an existing file that is not one, an unwritable place). */
export class CacheLocationError extends Error {
  override name = 'CacheLocationError';
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Where a cache lives: its folder and the key of this run (worker threads open the same). */
export interface CacheHandle {
  folder: string;
  key: string;
}

/**
 * The cache folder that `--cache-location` names, as ESLint reads it: a location ending in a slash,
 * or an existing folder that is not already a brandlint cache (a project folder, `tmp/`), holds the
 * cache as `.brandlintcache` inside it; anything else is the cache folder itself. (An existing
 * folder is never taken over: opening a cache deletes the stale entries in it.)
 */
export function cacheFolderFor(location: string, cwd: string): string {
  const absolute = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(absolute, DEFAULT_CACHE_LOCATION);
  if (statOrNull(absolute)?.isDirectory() && !isCacheFolder(absolute)) return path.join(absolute, DEFAULT_CACHE_LOCATION);
  return absolute;
}

/** A folder brandlint made its cache (its CACHEDIR.TAG says so). */
function isCacheFolder(folder: string): boolean {
  try {
    return readFileSync(path.join(folder, MARKER), 'utf8').includes('brandlint --cache');
  } catch {
    return false;
  }
}

export class FolderLintCache implements LintCache {
  hits = 0;
  misses = 0;
  /** Entry file names read or written in this run. */
  private readonly touched = new Set<string>();
  private readonly entries: string;

  constructor(readonly handle: CacheHandle) {
    this.entries = path.join(handle.folder, `v${CACHE_FORMAT}-${handle.key.slice(0, 32)}`);
  }

  /**
   * Prepares the cache folder at `location` (created when missing) for a run whose inputs hash to
   * `key`, dropping the entries of other keys. An existing file there is refused unless it is a
   * cache of an earlier brandlint, which is replaced.
   */
  static async open(location: string, key: string): Promise<FolderLintCache> {
    const folder = path.resolve(location);
    const info = statOrNull(folder);
    if (info && !info.isDirectory()) {
      if (!(await isFormerCacheFile(folder))) {
        throw new CacheLocationError(`${location} is a file, not a cache folder; give --cache-location a folder (it is created when missing)`);
      }
      rmSync(folder, { force: true });
    }
    try {
      makeFolders(folder);
      if (!statOrNull(path.join(folder, MARKER))) writeAtomically(path.join(folder, MARKER), MARKER_TEXT);
    } catch (error) {
      throw new CacheLocationError(`cannot use ${location} as the cache folder: ${error instanceof Error ? error.message : String(error)}`);
    }
    const cache = new FolderLintCache({ folder, key });
    // Entries under another key can never be read again.
    for (const name of readdirSync(folder)) {
      if (name.startsWith('v') && path.join(folder, name) !== cache.entries) rmSync(path.join(folder, name), { recursive: true, force: true });
    }
    makeFolders(cache.entries);
    return cache;
  }

  get(target: LintTarget, text: string): CachedLint | undefined {
    const name = entryName(target.absolutePath);
    this.touched.add(name);
    const entry = readEntry(path.join(this.entries, name));
    const hit = entry !== null && entry.path === target.absolutePath && entry.hash === contentHash(text) && entry.result.file === target.file && entry.result.channel === target.channel;
    if (hit) this.hits++;
    else this.misses++;
    return hit ? { result: entry.result, notices: entry.notices } : undefined;
  }

  set(target: LintTarget, text: string, lint: CachedLint): void {
    const name = entryName(target.absolutePath);
    this.touched.add(name);
    const entry: CacheEntry = { path: target.absolutePath, hash: contentHash(text), result: lint.result, notices: lint.notices };
    try {
      writeAtomically(path.join(this.entries, name), JSON.stringify(entry));
    } catch {
      // A cache that cannot be written only costs the next run its speed.
    }
  }

  /**
   * Drops the entries of files that no longer exist. Only entries this run did not touch can be
   * stale; after a run over part of the project (paths, `--staged`) that is most of them, so
   * such runs leave them for the next full run.
   */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.entries);
    } catch {
      return;
    }
    for (const name of names) {
      if (this.touched.has(name) || !name.endsWith('.json')) continue;
      const entry = readEntry(path.join(this.entries, name));
      if (entry === null || !statOrNull(entry.path)) rmSync(path.join(this.entries, name), { force: true });
    }
  }
}

function entryName(absolutePath: string): string {
  return `${createHash('sha1').update(absolutePath).digest('hex')}.json`;
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** A cache file of brandlint 0.1 (one JSON file with `format: 1` and `entries`). */
async function isFormerCacheFile(file: string): Promise<boolean> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; key?: unknown; entries?: unknown };
    return data.format === 1 && typeof data.key === 'string' && typeof data.entries === 'object';
  } catch {
    return false;
  }
}

/** An entry as stored, or null when missing, unreadable or not of the expected shape. */
function readEntry(file: string): CacheEntry | null {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  return isEntry(data) ? data : null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown): boolean => isObject(value) && Number.isInteger(value['line']) && Number.isInteger(value['column']) && Number.isInteger(value['offset']);
const isRange = (value: unknown): boolean => isObject(value) && isPosition(value['start']) && isPosition(value['end']);

function isDiagnostic(value: unknown): value is Diagnostic {
  return (
    isObject(value) &&
    typeof value['ruleId'] === 'string' &&
    (value['severity'] === 'error' || value['severity'] === 'warning') &&
    typeof value['message'] === 'string' &&
    typeof value['file'] === 'string' &&
    (value['range'] === null || isRange(value['range']))
  );
}

/**
 * The shape every reader of a cached result relies on (what the run, the campaign phase and the
 * formatters read without checking); anything else is a miss. The counts must agree with the
 * findings, so an entry cannot claim a clean file while listing errors.
 */
function isEntry(value: unknown): value is CacheEntry {
  if (!isObject(value) || typeof value['path'] !== 'string' || typeof value['hash'] !== 'string' || !Array.isArray(value['notices'])) return false;
  if (!value['notices'].every((notice) => isObject(notice) && typeof notice['kind'] === 'string' && typeof notice['message'] === 'string')) return false;
  const result = value['result'];
  if (!isObject(result) || typeof result['file'] !== 'string' || typeof result['absolutePath'] !== 'string') return false;
  if (result['channel'] !== null && typeof result['channel'] !== 'string') return false;
  const diagnostics = result['diagnostics'];
  if (!Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) return false;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (result['errorCount'] !== errors || result['warningCount'] !== diagnostics.length - errors) return false;
  if (result['fixableCount'] !== diagnostics.filter((d) => d.fix !== undefined).length) return false;
  const pending = result['pending'];
  if (pending !== undefined && !(isObject(pending) && Array.isArray(pending['findings']) && pending['findings'].every(isDiagnostic) && Array.isArray(pending['directives']))) return false;
  const units = result['contentUnits'];
  if (units !== undefined && !(Number.isInteger(units) && (units as number) >= 0)) return false;
  for (const key of ['facts', 'campaignData'] as const) if (result[key] !== undefined && !Array.isArray(result[key])) return false;
  return true;
}

/** Written whole or not at all: a crash or a second writer never leaves half an entry. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never created
    }
    throw error;
  }
}

/**
 * The cache key: brandlint's version and the content of every input file that changes results
 * (a missing file counts as such, so creating one changes the key too). Order does not matter.
 */
export async function cacheKey(version: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`brandlint ${version}\0cache ${CACHE_FORMAT}\0`);
  for (const file of [...new Set(files.map((f) => path.resolve(f)))].sort()) {
    const content = await readFile(file).catch(() => null);
    hash.update(`${file}\0${content ? createHash('sha256').update(content).digest('hex') : 'missing'}\0`);
  }
  return hash.digest('hex');
}

