import { converter, formatHex, formatHex8, toGamut, type Color } from '../core/culori.js';
import type { ColorValue } from './types.js';

/**
 * Conversions between DTCG 2025.10 color values and the forms outputs need (hex for email,
 * CSS strings for stylesheets). Culori does the color math; this module only maps the DTCG
 * color spaces and component scales onto culori's.
 */

type Component = number | 'none';

const num = (component: Component): number | undefined => (component === 'none' ? undefined : component);
/** DTCG writes percentages as 0-100 where culori expects 0-1. */
const pct = (component: Component): number | undefined => (component === 'none' ? undefined : component / 100);

/** A DTCG color value as a culori color object. */
export function toCuloriColor(value: ColorValue): Color {
  const [a, b, c] = value.components;
  const alpha = value.alpha;
  switch (value.colorSpace) {
    case 'srgb':
      return { mode: 'rgb', r: num(a) ?? 0, g: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'srgb-linear':
      return { mode: 'lrgb', r: num(a) ?? 0, g: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'hsl':
      return { mode: 'hsl', h: num(a), s: pct(b) ?? 0, l: pct(c) ?? 0, alpha };
    case 'hwb':
      return { mode: 'hwb', h: num(a), w: pct(b) ?? 0, b: pct(c) ?? 0, alpha };
    case 'lab':
      return { mode: 'lab', l: num(a) ?? 0, a: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'lch':
      return { mode: 'lch', l: num(a) ?? 0, c: num(b) ?? 0, h: num(c), alpha };
    case 'oklab':
      return { mode: 'oklab', l: num(a) ?? 0, a: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'oklch':
      return { mode: 'oklch', l: num(a) ?? 0, c: num(b) ?? 0, h: num(c), alpha };
    case 'display-p3':
      return { mode: 'p3', r: num(a) ?? 0, g: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'a98-rgb':
      return { mode: 'a98', r: num(a) ?? 0, g: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'prophoto-rgb':
      return { mode: 'prophoto', r: num(a) ?? 0, g: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'rec2020':
      return { mode: 'rec2020', r: num(a) ?? 0, g: num(b) ?? 0, b: num(c) ?? 0, alpha };
    case 'xyz-d65':
      return { mode: 'xyz65', x: num(a) ?? 0, y: num(b) ?? 0, z: num(c) ?? 0, alpha };
    case 'xyz-d50':
      return { mode: 'xyz50', x: num(a) ?? 0, y: num(b) ?? 0, z: num(c) ?? 0, alpha };
  }
}

let mapToSrgbGamut: ((color: Color) => Color) | undefined;
const toRgb = converter('rgb');

/** The color in sRGB, gamut-mapped (in OKLCH, as CSS Color 4 asks) when it lies outside. */
export function toSrgb(value: ColorValue): { r: number; g: number; b: number; alpha: number } {
  const rgb = toRgb(toCuloriColor(value));
  const inGamut = [rgb.r, rgb.g, rgb.b].every((channel) => channel >= -1e-6 && channel <= 1 + 1e-6);
  const mapped = inGamut ? rgb : toRgb((mapToSrgbGamut ??= toGamut('rgb', 'oklch'))(rgb));
  const clamp = (channel: number): number => Math.min(1, Math.max(0, channel));
  return { r: clamp(mapped.r), g: clamp(mapped.g), b: clamp(mapped.b), alpha: value.alpha };
}

/**
 * Hex for a color: `#rrggbb`, or `#rrggbbaa` when it is translucent. For sRGB colors the
 * components are authoritative; for other spaces the author's `hex` fallback wins when given.
 */
export function colorToHex(value: ColorValue): string {
  if (value.colorSpace !== 'srgb' && value.hex && value.alpha >= 1) return value.hex.toLowerCase();
  const rgb = toSrgb(value);
  const color = { mode: 'rgb' as const, r: rgb.r, g: rgb.g, b: rgb.b, alpha: rgb.alpha };
  return rgb.alpha >= 1 ? formatHex(color) : formatHex8(color);
}

/**
 * An opaque `#rrggbb` for email clients, which ignore alpha in hex: a translucent color is
 * composited onto `background` (white unless said otherwise).
 */
export function colorToOpaqueHex(value: ColorValue, background: ColorValue = WHITE): string {
  const fg = toSrgb(value);
  const bg = toSrgb(background);
  const mix = (front: number, back: number): number => front * fg.alpha + back * (1 - fg.alpha);
  return formatHex({ mode: 'rgb', r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b) });
}

const WHITE: ColorValue = { colorSpace: 'srgb', components: [1, 1, 1], alpha: 1 };

/** Parse any CSS color string (hex, rgb(), hsl(), named, oklch(), color()) into a DTCG sRGB color value. */
export function parseCssColor(text: string): ColorValue | null {
  const rgb = toRgb(text);
  if (!rgb) return null;
  return {
    colorSpace: 'srgb',
    components: [rgb.r, rgb.g, rgb.b],
    alpha: rgb.alpha ?? 1,
  };
}
