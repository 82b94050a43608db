import * as z from 'zod';
import { parseFontShorthand } from '../../src/core/css-font.js';
import {
  formatCssNumber,
  formatPx,
  fromPx,
  parseFontSizeAttribute,
  parseLength,
  toPx,
  type ParsedLength,
} from '../../src/core/css-length.js';
import type { ContentDocument, StyleDeclaration } from '../../src/core/document.js';
import { defineRule } from '../../src/core/rule.js';
import type { NamedLength } from '../../src/tokens/brand-model.js';

/** Units whose size is known without layout; em is read as rem (16px), as if at the root. */
const CHECKED_UNITS = ['px', 'rem', 'em', 'pt'] as const;
/** px a size may differ from a step and still be on it (rounding in rem and pt conversions). */
const TOLERANCE_PX = 0.01;
const REM_BASE = 16;
/** Origins where a fix may write `var(--token)` (when the declaration allows custom properties). */
const CSS_ORIGINS = new Set<StyleDeclaration['origin']>(['stylesheet', 'style-element', 'style-attribute']);

const options = z.strictObject({
  /** Sizes accepted as they are, written as lengths (`'13px'`, `'0.8125rem'`): matched by px size, so `'13px'` also accepts `0.8125rem`. */
  ignore: z.array(z.string().min(1)).default([]),
  /** Units whose sizes are not checked at all, e.g. `['em']` for component-relative sizes. */
  allowUnits: z.array(z.string().min(1).transform((unit) => unit.toLowerCase())).default([]),
});

export type FontSizeOffScaleOptions = z.infer<typeof options>;

export default defineRule<FontSizeOffScaleOptions>({
  meta: {
    id: 'font-size-off-scale',
    description: 'Font sizes are steps of the brand type scale.',
    category: 'visual',
    fixable: true,
    defaultLevel: 'warn',
    messages: {
      offScale: '{size} is not on the type scale; nearest step is {step} ({stepPx})',
      fontTagOffScale:
        '<font size="{htmlSize}"> renders at {size}, which is not on the type scale; nearest step is {step} ({stepPx}); set font-size in CSS instead',
    },
    options,
    cannotApply: (brand) =>
      brand.typeScale.length > 0
        ? null
        : 'the brand has no type scale: add font size tokens (a `font.size` or `fontSize` group of dimension tokens) or name their group with `typeScale:` in the guideline file',
  },
  check({ document, source, brand, options, report }) {
    if (!brand || brand.typeScale.length === 0) return;
    const scale = brand.typeScale;
    const ignoredPx = options.ignore.flatMap((entry) => {
      const length = parseLength(entry);
      const px = length ? toPx(length) : null;
      return px === null ? [] : [px];
    });
    const ignoredText = new Set(options.ignore.map((entry) => entry.trim().toLowerCase()));
    const hiddenGroups = source.hidingGroups;
    let withText: Set<number> | undefined;

    for (const declaration of document.styles) {
      if (declaration.property !== 'font-size' && declaration.property !== 'font') continue;
      const { value } = declaration;
      if (source.touchesTemplate(declaration.valueStart, declaration.valueEnd, value)) continue;
      if (isHidden(document, declaration, hiddenGroups)) continue;
      if (declaration.elementId !== undefined && !(withText ??= elementsWithText(document)).has(declaration.elementId) && !hasAltText(document, declaration.elementId)) continue;
      const verbatim = source.isVerbatim(declaration);

      let length: ParsedLength | null;
      if (declaration.property === 'font') {
        const size = parseFontShorthand(value)?.size;
        length = size ? parseLength(size.text, size.start) : null;
      } else if (declaration.origin === 'html-attribute' && /^\s*[+-]?\d+\s*$/.test(value)) {
        length = parseFontSizeAttribute(value);
      } else {
        length = parseLength(value);
      }
      if (!length) continue;
      const htmlSize = length.htmlSize;
      if (htmlSize === undefined && !(CHECKED_UNITS as readonly string[]).includes(length.unit)) continue;
      if (options.allowUnits.includes(length.unit)) continue;
      const px = toPx(length, { remBase: REM_BASE, emBase: REM_BASE });
      // 0 and 1px are hiding tricks (collapsed whitespace, preheader padding), never a type size.
      if (px === null || px <= 1) continue;
      if (ignoredText.has(length.text.toLowerCase()) || ignoredPx.some((ignored) => Math.abs(ignored - px) <= TOLERANCE_PX)) continue;
      if (scale.some((step) => Math.abs(step.px - px) <= TOLERANCE_PX)) continue;

      const step = nearestStep(scale, px);
      const range = source.valueRange(declaration, length.start, length.end);
      const shown = length.unit === 'px' || htmlSize !== undefined ? formatPx(px) : `${length.text} (${formatPx(px)})`;
      const data = { size: shown, step: step.name, stepPx: formatPx(step.px) };
      const common = { range, actual: htmlSize !== undefined ? `size="${htmlSize}"` : length.text, expected: [step.css] };
      if (htmlSize !== undefined) {
        report({ messageId: 'fontTagOffScale', data: { ...data, htmlSize: length.text }, ...common });
        continue;
      }
      const replacement = replacementFor(declaration, length, step);
      report({
        messageId: 'offScale',
        data,
        ...common,
        ...(verbatim && replacement
          ? { fix: { description: `Use ${step.name} (${formatPx(step.px)})`, edits: [{ range, text: replacement }] } }
          : {}),
      });
    }
  },
});

