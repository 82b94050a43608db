import { describe, expect, it } from 'vitest';
import { errorsOf, lines, load, single, warningsOf } from './helpers.js';

const red = { colorSpace: 'srgb', components: [1, 0, 0] };
const px = (value: number) => ({ value, unit: 'px' });
const ms = (value: number) => ({ value, unit: 'ms' });
const shadowLayer = { color: red, offsetX: px(0), offsetY: px(2), blur: px(4), spread: px(0) };
const resolvedRed = { colorSpace: 'srgb', components: [1, 0, 0], alpha: 1 };

interface ValidCase {
  name: string;
  type: string;
  value: unknown;
  expected: unknown;
}

const valid: ValidCase[] = [
  { name: 'srgb color', type: 'color', value: { ...red, hex: '#ff0000' }, expected: { ...resolvedRed, hex: '#ff0000' } },
  { name: 'color with alpha 0', type: 'color', value: { ...red, alpha: 0 }, expected: { ...resolvedRed, alpha: 0 } },
  {
    name: 'hsl with none hue',
    type: 'color',
    value: { colorSpace: 'hsl', components: ['none', 0, 100] },
    expected: { colorSpace: 'hsl', components: ['none', 0, 100], alpha: 1 },
  },
  {
    name: 'lab with negative a and b',
    type: 'color',
    value: { colorSpace: 'lab', components: [60, -120, -60.5] },
    expected: { colorSpace: 'lab', components: [60, -120, -60.5], alpha: 1 },
  },
  {
    name: 'oklch hue just below 360',
    type: 'color',
    value: { colorSpace: 'oklch', components: [0.7, 0.3, 359.9] },
    expected: { colorSpace: 'oklch', components: [0.7, 0.3, 359.9], alpha: 1 },
  },
  { name: 'dimension px', type: 'dimension', value: px(16), expected: px(16) },
  { name: 'dimension rem fraction', type: 'dimension', value: { value: 0.5, unit: 'rem' }, expected: { value: 0.5, unit: 'rem' } },
  { name: 'dimension negative', type: 'dimension', value: px(-2), expected: px(-2) },
  { name: 'fontFamily string', type: 'fontFamily', value: 'Helvetica Neue', expected: ['Helvetica Neue'] },
  { name: 'fontFamily array', type: 'fontFamily', value: ['Inter', 'sans-serif'], expected: ['Inter', 'sans-serif'] },
  { name: 'fontWeight number', type: 'fontWeight', value: 350, expected: 350 },
  { name: 'fontWeight 1 and 1000 bounds', type: 'fontWeight', value: 1000, expected: 1000 },
  { name: 'fontWeight hairline', type: 'fontWeight', value: 'hairline', expected: 100 },
  { name: 'fontWeight ultra-light', type: 'fontWeight', value: 'ultra-light', expected: 200 },
  { name: 'fontWeight book', type: 'fontWeight', value: 'book', expected: 400 },
  { name: 'fontWeight demi-bold', type: 'fontWeight', value: 'demi-bold', expected: 600 },
  { name: 'fontWeight heavy', type: 'fontWeight', value: 'heavy', expected: 900 },
  { name: 'fontWeight extra-black', type: 'fontWeight', value: 'extra-black', expected: 950 },
  { name: 'duration ms', type: 'duration', value: ms(200), expected: ms(200) },
  { name: 'duration s', type: 'duration', value: { value: 1.5, unit: 's' }, expected: { value: 1.5, unit: 's' } },
  { name: 'cubicBezier with y outside [0, 1]', type: 'cubicBezier', value: [0.68, -0.55, 0.265, 1.55], expected: [0.68, -0.55, 0.265, 1.55] },
  { name: 'number negative', type: 'number', value: -5, expected: -5 },
  { name: 'strokeStyle keyword', type: 'strokeStyle', value: 'groove', expected: 'groove' },
  {
    name: 'strokeStyle object',
    type: 'strokeStyle',
    value: { dashArray: [px(4), { value: 0.25, unit: 'rem' }], lineCap: 'butt' },
    expected: { dashArray: [px(4), { value: 0.25, unit: 'rem' }], lineCap: 'butt' },
  },
  {
    name: 'border',
    type: 'border',
    value: { color: red, width: px(1), style: 'solid' },
    expected: { color: resolvedRed, width: px(1), style: 'solid' },
  },
  {
    name: 'transition',
    type: 'transition',
    value: { duration: ms(200), delay: ms(0), timingFunction: [0.5, 0, 1, 1] },
    expected: { duration: ms(200), delay: ms(0), timingFunction: [0.5, 0, 1, 1] },
  },
  {
    name: 'shadow object (normalised to an array)',
    type: 'shadow',
    value: shadowLayer,
    expected: [{ ...shadowLayer, color: resolvedRed }],
  },
  {
    name: 'shadow array with inset',
    type: 'shadow',
    value: [shadowLayer, { ...shadowLayer, inset: true }],
    expected: [
      { ...shadowLayer, color: resolvedRed },
      { ...shadowLayer, color: resolvedRed, inset: true },
    ],
  },
  {
    name: 'gradient (positions clamped to [0, 1])',
    type: 'gradient',
    value: [
      { color: red, position: -1 },
      { color: red, position: 0.666 },
      { color: red, position: 42 },
    ],
    expected: [
      { color: resolvedRed, position: 0 },
      { color: resolvedRed, position: 0.666 },
      { color: resolvedRed, position: 1 },
    ],
  },
  {
    name: 'typography with keyword weight',
    type: 'typography',
    value: { fontFamily: 'Inter', fontSize: px(16), fontWeight: 'semi-bold', letterSpacing: px(-0.5), lineHeight: 1.4 },
    expected: { fontFamily: ['Inter'], fontSize: px(16), fontWeight: 600, letterSpacing: px(-0.5), lineHeight: 1.4 },
  },
];

