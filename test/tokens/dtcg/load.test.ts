import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../../../src/core/diagnostic.js';
import { loadTokenFiles, loadTokenSet, validateTokenDocument } from '../../../src/tokens/dtcg/index.js';
import { errorsOf, lines, positionOf, textOf } from './helpers.js';

const colorFile = `{
  "color": {
    "base": {
      "$type": "color",
      "red": {
        "$value": {
          "colorSpace": "srgb",
          "components": [1, 0, 0]
        }
      }
    },
    "brand": {
      "primary": { "$type": "color", "$value":
      "{color.base.blue}" }
    }
  }
}
`;

describe('diagnostic positions', () => {
  it('prints as file:line:col path: message', () => {
    const [diagnostic] = validateTokenDocument(colorFile, 'tokens/color.tokens.json');
    expect(diagnostic && formatDiagnosticLine(diagnostic)).toBe('tokens/color.tokens.json:14:7 color.brand.primary: alias {color.base.blue} not found');
    expect(diagnostic).toMatchObject({ ruleId: 'dtcg/alias-not-found', severity: 'error', tokenPath: 'color.brand.primary' });
    // The range covers the whole string, quotes included.
    expect(diagnostic?.range?.end).toMatchObject({ line: 14, column: 7 + '"{color.base.blue}"'.length });
  });

  const doc = {
    colors: {
      $type: 'color',
      brand: { $value: { colorSpace: 'srgb', components: [0.1, 1.5, 0.3] } },
      legacy: { $value: '#1d4ed8' },
      'bad.name': { $value: '#000000' },
      link: { $value: '{colors.missing}' },
    },
    untyped: { $value: 1 },
  };
  const text = textOf(doc);

  it.each([
    { name: 'an out-of-range component', ruleId: 'dtcg/invalid-value', at: '1.5', message: 'srgb green must be between 0 and 1, got 1.5' },
    { name: 'a legacy hex value', ruleId: 'dtcg/legacy-format', at: '"#1d4ed8"', message: 'legacy hex string; use {colorSpace, components, hex}' },
    { name: 'a bad name', ruleId: 'dtcg/invalid-name', at: '"bad.name"', message: 'name "bad.name" must not contain "{", "}" or "."' },
    { name: 'a missing alias', ruleId: 'dtcg/alias-not-found', at: '"{colors.missing}"', message: 'alias {colors.missing} not found' },
    { name: 'a missing type', ruleId: 'dtcg/missing-type', at: '"untyped"', message: 'untyped has no $type' },
  ])('points at $name', ({ ruleId, at, message }) => {
    const diagnostic = validateTokenDocument(text, 'colors.json').find((candidate) => candidate.ruleId === ruleId);
    expect(diagnostic?.message).toContain(message);
    const start = positionOf(text, at);
    expect(diagnostic?.range?.start).toMatchObject(start);
    expect(diagnostic?.range?.end).toMatchObject({ line: start.line, column: start.column + at.length });
  });

  it('sorts diagnostics by position', () => {
    const diagnostics = validateTokenDocument(text, 'colors.json');
    const offsets = diagnostics.map((diagnostic) => diagnostic.range?.start.offset ?? -1);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'dtcg/invalid-value',
      'dtcg/legacy-format',
      'dtcg/invalid-name',
      'dtcg/alias-not-found',
      'dtcg/missing-type',
    ]);
  });
});

