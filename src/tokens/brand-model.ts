import type { Diagnostic } from '../core/diagnostic.js';
import type { Locate } from '../core/data-file.js';
import { colorToHex } from './color.js';
import { dimensionToCss, dimensionToPx, fontStackToCss } from './css-values.js';
import { referenceName, type Guidelines } from './guidelines.js';
import type { ColorValue, DimensionValue, Token, TokenSet, TypographyValue } from './types.js';

/**
 * The resolved brand model (`brand.json`): everything the linter checks content against,
 * in plain resolved values. Written by `brandlint build`, and built in memory by the linter.
 */
export interface BrandModel {
  version: 1;
  brand: { name: string; legalName?: string; domains: string[]; website?: string } | null;
  /** Every token with its CSS custom property (what `var(--...)` in content may name). */
  variables: TokenVariable[];
  palette: PaletteColor[];
  fonts: FontStack[];
  fontWeights: NamedNumber[];
  /** Steps of the type scale in px, smallest first (see `typeScale` in docs/tokens.md). */
  typeScale: NamedLength[];
  lineHeights: NamedNumber[];
  typography: TextStyle[];
  spacing: NamedLength[];
  radii: NamedLength[];
  logos: LogoUsage[];
  /** The guideline file's `logos.recognise` and `logos.altText`, when given. */
  logoRules: { recognise: NonNullable<Guidelines['logos']>['recognise'] | null; altText: NonNullable<Guidelines['logos']>['altText'] | null };
  voice: Guidelines['voice'] | null;
  channels: Guidelines['channels'] | null;
  /**
   * The contexts of a brand whose tokens have modifiers (a DTCG resolver: light/dark, sub-brands),
   * each with its palette. Absent when the brand has one context only.
   */
  contexts?: BrandContexts;
}

/** A resolver input: modifier name -> context name. */
export type ContextInput = Record<string, string>;

export interface BrandContexts {
  modifiers: Array<{ name: string; contexts: string[]; defaultContext: string }>;
  /** The input `palette` (and the rest of the model) belongs to: the default, or a file's context. */
  active: ContextInput;
  /** The input of dark mode (dark-mode CSS in email, `.dark` scopes), when the brand has one. */
  dark: ContextInput | null;
  /** Selectors that scope a context in content (configuration `contexts.selectors`). */
  selectors: Array<{ selector: string; input: ContextInput }>;
  /** Content files checked against a context (configuration `contexts.files`: globs, relative to the configuration's folder in brand.json). */
  files: Array<{ files: string[]; input: ContextInput }>;
  /** Every resolved context with its palette, the default first. */
  resolved: BrandContext[];
}

export interface BrandContext {
  /** `theme=dark` (`modifier=context`, joined with commas). */
  name: string;
  input: ContextInput;
  isDefault: boolean;
  palette: PaletteColor[];
}

export interface TokenVariable {
  name: string;
  cssVar: string;
  type: Token['type'];
}

export interface PaletteColor {
  name: string;
  cssVar: string;
  /** `#rrggbb`, or `#rrggbbaa` when translucent. */
  hex: string;
  alpha: number;
  colorSpace: ColorValue['colorSpace'];
  components: ColorValue['components'];
  aliasOf?: string;
  description?: string;
  deprecated?: boolean | string;
  /** Its print values from the guideline file (`print.colors`): CMYK in percent, a Pantone name. */
  print?: PrintValues;
}

export interface PrintValues {
  cmyk?: [number, number, number, number];
  pantone?: string;
}
export interface FontStack {
  name: string;
  cssVar: string;
  families: string[];
  css: string;
}
export interface NamedNumber {
  name: string;
  cssVar: string;
  value: number;
}
export interface NamedLength {
  name: string;
  cssVar: string;
  px: number;
  css: string;
}
export interface TextStyle {
  name: string;
  fontFamily: string[];
  fontSizePx: number;
  fontWeight: number;
  letterSpacingPx: number;
  lineHeight: number;
}
export interface LogoUsage {
  id: string;
  files: string[];
  description?: string;
  minWidthPx: number;
  clearSpacePx?: number;
}

export interface BrandModelOptions {
  /** CSS custom property prefix (`nw` gives `--nw-color-brand-primary`). */
  prefix?: string;
  /** px per rem when turning rem lengths into px. */
  remBase?: number;
  /** Display name of the guideline file, and a locator into it, for positioned diagnostics. */
  guidelinesFile?: string;
  locateInGuidelines?: Locate;
}

