import * as z from 'zod';
import { defineRule } from '../../src/core/rule.js';
import { checkTextLength } from '../_limits/text-length-rule.js';
import { rangeOf } from '../../src/core/message-text.js';

const options = z.strictObject({
  /** Maximum subject length in characters; default the guideline file's `channels.email.subject.maxLength`. */
  maxLength: z.number().int().positive().optional(),
  /** Minimum subject length in characters; default the guideline file's `channels.email.subject.minLength`. */
  minLength: z.number().int().positive().optional(),
  /** Exclamation marks allowed in the subject; default the guideline file's `channels.email.subject.maxExclamations`. */
  maxExclamations: z.number().int().nonnegative().optional(),
  /** Characters each template tag (`{{ first_name }}`) counts as: its value is only known at send time. */
  templateTagLength: z.number().int().nonnegative().default(0),
});

export type EmailSubjectLengthOptions = z.infer<typeof options>;

/** Exclamation marks and how many each one is (`‼` is two). */
const EXCLAMATIONS: Readonly<Record<string, number>> = { '!': 1, '！': 1, '‼': 2, '⁉': 1, '❗': 1, '❕': 1 };

export default defineRule<EmailSubjectLengthOptions>({
  meta: {
    id: 'email-subject-length',
    description: 'Email subject lines stay within the length and exclamation limits of the guidelines.',
    category: 'limits',
    fixable: false,
    channels: ['email'],
    defaultLevel: 'error',
    messages: {
      tooLong: 'Subject is {length} characters; the limit is {limit}',
      tooShort: 'Subject is {length} characters; the minimum is {limit}',
      exclamations: 'Subject has {count} exclamation {marks}; the limit is {limit}',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    const limits = brand?.channels?.email?.subject;
    const maxLength = options.maxLength ?? limits?.maxLength;
    const minLength = options.minLength ?? limits?.minLength;
    const maxExclamations = options.maxExclamations ?? limits?.maxExclamations;

    checkTextLength(source, 'subject', { maxLength, minLength }, options.templateTagLength, report);
    if (maxExclamations === undefined) return;

    for (const subject of source.messageTexts(['subject'])) {
      const marks: Array<{ index: number; weight: number }> = [];
      for (let i = 0; i < subject.text.length; i++) {
        const weight = EXCLAMATIONS[subject.text[i]!];
        if (weight !== undefined && !subject.template[i]) marks.push({ index: i, weight });
      }
      const count = marks.reduce((sum, mark) => sum + mark.weight, 0);
      if (count <= maxExclamations) continue;
      // The marks beyond the limit, from the first one over to the last.
      let seen = 0;
      const excess = marks.filter((mark) => (seen += mark.weight) > maxExclamations);
      const first = excess[0]!;
      const last = excess[excess.length - 1]!;
      report({
        messageId: 'exclamations',
        data: { count, marks: count === 1 ? 'mark' : 'marks', limit: maxExclamations },
        range: rangeOf(document, subject, first.index, last.index + 1),
        actual: String(count),
        expected: [`<= ${maxExclamations}`],
      });
    }
  },
});
