import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../../../src/core/diagnostic.js';
import { loadTokenSet } from '../../../src/tokens/dtcg/load.js';
import {
  allInputs,
  checkInput,
  defaultInput,
  inputName,
  parseResolverDocument,
  resolveInput,
  validateResolverDocument,
} from '../../../src/tokens/dtcg/resolver.js';
import { loadResolverFile } from '../../../src/tokens/dtcg/resolver-files.js';
import { positionOf, textOf } from './helpers.js';

const color = (r: number, g: number, b: number) => ({ $type: 'color', $value: { colorSpace: 'srgb', components: [r, g, b] } });

const themed = {
  version: '2025.10',
  sets: {
    base: { sources: [{ color: { text: color(0, 0, 0), bg: color(1, 1, 1), link: { $value: '{color.text}' } } }] },
    brand: { description: 'A set that uses another set', sources: [{ $ref: '#/sets/base' }, { color: { brand: color(0, 0.5, 0) } }] },
  },
  modifiers: {
    theme: {
      contexts: { light: [], dark: [{ color: { text: color(1, 1, 1), bg: color(0, 0, 0) } }] },
      default: 'light',
    },
    size: { contexts: { small: [{ $ref: '#/$defs/small' }], large: [] } },
  },
  resolutionOrder: [{ $ref: '#/sets/brand' }, { $ref: '#/modifiers/theme' }, { $ref: '#/modifiers/size' }],
  $defs: { small: { space: { $type: 'dimension', $value: { value: 4, unit: 'px' } } } },
};

describe('resolver documents: structure', () => {
  const base = { version: '2025.10', resolutionOrder: [{ type: 'set', name: 'a', sources: [] }] };
  it.each([
    { name: 'an unknown root property', doc: { ...base, extra: 1 }, at: '"extra"', message: 'unknown resolver property "extra"' },
    { name: 'a wrong version', doc: { ...base, version: '2024' }, at: '"2024"', message: '"version" must be "2025.10", got string "2024"' },
    { name: 'sources that are not an array', doc: { ...base, sets: { s: { sources: {} } } }, at: '{}', message: 'the sources of set "s" must be an array, got an object' },
    { name: 'a reference to a missing set', doc: { ...base, sets: { s: { sources: [{ $ref: '#/sets/S2' }] } } }, at: '"#/sets/S2"', message: 'set "S2" is not defined in "sets"; defined: s' },
    { name: 'a case slip in a set name', doc: { ...base, sets: { Base: { sources: [] } }, resolutionOrder: [{ $ref: '#/sets/base' }] }, at: '"#/sets/base"', message: 'did you mean "Base"?' },
    { name: 'a default that is not a context', doc: { ...base, modifiers: { m: { contexts: { a: [], b: [] }, default: 'c' } } }, at: '"c"', message: '"default" of modifier "m" is "c", which is not one of its contexts (a, b)' },
    { name: 'a remote reference', doc: { ...base, sets: { s: { sources: [{ $ref: 'https://example.com/t.json' }] } } }, at: '"https://example.com/t.json"', message: 'remote reference' },
    { name: 'a reference into part of a file', doc: { ...base, sets: { s: { sources: [{ $ref: 't.json#/color' }] } } }, at: '"t.json#/color"', message: 'only whole token files can be referenced' },
    { name: 'a pointer that leads nowhere', doc: { ...base, sets: { s: { sources: [{ $ref: '#/$defs/none' }] } } }, at: '"#/$defs/none"', message: 'does not point at anything' },
    { name: 'a source referencing its own container', doc: { ...base, sets: { s: { sources: [{ $ref: '#/sets/s/sources/0' }] } } }, at: '"#/sets/s/sources/0"', message: 'contains the reference itself' },
  ])('rejects $name, at its place', ({ doc, at, message }) => {
    const text = textOf(doc);
    const errors = validateResolverDocument(text, 'r.resolver.json').filter((d) => d.severity === 'error');
    const error = errors.find((candidate) => candidate.message.includes(message));
    expect(error, errors.map(formatDiagnosticLine).join('\n')).toBeDefined();
    expect(error?.range?.start).toMatchObject(positionOf(text, at));
  });

  it('warns about keys beside $ref, which it does not apply', () => {
    const doc = { ...base, sets: { s: { sources: [{ $ref: '#/$defs/t', color: {} }] } }, $defs: { t: {} } };
    expect(validateResolverDocument(textOf(doc), 'r.json').map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning "color" beside "$ref" is ignored (overrides next to a reference are not supported)',
    ]);
  });
});

