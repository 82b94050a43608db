import { colorToHex } from './color.js';
export { FONT_WEIGHT_KEYWORDS } from './dtcg/values.js';
import type { ColorValue, CubicBezierValue, DimensionValue, DurationValue } from './types.js';

/**
 * The CSS spelling of DTCG 2025.10 value objects. Shared by the style-dictionary
 * preprocessor and the brand model, so both print the same text for the same value.
 */

/** Numbers print without float noise (`0.30000000000000004` becomes `0.3`). */
export function formatNumber(value: number): string {
  return String(Number.parseFloat(value.toFixed(4)));
}

export function dimensionToCss(value: DimensionValue): string {
  return `${formatNumber(value.value)}${value.unit}`;
}

export function durationToCss(value: DurationValue): string {
  return `${formatNumber(value.value)}${value.unit}`;
}

export function cubicBezierToCss(value: CubicBezierValue): string {
  return `cubic-bezier(${value.map(formatNumber).join(', ')})`;
}

export function colorToCss(value: ColorValue): string {
  return colorToHex(value);
}

/** A dimension in px; rem is converted with `remBase` px per rem. */
export function dimensionToPx(value: DimensionValue, remBase: number): number {
  return value.unit === 'px' ? value.value : value.value * remBase;
}

/** A font stack as CSS: names with spaces or digits are quoted, generic families are not. */
export function fontStackToCss(families: readonly string[]): string {
  return families.map((family) => (/^[a-z-]+$/i.test(family) ? family : `'${family.replace(/'/g, "\\'")}'`)).join(', ');
}
