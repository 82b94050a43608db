import * as z from 'zod';
import type { ContentDocument } from '../../src/core/document.js';
import type { Range } from '../../src/core/position.js';
import { defineRule } from '../../src/core/rule.js';
import { checkTextLength } from '../_limits/text-length-rule.js';

const options = z.strictObject({
  /** Every email needs a preheader; default the guideline file's `channels.email.preheader.required`. */
  required: z.boolean().optional(),
  /** Maximum preheader length in characters; default the guideline file's `channels.email.preheader.maxLength`. */
  maxLength: z.number().int().positive().optional(),
  /** Minimum preheader length in characters; default the guideline file's `channels.email.preheader.minLength`. */
  minLength: z.number().int().positive().optional(),
  /** Characters each template tag (`{{ first_name }}`) counts as: its value is only known at send time. */
  templateTagLength: z.number().int().nonnegative().default(0),
});

export type EmailPreheaderOptions = z.infer<typeof options>;

export default defineRule<EmailPreheaderOptions>({
  meta: {
    id: 'email-preheader',
    description: 'Emails have a preheader (preview text) when the guidelines require one, within its length limits.',
    category: 'limits',
    fixable: false,
    channels: ['email'],
    defaultLevel: 'error',
    messages: {
      missing: 'The email has no preheader; add the preview text that inboxes show after the subject (a hidden first block)',
      tooLong: 'Preheader is {length} characters; the limit is {limit}',
      tooShort: 'Preheader is {length} characters; the minimum is {limit}',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    const limits = brand?.channels?.email?.preheader;
    const required = options.required ?? limits?.required ?? false;
    const maxLength = options.maxLength ?? limits?.maxLength;
    const minLength = options.minLength ?? limits?.minLength;

    if (document.metadata.preheader === undefined && !hasTemplatePreheader(document)) {
      // A plain-text message has no preview text to set: inboxes show its first line.
      const body = bodyTag(document);
      if (required && body) report({ messageId: 'missing', range: body });
      return;
    }
    checkTextLength(source, 'preheader', { maxLength, minLength }, options.templateTagLength, report);
  },
});

/** A hidden block holding only template syntax (`{{ preheader }}`): a preheader filled in at send time. */
function hasTemplatePreheader(document: ContentDocument): boolean {
  return document.elements.some(
    (element) =>
      element.hidden &&
      element.hasText &&
      document.templateRanges.some((range) => range.start.offset >= element.range.start.offset && range.end.offset <= element.range.end.offset),
  );
}

/** The start tag of `<body>` (`<mj-body>`), where a preheader belongs; null for a document without one. */
function bodyTag(document: ContentDocument): Range | null {
  const body = document.elements.find((element) => element.tag === 'body' || element.tag === 'mj-body');
  if (!body) return null;
  const start = body.range.start.offset;
  const close = document.text.indexOf('>', start);
  return document.lines.rangeAt(start, close >= 0 && close < body.range.end.offset ? close + 1 : body.range.end.offset);
}