/** The CSS custom property style-dictionary's `name/kebab` gives a token. */
export function cssVariableName(path: readonly string[], prefix?: string): string {
  const kebab = [...(prefix ? [prefix] : []), ...path]
    .join('-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `--${kebab}`;
}

/** `font.size.*`, `fontSizes.*`, `font-size-100`, `FONT_SIZE_3`, `text.size.*`. */
const FONT_SIZE_NAME = /(^|[._-])(font[._-]?sizes?|text[._-]size)([._-]|$)/i;

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Derives the brand model from a resolved token set and the guideline file.
 * - palette: every color token; fonts: every fontFamily token; fontWeights: every fontWeight token.
 * - typeScale: the dimension tokens that typography tokens use as fontSize, with every sibling in their
 *   groups (so `font.size.*` is the scale when `typography.body` uses `{font.size.base}`); lineHeights likewise.
 * - spacing / radii: dimension tokens under a top-level `space`/`spacing` or `radius`/`radii` group.
 * - logos: the guideline file's assets with token references resolved to px.
 */
export function createBrandModel(
  set: TokenSet,
  guidelines: Guidelines | null,
  options: BrandModelOptions = {},
): { model: BrandModel; diagnostics: Diagnostic[] } {
  const remBase = options.remBase ?? 16;
  const diagnostics: Diagnostic[] = [];
  const tokens = [...set.tokens.values()];
  const cssVar = (token: Token): string => cssVariableName(token.path, options.prefix);
  const ofType = <T extends Token['type']>(type: T): Array<Token<T>> => tokens.filter((t): t is Token<T> => t.type === type);
  const length = (token: Token<'dimension'>): NamedLength => ({
    name: token.name,
    cssVar: cssVar(token),
    px: dimensionToPx(token.value, remBase),
    css: dimensionToCss(token.value),
  });

  const palette = ofType('color').map((token): PaletteColor => ({
    name: token.name,
    cssVar: cssVar(token),
    hex: colorToHex(token.value),
    alpha: token.value.alpha,
    colorSpace: token.value.colorSpace,
    components: token.value.components,
    ...(token.aliasOf ? { aliasOf: token.aliasOf } : {}),
    ...(token.description !== undefined ? { description: token.description } : {}),
    ...(token.deprecated !== undefined ? { deprecated: token.deprecated } : {}),
  }));

  const typographyTokens = ofType('typography');
  const groupsUsedBy = (property: keyof TypographyValue): Set<string> => {
    const groups = new Set<string>();
    for (const token of typographyTokens) {
      const raw = (token.rawValue as Record<string, unknown> | null)?.[property];
      const target = typeof raw === 'string' ? /^\{([^{}]+)\}$/.exec(raw)?.[1] : undefined;
      const referenced = target ? set.tokens.get(target) : undefined;
      if (referenced) groups.add(referenced.path.slice(0, -1).join('.'));
    }
    return groups;
  };
  const inGroups = (groups: Set<string>) => (token: Token) => groups.has(token.path.slice(0, -1).join('.'));

  const sizeGroups = groupsUsedBy('fontSize');
  // The guideline file may name the scale's group; else typography tokens tell, else dimension
  // tokens named as font sizes are the scale (Tokens Studio, Figma and Style Dictionary exports).
  const namedGroup = guidelines?.typeScale?.replace(/^\{|\}$/g, '').split('.');
  const inNamedGroup = (token: Token): boolean => namedGroup !== undefined && namedGroup.every((segment, index) => token.path[index] === segment) && token.path.length > namedGroup.length;
  const groupSizes = namedGroup ? ofType('dimension').filter(inNamedGroup) : [];
  if (namedGroup && groupSizes.length === 0) {
    const what = tokens.some(inNamedGroup) ? 'holds no dimension tokens' : 'is no token group';
    diagnostics.push({
      ruleId: 'guidelines/token-reference',
      severity: 'error',
      message: `typeScale: "${namedGroup.join('.')}" ${what}; name the group of the brand's font size tokens, such as "font.size"`,
      file: options.guidelinesFile ?? 'guidelines',
      range: options.locateInGuidelines?.(['typeScale']) ?? null,
    });
  }
  const namedSizes = namedGroup === undefined && sizeGroups.size === 0 ? ofType('dimension').filter((token) => FONT_SIZE_NAME.test(token.path.join('.'))) : [];
  const typeScale = uniqueByPx([
    ...(namedGroup ? groupSizes.map(length) : ofType('dimension').filter(inGroups(sizeGroups)).map(length)),
    ...namedSizes.map(length),
    // Literal sizes written inside typography tokens are steps too.
    ...typographyTokens
      .filter((token) => typeof (token.rawValue as Record<string, unknown> | null)?.fontSize === 'object')
      .map((token) => ({
        name: `${token.name}.fontSize`,
        cssVar: cssVar(token),
        px: dimensionToPx(token.value.fontSize, remBase),
        css: dimensionToCss(token.value.fontSize),
      })),
  ]).sort((a, b) => a.px - b.px || byName(a, b));

  const lineHeightGroups = groupsUsedBy('lineHeight');
  const lineHeights = ofType('number')
    .filter(inGroups(lineHeightGroups))
    .map((token) => ({ name: token.name, cssVar: cssVar(token), value: token.value }))
    .sort((a, b) => a.value - b.value || byName(a, b));

  const topGroup = (names: string[]) => (token: Token) => names.includes(token.path[0] ?? '');

  const model: BrandModel = {
    version: 1,
    brand: guidelines?.brand ?? null,
    variables: tokens.map((token) => ({ name: token.name, cssVar: cssVar(token), type: token.type })),
    palette,
    fonts: ofType('fontFamily').map((token) => ({
      name: token.name,
      cssVar: cssVar(token),
      families: token.value,
      css: fontStackToCss(token.value),
    })),
    fontWeights: ofType('fontWeight')
      .map((token) => ({ name: token.name, cssVar: cssVar(token), value: token.value }))
      .sort((a, b) => a.value - b.value || byName(a, b)),
    typeScale,
    lineHeights,
    typography: typographyTokens.map((token) => ({
      name: token.name,
      fontFamily: token.value.fontFamily,
      fontSizePx: dimensionToPx(token.value.fontSize, remBase),
      fontWeight: token.value.fontWeight,
      letterSpacingPx: dimensionToPx(token.value.letterSpacing, remBase),
      lineHeight: token.value.lineHeight,
    })),
    spacing: ofType('dimension').filter(topGroup(['space', 'spacing'])).map(length),
    radii: ofType('dimension').filter(topGroup(['radius', 'radii'])).map(length),
    logos: [],
    logoRules: { recognise: guidelines?.logos?.recognise ?? null, altText: guidelines?.logos?.altText ?? null },
    voice: guidelines?.voice ?? null,
    channels: guidelines?.channels ?? null,
  };

  (guidelines?.print?.colors ?? []).forEach((entry, index) => {
    const name = referenceName(entry.token);
    const token = name ? set.tokens.get(name) : undefined;
    if (token?.type !== 'color') {
      diagnostics.push({
        ruleId: 'guidelines/token-reference',
        severity: 'error',
        message: token ? `print color ${entry.token} is a ${token.type} token; expected a color` : `print color ${entry.token} is not a token`,
        file: options.guidelinesFile ?? 'guidelines',
        range: options.locateInGuidelines?.(['print', 'colors', index, 'token']) ?? null,
      });
      return;
    }
    const values: PrintValues = { ...(entry.cmyk ? { cmyk: entry.cmyk } : {}), ...(entry.pantone ? { pantone: entry.pantone } : {}) };
    // The color and the tokens that alias it print alike.
    for (const color of palette) if (color.name === name || color.aliasOf === name) color.print = values;
  });

  (guidelines?.logos?.assets ?? []).forEach((asset, index) => {
    const toPx = (value: number | string, key: 'minWidth' | 'clearSpace'): number | undefined => {
      if (typeof value === 'number') return value;
      const name = referenceName(value);
      const token = name ? set.tokens.get(name) : undefined;
      if (token?.type === 'dimension') return dimensionToPx(token.value as DimensionValue, remBase);
      diagnostics.push({
        ruleId: 'guidelines/token-reference',
        severity: 'error',
        message: token
          ? `${key} of logo "${asset.id}" references ${value}, a ${token.type} token; expected a dimension`
          : `${key} of logo "${asset.id}" references ${value}, which is not a token`,
        file: options.guidelinesFile ?? 'guidelines',
        range: options.locateInGuidelines?.(['logos', 'assets', index, key]) ?? null,
      });
      return undefined;
    };
    const minWidthPx = toPx(asset.minWidth, 'minWidth');
    const clearSpacePx = asset.clearSpace === undefined ? undefined : toPx(asset.clearSpace, 'clearSpace');
    model.logos.push({
      id: asset.id,
      files: asset.files,
      ...(asset.description !== undefined ? { description: asset.description } : {}),
      minWidthPx: minWidthPx ?? 0,
      ...(clearSpacePx !== undefined ? { clearSpacePx } : {}),
    });
  });

  return { model, diagnostics };
}

function uniqueByPx(lengths: NamedLength[]): NamedLength[] {
  const seen = new Map<number, NamedLength>();
  for (const entry of lengths) if (!seen.has(entry.px)) seen.set(entry.px, entry);
  return [...seen.values()];
}
