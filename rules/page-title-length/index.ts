import * as z from 'zod';
import { defineRule } from '../../src/core/rule.js';
import { checkTextLength } from '../_limits/text-length-rule.js';

const options = z.strictObject({
  /** Maximum title length in characters; default the guideline file's `channels.landing.title.maxLength`. */
  maxLength: z.number().int().positive().optional(),
  /** Minimum title length in characters; default the guideline file's `channels.landing.title.minLength`. */
  minLength: z.number().int().positive().optional(),
  /** Characters each template tag (`{{ product.name }}`) counts as. */
  templateTagLength: z.number().int().nonnegative().default(0),
});

export type PageTitleLengthOptions = z.infer<typeof options>;

export default defineRule<PageTitleLengthOptions>({
  meta: {
    id: 'page-title-length',
    description: 'Landing page titles stay within the length limits of the guidelines (what search results and tabs show).',
    category: 'limits',
    fixable: false,
    channels: ['landing'],
    defaultLevel: 'error',
    messages: {
      tooLong: 'Page title is {length} characters; the limit is {limit}',
      tooShort: 'Page title is {length} characters; the minimum is {limit}',
    },
    options,
  },
  check({ source, brand, options, report }) {
    const limits = brand?.channels?.landing?.title;
    checkTextLength(
      source,
      'title',
      { maxLength: options.maxLength ?? limits?.maxLength, minLength: options.minLength ?? limits?.minLength },
      options.templateTagLength,
      report,
    );
  },
});
