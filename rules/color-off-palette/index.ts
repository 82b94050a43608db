import { differenceCiede2000, parse, type Color } from '../../src/core/culori.js';
import * as z from 'zod';
import {
  alphaOf,
  colorOptionsFor,
  findColorLiterals,
  mayHoldColors,
  opaque,
  toSrgbHex,
  type ColorLiteral,
} from '../../src/core/css-color.js';
import type { ContentDocument, StyleDeclaration } from '../../src/core/document.js';
import { defineRule } from '../../src/core/rule.js';
import type { PaletteColor } from '../../src/tokens/brand-model.js';

const options = z.strictObject({
  /** Below this CIEDE2000 distance to the nearest brand color, a literal is a near miss and is fixed to that color. */
  nearMissThreshold: z.number().min(0).default(3),
  /** More literals accepted as they are (`'#000000'`, `'black'`): matched by color, so `'#000'` also accepts `rgb(0 0 0)`. */
  allow: z.array(z.string().min(1)).default([]),
  /** Properties whose colors are not checked (`['outline-color']`); custom properties and SCSS variables by name. */
  ignoreProperties: z.array(z.string().min(1)).default([]),
  /** Declarations inside an at-rule containing one of these texts are not checked, e.g. `['prefers-color-scheme: dark']`. */
  ignoreAtRules: z.array(z.string().min(1)).default([]),
});

export type ColorOffPaletteOptions = z.infer<typeof options>;

/** Origins where a fix may write `var(--token)` (when the declaration allows custom properties). */
const CSS_ORIGINS = new Set<StyleDeclaration['origin']>(['stylesheet', 'style-element', 'style-attribute']);

interface PaletteEntry {
  token: PaletteColor;
  key: string;
  /** Opaque color, for ΔE. */
  color: Color;
  /** Alpha as a byte (how hex compares it). */
  alphaByte: number;
}