describe('resolver documents: resolution', () => {
  const parsed = parseResolverDocument(textOf(themed), 'brand.resolver.json');
  const resolver = parsed.resolver;
  if (!resolver) throw new Error(parsed.diagnostics.map(formatDiagnosticLine).join('\n'));

  it('lists inputs: every combination, the default first', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(defaultInput(resolver)).toEqual({ theme: 'light', size: 'small' });
    expect(allInputs(resolver).inputs.map((input) => inputName(resolver, input))).toEqual([
      'theme=light,size=small',
      'theme=light,size=large',
      'theme=dark,size=small',
      'theme=dark,size=large',
    ]);
    expect(allInputs(resolver, 3)).toMatchObject({ complete: false });
    expect(allInputs(resolver, 3).inputs.map((input) => inputName(resolver, input))).toEqual(['theme=light,size=small', 'theme=dark,size=small', 'theme=light,size=large']);
  });

  it('checks inputs as the specification asks', () => {
    expect(checkInput(resolver, { theme: 'blue', foo: 'bar' })).toEqual([
      'invalid context "blue" for modifier "theme" (expected light, dark)',
      'unknown modifier "foo" (the resolver has theme, size)',
      'missing modifier "size" (it has no default; expected one of small, large)',
    ]);
    expect(checkInput(resolver, { size: 'large' })).toEqual([]);
  });

  it('merges sets and the chosen contexts in order: the last token wins, aliases resolve afterwards', () => {
    const dark = resolveInput(resolver, { theme: 'dark', size: 'large' }, new Map());
    expect(dark.diagnostics).toEqual([]);
    expect(dark.set.tokens.get('color.text')?.value).toMatchObject({ components: [1, 1, 1] });
    // The alias is resolved after composition: it sees the dark text color.
    expect(dark.set.tokens.get('color.link')?.value).toMatchObject({ components: [1, 1, 1] });
    expect(dark.set.tokens.has('space')).toBe(false);
    const light = resolveInput(resolver, { theme: 'light', size: 'small' }, new Map());
    expect(light.set.tokens.get('color.link')?.value).toMatchObject({ components: [0, 0, 0] });
    expect(light.set.tokens.get('space')?.value).toEqual({ value: 4, unit: 'px' });
    expect([...light.set.tokens.keys()]).toEqual(['color.text', 'color.bg', 'color.link', 'color.brand', 'space']);
  });

  it('reports token problems of inline sources at their place in the resolver', () => {
    const doc = { version: '2025.10', resolutionOrder: [{ type: 'set', name: 's', sources: [{ a: { $type: 'color', $value: '{b}' } }] }] };
    const text = textOf(doc);
    const [problem] = validateResolverDocument(text, 'r.json');
    expect(problem && formatDiagnosticLine(problem)).toBe(`r.json:${positionOf(text, '"{b}"').line}:${positionOf(text, '"{b}"').column} a: alias {b} not found`);
  });
});

describe('token files without a resolver: a token defined twice is still an error', () => {
  it('keeps duplicates as errors, and overrides only when asked', () => {
    const a = { file: 'a.json', text: textOf({ x: { $type: 'number', $value: 1 } }) };
    const b = { file: 'b.json', text: textOf({ x: { $type: 'number', $value: 2 } }) };
    expect(loadTokenSet([a, b]).diagnostics.map((d) => d.ruleId)).toEqual(['dtcg/duplicate-token']);
    const merged = loadTokenSet([a, b], { override: true });
    expect(merged.diagnostics).toEqual([]);
    expect(merged.set.tokens.get('x')?.value).toBe(2);
  });
});

describe('resolver files on disk (JSON and YAML)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'brandlint-resolver-'));
    await mkdir(path.join(dir, 'themes'));
    await writeFile(path.join(dir, 'base.tokens.yml'), 'color:\n  $type: color\n  bg:\n    $value: {colorSpace: srgb, components: [1, 1, 1]}\n  text:\n    $value: "{color.ink}"\n  ink:\n    $value: {colorSpace: srgb, components: [0, 0, 0]}\n');
    await writeFile(path.join(dir, 'themes', 'dark.tokens.json'), textOf({ color: { bg: color(0, 0, 0), ink: color(1, 1, 1) } }));
    await writeFile(
      path.join(dir, 'brand.resolver.yml'),
      'version: "2025.10"\nsets:\n  base:\n    sources:\n      - $ref: base.tokens.yml\nmodifiers:\n  theme:\n    contexts:\n      light: []\n      dark:\n        - $ref: themes/dark.tokens.json\n      dim:\n        - $ref: themes/dim.tokens.json\n    default: light\nresolutionOrder:\n  - $ref: "#/sets/base"\n  - $ref: "#/modifiers/theme"\n',
    );
    await writeFile(path.join(dir, 'outside.resolver.json'), textOf({ version: '2025.10', resolutionOrder: [{ type: 'set', name: 's', sources: [{ $ref: '../elsewhere.tokens.json' }] }] }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the referenced files and resolves every context; a missing file is an error at its $ref, in its context', async () => {
    const loaded = await loadResolverFile(path.join(dir, 'brand.resolver.yml'), { cwd: dir });
    expect(loaded.contexts.map((context) => `${context.name}${context.isDefault ? ' (default)' : ''}: ${context.result.set.tokens.size}`)).toEqual([
      'theme=light (default): 3',
      'theme=dark: 3',
      'theme=dim: 3',
    ]);
    const dark = loaded.contexts.find((context) => context.name === 'theme=dark');
    expect(dark?.result.set.tokens.get('color.text')?.value).toMatchObject({ components: [1, 1, 1] });
    expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([
      'brand.resolver.yml:13:17 token file "themes/dim.tokens.json" cannot be loaded: file not found (in context theme=dim)',
    ]);
    expect(loaded.files).toEqual(['base.tokens.yml', 'themes/dark.tokens.json']);
  });

  it('never reads a file outside the allowed folders', async () => {
    const loaded = await loadResolverFile(path.join(dir, 'outside.resolver.json'), { cwd: dir });
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      'token file "../elsewhere.tokens.json" cannot be loaded: it lies outside the project folder, which brandlint does not read',
    ]);
  });
});
