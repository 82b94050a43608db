import { describe, expect, it } from 'vitest';
import { problems, run, srgb, token } from './helpers.js';

const aliases = `# Salesforce-style aliases
aliases:
  PINE: "#1f5135"
  VEIL: "rgba(0, 0, 0, 0.5)"
  FONT_SIZE_3: "0.8125rem"
  SANS: "-apple-system, 'Segoe UI', Roboto, sans-serif"
  SHADOW_BOTTOM: "linear-gradient(to bottom, rgba(0, 0, 0, 0.25) 0, rgba(0, 0, 0, 0) 100%)"
  ALIASED: "{!PINE}"
`;

const props = `global:
  type: color
  category: background-color
imports:
  - ../aliases/base.yml
props:
  COLOR_BACKGROUND:
    value: "{!PINE}"
    comment: Default background.
    release: 1.0.0
  COLOR_SCRIM:
    value: "{!VEIL}"
  COLOR_ACCENT:
    value: "hsl(177, 64.7%, 51.9%)"
  COLOR_MISSING:
    value: "{!NOPE}"
  GRADIENT:
    value: "{!SHADOW_BOTTOM}"
`;

const fonts = `global:
  category: font-size
props:
  FONT_SIZE_3:
    value: "{!FONT_SIZE_3}"
    type: font-size
  FONT_FAMILY:
    value: "{!SANS}"
    type: font-family
  LINE_HEIGHT:
    value: "1.5"
    type: number
    category: line-height
  SPACING:
    value: "4px"
    type: number
  MEDIA:
    value: "only screen and (min-width: 48em)"
    type: media-query
`;

describe('Theo (Salesforce design tokens)', () => {
  it('maps props and aliases with their types, and follows imports', async () => {
    const result = await run({ 'tokens/aliases/base.yml': aliases, 'tokens/primitive/colors.yml': props, 'tokens/primitive/fonts.yml': fonts });
    expect(result.formats.map((format) => format.format)).toEqual(['theo', 'theo', 'theo']);
    expect(token(result, 'aliases/base.tokens.json', 'aliases.PINE').$value).toEqual(srgb('#1f5135', [0.1216, 0.3176, 0.2078]));
    expect(token(result, 'aliases/base.tokens.json', 'aliases.ALIASED').$value).toBe('{aliases.PINE}');
    expect(token(result, 'aliases/base.tokens.json', 'aliases.SANS')).toEqual({ $type: 'fontFamily', $value: ['-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'] });
    expect(token(result, 'aliases/base.tokens.json', 'aliases.SHADOW_BOTTOM').$type).toBe('gradient');
    expect(token(result, 'primitive/colors.tokens.json', 'COLOR_BACKGROUND')).toEqual({
      $type: 'color',
      $value: '{aliases.PINE}',
      $description: 'Default background.',
      $extensions: { 'org.brandlint.import.theo': { release: '1.0.0', category: 'background-color' } },
    });
    expect(token(result, 'primitive/colors.tokens.json', 'COLOR_ACCENT').$value).toMatchObject({ colorSpace: 'srgb', hex: '#35d4cc' });
    expect(token(result, 'primitive/colors.tokens.json', 'GRADIENT')).toMatchObject({ $type: 'gradient', $value: '{aliases.SHADOW_BOTTOM}' });
    expect(token(result, 'primitive/fonts.tokens.json', 'FONT_SIZE_3')).toMatchObject({ $type: 'dimension', $value: '{aliases.FONT_SIZE_3}' });
    expect(token(result, 'primitive/fonts.tokens.json', 'LINE_HEIGHT')).toMatchObject({ $type: 'number', $value: 1.5 });
    expect(token(result, 'primitive/fonts.tokens.json', 'SPACING')).toMatchObject({ $type: 'dimension', $value: { value: 4, unit: 'px' } });
    expect(problems(result).map((line) => line.replace(/^\d+:\d+ /, ''))).toEqual([
      'import/converted a DTCG gradient is only its color stops; "to bottom" dropped',
      'import/unmapped COLOR_MISSING is not imported: reference "{!NOPE}" names no token',
      'import/converted GRADIENT is typed "color" but holds a gradient; it is written as a gradient token',
      'import/unmapped MEDIA is not imported: its type "media-query" has no DTCG equivalent',
    ]);
  });

  it('reads an import that was not named, and says when it cannot', async () => {
    const withRead = await run(
      { 'tokens/primitive/colors.yml': props },
      { readImport: async (file) => (file === 'tokens/aliases/base.yml' ? { file, text: aliases } : { error: 'not found' }) },
    );
    expect(token(withRead, 'primitive/colors.tokens.json', 'COLOR_BACKGROUND').$value).toBe('{aliases.PINE}');
    const without = await run({ 'tokens/primitive/colors.yml': props });
    expect(problems(without)[0]).toMatch(/^5:5 import\/reference imports \.\.\/aliases\/base\.yml, which is not among the files imported; its aliases are not available$/);
  });

  it("reads Theo's raw JSON output (props keep the alias in originalValue) and a props list", async () => {
    const raw = { aliases: { 'color-ink': { value: '#212b36' } }, props: { 'color-text': { type: 'color', category: 'text-color', name: 'color-text', value: '#212b36', originalValue: '{!color-ink}' } } };
    const list = 'props:\n  - name: surface\n    value: "#111213"\nglobal:\n  type: color\n';
    const result = await run({ 'index.raw.json': raw, 'themes/base.yml': list });
    expect(token(result, 'index.raw.tokens.json', 'color-text').$value).toBe('{aliases.color-ink}');
    expect(token(result, 'themes/base.tokens.json', 'surface').$value).toEqual(srgb('#111213', [0.0667, 0.0706, 0.0745]));
  });
});