interface InvalidCase {
  name: string;
  type: string;
  value: unknown;
  message: string;
}

const invalid: InvalidCase[] = [
  { name: 'color: missing colorSpace', type: 'color', value: { components: [1, 0, 0] }, message: 'color is missing required property "colorSpace"' },
  { name: 'color: missing components', type: 'color', value: { colorSpace: 'srgb' }, message: 'color is missing required property "components"' },
  { name: 'color: unknown colorSpace', type: 'color', value: { colorSpace: 'cmyk', components: [0, 0, 0] }, message: 'colorSpace must be one of' },
  { name: 'color: components not array', type: 'color', value: { colorSpace: 'srgb', components: { r: 1 } }, message: 'color components must be an array of 3 numbers, got an object' },
  { name: 'color: 2 components', type: 'color', value: { colorSpace: 'srgb', components: [1, 0] }, message: 'exactly 3 values, got 2' },
  { name: 'color: srgb component > 1', type: 'color', value: { colorSpace: 'srgb', components: [1, 0, 2] }, message: 'srgb blue must be between 0 and 1, got 2' },
  { name: 'color: srgb component < 0', type: 'color', value: { colorSpace: 'display-p3', components: [-0.5, 0, 0] }, message: 'display-p3 red must be between 0 and 1, got -0.5' },
  { name: 'color: hsl hue 360', type: 'color', value: { colorSpace: 'hsl', components: [360, 50, 50] }, message: 'hsl hue must be in [0, 360), got 360' },
  { name: 'color: hwb whiteness > 100', type: 'color', value: { colorSpace: 'hwb', components: [0, 101, 0] }, message: 'hwb whiteness must be between 0 and 100, got 101' },
  { name: 'color: lch chroma negative', type: 'color', value: { colorSpace: 'lch', components: [50, -10, 180] }, message: 'lch chroma must be at least 0, got -10' },
  { name: 'color: oklab lightness > 1', type: 'color', value: { colorSpace: 'oklab', components: [1.5, 0, 0] }, message: 'oklab lightness must be between 0 and 1, got 1.5' },
  { name: 'color: xyz over 1', type: 'color', value: { colorSpace: 'xyz-d65', components: [0.5, 1.2, 0.5] }, message: 'xyz-d65 y must be between 0 and 1, got 1.2' },
  { name: 'color: bad component type', type: 'color', value: { colorSpace: 'hsl', components: ['none', 'x', 50] }, message: 'color component must be a number or "none", got string "x"' },
  { name: 'color: alpha > 1', type: 'color', value: { ...red, alpha: 1.5 }, message: 'alpha must be between 0 and 1, got 1.5' },
  { name: 'color: alpha < 0', type: 'color', value: { ...red, alpha: -0.5 }, message: 'alpha must be between 0 and 1, got -0.5' },
  { name: 'color: hex not string', type: 'color', value: { ...red, hex: 16711680 }, message: 'hex must be a string, got number 16711680' },
  { name: 'color: hex with alpha', type: 'color', value: { ...red, hex: '#ff000080' }, message: 'hex must be a 6-digit #rrggbb fallback without alpha' },
  { name: 'color: 3-digit hex', type: 'color', value: { ...red, hex: '#f00' }, message: 'hex must be a 6-digit CSS hex color' },
  { name: 'color: unknown property', type: 'color', value: { ...red, opacity: 1 }, message: 'unknown color property "opacity"' },
  { name: 'color: CSS string', type: 'color', value: 'rgb(0 0 0)', message: 'color must be a color object {colorSpace, components}, got string "rgb(0 0 0)"' },
  { name: 'color: null', type: 'color', value: null, message: '$value must not be null' },
  { name: 'dimension: missing unit', type: 'dimension', value: { value: 16 }, message: 'dimension is missing required property "unit"' },
  { name: 'dimension: missing value', type: 'dimension', value: { unit: 'px' }, message: 'dimension is missing required property "value"' },
  { name: 'dimension: string value', type: 'dimension', value: { value: '16', unit: 'px' }, message: 'dimension value must be a JSON number, not a string' },
  { name: 'dimension: em unit', type: 'dimension', value: { value: 1, unit: 'em' }, message: 'dimension unit must be "px" or "rem", got "em"' },
  { name: 'dimension: bare number', type: 'dimension', value: 0, message: 'the unit is required, even for 0' },
  { name: 'dimension: legacy string with other unit', type: 'dimension', value: '1.5em', message: 'dimension must be an object {value, unit}' },
  { name: 'fontFamily: number', type: 'fontFamily', value: 123, message: 'fontFamily must be a font name or an array of font names, got number 123' },
  { name: 'fontFamily: number in array', type: 'fontFamily', value: ['Arial', 123], message: 'fontFamily name must be a string, got number 123' },
  { name: 'fontFamily: empty array', type: 'fontFamily', value: [], message: 'fontFamily must list at least one font name' },
  { name: 'fontWeight: 1001', type: 'fontWeight', value: 1001, message: 'fontWeight must be between 1 and 1000, got 1001' },
  { name: 'fontWeight: 0', type: 'fontWeight', value: 0, message: 'fontWeight must be between 1 and 1000, got 0' },
  { name: 'fontWeight: wrong case', type: 'fontWeight', value: 'BOLD', message: 'keywords are case-sensitive (did you mean "bold"?)' },
  { name: 'fontWeight: unknown keyword', type: 'fontWeight', value: 'super-bold', message: 'unknown fontWeight "super-bold"' },
  { name: 'fontWeight: numeric string', type: 'fontWeight', value: '700', message: 'fontWeight must be a JSON number, not a string' },
  { name: 'duration: minutes', type: 'duration', value: { value: 1, unit: 'min' }, message: 'duration unit must be "ms" or "s", got "min"' },
  { name: 'duration: missing unit', type: 'duration', value: { value: 200 }, message: 'duration is missing required property "unit"' },
  { name: 'cubicBezier: 3 numbers', type: 'cubicBezier', value: [0.42, 0, 1], message: 'exactly 4 numbers [x1, y1, x2, y2], got 3' },
  { name: 'cubicBezier: x1 < 0', type: 'cubicBezier', value: [-0.1, 0, 0.58, 1], message: 'cubicBezier x1 must be between 0 and 1, got -0.1' },
  { name: 'cubicBezier: x2 > 1', type: 'cubicBezier', value: [0.1, 0, 1.5, 1], message: 'cubicBezier x2 must be between 0 and 1, got 1.5' },
  { name: 'cubicBezier: strings', type: 'cubicBezier', value: ['0.42', '0', '0.58', '1'], message: 'cubicBezier x1 must be a JSON number, not a string' },
  { name: 'number: string', type: 'number', value: '1.5', message: 'must be a JSON number, not a string: write 1.5 without quotes' },
  { name: 'number: object', type: 'number', value: { value: 1.5 }, message: 'number token value must be a number, got an object' },
  { name: 'strokeStyle: unknown keyword', type: 'strokeStyle', value: 'wavy', message: 'unknown strokeStyle "wavy"' },
  { name: 'strokeStyle: empty dashArray', type: 'strokeStyle', value: { dashArray: [], lineCap: 'round' }, message: 'dashArray must contain at least one dimension' },
  { name: 'strokeStyle: dashArray of numbers', type: 'strokeStyle', value: { dashArray: [5], lineCap: 'round' }, message: 'strokeStyle dashArray item must be an object {value, unit}' },
  { name: 'strokeStyle: missing lineCap', type: 'strokeStyle', value: { dashArray: [px(5)] }, message: 'strokeStyle is missing required property "lineCap"' },
  { name: 'strokeStyle: bad lineCap', type: 'strokeStyle', value: { dashArray: [px(5)], lineCap: 'beveled' }, message: 'lineCap must be one of "round", "butt", "square", got "beveled"' },
  { name: 'border: missing width', type: 'border', value: { color: red, style: 'solid' }, message: 'border is missing required property "width"' },
  { name: 'border: string color', type: 'border', value: { color: 'red', width: px(1), style: 'solid' }, message: 'border color must be a color object' },
  { name: 'border: numeric style', type: 'border', value: { color: red, width: px(1), style: 1 }, message: 'border style must be a keyword like "solid"' },
  { name: 'transition: missing delay', type: 'transition', value: { duration: ms(1), timingFunction: [0, 0, 1, 1] }, message: 'transition is missing required property "delay"' },
  { name: 'shadow: missing spread', type: 'shadow', value: { color: red, offsetX: px(0), offsetY: px(0), blur: px(0) }, message: 'shadow is missing required property "spread"' },
  { name: 'shadow: string inset', type: 'shadow', value: { ...shadowLayer, inset: 'true' }, message: 'shadow inset must be true or false, got string "true"' },
  { name: 'shadow: string in array', type: 'shadow', value: [shadowLayer, 'nope'], message: 'shadow array items must be shadow objects or references to shadow tokens' },
  { name: 'shadow: unknown property', type: 'shadow', value: { ...shadowLayer, radius: px(1) }, message: 'unknown shadow property "radius"' },
  { name: 'gradient: empty', type: 'gradient', value: [], message: 'gradient must contain at least one stop' },
  { name: 'gradient: missing position', type: 'gradient', value: [{ color: red }], message: 'gradient stop is missing required property "position"' },
  { name: 'gradient: string position', type: 'gradient', value: [{ color: red, position: '0' }], message: 'gradient stop position must be a JSON number, not a string' },
  {
    name: 'typography: missing lineHeight',
    type: 'typography',
    value: { fontFamily: 'Inter', fontSize: px(16), fontWeight: 400, letterSpacing: px(0) },
    message: 'typography is missing required property "lineHeight"',
  },
  {
    name: 'typography: number fontSize',
    type: 'typography',
    value: { fontFamily: 'Inter', fontSize: 16, fontWeight: 400, letterSpacing: px(0), lineHeight: 1.5 },
    message: 'typography fontSize must be an object {value, unit}',
  },
  {
    name: 'typography: dimension lineHeight',
    type: 'typography',
    value: { fontFamily: 'Inter', fontSize: px(16), fontWeight: 400, letterSpacing: px(0), lineHeight: { value: 1.5, unit: 'em' } },
    message: 'typography lineHeight must be a number, got an object',
  },
];

