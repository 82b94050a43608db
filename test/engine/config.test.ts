import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Range } from '../../src/core/position.js';
import { defineConfig, loadConfig, resolvePattern } from '../../src/engine/config.js';

let dir: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'brandlint-config-')));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes files (relative to the temp folder), creating folders. */
async function files(entries: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text, 'utf8');
  }
}

function span(range: Range | null | undefined): string | null {
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : null;
}

describe('finding the configuration', () => {
  it.each([
    ['brandlint.config.json', '{ "build": { "outDir": "out" } }'],
    ['brandlint.config.yaml', 'build:\n  outDir: out\n'],
    ['brandlint.config.yml', 'build: { outDir: out }\n'],
    ['brandlint.config.js', 'module.exports = { build: { outDir: "out" } };\n'],
    ['brandlint.config.mjs', 'export default { build: { outDir: "out" } };\n'],
    ['package.json', '{ "name": "site", "brandlint": { "build": { "outDir": "out" } } }'],
  ])('finds %s', async (name, text) => {
    await files({ [name]: text });
    const result = await loadConfig({ cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(result.file).toBe(path.join(dir, name));
    expect(result.config.rootDir).toBe(dir);
    expect(result.config.build.outDir).toBe(path.join(dir, 'out'));
  });

  it('searches from cwd upward and resolves paths against the config folder', async () => {
    await files({
      'brandlint.config.yaml': 'tokens: design/*.tokens.json\nguidelines: design/brand.yaml\nbuild: { outDir: ../dist }\n',
      'pages/promo/index.html': '<p>hi</p>',
    });
    const result = await loadConfig({ cwd: path.join(dir, 'pages', 'promo') });
    expect(result.file).toBe(path.join(dir, 'brandlint.config.yaml'));
    expect(result.config.tokens).toEqual([path.join(dir, 'design/*.tokens.json')]);
    expect(result.config.guidelines).toBe(path.join(dir, 'design/brand.yaml'));
    expect(result.config.build.outDir).toBe(path.join(path.dirname(dir), 'dist'));
  });

  it('stops at the repository root: a JS config above the folder holding .git is never found, so never run (issue 11, row 9)', async () => {
    await files({
      'brandlint.config.mjs': 'globalThis.__brandlintParentConfigRan = true;\nexport default { build: { outDir: "parent" } };\n',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/pages/index.html': '<p>hi</p>',
    });
    const result = await loadConfig({ cwd: path.join(dir, 'repo', 'pages') });
    expect(result.file).toBeNull();
    expect((globalThis as { __brandlintParentConfigRan?: boolean }).__brandlintParentConfigRan).toBeUndefined();
    // A worktree or submodule has a .git file instead of a folder: the same stop.
    await rm(path.join(dir, 'repo', '.git'), { recursive: true });
    await files({ 'repo/.git': 'gitdir: /elsewhere\n' });
    expect((await loadConfig({ cwd: path.join(dir, 'repo', 'pages') })).file).toBeNull();
    // The repository's own root is still searched.
    await files({ 'repo/brandlint.config.yaml': 'build: { outDir: out }\n' });
    expect((await loadConfig({ cwd: path.join(dir, 'repo', 'pages') })).file).toBe(path.join(dir, 'repo', 'brandlint.config.yaml'));
  });

  it('skips a package.json without a "brandlint" key', async () => {
    await files({ 'package.json': '{ "name": "site" }' });
    const result = await loadConfig({ cwd: dir });
    expect(result.file).toBeNull();
    expect(result.diagnostics).toEqual([]);
  });

  it('prefers brandlint.config.json over other files in the same folder, with a warning', async () => {
    await files({
      'brandlint.config.json': '{}',
      'brandlint.config.yaml': 'build: { outDir: other }\n',
      'package.json': '{ "brandlint": { "build": { "outDir": "pkg" } } }',
    });
    const result = await loadConfig({ cwd: dir });
    expect(result.file).toBe(path.join(dir, 'brandlint.config.json'));
    expect(result.config.build.outDir).toBe(path.join(dir, 'build'));
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'config/ambiguous',
        severity: 'warning',
        message: 'several configuration files in one folder; using brandlint.config.json and ignoring brandlint.config.yaml',
      },
    ]);
  });

  it('treats an empty configuration file as an empty configuration', async () => {
    await files({ 'brandlint.config.yaml': '# nothing yet\n' });
    const result = await loadConfig({ cwd: dir });
    expect(result.file).toBe(path.join(dir, 'brandlint.config.yaml'));
    expect(result.diagnostics).toEqual([]);
  });
});

