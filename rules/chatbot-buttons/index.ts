import * as z from 'zod';
import { defineRule } from '../../src/core/rule.js';
import { CHATBOT_PLATFORM_DEFAULTS, chatbotPlatformName, platformOf, stricter } from '../_limits/platforms.js';

const options = z.strictObject({
  /** Maximum buttons (quick replies) per reply; default the guideline file's `channels.chatbot.maxButtons`. */
  maxButtons: z.number().int().positive().optional(),
});

export type ChatbotButtonsOptions = z.infer<typeof options>;

export default defineRule<ChatbotButtonsOptions>({
  meta: {
    id: 'chatbot-buttons',
    description: "Bot replies offer no more buttons than the guidelines and their messaging platform allow.",
    category: 'limits',
    fixable: false,
    channels: ['chatbot'],
    defaultLevel: 'error',
    messages: {
      tooMany: '{what} has {count} buttons; the limit is {limit}',
    },
    options,
  },
  check({ document, brand, options, report }) {
    const brandLimit = options.maxButtons ?? brand?.channels?.chatbot?.maxButtons;
    const buttonsByMessage = new Map<string, typeof document.textRuns>();
    for (const run of document.textRuns) {
      if (run.scope !== 'button') continue;
      const list = buttonsByMessage.get(run.messageId);
      if (list) list.push(run);
      else buttonsByMessage.set(run.messageId, [run]);
    }
    for (const [messageId, buttons] of buttonsByMessage) {
      const message = document.messages.find((candidate) => candidate.id === messageId);
      const platform = platformOf(document, message);
      const platformLimit = platform === undefined ? undefined : CHATBOT_PLATFORM_DEFAULTS[platform]?.maxButtons;
      const limit = stricter(brandLimit, platformLimit);
      if (limit === undefined || buttons.length <= limit) continue;
      const sorted = [...buttons].sort((a, b) => a.range.start.offset - b.range.start.offset);
      const what = platform !== undefined && limit === platformLimit && limit !== brandLimit ? `${chatbotPlatformName(platform)} reply` : 'Reply';
      report({
        messageId: 'tooMany',
        data: { what, count: buttons.length, limit },
        // The buttons beyond the limit, from the first of them to the last.
        range: { start: sorted[limit]!.range.start, end: sorted[sorted.length - 1]!.range.end },
        actual: String(buttons.length),
        expected: [`<= ${limit}`],
      });
    }
  },
});
