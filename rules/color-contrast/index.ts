import { allMatches } from '../../src/core/all-matches.js';
import { parse, wcagContrast, type Color } from '../../src/core/culori.js';
import * as z from 'zod';
import { alphaOf, findColorLiterals, findVarReferences, toSrgbHex } from '../../src/core/css-color.js';
import { parseFontShorthand } from '../../src/core/css-font.js';
import { parseFontSizeAttribute, parseLength, toPx } from '../../src/core/css-length.js';
import type { SourceCode } from '../../src/core/source-code.js';
import type { ContentDocument, ElementNode, StyleDeclaration } from '../../src/core/document.js';
import type { Range } from '../../src/core/position.js';
import { defineRule } from '../../src/core/rule.js';
import { contextOf, describeInput, selectorMatches } from '../../src/core/style-context.js';
import type { BrandContext, BrandModel } from '../../src/tokens/brand-model.js';

const options = z.strictObject({});

export type ColorContrastOptions = z.infer<typeof options>;

/** WCAG 2.x success criterion 1.4.3 (AA). */
const NORMAL_RATIO = 4.5;
const LARGE_RATIO = 3;
/** Large text: 18pt (24px), or 14pt (18.66px) bold. */
const LARGE_PX = 24;
const LARGE_BOLD_PX = 18.66;
const BOLD = 700;

/** Where a color or background stands: a known opaque color, nothing set here (look further up), or unknown. */
type Paint =
  | { kind: 'color'; color: Color; hex: string; display: string; range: Range; declaration: StyleDeclaration }
  | { kind: 'none' }
  | { kind: 'unknown' };

interface TextStyle {
  sizePx: number | null;
  weight: number | null;
}

interface Pair {
  text: Extract<Paint, { kind: 'color' }>;
  background: Extract<Paint, { kind: 'color' }>;
  large: boolean;
}

const ORIGIN_PRIORITY: Record<StyleDeclaration['origin'], number> = {
  'html-attribute': 0,
  vml: 0,
  tailwind: 1,
  'style-attribute': 2,
  'style-element': 0,
  stylesheet: 0,
};

const BOLD_TAGS = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Browser default sizes of headings at a 16px root. */
const HEADING_PX: Record<string, number> = { h1: 32, h2: 24, h3: 18.72, h4: 16, h5: 13.28, h6: 10.72 };
/** Elements whose text is not shown. */
const NOT_RENDERED = new Set(['head', 'title', 'style', 'script', 'template', 'noscript', 'mj-style', 'mj-title', 'mj-preview']);
const BACKGROUND_PROPERTIES = new Set(['background', 'background-color', 'background-image']);
/** Selectors of dark-mode overrides in email (Outlook.com's `[data-ogsc]`, `[data-ogsb]`). */
const DARK_MODE_SELECTOR = /\[data-og[sb][cb]?\]|prefers-color-scheme/i;

export default defineRule<ColorContrastOptions>({
  meta: {
    id: 'color-contrast',
    description: 'Text and background colors meet WCAG 2.x AA contrast (4.5:1, 3:1 for large text).',
    category: 'visual',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      lowContrast: '{color} on {background} has a contrast ratio of {ratio}:1; WCAG AA needs {required}:1 for {size} text',
      lowContrastIn: '{color} on {background} has a contrast ratio of {ratio}:1 in {context}; WCAG AA needs {required}:1 for {size} text',
    },
    options,
  },
  check({ document, source, brand, report }) {
    const context = new ContrastContext(source, brand);
    const pairs = new Map<string, Pair>();
    const add = (pair: Pair): void => {
      const key = `${pair.text.range.start.offset}:${pair.text.range.end.offset}|${pair.background.range.start.offset}:${pair.background.range.end.offset}`;
      const existing = pairs.get(key);
      // The same two declarations met by several elements: the strictest requirement counts.
      if (!existing || (existing.large && !pair.large)) pairs.set(key, pair);
    };

    for (const group of context.sheetGroups()) {
      const pair = context.pairOfGroup(group);
      if (pair) add(pair);
    }
    for (const element of document.elements) {
      if (!element.hasText || NOT_RENDERED.has(element.tag)) continue;
      const pair = context.pairOfElement(element);
      if (pair) add(pair);
    }

    // Dark mode (and other contexts' scopes): their rules override what elements show, and are
    // checked with the backgrounds they end up on, in that context.
    const contextPairs = new Map<string, Pair & { context: string }>();
    if (brand?.contexts) {
      for (const { context, label, declarations } of scopedRules(document, brand)) {
        const scoped = new ContrastContext(source, { ...brand, palette: context.palette }, declarations);
        for (const element of document.elements) {
          if (!element.hasText || NOT_RENDERED.has(element.tag)) continue;
          const pair = scoped.pairOfElement(element);
          if (!pair || !(scoped.isOverlay(pair.text.declaration) || scoped.isOverlay(pair.background.declaration))) continue;
          const key = `${context.name}|${pair.text.range.start.offset}:${pair.text.range.end.offset}|${pair.background.range.start.offset}:${pair.background.range.end.offset}`;
          const existing = contextPairs.get(key);
          if (!existing || (existing.large && !pair.large)) contextPairs.set(key, { ...pair, context: label });
        }
      }
    }

    for (const pair of [...pairs.values(), ...contextPairs.values()] as Array<Pair & { context?: string }>) {
      const { text, background, large } = pair;
      // A rule inside a dark-mode block is about dark mode: say so.
      const scope = pair.context === undefined && brand?.contexts ? contextOf(brand, text.declaration) : null;
      const context = pair.context ?? (scope && brand?.contexts ? describeInput(brand.contexts, scope.input) : undefined);
      const ratio = wcagContrast(text.color, background.color);
      const required = large ? LARGE_RATIO : NORMAL_RATIO;
      if (ratio >= required) continue;
      report({
        messageId: context ? 'lowContrastIn' : 'lowContrast',
        data: {
          ...(context ? { context } : {}),
          color: text.display,
          background: background.display,
          ratio: (Math.floor(ratio * 100) / 100).toFixed(2),
          required: String(required),
          size: large ? 'large' : 'normal',
        },
        range: text.range,
        related: [{ file: document.file, range: background.range, message: `background ${background.display}` }],
        actual: `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`,
        expected: [`${required}:1`],
      });
    }
  },
});

