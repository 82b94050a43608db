import { describe, expect, it } from 'vitest';
import { output, problems, run, srgb, token } from './helpers.js';

/** DTCG as tools wrote it before 2025.10. */
const draft = {
  color: {
    $type: 'color',
    $description: 'Palette',
    pine: { $value: '#1f5135' },
    veil: { $value: '#00000080' },
    sky: { $value: 'rgb(30, 90, 168)' },
    text: { $value: '{color.pine}', $extensions: { mode: { light: '{color.pine}', dark: '#8cc7a1' } } },
    primer: { $value: { colorSpace: 'hsl', components: [146, 45, 22], hex: '#1f5135' }, alpha: 0.5 },
  },
  size: {
    $type: 'dimension',
    sm: { $value: '8px' },
    md: { $value: '1rem' },
    em: { $value: '0.5em' },
    pt: { $value: '12pt' },
    pct: { $value: '50%' },
  },
  font: {
    body: { $type: 'fontFamily', $value: "'Open Sans', sans-serif" },
    weight: { $type: 'fontWeight', $value: 'bold' },
    heading: {
      $type: 'typography',
      $value: { fontFamily: '{font.body}', fontSize: '32px', fontWeight: 600, letterSpacing: '-0.02em', lineHeight: '40px' },
    },
  },
  motion: { fast: { $type: 'duration', $value: '150ms' }, ease: { $type: 'cubicBezier', $value: [0.4, 0, 0.2, 1] } },
  shadow: { card: { $type: 'shadow', $value: { offsetX: '0px', offsetY: '2px', blur: '4px', spread: '0px', color: '#00000040' } } },
  legacy: { space: { $type: 'sizing', $value: '4px' }, extra: { $type: 'color', $value: '#fff', key: 'abc' } },
};

describe('DTCG drafts', () => {
  it('converts draft values to 2025.10 and keeps 2025.10 values as they are', async () => {
    const result = await run({ 'draft.tokens.json': draft }, { emBase: 20 });
    expect(result.formats[0]).toMatchObject({ format: 'dtcg-draft', evidence: expect.stringContaining('do not validate as DTCG 2025.10') });
    expect(output(result, 'draft.tokens.json').color).toMatchObject({ $description: 'Palette' });
    expect(token(result, 'draft.tokens.json', 'color.pine').$value).toEqual(srgb('#1f5135', [0.1216, 0.3176, 0.2078]));
    expect(token(result, 'draft.tokens.json', 'color.veil').$value).toEqual(srgb('#000000', [0, 0, 0], 0.502));
    expect(token(result, 'draft.tokens.json', 'color.primer').$value).toEqual({ colorSpace: 'hsl', components: [146, 45, 22], hex: '#1f5135', alpha: 0.5 });
    expect(token(result, 'draft.tokens.json', 'size.em').$value).toEqual({ value: 10, unit: 'px' });
    expect(token(result, 'draft.tokens.json', 'size.pt').$value).toEqual({ value: 16, unit: 'px' });
    expect(token(result, 'draft.tokens.json', 'font.body').$value).toEqual(['Open Sans', 'sans-serif']);
    expect(token(result, 'draft.tokens.json', 'font.weight').$value).toBe(700);
    expect(token(result, 'draft.tokens.json', 'font.heading').$value).toEqual({
      fontFamily: '{font.body}',
      fontSize: { value: 32, unit: 'px' },
      fontWeight: 600,
      letterSpacing: { value: -0.64, unit: 'px' },
      lineHeight: 1.25,
    });
    expect(token(result, 'draft.tokens.json', 'motion.fast').$value).toEqual({ value: 150, unit: 'ms' });
    expect(token(result, 'draft.tokens.json', 'shadow.card').$value).toMatchObject({ offsetY: { value: 2, unit: 'px' }, color: srgb('#000000', [0, 0, 0], 0.251) });
    expect(token(result, 'draft.tokens.json', 'legacy.space')).toMatchObject({ $type: 'dimension', $value: { value: 4, unit: 'px' } });
    expect(token(result, 'draft.tokens.json', 'legacy.extra').$extensions).toEqual({ 'org.brandlint.import': { key: 'abc' } });
    // $extensions.mode (Cobalt, Terrazzo before resolvers) becomes a modifier.
    expect(token(result, 'draft.mode-dark.tokens.json', 'color.text').$value).toEqual(srgb('#8cc7a1', [0.549, 0.7804, 0.6314]));
    expect(output(result, 'tokens.resolver.json').modifiers).toEqual({ mode: { contexts: { light: [], dark: [{ $ref: 'draft.mode-dark.tokens.json' }] }, default: 'light' } });
  });

  it('says each conversion under an assumption and each value left out', async () => {
    const result = await run({ 'draft.tokens.json': draft }, { emBase: 20 });
    expect(problems(result).map((line) => line.replace(/^\d+:\d+ /, ''))).toEqual([
      'import/converted 0.5em is written as 10px (with the em base of 20px)',
      'import/converted 12pt is written as 16px',
      'import/unmapped size.pct is not imported: 50% is a relative length; DTCG dimensions are px or rem',
      'import/converted -0.02em is written as -0.64px (the font size is 32px)',
      'import/converted line height 40px is written as 1.25 (the font size is 32px)',
      'import/converted "key" is not a DTCG token property; it is kept in $extensions["org.brandlint.import"]',
    ]);
  });

  it('reads light and dark files of the same tokens as the contexts of a theme', async () => {
    const base = { color: { $type: 'color', bg: { $value: '{base.white}' } } };
    const result = await run({
      'base/light/light.json5': `{ base: { white: { $type: 'color', $value: '#ffffff' } } }`,
      'base/dark/dark.json5': `{ base: { white: { $type: 'color', $value: '#121412' } } }`,
      'functional/bg.json': base,
    });
    expect(result.files.map((file) => file.path)).toEqual(['base.tokens.json', 'base.theme-dark.tokens.json', 'functional/bg.tokens.json', 'tokens.resolver.json']);
    expect(token(result, 'base.theme-dark.tokens.json', 'base.white').$value).toEqual(srgb('#121412', [0.0706, 0.0784, 0.0706]));
  });

  it('passes DTCG 2025.10 through, and names the format', async () => {
    const current = { c: { $type: 'color', $value: { colorSpace: 'srgb', components: [1, 0, 0], hex: '#ff0000' } } };
    const result = await run({ 'current.tokens.json': current });
    expect(result.formats[0]).toEqual({ file: 'current.tokens.json', format: 'dtcg', evidence: 'tokens have "$value" and the file validates as DTCG 2025.10' });
    expect(token(result, 'current.tokens.json', 'c').$value).toEqual(current.c.$value);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads YAML token files', async () => {
    const result = await run({ 'palette.tokens.yml': 'color:\n  $type: color\n  red:\n    $value: "#ff0000"\n  anchor: &a\n    $value: "#00ff00"\n  copy: *a\n' });
    expect(token(result, 'palette.tokens.json', 'color.copy').$value).toEqual(srgb('#00ff00', [0, 1, 0]));
  });
});
