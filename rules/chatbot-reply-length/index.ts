import * as z from 'zod';
import { defineRule } from '../../src/core/rule.js';
import { characterLength, characterUnits, overflowStart } from '../_limits/measure.js';
import { rangeOf } from '../../src/core/message-text.js';
import { CHATBOT_PLATFORM_DEFAULTS, chatbotPlatformName, platformOf, stricter } from '../_limits/platforms.js';

const options = z.strictObject({
  /** Maximum characters per bot reply; default the guideline file's `channels.chatbot.maxReplyLength`. */
  maxReplyLength: z.number().int().positive().optional(),
  /** Characters each slot (`{name}`, `${user.name}`) counts as: its value is only known when the bot answers. */
  templateTagLength: z.number().int().nonnegative().default(0),
});

export type ChatbotReplyLengthOptions = z.infer<typeof options>;

export default defineRule<ChatbotReplyLengthOptions>({
  meta: {
    id: 'chatbot-reply-length',
    description: "Bot replies stay within the guidelines' length limit and their messaging platform's.",
    category: 'limits',
    fixable: false,
    channels: ['chatbot'],
    defaultLevel: 'error',
    messages: {
      tooLong: '{what} is {length} characters; the limit is {limit}',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    const brandLimit = options.maxReplyLength ?? brand?.channels?.chatbot?.maxReplyLength;
    for (const reply of source.messageTexts(['bot-reply'])) {
      const platform = platformOf(document, reply.message);
      // A reply sent as a text message has segments, not a character limit: sms-length checks it.
      if (platform === 'sms') continue;
      const platformLimit = platform === undefined ? undefined : CHATBOT_PLATFORM_DEFAULTS[platform]?.maxReplyLength;
      const limit = stricter(brandLimit, platformLimit);
      if (limit === undefined) continue;
      const length = characterLength(reply, options.templateTagLength);
      if (length <= limit) continue;
      const start = overflowStart(characterUnits(reply, options.templateTagLength), limit) ?? 0;
      const what = platform !== undefined && limit === platformLimit && limit !== brandLimit ? `${chatbotPlatformName(platform)} reply` : 'Reply';
      report({
        messageId: 'tooLong',
        data: { what, length, limit },
        range: rangeOf(document, reply, start, reply.text.length),
        actual: String(length),
        expected: [`<= ${limit}`],
      });
    }
  },
});
