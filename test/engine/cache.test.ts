import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderLintCache } from '../../src/engine/cache.js';
import { lintProject, type LintProjectOptions } from '../../src/engine/lint-project.js';
import type { ContentParser } from '../../src/engine/runner.js';
import { tempProject, testParser, wordRule } from './helpers.js';

/** `--cache`: a second run over unchanged files parses nothing; any input that changes results invalidates it. */
const rules = [wordRule('test/red', 'red', { replacement: 'blue' }), wordRule('test/todo', 'TODO')];
const TOKENS = JSON.stringify({ color: { brand: { $type: 'color', $value: { colorSpace: 'srgb', components: [0.1, 0.3, 0.2] } } } });

let project: Awaited<ReturnType<typeof tempProject>>;
let parsed: string[];
const countingParser: ContentParser = (input) => {
  parsed.push(input.file);
  return testParser(input);
};

beforeEach(async () => {
  parsed = [];
  project = await tempProject({
    'brandlint.config.yaml': 'tokens: [tokens/*.tokens.json]\nrules:\n  test/todo: warn\n',
    'tokens/color.tokens.json': TOKENS,
    'emails/welcome.html': '<p>TODO</p>\n',
    'index.html': '<p>red</p>\n',
    'about.html': '<p>ok</p>\n',
  });
});
afterEach(async () => {
  await project.cleanup();
});

async function run(extra: Partial<LintProjectOptions> = {}) {
  parsed = [];
  const outcome = await lintProject({ cwd: project.dir, rules, parse: countingParser, cache: { location: '.brandlintcache', version: '1.0.0' }, ...extra });
  if (!outcome.ok) throw new Error(outcome.message);
  return { outcome, parsed: [...parsed].sort() };
}

