import { describe, expect, it } from 'vitest';
import { loadTokenSet } from '../../../src/tokens/dtcg/index.js';
import { errorsOf, lines, load, textOf, warningsOf } from './helpers.js';

const rgb = (r: number, g: number, b: number) => ({ colorSpace: 'srgb', components: [r, g, b] });
const resolved = (r: number, g: number, b: number) => ({ ...rgb(r, g, b), alpha: 1 });
const px = (value: number) => ({ value, unit: 'px' });

describe('$extends', () => {
  it('copies the tokens of the extended group and lets local tokens override them', () => {
    const result = load({
      button: { $type: 'color', background: { $value: rgb(0, 0, 1) }, text: { $value: rgb(1, 1, 1) } },
      'button-primary': { $extends: '{button}', background: { $value: rgb(1, 0, 0) }, focus: { $value: rgb(0, 1, 0) } },
    });
    expect(lines(result)).toEqual([]);
    const tokens = result.set.tokens;
    expect(tokens.get('button-primary.background')?.value).toEqual(resolved(1, 0, 0));
    expect(tokens.get('button-primary.text')?.value).toEqual(resolved(1, 1, 1));
    expect(tokens.get('button-primary.focus')?.value).toEqual(resolved(0, 1, 0));
    // An inherited token points back at its original definition.
    expect(tokens.get('button-primary.text')?.source).toEqual(tokens.get('button.text')?.source);
  });

  it('merges nested groups deeply (a token override replaces the whole token)', () => {
    const result = load({
      base: {
        colors: { $type: 'color', primary: { $value: rgb(0, 0, 1) }, secondary: { $value: rgb(0, 0, 0.5) } },
        spacing: { $type: 'dimension', small: { $value: px(8) }, medium: { $value: px(16) } },
      },
      dark: {
        $extends: '{base}',
        colors: { primary: { $value: rgb(0.2, 0.2, 1) } },
        spacing: { medium: { $value: px(20) }, xlarge: { $type: 'dimension', $value: px(32) } },
      },
    });
    expect(lines(result)).toEqual([]);
    const value = (name: string) => result.set.tokens.get(name)?.value;
    expect(value('dark.colors.primary')).toEqual(resolved(0.2, 0.2, 1));
    expect(value('dark.colors.secondary')).toEqual(resolved(0, 0, 0.5));
    expect(value('dark.spacing.small')).toEqual(px(8));
    expect(value('dark.spacing.medium')).toEqual(px(20));
    expect(value('dark.spacing.xlarge')).toEqual(px(32));
  });

  it('follows multi-level chains, in any order of definition', () => {
    const result = load({
      'primary-button': { $extends: '{button}', background: { $value: rgb(1, 0, 0.5) } },
      button: { $extends: '{base}', background: { $value: rgb(0, 0.4, 0.8) }, hover: { $value: rgb(0, 0.3, 0.6) } },
      base: { $type: 'color', background: { $value: rgb(0.9, 0.9, 0.9) }, border: { $value: rgb(0.8, 0.8, 0.8) } },
    });
    expect(lines(result)).toEqual([]);
    const names = [...result.set.tokens.keys()].filter((name) => name.startsWith('primary-button.')).sort();
    expect(names).toEqual(['primary-button.background', 'primary-button.border', 'primary-button.hover']);
    expect(result.set.tokens.get('primary-button.background')?.value).toEqual(resolved(1, 0, 0.5));
    expect(result.set.tokens.get('primary-button.hover')?.value).toEqual(resolved(0, 0.3, 0.6));
  });

  it('accepts a JSON Pointer and the JSON Schema "$ref" spelling on groups', () => {
    const result = load({
      base: { $type: 'number', one: { $value: 1 } },
      a: { $extends: '#/base', two: { $value: 2 } },
      b: { $ref: '#/base', three: { $value: 3 } },
    });
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get('a.one')?.value).toBe(1);
    expect(result.set.tokens.get('b.one')?.value).toBe(1);
  });

  it.each([
    {
      name: 'two groups extending each other',
      doc: { a: { $extends: '{b}', t: { $type: 'number', $value: 1 } }, b: { $extends: '{a}', u: { $type: 'number', $value: 2 } } },
      ruleId: 'dtcg/reference-cycle',
      message: '$extends cycle: a → b → a',
    },
    {
      name: 'three groups in a cycle',
      doc: { a: { $extends: '{b}' }, b: { $extends: '{c}' }, c: { $extends: '{a}' } },
      ruleId: 'dtcg/reference-cycle',
      message: '$extends cycle: a → b → c → a',
    },
    {
      name: 'a group extending its parent',
      doc: { button: { color: { $type: 'number', $value: 1 }, secondary: { $extends: '{button}' } } },
      ruleId: 'dtcg/reference-cycle',
      message: 'button.secondary extends button, which contains it',
    },
    { name: 'a missing group', doc: { a: { $extends: '{nonexistent.group}' } }, ruleId: 'dtcg/alias-not-found', message: '$extends target {nonexistent.group} not found' },
    {
      name: 'a token',
      doc: { colors: { red: { $type: 'color', $value: rgb(1, 0, 0) } }, a: { $extends: '{colors.red}' } },
      ruleId: 'dtcg/invalid-extends',
      message: '$extends must reference a group, but {colors.red} is a token',
    },
    { name: 'a non-reference', doc: { a: { $extends: 'base' } }, ruleId: 'dtcg/invalid-extends', message: '$extends must be a group reference' },
    { name: '$extends on a token', doc: { a: { $type: 'number', $value: 1, $extends: '{b}' } }, ruleId: 'dtcg/invalid-extends', message: 'only allowed on groups' },
  ])('reports extending $name', ({ doc, ruleId, message }) => {
    const errors = errorsOf(load(doc));
    expect(errors.map((error) => error.ruleId)).toContain(ruleId);
    expect(errors.map((error) => error.message).join('\n')).toContain(message);
  });

  it('reports every group of an $extends cycle', () => {
    const errors = errorsOf(load({ a: { $extends: '{b}' }, b: { $extends: '{c}' }, c: { $extends: '{a}' } }));
    expect(errors.map((error) => error.tokenPath)).toEqual(['a', 'b', 'c']);
  });

  it('reports an inherited token that is invalid in its new group at the $extends', () => {
    const result = load({
      base: { $type: 'color', inner: { swatch: { $value: rgb(1, 0, 0) } } },
      sizes: { $type: 'dimension', $extends: '{base.inner}' },
    });
    expect(errorsOf(result).map((error) => `${error.tokenPath}: ${error.message}`)).toEqual([
      'sizes: sizes.swatch, inherited from base.inner.swatch through $extends, is invalid in its new place: unknown dimension property "colorSpace"; expected value, unit',
    ]);
    expect(result.set.tokens.has('base.inner.swatch')).toBe(true);
  });
});

