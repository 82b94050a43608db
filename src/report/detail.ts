/**
 * What the reports show about one finding beyond its message: color swatches (the color found
 * and the brand color it should be, with the ΔE), the font found and the brand stacks, the rule's
 * docs line. Pure: the terminal app and the HTML report render these.
 */
import { parse } from '../core/culori.js';
import { toSrgbHex } from '../core/css-color.js';
import type { RelatedLocation } from '../core/diagnostic.js';
import type { BrandModel } from '../tokens/brand-model.js';
import type { Finding, ReportData } from './findings.js';

export interface Swatch {
  /** What to call it: the text as written, or the token name. */
  label: string;
  /** `#rrggbb` (or `#rrggbbaa`), lower case. */
  hex: string;
}

export interface ColorDetail {
  kind: 'color';
  found: Swatch;
  /** The brand color expected (nearest token), with its distance. */
  expected?: Swatch & { deltaE?: string };
  /** For contrast findings: the background the text sits on. */
  background?: Swatch;
}

export interface FontDetail {
  kind: 'font';
  found: string;
  /** The brand's font stacks (`name: css`). */
  stacks: Array<{ name: string; css: string }>;
}

/** A color literal as lower-case sRGB hex, or null when it is not a color. */
export function colorHex(text: string | undefined): string | null {
  if (text === undefined) return null;
  const color = parse(text.trim().replace(/_/g, ' '));
  return color ? toSrgbHex(color) : null;
}

/** Swatches for color findings (any diagnostic whose data or actual/expected hold colors), fonts for font findings. */
export function findingVisual(finding: Finding, brand: BrandModel | null): ColorDetail | FontDetail | null {
  const { diagnostic } = finding;
  const data = diagnostic.data ?? {};
  const ruleId = diagnostic.ruleId;
  if (ruleId.startsWith('font-family')) {
    const found = diagnostic.actual ?? stringOf(data.family);
    if (found === undefined) return null;
    return { kind: 'font', found, stacks: (brand?.fonts ?? []).map((stack) => ({ name: stack.name, css: stack.css })) };
  }
  if (!ruleId.startsWith('color')) return null;

  const foundText = stringOf(data.color) ?? diagnostic.actual;
  const foundHex = colorHex(foundText);
  if (foundText === undefined || foundHex === null) return null;
  const detail: ColorDetail = { kind: 'color', found: { label: foundText, hex: foundHex } };

  const expectedHex = colorHex(stringOf(data.hex) ?? diagnostic.expected?.[0]);
  if (expectedHex !== null) {
    const token = stringOf(data.token);
    const delta = stringOf(data.delta);
    detail.expected = { label: token ?? expectedHex, hex: expectedHex, ...(delta !== undefined ? { deltaE: delta } : {}) };
  }
  const backgroundText = stringOf(data.background);
  const backgroundHex = colorHex(backgroundText);
  if (backgroundText !== undefined && backgroundHex !== null) detail.background = { label: backgroundText, hex: backgroundHex };
  return detail;
}

function stringOf(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** The rule's docs line: its description and where its README is. */
export function docsLine(finding: Finding, data: Pick<ReportData, 'rules'>): { description: string | null; url: string | null } {
  const doc = Object.hasOwn(data.rules, finding.diagnostic.ruleId) ? data.rules[finding.diagnostic.ruleId] : undefined;
  return { description: doc?.description || null, url: finding.diagnostic.docsUrl ?? doc?.docsUrl ?? null };
}

/** Relative luminance-based choice of a readable text color on a swatch. */
export function textOn(hex: string): '#000000' | '#ffffff' {
  const channel = (index: number) => Number.parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
  const linear = (value: number) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(channel(0)) + 0.7152 * linear(channel(1)) + 0.0722 * linear(channel(2));
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** `file:line:column message` of a related location (where a campaign's reference value is stated, ...). */
export function relatedText(related: RelatedLocation): string {
  const start = related.range?.start;
  return `${related.file}${start ? `:${start.line}:${start.column}` : ''} ${related.message}`;
}