describe('values: valid cases resolve', () => {
  it.each(valid)('$name', ({ type, value, expected }) => {
    const result = load(single(type, value));
    expect(lines(result)).toEqual([]);
    expect(result.set.tokens.get('t')?.value).toEqual(expected);
  });
});

describe('values: invalid cases are errors', () => {
  it.each(invalid)('$name', ({ type, value, message }) => {
    const result = load(single(type, value));
    const errors = errorsOf(result);
    expect(errors.length, lines(result).join('\n')).toBeGreaterThan(0);
    expect(errors.map((error) => error.message).join('\n')).toContain(message);
    expect(result.set.tokens.has('t')).toBe(false);
  });
});

describe('values: every problem is reported, not only the first', () => {
  it('reports each bad component and the bad alpha', () => {
    const result = load(single('color', { colorSpace: 'srgb', components: [2, -1, 0.5], alpha: 3 }));
    expect(errorsOf(result).map((error) => error.message)).toEqual([
      'srgb red must be between 0 and 1, got 2',
      'srgb green must be between 0 and 1, got -1',
      'alpha must be between 0 and 1, got 3',
    ]);
  });

  it('keeps resolving the other tokens', () => {
    const result = load({ bad: { $type: 'number', $value: 'x' }, good: { $type: 'number', $value: 2 } });
    expect(errorsOf(result)).toHaveLength(1);
    expect(result.set.tokens.get('good')?.value).toBe(2);
  });
});

