/**
 * Color literals and `var()` references in CSS values as content writes them, with the offset of
 * each one, and the color each literal stands for (a culori color).
 *
 * Rules read declarations from `ContentDocument.styles`; this module reads one value at a time.
 * postcss-value-parser finds the candidates (so strings, comments and `url(...)` are never looked
 * into) and culori decides whether a candidate is a color. The answer for a value is remembered
 * (values recur across declarations and files) and shared: callers never change it.
 *
 * Decisions, for every rule that uses it:
 * - A `var(--x, #fff)` fallback IS a literal (the fallback is what readers see whenever the
 *   property is missing); it is returned with `inVarFallback: true`.
 * - `transparent`, `currentColor`, CSS-wide keywords (`inherit`, `initial`, ...) and `none` are
 *   keywords, not colors, and are never returned.
 * - A value holding template syntax (`{{ }}`, `{% %}`, `*|TAG|*`, `%%tag%%`, `${}`) gives nothing:
 *   it is only known when the message is sent.
 * - Relative colors (`rgb(from #1f5135 r g b / 50%)`) and color functions with variables
 *   (`rgb(var(--rgb))`, `rgba($brand, .5)`) are not literals.
 * - SCSS `rgba(#1f5135, 0.5)` is one literal (the hex with that alpha).
 * - A name followed by `:` (an SCSS map key, `(red: #b42318)`) is not a color.
 *
 * Offsets are into the string given, plus the `offset` option: pass a declaration's
 * `valueStart` to get file offsets. Answers are shared between calls with the same
 * value: read them, never change them.
 */
import { clampChroma, colorsNamed, converter, formatHex, formatHex8, parse, type Color } from './culori.js';
import valueParser from 'postcss-value-parser';

type ValueNode = valueParser.Node;

export type ColorLiteralKind = 'hex' | 'function' | 'named';

export interface ColorLiteral {
  /** As written (`#1F5135`, `rgb(31 81 53)`, `white`). */
  text: string;
  start: number;
  end: number;
  /** The color it stands for (culori object, in the space it was written in). */
  color: Color;
  /** `hex` also for a bare legacy attribute value (`bgcolor="1f5135"`). */
  kind: ColorLiteralKind;
  /** Written as the fallback of a `var()`. */
  inVarFallback: boolean;
  /** A bare hex digit string read with HTML's legacy color rules (`bgcolor="1f5135"`). */
  legacy?: boolean;
}

export interface FindColorLiteralsOptions {
  /** Added to every `start`/`end`. Default 0. */
  offset?: number;
  /**
   * Whether CSS named colors (`white`, `rebeccapurple`) count. Default true. Turn it off for
   * properties whose words are not colors (see {@link namedColorsCountIn}).
   */
  named?: boolean;
  /**
   * The value is an HTML color attribute (`bgcolor`, `<font color>`, VML `fillcolor`): a bare
   * string of hex digits (`1f5135`) is a color there, read the way browsers read legacy colors
   * (`fff` is #0f0f0f, not white). See {@link acceptsLegacyColor}.
   */
  legacyAttribute?: boolean;
}

/** Color keywords that are not a color of their own. Compared lower-case. */
export const NON_COLOR_KEYWORDS: readonly string[] = [
  'transparent',
  'currentcolor',
  'inherit',
  'initial',
  'unset',
  'revert',
  'revert-layer',
  'none',
];

/** CSS color functions culori reads. */
export const COLOR_FUNCTIONS: readonly string[] = ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color'];

/** Functions whose arguments never hold a color literal (file names, font names, attribute names, Tailwind theme paths). */
const OPAQUE_FUNCTIONS = new Set(['url', 'src', 'format', 'local', 'attr', 'counter', 'counters', 'theme', 'image', 'element', 'tech', 'supports', 'layer', 'selector']);

import { TEMPLATE_TEXT } from './template.js';

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const COLOR_FUNCTION_SET = new Set(COLOR_FUNCTIONS);
const NON_COLOR_SET = new Set(NON_COLOR_KEYWORDS);
const NAMED = colorsNamed as Record<string, number>;

