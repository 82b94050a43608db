import * as z from 'zod';
import { defineRule } from '../../src/core/rule.js';
import { attachedLinks } from '../_limits/attached-links.js';
import { analyseSms, smsOverflowStart } from '../_limits/gsm7.js';
import { rangeOf, type MessageText } from '../../src/core/message-text.js';
import { platformOf } from '../_limits/platforms.js';

const options = z.strictObject({
  /** Segments an SMS may take; default the guideline file's `channels.sms.maxSegments`, else 1. */
  maxSegments: z.number().int().positive().optional(),
  /** Characters each template tag (`{first_name}`) counts as: its value is only known at send time. */
  templateTagLength: z.number().int().nonnegative().default(0),
});

export type SmsLengthOptions = z.infer<typeof options>;

export default defineRule<SmsLengthOptions>({
  meta: {
    id: 'sms-length',
    description: 'SMS messages fit their segments: 160 GSM-7 or 70 UCS-2 characters in one, 153 or 67 each when concatenated.',
    category: 'limits',
    fixable: false,
    channels: ['social', 'chatbot'],
    defaultLevel: 'error',
    messages: {
      tooLong: 'SMS is {units} {encoding} characters{because}, {segments} segments; the limit is {limit} ({capacity} characters)',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    const maxSegments = options.maxSegments ?? brand?.channels?.sms?.maxSegments ?? 1;
    // Posts and bot replies for the `sms` platform (front matter, a CSV column, a Rasa `channel:`).
    const messages = source.messageTexts(['post', 'heading', 'bot-reply']).filter((message) => platformOf(document, message.message) === 'sms');
    const firstPostId = document.messages.find((message) => message.kind === 'post')?.id;
    for (const message of messages) {
      const { text: written, indices } = sendText(message, options.templateTagLength);
      // A link a scheduler attaches (a CSV link column, front matter `link:`) is sent after a space.
      let text = written;
      const attached = message.message?.kind === 'post' ? attachedLinks(document, message, message.messageId === firstPostId) : [];
      for (const link of attached) {
        const added = ` ${link.href}`;
        text += added;
        for (let k = 0; k < added.length; k++) indices.push(message.text.length);
      }
      const analysis = analyseSms(text);
      const overflow = smsOverflowStart(analysis, maxSegments);
      if (overflow === null) continue;
      const toMessage = (index: number) => indices[index] ?? message.text.length;
      const start = toMessage(overflow);
      const capacity = maxSegments === 1 ? analysis.singleSegment : analysis.multiSegment * maxSegments;
      const first = analysis.firstUnicode;
      const firstRange = first ? rangeOf(document, message, toMessage(first.start), toMessage(first.start) + first.text.length) : undefined;
      report({
        messageId: 'tooLong',
        data: {
          units: analysis.units,
          encoding: analysis.encoding,
          because: first ? ` because of "${first.text}"` : '',
          segments: analysis.segments,
          limit: maxSegments === 1 ? '1 segment' : `${maxSegments} segments`,
          capacity,
        },
        // Past the written text, what does not fit is the attached link.
        range: start < message.text.length ? rangeOf(document, message, start, message.text.length) : (attached[attached.length - 1]?.range ?? rangeOf(document, message, start, start)),
        actual: `${analysis.segments} segments`,
        expected: [`<= ${maxSegments}`],
        ...(first && firstRange
          ? {
              related: [
                {
                  file: document.file,
                  range: firstRange,
                  message: `"${first.text}" is not in the GSM-7 alphabet, so the whole SMS is sent as UCS-2 (70 characters per segment)`,
                },
              ],
            }
          : {}),
      });
    }
  },
});

/**
 * The text as sent: each template tag replaced by `templateTagLength` GSM-7 characters (a merged
 * name or code is assumed to be plain Latin), with the index in the message text of each character.
 */
function sendText(message: MessageText, templateTagLength: number): { text: string; indices: number[] } {
  let text = '';
  const indices: number[] = [];
  for (let i = 0; i < message.text.length; i++) {
    if (!message.template[i]) {
      text += message.text[i];
      indices.push(i);
      continue;
    }
    if (message.templateStarts.includes(i)) {
      for (let k = 0; k < templateTagLength; k++) {
        text += 'x';
        indices.push(i);
      }
    }
  }
  return { text, indices };
}
