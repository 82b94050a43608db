/**
 * How big an element of an SVG is drawn: the `transform` attributes of it and its ancestors, and
 * the scale every `<svg>` applies from its `viewBox` to its `width`/`height`. Used for the rendered
 * width of an `<image>` (a logo drawn at `width="400"` inside `transform="scale(0.25)"` is 100 px).
 */

/** An affine matrix `[a, b, c, d, e, f]` as SVG writes it (`matrix(a b c d e f)`). */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const FUNCTION = /\s*,?\s*([a-zA-Z]+)\s*\(([^)]*)\)/y;

/**
 * The matrix of a `transform` attribute (`translate(10 20) scale(.5) rotate(30)`, `matrix(...)`,
 * `skewX`, `skewY`), or null when it cannot be read (the caller says the width is unknown).
 */
export function parseTransform(text: string): Matrix | null {
  let matrix: Matrix = IDENTITY;
  FUNCTION.lastIndex = 0;
  const source = text.trim();
  if (source === '') return IDENTITY;
  let at = 0;
  while (at < source.length) {
    FUNCTION.lastIndex = at;
    const match = FUNCTION.exec(source);
    if (!match) return null;
    at = FUNCTION.lastIndex;
    const args = match[2]!.trim() === '' ? [] : match[2]!.trim().split(/[\s,]+/).map(Number);
    if (args.some((value) => !Number.isFinite(value))) return null;
    const step = stepOf(match[1]!, args);
    if (!step) return null;
    matrix = multiply(matrix, step);
    while (at < source.length && /[\s,]/.test(source[at]!)) at++;
  }
  return matrix;
}

function stepOf(name: string, args: number[]): Matrix | null {
  const [p = 0, q, r, s, t, u] = args;
  switch (name) {
    case 'matrix':
      return args.length === 6 ? [p, q!, r!, s!, t!, u!] : null;
    case 'translate':
      return args.length === 1 || args.length === 2 ? [1, 0, 0, 1, p, q ?? 0] : null;
    case 'scale':
      return args.length === 1 || args.length === 2 ? [p, 0, 0, q ?? p, 0, 0] : null;
    case 'rotate': {
      if (args.length !== 1 && args.length !== 3) return null;
      const radians = (p * Math.PI) / 180;
      const rotation: Matrix = [Math.cos(radians), Math.sin(radians), -Math.sin(radians), Math.cos(radians), 0, 0];
      if (args.length === 1) return rotation;
      return multiply(multiply([1, 0, 0, 1, q!, r!], rotation), [1, 0, 0, 1, -q!, -r!]);
    }
    case 'skewX':
      return args.length === 1 ? [1, 0, Math.tan((p * Math.PI) / 180), 1, 0, 0] : null;
    case 'skewY':
      return args.length === 1 ? [1, Math.tan((p * Math.PI) / 180), 0, 1, 0, 0] : null;
    default:
      return null;
  }
}

/** CSS px per unit (96 per inch). */
const UNITS: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16 };

/** A length attribute in px (`400`, `210mm`, `5in`); null for percentages, `auto` and anything unreadable. */
export function lengthPx(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const factor = UNITS[match[2]!.toLowerCase()];
  const value = Number(match[1]);
  return factor === undefined || !Number.isFinite(value) ? null : value * factor;
}

/**
 * The horizontal scale an `<svg>` element applies to its content: its `width` (and `height`) over
 * its `viewBox`, as `preserveAspectRatio` fits them (`meet` by default: the smaller scale; `none`:
 * the width's own). 1 without a `viewBox` or a size in absolute units (the viewBox is then the size).
 */
export function viewBoxScale(attributes: Readonly<Record<string, string>>): number {
  const box = (attributes['viewBox'] ?? attributes['viewbox'])?.trim().split(/[\s,]+/).map(Number);
  if (!box || box.length !== 4 || box.some((value) => !Number.isFinite(value)) || box[2]! <= 0 || box[3]! <= 0) return 1;
  const width = lengthPx(attributes['width']);
  const height = lengthPx(attributes['height']);
  const sx = width !== null && width > 0 ? width / box[2]! : null;
  const sy = height !== null && height > 0 ? height / box[3]! : null;
  if (sx === null && sy === null) return 1;
  if (sx === null) return sy!;
  if (sy === null) return sx;
  const fit = (attributes['preserveAspectRatio'] ?? attributes['preserveaspectratio'] ?? '').trim().toLowerCase();
  if (fit.startsWith('none')) return sx;
  return fit.endsWith('slice') ? Math.max(sx, sy) : Math.min(sx, sy);
}

/** The length a horizontal distance of 1 gets under a matrix (rotation keeps it, scale and skew change it). */
export function horizontalScale(matrix: Matrix): number {
  return Math.hypot(matrix[0], matrix[1]);
}
