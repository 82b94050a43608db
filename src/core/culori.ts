/**
 * culori, imported in one place: two copies would keep two registries of color modes. The CLI
 * bundle holds it (its ~150 modules become part of one file, compiled once and kept in V8's code
 * cache), so it is imported as the ES modules it is.
 */
export { clampChroma, colorsNamed, converter, differenceCiede2000, formatHex, formatHex8, formatRgb, parse, toGamut, wcagContrast } from 'culori';
export type { Color } from 'culori';