/** What the rule knows about a document: declarations by element and by CSS rule, custom properties, what stylesheets may style. */
class ContrastContext {
  private readonly elements = new Map<number, ElementNode>();
  private readonly byElement = new Map<number, StyleDeclaration[]>();
  private readonly byGroup = new Map<number, StyleDeclaration[]>();
  private readonly definitions = new Map<string, StyleDeclaration[]>();
  /** Class names, ids and tags that stylesheet rules give a color / a background. */
  private readonly sheetColor = new SelectorKeys();
  private readonly sheetBackground = new SelectorKeys();
  private readonly resolving = new Set<string>();

  private readonly document: ContentDocument;
  /** Rules of another context (dark mode) by the element they apply to; they override what the element shows. */
  private readonly overlay = new Map<number, StyleDeclaration[]>();
  private readonly overlaid = new Set<StyleDeclaration>();

  constructor(
    private readonly source: SourceCode,
    private readonly brand: BrandModel | null,
    contextRules: readonly StyleDeclaration[] = [],
  ) {
    const { document } = source;
    this.document = document;
    for (const element of document.elements) this.elements.set(element.id, element);
    const parentOf = (element: ElementNode) => (element.parentId === null ? undefined : this.elements.get(element.parentId));
    for (const declaration of contextRules) {
      this.overlaid.add(declaration);
      for (const element of document.elements) {
        if (selectorMatches(declaration.selector ?? '', element, parentOf)) push(this.overlay, element.id, declaration);
      }
    }
    const withElements = document.elements.length > 0;
    for (const declaration of document.styles) {
      if (declaration.property.startsWith('--')) {
        if (declaration.atRules.length === 0 && !DARK_MODE_SELECTOR.test(declaration.selector ?? '')) push(this.definitions, declaration.property, declaration);
        continue;
      }
      if (declaration.elementId !== undefined) {
        // `hover:` and `dark:` classes apply in another state: the default rendering is what is checked.
        // Outlook's conditional comments (`<!--[if mso]>`) are the rendering in Outlook: checked.
        const conditional = declaration.atRules.some((atRule) => !atRule.startsWith('<!--[if'));
        if (!conditional && declaration.selector === undefined) push(this.byElement, declaration.elementId, declaration);
        continue;
      }
      push(this.byGroup, declaration.groupId, declaration);
      // What stylesheet rules may color is asked only about elements (a stylesheet alone has none).
      if (!withElements || declaration.selector === undefined) continue;
      const keys = declaration.property === 'color' ? this.sheetColor : BACKGROUND_PROPERTIES.has(declaration.property) ? this.sheetBackground : null;
      if (!keys) continue;
      const conditional = declaration.atRules.some((atRule) => /prefers-color-scheme/i.test(atRule)) || DARK_MODE_SELECTOR.test(declaration.selector);
      if (!conditional) keys.addSelector(declaration.selector);
    }
  }