describe('$type inheritance', () => {
  it.each([
    { name: 'from the parent group', doc: { c: { $type: 'color', red: { $value: rgb(1, 0, 0) } } }, token: 'c.red', type: 'color' },
    { name: 'from a distant ancestor', doc: { c: { $type: 'number', a: { b: { c: { deep: { $value: 3 } } } } } }, token: 'c.a.b.c.deep', type: 'number' },
    { name: 'the closest group wins', doc: { g: { $type: 'color', sizes: { $type: 'dimension', s: { $value: px(1) } } } }, token: 'g.sizes.s', type: 'dimension' },
    { name: 'the token $type wins', doc: { g: { $type: 'color', n: { $type: 'number', $value: 1 } } }, token: 'g.n', type: 'number' },
    { name: 'from the document root', doc: { $type: 'number', one: { $value: 1 } }, token: 'one', type: 'number' },
    { name: 'from an extended group', doc: { base: { $type: 'number', one: { $value: 1 } }, ext: { $extends: '{base}', two: { $value: 2 } } }, token: 'ext.two', type: 'number' },
  ])('$name', ({ doc, token, type }) => {
    const result = load(doc);
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get(token)?.type).toBe(type);
  });

  it('reports a token without any type at its key', () => {
    const text = textOf({ group: { red: { $value: rgb(1, 0, 0) } } });
    const errors = errorsOf(load(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: 'dtcg/missing-type', tokenPath: 'group.red' });
    expect(errors[0]?.range?.start).toMatchObject({ line: 3, column: 5 });
  });

  it('reports an invalid group $type once, not once per token below it', () => {
    const errors = errorsOf(load({ g: { $type: ['color', 'dimension'], a: { $value: rgb(1, 0, 0) }, b: { $value: rgb(0, 0, 0) } } }));
    expect(errors.map((error) => error.ruleId)).toEqual(['dtcg/invalid-type']);
  });

  it.each([
    { name: 'unknown type', type: 'customType', message: 'unknown $type "customType"' },
    { name: 'wrong case', type: 'Color', message: 'unknown $type "Color" (did you mean "color"?)' },
    { name: 'pre-DTCG type', type: 'sizing', message: '(did you mean "dimension"?)' },
  ])('reports an $name', ({ type, message }) => {
    const errors = errorsOf(load({ t: { $type: type, $value: 1 } }));
    expect(errors.map((error) => error.ruleId)).toEqual(['dtcg/unknown-type']);
    expect(errors[0]?.message).toContain(message);
  });

  it('uses the referenced type for an alias in a group of another type, with a warning', () => {
    const result = load({ size: { $type: 'dimension', s: { $value: px(4) } }, colors: { $type: 'color', odd: { $value: '{size.s}' } } });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result).map((warning) => warning.ruleId)).toEqual(['dtcg/type-mismatch']);
    expect(result.set.tokens.get('colors.odd')?.type).toBe('dimension');
  });
});