export default defineRule<ColorOffPaletteOptions>({
  meta: {
    id: 'color-off-palette',
    description: 'Every color in styles is a brand palette color.',
    category: 'visual',
    fixable: true,
    defaultLevel: 'error',
    messages: {
      offPalette: '{color} is not a brand color; nearest is {token} ({hex}), ΔE {delta}',
      offPaletteAlpha:
        '{color} is not a brand color: no brand color has alpha {alpha}; nearest opaque brand color is {token} ({hex}), ΔE {delta}',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    if (!brand) return;
    const { entries, nearestByKey } = paletteOf(brand.palette);
    if (entries.length === 0) return;
    const paletteKeys = new Set(entries.map((entry) => entry.key));
    const allowedText = new Set(options.allow.map((entry) => entry.trim().toLowerCase()));
    const allowedKeys = new Set(options.allow.flatMap((entry) => findColorLiterals(entry, { legacyAttribute: true }).map((literal) => toSrgbHex(literal.color))));
    const ignoredProperties = new Set(options.ignoreProperties.map((property) => property.toLowerCase()));
    const ignoredAtRules = options.ignoreAtRules.map(normalizeAtRule);
    const hiddenGroups = hidingGroups(document);
    const deltaE = differenceCiede2000();

    for (const declaration of document.styles) {
      const property = declaration.property;
      if (ignoredProperties.has(property.toLowerCase()) || !mayHoldColors(property)) continue;
      if (ignoredAtRules.length > 0 && declaration.atRules.some((atRule) => ignoredAtRules.some((text) => normalizeAtRule(atRule).includes(text)))) continue;
      const { valueRange } = declaration;
      if (source.touchesTemplate(valueRange.start.offset, valueRange.end.offset, declaration.value)) continue;
      if (isHidden(document, declaration, hiddenGroups)) continue;
      // Tailwind writes spaces as underscores: bg-[rgb(30_90_168)].
      const value = declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
      const literals = findColorLiterals(value, { ...colorOptionsFor(declaration), offset: 0 });
      if (literals.length === 0) continue;
      // A fix may rewrite part of the value only where it is written as the adapter read it.
      const verbatim = source.isVerbatim(declaration);

      for (const literal of literals) {
        const key = toSrgbHex(literal.color);
        if (paletteKeys.has(key) || allowedKeys.has(key) || allowedText.has(literal.text.toLowerCase())) continue;
        const alphaByte = Math.round(alphaOf(literal.color) * 255);
        const sameAlpha = entries.filter((entry) => entry.alphaByte === alphaByte);
        const candidates = sameAlpha.length > 0 ? sameAlpha : entries.filter((entry) => entry.alphaByte === 255);
        const cacheKey = `${key}|${property}`;
        let nearest = nearestByKey.get(cacheKey);
        if (nearest === undefined) {
          nearest = nearestEntry(candidates.length > 0 ? candidates : entries, opaque(literal.color), property, deltaE);
          nearestByKey.set(cacheKey, nearest);
        }
        if (!nearest) continue;
        const { entry, delta } = nearest;
        const range = source.valueRange(declaration, literal.start, literal.end);
        const written = declaration.value.slice(literal.start, literal.end);
        const data = { color: written, token: entry.token.name, hex: entry.token.hex, delta: delta.toFixed(1) };
        const common = { range, actual: written, expected: [entry.token.hex] };
        if (sameAlpha.length === 0) {
          report({ messageId: 'offPaletteAlpha', data: { ...data, alpha: formatAlpha(alphaOf(literal.color)) }, ...common });
          continue;
        }
        const fixable = verbatim && delta < options.nearMissThreshold;
        report({
          messageId: 'offPalette',
          data,
          ...common,
          ...(fixable
            ? { fix: { description: `Use ${entry.token.name} (${entry.token.hex})`, edits: [{ range, text: replacementFor(document, declaration, literal, entry.token) }] } }
            : {}),
        });
      }
    }
  },
});

interface Palette {
  entries: PaletteEntry[];
  /** Nearest entry by `<srgb hex>|<property>`: stylesheets repeat the same few off-palette colors. */
  nearestByKey: Map<string, ReturnType<typeof nearestEntry>>;
}

/** The parsed palette and its nearest-color answers, kept per brand palette across documents. */
const palettes = new WeakMap<readonly PaletteColor[], Palette>();

function paletteOf(palette: readonly PaletteColor[]): Palette {
  let cached = palettes.get(palette);
  if (!cached) {
    const entries = palette.flatMap((token): PaletteEntry[] => {
      const parsed = parse(token.hex);
      if (!parsed) return [];
      return [{ token, key: toSrgbHex(parsed), color: opaque(parsed), alphaByte: Math.round(alphaOf(parsed) * 255) }];
    });
    cached = { entries, nearestByKey: new Map() };
    palettes.set(palette, cached);
  }
  return cached;
}

/** The palette entry closest to `color` by CIEDE2000; among tokens of the same color, the one that suits the property. */
function nearestEntry(
  entries: readonly PaletteEntry[],
  color: Color,
  property: string,
  deltaE: (a: Color, b: Color) => number,
): { entry: PaletteEntry; delta: number } | null {
  let best: { entry: PaletteEntry; delta: number; rank: number } | null = null;
  const roles = rolesOf(property);
  for (const entry of entries) {
    const delta = deltaE(color, entry.color);
    const rank = tokenRank(entry.token, property, roles);
    if (!best || delta < best.delta - 1e-9 || (Math.abs(delta - best.delta) <= 1e-9 && rank < best.rank)) best = { entry, delta, rank };
  }
  return best ? { entry: best.entry, delta: best.delta } : null;
}

/** Token groups that suit a property (`color` -> `color.text.*`, `color.link`). */
function rolesOf(property: string): string[] {
  const lower = property.toLowerCase();
  if (lower === 'color' || lower === '-webkit-text-fill-color' || lower.startsWith('text-decoration')) return ['text', 'link'];
  if (lower.startsWith('background') || lower === 'bgcolor' || lower === 'fillcolor') return ['background', 'bg'];
  if (lower.startsWith('border') || lower.startsWith('outline') || lower.startsWith('column-rule') || lower === 'strokecolor') return ['border'];
  if (lower.includes('shadow')) return ['shadow'];
  return [];
}

/**
 * Lower is better: the token a custom property defines, a token of the property's role (`color.background.*` for a background), then a
 * `brand` token, then a base token (not an alias), then any other; deprecated tokens last.
 */
function tokenRank(token: PaletteColor, property: string, roles: readonly string[]): number {
  // A token's own definition (`--color-link: #1e5aa9`) is about that token.
  if (property === token.cssVar) return -1;
  const segments = token.name.split('.');
  let rank = roles.some((role) => segments.includes(role)) ? 0 : segments.includes('brand') ? 1 : token.aliasOf === undefined ? 2 : 3;
  if (token.deprecated) rank += 10;
  return rank;
}

/**
 * What a fix writes: `var(--token)` in CSS where custom properties are allowed (not in SCSS, not
 * in a `var()` fallback, not in the token's own definition), else the token's hex in lower case;
 * a translucent token as `rgba()` unless the original was a hex in a page.
 */
function replacementFor(document: ContentDocument, declaration: StyleDeclaration, literal: ColorLiteral, token: PaletteColor): string {
  const useVar =
    CSS_ORIGINS.has(declaration.origin) &&
    declaration.customPropertiesAllowed &&
    document.format !== 'scss' &&
    !literal.inVarFallback &&
    token.cssVar !== '' &&
    declaration.property !== token.cssVar;
  if (useVar) return `var(${token.cssVar})`;
  const hex = token.hex.toLowerCase();
  if (hex.length <= 7) return hex;
  if (literal.kind === 'hex' && declaration.customPropertiesAllowed) return hex;
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)].map((pair) => Number.parseInt(pair, 16));
  // The token's alpha as designed (0.08), not as rounded into the hex byte (0.078).
  const separator = declaration.origin === 'tailwind' ? ',' : ', ';
  return `rgba(${[r, g, b, formatAlpha(token.alpha)].join(separator)})`;
}

/** Alpha with at most 3 decimals (`0.08`). */
function formatAlpha(alpha: number): string {
  return String(Math.round(alpha * 1000) / 1000);
}

function normalizeAtRule(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/\s*:\s*/g, ': ').trim();
}

/** Groups (CSS rules, `style=""` of one element) that hide what they apply to: `display:none`, `mso-hide:all`. */
function hidingGroups(document: ContentDocument): Set<number> {
  const groups = new Set<number>();
  for (const declaration of document.styles) {
    const { property } = declaration;
    if (property !== 'display' && property !== 'mso-hide') continue;
    const value = declaration.value.trim().toLowerCase();
    if ((property === 'display' && value === 'none') || (property === 'mso-hide' && value === 'all')) groups.add(declaration.groupId);
  }
  return groups;
}

/** Colors on hidden elements (an email preheader) or in a rule that hides are never seen. */
function isHidden(document: ContentDocument, declaration: StyleDeclaration, hiddenGroups: ReadonlySet<number>): boolean {
  if (hiddenGroups.has(declaration.groupId)) return true;
  if (declaration.elementId === undefined) return false;
  const element = document.elements[declaration.elementId];
  const byId = element?.id === declaration.elementId ? element : document.elements.find((candidate) => candidate.id === declaration.elementId);
  return byId?.hidden === true;
}