  /** Whether a declaration is a rule of the context this pass checks. */
  isOverlay(declaration: StyleDeclaration): boolean {
    return this.overlaid.has(declaration);
  }

  /** Declarations of stylesheet and `<style>` rules, one list per rule. */
  *sheetGroups(): Iterable<StyleDeclaration[]> {
    yield* this.byGroup.values();
  }

  /** A text/background pair set by one CSS rule. */
  pairOfGroup(declarations: StyleDeclaration[]): Pair | null {
    const color = lastOf(declarations, (d) => d.property === 'color');
    const background = lastOf(declarations, (d) => d.property === 'background' || d.property === 'background-color');
    if (!color || !background) return null;
    if (declarations.some((declaration) => hides(declaration))) return null;
    if (declarations.some((d) => isBackgroundImage(d))) return null;
    const text = this.textPaint(color);
    const behind = this.backgroundPaint(background);
    if (text.kind !== 'color' || behind.kind !== 'color') return null;
    return { text, background: behind, large: isLarge(fontOf(declarations)) };
  }

  /**
   * The pair an element's own text shows: its color (own or inherited through inline styles and
   * attributes) on the background of itself or its nearest ancestor that sets one. Null when
   * either is unknown, the element is hidden, or a stylesheet rule may set either in between.
   */
  pairOfElement(element: ElementNode): Pair | null {
    const path: ElementNode[] = [];
    for (let current: ElementNode | undefined = element; current; current = current.parentId === null ? undefined : this.elements.get(current.parentId)) {
      if (current.hidden || this.isHiddenByStyle(current)) return null;
      path.push(current);
    }

    // Inline styles and attributes win over stylesheet rules, so a rule only matters where the
    // element itself sets nothing.
    let text: Paint = { kind: 'none' };
    for (const current of path) {
      const declaration = this.winning(current, (d) => d.property === 'color');
      text = declaration ? this.textPaint(declaration) : { kind: 'none' };
      if (text.kind !== 'none') break;
      if (this.sheetColor.matches(current)) return null;
      // Links have their own color in every client unless they set one.
      if (current.tag === 'a') return null;
    }
    if (text.kind !== 'color') return null;

    let background: Paint = { kind: 'none' };
    for (const current of path) {
      const declarations = this.byElement.get(current.id) ?? [];
      if (declarations.some((d) => isBackgroundImage(d))) return null;
      const declaration = this.winning(current, (d) => d.property === 'background' || d.property === 'background-color');
      background = declaration ? this.backgroundPaint(declaration) : { kind: 'none' };
      if (background.kind !== 'none') break;
      if (this.sheetBackground.matches(current)) return null;
    }
    if (background.kind !== 'color') return null;

    return { text, background, large: isLarge(this.fontOfPath(path)) };
  }

  /** The declaration that wins on an element among those matching: `style=""` over Tailwind classes over attributes, `!important` first, later over earlier. */
  private winning(element: ElementNode, test: (declaration: StyleDeclaration) => boolean): StyleDeclaration | undefined {
    let best: StyleDeclaration | undefined;
    // A context's stylesheet rule beats attributes, loses to style="" unless it is !important.
    const score = (d: StyleDeclaration) => (d.important ? 10 : 0) + (this.overlaid.has(d) ? 0.5 : ORIGIN_PRIORITY[d.origin]);
    const overlay = this.overlay.get(element.id);
    for (const declaration of overlay ? [...(this.byElement.get(element.id) ?? []), ...overlay] : (this.byElement.get(element.id) ?? [])) {
      if (!test(declaration)) continue;
      if (!best || score(declaration) >= score(best)) best = declaration;
    }
    return best;
  }

  private isHiddenByStyle(element: ElementNode): boolean {
    return (this.byElement.get(element.id) ?? []).some((declaration) => hides(declaration));
  }

  /** Font size and weight of an element's text: the nearest inline setting, else what the tags imply. */
  private fontOfPath(path: ElementNode[]): TextStyle {
    let sizePx: number | null | undefined;
    let weight: number | null | undefined;
    for (const element of path) {
      const font = fontOf(this.byElement.get(element.id) ?? []);
      if (sizePx === undefined && font.sizePx !== undefined) sizePx = font.sizePx;
      if (weight === undefined && font.weight !== undefined) weight = font.weight;
      if (sizePx === undefined && Object.hasOwn(HEADING_PX, element.tag)) sizePx = HEADING_PX[element.tag] ?? null;
      if (weight === undefined && BOLD_TAGS.has(element.tag)) weight = BOLD;
      if (sizePx !== undefined && weight !== undefined) break;
    }
    return { sizePx: sizePx ?? null, weight: weight ?? null };
  }

