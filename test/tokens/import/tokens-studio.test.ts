import { describe, expect, it } from 'vitest';
import { output, problems, run, srgb, token } from './helpers.js';

/** Tokens Studio's single-file export: sets under their names, $themes and $metadata. */
const singleFile = {
  core: {
    colors: {
      pine: { value: '#1f5135', type: 'color', description: 'Pine' },
      black: { value: '#000000', type: 'color' },
      scrim: { value: '{colors.black}', type: 'color', $extensions: { 'studio.tokens': { modify: { type: 'alpha', value: '0.4', space: 'srgb' } } } },
      hover: { value: '{colors.pine}', type: 'color', $extensions: { 'studio.tokens': { modify: { type: 'lighten', value: '0.2', space: 'lch' } } } },
      overlay: { value: 'rgba({colors.black}, 0.5)', type: 'color' },
    },
    spacing: {
      base: { value: '8', type: 'spacing' },
      double: { value: '{spacing.base} * 2', type: 'spacing' },
      half: { value: '{spacing.base} / 2', type: 'sizing' },
      rounded: { value: 'roundTo({spacing.base} * 1.5)', type: 'spacing' },
    },
    radius: { md: { value: '6', type: 'borderRadius' } },
    border: { width: { value: '1', type: 'borderWidth' } },
    fontFamilies: { body: { value: 'Inter', type: 'fontFamilies' } },
    fontWeights: { regular: { value: 'Regular', type: 'fontWeights' }, semibold: { value: 'Semi Bold', type: 'fontWeights' } },
    fontSizes: { body: { value: '16', type: 'fontSizes' }, h1: { value: '{fontSizes.body} * 2', type: 'fontSizes' } },
    lineHeights: { body: { value: '150%', type: 'lineHeights' }, tight: { value: '1.2', type: 'lineHeights' } },
    letterSpacing: { wide: { value: '2%', type: 'letterSpacing' } },
    opacity: { muted: { value: '50%', type: 'opacity' } },
    typography: {
      body: {
        value: {
          fontFamily: '{fontFamilies.body}',
          fontWeight: '{fontWeights.regular}',
          fontSize: '{fontSizes.body}',
          lineHeight: '{lineHeights.body}',
          letterSpacing: '{letterSpacing.wide}',
          paragraphSpacing: '0',
          textCase: 'none',
        },
        type: 'typography',
      },
      h1: { value: { fontFamily: 'Inter', fontWeight: 'Bold', fontSize: '32', lineHeight: '40' }, type: 'typography' },
    },
    shadow: {
      card: { value: [{ x: '0', y: '2', blur: '4', spread: '0', color: 'rgba(0,0,0,0.25)', type: 'dropShadow' }, { x: 0, y: 0, blur: 0, spread: 1, color: '#e2e2dc', type: 'innerShadow' }], type: 'boxShadow' },
    },
    outline: { focus: { value: { color: '{colors.pine}', width: '2', style: 'dashed' }, type: 'border' } },
    textCase: { upper: { value: 'uppercase', type: 'textCase' } },
  },
  light: { bg: { value: '#ffffff', type: 'color' }, text: { value: '{colors.black}', type: 'color' } },
  dark: { bg: { value: '#121412', type: 'color' }, text: { value: '#f7f7f4', type: 'color' } },
  $themes: [
    { id: '1', name: 'Light', group: 'mode', selectedTokenSets: { core: 'source', light: 'enabled', dark: 'disabled' } },
    { id: '2', name: 'Dark', group: 'mode', selectedTokenSets: { core: 'source', light: 'disabled', dark: 'enabled' } },
  ],
  $metadata: { tokenSetOrder: ['core', 'light', 'dark'] },
};