describe('no configuration', () => {
  it('returns file null and the defaults, without diagnostics', async () => {
    const result = await loadConfig({ cwd: dir });
    expect(result.file).toBeNull();
    expect(result.diagnostics).toEqual([]);
    expect(result.config).toEqual({
      rootDir: dir,
      tokens: [path.join(dir, 'tokens/**/*.tokens.json')],
      tokenFormats: [],
      contexts: { dark: null, selectors: [], files: [] },
      guidelines: null,
      build: {
        outDir: path.join(dir, 'build'),
        platforms: ['css', 'scss', 'js', 'json', 'email', 'brand'],
        prefix: undefined,
        remBase: 16,
        selector: ':root',
      },
      channels: {},
      rules: {},
      overrides: [],
      ignorePatterns: [],
      vendorFiles: 'skip',
      packs: [],
      locale: 'en',
      campaigns: { briefs: path.join(dir, 'campaigns'), assign: {} },
    });
  });

  it('uses tokens/brand.guidelines.yaml when it exists', async () => {
    await files({ 'tokens/brand.guidelines.yaml': 'version: 1\n' });
    const result = await loadConfig({ cwd: dir });
    expect(result.config.guidelines).toBe(path.join(dir, 'tokens/brand.guidelines.yaml'));
  });
});

describe('explicit --config', () => {
  it('loads the named file, relative to cwd, and resolves paths against its folder', async () => {
    await files({ 'config/brand.yaml': 'tokens: [t/*.json]\npacks: [packs/extra.yaml]\n' });
    const result = await loadConfig({ cwd: dir, configFile: 'config/brand.yaml' });
    expect(result.file).toBe(path.join(dir, 'config/brand.yaml'));
    expect(result.config.rootDir).toBe(path.join(dir, 'config'));
    expect(result.config.tokens).toEqual([path.join(dir, 'config/t/*.json')]);
    expect(result.config.packs).toEqual([path.join(dir, 'config/packs/extra.yaml')]);
  });

  it.each([
    ['missing.yaml', 'config/not-found', 'configuration file not found'],
    ['brand.toml', 'config/load', 'unsupported configuration file type ".toml"; use .json, .yaml, .yml, .js, .mjs, .cjs or package.json'],
  ])('%s -> %s', async (name, ruleId, message) => {
    const result = await loadConfig({ cwd: dir, configFile: name });
    expect(result.file).toBeNull();
    expect(result.diagnostics).toEqual([{ ruleId, severity: 'error', message, file: path.join(dir, name), range: null }]);
    expect(result.config.rootDir).toBe(dir);
  });

  it('reports a package.json without a "brandlint" key', async () => {
    await files({ 'package.json': '{ "name": "site" }' });
    const result = await loadConfig({ cwd: dir, configFile: 'package.json' });
    expect(result.diagnostics).toMatchObject([{ ruleId: 'config/load', message: 'package.json has no "brandlint" key' }]);
  });
});