describe('$root, empty groups and names', () => {
  it('treats $root as a token of its group', () => {
    const result = load({
      color: {
        $type: 'color',
        accent: { $root: { $value: rgb(0.9, 0, 0), $description: 'default accent' }, light: { $value: rgb(1, 0.1, 0.1) } },
      },
      link: { $value: '{color.accent.$root}' },
    });
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get('color.accent.$root')).toMatchObject({ path: ['color', 'accent', '$root'], description: 'default accent' });
    expect(result.set.tokens.get('link')?.value).toEqual(resolved(0.9, 0, 0));
  });

  it('reports a $root that is not a token', () => {
    expect(errorsOf(load({ g: { $root: { a: { $type: 'number', $value: 1 } } } })).map((error) => error.message)).toEqual([
      '"$root" must be a token (an object with "$value"), got a group',
    ]);
  });

  it('accepts empty groups and groups with only metadata', () => {
    const result = load({ spacing: {}, experimental: { $description: 'later', $deprecated: 'phasing out' }, typed: { $type: 'color' } });
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.size).toBe(0);
  });

  it.each([
    { name: 'a leading $', key: '$invalidName', message: 'must not start with "$"' },
    { name: 'a period', key: 'token.invalid', message: 'must not contain "{", "}" or "."' },
    { name: 'a curly brace', key: 'token{x}', message: 'must not contain "{", "}" or "."' },
    { name: 'an empty name', key: '', message: 'names must not be empty' },
  ])('reports a name with $name at its key', ({ key, message }) => {
    const text = textOf({ group: { [key]: { $type: 'number', $value: 1 } } });
    const errors = errorsOf(load(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: 'dtcg/invalid-name' });
    expect(errors[0]?.message).toContain(message);
    expect(errors[0]?.range?.start).toMatchObject({ line: 3, column: 5 });
    expect(errors[0]?.range?.end.column).toBe(5 + JSON.stringify(key).length);
  });

  it('ignores unknown $-properties of groups and tokens with a warning', () => {
    const result = load({ g: { $comment: 'x', t: { $type: 'number', $value: 1, $note: 'y' } } });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result).map((warning) => warning.message)).toEqual([
      'unknown group property "$comment" is ignored',
      'unknown token property "$note" is ignored',
    ]);
  });
});

