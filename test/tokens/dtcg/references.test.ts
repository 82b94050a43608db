import { describe, expect, it } from 'vitest';
import { parseAlias, parsePointer } from '../../../src/tokens/dtcg/references.js';
import { errorsOf, lines, load } from './helpers.js';

const blue = { colorSpace: 'srgb', components: [0, 0.4, 0.8] };
const resolvedBlue = { ...blue, alpha: 1 };
const px = (value: number) => ({ value, unit: 'px' });

/** A base document every reference case extends. */
const base = {
  color: {
    $type: 'color',
    blue: { $value: blue },
    black: { $value: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.5 } },
    accent: {
      $root: { $value: blue },
      light: { $value: { colorSpace: 'srgb', components: [0.5, 0.7, 1] } },
    },
  },
  size: { $type: 'dimension', sm: { $value: px(4) }, md: { $value: px(8) } },
  num: { $type: 'number', half: { $value: 0.5 } },
  weight: { $type: 'fontWeight', bold: { $value: 'bold' } },
  font: { $type: 'fontFamily', body: { $value: ['Inter', 'sans-serif'] } },
  shadow: {
    $type: 'shadow',
    sm: { $value: { color: '{color.black}', offsetX: px(0), offsetY: px(1), blur: px(2), spread: px(0) } },
  },
  border: { $type: 'border', thin: { $value: { color: blue, width: px(1), style: { dashArray: [px(4), px(2)], lineCap: 'round' } } } },
  gradient: { $type: 'gradient', start: { $value: [{ color: blue, position: 0 }] } },
};

function withTokens(extra: Record<string, unknown>): unknown {
  return { ...base, test: extra };
}

interface ValidCase {
  name: string;
  token: Record<string, unknown>;
  expected: unknown;
  aliasOf?: string;
}

