import { describe, expect, it } from 'vitest';
import { colorToHex, colorToOpaqueHex, parseCssColor } from '../../src/tokens/color.js';
import type { ColorValue } from '../../src/tokens/types.js';

const color = (colorSpace: ColorValue['colorSpace'], components: ColorValue['components'], alpha = 1, hex?: string): ColorValue =>
  hex ? { colorSpace, components, alpha, hex } : { colorSpace, components, alpha };

describe('colorToHex', () => {
  it.each([
    { name: 'srgb', value: color('srgb', [0.1216, 0.3176, 0.2078]), hex: '#1f5135' },
    { name: 'srgb with alpha', value: color('srgb', [0, 0, 0], 0.5), hex: '#00000080' },
    { name: 'srgb ignores a wrong hex fallback', value: color('srgb', [1, 0, 0], 1, '#00ff00'), hex: '#ff0000' },
    { name: 'hsl (percent scale)', value: color('hsl', [120, 100, 25]), hex: '#008000' },
    { name: 'hsl achromatic with none hue', value: color('hsl', ['none', 0, 50]), hex: '#808080' },
    { name: 'hwb', value: color('hwb', [0, 0, 0]), hex: '#ff0000' },
    { name: 'oklch', value: color('oklch', [0.628, 0.2577, 29.23]), hex: '#ff0000' },
    { name: 'lab white', value: color('lab', [100, 0, 0]), hex: '#ffffff' },
    { name: 'srgb-linear', value: color('srgb-linear', [1, 1, 1]), hex: '#ffffff' },
    { name: 'xyz-d65 white', value: color('xyz-d65', [0.9505, 1, 1.089]), hex: '#ffffff' },
    { name: 'display-p3 uses the hex fallback', value: color('display-p3', [1, 0, 0], 1, '#FF0000'), hex: '#ff0000' },
    { name: 'display-p3 out of sRGB gamut is gamut-mapped in OKLCH, not clipped', value: color('display-p3', [0, 1, 0]), hex: '#00fb29' },
  ])('$name -> $hex', ({ value, hex }) => {
    expect(colorToHex(value)).toBe(hex);
  });
});

describe('colorToOpaqueHex', () => {
  it.each([
    { name: 'opaque stays', value: color('srgb', [0.1216, 0.3176, 0.2078]), hex: '#1f5135' },
    { name: 'half black on white is mid grey', value: color('srgb', [0, 0, 0], 0.5), hex: '#808080' },
    { name: 'transparent is the background', value: color('srgb', [1, 0, 0], 0), hex: '#ffffff' },
  ])('$name', ({ value, hex }) => {
    expect(colorToOpaqueHex(value)).toBe(hex);
  });
});

describe('parseCssColor', () => {
  it.each([
    { text: '#1F5135', hex: '#1f5135' },
    { text: 'rgb(31 81 53)', hex: '#1f5135' },
    { text: 'rebeccapurple', hex: '#663399' },
    { text: 'hsl(0 100% 50% / 0.5)', hex: '#ff000080' },
  ])('$text', ({ text, hex }) => {
    const parsed = parseCssColor(text);
    expect(parsed && colorToHex(parsed)).toBe(hex);
  });

  it.each(['not-a-color', '#12', ''])('rejects %j', (text) => {
    expect(parseCssColor(text)).toBeNull();
  });
});
