import { recogniseLogo } from '../../src/core/logo.js';
import type { Range } from '../../src/core/position.js';
import { defineRule } from '../../src/core/rule.js';


export default defineRule({
  meta: {
    id: 'logo-alt-text',
    description: 'Logo images have alt text that says whose logo it is.',
    category: 'visual',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      missing: 'The logo has no alt attribute; add alt text that names {terms}, e.g. alt="{example}"',
      missingAny: 'The logo has no alt attribute; add alt text that says whose logo it is',
      empty: 'The logo has an empty alt; a logo is not decorative: name {terms}, e.g. alt="{example}"',
      emptyAny: 'The logo has an empty alt; a logo is not decorative: say whose logo it is',
      noMention: 'The logo alt text "{alt}" does not mention {terms}',
    },
  },
  check({ document, source, brand, report }) {
    if (!brand) return;
    const required = brand.logoRules.altText?.required ?? true;
    const mustMention = brand.logoRules.altText?.mustMention ?? [];
    const terms = listOf(mustMention);
    const example = `${mustMention.join(' ')} logo`.trim();

    for (const image of document.images) {
      if (!recogniseLogo(image, brand)) continue;
      if (image.alt === null) {
        if (required) {
          report({
            messageId: mustMention.length > 0 ? 'missing' : 'missingAny',
            data: { terms, example },
            range: image.range,
            ...(mustMention.length > 0 ? { expected: mustMention } : {}),
          });
        }
        continue;
      }
      const altRange: Range = image.altRange ?? image.range;
      if (source.touchesTemplate(altRange.start.offset, altRange.end.offset, image.alt)) continue;
      const alt = image.alt.replace(/\s+/g, ' ').trim();
      if (alt === '') {
        if (required) {
          report({
            messageId: mustMention.length > 0 ? 'empty' : 'emptyAny',
            data: { terms, example },
            range: altRange,
            actual: image.alt,
            ...(mustMention.length > 0 ? { expected: mustMention } : {}),
          });
        }
        continue;
      }
      const lower = alt.toLocaleLowerCase();
      const missing = mustMention.filter((term) => !lower.includes(term.toLocaleLowerCase()));
      if (missing.length === 0) continue;
      report({ messageId: 'noMention', data: { alt, terms: listOf(missing) }, range: altRange, actual: alt, expected: missing });
    }
  },
});


/** `A, B and C`: every term is needed. */
function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}