  /** The text color a `color` declaration sets. */
  private textPaint(declaration: StyleDeclaration): Paint {
    const value = declaration.value.trim().toLowerCase();
    if (value === 'inherit' || value === 'unset' || value === 'currentcolor') return { kind: 'none' };
    return this.paintOf(declaration);
  }

  /** The background color a `background` or `background-color` declaration sets. */
  private backgroundPaint(declaration: StyleDeclaration): Paint {
    const value = declaration.value.trim().toLowerCase();
    if (value === 'transparent' || value === 'none' || value === 'inherit' || value === 'unset' || value === 'initial') return { kind: 'none' };
    if (declaration.property === 'background') {
      if (isBackgroundImage(declaration)) return { kind: 'unknown' };
      // `#1f5135 no-repeat`: the one color of the shorthand.
      const literals = this.literalsOf(declaration);
      const references = findVarReferences(this.valueOf(declaration));
      if (literals.length === 1 && references.length === 0 && literals[0]) return this.paintOfLiteral(declaration, literals[0]);
      return this.paintOf(declaration);
    }
    return this.paintOf(declaration);
  }

  /** A value that is one color: a literal, or a `var()` this document or the brand defines. */
  private paintOf(declaration: StyleDeclaration): Paint {
    const value = this.valueOf(declaration);
    if (this.source.touchesTemplate(declaration.valueStart, declaration.valueEnd, declaration.value)) return { kind: 'unknown' };
    const trimmed = value.trim();
    const leading = value.length - value.trimStart().length;
    const literals = this.literalsOf(declaration);
    const only = literals[0];
    if (literals.length === 1 && only && only.start === leading && only.end === leading + trimmed.length) {
      return this.paintOfLiteral(declaration, only);
    }
    const [reference] = findVarReferences(trimmed);
    if (reference && reference.start === 0 && reference.end === trimmed.length) {
      const color = this.resolveVar(reference.name, reference.fallback?.text);
      if (!color || alphaOf(color) < 1) return { kind: 'unknown' };
      const hex = toSrgbHex(color);
      return { kind: 'color', color, hex, display: `${trimmed} (${hex})`, range: this.rangeOf(declaration, leading, leading + trimmed.length), declaration };
    }
    return { kind: 'unknown' };
  }

  private paintOfLiteral(declaration: StyleDeclaration, literal: { text: string; start: number; end: number; color: Color }): Paint {
    // Translucent colors show whatever is behind them.
    if (alphaOf(literal.color) < 1) return { kind: 'unknown' };
    return {
      kind: 'color',
      color: literal.color,
      hex: toSrgbHex(literal.color),
      display: literal.text,
      range: this.rangeOf(declaration, literal.start, literal.end),
      declaration,
    };
  }

  private valueOf(declaration: StyleDeclaration): string {
    return declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
  }

  private literalsOf(declaration: StyleDeclaration) {
    return findColorLiterals(this.valueOf(declaration), {
      legacyAttribute: declaration.origin === 'html-attribute' || declaration.origin === 'vml',
    });
  }

  /** The file range of `[start, end)` of a declaration's value. */
  private rangeOf(declaration: StyleDeclaration, start: number, end: number): Range {
    return this.source.valueRange(declaration, start, end);
  }

  /** A custom property's color: the document's own definitions when they agree, else the brand token, else the fallback. */
  private resolveVar(name: string, fallback: string | undefined): Color | undefined {
    if (this.resolving.has(name)) return undefined;
    this.resolving.add(name);
    try {
      const definitions = this.definitions.get(name);
      if (definitions && definitions.length > 0) {
        const colors = definitions.map((definition) => this.paintOf(definition));
        const first = colors[0];
        if (first?.kind === 'color' && colors.every((paint) => paint.kind === 'color' && paint.hex === first.hex)) return first.color;
        return undefined;
      }
      const token = this.brand?.palette.find((entry) => entry.cssVar === name);
      if (token) return parse(token.hex);
      if (fallback === undefined) return undefined;
      const literals = findColorLiterals(fallback);
      if (literals.length === 1 && literals[0]?.text === fallback) return literals[0].color;
      const [reference] = findVarReferences(fallback);
      if (reference && reference.start === 0 && reference.end === fallback.length) return this.resolveVar(reference.name, reference.fallback?.text);
      return undefined;
    } finally {
      this.resolving.delete(name);
    }
  }
}

/** Class names, ids and tag names that stylesheet selectors mention; `*` and attribute-only selectors match everything. */
class SelectorKeys {
  private readonly classes = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly tags = new Set<string>();
  private any = false;

