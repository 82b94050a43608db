import { colorToOpaqueHex, parseCssColor } from '../color.js';
import { formatNumber } from '../css-values.js';

/** Custom style-dictionary value transforms (plain functions; registered in build/index.ts). */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** DTCG gradients carry stops only; CSS gets a top-to-bottom `linear-gradient()`. */
export function gradientToCss(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const stops = value.map((stop: unknown) => {
    if (typeof stop !== 'object' || stop === null) return String(stop);
    const { color, position } = stop as { color?: unknown; position?: unknown };
    const percent = typeof position === 'number' ? ` ${formatNumber(position * 100)}%` : '';
    return `${String(color)}${percent}`;
  });
  return `linear-gradient(${stops.join(', ')})`;
}

/**
 * Email-safe values: Gmail and Outlook ignore `var()`, rem units and alpha in hex. Every rem
 * length becomes px (`remBase` px per rem) and every `#rrggbbaa` is composited onto white.
 * Works on whole values and inside composite values.
 */
export function toEmailSafe(value: Json, remBase: number): Json {
  if (typeof value === 'string') {
    const rem = /^(-?\d*\.?\d+)rem$/.exec(value);
    if (rem?.[1] !== undefined) return `${formatNumber(Number(rem[1]) * remBase)}px`;
    if (/^#[0-9a-f]{8}$/i.test(value) || /^#[0-9a-f]{4}$/i.test(value)) {
      const color = parseCssColor(value);
      return color ? colorToOpaqueHex(color) : value;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => toEmailSafe(item, remBase));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, sub]) => [key, toEmailSafe(sub, remBase)]));
  }
  return value;
}