const valid: ValidCase[] = [
  { name: 'whole-value alias', token: { $type: 'color', $value: '{color.blue}' }, expected: resolvedBlue, aliasOf: 'color.blue' },
  { name: 'alias without $type takes the target type', token: { $value: '{size.sm}' }, expected: px(4), aliasOf: 'size.sm' },
  { name: 'alias to a $root token', token: { $type: 'color', $value: '{color.accent.$root}' }, expected: resolvedBlue, aliasOf: 'color.accent.$root' },
  { name: 'token-level $ref to a $value', token: { $type: 'color', $ref: '#/color/blue/$value' }, expected: resolvedBlue, aliasOf: 'color.blue' },
  { name: '$value {"$ref"} object', token: { $type: 'color', $value: { $ref: '#/color/blue/$value' } }, expected: resolvedBlue, aliasOf: 'color.blue' },
  { name: '$ref to a color component', token: { $type: 'number', $ref: '#/color/blue/$value/components/2' }, expected: 0.8 },
  { name: '$ref without $type takes the location type', token: { $ref: '#/shadow/sm/$value/offsetY' }, expected: px(1) },
  { name: '$ref to a dashArray item', token: { $type: 'dimension', $ref: '#/border/thin/$value/style/dashArray/1' }, expected: px(2) },
  { name: '$ref to a strokeStyle inside a border', token: { $type: 'strokeStyle', $ref: '#/border/thin/$value/style' }, expected: { dashArray: [px(4), px(2)], lineCap: 'round' } },
  { name: '$ref through an alias inside the value', token: { $type: 'color', $ref: '#/shadow/sm/$value/color' }, expected: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.5 } },
  { name: '$ref to a gradient stop color', token: { $type: 'color', $ref: '#/gradient/start/$value/0/color' }, expected: resolvedBlue },
  {
    name: 'aliases inside a composite',
    token: { $type: 'shadow', $value: { color: '{color.blue}', offsetX: '{size.sm}', offsetY: '{size.md}', blur: px(0), spread: px(0) } },
    expected: [{ color: resolvedBlue, offsetX: px(4), offsetY: px(8), blur: px(0), spread: px(0) }],
  },
  {
    name: '$refs inside a composite',
    token: { $type: 'border', $value: { color: { $ref: '#/color/blue/$value' }, width: { $ref: '#/shadow/sm/$value/offsetY' }, style: 'solid' } },
    expected: { color: resolvedBlue, width: px(1), style: 'solid' },
  },
  {
    name: 'component-level $refs inside a color',
    token: { $type: 'color', $value: { colorSpace: 'srgb', components: [{ $ref: '#/color/blue/$value/components/0' }, { $ref: '#/num/half/$value' }, 1] } },
    expected: { colorSpace: 'srgb', components: [0, 0.5, 1], alpha: 1 },
  },
  {
    name: 'dimension value and unit by $ref',
    token: { $type: 'dimension', $value: { value: { $ref: '#/size/md/$value/value' }, unit: { $ref: '#/size/sm/$value/unit' } } },
    expected: px(8),
  },
  {
    name: 'shadow array mixing an alias to a shadow token and an object',
    token: { $type: 'shadow', $value: ['{shadow.sm}', { color: '{color.blue}', offsetX: px(1), offsetY: px(1), blur: px(1), spread: px(1), inset: true }] },
    expected: [
      { color: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.5 }, offsetX: px(0), offsetY: px(1), blur: px(2), spread: px(0) },
      { color: resolvedBlue, offsetX: px(1), offsetY: px(1), blur: px(1), spread: px(1), inset: true },
    ],
  },
  {
    name: 'gradient array with an alias to a gradient token and an alias position',
    token: { $type: 'gradient', $value: ['{gradient.start}', { color: '{color.accent.light}', position: '{num.half}' }] },
    expected: [
      { color: resolvedBlue, position: 0 },
      { color: { colorSpace: 'srgb', components: [0.5, 0.7, 1], alpha: 1 }, position: 0.5 },
    ],
  },
  {
    name: 'typography from aliases',
    token: { $type: 'typography', $value: { fontFamily: '{font.body}', fontSize: '{size.md}', fontWeight: '{weight.bold}', letterSpacing: px(0), lineHeight: '{num.half}' } },
    expected: { fontFamily: ['Inter', 'sans-serif'], fontSize: px(8), fontWeight: 700, letterSpacing: px(0), lineHeight: 0.5 },
  },
  { name: 'chain of aliases', token: { $value: '{test.u}' }, expected: resolvedBlue, aliasOf: 'test.u' },
];

interface InvalidCase {
  name: string;
  token: Record<string, unknown>;
  ruleId: string;
  message: string;
}

