import * as z from 'zod';
import { defineRule } from '../../src/core/rule.js';
import { checkTextLength } from '../_limits/text-length-rule.js';

const options = z.strictObject({
  /** Maximum length in characters; default the guideline file's `channels.landing.metaDescription.maxLength`. */
  maxLength: z.number().int().positive().optional(),
  /** Minimum length in characters; default the guideline file's `channels.landing.metaDescription.minLength`. */
  minLength: z.number().int().positive().optional(),
  /** Characters each template tag (`{{ product.name }}`) counts as. */
  templateTagLength: z.number().int().nonnegative().default(0),
});

export type MetaDescriptionLengthOptions = z.infer<typeof options>;

export default defineRule<MetaDescriptionLengthOptions>({
  meta: {
    id: 'meta-description-length',
    description: 'Landing page meta descriptions stay within the length limits of the guidelines (what search results show).',
    category: 'limits',
    fixable: false,
    channels: ['landing'],
    defaultLevel: 'error',
    messages: {
      tooLong: 'Meta description is {length} characters; the limit is {limit}',
      tooShort: 'Meta description is {length} characters; the minimum is {limit}',
    },
    options,
  },
  check({ source, brand, options, report }) {
    const limits = brand?.channels?.landing?.metaDescription;
    checkTextLength(
      source,
      'meta-description',
      { maxLength: options.maxLength ?? limits?.maxLength, minLength: options.minLength ?? limits?.minLength },
      options.templateTagLength,
      report,
    );
  },
});
