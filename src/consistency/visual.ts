/**
 * The colors and font families a file uses, from its style declarations: what
 * `channel-visual-drift` compares across a campaign's channels.
 */
import type { StyleUse, VisualSample } from '../core/campaign.js';
import { colorOptionsFor, findColorLiterals, mayHoldColors, toSrgbHex } from '../core/css-color.js';
import { normalizeFamilyName, parseFontFamilyList, parseFontShorthand } from '../core/css-font.js';
import type { ContentDocument } from '../core/document.js';
import { touchesTemplate } from '../core/template.js';

export function visualSampleOf(document: ContentDocument): VisualSample {
  const colors: StyleUse[] = [];
  const fonts: StyleUse[] = [];
  for (const declaration of document.styles) {
    const property = declaration.property;
    if (property.startsWith('--') || property.startsWith('$')) continue;
    const { valueRange } = declaration;
    const base = valueRange.start.offset;
    if (touchesTemplate(document, base, valueRange.end.offset, declaration.value)) continue;
    // Offsets inside the value map into the file only when the value is written as the adapter read it.
    const exact = document.text.slice(base, valueRange.end.offset) === declaration.value;
    const rangeOf = (start: number, end: number) => (exact ? document.lines.rangeAt(base + start, base + end) : valueRange);
    if (property === 'font-family' || property === 'font') {
      const families = property === 'font' ? (parseFontShorthand(declaration.value)?.families ?? []) : parseFontFamilyList(declaration.value);
      const first = families.find((family) => family.kind === 'name');
      if (first) fonts.push({ value: normalizeFamilyName(first.name), text: first.raw, range: rangeOf(first.start, first.end) });
      continue;
    }
    if (!mayHoldColors(property)) continue;
    // Tailwind writes spaces as underscores: bg-[rgb(30_90_168)].
    const value = declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
    for (const literal of findColorLiterals(value, { ...colorOptionsFor(declaration), offset: 0 })) {
      if (literal.inVarFallback) continue;
      colors.push({ value: toSrgbHex(literal.color), text: literal.text, range: rangeOf(literal.start, literal.end) });
    }
  }
  return { colors, fonts };
}
