import * as z from 'zod';
import { GUIDELINE_CHANNELS, type GuidelineChannel } from '../../src/core/channels.js';
import { isMasked, proseRange } from '../../src/core/prose.js';
import { defineRule } from '../../src/core/rule.js';
import { findEmoji } from '../_limits/measure.js';
import { platformOf } from '../_limits/platforms.js';

const options = z.strictObject({
  /** `true`, `false`, or the channels where emoji are allowed; default the guideline file's `voice.emoji.allowed`. */
  allowed: z.union([z.boolean(), z.array(z.enum(GUIDELINE_CHANNELS))]).optional(),
});

export type EmojiNotAllowedOptions = z.infer<typeof options>;

export default defineRule<EmojiNotAllowedOptions>({
  meta: {
    id: 'emoji-not-allowed',
    description: 'Emoji appear only in the channels where the guidelines allow them.',
    category: 'voice',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      notInChannel: 'No emoji in {channel} content ({emoji}); the guidelines allow emoji only in {allowed}',
      none: 'No emoji ({emoji}); the guidelines allow none',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    const allowed = options.allowed ?? brand?.voice?.emoji?.allowed;
    // Without a rule on emoji, emoji are fine everywhere.
    if (allowed === undefined || allowed === true) return;
    const allowedList = allowed === false ? [] : allowed;

    for (const message of source.prose) {
      // A post or bot reply sent as a text message is SMS content.
      const sms = (document.channel === 'social' || document.channel === 'chatbot') && platformOf(document, message.message) === 'sms';
      const channel: GuidelineChannel = sms ? 'sms' : document.channel;
      if (allowedList.includes(channel)) continue;
      for (const prose of message.runs) {
        for (const emoji of findEmoji(prose.run.text)) {
          if (isMasked(prose, emoji.start, emoji.end)) continue;
          report({
            messageId: allowedList.length === 0 ? 'none' : 'notInChannel',
            data: { emoji: emoji.text, channel: channelName(channel), allowed: listOf(allowedList.map(channelName)) },
            range: proseRange(document, prose, emoji.start, emoji.end),
            actual: emoji.text,
          });
        }
      }
    }
  },
});

function channelName(channel: GuidelineChannel): string {
  return channel === 'sms' ? 'SMS' : channel;
}

function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}
