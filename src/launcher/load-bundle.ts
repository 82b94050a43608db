/**
 * Loads the bundled CLI (dist/src/cli/brandlint.cjs) with V8's code cache, so that a run after the
 * first skips parsing and compiling the code it uses (a large share of a one-file run). Node 22+
 * offers this as `module.enableCompileCache()`; on Node 20 the bundle is compiled here with
 * `vm.Script` and the compiled code kept in a folder of the user's own.
 *
 * Kept out of the bundle on purpose: it is what loads it. Imports Node built-ins only.
 */
import { isAscii } from 'node:buffer';
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { userCacheFolder } from '../core/user-cache.js';
import { shortHash } from '../core/short-hash.js';

export interface LoadedBundle<Exports> {
  exports: Exports;
  /**
   * Writes the code cache (after the run, so that the functions it compiled are in it); never throws.
   * `typical`: the run linted a few files (src/core/thread-activity.ts), and so compiled what most
   * runs use, and V8 still holds it (a long run's cache lacks what V8 flushed). V8 keeps the cache a
   * bundle's first run writes, and a run served from it compiles anew, on every run, what that
   * first run did not use (a one-file lint after a first `--version` took 0.05-0.1 s more CPU):
   * a cache written by another run is marked partial, and the first typical run writes it again,
   * with what it compiled besides.
   */
  saveCache(typical: boolean): void;
}

/**
 * Packages the CLI bundle leaves to bundles of their own beside it (scripts/build.mjs builds them
 * from this table): heavy, and not used by most runs. The bundle's first `require` of one loads
 * its side bundle, with a code cache of its own, instead of the package's files.
 */
export const SIDE_BUNDLES: Readonly<Record<string, string>> = {
  // Only for the user's own regular expressions, when a guideline file or a rule pack is read.
  refa: 'regex-analysis.cjs',
  scslre: 'regex-analysis.cjs',
};

interface CompileCacheModule {
  enableCompileCache?: (directory?: string) => unknown;
}

export function loadBundle<Exports>(file: string): LoadedBundle<Exports> {
  const sides = new Map<string, LoadedBundle<Record<string, unknown>>>();
  const require = requireWithSideBundles(file, sides);
  const nodeModule = Module as unknown as CompileCacheModule;
  if (typeof nodeModule.enableCompileCache === 'function' || process.env.BRANDLINT_NO_COMPILE_CACHE) {
    nodeModule.enableCompileCache?.();
    return { exports: require(file) as Exports, saveCache: () => undefined };
  }
  const cacheFile = cacheFileFor(file);
  const source = readSource(file);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // first run
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  const loaded = { exports: {} as unknown };
  wrapper.call(loaded.exports, loaded.exports, require, loaded, file, path.dirname(file));
  return {
    exports: loaded.exports as Exports,
    saveCache(typical) {
      for (const side of sides.values()) side.saveCache(typical);
      if (!cacheFile) return;
      const partial = `${cacheFile}.partial`;
      const accepted = cachedData !== undefined && !script.cachedDataRejected;
      if (accepted && !(typical && existsSync(partial))) {
        markInUse(cacheFile);
        return;
      }
      // A build's first run: the caches of builds and versions not run for weeks go.
      if (cachedData === undefined) pruneStaleCaches(path.dirname(cacheFile));
      if (!writeAtomically(cacheFile, script.createCachedData())) return;
      try {
        if (typical) rmSync(partial, { force: true });
        else if (!accepted) writeFileSync(partial, '', { mode: 0o600 });
      } catch {
        // a mark not changed: at worst one more rewrite, or none
      }
    },
  };
}

/** The `require` of a bundle: Node's, except for the packages of {@link SIDE_BUNDLES}. */
function requireWithSideBundles(file: string, sides: Map<string, LoadedBundle<Record<string, unknown>>>): NodeJS.Require {
  const plain = createRequire(file);
  const require = (id: string): unknown => {
    const side = Object.hasOwn(SIDE_BUNDLES, id) ? SIDE_BUNDLES[id] : undefined;
    if (side === undefined) return plain(id);
    let loaded = sides.get(side);
    if (!loaded) {
      loaded = loadBundle<Record<string, unknown>>(path.join(path.dirname(file), side));
      sides.set(side, loaded);
    }
    return loaded.exports[id];
  };
  return Object.assign(require, { resolve: plain.resolve, cache: plain.cache, extensions: plain.extensions, main: plain.main });
}

/**
 * The bundle's text. scripts/build.mjs writes it in ASCII only, and ASCII read as Latin-1 is the
 * same text, decoded in a fraction of a millisecond where Node 20's UTF-8 decoder takes tens of
 * milliseconds for 3 MB; a bundle that is not ASCII (built otherwise) is read as UTF-8.
 */
function readSource(file: string): string {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** The cache file of a bundle, in the user's cache folder; null when there is none. */
function cacheFileFor(file: string): string | null {
  try {
    const folder = userCacheFolder();
    if (!folder) return null;
    const bundle = statSync(file);
    const key = shortHash(`${file}\0${bundle.size}\0${bundle.mtimeMs}\0${process.version}\0${process.arch}`);
    return path.join(folder, `${key}.v8cache`);
  } catch {
    return null;
  }
}

/**
 * Every build (and every installed version) keeps a cache file of its own, ~2.5 MB: one not used
 * for this long is deleted when a new one is written, so that the folder does not grow with each
 * upgrade or rebuild. A cache in use has its time refreshed (at most once a day) by {@link markInUse}.
 */
const STALE_CACHE_MS = 14 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function pruneStaleCaches(folder: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(folder)) {
      if (!/^[0-9a-z]+\.v8cache(?:\.partial)?$/.test(name)) continue;
      const file = path.join(folder, name);
      try {
        const info = lstatSync(file);
        if (info.isFile() && now - info.mtimeMs > STALE_CACHE_MS) unlinkSync(file);
      } catch {
        // gone already, or another user's: left as it is
      }
    }
  } catch {
    // an unreadable folder: nothing pruned
  }
}

/** Refreshes the time of a cache file in use, so that pruning keeps it (once a day at most). */
function markInUse(file: string): void {
  try {
    const now = Date.now();
    if (now - statSync(file).mtimeMs > DAY_MS) utimesSync(file, new Date(now), new Date(now));
  } catch {
    // at worst pruned after two weeks and written again
  }
}

/** Whether `data` was written. */
function writeAtomically(file: string, data: Buffer): boolean {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
    return false;
  }
}

