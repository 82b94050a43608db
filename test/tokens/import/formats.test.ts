import { describe, expect, it } from 'vitest';
import { importTokens } from '../../../src/tokens/import/index.js';
import { problems, run, srgb, textOf, token } from './helpers.js';

describe('Adobe Spectrum tokens', () => {
  it('reads $schema types, aliases, and color and scale sets as modifiers', async () => {
    const schema = (type: string) => `https://opensource.adobe.com/spectrum-design-data/schemas/token-types/${type}.json`;
    const result = await run({
      'color-palette.json': {
        'blue-900': { $schema: schema('color-set'), sets: { light: { $schema: schema('color'), value: 'rgb(20, 122, 243)' }, dark: { $schema: schema('color'), value: 'rgb(64, 150, 255)' } } },
      },
      'semantic.json': {
        'accent-color-900': { $schema: schema('alias'), value: '{blue-900}', uuid: 'x' },
        'font-size-100': { $schema: schema('scale-set'), sets: { desktop: { $schema: schema('font-size'), value: '14px' }, mobile: { $schema: schema('font-size'), value: '17px' } } },
        'line-height-100': { $schema: schema('multiplier'), value: 1.3 },
        'text-align-center': { $schema: schema('alignment'), value: 'center' },
        'old-weight': { $schema: schema('font-weight'), value: 'bold', deprecated: true, deprecated_comment: 'Use bold-font-weight' },
      },
    });
    expect(result.formats[0]).toMatchObject({ format: 'spectrum', evidence: expect.stringContaining('Spectrum "$schema"') });
    expect(token(result, 'color-palette.tokens.json', 'blue-900').$value).toEqual(srgb('#147af3', [0.0784, 0.4784, 0.9529]));
    expect(token(result, 'color-palette.theme-dark.tokens.json', 'blue-900').$value).toEqual(srgb('#4096ff', [0.251, 0.5882, 1]));
    expect(token(result, 'semantic.tokens.json', 'accent-color-900')).toMatchObject({ $type: 'color', $value: '{blue-900}', $extensions: { 'com.adobe.spectrum': { uuid: 'x' } } });
    expect(token(result, 'semantic.scale-mobile.tokens.json', 'font-size-100').$value).toEqual({ value: 17, unit: 'px' });
    expect(token(result, 'semantic.tokens.json', 'line-height-100')).toMatchObject({ $type: 'number', $value: 1.3 });
    expect(token(result, 'semantic.tokens.json', 'old-weight')).toMatchObject({ $value: 700, $deprecated: 'Use bold-font-weight' });
    expect(problems(result)).toEqual([expect.stringMatching(/import\/unmapped text-align-center is not imported: its type "alignment" has no DTCG equivalent$/)]);
  });
});

describe('flat maps of names to values', () => {
  it('tells each type from the value, and numbers by their names', async () => {
    const result = await run({ 'colors.json': { 'color-blue': 'rgb(0, 111, 187)', 'spacing-none': 0, 'spacing-tight': '8px', 'line-height-body': 1.5, 'font-stack-base': "-apple-system, 'Segoe UI', sans-serif", 'duration-fast': '100ms', 'z-modal': 500, label: 'Shop now' } });
    expect(result.formats[0]).toMatchObject({ format: 'flat' });
    expect(token(result, 'colors.tokens.json', 'color-blue').$type).toBe('color');
    expect(token(result, 'colors.tokens.json', 'spacing-none')).toEqual({ $type: 'dimension', $value: { value: 0, unit: 'px' } });
    expect(token(result, 'colors.tokens.json', 'line-height-body')).toEqual({ $type: 'number', $value: 1.5 });
    expect(token(result, 'colors.tokens.json', 'font-stack-base').$type).toBe('fontFamily');
    expect(token(result, 'colors.tokens.json', 'duration-fast').$type).toBe('duration');
    expect(token(result, 'colors.tokens.json', 'z-modal')).toEqual({ $type: 'number', $value: 500 });
    expect(problems(result)).toEqual([expect.stringMatching(/import\/unmapped label is not imported: its type cannot be told from "Shop now" \(name a type in the source\)$/)]);
  });
});

