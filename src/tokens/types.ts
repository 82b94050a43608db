import type { Diagnostic } from '../core/diagnostic.js';
import type { Range } from '../core/position.js';

/** The token types of the DTCG Format Module 2025.10. */
export const TOKEN_TYPES = [
  'color',
  'dimension',
  'fontFamily',
  'fontWeight',
  'duration',
  'cubicBezier',
  'number',
  'strokeStyle',
  'border',
  'transition',
  'shadow',
  'gradient',
  'typography',
] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export type ColorSpace =
  | 'srgb'
  | 'srgb-linear'
  | 'hsl'
  | 'hwb'
  | 'lab'
  | 'lch'
  | 'oklab'
  | 'oklch'
  | 'display-p3'
  | 'a98-rgb'
  | 'prophoto-rgb'
  | 'rec2020'
  | 'xyz-d65'
  | 'xyz-d50';

/** Resolved DTCG values: aliases substituted, legacy forms normalised to the 2025.10 shapes. */
export interface ColorValue {
  colorSpace: ColorSpace;
  components: [number | 'none', number | 'none', number | 'none'];
  alpha: number;
  hex?: string;
}
export interface DimensionValue {
  value: number;
  unit: 'px' | 'rem';
}
export interface DurationValue {
  value: number;
  unit: 'ms' | 's';
}
export type FontFamilyValue = string[];
export type FontWeightValue = number;
export type CubicBezierValue = [number, number, number, number];
export type StrokeStyleValue =
  | 'solid'
  | 'dashed'
  | 'dotted'
  | 'double'
  | 'groove'
  | 'ridge'
  | 'outset'
  | 'inset'
  | { dashArray: DimensionValue[]; lineCap: 'round' | 'butt' | 'square' };
export interface BorderValue {
  color: ColorValue;
  width: DimensionValue;
  style: StrokeStyleValue;
}
export interface TransitionValue {
  duration: DurationValue;
  delay: DurationValue;
  timingFunction: CubicBezierValue;
}
export interface ShadowLayer {
  color: ColorValue;
  offsetX: DimensionValue;
  offsetY: DimensionValue;
  blur: DimensionValue;
  spread: DimensionValue;
  inset?: boolean;
}
export type ShadowValue = ShadowLayer[];
export interface GradientStop {
  color: ColorValue;
  position: number;
}
export type GradientValue = GradientStop[];
export interface TypographyValue {
  fontFamily: FontFamilyValue;
  fontSize: DimensionValue;
  fontWeight: FontWeightValue;
  letterSpacing: DimensionValue;
  lineHeight: number;
}

export interface TokenValueByType {
  color: ColorValue;
  dimension: DimensionValue;
  fontFamily: FontFamilyValue;
  fontWeight: FontWeightValue;
  duration: DurationValue;
  cubicBezier: CubicBezierValue;
  number: number;
  strokeStyle: StrokeStyleValue;
  border: BorderValue;
  transition: TransitionValue;
  shadow: ShadowValue;
  gradient: GradientValue;
  typography: TypographyValue;
}
export type TokenValue = TokenValueByType[TokenType];

/** Where something was written: the file and the range of its key (or value, for values). */
export interface SourceLocation {
  file: string;
  range: Range;
}

/** One resolved design token. */
export interface Token<T extends TokenType = TokenType> {
  /** Path segments, e.g. `['color', 'brand', 'primary']`. */
  path: string[];
  /** Dotted name, e.g. `color.brand.primary` (what `{...}` aliases name). */
  name: string;
  type: T;
  /** `$value` as written (after `$extends` expansion), aliases intact; JSON data. */
  rawValue: unknown;
  /** Fully resolved value in the 2025.10 shape. */
  value: TokenValueByType[T];
  /** When `$value` is exactly one alias (`"{a.b}"` or `{"$ref": ...}`), the name of the token it points to. */
  aliasOf?: string;
  description?: string;
  deprecated?: boolean | string;
  extensions?: Record<string, unknown>;
  /** The token's own definition (for a token inherited through `$extends`, the original). */
  source: SourceLocation;
}

/** Several token files merged into one set, in definition order. */
export interface TokenSet {
  files: string[];
  tokens: Map<string, Token>;
}

export interface TokenLoadResult {
  set: TokenSet;
  /** Errors and warnings; the set holds every token that could be resolved. */
  diagnostics: Diagnostic[];
}