describe('Tokens Studio import', () => {
  it('writes one file per set and a resolver with a modifier per theme group', async () => {
    const result = await run({ 'studio.json': singleFile });
    expect(result.formats[0]).toMatchObject({ format: 'tokens-studio', evidence: expect.stringContaining('"$themes"') });
    expect(result.files.map((file) => file.path)).toEqual(['core.tokens.json', 'light.tokens.json', 'dark.tokens.json', 'tokens.resolver.json']);
    expect(output(result, 'tokens.resolver.json')).toEqual({
      $schema: 'https://www.designtokens.org/schemas/2025.10/resolver.json',
      version: '2025.10',
      sets: { base: { sources: [{ $ref: 'core.tokens.json' }] } },
      modifiers: { mode: { contexts: { Light: [{ $ref: 'light.tokens.json' }], Dark: [{ $ref: 'dark.tokens.json' }] }, default: 'Light' } },
      resolutionOrder: [{ $ref: '#/sets/base' }, { $ref: '#/modifiers/mode' }],
    });
  });

  it('maps its types, composites and math', async () => {
    const result = await run({ 'studio.json': singleFile });
    const core = (name: string) => token(result, 'core.tokens.json', name);
    expect(core('colors.pine')).toEqual({ $type: 'color', $value: srgb('#1f5135', [0.1216, 0.3176, 0.2078]), $description: 'Pine' });
    expect(core('colors.scrim').$value).toEqual(srgb('#000000', [0, 0, 0], 0.4));
    expect(core('colors.hover').$value).toBe('{colors.pine}');
    expect(core('colors.overlay').$value).toEqual(srgb('#000000', [0, 0, 0], 0.5));
    expect(core('spacing.base')).toEqual({ $type: 'dimension', $value: { value: 8, unit: 'px' } });
    expect(core('spacing.double').$value).toEqual({ value: 16, unit: 'px' });
    expect(core('spacing.half').$value).toEqual({ value: 4, unit: 'px' });
    expect(core('radius.md').$value).toEqual({ value: 6, unit: 'px' });
    expect(core('border.width').$value).toEqual({ value: 1, unit: 'px' });
    expect(core('fontFamilies.body')).toEqual({ $type: 'fontFamily', $value: 'Inter' });
    expect(core('fontWeights.semibold')).toEqual({ $type: 'fontWeight', $value: 600 });
    expect(core('fontSizes.h1').$value).toEqual({ value: 32, unit: 'px' });
    expect(core('lineHeights.body')).toEqual({ $type: 'number', $value: 1.5 });
    expect(core('letterSpacing.wide')).toEqual({ $type: 'dimension', $value: { value: 0.32, unit: 'px' } });
    expect(core('opacity.muted')).toEqual({ $type: 'number', $value: 0.5 });
    expect(core('typography.body')).toEqual({
      $type: 'typography',
      $value: { fontFamily: '{fontFamilies.body}', fontSize: '{fontSizes.body}', fontWeight: '{fontWeights.regular}', letterSpacing: '{letterSpacing.wide}', lineHeight: '{lineHeights.body}' },
    });
    expect(core('typography.h1').$value).toEqual({ fontFamily: 'Inter', fontSize: { value: 32, unit: 'px' }, fontWeight: 700, letterSpacing: { value: 0, unit: 'px' }, lineHeight: 1.25 });
    expect(core('shadow.card').$value).toEqual([
      { color: srgb('#000000', [0, 0, 0], 0.25), offsetX: { value: 0, unit: 'px' }, offsetY: { value: 2, unit: 'px' }, blur: { value: 4, unit: 'px' }, spread: { value: 0, unit: 'px' } },
      { color: srgb('#e2e2dc', [0.8863, 0.8863, 0.8627]), offsetX: { value: 0, unit: 'px' }, offsetY: { value: 0, unit: 'px' }, blur: { value: 0, unit: 'px' }, spread: { value: 1, unit: 'px' }, inset: true },
    ]);
    expect(core('outline.focus').$value).toEqual({ color: '{colors.pine}', width: { value: 2, unit: 'px' }, style: 'dashed' });
    expect(token(result, 'dark.tokens.json', 'text').$value).toEqual(srgb('#f7f7f4', [0.9686, 0.9686, 0.9569]));
  });

  it('says what was converted and what was left out', async () => {
    const result = await run({ 'studio.json': singleFile });
    const text = problems(result).join('\n');
    for (const expected of [
      'import/unmapped the "lighten" color modifier of colors.hover is not applied',
      'import/converted "rgba({colors.black}, 0.5)" is written as a literal color with alpha 0.5 (the reference to {colors.black} is not kept)',
      'import/converted "{spacing.base} * 2" is evaluated to 16px (the expression is not kept)',
      'import/unmapped spacing.rounded is not imported: "roundTo({spacing.base} * 1.5)" uses roundTo(), which brandlint cannot evaluate',
      'import/converted 2% letter spacing is written as 0.32px (with the em base of 16px)',
      'import/converted a DTCG typography has no place for "paragraphSpacing", "textCase"; dropped',
      'import/converted the typography names no letter spacing; 0px is written',
      'import/converted line height 40px is written as 1.25 (the font size is 32px)',
      'import/unmapped textCase.upper is not imported: its type "textCase" has no DTCG equivalent',
    ]) {
      expect(text).toContain(expected);
    }
    // Every warning points at its place in the file.
    expect(result.diagnostics.every((d) => d.range !== null)).toBe(true);
  });

  it('reads the multi-file export ($themes.json, $metadata.json and one file per set)', async () => {
    const result = await run({
      'tokens/$themes.json': singleFile.$themes,
      'tokens/$metadata.json': singleFile.$metadata,
      'tokens/core.json': { colors: singleFile.core.colors },
      'tokens/light.json': singleFile.light,
      'tokens/dark.json': singleFile.dark,
    });
    expect(result.formats.map((format) => format.format)).toEqual(['tokens-studio', 'tokens-studio', 'tokens-studio', 'tokens-studio', 'tokens-studio']);
    expect(result.formats[2]?.evidence).toContain("next to Tokens Studio's $themes/$metadata");
    expect(result.files.map((file) => file.path)).toEqual(['core.tokens.json', 'light.tokens.json', 'dark.tokens.json', 'tokens.resolver.json']);
  });

  it('warns about a theme naming a set that is not there, and a set no theme uses', async () => {
    const result = await run({
      'studio.json': {
        base: { c: { value: '#ffffff', type: 'color' } },
        extra: { d: { value: '#000000', type: 'color' } },
        $themes: [
          { id: '1', name: 'A', selectedTokenSets: { base: 'enabled', missing: 'enabled' } },
          { id: '2', name: 'B', selectedTokenSets: { base: 'enabled' } },
        ],
      },
    });
    const text = problems(result).join('\n');
    expect(text).toContain('token set "extra" is enabled in no theme: it is written, but no context of the resolver uses it');
    expect(text).toContain('theme "A" names token set "missing", which is not among the imported files');
  });
});
