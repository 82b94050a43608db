import { parseFontShorthand } from '../../src/core/css-font.js';
import type { StyleDeclaration } from '../../src/core/document.js';
import { defineRule } from '../../src/core/rule.js';
import type { NamedNumber } from '../../src/tokens/brand-model.js';

/** The weight keywords CSS has; `bolder`/`lighter` depend on the parent and are not checked. */
const CSS_WEIGHT_KEYWORDS: Readonly<Record<string, number>> = { normal: 400, bold: 700 };
const CSS_ORIGINS = new Set<StyleDeclaration['origin']>(['stylesheet', 'style-element', 'style-attribute']);

export default defineRule({
  meta: {
    id: 'font-weight-off-brand',
    description: 'Font weights are brand weights.',
    category: 'visual',
    fixable: true,
    defaultLevel: 'warn',
    messages: {
      offBrand: 'Font weight {weight} is not a brand weight; nearest is {nearest} ({nearestValue})',
    },
    cannotApply: (brand) => (brand.fontWeights.length > 0 ? null : 'the brand has no font weights: add fontWeight tokens'),
  },
  check({ document, source, brand, report }) {
    if (!brand || brand.fontWeights.length === 0) return;
    const weights = brand.fontWeights;

    for (const declaration of document.styles) {
      if (declaration.property !== 'font-weight' && declaration.property !== 'font') continue;
      // `@font-face` descriptors describe a face being loaded, not text being set.
      if (declaration.atRules.some((atRule) => /^@font-face\b/i.test(atRule))) continue;
      const { value } = declaration;
      if (source.touchesTemplate(declaration.valueStart, declaration.valueEnd, value)) continue;

      let part: { text: string; start: number; end: number } | undefined;
      if (declaration.property === 'font') part = parseFontShorthand(value)?.weight;
      else {
        const text = value.trim();
        const start = value.length - value.trimStart().length;
        part = { text, start, end: start + text.length };
      }
      if (!part) continue;
      const weight = weightOf(part.text);
      if (weight === null || weights.some((brandWeight) => brandWeight.value === weight)) continue;

      const nearest = nearestWeight(weights, weight);
      const verbatim = source.isVerbatim(declaration);
      const range = source.valueRange(declaration, part.start, part.end);
      const keyword = Object.hasOwn(CSS_WEIGHT_KEYWORDS, part.text.toLowerCase());
      const replacement =
        CSS_ORIGINS.has(declaration.origin) && declaration.customPropertiesAllowed ? `var(${nearest.cssVar})` : String(nearest.value);
      report({
        messageId: 'offBrand',
        data: { weight: keyword ? `${part.text} (${weight})` : part.text, nearest: nearest.name, nearestValue: nearest.value },
        range,
        actual: part.text,
        expected: weights.map((brandWeight) => String(brandWeight.value)),
        ...(verbatim ? { fix: { description: `Use ${nearest.name} (${nearest.value})`, edits: [{ range, text: replacement }] } } : {}),
      });
    }
  },
});

/** A weight as written: a number from 1 to 1000, `normal` or `bold`; null for anything else. */
function weightOf(text: string): number | null {
  const keyword = CSS_WEIGHT_KEYWORDS[text.toLowerCase()];
  if (keyword !== undefined && Object.hasOwn(CSS_WEIGHT_KEYWORDS, text.toLowerCase())) return keyword;
  if (!/^\d+(?:\.\d+)?$/.test(text)) return null;
  const number = Number(text);
  return number >= 1 && number <= 1000 ? number : null;
}

/** The closest brand weight; on a tie the heavier one. */
function nearestWeight(weights: readonly NamedNumber[], weight: number): NamedNumber {
  let best = weights[0] as NamedNumber;
  for (const candidate of weights) {
    const distance = Math.abs(candidate.value - weight);
    const bestDistance = Math.abs(best.value - weight);
    if (distance < bestDistance || (distance === bestDistance && candidate.value > best.value)) best = candidate;
  }
  return best;
}