/** The closest step; on a tie the larger one (easier to read). */
function nearestStep(scale: readonly NamedLength[], px: number): NamedLength {
  let best = scale[0] as NamedLength;
  for (const step of scale) {
    const distance = Math.abs(step.px - px);
    const bestDistance = Math.abs(best.px - px);
    if (distance < bestDistance || (distance === bestDistance && step.px > best.px)) best = step;
  }
  return best;
}

/**
 * What a fix writes: the step's custom property where CSS allows it, else the step in the unit as
 * written (`14px`, `0.875rem`, `10.5pt`). Tailwind classes get the plain length
 * (`text-[var(...)]` would read as a color).
 */
function replacementFor(declaration: StyleDeclaration, length: ParsedLength, step: NamedLength): string | null {
  if (CSS_ORIGINS.has(declaration.origin) && declaration.customPropertiesAllowed && step.cssVar) return `var(${step.cssVar})`;
  const value = fromPx(step.px, length.unit, { remBase: REM_BASE, emBase: REM_BASE });
  return value === null ? null : `${formatCssNumber(value)}${length.unit}`;
}

/**
 * An image with alt text: its own font-size styles that text where images are blocked (styled alt
 * text, as email templates write it on the `<img>`). A cell around images does not count it: its
 * font-size is the whitespace trick.
 */
function hasAltText(document: ContentDocument, elementId: number): boolean {
  const indexed = document.elements[elementId];
  const element = indexed?.id === elementId ? indexed : document.elements.find((candidate) => candidate.id === elementId);
  return (element?.attributes.alt ?? '').trim() !== '';
}

/**
 * Elements with text in them (their own or a descendant's). A font-size on an element without any
 * text sets no type: an email spacer (`<td height="20" style="font-size:20px; line-height:20px">&nbsp;</td>`)
 * or a row of icons, where it only holds a gap open or shrinks the whitespace between images.
 */
function elementsWithText(document: ContentDocument): Set<number> {
  const byId = new Map(document.elements.map((element) => [element.id, element]));
  const withText = new Set<number>();
  for (const element of document.elements) {
    if (!element.hasText) continue;
    for (let at: typeof element | undefined = element; at && !withText.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      withText.add(at.id);
    }
  }
  return withText;
}

/** Declarations on hidden elements, or in a rule that hides, set no visible size. */
function isHidden(document: ContentDocument, declaration: StyleDeclaration, hiddenGroups: ReadonlySet<number>): boolean {
  if (hiddenGroups.has(declaration.groupId)) return true;
  if (declaration.elementId === undefined) return false;
  const element = document.elements[declaration.elementId];
  const byId = element?.id === declaration.elementId ? element : document.elements.find((candidate) => candidate.id === declaration.elementId);
  return byId?.hidden === true;
}