const invalid: InvalidCase[] = [
  { name: 'alias not found', token: { $type: 'color', $value: '{color.purple}' }, ruleId: 'dtcg/alias-not-found', message: 'alias {color.purple} not found' },
  { name: 'alias with wrong case', token: { $type: 'color', $value: '{color.Blue}' }, ruleId: 'dtcg/alias-not-found', message: 'did you mean {color.blue}?' },
  { name: 'alias to a group', token: { $type: 'color', $value: '{color.accent}' }, ruleId: 'dtcg/invalid-reference-target', message: 'points at a group, not a token (did you mean {color.accent.$root}?)' },
  { name: 'alias into a value', token: { $type: 'number', $value: '{color.blue.components.0}' }, ruleId: 'dtcg/invalid-reference-target', message: 'use {"$ref": "#/color/blue/$value/components/0"}' },
  { name: 'empty alias', token: { $type: 'color', $value: '{}' }, ruleId: 'dtcg/invalid-reference', message: 'empty alias "{}"' },
  { name: 'missing closing brace', token: { $type: 'color', $value: '{color.blue' }, ruleId: 'dtcg/invalid-reference', message: 'missing closing "}"' },
  { name: 'alias embedded in a string', token: { $type: 'dimension', $value: 'calc({size.sm} * 2)' }, ruleId: 'dtcg/invalid-reference', message: 'embeds an alias in a string' },
  { name: 'alias with $value segment', token: { $type: 'color', $value: '{color.blue.$value}' }, ruleId: 'dtcg/invalid-reference', message: '"$value" is not a token name' },
  { name: 'alias type mismatch', token: { $type: 'color', $value: '{size.sm}' }, ruleId: 'dtcg/type-mismatch', message: 'alias {size.sm} points at a dimension token; expected a color' },
  {
    name: 'composite dimension aliasing a number',
    token: { $type: 'border', $value: { color: blue, width: '{num.half}', style: 'solid' } },
    ruleId: 'dtcg/type-mismatch',
    message: 'alias {num.half} points at a number token; expected a dimension',
  },
  {
    name: 'fontWeight aliasing a number token',
    token: { $type: 'typography', $value: { fontFamily: 'Inter', fontSize: px(1), fontWeight: '{num.half}', letterSpacing: px(0), lineHeight: 1 } },
    ruleId: 'dtcg/type-mismatch',
    message: 'expected a fontWeight',
  },
  { name: '$ref missing', token: { $type: 'color', $ref: '#/color/purple/$value' }, ruleId: 'dtcg/pointer-not-found', message: 'group color has no "purple"' },
  { name: '$ref malformed (##)', token: { $type: 'color', $ref: '##/color/blue/$value' }, ruleId: 'dtcg/invalid-pointer', message: 'malformed JSON Pointer' },
  { name: '$ref without #', token: { $type: 'color', $ref: '/color/blue/$value' }, ruleId: 'dtcg/invalid-pointer', message: 'must start with "#"' },
  { name: '$ref to another file', token: { $type: 'color', $ref: 'other.json#/color/blue/$value' }, ruleId: 'dtcg/invalid-pointer', message: 'points into another document' },
  { name: '$ref with an unencoded space', token: { $type: 'color', $ref: '#/color/light blue/$value' }, ruleId: 'dtcg/invalid-pointer', message: 'spaces must be percent-encoded as %20' },
  { name: '$ref to $description', token: { $type: 'color', $ref: '#/color/blue/$description' }, ruleId: 'dtcg/invalid-reference-target', message: 'points at $description of token color.blue' },
  { name: '$ref to an unknown token property', token: { $type: 'color', $ref: '#/color/blue/value' }, ruleId: 'dtcg/pointer-not-found', message: 'token color.blue has no "value"' },
  { name: '$ref to $type', token: { $type: 'color', $ref: '#/color/blue/$type' }, ruleId: 'dtcg/invalid-reference-target', message: 'points at $type of token color.blue' },
  { name: '$ref to a group', token: { $type: 'color', $ref: '#/color' }, ruleId: 'dtcg/invalid-reference-target', message: 'points at group color, not at a token value' },
  { name: '$ref to a group $type', token: { $type: 'color', $ref: '#/color/$type' }, ruleId: 'dtcg/invalid-reference-target', message: 'points at $type of group color' },
  { name: '$ref to a token object', token: { $type: 'color', $ref: '#/color/blue' }, ruleId: 'dtcg/invalid-reference-target', message: 'point at its value: "#/color/blue/$value"' },
  { name: '$ref index out of range', token: { $type: 'number', $ref: '#/color/blue/$value/components/3' }, ruleId: 'dtcg/pointer-not-found', message: 'index 3 is out of range (the array has 3 items)' },
  { name: '$ref non-numeric index', token: { $type: 'number', $ref: '#/color/blue/$value/components/first' }, ruleId: 'dtcg/pointer-not-found', message: '"first" is not an array index' },
  { name: '$ref type mismatch', token: { $type: 'dimension', $ref: '#/color/blue/$value/components/0' }, ruleId: 'dtcg/type-mismatch', message: 'points at a number; expected a dimension' },
  { name: '$ref to a partial color', token: { $type: 'color', $ref: '#/color/blue/$value/components' }, ruleId: 'dtcg/type-mismatch', message: 'the components array of a color' },
  { name: '$ref and $value together', token: { $type: 'color', $ref: '#/color/blue/$value', $value: blue }, ruleId: 'dtcg/invalid-reference', message: 'either "$value" or "$ref", not both' },
  { name: '$ref object with extra properties', token: { $type: 'color', $value: { $ref: '#/color/blue/$value', alpha: 1 } }, ruleId: 'dtcg/invalid-reference', message: 'cannot have other properties, got "alpha"' },
  { name: '$ref not a string', token: { $type: 'color', $ref: 3 }, ruleId: 'dtcg/invalid-reference', message: '$ref must be a JSON Pointer string' },
  {
    name: 'gradient item $ref to a color',
    token: { $type: 'gradient', $value: [{ $ref: '#/color/blue/$value' }] },
    ruleId: 'dtcg/type-mismatch',
    message: 'points at a color token; expected a gradient stop',
  },
  {
    name: 'dashArray item $ref to a number',
    token: { $type: 'strokeStyle', $value: { dashArray: [{ $ref: '#/num/half/$value' }], lineCap: 'round' } },
    ruleId: 'dtcg/type-mismatch',
    message: 'points at a number token; expected a dimension',
  },
  { name: 'alias to an invalid token', token: { bad: { $type: 'number', $value: 'x' }, user: { $type: 'number', $value: '{test.bad}' } }, ruleId: 'dtcg/unresolved-reference', message: 'alias {test.bad} cannot be resolved because test.bad is invalid' },
];

