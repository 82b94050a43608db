import * as z from 'zod';
import {
  GENERIC_FONT_FAMILIES,
  isFallbackFamily,
  normalizeFamilyName,
  parseFontFamilyList,
  parseFontShorthand,
  type FontFamily,
} from '../../src/core/css-font.js';
import type { ContentDocument, FontSource, StyleDeclaration } from '../../src/core/document.js';
import type { Range } from '../../src/core/position.js';
import { defineRule } from '../../src/core/rule.js';
import type { FontStack } from '../../src/tokens/brand-model.js';

const options = z.strictObject({
  /** More families accepted after the lead, as if they were fallbacks (e.g. `Noto Sans JP` for Japanese). */
  allow: z.array(z.string().min(1)).default([]),
});

export type FontFamilyOffBrandOptions = z.infer<typeof options>;

const FONT_SOURCE_KINDS: Record<FontSource['kind'], string> = {
  'web-font-link': 'a web-font <link>',
  import: '@import',
  'font-face': '@font-face',
};


export default defineRule<FontFamilyOffBrandOptions>({
  meta: {
    id: 'font-family-off-brand',
    description: 'Font stacks start with a brand font and fall back only to brand or web-safe fonts; web fonts loaded are brand fonts.',
    category: 'visual',
    fixable: true,
    defaultLevel: 'error',
    messages: {
      offBrandLead: '{family} is not a brand font; start the stack with {leads}',
      offBrandFallback: '{family} is neither a brand font nor a web-safe fallback; fall back to {fallbacks} or a generic family',
      fallbackLeads: 'The stack starts with {family}, a fallback; start it with a brand font ({leads})',
      fallbackLeadsFixable: 'The stack starts with {family}, a fallback; start it with a brand font, e.g. the {stack} stack: {css}',
      webFont: '{family} is loaded by {kind} but is not a brand font; load {leads}',
    },
    options,
    cannotApply: (brand) => (brand.fonts.some((stack) => stack.families.length > 0) ? null : 'the brand has no fonts: add fontFamily tokens'),
  },
  check({ document, source, brand, options, report }) {
    if (!brand || brand.fonts.length === 0) return;
    const stacks = brand.fonts.filter((stack) => stack.families.length > 0);
    const leads = new Set(stacks.map((stack) => normalizeFamilyName(stack.families[0] ?? '')));
    const brandFamilies = new Set(stacks.flatMap((stack) => stack.families.map(normalizeFamilyName)));
    const allowed = new Set(options.allow.map(normalizeFamilyName));
    const leadList = listOf(unique(stacks.map((stack) => stack.families[0] ?? '')));
    const fallbackList = unique(stacks.flatMap((stack) => stack.families.slice(1)).filter((family) => !GENERIC_FONT_FAMILIES.includes(family.toLowerCase()))).join(', ');

    for (const declaration of document.styles) {
      const property = declaration.property;
      if (property !== 'font-family' && property !== 'font') continue;
      // `@font-face` descriptors describe a face being loaded, not text being set.
      if (declaration.atRules.some((atRule) => /^@font-face\b/i.test(atRule))) continue;
      const { value } = declaration;
      const { valueStart } = declaration;
      if (source.touchesTemplate(valueStart, declaration.valueEnd, value)) continue;
      // Tailwind writes spaces as underscores: font-['Source_Sans_3'].
      const readable = declaration.origin === 'tailwind' ? value.replace(/_/g, ' ') : value;
      const families = property === 'font' ? (parseFontShorthand(readable)?.families ?? []) : parseFontFamilyList(readable);
      if (families.length === 0 || families.some((family) => family.kind === 'keyword')) continue;
      // A fix may rewrite part of the value only where it is written as the adapter read it.
      const verbatim = source.isVerbatim(declaration);
      const rangeOf = (family: FontFamily): Range => source.valueRange(declaration, family.start, family.end);

      const reportFallbackLead = (family: FontFamily): void => {
        // A fix only for a stack of fallbacks alone: anything else needs a person to decide.
        const fallbackOnly = families.every(
          (other) => other.kind === 'generic' || (other.kind === 'name' && isFallbackStackFamily(other)),
        );
        const quote = verbatim && fallbackOnly ? quoteAround(document, declaration) : null;
        const last = families.at(-1);
        if (quote !== null && last) {
          const stack = nearestStack(families, stacks);
          const css = quote === "'" ? stack.css.replace(/'/g, '"') : stack.css;
          report({
            messageId: 'fallbackLeadsFixable',
            data: { family: family.raw, stack: stack.name, css: stack.css },
            range: rangeOf(family),
            actual: family.name,
            expected: [stack.css],
            fix: {
              description: `Use the ${stack.name} stack`,
              edits: [{ range: document.lines.rangeAt(valueStart + family.start, valueStart + last.end), text: css }],
            },
          });
          return;
        }
        report({
          messageId: 'fallbackLeads',
          data: { family: family.raw, leads: leadList },
          range: rangeOf(family),
          actual: family.name,
          expected: stacks.map((stack) => stack.css),
        });
      };

      // Outlook for Windows cannot load web fonts: an `<!--[if mso]>` stack of fallbacks alone is
      // the standard workaround, so only its off-brand families are reported there.
      const outlookOnly = declaration.atRules.some((atRule) => /^<!--\[if\b[^\]]*\bmso\b/i.test(atRule));

      families.forEach((family, index) => {
        if (family.kind !== 'name') return;
        const name = normalizeFamilyName(family.name);
        if (brandFamilies.has(name)) {
          if (index === 0 && !leads.has(name) && !outlookOnly) reportFallbackLead(family);
          return;
        }
        const fallback = isFallbackFamily(family) || allowed.has(name);
        if (index === 0 && fallback) {
          if (!outlookOnly) reportFallbackLead(family);
        } else if (index === 0) {
          report({
            messageId: 'offBrandLead',
            data: { family: family.raw, leads: leadList },
            range: rangeOf(family),
            actual: family.name,
            expected: stacks.map((stack) => stack.css),
          });
        } else if (!fallback) {
          report({
            messageId: 'offBrandFallback',
            data: { family: family.raw, fallbacks: fallbackList },
            range: rangeOf(family),
            actual: family.name,
          });
        }
      });
      const first = families[0];
      if (first?.kind === 'generic' && !outlookOnly) reportFallbackLead(first);
    }

    function isFallbackStackFamily(family: FontFamily): boolean {
      const name = normalizeFamilyName(family.name);
      return !leads.has(name) && (brandFamilies.has(name) || isFallbackFamily(family) || allowed.has(name));
    }

    for (const fontSource of document.fontSources) {
      const name = normalizeFamilyName(fontSource.family);
      if (name === '' || brandFamilies.has(name)) continue;
      if (source.touchesTemplate(fontSource.range.start.offset, fontSource.range.end.offset, fontSource.family)) continue;
      report({
        messageId: 'webFont',
        data: { family: fontSource.family, kind: FONT_SOURCE_KINDS[fontSource.kind] ?? fontSource.kind, leads: leadList },
        range: fontSource.range,
        actual: fontSource.family,
        expected: stacks.map((stack) => stack.families[0] ?? ''),
      });
    }
  },
});

/**
 * The brand stack a fallback-only stack is closest to: the one sharing the most families with
 * it, ties going to a stack named `body`, then to the first stack.
 */
function nearestStack(families: readonly FontFamily[], stacks: readonly FontStack[]): FontStack {
  const names = new Set(families.map((family) => normalizeFamilyName(family.name)));
  const score = (stack: FontStack) => stack.families.filter((family) => names.has(normalizeFamilyName(family))).length;
  const isBody = (stack: FontStack) => (/(^|[.-])body$/.test(stack.name) ? 1 : 0);
  return [...stacks].sort((a, b) => score(b) - score(a) || isBody(b) - isBody(a))[0] ?? (stacks[0] as FontStack);
}

/**
 * The quote that delimits the attribute around a declaration's value: `'` or `"`, `''` in CSS
 * (where any quote is fine), or null when a fix cannot quote safely (unquoted attribute, Tailwind
 * class, VML, unknown element).
 */
function quoteAround(document: ContentDocument, declaration: StyleDeclaration): string | null {
  const { valueStart } = declaration;
  switch (declaration.origin) {
    case 'stylesheet':
    case 'style-element':
      return '';
    case 'html-attribute': {
      const quote = document.text[valueStart - 1];
      return quote === '"' || quote === "'" ? quote : null;
    }
    case 'style-attribute': {
      const element = declaration.elementId === undefined ? undefined : document.elements[declaration.elementId];
      if (!element) return null;
      const before = document.text.slice(element.range.start.offset, valueStart);
      const attributes = [...before.matchAll(/\sstyle\s*=\s*(["']?)/gi)];
      const quote = attributes.at(-1)?.[1];
      return quote === '"' || quote === "'" ? quote : null;
    }
    default:
      return null;
  }
}


function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `A, B or C`. */
function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
