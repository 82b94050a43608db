import { describe, expect, it } from 'vitest';
import {
  acceptsLegacyColor,
  colorOptionsFor,
  findColorLiterals,
  findVarReferences,
  isColorProperty,
  mayHoldColors,
  namedColorsCountIn,
  parseLegacyHexDigits,
  toSrgbHex,
  type FindColorLiteralsOptions,
} from '../../src/core/css-color.js';

/** `[text, start, end, kind, sRGB hex]` of each literal found. */
const found = (value: string, options?: FindColorLiteralsOptions) =>
  findColorLiterals(value, options).map((literal) => [literal.text, literal.start, literal.end, literal.kind, toSrgbHex(literal.color)]);

describe('findColorLiterals', () => {
  it.each<[string, unknown[]]>([
    ['#1f5135', [['#1f5135', 0, 7, 'hex', '#1f5135']]],
    ['#FFF', [['#FFF', 0, 4, 'hex', '#ffffff']]],
    ['#ffff', [['#ffff', 0, 5, 'hex', '#ffffff']]],
    ['#1f513580', [['#1f513580', 0, 9, 'hex', '#1f513580']]],
    ['#1c1c1914', [['#1c1c1914', 0, 9, 'hex', '#1c1c1914']]],
    ['1px solid #E2E2DC', [['#E2E2DC', 10, 17, 'hex', '#e2e2dc']]],
    ['rgb(255,255,255)', [['rgb(255,255,255)', 0, 16, 'function', '#ffffff']]],
    ['rgba(28, 28, 25, 0.08)', [['rgba(28, 28, 25, 0.08)', 0, 22, 'function', '#1c1c1914']]],
    ['rgb(31 81 53 / 50%)', [['rgb(31 81 53 / 50%)', 0, 19, 'function', '#1f513580']]],
    ['hsl(146deg 45% 22%)', [['hsl(146deg 45% 22%)', 0, 19, 'function', '#1f5135']]],
    ['hsla(0, 0%, 100%, 1)', [['hsla(0, 0%, 100%, 1)', 0, 20, 'function', '#ffffff']]],
    ['hwb(0 100% 0%)', [['hwb(0 100% 0%)', 0, 14, 'function', '#ffffff']]],
    ['lab(100% 0 0)', [['lab(100% 0 0)', 0, 13, 'function', '#ffffff']]],
    ['lch(100% 0 0)', [['lch(100% 0 0)', 0, 13, 'function', '#ffffff']]],
    ['oklab(1 0 0)', [['oklab(1 0 0)', 0, 12, 'function', '#ffffff']]],
    ['oklch(100% 0 0)', [['oklch(100% 0 0)', 0, 15, 'function', '#ffffff']]],
    ['color(srgb 1 1 1)', [['color(srgb 1 1 1)', 0, 17, 'function', '#ffffff']]],
    // out of sRGB: gamut-mapped, never an invalid hex
    ['color(display-p3 0 1 0)', [['color(display-p3 0 1 0)', 0, 23, 'function', expect.stringMatching(/^#[0-9a-f]{6}$/)]]],
    ['white', [['white', 0, 5, 'named', '#ffffff']]],
    ['RebeccaPurple', [['RebeccaPurple', 0, 13, 'named', '#663399']]],
    ['linear-gradient(180deg, #1f5135 0%, white 100%)', [['#1f5135', 24, 31, 'hex', '#1f5135'], ['white', 36, 41, 'named', '#ffffff']]],
    ['0 1px 2px rgba(28,28,25,.08), 0 4px 12px #1c1c191f', [['rgba(28,28,25,.08)', 10, 28, 'function', '#1c1c1914'], ['#1c1c191f', 41, 50, 'hex', '#1c1c191f']]],
    ['color-mix(in srgb, #1f5135 40%, white)', [['#1f5135', 19, 26, 'hex', '#1f5135'], ['white', 32, 37, 'named', '#ffffff']]],
    ['light-dark(#1c1c19, #f7f7f4)', [['#1c1c19', 11, 18, 'hex', '#1c1c19'], ['#f7f7f4', 20, 27, 'hex', '#f7f7f4']]],
    // SCSS
    ['rgba(#1f5135, 0.5)', [['rgba(#1f5135, 0.5)', 0, 18, 'function', '#1f513580']]],
    ['darken(#2e7d4f, 10%)', [['#2e7d4f', 7, 14, 'hex', '#2e7d4f']]],
  ])('%j', (value, expected) => {
    expect(found(value)).toEqual(expected);
  });

  it('marks var() fallbacks', () => {
    expect(findColorLiterals('var(--color-link, #1e5aa8)')).toMatchObject([{ text: '#1e5aa8', start: 18, end: 25, inVarFallback: true }]);
    expect(findColorLiterals('var(--a, var(--b, red))')).toMatchObject([{ text: 'red', start: 18, end: 21, inVarFallback: true }]);
    expect(findColorLiterals('#fff')).toMatchObject([{ inVarFallback: false }]);
  });

  it.each([
    '',
    'transparent',
    'currentColor',
    'inherit',
    'initial',
    'unset',
    'none',
    'var(--color-link)',
    'url(#fff)',
    'url("img/white.png") no-repeat',
    "url(data:image/svg+xml;utf8,<svg fill='%23fff'/>)",
    '"#1d4ed8"',
    "'red'",
    '/* #1d4ed8 */ transparent',
    '#12',
    '#12345',
    '#ggg',
    '#{$brand}',
    '$brand',
    'rgba($brand, 0.5)',
    'rgb(var(--rgb))',
    'rgb(from #1f5135 r g b / 50%)',
    'rgb(255, 255, 255',
    '{{ brand_color }}',
    '#{{ hex }}',
    '{% if vip %}#1d4ed8{% else %}#1f5135{% endif %}',
    '*|BRAND_COLOR|*',
    '%%=v(@color)=%%',
    '${color}',
    'red-600',
    'theme(colors.red.500)',
    '1f5135',
  ])('nothing in %j', (value) => {
    expect(found(value)).toEqual([]);
  });

  it('an SCSS map key is not a color, its value is', () => {
    expect(found('(primary: #1f5135, red: #b42318)')).toEqual([
      ['#1f5135', 10, 17, 'hex', '#1f5135'],
      ['#b42318', 24, 31, 'hex', '#b42318'],
    ]);
  });

  it('skips named colors when told', () => {
    expect(found('Red Hat Display, sans-serif', { named: false })).toEqual([]);
    expect(found('1px solid red', { named: false })).toEqual([]);
    expect(found('1px solid #f00', { named: false })).toEqual([['#f00', 10, 14, 'hex', '#ff0000']]);
  });

  it('adds the offset', () => {
    expect(findColorLiterals(' #fff', { offset: 100 })).toMatchObject([{ start: 101, end: 105 }]);
  });

  it.each<[string, unknown[]]>([
    ['1f5135', [['1f5135', 0, 6, 'hex', '#1f5135']]],
    [' 1F5135 ', [['1F5135', 1, 7, 'hex', '#1f5135']]],
    // legacy parsing: three digits are three one-digit components, not shorthand
    ['fff', [['fff', 0, 3, 'hex', '#0f0f0f']]],
    ['#1f5135', [['#1f5135', 0, 7, 'hex', '#1f5135']]],
    ['white', [['white', 0, 5, 'named', '#ffffff']]],
    ['12345', []],
  ])('legacy attribute %j', (value, expected) => {
    expect(found(value, { legacyAttribute: true })).toEqual(expected);
  });
});

describe('parseLegacyHexDigits', () => {
  it.each([
    ['1f5135', '#1f5135'],
    ['fff', '#0f0f0f'],
    ['000', '#000000'],
    ['00ff00ff0', '#00f0ff'],
    ['0000ff000000fff000', '#0000ff'],
  ])('%s -> %s', (digits, hex) => {
    expect(toSrgbHex(parseLegacyHexDigits(digits))).toBe(hex);
  });
});

describe('findVarReferences', () => {
  it.each<[string, unknown[]]>([
    ['var(--color-link)', [{ name: '--color-link', start: 0, end: 17, nameStart: 4, nameEnd: 16 }]],
    ['var( --color-link )', [{ name: '--color-link', start: 0, end: 19, nameStart: 5, nameEnd: 17 }]],
    [
      '1px solid var(--color-border-default, #e2e2dc)',
      [{ name: '--color-border-default', start: 10, end: 46, nameStart: 14, nameEnd: 36, hasFallback: true, fallback: { text: '#e2e2dc', start: 38, end: 45 } }],
    ],
    [
      '0 1px var(--shadow, var(--color-border-default))',
      [
        { name: '--shadow', start: 6, end: 48, nameStart: 10, nameEnd: 18, hasFallback: true, fallback: { text: 'var(--color-border-default)', start: 20, end: 47 } },
        { name: '--color-border-default', start: 20, end: 47, nameStart: 24, nameEnd: 46 },
      ],
    ],
    ['var(--tw-empty,)', [{ name: '--tw-empty', start: 0, end: 16, nameStart: 4, nameEnd: 14, hasFallback: true }]],
    ['calc(var(--space-4) * 2)', [{ name: '--space-4', start: 5, end: 19, nameStart: 9, nameEnd: 18 }]],
    ['"var(--x)"', []],
    ['url(var(--x))', []],
    ['var(--{{ name }})', []],
    ['#fff', []],
  ])('%j', (value, expected) => {
    expect(findVarReferences(value)).toEqual(expected);
  });

  it('adds the offset', () => {
    expect(findVarReferences('var(--a)', 10)).toEqual([{ name: '--a', start: 10, end: 18, nameStart: 14, nameEnd: 17 }]);
  });
});

describe('property helpers', () => {
  it.each([
    ['color', true, true, true],
    ['background', true, true, true],
    ['border-left', true, true, true],
    ['fill', true, true, true],
    ['--color-link', false, true, true],
    ['$brand', false, true, true],
    ['--font-family-heading', false, false, true],
    ['font-family', false, false, false],
    ['content', false, false, false],
    ['animation-name', false, false, true],
    ['width', false, false, true],
  ])('%s: color property %s, named colors %s, may hold colors %s', (property, color, named, may) => {
    expect(isColorProperty(property)).toBe(color);
    expect(namedColorsCountIn(property)).toBe(named);
    expect(mayHoldColors(property)).toBe(may);
  });

  it('legacy colors only in HTML and VML color attributes', () => {
    expect(acceptsLegacyColor({ origin: 'html-attribute', property: 'background-color' })).toBe(true);
    expect(acceptsLegacyColor({ origin: 'vml', property: 'fillcolor' })).toBe(true);
    expect(acceptsLegacyColor({ origin: 'style-attribute', property: 'background-color' })).toBe(false);
    expect(acceptsLegacyColor({ origin: 'html-attribute', property: 'width' })).toBe(false);
  });

  it('colorOptionsFor a declaration', () => {
    expect(colorOptionsFor({ origin: 'html-attribute', property: 'background-color', valueStart: 7 })).toEqual({
      offset: 7,
      named: true,
      legacyAttribute: true,
    });
  });
});

describe('toSrgbHex', () => {
  it('writes alpha only when translucent', () => {
    const [opaque] = findColorLiterals('rgba(255, 255, 255, 1)');
    const [translucent] = findColorLiterals('rgba(255, 255, 255, 0.5)');
    expect(opaque && toSrgbHex(opaque.color)).toBe('#ffffff');
    expect(translucent && toSrgbHex(translucent.color)).toBe('#ffffff80');
  });
});

describe('volume', () => {
  it('reads a 240 KB stylesheet worth of values', () => {
    const values = Array.from({ length: 8000 }, (_, i) => `0 1px 2px rgba(28, 28, 25, 0.${i % 10}), 1px solid #${(i % 4096).toString(16).padStart(3, '0')}`);
    let count = 0;
    for (const value of values) count += findColorLiterals(value).length;
    expect(count).toBe(16000);
  });
});