  addSelector(selector: string): void {
    for (const part of selector.split(',')) {
      // The subject is the last compound selector.
      const compound = part.trim().split(/\s*[\s>+~]\s*/).at(-1) ?? '';
      const withoutPseudo = compound.replace(/::?[\w-]+(\([^)]*\))?/g, '');
      let keyed = false;
      for (const match of allMatches(withoutPseudo, /\.(-?[\w-]+)/g)) {
        if (match[1]) this.classes.add(match[1]);
        keyed = true;
      }
      for (const match of allMatches(withoutPseudo, /#(-?[\w-]+)/g)) {
        if (match[1]) this.ids.add(match[1]);
        keyed = true;
      }
      const tag = /^([a-z][a-z0-9-]*)/i.exec(withoutPseudo)?.[1];
      if (tag) {
        this.tags.add(tag.toLowerCase());
        keyed = true;
      }
      if (!keyed) this.any = true;
    }
  }

  matches(element: ElementNode): boolean {
    if (this.any) return true;
    if (this.tags.has(element.tag)) return true;
    if (element.classes.some((name) => this.classes.has(name))) return true;
    const id = element.attributes.id;
    return id !== undefined && this.ids.has(id);
  }
}

/** Font size (px) and weight set by declarations, `undefined` when none sets it, null when set but unknown. */
function fontOf(declarations: readonly StyleDeclaration[]): { sizePx?: number | null; weight?: number | null } {
  const result: { sizePx?: number | null; weight?: number | null } = {};
  for (const declaration of declarations) {
    const value = declaration.value;
    if (declaration.property === 'font-size') {
      const length = declaration.origin === 'html-attribute' && /^\s*[+-]?\d+\s*$/.test(value) ? parseFontSizeAttribute(value) : parseLength(value);
      result.sizePx = length && length.unit !== '%' && length.unit !== 'em' ? toPx(length) : null;
    } else if (declaration.property === 'font-weight') {
      result.weight = weightOf(value);
    } else if (declaration.property === 'font') {
      const font = parseFontShorthand(value);
      const length = font?.size ? parseLength(font.size.text) : null;
      result.sizePx = length && length.unit !== '%' && length.unit !== 'em' ? toPx(length) : null;
      result.weight = font?.weight ? weightOf(font.weight.text) : 400;
    }
  }
  return result;
}

function weightOf(value: string): number | null {
  const text = value.trim().toLowerCase();
  if (text === 'bold') return 700;
  if (text === 'normal') return 400;
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : null;
}

function isLarge(font: { sizePx?: number | null; weight?: number | null }): boolean {
  const size = font.sizePx ?? null;
  if (size === null) return false;
  return size >= LARGE_PX || (size >= LARGE_BOLD_PX && (font.weight ?? 400) >= BOLD);
}

/** A background image (or gradient) covers the background color: what is behind the text is unknown. */
function isBackgroundImage(declaration: StyleDeclaration): boolean {
  // Tailwind gradient stops (`from-[#1f5135]`) read as background colors, but paint a gradient.
  if (declaration.origin === 'tailwind' && /(?:^|:)!?(?:from|via|to)-\[/.test(declaration.sourceName ?? '')) return true;
  if (declaration.property === 'background-image') return !/^\s*(?:none|initial|unset)?\s*$/i.test(declaration.value);
  return declaration.property === 'background' && /\b(?:url|image-set|[a-z-]*gradient|image|element|cross-fade)\(/i.test(declaration.value);
}

function hides(declaration: StyleDeclaration): boolean {
  if (declaration.property !== 'display' && declaration.property !== 'mso-hide') return false;
  const value = declaration.value.trim().toLowerCase();
  return (declaration.property === 'display' && value === 'none') || (declaration.property === 'mso-hide' && value === 'all');
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


/** Stylesheet rules scoped to another context of the brand (dark mode, a sub-brand scope), by context. */
function scopedRules(document: ContentDocument, brand: BrandModel): Array<{ context: BrandContext; label: string; declarations: StyleDeclaration[] }> {
  const contexts = brand.contexts;
  if (!contexts) return [];
  const byName = new Map<string, { context: BrandContext; label: string; declarations: StyleDeclaration[] }>();
  for (const declaration of document.styles) {
    if (declaration.elementId !== undefined || declaration.selector === undefined || declaration.property.startsWith('--')) continue;
    const context = contextOf(brand, declaration);
    if (!context) continue;
    let entry = byName.get(context.name);
    if (!entry) {
      entry = { context, label: describeInput(contexts, context.input), declarations: [] };
      byName.set(context.name, entry);
    }
    entry.declarations.push(declaration);
  }
  return [...byName.values()];
}