describe('invalid configuration', () => {
  it.each([
    [
      'brandlint.config.yaml',
      'tokens: tokens/*.json\nbuild:\n  outDir: dist\n  platfroms: [css]\n',
      'config/unknown-key',
      '4:3-4:12',
      'unknown key "platfroms" in build (did you mean "platforms"?); expected one of: outDir, platforms, prefix, remBase, selector',
    ],
    [
      'brandlint.config.json',
      '{\n  "tokenz": ["a.json"]\n}\n',
      'config/unknown-key',
      '2:3-2:11',
      'unknown key "tokenz" at the top level (did you mean "tokens"?); expected one of: $schema, tokens, guidelines, build, channels, contexts, rules, overrides, ignorePatterns, vendorFiles, packs, locale, campaigns',
    ],
    [
      'package.json',
      '{\n  "name": "site",\n  "brandlint": {\n    "build": { "colour": "red" }\n  }\n}\n',
      'config/unknown-key',
      '4:16-4:24',
      'unknown key "colour" in build; expected one of: outDir, platforms, prefix, remBase, selector',
    ],
    ['brandlint.config.yaml', 'build:\n  remBase: "16px"\n', 'config/invalid-type', '2:12-2:18', 'build.remBase: expected number, got string "16px"'],
    [
      'brandlint.config.yaml',
      'build:\n  platforms: [css, less]\n',
      'config/invalid-value',
      '2:20-2:24',
      'build.platforms[1]: expected one of "css", "scss", "js", "json", "email", "brand", got string "less"',
    ],
    ['brandlint.config.yaml', 'build: { prefix: 16 }\n', 'config/invalid-type', '1:18-1:20', 'build.prefix: expected string, got number 16'],
    [
      'brandlint.config.yaml',
      'build: { prefix: "1nw" }\n',
      'config/invalid-value',
      '1:18-1:23',
      'build.prefix: must be a CSS identifier (letters, digits, "-" and "_", not starting with a digit), got string "1nw"',
    ],
    [
      'brandlint.config.yaml',
      'rules:\n  color-off-palette: warning\n',
      'config/invalid-value',
      '2:22-2:29',
      'rules.color-off-palette: expected "off", "warn", "error" or array, got string "warning" (did you mean "warn"?)',
    ],
    [
      'brandlint.config.yaml',
      'channels:\n  emial: ["emails/**/*.html"]\n',
      'config/unknown-key',
      '2:3-2:8',
      'unknown key "emial" in channels (did you mean "email"?); expected one of: email, landing, chatbot, social, article, print',
    ],
    [
      'brandlint.config.yaml',
      'overrides:\n  - files: ["social/**"]\n    channels: [sms]\n    rules: {}\n',
      'config/invalid-value',
      '3:16-3:19',
      'overrides[0].channels[0]: expected one of "email", "landing", "chatbot", "social", "article", "print", got string "sms"',
    ],
    ['brandlint.config.yaml', 'overrides:\n  - rules: {}\n', 'config/missing-key', '2:5-3:1', 'missing required key "files" in overrides[0] (expected array)'],
    ['brandlint.config.json', '{ "build": { "outDir": "a", } }', 'config/syntax', '1:29-1:30', 'invalid JSON: unexpected "}" (trailing commas are not allowed in JSON)'],
    ['brandlint.config.yaml', 'build:\n  outDir: a\n  outDir: b\n', 'config/duplicate-key', '3:3-3:9', 'duplicate key "outDir"'],
    ['package.json', '{ "brandlint": { "build": 1, } }', 'config/syntax', '1:30-1:31', 'invalid JSON: unexpected "}" (trailing commas are not allowed in JSON)'],
  ])('%s %j', async (name, text, ruleId, at, message) => {
    await files({ [name]: text });
    const result = await loadConfig({ cwd: dir });
    expect(result.file).toBe(path.join(dir, name));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId, severity: 'error', message, file: path.join(dir, name) });
    expect(span(result.diagnostics[0]?.range)).toBe(at);
    // Invalid configuration: defaults, relative to the config folder.
    expect(result.config.build.outDir).toBe(path.join(dir, 'build'));
  });

  it('reports every problem, in file order', async () => {
    await files({ 'brandlint.config.yaml': 'packs: 3\nbuild:\n  remBase: -1\ncolor: red\n' });
    const result = await loadConfig({ cwd: dir });
    expect(result.diagnostics.map((d) => `${span(d.range)} ${d.ruleId}`)).toEqual([
      '1:8-1:9 config/invalid-type',
      '3:12-3:14 config/invalid-value',
      '4:1-4:6 config/unknown-key',
    ]);
  });
});

describe('JavaScript configuration', () => {
  it('reports problems by key path, without a position', async () => {
    await files({ 'brandlint.config.mjs': 'export default { build: { colour: "red", remBase: "16" } };\n' });
    const result = await loadConfig({ cwd: dir });
    expect(result.diagnostics.map((d) => [d.ruleId, d.message, d.range])).toEqual([
      ['config/invalid-type', 'build.remBase: expected number, got string "16"', null],
      ['config/unknown-key', 'unknown key "colour" in build; expected one of: outDir, platforms, prefix, remBase, selector', null],
    ]);
  });

  it.each([
    ['brandlint.config.mjs', 'throw new Error("boom");\n', /^cannot load configuration: .*boom/],
    ['brandlint.config.mjs', 'export const config = {};\n', /^the configuration module has no default export/],
    ['brandlint.config.js', 'module.exports = {;\n', /^cannot load configuration: /],
  ])('%s %j -> config/load', async (name, text, message) => {
    await files({ [name]: text });
    const result = await loadConfig({ cwd: dir });
    expect(result.file).toBe(path.join(dir, name));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'config/load', severity: 'error', range: null, file: path.join(dir, name) });
    expect(result.diagnostics[0]?.message).toMatch(message);
  });

  it('defineConfig returns its argument', () => {
    const config = { tokens: ['a.json'], rules: { 'color-off-palette': 'warn' as const } };
    expect(defineConfig(config)).toBe(config);
  });
});