describe('JSON syntax errors', () => {
  it.each([
    { name: 'trailing comma', text: '{\n  "a": {\n    "$type": "number",\n    "$value": 1,\n  }\n}', at: { line: 4, column: 16 }, message: 'invalid JSON: trailing comma before "}"' },
    { name: 'missing colon', text: '{\n  "a" {\n  }\n}', at: { line: 2, column: 7 }, message: 'invalid JSON: unexpected "{"' },
    { name: 'comment in .json', text: '{\n  // note\n  "a": {}\n}', at: { line: 2, column: 3 }, message: 'comments are not allowed in .json files' },
    { name: 'unterminated', text: '{\n  "a": {', at: { line: 2, column: 9 }, message: 'unexpected end of file' },
    { name: 'raw line break in a string', text: '{\n  "a": "x\ny"\n}', at: { line: 2, column: 10 }, message: 'line breaks must be escaped' },
    { name: 'empty file', text: '', at: { line: 1, column: 1 }, message: 'the file is empty' },
  ])('$name becomes one diagnostic with a position', ({ text, at, message }) => {
    const diagnostics = validateTokenDocument(text, 'broken.json');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'dtcg/json-syntax', severity: 'error', file: 'broken.json' });
    expect(diagnostics[0]?.message).toContain(message);
    expect(diagnostics[0]?.range?.start).toMatchObject(at);
  });

  it('keeps the other files of a set when one does not parse', () => {
    const result = loadTokenSet([
      { file: 'broken.json', text: '{' },
      { file: 'ok.json', text: textOf({ n: { $type: 'number', $value: 1 } }) },
    ]);
    expect(lines(result)).toEqual(['dtcg/json-syntax broken.json:1:2 invalid JSON: unexpected end of file (is a "}" or "]" missing?)']);
    expect(result.set.tokens.get('n')?.value).toBe(1);
  });

  it('reads .json5 files (comments, trailing commas, unquoted keys)', () => {
    const result = loadTokenSet([{ file: 'tokens.json5', text: "{\n  // base\n  size: { $type: 'dimension', $value: { value: 4, unit: 'px' }, },\n}" }]);
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get('size')?.value).toEqual({ value: 4, unit: 'px' });
  });

  it('ignores a byte order mark and keeps positions', () => {
    const diagnostics = validateTokenDocument('\ufeff{\n  "a": { "$value": 1 }\n}', 'bom.json');
    expect(diagnostics.map((diagnostic) => formatDiagnosticLine(diagnostic))).toEqual([
      'bom.json:2:3 a: a has no $type and inherits none from its groups; add "$type" (one of color, dimension, fontFamily, fontWeight, duration, cubicBezier, number, strokeStyle, border, transition, shadow, gradient, typography)',
    ]);
  });
});

describe('duplicates', () => {
  const first = textOf({ color: { $type: 'color', red: { $value: '#ff0000' } } });
  const second = textOf({ color: { red: { $value: '#ee0000' }, blue: { $value: '#0000ff' } } });

  it('reports a token defined in two files at the second one, with the first as related', () => {
    const result = loadTokenSet([
      { file: 'a.tokens.json', text: first },
      { file: 'b.tokens.json', text: second },
    ]);
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: 'dtcg/duplicate-token', file: 'b.tokens.json', tokenPath: 'color.red' });
    expect(errors[0]?.range?.start).toMatchObject(positionOf(second, '"red"'));
    expect(errors[0]?.message).toBe(`color.red is already defined as a token at a.tokens.json:${positionOf(first, '"red"').line}:${positionOf(first, '"red"').column}`);
    expect(errors[0]?.related).toEqual([
      { file: 'a.tokens.json', range: expect.objectContaining({ start: expect.objectContaining(positionOf(first, '"red"')) }), message: 'first definition' },
    ]);
    // The first definition wins; the other tokens of the second file still load.
    expect(result.set.tokens.get('color.red')?.source.file).toBe('a.tokens.json');
    expect(result.set.tokens.get('color.blue')?.type).toBe('color');
  });

  it('reports a token defined twice in one file', () => {
    const text = '{\n  "n": { "$type": "number", "$value": 1 },\n  "n": { "$type": "number", "$value": 2 }\n}';
    const errors = errorsOf(validateTokenDocument(text, 'twice.json'));
    expect(errors.map((error) => formatDiagnosticLine(error))).toEqual(['twice.json:3:3 n: n is already defined as a token at twice.json:2:3']);
  });

  it('reports a token that clashes with a group of another file', () => {
    const result = loadTokenSet([
      { file: 'a.json', text: textOf({ size: { $type: 'number', small: { $value: 1 } } }) },
      { file: 'b.json', text: textOf({ size: { $type: 'number', $value: 2 } }) },
    ]);
    expect(errorsOf(result).map((error) => error.message)).toEqual(['size is already defined as a group at a.json:2:3']);
  });
});

