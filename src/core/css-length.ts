/**
 * CSS lengths as content writes them (`16px`, `0.875rem`, `1.2em`, `12pt`, `90%`, `small`) and the
 * legacy HTML `<font size="1..7">` sizes, with their offsets, and their size in px.
 *
 * Rules read declarations from `ContentDocument.styles`; this module only reads one value at a time
 * and never guesses: anything it cannot read exactly (`calc()`, `var()`, `clamp()`, SCSS
 * variables, template tags) gives `null`, and rules skip it.
 */

/** Units {@link toPx} converts; any other unit (`vw`, `ch`, ...) is read but has no px size. */
export const ABSOLUTE_UNITS_PX: Readonly<Record<string, number>> = {
  px: 1,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
};

/**
 * The absolute-size keywords of `font-size`, in px as browsers render them at the default
 * medium of 16px (the same table as `<font size>`: `small` is size 2, `xxx-large` size 7).
 */
export const FONT_SIZE_KEYWORDS_PX: Readonly<Record<string, number>> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};

/** The relative-size keywords of `font-size`: their size depends on the parent, so they have none here. */
export const RELATIVE_FONT_SIZE_KEYWORDS: readonly string[] = ['smaller', 'larger'];

/** `<font size="1..7">` in px (browsers' legacy table; 3 is the default). */
export const HTML_FONT_SIZES_PX: Readonly<Record<number, number>> = { 1: 10, 2: 13, 3: 16, 4: 18, 5: 24, 6: 32, 7: 48 };

export interface ParsedLength {
  /** The number as written; for size keywords and `<font size>`, the size in px. */
  value: number;
  /**
   * Lower-case unit as written (`px`, `rem`, `em`, `pt`, `%`, `vw`, ...), `''` for a bare number,
   * `keyword` for `small`, `large`, ...
   */
  unit: string;
  /** The length as written (trimmed). */
  text: string;
  /** Offsets of `text` in the value that was parsed (plus the `offset` given). */
  start: number;
  end: number;
  /** The keyword, for `unit: 'keyword'`. */
  keyword?: string;
  /** The `size` attribute value (1..7), for `<font size>` lengths (`unit: 'px'`). */
  htmlSize?: number;
}

const NUMBER_WITH_UNIT = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]+|%)?$/i;

/**
 * Reads a single length: `16px`, `.875rem`, `1.25em`, `12pt`, `90%`, `0`, or an absolute-size
 * keyword (`small` -> `{ value: 13, unit: 'keyword' }`). Leading and trailing whitespace is
 * allowed; anything else (two values, functions, `smaller`, variables) gives null.
 * `offset` is added to `start`/`end` (pass the value's file offset to get file offsets).
 *
 * ```ts
 * parseLength(' 0.875rem') // { value: 0.875, unit: 'rem', text: '0.875rem', start: 1, end: 9 }
 * ```
 */
export function parseLength(value: string, offset = 0): ParsedLength | null {
  const start = value.length - value.trimStart().length;
  const text = value.trim();
  if (text === '') return null;
  const end = start + text.length;
  const keyword = text.toLowerCase();
  if (Object.hasOwn(FONT_SIZE_KEYWORDS_PX, keyword)) {
    return { value: FONT_SIZE_KEYWORDS_PX[keyword] ?? 16, unit: 'keyword', keyword, text, start: start + offset, end: end + offset };
  }
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) return null;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return null;
  return { value: number, unit: (match[2] ?? '').toLowerCase(), text, start: start + offset, end: end + offset };
}

/**
 * Reads the `size` attribute of `<font>`: `1`..`7`, or `+n`/`-n` relative to the default 3
 * (clamped to 1..7, as browsers do). The result is in px (`unit: 'px'`, `htmlSize` set).
 *
 * ```ts
 * parseFontSizeAttribute('2') // { value: 13, unit: 'px', htmlSize: 2, text: '2', start: 0, end: 1 }
 * ```
 */
export function parseFontSizeAttribute(value: string, offset = 0): ParsedLength | null {
  const start = value.length - value.trimStart().length;
  const text = value.trim();
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (!match) return null;
  const number = Number(match[2]);
  const size = Math.min(7, Math.max(1, match[1] === '+' ? 3 + number : match[1] === '-' ? 3 - number : number));
  if (!match[1] && (number < 1 || number > 7)) return null;
  const px = HTML_FONT_SIZES_PX[size];
  if (px === undefined) return null;
  return { value: px, unit: 'px', htmlSize: size, text, start: start + offset, end: start + text.length + offset };
}

export interface ToPxOptions {
  /** px per rem (the root font size). Default 16. */
  remBase?: number;
  /** px per em and the base of `%` (the parent font size). Default 16. */
  emBase?: number;
}

/**
 * The size in px of a parsed length, or null when it has none without layout (`vw`, `ch`, ...,
 * a bare non-zero number). Keywords and `<font size>` lengths already carry px.
 */
export function toPx(length: Pick<ParsedLength, 'value' | 'unit'>, options: ToPxOptions = {}): number | null {
  const { remBase = 16, emBase = 16 } = options;
  const { value, unit } = length;
  if (unit === 'keyword') return value;
  if (unit === 'rem') return value * remBase;
  if (unit === 'em') return value * emBase;
  if (unit === '%') return (value / 100) * emBase;
  if (unit === '') return value === 0 ? 0 : null;
  const factor = ABSOLUTE_UNITS_PX[unit];
  return factor === undefined ? null : value * factor;
}

/** The length of `px` pixels written in `unit` (`px`, `rem`, `em`, `pt`, ...), or null for units without a fixed size. */
export function fromPx(px: number, unit: string, options: ToPxOptions = {}): number | null {
  const { remBase = 16, emBase = 16 } = options;
  if (unit === 'rem') return px / remBase;
  if (unit === 'em') return px / emBase;
  if (unit === '%') return (px / emBase) * 100;
  const factor = ABSOLUTE_UNITS_PX[unit];
  return factor === undefined ? null : px / factor;
}

/** A number as CSS prints it: at most 4 decimals, no float noise, no trailing zeros (`0.875`, `13.5`). */
export function formatCssNumber(value: number): string {
  return String(Number.parseFloat(value.toFixed(4)));
}

/** A px size for messages, to 2 decimals: `13px`, `12.8px`, `13.33px`. */
export function formatPx(px: number): string {
  return `${String(Number.parseFloat(px.toFixed(2)))}px`;
}
