import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, tempDir } from './helpers.js';

/** What keeps the CLI bundle (dist/src/cli/brandlint.cjs, scripts/build.mjs) cheap to load on every run. */
describe('CLI bundle', () => {
  const bundle = readFileSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'brandlint.cjs'), 'latin1');

  it('is ASCII only, so that V8 holds its source as a one-byte string', () => {
    const first = /[^\x00-\x7f]/.exec(bundle);
    expect(first && bundle.slice(Math.max(0, first.index - 40), first.index + 10)).toBeNull();
  });

  it('holds write-good instead of leaving it to Node (compiled from source on every run)', () => {
    // write-good's own "There is" check (write-good/lib/there-is.js).
    expect(bundle).toContain(String.raw`there\\b\\s(is|are)\\b`);
  });

  it("leaves out fdir's lookup of picomatch (six files Node would compile from source on every run)", () => {
    expect(bundle).not.toContain('("picomatch")');
  });

  it("holds zod's English messages only (the other languages are 260 KB every run would read)", () => {
    // zod's English "expected string, received number", and its German words for "to have".
    expect(bundle).toContain('Invalid input: expected');
    expect(bundle).not.toContain('zu haben');
  });

  it('lints one file without loading the Node built-ins only other runs need (child_process, worker_threads, perf_hooks)', () => {
    const { dir, cleanup } = tempDir();
    try {
      // Preloaded into the CLI's process: writes the built-ins Node loaded, when the process exits.
      const preload = path.join(dir, 'record-builtins.cjs');
      const loaded = path.join(dir, 'builtins.txt');
      writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join('\\n')));\n`);
      const run = spawnSync(process.execPath, ['--require', preload, BIN, 'lint', '--concurrency', 'off', 'fixtures/email/brand--banned.fail.html'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.status, run.stderr).not.toBe(2);
      const builtins = readFileSync(loaded, 'utf8').split('\n').filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length));
      expect(builtins).toContain('vm');
      expect(builtins.filter((name) => ['child_process', 'worker_threads', 'perf_hooks'].includes(name))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('ends a finished lint at once, without tearing the heap down, with its exit code', () => {
    const { dir, cleanup } = tempDir();
    try {
      // 'beforeExit' fires when Node ends the process because nothing is left to do; process.exit skips it.
      const preload = path.join(dir, 'record-exit.cjs');
      const events = path.join(dir, 'events.txt');
      writeFileSync(preload, `const fs = require('node:fs');\nprocess.on('beforeExit', () => fs.appendFileSync(${JSON.stringify(events)}, 'beforeExit\\n'));\nprocess.on('exit', (code) => fs.appendFileSync(${JSON.stringify(events)}, 'exit ' + code + '\\n'));\n`);
      const run = spawnSync(process.execPath, ['--require', preload, BIN, 'lint', '--concurrency', 'off', 'fixtures/email/brand--banned.fail.html'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toContain('brand--banned.fail.html');
      expect(readFileSync(events, 'utf8')).toBe('exit 1\n');
    } finally {
      cleanup();
    }
  });

  it.skipIf(process.platform === 'win32')('lets a report still queued for a slow reader of its pipe reach it whole before exiting', () => {
    // fixtures/ as SARIF is far more than a pipe holds: with a reader that waits, most of it is
    // still queued in the stream when the lint is done. (A shell pipe: Node's own stdio pipes are
    // socket pairs, which take the whole write at once.)
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} lint --concurrency off --format sarif fixtures/ 2>/dev/null | { sleep 1; cat; }`;
    const run = spawnSync('sh', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stdout.length).toBeGreaterThan(200_000);
    expect((JSON.parse(run.stdout) as { version: string }).version).toBe('2.1.0');
  });

  it('leaves refa and scslre to a side bundle, which the launcher loads when a pattern is checked', () => {
    expect(existsSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'regex-analysis.cjs'))).toBe(true);
    // One of refa's own error messages.
    expect(bundle).not.toContain('A concatenation cannot be parent of a concatenation.');
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(path.join(dir, 'brandlint.config.yaml'), 'guidelines: brand.guidelines.yaml\n');
      writeFileSync(path.join(dir, 'brand.guidelines.yaml'), "version: 1\nbrand:\n  name: Northwind\n  domains: [northwind.example]\nvoice:\n  banned:\n    - pattern: '(a|a)*$'\n");
      writeFileSync(path.join(dir, 'page.html'), '<p>Hello</p>\n');
      const run = spawnSync(process.execPath, [BIN, 'lint', 'page.html'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).toContain('the alternatives "a" and "a" can match the same text');
    } finally {
      cleanup();
    }
  });

  // Node 22+ keeps the cache itself (module.enableCompileCache); the launcher's own is for Node 20.
  const ownCodeCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
  if (!ownCodeCache) console.log('skipped: the code cache test needs Node 20 (this Node caches compiled code itself)');
  it.skipIf(!ownCodeCache)('keeps the code cache of a run that linted: one written by `--version` is written again by the next lint', () => {
    const { dir, cleanup } = tempDir();
    try {
      const { run, folder, entries } = codeCacheSandbox(dir);
      expect(run(['--version']).status).toBe(0);
      const [cacheFile, mark] = entries();
      expect(mark).toBe(`${cacheFile}.partial`);
      const versionSize = statSync(path.join(folder(), cacheFile!)).size;
      expect(run(['lint', '--concurrency', 'off', 'fixtures/email/brand--banned.fail.html']).status).toBe(1);
      expect(entries()).toEqual([cacheFile]);
      expect(statSync(path.join(folder(), cacheFile!)).size).toBeGreaterThan(versionSize * 2);
    } finally {
      cleanup();
    }
  });

  it.skipIf(!ownCodeCache)('accepts its own code cache on the next run: the V8 flags the launcher sets are the same when the cache is written and read', () => {
    const { dir, cleanup } = tempDir();
    try {
      // V8 rejects a cache made under other flags; the launcher's flags (heap growth, TurboFan's
      // interrupt budget) are set before the bundle is compiled, so both runs see the same ones.
      // A rejected cache would be written again: a new file (rename), so a new inode.
      const { run, folder, entries } = codeCacheSandbox(dir);
      const lint = ['lint', '--concurrency', 'off', 'fixtures/email/brand--banned.fail.html'];
      expect(run(lint).status).toBe(1);
      const [cacheFile] = entries();
      const written = statSync(path.join(folder(), cacheFile!)).ino;
      expect(run(lint).status).toBe(1);
      expect(run(lint).status).toBe(1);
      expect(entries()).toEqual([cacheFile]);
      expect(statSync(path.join(folder(), cacheFile!)).ino).toBe(written);
    } finally {
      cleanup();
    }
  });

  it.skipIf(!ownCodeCache)('deletes the code caches of other builds unused for two weeks when it writes its own, and keeps its own in use', () => {
    const { dir, cleanup } = tempDir();
    try {
      const { run, folder, entries } = codeCacheSandbox(dir);
      expect(run(['--version']).status).toBe(0);
      const [own] = entries();
      const old = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000);
      const recent = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
      // Another build's caches (one old, one recent) and this build's own, made to look old.
      writeFileSync(path.join(folder(), '0000000000000001.v8cache'), 'x');
      writeFileSync(path.join(folder(), '0000000000000001.v8cache.partial'), '');
      writeFileSync(path.join(folder(), '0000000000000002.v8cache'), 'x');
      writeFileSync(path.join(folder(), 'notes.txt'), 'not a cache');
      for (const name of ['0000000000000001.v8cache', '0000000000000001.v8cache.partial', 'notes.txt']) utimesSync(path.join(folder(), name), old, old);
      utimesSync(path.join(folder(), '0000000000000002.v8cache'), recent, recent);
      utimesSync(path.join(folder(), own!), old, old);
      // A run that uses its cache refreshes its time; a new build's first run prunes.
      expect(run(['--version']).status).toBe(0);
      expect(Date.now() - statSync(path.join(folder(), own!)).mtimeMs).toBeLessThan(60 * 60 * 1000);
      rmSync(path.join(folder(), own!));
      rmSync(path.join(folder(), `${own!}.partial`), { force: true });
      expect(run(['--version']).status).toBe(0);
      expect(entries().filter((name) => name.startsWith('0000'))).toEqual(['0000000000000002.v8cache']);
      expect(readdirSync(folder())).toContain('notes.txt');
      expect(entries()).toContain(own);
    } finally {
      cleanup();
    }
  });

  it.skipIf(!ownCodeCache)('marks a code cache written at the end of a long run partial: the next short lint writes it again', () => {
    const { dir, cleanup } = tempDir();
    try {
      // V8 flushes the bytecode of what a long run used first (start-up, configuration), so a
      // cache written at its end would leave every later one-file lint compiling those again.
      const { run, entries } = codeCacheSandbox(dir);
      // fixtures/ holds more than 64 content files (src/core/thread-activity.ts).
      expect(run(['lint', '--concurrency', 'off', '--quiet', 'fixtures']).status).toBe(1);
      const [cacheFile, mark] = entries();
      expect(mark).toBe(`${cacheFile}.partial`);
      expect(run(['lint', '--concurrency', 'off', 'fixtures/email/brand--banned.fail.html']).status).toBe(1);
      expect(entries()).toEqual([cacheFile]);
    } finally {
      cleanup();
    }
  });
});

/** Runs of the CLI with their own cache folder (under the temporary folder: src/core/user-cache.ts), and the code cache files in it. */
function codeCacheSandbox(dir: string) {
  const env = { ...process.env, TMPDIR: dir, BRANDLINT_SERVER: 'off' };
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env });
  const folder = () => path.join(dir, readdirSync(dir).find((name) => name.startsWith('brandlint-compile-cache-'))!);
  const entries = () => readdirSync(folder()).filter((name) => /\.v8cache(\.partial)?$/.test(name)).sort();
  return { run, folder, entries };
}