describe('loaded tokens', () => {
  it('carry path, name, type, raw and resolved value, metadata and source', () => {
    const text = textOf({
      font: { $type: 'fontFamily', body: { $value: 'Inter', $description: 'body text', $extensions: { 'org.example': { x: 1 } } } },
      type: { $type: 'typography', body: { $value: { fontFamily: '{font.body}', fontSize: { value: 1, unit: 'rem' }, fontWeight: 'regular', letterSpacing: { value: 0, unit: 'px' }, lineHeight: 1.5 } } },
    });
    const result = loadTokenSet([{ file: 'type.json', text }]);
    expect(lines(result)).toEqual([]);
    expect([...result.set.tokens.keys()]).toEqual(['font.body', 'type.body']);
    expect(result.set.tokens.get('font.body')).toEqual({
      path: ['font', 'body'],
      name: 'font.body',
      type: 'fontFamily',
      rawValue: 'Inter',
      value: ['Inter'],
      description: 'body text',
      extensions: { 'org.example': { x: 1 } },
      source: { file: 'type.json', range: expect.objectContaining({ start: expect.objectContaining(positionOf(text, '"body"')) }) },
    });
    expect(result.set.tokens.get('type.body')).toMatchObject({
      rawValue: { fontFamily: '{font.body}', fontWeight: 'regular' },
      value: { fontFamily: ['Inter'], fontWeight: 400, lineHeight: 1.5 },
    });
  });

  it('validates a 1 MB file with every token resolved', () => {
    const doc: Record<string, unknown> = {};
    for (let i = 0; i < 1300; i++) {
      doc[`group${i}`] = {
        $type: 'color',
        base: { $value: { colorSpace: 'srgb', components: [0.1, 0.2, 0.3], alpha: 0.5, hex: '#1a334d' }, $description: 'a base colour' },
        alias: { $value: `{group${i}.base}` },
        pointer: { $value: { $ref: `#/group${i}/base/$value` } },
        shadow: { $type: 'shadow', $value: { color: `{group${i}.alias}`, offsetX: { value: 1, unit: 'px' }, offsetY: { value: 2, unit: 'px' }, blur: { value: 3, unit: 'px' }, spread: { value: 0, unit: 'px' } } },
      };
    }
    const text = textOf(doc);
    expect(text.length).toBeGreaterThan(1_000_000);
    const result = loadTokenSet([{ file: 'big.json', text }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.set.tokens.size).toBe(5200);
  });
});

describe('loadTokenFiles', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'brandlint-dtcg-'));
    await mkdir(path.join(dir, 'tokens'));
    await writeFile(path.join(dir, 'tokens', 'base.tokens.json'), textOf({ space: { $type: 'dimension', sm: { $value: { value: 4, unit: 'px' } } } }));
    await writeFile(path.join(dir, 'tokens', 'alias.tokens.json'), textOf({ gap: { $value: '{space.sm}' }, broken: { $value: '{space.xl}' } }));
    await writeFile(path.join(dir, 'tokens', 'latin1.tokens.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads files, reports names relative to cwd and resolves across files', async () => {
    const result = await loadTokenFiles(['tokens/base.tokens.json', path.join(dir, 'tokens/alias.tokens.json')], { cwd: dir });
    expect(result.set.files).toEqual(['tokens/base.tokens.json', 'tokens/alias.tokens.json']);
    expect(result.set.tokens.get('gap')?.value).toEqual({ value: 4, unit: 'px' });
    expect(lines(result)).toEqual(['dtcg/alias-not-found tokens/alias.tokens.json:6:15 broken: alias {space.xl} not found']);
  });

  it('turns unreadable files into diagnostics instead of throwing', async () => {
    const result = await loadTokenFiles(['tokens/missing.json', 'tokens', 'tokens/latin1.tokens.json', 'tokens/base.tokens.json'], { cwd: dir });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`)).toEqual([
      'tokens/missing.json: cannot read token file: file not found',
      'tokens: cannot read token file: is a directory',
      'tokens/latin1.tokens.json: cannot read token file: it is not valid UTF-8',
    ]);
    expect(result.diagnostics.every((diagnostic) => diagnostic.ruleId === 'dtcg/read-error' && diagnostic.range === null)).toBe(true);
    expect(result.set.tokens.get('space.sm')?.type).toBe('dimension');
  });
});
