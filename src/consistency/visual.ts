/**
 * The colors and font families a file uses, from its style declarations: what
 * `channel-visual-drift` compares across a campaign's channels.
 */
import type { StyleUse, VisualSample } from '../core/campaign.js';
import { colorOptionsFor, findColorLiterals, mayHoldColors, toSrgbHex } from '../core/css-color.js';
import { normalizeFamilyName, parseFontFamilyList, parseFontShorthand } from '../core/css-font.js';
import type { SourceCode } from '../core/source-code.js';

export function visualSampleOf(source: SourceCode): VisualSample {
  const { document } = source;
  const colors: StyleUse[] = [];
  const fonts: StyleUse[] = [];
  for (const declaration of document.styles) {
    const property = declaration.property;
    if (property.startsWith('--') || property.startsWith('$')) continue;
    if (source.touchesTemplate(declaration.valueStart, declaration.valueEnd, declaration.value)) continue;
    const rangeOf = (start: number, end: number) => source.valueRange(declaration, start, end);
    if (property === 'font-family' || property === 'font') {
      const families = property === 'font' ? (parseFontShorthand(declaration.value)?.families ?? []) : parseFontFamilyList(declaration.value);
      const first = families.find((family) => family.kind === 'name');
      if (first) fonts.push({ value: normalizeFamilyName(first.name), text: first.raw, range: rangeOf(first.start, first.end) });
      continue;
    }
    if (!mayHoldColors(property)) continue;
    // Tailwind writes spaces as underscores: bg-[rgb(30_90_168)].
    const value = declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
    for (const literal of findColorLiterals(value, colorOptionsFor(declaration, 0))) {
      if (literal.inVarFallback) continue;
      colors.push({ value: toSrgbHex(literal.color), text: literal.text, range: rangeOf(literal.start, literal.end) });
    }
  }
  return { colors, fonts };
}
