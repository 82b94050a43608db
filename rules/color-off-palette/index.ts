import { converter, differenceCiede2000, parse, type Color } from '../../src/core/culori.js';
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
import { cmykDistance, cmykToSrgbHex, formatCmyk, parseDeviceCmyk, type Cmyk } from '../../src/core/print-color.js';
import { defineRule } from '../../src/core/rule.js';
import { contextOf, describeInput, sameInput } from '../../src/core/style-context.js';
import type { BrandContext, BrandModel, PaletteColor } from '../../src/tokens/brand-model.js';

const options = z.strictObject({
  /** Below this CIEDE2000 distance to the nearest brand color, a literal is a near miss and is fixed to that color. */
  nearMissThreshold: z.number().min(0).default(3),
  /** More literals accepted as they are (`'#000000'`, `'black'`): matched by color, so `'#000'` also accepts `rgb(0 0 0)`. */
  allow: z.array(z.string().min(1)).default([]),
  /** Properties whose colors are not checked (`['outline-color']`); custom properties and SCSS variables by name. */
  ignoreProperties: z.array(z.string().min(1)).default([]),
  /** Declarations inside an at-rule containing one of these texts are not checked, e.g. `['prefers-color-scheme: dark']`. */
  ignoreAtRules: z.array(z.string().min(1)).default([]),
  /**
   * A CMYK color (`device-cmyk()`, the print channel) matches a palette color's CMYK print value
   * when no component differs by more than this many percentage points.
   */
  cmykTolerance: z.number().min(0).max(100).default(2),
});

export type ColorOffPaletteOptions = z.infer<typeof options>;

/** Origins where a fix may write `var(--token)` (when the declaration allows custom properties). */
const CSS_ORIGINS = new Set<StyleDeclaration['origin']>(['stylesheet', 'style-element', 'style-attribute']);