describe('references: valid', () => {
  it.each(valid)('$name', ({ token, expected, aliasOf }) => {
    const result = load(withTokens({ t: token, u: { $value: '{color.blue}' } }));
    expect(lines(result)).toEqual([]);
    if (expected !== undefined) expect(result.set.tokens.get('test.t')?.value).toEqual(expected);
    if (aliasOf !== undefined) expect(result.set.tokens.get('test.t')?.aliasOf).toBe(aliasOf);
  });
});

describe('references: invalid', () => {
  it.each(invalid)('$name', ({ token, ruleId, message }) => {
    const result = load(withTokens('$value' in token || '$ref' in token ? { t: token } : token));
    const errors = errorsOf(result);
    expect(errors.map((error) => error.ruleId), lines(result).join('\n')).toContain(ruleId);
    expect(errors.map((error) => error.message).join('\n')).toContain(message);
  });
});

describe('references: chains and rawValue', () => {
  it('follows alias chains and keeps the raw value', () => {
    const result = load({
      ...base,
      semantic: { primary: { $value: '{color.blue}' }, link: { $value: '{semantic.primary}' } },
    });
    expect(lines(result)).toEqual([]);
    const link = result.set.tokens.get('semantic.link');
    expect(link).toMatchObject({ type: 'color', value: resolvedBlue, rawValue: '{semantic.primary}', aliasOf: 'semantic.primary' });
  });

  it('reports an alias to a failed token once, at the first link of the chain', () => {
    const result = load({
      bad: { $type: 'number', $value: 'x' },
      a: { $value: '{bad}' },
      b: { $value: '{a}' },
      c: { $type: 'number', $value: '{b}' },
    });
    expect(errorsOf(result).map((error) => `${error.tokenPath} ${error.ruleId}`)).toEqual(['bad dtcg/invalid-value', 'a dtcg/unresolved-reference']);
  });

  it('resolves very long chains in any order without overflowing the stack', () => {
    const doc: Record<string, unknown> = {};
    const length = 3000;
    for (let i = 0; i < length; i++) doc[`t${i}`] = i === length - 1 ? { $type: 'number', $value: 7 } : { $value: `{t${i + 1}}` };
    const result = load(doc);
    expect(errorsOf(result)).toEqual([]);
    expect(result.set.tokens.get('t0')?.value).toBe(7);
  });
});

