/**
 * `--cache`: the results of files whose text has not changed since the last run. A run still
 * reads every file (the content hash decides, not the modification time, so a checkout or a
 * `touch` does not invalidate anything), but parses and lints only the changed ones. The whole
 * cache is dropped when anything that can change a result changes: the configuration file, the
 * token files, the guideline file, the rule packs, or brandlint's version (all hashed into one
 * key). The campaign phase is not cached: it is cheap and runs on every run over the results.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintNotice, LintResult } from './result.js';
import type { LintTarget } from './runner.js';

/** Version of the cache file's shape. */
export const CACHE_FORMAT = 1;
export const DEFAULT_CACHE_LOCATION = '.brandlintcache';

/** What is remembered of a file: its result without the text, and the notices linting it gave. */
export interface CachedLint {
  result: Omit<LintResult, 'source' | 'output'>;
  notices: LintNotice[];
}

/** What the runner asks of a cache. */
export interface LintCache {
  get(target: LintTarget, text: string): CachedLint | undefined;
  set(target: LintTarget, text: string, lint: CachedLint): void;
}

interface CacheEntry extends CachedLint {
  /** sha256 of the file's text. */
  hash: string;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  key: string;
  /** Absolute path -> entry. */
  entries: Record<string, CacheEntry>;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A cache kept in one JSON file. */
export class FileLintCache implements LintCache {
  hits = 0;
  misses = 0;
  private changed = false;
  /** Files asked about in this run (the others are checked for existence on save). */
  private readonly touched = new Set<string>();

  private constructor(
    readonly file: string,
    readonly key: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /**
   * Opens the cache at `location` (a file, or a folder to hold `.brandlintcache`) for a run whose
   * inputs hash to `key`. A missing, unreadable or stale cache starts empty.
   */
  static async open(location: string, key: string): Promise<FileLintCache> {
    const file = await cacheFilePath(location);
    let entries = new Map<string, CacheEntry>();
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
      if (data.format === CACHE_FORMAT && data.key === key && data.entries && typeof data.entries === 'object') {
        entries = new Map(Object.entries(data.entries));
      }
    } catch {
      // no cache yet, or not ours: start empty (it is rewritten on save)
    }
    return new FileLintCache(file, key, entries);
  }

  get(target: LintTarget, text: string): CachedLint | undefined {
    this.touched.add(target.absolutePath);
    const entry = this.entries.get(target.absolutePath);
    const hit = entry && entry.hash === contentHash(text) && entry.result.file === target.file && entry.result.channel === target.channel;
    if (hit) this.hits++;
    else this.misses++;
    return hit ? { result: entry.result, notices: entry.notices } : undefined;
  }

  set(target: LintTarget, text: string, lint: CachedLint): void {
    this.touched.add(target.absolutePath);
    this.entries.set(target.absolutePath, { hash: contentHash(text), result: lint.result, notices: lint.notices });
    this.changed = true;
  }

  /**
   * Writes the cache (atomically: a crash never leaves half a file) when something changed,
   * dropping the entries of files that no longer exist.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    for (const file of [...this.entries.keys()].filter((key) => !this.touched.has(key))) {
      if (!(await access(file).then(() => true, () => false))) this.entries.delete(file);
    }
    const sorted = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const data: CacheFile = { format: CACHE_FORMAT, key: this.key, entries: sorted };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(data), 'utf8');
    await rename(temporary, this.file);
    this.changed = false;
  }
}

async function cacheFilePath(location: string): Promise<string> {
  if (/[\\/]$/.test(location)) return path.join(location, DEFAULT_CACHE_LOCATION);
  const info = await stat(location).catch(() => null);
  return info?.isDirectory() ? path.join(location, DEFAULT_CACHE_LOCATION) : location;
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