/**
 * Every color literal of a CSS value, in source order.
 *
 * ```ts
 * findColorLiterals('1px solid #E2E2DC')               // [{ text: '#E2E2DC', start: 10, end: 17, kind: 'hex', ... }]
 * findColorLiterals('linear-gradient(#1f5135, white)') // [#1f5135 (16..23), white (25..30, kind 'named')]
 * findColorLiterals('var(--color-link, #1e5aa8)')      // [{ text: '#1e5aa8', inVarFallback: true, ... }]
 * findColorLiterals('url(#fff) no-repeat')             // []
 * findColorLiterals('1f5135', { legacyAttribute: true }) // [{ text: '1f5135', kind: 'hex', legacy: true, ... }]
 * ```
 */
export function findColorLiterals(value: string, options: FindColorLiteralsOptions = {}): readonly ColorLiteral[] {
  const offset = options.offset ?? 0;
  const named = options.named ?? true;
  const legacyAttribute = options.legacyAttribute ?? false;
  const found = memoized(literalMemos[(named ? 2 : 0) + (legacyAttribute ? 1 : 0)]!, value, () => colorLiteralsOf(value, named, legacyAttribute));
  return offset === 0 ? found : found.map((literal) => ({ ...literal, start: literal.start + offset, end: literal.end + offset }));
}

/**
 * Values recur (`#fff`, `1px solid #ddd`, `var(--bs-body-color)`), within a stylesheet and across
 * files: each distinct value is read once, its answer (at offset 0) shared and never changed.
 * Long values (inline images, long gradients) are read every time, so the tables stay small.
 */
const MEMO_VALUE_LENGTH = 256;
const MEMO_SIZE = 20_000;
/** One table per combination of the options that change the answer (named colors, legacy attribute), keyed by the value itself. */
const literalMemos = Array.from({ length: 4 }, () => new Map<string, readonly ColorLiteral[]>());
const referenceMemo = new Map<string, readonly VarReference[]>();

function memoized<Answer>(memo: Map<string, Answer>, value: string, compute: () => Answer): Answer {
  if (value.length > MEMO_VALUE_LENGTH) return compute();
  let answer = memo.get(value);
  if (answer === undefined) {
    answer = compute();
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(value, answer);
  }
  return answer;
}