describe('references: cycles', () => {
  it.each([
    { name: 'self reference', doc: { a: { $type: 'color', $value: '{a}' } }, tokens: ['a'] },
    { name: 'three-token alias chain', doc: { a: { $type: 'dimension', $value: '{b}' }, b: { $type: 'dimension', $value: '{c}' }, c: { $type: 'dimension', $value: '{a}' } }, tokens: ['a', 'b', 'c'] },
    { name: 'untyped aliases', doc: { a: { $value: '{b}' }, b: { $value: '{a}' } }, tokens: ['a', 'b'] },
    { name: 'token-level $ref chain', doc: { a: { $type: 'number', $ref: '#/b/$value' }, b: { $type: 'number', $ref: '#/a/$value' } }, tokens: ['a', 'b'] },
    {
      name: '$ref sub-values pointing at each other',
      doc: {
        a: { $type: 'border', $value: { color: { $ref: '#/b/$value/color' }, width: { value: 1, unit: 'px' }, style: 'solid' } },
        b: { $type: 'border', $value: { color: { $ref: '#/a/$value/color' }, width: { value: 1, unit: 'px' }, style: 'solid' } },
      },
      tokens: ['a', 'b'],
    },
  ])('$name is reported on every token of the cycle', ({ doc, tokens }) => {
    const result = load(doc);
    const cycles = errorsOf(result).filter((error) => error.ruleId === 'dtcg/reference-cycle');
    expect(cycles.map((error) => error.tokenPath).sort(), lines(result).join('\n')).toEqual(tokens);
    expect(result.set.tokens.size).toBe(0);
  });

  it('names the cycle and blames a token outside it once', () => {
    const result = load({ a: { $type: 'number', $value: '{b}' }, b: { $type: 'number', $value: '{a}' }, c: { $type: 'number', $value: '{a}' } });
    expect(errorsOf(result).map((error) => error.message)).toEqual([
      'reference cycle: a → b → a',
      'reference cycle: a → b → a',
      'alias {a} cannot be resolved because a is part of a reference cycle',
    ]);
  });
});

describe('reference syntax', () => {
  it.each([
    { text: '{a.b}', expected: { kind: 'alias', path: ['a', 'b'] } },
    { text: '{a b.c d}', expected: { kind: 'alias', path: ['a b', 'c d'] } },
    { text: '{color.accent.$root}', expected: { kind: 'alias', path: ['color', 'accent', '$root'] } },
    { text: 'plain', expected: { kind: 'none' } },
    { text: 'a } b', expected: { kind: 'none' } },
  ])('parseAlias($text)', ({ text, expected }) => {
    expect(parseAlias(text)).toEqual(expected);
  });

  it.each(['{a..b}', '{.a}', '{a}{b}', '{a', '{}', '{ }', 'x {a}'])('parseAlias(%s) is invalid', (text) => {
    expect(parseAlias(text).kind).toBe('invalid');
  });

  it.each([
    { ref: '#/a/b', segments: ['a', 'b'] },
    { ref: '#/a~1b/c~0d', segments: ['a/b', 'c~d'] },
    { ref: '#/token%20name/$value', segments: ['token name', '$value'] },
    { ref: '#/a//b/', segments: ['a', '', 'b', ''] },
    { ref: '#/色/$value', segments: ['色', '$value'] },
  ])('parsePointer($ref)', ({ ref, segments }) => {
    expect(parsePointer(ref)).toEqual({ ok: true, segments });
  });

  it.each(['', '#', '##/a', '/a/b', 'file.json#/a', '#a', '#/a b', '#/{a}', '#/a%zz', '#/a~2', '#/a#b'])('parsePointer(%s) is invalid', (ref) => {
    expect(parsePointer(ref).ok).toBe(false);
  });

  it('resolves escaped and percent-encoded pointer segments', () => {
    const result = load({
      'a/b': { 'token name': { $type: 'number', $value: 3 } },
      x: { $type: 'number', $ref: '#/a~1b/token%20name/$value' },
    });
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get('x')?.value).toBe(3);
  });
});
