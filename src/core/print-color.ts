/**
 * CMYK colors as CSS Color 5 writes them, `device-cmyk(0% 100% 0% 0%)` (also `device-cmyk(0 1 0 0)`):
 * the form the print channel gives the CMYK colors of a PDF, compared with a palette's print values.
 */

/** C, M, Y, K in percent (0-100). */
export type Cmyk = [number, number, number, number];

const DEVICE_CMYK = /^\s*device-cmyk\(\s*([^)]*?)\s*\)\s*$/i;

/** The CMYK of a `device-cmyk()` value, in percent; null when the value is not one. */
export function parseDeviceCmyk(value: string): Cmyk | null {
  const match = DEVICE_CMYK.exec(value);
  if (!match) return null;
  const parts = match[1]!.split(/[\s,]+/).filter(Boolean);
  if (parts.length !== 4) return null;
  const values = parts.map((part) => {
    const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/.exec(part);
    if (percent) return Number(percent[1]);
    const number = /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(part) ? Number(part) : NaN;
    return number * 100;
  });
  if (values.some((value) => !Number.isFinite(value) || value < 0 || value > 100)) return null;
  return values as Cmyk;
}

/**
 * The sRGB hex of a CMYK color by the naive formula CSS Color 5 gives for `device-cmyk()` without a
 * color profile: `r = 1 - min(1, c + k)`, and so on. Printed colors differ; this is an estimate.
 */
export function cmykToSrgbHex([c, m, y, k]: Cmyk): string {
  const channel = (value: number) => Math.round((1 - Math.min(1, value / 100 + k / 100)) * 255);
  return `#${[c, m, y].map((value) => channel(value).toString(16).padStart(2, '0')).join('')}`;
}

/** The largest difference of one component, in percentage points: how far apart two CMYK colors print. */
export function cmykDistance(a: Cmyk, b: Cmyk): number {
  return Math.max(...a.map((value, index) => Math.abs(value - b[index]!)));
}

/** `C70 M0 Y60 K65`, as brand books write CMYK. */
export function formatCmyk(cmyk: Cmyk): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  return `C${round(cmyk[0])} M${round(cmyk[1])} Y${round(cmyk[2])} K${round(cmyk[3])}`;
}