function colorLiteralsOf(value: string, named: boolean, legacyAttribute: boolean): ColorLiteral[] {
  if (TEMPLATE_TEXT.test(value)) return [];
  if (!named && !/[#(]/.test(value) && !legacyAttribute) return [];

  if (legacyAttribute) {
    const trimmed = value.trim();
    if (/^[0-9a-f]+$/i.test(trimmed) && (trimmed.length === 3 || trimmed.length === 6)) {
      const start = value.indexOf(trimmed);
      return [
        {
          text: trimmed,
          start,
          end: start + trimmed.length,
          color: parseLegacyHexDigits(trimmed),
          kind: 'hex',
          inVarFallback: false,
          legacy: true,
        },
      ];
    }
  }

  const literals: ColorLiteral[] = [];
  const visit = (nodes: ValueNode[], inVarFallback: boolean): void => {
    nodes.forEach((node, index) => {
      if (node.type === 'word') {
        const text = node.value;
        if (text.startsWith('#')) {
          if (!HEX.test(text)) return;
          const color = parse(text);
          if (color) literals.push(literalOf(node, text, color, 'hex', inVarFallback));
          return;
        }
        if (!named || !/^[a-z]+$/i.test(text)) return;
        const lower = text.toLowerCase();
        if (NON_COLOR_SET.has(lower) || !Object.hasOwn(NAMED, lower)) return;
        if (nextSignificant(nodes, index)?.type === 'div' && nextSignificant(nodes, index)?.value === ':') return;
        const color = parse(lower);
        if (color) literals.push(literalOf(node, text, color, 'named', inVarFallback));
        return;
      }
      if (node.type !== 'function') return;
      const name = node.value.toLowerCase();
      if (OPAQUE_FUNCTIONS.has(name)) return;
      if (name === 'var') {
        const comma = node.nodes.findIndex((child) => child.type === 'div' && child.value === ',');
        if (comma !== -1) visit(node.nodes.slice(comma + 1), true);
        return;
      }
      if (COLOR_FUNCTION_SET.has(name)) {
        const text = value.slice(node.sourceIndex, node.sourceEndIndex);
        const color = node.unclosed ? undefined : (parse(text) ?? scssColorWithAlpha(node));
        if (color) literals.push(literalOf(node, text, color, 'function', inVarFallback));
        return;
      }
      // Gradients, color-mix(), light-dark(), drop-shadow(), SCSS functions, plain parentheses.
      visit(node.nodes, inVarFallback);
    });
  };
  const literalOf = (node: ValueNode, text: string, color: Color, kind: ColorLiteralKind, inVarFallback: boolean): ColorLiteral => ({
    text,
    start: node.sourceIndex,
    end: node.sourceIndex + text.length,
    color,
    kind,
    inVarFallback,
  });
  visit(valueParser(value).nodes, false);
  return literals;
}

export interface VarReference {
  /** The custom property name (`--color-link`). */
  name: string;
  /** The whole `var(...)`. */
  start: number;
  end: number;
  /** The name alone. */
  nameStart: number;
  nameEnd: number;
  /** The fallback after the first comma, trimmed, when there is one. */
  fallback?: { text: string; start: number; end: number };
  /** Whether a comma follows the name: `var(--x, 4px)` and `var(--x,)` (an empty fallback) both have one. */
  hasFallback?: boolean;
}

/**
 * Every `var(--name)` of a CSS value, nested ones (in fallbacks, gradients, `calc()`) included,
 * outer before inner. Values with template syntax give nothing; `var()` inside strings and
 * `url()` is not a reference.
 *
 * ```ts
 * findVarReferences('0 1px var(--shadow, var(--color-border-default))')
 * // [{ name: '--shadow', start: 6, end: 47, nameStart: 10, nameEnd: 18, fallback: { text: 'var(--color-border-default)', start: 20, end: 46 } },
 * //  { name: '--color-border-default', start: 20, end: 46, nameStart: 24, nameEnd: 45 }]
 * ```
 */
export function findVarReferences(value: string, offset = 0): readonly VarReference[] {
  if (!/var\(/i.test(value)) return [];
  const found = memoized(referenceMemo, value, () => varReferencesOf(value));
  if (offset === 0) return found;
  return found.map((reference) => {
    const { fallback } = reference;
    return {
      ...reference,
      start: reference.start + offset,
      end: reference.end + offset,
      nameStart: reference.nameStart + offset,
      nameEnd: reference.nameEnd + offset,
      ...(fallback ? { fallback: { text: fallback.text, start: fallback.start + offset, end: fallback.end + offset } } : {}),
    };
  });
}

function varReferencesOf(value: string): VarReference[] {
  if (TEMPLATE_TEXT.test(value)) return [];
  const references: VarReference[] = [];
  const visit = (nodes: ValueNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'function') continue;
      const name = node.value.toLowerCase();
      if (OPAQUE_FUNCTIONS.has(name)) continue;
      if (name === 'var') {
        const first = node.nodes.find((child) => child.type !== 'space' && child.type !== 'comment');
        if (first?.type === 'word' && /^--[\w-]+$/.test(first.value)) {
          const reference: VarReference = {
            name: first.value,
            start: node.sourceIndex,
            end: node.sourceEndIndex,
            nameStart: first.sourceIndex,
            nameEnd: first.sourceIndex + first.value.length,
          };
          const comma = node.nodes.findIndex((child) => child.type === 'div' && child.value === ',');
          if (comma !== -1) reference.hasFallback = true;
          const rest = comma === -1 ? [] : node.nodes.slice(comma + 1);
          const firstRest = rest[0];
          const lastRest = rest.at(-1);
          if (firstRest && lastRest) {
            const fallbackStart = firstRest.sourceIndex;
            const raw = value.slice(fallbackStart, lastRest.sourceEndIndex);
            const leading = raw.length - raw.trimStart().length;
            const text = raw.trim();
            if (text !== '') reference.fallback = { text, start: fallbackStart + leading, end: fallbackStart + leading + text.length };
          }
          references.push(reference);
        }
      }
      visit(node.nodes);
    }
  };
  visit(valueParser(value).nodes);
  return references;
}

/**
 * Properties that take a color (or a value with colors in it). Attribute-mapped properties
 * (`bgcolor` -> `background-color`) and VML attributes are included.
 */
const COLOR_PROPERTIES = new Set([
  'color',
  'background',
  'background-color',
  'border',
  'border-color',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'border-block',
  'border-block-color',
  'border-block-start',
  'border-block-end',
  'border-block-start-color',
  'border-block-end-color',
  'border-inline',
  'border-inline-color',
  'border-inline-start',
  'border-inline-end',
  'border-inline-start-color',
  'border-inline-end-color',
  'outline',
  'outline-color',
  'box-shadow',
  'text-shadow',
  'text-decoration',
  'text-decoration-color',
  'text-emphasis',
  'text-emphasis-color',
  'caret-color',
  'accent-color',
  'column-rule',
  'column-rule-color',
  'fill',
  'stroke',
  'stop-color',
  'flood-color',
  'lighting-color',
  'scrollbar-color',
  'filter',
  'background-image',
  'border-image',
  'border-image-source',
  '-webkit-text-fill-color',
  '-webkit-text-stroke',
  '-webkit-text-stroke-color',
  '-webkit-tap-highlight-color',
  'mso-border-alt',
  'mso-highlight',
  'mso-shading',
  'mso-color-alt',
  'mso-border-color-alt',
  // VML and HTML attributes some adapters keep under their own name
  'fillcolor',
  'strokecolor',
  'bgcolor',
  'bordercolor',
  'link',
  'vlink',
  'alink',
  'text',
]);

/** Whether a (lower-case) property takes a color: `color`, `background`, `border-left`, `fill`, ... */
export function isColorProperty(property: string): boolean {
  return COLOR_PROPERTIES.has(property.toLowerCase());
}

/** Custom properties and SCSS variables whose names say they hold words that are not colors. */
const NON_COLOR_VARIABLE = /font|family|anim|grid|area|name|ease|transition|content|icon/i;

/**
 * Whether a bare word such as `red` or `white` in a value of `property` is a named color:
 * in color properties, and in custom properties / SCSS variables except those named like a
 * font, animation or grid setting (`--font-heading: Red Hat Display` is a font, not red).
 * Everywhere else (`font-family`, `animation-name`, `grid-area`, `content`) a word is a name.
 */
export function namedColorsCountIn(property: string): boolean {
  const lower = property.toLowerCase();
  if (lower.startsWith('--') || lower.startsWith('$')) return !NON_COLOR_VARIABLE.test(lower);
  return COLOR_PROPERTIES.has(lower);
}

/** Properties whose values never hold a color, not even a hex: font names, generated content, URLs. */
const NO_COLOR_PROPERTIES = new Set(['font-family', 'font', 'content', 'quotes', 'src', 'unicode-range', 'font-feature-settings', 'font-variation-settings']);

/** Whether `property` can hold colors at all (false for `font-family`, `content`, `src`, ...). */
export function mayHoldColors(property: string): boolean {
  return !NO_COLOR_PROPERTIES.has(property.toLowerCase());
}

/**
 * Whether a declaration is an HTML or VML color attribute, where browsers and mail clients read
 * a bare hex value (`bgcolor="1f5135"`) as a color: pass the result as `legacyAttribute`.
 */
export function acceptsLegacyColor(declaration: { origin: string; property: string }): boolean {
  return (declaration.origin === 'html-attribute' || declaration.origin === 'vml') && isColorProperty(declaration.property);
}

/**
 * The options {@link findColorLiterals} should get for a declaration: named colors and legacy
 * attributes where they apply, and offsets into the file (or from `offset`: 0 for offsets into
 * the value, or into a rewritten copy of it such as Tailwind's with spaces for underscores).
 */
export function colorOptionsFor(
  declaration: {
    origin: string;
    property: string;
    valueStart: number;
  },
  offset: number = declaration.valueStart,
): FindColorLiteralsOptions {
  return {
    offset,
    named: namedColorsCountIn(declaration.property),
    legacyAttribute: acceptsLegacyColor(declaration),
  };
}

const toRgb = converter('rgb');

/**
 * The color in sRGB as lower-case hex: `#rrggbb`, or `#rrggbbaa` when translucent. Colors
 * outside sRGB (`color(display-p3 1 0 0)`, `oklch(70% 0.4 30)`) are gamut-mapped first
 * (chroma reduced in OKLCH), so two literals compare equal when they show the same on screen.
 */
export function toSrgbHex(color: Color): string {
  let rgb = toRgb(color);
  const inGamut = [rgb.r, rgb.g, rgb.b].every((channel) => channel >= -1e-6 && channel <= 1 + 1e-6);
  if (!inGamut) rgb = toRgb(clampChroma(color, 'oklch'));
  const alpha = alphaOf(color);
  const clamped = { mode: 'rgb' as const, r: clamp01(rgb.r), g: clamp01(rgb.g), b: clamp01(rgb.b), alpha };
  return alpha >= 1 ? formatHex(clamped) : formatHex8(clamped);
}

/** The alpha of a culori color (absent means opaque). */
export function alphaOf(color: Color): number {
  return color.alpha === undefined ? 1 : clamp01(color.alpha);
}

/** The same color, opaque. */
export function opaque(color: Color): Color {
  return { ...color, alpha: 1 };
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

/**
 * HTML's "rules for parsing a legacy colour value" for a string of hex digits: components split
 * in three, leading zeros dropped, two digits kept. `1f5135` is #1f5135; `fff` is #0f0f0f.
 */
export function parseLegacyHexDigits(digits: string): Color {
  let text = digits.toLowerCase();
  while (text.length === 0 || text.length % 3 !== 0) text += '0';
  let length = text.length / 3;
  let parts = [text.slice(0, length), text.slice(length, 2 * length), text.slice(2 * length)];
  if (length > 8) {
    parts = parts.map((part) => part.slice(length - 8));
    length = 8;
  }
  while (length > 2 && parts.every((part) => part.startsWith('0'))) {
    parts = parts.map((part) => part.slice(1));
    length--;
  }
  if (length > 2) parts = parts.map((part) => part.slice(0, 2));
  const [r, g, b] = parts.map((part) => Number.parseInt(part, 16) / 255);
  return { mode: 'rgb', r: r ?? 0, g: g ?? 0, b: b ?? 0 };
}

function nextSignificant(nodes: ValueNode[], index: number): ValueNode | undefined {
  for (let i = index + 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (node && node.type !== 'space' && node.type !== 'comment') return node;
  }
  return undefined;
}

/** SCSS `rgba(#1f5135, 0.5)` / `rgb(white, 50%)`: a color and an alpha. */
function scssColorWithAlpha(node: valueParser.FunctionNode): Color | undefined {
  const args = node.nodes.filter((child) => child.type !== 'space' && child.type !== 'comment');
  if (args.length !== 3 || args[1]?.type !== 'div' || args[1].value !== ',') return undefined;
  const [first, , second] = args;
  if (first?.type !== 'word' || second?.type !== 'word') return undefined;
  const base = HEX.test(first.value) || Object.hasOwn(NAMED, first.value.toLowerCase()) ? parse(first.value) : undefined;
  const alphaMatch = /^(\d*\.?\d+)(%?)$/.exec(second.value);
  if (!base || !alphaMatch) return undefined;
  const alpha = Number(alphaMatch[1]) / (alphaMatch[2] ? 100 : 1);
  if (!(alpha >= 0 && alpha <= 1)) return undefined;
  return { ...base, alpha: alphaOf(base) * alpha };
}