const findings = (outcome: Extract<Awaited<ReturnType<typeof lintProject>>, { ok: true }>) =>
  outcome.results.map((r) => ({ file: r.file, source: r.source, diagnostics: r.diagnostics.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column}`) }));

describe('--cache', () => {
  it('parses every file once, then nothing while nothing changes, with the same results', async () => {
    const cold = await run();
    expect(cold.parsed).toEqual(['about.html', 'emails/welcome.html', 'index.html']);
    expect(cold.outcome.cacheStats).toEqual({ hits: 0, misses: 3 });
    const warm = await run();
    expect(warm.parsed).toEqual([]);
    expect(warm.outcome.cacheStats).toEqual({ hits: 3, misses: 0 });
    expect(findings(warm.outcome)).toEqual(findings(cold.outcome));
    expect(warm.outcome.results).toEqual(cold.outcome.results);
  });

  it('re-lints only a file whose content changed (not one merely touched)', async () => {
    await run();
    await project.write({ 'index.html': '<p>ok</p>\n<p>red</p>\n', 'about.html': '<p>ok</p>\n' });
    const again = await run();
    expect(again.parsed).toEqual(['index.html']);
    expect(findings(again.outcome).find((r) => r.file === 'index.html')!.diagnostics).toEqual(['test/red 2:4']);
  });

  it.each<[string, Record<string, string>]>([
    ['a token change', { 'tokens/color.tokens.json': TOKENS.replace('0.1', '0.2') }],
    ['a new token file', { 'tokens/more.tokens.json': TOKENS.replace('brand', 'accent') }],
    ['a configuration change', { 'brandlint.config.yaml': 'tokens: [tokens/*.tokens.json]\nrules:\n  test/todo: error\n' }],
    ['a guideline file appearing', { 'tokens/brand.guidelines.yaml': 'version: 1\nbrand:\n  name: Test\n  domains: [test.example]\n' }],
  ])('is invalidated by %s', async (_name, change) => {
    await run();
    expect((await run()).parsed).toEqual([]);
    await project.write(change);
    const after = await run();
    expect(after.parsed).toEqual(['about.html', 'emails/welcome.html', 'index.html']);
  });

  it('a token change re-lints, and results follow the new configuration', async () => {
    await run();
    await project.write({ 'brandlint.config.yaml': 'tokens: [tokens/*.tokens.json]\nrules:\n  test/todo: error\n' });
    const after = await run();
    expect(after.outcome.results.find((r) => r.file === 'emails/welcome.html')!.diagnostics[0]!.severity).toBe('error');
  });

  it("is invalidated by another brandlint version and by a change to a built-in rule pack", async () => {
    const builtin = { location: '.brandlintcache', version: '1.0.0', extraFiles: [path.join(project.dir, 'builtin/voice.yml')] };
    await project.write({ 'builtin/voice.yml': 'rules: []\n' });
    await run({ cache: builtin });
    expect((await run({ cache: builtin })).parsed).toEqual([]);
    await project.write({ 'builtin/voice.yml': 'rules: [changed]\n' });
    expect((await run({ cache: builtin })).parsed).toHaveLength(3);
    expect((await run({ cache: builtin })).parsed).toEqual([]);
    expect((await run({ cache: { ...builtin, version: '1.0.1' } })).parsed).toHaveLength(3);
  });

  it('--fix re-lints cached files that have fixes, writes them, and caches the fixed text', async () => {
    await run();
    const fixing = await run({ fix: 'write' });
    expect(fixing.parsed.filter((f) => f === 'index.html').length).toBeGreaterThan(0);
    expect(fixing.parsed).not.toContain('about.html');
    expect(await readFile(path.join(project.dir, 'index.html'), 'utf8')).toBe('<p>blue</p>\n');
    const after = await run();
    expect(after.parsed).toEqual([]);
    expect(after.outcome.results.find((r) => r.file === 'index.html')!.diagnostics).toEqual([]);
  });

  it('does not cache the result of --fix-dry-run for the unfixed text on disk', async () => {
    await run({ fix: 'dry-run' });
    const after = await run();
    expect(after.parsed).toEqual(['index.html']);
    expect(after.outcome.results.find((r) => r.file === 'index.html')!.diagnostics).toHaveLength(1);
  });

  it('forgets files that were deleted, in the next run over the whole project', async () => {
    await run();
    const { rm } = await import('node:fs/promises');
    await rm(path.join(project.dir, 'about.html'));
    await project.write({ 'index.html': '<p>changed</p>\n' });
    await run({ paths: ['index.html'] });
    expect(await cachedPaths()).toHaveLength(3);
    await run();
    expect(await cachedPaths()).toEqual(['emails/welcome.html', 'index.html']);
  });

  it('keeps one small entry per file in a folder, and drops the entries of another key', async () => {
    await run();
    const folder = path.join(project.dir, '.brandlintcache');
    expect((await stat(folder)).isDirectory()).toBe(true);
    expect(await readFile(path.join(folder, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
    await run({ cache: { location: '.brandlintcache', version: '2.0.0' } });
    expect((await readdir(folder)).filter((name) => name.startsWith('v'))).toHaveLength(1);
  });

  it('takes an entry of the wrong shape, or one whose counts disagree with its findings, as a miss', async () => {
    await run();
    const entries = await entryFiles();
    const [first, second] = entries;
    const entry = JSON.parse(await readFile(first!, 'utf8'));
    await writeFile(first!, JSON.stringify({ ...entry, result: { ...entry.result, diagnostics: 'none' } }));
    const forged = JSON.parse(await readFile(second!, 'utf8'));
    await writeFile(second!, JSON.stringify({ ...forged, result: { ...forged.result, errorCount: forged.result.errorCount + 1 } }));
    const again = await run();
    expect(again.outcome.cacheStats).toEqual({ hits: 1, misses: 2 });
    expect(again.parsed).toHaveLength(2);
  });

  it('replaces a cache file of an earlier brandlint, and refuses a location that is some other file', async () => {
    await project.write({ '.brandlintcache': JSON.stringify({ format: 1, key: 'k', entries: {} }) });
    expect((await run()).parsed).toHaveLength(3);
    expect((await run()).parsed).toEqual([]);
    await project.write({ 'data.json': '{"keep": true}\n' });
    const refused = await lintProject({ cwd: project.dir, rules, parse: countingParser, cache: { location: 'data.json', version: '1.0.0' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused).toMatchObject({ stage: 'cache', message: expect.stringMatching(/data\.json is a file, not a cache folder/) });
    expect(await readFile(path.join(project.dir, 'data.json'), 'utf8')).toBe('{"keep": true}\n');
  });

  it('creates a missing location as a folder, with or without a trailing slash', async () => {
    await run({ cache: { location: 'newdir/', version: '1.0.0' } });
    await run({ cache: { location: 'other', version: '1.0.0' } });
    expect((await stat(path.join(project.dir, 'newdir'))).isDirectory()).toBe(true);
    expect((await stat(path.join(project.dir, 'other'))).isDirectory()).toBe(true);
    const cache = await FolderLintCache.open(path.join(project.dir, 'other'), 'other-key');
    expect(cache.handle.folder).toBe(path.join(project.dir, 'other'));
  });
});

async function entryFiles(): Promise<string[]> {
  const folder = path.join(project.dir, '.brandlintcache');
  const keyFolder = (await readdir(folder)).find((name) => name.startsWith('v'))!;
  return (await readdir(path.join(folder, keyFolder))).filter((name) => name.endsWith('.json')).sort().map((name) => path.join(folder, keyFolder, name));
}

async function cachedPaths(): Promise<string[]> {
  const paths = await Promise.all((await entryFiles()).map(async (file) => JSON.parse(await readFile(file, 'utf8')).path as string));
  return paths.map((file) => path.relative(project.dir, file).split(path.sep).join('/')).sort();
}