describe('structure', () => {
  it.each([
    {
      name: 'a token with child tokens',
      doc: { t: { $type: 'color', $value: rgb(1, 0, 0), child: { $value: rgb(0, 1, 0) } } },
      ruleId: 'dtcg/token-and-group',
    },
    { name: 'a token with a non-$ property', doc: { t: { $type: 'number', $value: 1, customProp: 'x' } }, ruleId: 'dtcg/unknown-property' },
    { name: 'a group member that is not an object', doc: { g: { a: { $type: 'number', $value: 1 }, b: 2 } }, ruleId: 'dtcg/invalid-structure' },
    { name: 'a top level that is not an object', doc: [1, 2], ruleId: 'dtcg/invalid-structure' },
    { name: 'a null $value', doc: { t: { $type: 'color', $value: null } }, ruleId: 'dtcg/invalid-value' },
  ])('reports $name', ({ doc, ruleId }) => {
    expect(errorsOf(load(doc)).map((error) => error.ruleId)).toEqual([ruleId]);
  });

  it('reports a file in another format once', () => {
    const errors = errorsOf(load({ 'color-red': { value: '#f00', type: 'color' }, 'color-blue': { value: '#00f' }, spacing: '4px' }));
    expect(errors.map((error) => error.message)).toEqual([
      'not a DTCG token file: no token has "$value", and 3 values are written in another format (first at line 3)',
    ]);
  });
});

describe('metadata', () => {
  it('keeps $description, $deprecated and $extensions', () => {
    const extensions = { 'com.example.tool': { id: 42 } };
    const result = load({
      t: { $type: 'number', $value: 1, $description: 'one', $deprecated: 'use two', $extensions: extensions },
      u: { $type: 'number', $value: 2, $deprecated: true },
    });
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get('t')).toMatchObject({ description: 'one', deprecated: 'use two', extensions });
    expect(result.set.tokens.get('u')?.deprecated).toBe(true);
  });

  it('inherits $deprecated from groups unless the token overrides it', () => {
    const result = load({ old: { $type: 'number', $deprecated: 'gone soon', a: { $value: 1 }, b: { $value: 2, $deprecated: false } } });
    expect(result.set.tokens.get('old.a')?.deprecated).toBe('gone soon');
    expect(result.set.tokens.get('old.b')?.deprecated).toBe(false);
  });

  it.each([
    { name: '$description not a string', extra: { $description: 123 }, message: '$description must be a string, got number 123' },
    { name: '$deprecated a number', extra: { $deprecated: 1 }, message: '$deprecated must be true, false or a string' },
    { name: '$deprecated an object', extra: { $deprecated: { reason: 'x' } }, message: '$deprecated must be true, false or a string' },
    { name: '$extensions an array', extra: { $extensions: ['a'] }, message: '$extensions must be an object' },
  ])('reports $name', ({ extra, message }) => {
    const errors = errorsOf(load({ t: { $type: 'number', $value: 1, ...extra } }));
    expect(errors.map((error) => error.ruleId)).toEqual(['dtcg/invalid-metadata']);
    expect(errors[0]?.message).toContain(message);
  });
});

describe('several files', () => {
  it('merges groups across files and resolves references between them', () => {
    const result = loadTokenSet([
      { file: 'base.tokens.json', text: textOf({ color: { $type: 'color', blue: { $value: rgb(0, 0, 1) } } }) },
      { file: 'semantic.tokens.json', text: textOf({ color: { primary: { $value: '{color.blue}' } } }) },
    ]);
    expect(lines(result)).toEqual([]);
    expect(result.set.files).toEqual(['base.tokens.json', 'semantic.tokens.json']);
    expect(result.set.tokens.get('color.primary')).toMatchObject({ type: 'color', aliasOf: 'color.blue', source: { file: 'semantic.tokens.json' } });
  });
});