interface PaletteEntry {
  token: PaletteColor;
  key: string;
  /** Opaque color, for ΔE. */
  color: Color;
  /** The same in CIELAB (D65), as ΔE reads it: converted once, not at every comparison. */
  lab: Color;
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
      otherContext: '{color} is the {other} value of {token}; in {context} use {token} ({hex})',
      offPrintPalette: '{color} is not a brand print color: compared with the CMYK print values of the guideline file, nearest is {token} ({cmyk}{pantone}), {distance} points apart',
      offPaletteConverted:
        '{color} is not a brand color: converted to sRGB ({converted}, the guideline file gives no CMYK print values), nearest is {token} ({hex}), ΔE {delta}',
    },
    options,
    cannotApply: (brand) => (brand.palette.length > 0 ? null : 'the brand has no palette: add color tokens'),
  },
  check({ document, source, brand, options, report }) {
    if (!brand) return;
    const base = paletteOf(brand.palette);
    if (base.entries.length === 0) return;
    // A file the configuration maps to a context (a sub-brand) is checked like a scope of it.
    const fileContext = activeContext(brand);
    const allowedText = new Set(options.allow.map((entry) => entry.trim().toLowerCase()));
    const allowedKeys = new Set(options.allow.flatMap((entry) => findColorLiterals(entry, { legacyAttribute: true }).map((literal) => toSrgbHex(literal.color))));
    const ignoredProperties = new Set(options.ignoreProperties.map((property) => property.toLowerCase()));
    const ignoredAtRules = options.ignoreAtRules.map(normalizeAtRule);
    const hiddenGroups = source.hidingGroups;
    const deltaE = differenceCiede2000();

    for (const declaration of document.styles) {
      const property = declaration.property;
      if (ignoredProperties.has(property.toLowerCase()) || !mayHoldColors(property)) continue;
      if (ignoredAtRules.length > 0 && declaration.atRules.some((atRule) => ignoredAtRules.some((text) => normalizeAtRule(atRule).includes(text)))) continue;
      if (source.touchesTemplate(declaration.valueStart, declaration.valueEnd, declaration.value)) continue;
      if (isHidden(document, declaration, hiddenGroups)) continue;
      // Tailwind writes spaces as underscores: bg-[rgb(30_90_168)].
      const value = declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
      const cmyk = parseDeviceCmyk(value);
      if (cmyk) {
        checkCmyk(declaration, cmyk);
        continue;
      }
      const literals = findColorLiterals(value, colorOptionsFor(declaration, 0));
      if (literals.length === 0) continue;
      // A fix may rewrite part of the value only where it is written as the adapter read it.
      const verbatim = source.isVerbatim(declaration);

      // Dark-mode CSS and scopes of another context (a sub-brand) are checked against that context's palette.
      const scope = contextOf(brand, declaration) ?? fileContext;
      const hints = contextHintsOf(brand, scope, scope === fileContext);
      const { entries: scopeEntries, nearestByKey, keys: paletteKeys } = scope ? paletteOf(scope.palette) : base;
      // The nearest color is one the scope accepts for this property (never another context's value it would report).
      const entries = hints && scope ? scopeEntries.filter((entry) => !otherContextHint(hints, entry.key, property, scopeEntries)) : scopeEntries;

      for (const literal of literals) {
        const key = toSrgbHex(literal.color);
        if (allowedKeys.has(key) || allowedText.has(literal.text.toLowerCase())) continue;
        if (hints?.accepted.has(key)) continue;
        // In the active context every palette color is fine; in a scope of another context (dark
        // mode), a color of the active one is reported when a token of the scope suits it better.
        if (!scope && paletteKeys.has(key)) continue;
        const hint = hints ? otherContextHint(hints, key, property, scopeEntries) : undefined;
        if (hint) {
          const range = source.valueRange(declaration, literal.start, literal.end);
          const written = declaration.value.slice(literal.start, literal.end);
          const token = hint;
          report({
            messageId: 'otherContext',
            data: { color: written, other: token.other, token: token.here.name, context: hints?.label ?? '', hex: token.here.hex },
            range,
            actual: written,
            expected: [token.here.hex],
            ...(verbatim ? { fix: { description: `Use ${token.here.name} (${token.here.hex})`, edits: [{ range, text: replacementFor(document, declaration, literal, token.here) }] } } : {}),
          });
          continue;
        }
        if (paletteKeys.has(key)) continue;
        const alphaByte = Math.round(alphaOf(literal.color) * 255);
        const hasSameAlpha = entries.some((entry) => entry.alphaByte === alphaByte);
        const cacheKey = `${scope?.name ?? ''}|${key}|${property}`;
        let nearest = nearestByKey.get(cacheKey);
        if (nearest === undefined) {
          const candidates = entries.filter((entry) => entry.alphaByte === (hasSameAlpha ? alphaByte : 255));
          nearest = nearestEntry(candidates.length > 0 ? candidates : entries, opaque(literal.color), property, deltaE);
          nearestByKey.set(cacheKey, nearest);
        }
        if (!nearest) continue;
        const { entry, delta } = nearest;
        const range = source.valueRange(declaration, literal.start, literal.end);
        const written = declaration.value.slice(literal.start, literal.end);
        const data = { color: written, token: entry.token.name, hex: entry.token.hex, delta: delta.toFixed(1) };
        const common = { range, actual: written, expected: [entry.token.hex] };
        if (!hasSameAlpha) {
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

    /**
     * A CMYK color: compared with the palette's CMYK print values when the guideline file gives
     * any, else converted to sRGB and judged by ΔE (within the near-miss threshold: conversion
     * without a color profile is an estimate). Never fixed: it comes from a file brandlint only reads.
     */
    function checkCmyk(declaration: StyleDeclaration, cmyk: Cmyk): void {
      const written = declaration.value.trim();
      if (allowedText.has(written.toLowerCase())) return;
      const palette = brand!.palette;
      const printed = palette.filter((color): color is PaletteColor & { print: { cmyk: Cmyk } } => color.print?.cmyk !== undefined);
      const range = declaration.valueRange;
      if (printed.length > 0) {
        let best: { color: PaletteColor & { print: { cmyk: Cmyk } }; distance: number } | null = null;
        for (const color of printed) {
          const distance = cmykDistance(cmyk, color.print.cmyk);
          if (!best || distance < best.distance) best = { color, distance };
        }
        if (!best || best.distance <= options.cmykTolerance) return;
        const { color, distance } = best;
        report({
          messageId: 'offPrintPalette',
          data: {
            color: written,
            token: color.name,
            cmyk: formatCmyk(color.print.cmyk),
            pantone: color.print.pantone ? `, Pantone ${color.print.pantone}` : '',
            distance: String(Math.round(distance * 10) / 10),
          },
          range,
          actual: written,
          expected: [`device-cmyk(${color.print.cmyk.map((value) => `${value}%`).join(' ')})`],
        });
        return;
      }
      const converted = cmykToSrgbHex(cmyk);
      if (allowedKeys.has(converted)) return;
      const parsed = parse(converted);
      const nearest = parsed ? nearestBrandColor(palette, parsed, declaration.property) : null;
      if (!nearest || nearest.delta <= options.nearMissThreshold) return;
      report({
        messageId: 'offPaletteConverted',
        data: { color: written, converted, token: nearest.token.name, hex: nearest.token.hex, delta: nearest.delta.toFixed(1) },
        range,
        actual: written,
        expected: [nearest.token.hex],
      });
    }
  },
});

interface Palette {
  entries: PaletteEntry[];
  /** sRGB hex of every entry. */
  keys: Set<string>;
  /** Nearest entry by `<srgb hex>|<property>`: stylesheets repeat the same few off-palette colors. */
  nearestByKey: Map<string, ReturnType<typeof nearestEntry>>;
}

/** CIELAB (D65): what CIEDE2000 compares. */
const toLab = converter('lab65') as (color: Color) => Color;

/** The parsed palette and its nearest-color answers, kept per brand palette across documents. */
const palettes = new WeakMap<readonly PaletteColor[], Palette>();

function paletteOf(palette: readonly PaletteColor[]): Palette {
  let cached = palettes.get(palette);
  if (!cached) {
    const entries = palette.flatMap((token): PaletteEntry[] => {
      const parsed = parse(token.hex);
      if (!parsed) return [];
      const color = opaque(parsed);
      return [{ token, key: toSrgbHex(parsed), color, lab: toLab(color), alphaByte: Math.round(alphaOf(parsed) * 255) }];
    });
    cached = { entries, keys: new Set(entries.map((entry) => entry.key)), nearestByKey: new Map() };
    palettes.set(palette, cached);
  }
  return cached;
}

/**
 * The brand color nearest to `color` (any CSS color) as this rule judges it: CIEDE2000 on opaque
 * colors, among tokens of the same alpha when there are any, a token that suits `property` first
 * among equals. Null when the palette is empty. For editors (hover) and reports.
 */
export function nearestBrandColor(palette: readonly PaletteColor[], color: Color, property = 'color'): { token: PaletteColor; delta: number } | null {
  const { entries } = paletteOf(palette);
  const alphaByte = Math.round(alphaOf(color) * 255);
  const sameAlpha = entries.filter((entry) => entry.alphaByte === alphaByte);
  const nearest = nearestEntry(sameAlpha.length > 0 ? sameAlpha : entries, opaque(color), property, differenceCiede2000());
  return nearest ? { token: nearest.entry.token, delta: nearest.delta } : null;
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
  // ΔE converts both colors to CIELAB unless they are already: the color once here, the palette's once per palette.
  const lab = toLab(color);
  for (const entry of entries) {
    const delta = deltaE(lab, entry.lab);
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

/** Colors on hidden elements (an email preheader) or in a rule that hides are never seen. */
function isHidden(document: ContentDocument, declaration: StyleDeclaration, hiddenGroups: ReadonlySet<number>): boolean {
  if (hiddenGroups.has(declaration.groupId)) return true;
  if (declaration.elementId === undefined) return false;
  const element = document.elements[declaration.elementId];
  const byId = element?.id === declaration.elementId ? element : document.elements.find((candidate) => candidate.id === declaration.elementId);
  return byId?.hidden === true;
}


/** A color that is a token's value in another context, with the value the token has here. */
interface ContextHint {
  /** The token as it is in the scope being checked. */
  here: PaletteColor;
  /** The context the color belongs to (`theme=light`). */
  other: string;
}

interface ContextHints {
  /** The scope's own label (`theme=dark`). */
  label: string;
  /** Colors the scope's context gives tokens (where they differ from the other context): accepted even when another context has them too. */
  accepted: Set<string>;
  /** Colors of tokens whose value here differs: the color -> those tokens as they are here. */
  elsewhere: Map<string, ContextHint[]>;
}

const hintCache = new WeakMap<BrandModel, Map<string, ContextHints | null>>();

/**
 * For a scope in another context (dark mode): its own values are accepted, and the default
 * context's value of a token that changes is reported with the token's value here. For the
 * active context: another context's value of a token that changes is reported likewise.
 */
function contextHintsOf(brand: BrandModel, scope: BrandContext | null, wholeFile = false): ContextHints | null {
  const contexts = brand.contexts;
  if (!contexts) return null;
  let cache = hintCache.get(brand);
  if (!cache) {
    cache = new Map();
    hintCache.set(brand, cache);
  }
  const cacheKey = `${scope?.name ?? ''}|${wholeFile}`;
  if (cache.has(cacheKey)) return cache.get(cacheKey) ?? null;
  const here = scope ? scope.palette : brand.palette;
  const defaults = contexts.resolved.find((context) => context.isDefault);
  // What the scope is compared with: the file's context (dark mode in it), or the default context (a whole file of a sub-brand).
  const from = wholeFile && defaults ? defaults : { input: contexts.active, palette: brand.palette };
  const otherContexts = contexts.resolved.filter((context) => !sameInput(contexts, context.input, contexts.active));
  const others = scope
    ? [{ label: describeInput(contexts, from.input, scope.input), palette: from.palette }]
    : otherContexts.map((context) => ({ label: describeInput(contexts, context.input), palette: context.palette }));
  const accepted = new Set<string>();
  const elsewhere = new Map<string, ContextHint[]>();
  for (const other of others) {
    const otherByName = new Map(other.palette.map((token) => [token.name, token]));
    for (const token of here) {
      const counterpart = otherByName.get(token.name);
      if (counterpart && counterpart.hex === token.hex) continue;
      if (scope) accepted.add(keyOf(token.hex));
      if (!counterpart) continue;
      const key = keyOf(counterpart.hex);
      elsewhere.set(key, [...(elsewhere.get(key) ?? []), { here: token, other: other.label }]);
    }
  }
  // A color the scope gives some token is never another context's mistake.
  for (const key of accepted) elsewhere.delete(key);
  const label = scope ? describeInput(contexts, scope.input, from.input) : describeInput(contexts, contexts.active, otherContexts[0]?.input ?? contexts.active);
  const hints: ContextHints = { label, accepted, elsewhere };
  const result = elsewhere.size > 0 || accepted.size > 0 ? hints : null;
  cache.set(cacheKey, result);
  return result;
}

function keyOf(hex: string): string {
  const parsed = parse(hex);
  return parsed ? toSrgbHex(parsed) : hex.toLowerCase();
}

/**
 * The token a color belongs to in another context, when that is what the color is here: the
 * color is another context's value of a token that changes, and no token of this scope with the
 * color suits the property better (white text in dark mode is fine when white is a text color
 * there too; white as a dark-mode background is the light background).
 */
function otherContextHint(hints: ContextHints, key: string, property: string, scopeEntries: readonly PaletteEntry[]): ContextHint | undefined {
  if (hints.accepted.has(key)) return undefined;
  const candidates = hints.elsewhere.get(key);
  if (!candidates) return undefined;
  const roles = rolesOf(property);
  let best = candidates[0] as ContextHint;
  for (const hint of candidates) if (tokenRank(hint.here, property, roles) < tokenRank(best.here, property, roles)) best = hint;
  const bestRank = tokenRank(best.here, property, roles);
  const own = scopeEntries.filter((entry) => entry.key === key && !candidates.some((hint) => hint.here.name === entry.token.name));
  if (own.some((entry) => tokenRank(entry.token, property, roles) <= bestRank)) return undefined;
  return best;
}

/** The context of the brand's palette when it is not the default one (a file mapped to a sub-brand). */
function activeContext(brand: BrandModel): BrandContext | null {
  const contexts = brand.contexts;
  if (!contexts) return null;
  const active = contexts.resolved.find((context) => sameInput(contexts, context.input, contexts.active));
  return active && !active.isDefault ? active : null;
}