describe('resolution', () => {
  it('normalises rules and resolves every path and glob against the config folder', async () => {
    await files({
      'site/brandlint.config.yaml': [
        'tokens: ["tokens/*.tokens.json", "!tokens/draft.tokens.json"]',
        'channels:',
        '  email: [emails/**/*.html]',
        'rules:',
        '  color-off-palette: warn',
        '  subject-length: [error, { max: 50 }]',
        '  emoji-channel: [off]',
        'overrides:',
        '  - files: [social/**]',
        '    channels: [social]',
        '    rules: { reading-grade: off }',
        'ignorePatterns: ["**/vendor/**"]',
        'campaigns:',
        '  briefs: briefs',
        '  assign:',
        '    spring-sale: [emails/spring/**]',
        'build:',
        '  platforms: [css, css, email]',
        '  prefix: nw',
        '',
      ].join('\n'),
    });
    const root = path.join(dir, 'site');
    const result = await loadConfig({ cwd: root });
    expect(result.diagnostics).toEqual([]);
    const { config } = result;
    expect(config.tokens).toEqual([path.join(root, 'tokens/*.tokens.json'), `!${path.join(root, 'tokens/draft.tokens.json')}`]);
    expect(config.channels).toEqual({ email: [path.join(root, 'emails/**/*.html')] });
    expect(config.rules).toEqual({
      'color-off-palette': { level: 'warn', options: undefined },
      'subject-length': { level: 'error', options: { max: 50 } },
      'emoji-channel': { level: 'off', options: undefined },
    });
    expect(config.overrides).toEqual([
      { files: [path.join(root, 'social/**')], channels: ['social'], rules: { 'reading-grade': { level: 'off', options: undefined } } },
    ]);
    expect(config.ignorePatterns).toEqual([path.join(root, '**/vendor/**')]);
    expect(config.campaigns).toEqual({
      briefs: path.join(root, 'briefs'),
      assign: { 'spring-sale': [path.join(root, 'emails/spring/**')] },
    });
    expect(config.build.platforms).toEqual(['css', 'email']);
    expect(config.build.prefix).toBe('nw');
  });

  it.each([
    ['/root', 'a/*.json', '/root/a/*.json'],
    ['/root', './a/../b/x.json', '/root/b/x.json'],
    ['/root', '!drafts/**', '!/root/drafts/**'],
    ['/root', '/abs/x.json', '/abs/x.json'],
    ['/root', '../shared/*.yaml', '/shared/*.yaml'],
  ])('resolvePattern(%s, %s) = %s', (root, pattern, expected) => {
    expect(resolvePattern(root, pattern)).toBe(expected);
  });
});

describe('tokens of other formats and contexts', () => {
  it('resolves format entries and contexts against the config folder', async () => {
    await files({
      'brandlint.config.yaml':
        'tokens:\n  - tokens/*.tokens.json\n  - files: design/*.json\n    format: tokens-studio\n    emBase: 10\ncontexts:\n  dark: { theme: night }\n  selectors:\n    ".summit": { brand: summit }\n  files:\n    - files: [content/summit/**]\n      input: { brand: summit }\n',
    });
    const result = await loadConfig({ cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(result.config.tokens).toEqual([path.join(dir, 'tokens/*.tokens.json'), path.join(dir, 'design/*.json')]);
    expect(result.config.tokenFormats).toEqual([{ files: [path.join(dir, 'design/*.json')], format: 'tokens-studio', emBase: 10 }]);
    expect(result.config.contexts).toEqual({
      dark: { theme: 'night' },
      selectors: [{ selector: '.summit', input: { brand: 'summit' } }],
      files: [{ files: [path.join(dir, 'content/summit/**')], input: { brand: 'summit' } }],
    });
  });

  it.each([
    ['tokens:\n  - files: design/*.json\n    format: sketch\n', '3:13-3:19', 'tokens[0].format: expected one of'],
    ['tokens:\n  - files: design/*.json\n', '2:5-3:1', 'tokens[0].format: expected one of "dtcg", "dtcg-draft", "style-dictionary", "tokens-studio", "figma", "theo", "spectrum", "sass", "flat", got nothing'],
    ['contexts:\n  darkmode: { theme: dark }\n', '2:3-2:11', 'unknown key "darkmode" in contexts (did you mean "dark"?)'],
  ])('%j is an error at its place', async (text, at, message) => {
    await files({ 'brandlint.config.yaml': text });
    const result = await loadConfig({ cwd: dir });
    expect(result.diagnostics.map((d) => `${span(d.range)} ${d.message}`)).toEqual([expect.stringContaining(message)]);
    expect(span(result.diagnostics[0]?.range)).toBe(at);
  });
});