describe('format detection and bad input', () => {
  it.each([
    { name: 'Style Dictionary', data: { a: { value: '#fff' } }, format: 'style-dictionary' },
    { name: 'Tokens Studio by a type of its own', data: { a: { value: '16', type: 'fontSizes' } }, format: 'tokens-studio', evidence: 'a Tokens Studio type' },
    { name: 'Tokens Studio by math', data: { a: { value: '4' }, b: { value: '{a} * 2' } }, format: 'tokens-studio', evidence: 'Tokens Studio math' },
    { name: 'Theo', data: { props: { A: { value: '#fff' } } }, format: 'theo' },
    { name: 'DTCG 2025.10', data: { a: { $type: 'number', $value: 1 } }, format: 'dtcg' },
    { name: 'a DTCG draft', data: { a: { $type: 'dimension', $value: '1em' } }, format: 'dtcg-draft' },
    { name: 'Figma REST', data: { meta: { variables: {}, variableCollections: {} } }, format: 'figma' },
    { name: 'flat', data: { a: '#fff' }, format: 'flat' },
  ])('tells $name, with the evidence', async ({ data, format, evidence }) => {
    const result = await importTokens([{ file: 't.json', text: textOf(data) }]);
    expect(result.formats[0]?.format).toBe(format);
    if (evidence) expect(result.formats[0]?.evidence).toContain(evidence);
  });

  it('--from overrides detection', async () => {
    const result = await importTokens([{ file: 't.json', text: textOf({ a: { value: '#fff' } }) }], { from: 'tokens-studio' });
    expect(result.formats[0]).toEqual({ file: 't.json', format: 'tokens-studio', evidence: 'named with --from tokens-studio' });
  });

  it('reports what it cannot read, with positions, and imports nothing from it', async () => {
    const result = await importTokens([
      { file: 'broken.json', text: '{ "a": { "value": "#fff", } }' },
      { file: 'list.json', text: '[1, 2]' },
      { file: 'tokens.css', text: ':root { --a: red; }' },
      { file: 'brand.resolver.json', text: textOf({ version: '2025.10', resolutionOrder: [] }) },
    ]);
    expect(result.tokenCount).toBe(0);
    expect(problems(result)).toEqual([
      '1:25 import/input invalid JSON: trailing comma before "}"',
      '- import/input cannot tell the format: the top level is an array, not an object of tokens; name it with --from (dtcg, dtcg-draft, style-dictionary, tokens-studio, figma, theo, spectrum, sass, flat)',
      '- import/input brandlint imports JSON, JSONC, JSON5, YAML and SCSS token files; this file is none of these (by its name)',
      '- import/input not imported: it is a DTCG resolver document, not a token file: brandlint reads it as it is (name it in `tokens` or run `brandlint validate` on it)',
    ]);
  });
});

describe('Sass variables and maps', () => {
  const scss = `// settings
@use "sass:math";
$brand-colour: #1d70b8 !default;
$link-colour: $brand-colour;
$font-family: "GDS Transport", arial, sans-serif !default;
$font-weight-bold: 700;
$palette: (
  "blue": (
    "primary": #1d70b8, // the brand blue
    "tint-25": #5694ca
  ),
  "green": (primary: #0f7a52)
);
$spacing-points: (0: 0, 1: 5px, 2: 10px) !default;
$gutter-half: math.div($gutter, 2);
$functional: ("brand": (name: "blue"));
$is-enabled: true;
@mixin thing { color: red; }
`;
  it('reads top-level variables, maps as groups, $references; says what only Sass can compute', async () => {
    const result = await run({ 'settings/_colours.scss': scss });
    expect(result.formats[0]).toMatchObject({ format: 'sass' });
    expect(result.files.map((file) => file.path)).toEqual(['colours.tokens.json']);
    expect(token(result, 'colours.tokens.json', 'brand-colour').$value).toEqual(srgb('#1d70b8', [0.1137, 0.4392, 0.7216]));
    expect(token(result, 'colours.tokens.json', 'link-colour').$value).toBe('{brand-colour}');
    expect(token(result, 'colours.tokens.json', 'font-family').$value).toEqual(['GDS Transport', 'arial', 'sans-serif']);
    expect(token(result, 'colours.tokens.json', 'font-weight-bold')).toEqual({ $type: 'fontWeight', $value: 700 });
    expect(token(result, 'colours.tokens.json', 'palette.blue.tint-25').$type).toBe('color');
    expect(token(result, 'colours.tokens.json', 'palette.green.primary').$type).toBe('color');
    expect(token(result, 'colours.tokens.json', 'spacing-points.2')).toEqual({ $type: 'dimension', $value: { value: 10, unit: 'px' } });
    expect(problems(result).map((line) => line.replace(/^\d+:\d+ /, ''))).toEqual([
      'import/unmapped gutter-half is not imported: "math.div($gutter, 2)" is computed by Sass (brandlint does not run Sass functions)',
      'import/unmapped functional.brand.name is not imported: its type cannot be told from "\\"blue\\"" (name a type in the source)',
      'import/unmapped is-enabled is not imported: true is not a design token value',
    ]);
  });
});

describe('names are data', () => {
  it('a token or modifier named __proto__ is a token like any other', async () => {
    const text = '{ "__proto__": { "value": "#ffffff", "type": "color" }, "constructor": { "prototype": { "value": "4px", "type": "spacing" } } }';
    const result = await importTokens([{ file: 'sd.json', text }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.files[0]?.text).toContain('"__proto__": {');
    expect(result.files[0]?.text).toContain('"prototype": {');
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });
});