describe('values: legacy forms', () => {
  it.each([
    { name: '6-digit hex', hex: '#1d4ed8', expected: { colorSpace: 'srgb', components: [29 / 255, 78 / 255, 216 / 255], alpha: 1, hex: '#1d4ed8' } },
    { name: '3-digit hex', hex: '#F00', expected: { colorSpace: 'srgb', components: [1, 0, 0], alpha: 1, hex: '#ff0000' } },
    { name: '8-digit hex (alpha)', hex: '#00000080', expected: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 128 / 255, hex: '#000000' } },
  ])('a color token with a $name string is a warning and is normalised', ({ hex, expected }) => {
    const result = load(single('color', hex));
    expect(errorsOf(result)).toEqual([]);
    const warnings = warningsOf(result);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ ruleId: 'dtcg/legacy-format', message: 'legacy hex string; use {colorSpace, components, hex}' });
    expect(result.set.tokens.get('t')?.value).toEqual(expected);
  });

  it.each([
    { name: 'dimension', type: 'dimension', value: '16px', expected: { value: 16, unit: 'px' } },
    { name: 'dimension rem', type: 'dimension', value: '-0.5rem', expected: { value: -0.5, unit: 'rem' } },
    { name: 'duration', type: 'duration', value: '200ms', expected: { value: 200, unit: 'ms' } },
  ])('a $name token with a string like "$value" is a warning and is normalised', ({ type, value, expected }) => {
    const result = load(single(type, value));
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result).map((warning) => warning.ruleId)).toEqual(['dtcg/legacy-format']);
    expect(result.set.tokens.get('t')?.value).toEqual(expected);
  });

  it.each([
    { name: 'hex color in a border', type: 'border', value: { color: '#ff0000', width: px(1), style: 'solid' }, message: 'border color must be a color object' },
    { name: 'px string in a border', type: 'border', value: { color: red, width: '1px', style: 'solid' }, message: 'border width must be an object {value, unit}' },
    { name: 'hex color in a gradient', type: 'gradient', value: [{ color: '#fff', position: 0 }], message: 'gradient stop color must be a color object' },
    { name: 'ms string in a transition', type: 'transition', value: { duration: '200ms', delay: ms(0), timingFunction: [0, 0, 1, 1] }, message: 'transition duration must be an object' },
  ])('inside a composite, a legacy $name is an error', ({ type, value, message }) => {
    const result = load(single(type, value));
    expect(errorsOf(result).map((error) => error.message).join('\n')).toContain(message);
  });
});
