import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../../src/core/diagnostic.js';
import { loadBrand } from '../../src/engine/brand.js';
import { loadConfig } from '../../src/engine/config.js';
import { brandForFile } from '../../src/tokens/contexts.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function project(files: Record<string, unknown>): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brandlint-contexts-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

async function brandOf(root: string) {
  const { config, diagnostics } = await loadConfig({ cwd: root });
  expect(diagnostics.map(formatDiagnosticLine)).toEqual([]);
  return loadBrand(config, { cwd: root });
}

const rgb = (r: number, g: number, b: number) => ({ $type: 'color', $value: { colorSpace: 'srgb', components: [r, g, b] } });

describe('tokens of other formats, named in the configuration', () => {
  it('loads Style Dictionary files without a conversion step, and says what it converted at the source', async () => {
    const root = await project({
      'brandlint.config.yaml': 'tokens:\n  - files: design/*.json\n    format: style-dictionary\n',
      'design/color.json': { color: { brand: { value: '#1f5135' }, accent: { value: '{color.brand.value}' } }, size: { base: { value: '1' } }, content: { x: { value: 'a' } } },
    });
    const brand = await brandOf(root);
    expect(brand.model?.palette.map((color) => `${color.name} ${color.hex}`)).toEqual(['color.brand #1f5135', 'color.accent #1f5135']);
    expect(brand.diagnostics.map(formatDiagnosticLine)).toEqual([
      'design/color.json:17:16 content.x: content.x is not imported: its type "content (CTI category)" has no DTCG equivalent',
    ]);
    expect(brand.contexts).toHaveLength(1);
    expect(brand.model?.contexts).toBeUndefined();
  });

  it('a format entry whose file has modes gives the brand contexts', async () => {
    const root = await project({
      'brandlint.config.json': { tokens: [{ files: 'figma.json', format: 'figma' }, 'tokens/*.tokens.json'] },
      'figma.json': {
        color: {
          $extensions: { 'com.figma': { modes: ['light', 'dark'] } },
          bg: { $type: 'color', $value: '#ffffff', $extensions: { 'com.figma': { modes: { light: '#ffffff', dark: '#121412' } } } },
        },
      },
      'tokens/extra.tokens.json': { accent: rgb(1, 0, 0) },
    });
    const brand = await brandOf(root);
    expect(brand.diagnostics).toEqual([]);
    expect(brand.contexts.map((context) => `${context.name}: ${[...context.set.tokens.keys()].join(' ')}`)).toEqual(['color=light: accent color.bg', 'color=dark: accent color.bg']);
    expect(brand.model?.contexts?.dark).toEqual({ color: 'dark' });
    expect(brand.model?.contexts?.resolved.map((context) => context.palette.map((color) => color.hex).join(' '))).toEqual(['#ff0000 #ffffff', '#ff0000 #121412']);
  });
});

describe('a resolver document as the brand', () => {
  const files = {
    'tokens/base.tokens.json': { color: { text: rgb(0, 0, 0), bg: rgb(1, 1, 1) } },
    'tokens/night.tokens.json': { color: { text: rgb(1, 1, 1), bg: rgb(0.07, 0.08, 0.07) } },
    'tokens/outdoor.tokens.json': { color: { brand: rgb(0.76, 0.31, 0.11) } },
    'tokens/brand.resolver.json': {
      version: '2025.10',
      sets: { base: { sources: [{ $ref: 'base.tokens.json' }] } },
      modifiers: {
        mode: { contexts: { day: [], night: [{ $ref: 'night.tokens.json' }] }, default: 'day' },
        brand: { contexts: { main: [], outdoor: [{ $ref: 'outdoor.tokens.json' }] }, default: 'main' },
      },
      resolutionOrder: [{ $ref: '#/sets/base' }, { $ref: '#/modifiers/mode' }, { $ref: '#/modifiers/brand' }],
    },
  };

  it('carries the palette of every context, the dark one named by the configuration', async () => {
    const root = await project({
      ...files,
      'brandlint.config.yaml': 'tokens: tokens/*.resolver.json\ncontexts:\n  dark: { mode: night }\n  selectors:\n    ".outdoor": { brand: outdoor }\n  files:\n    - files: [content/outdoor/**]\n      input: { brand: outdoor }\n',
    });
    const brand = await brandOf(root);
    expect(brand.diagnostics).toEqual([]);
    const contexts = brand.model?.contexts;
    expect(contexts?.resolved.map((context) => `${context.name}${context.isDefault ? ' (default)' : ''}: ${context.palette.length}`)).toEqual([
      'mode=day,brand=main (default): 2',
      'mode=day,brand=outdoor: 3',
      'mode=night,brand=main: 2',
      'mode=night,brand=outdoor: 3',
    ]);
    expect(contexts?.dark).toEqual({ mode: 'night', brand: 'main' });
    expect(contexts?.selectors).toEqual([{ selector: '.outdoor', input: { brand: 'outdoor' } }]);
    expect(brand.inputFiles.map((file) => path.relative(root, file))).toEqual([
      'tokens/base.tokens.json',
      'tokens/brand.resolver.json',
      'tokens/night.tokens.json',
      'tokens/outdoor.tokens.json',
    ]);
    // A file the configuration maps to the sub-brand sees its palette.
    const model = brand.model;
    if (!model) throw new Error('no model');
    expect(brandForFile(model, path.join(root, 'content/outdoor/page.html'))?.palette.map((color) => color.name)).toEqual(['color.text', 'color.bg', 'color.brand']);
    expect(brandForFile(model, path.join(root, 'content/main/page.html'))).toBe(model);
  });

  it('rejects a configured input the resolver does not have', async () => {
    const root = await project({ ...files, 'brandlint.config.yaml': 'tokens: tokens/brand.resolver.json\ncontexts:\n  dark: { mode: dusk }\n' });
    const brand = await brandOf(root);
    expect(brand.model).toBeNull();
    expect(brand.diagnostics.map((d) => d.message)).toEqual(['contexts.dark: "dusk" is not a context of modifier "mode" (expected day, night)']);
  });

  it('warns about matched token files the resolver does not read, and refuses two resolvers', async () => {
    const root = await project({ ...files, 'tokens/stray.tokens.json': { x: rgb(0, 0, 1) }, 'brandlint.config.yaml': 'tokens: tokens/**/*.{tokens,resolver}.json\n' });
    const brand = await brandOf(root);
    expect(brand.diagnostics.map(formatDiagnosticLine)).toEqual([
      'tokens/stray.tokens.json matched by `tokens` but not part of the resolver tokens/brand.resolver.json; it is not loaded (reference it from a set or modifier)',
    ]);
    await writeFile(path.join(root, 'tokens/second.resolver.json'), JSON.stringify(files['tokens/brand.resolver.json']));
    const two = await brandOf(root);
    expect(two.model).toBeNull();
    expect(two.diagnostics[0]?.message).toContain('several resolver documents are named by `tokens`');
  });

  it('a brand without modifiers says that configured contexts are ignored', async () => {
    const root = await project({ 'tokens/a.tokens.json': { c: rgb(0, 0, 0) }, 'brandlint.config.yaml': 'contexts:\n  dark: { theme: dark }\n' });
    const brand = await brandOf(root);
    expect(brand.model?.contexts).toBeUndefined();
    expect(brand.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning `contexts` is configured, but the brand's tokens have no modifiers (no resolver document with light/dark or sub-brand contexts); it is ignored",
    ]);
  });
});
