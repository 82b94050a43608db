import * as z from 'zod';
import { proseRange } from '../../src/core/prose.js';
import { defineRule } from '../../src/core/rule.js';
import { platformLimits, platformName, platformOf } from '../_limits/platforms.js';

const options = z.strictObject({
  /** Maximum @mentions per post on every platform; default the guideline file's `channels.social.platforms.<platform>.maxMentions`. */
  maxMentions: z.number().int().nonnegative().optional(),
});

export type SocialMentionsOptions = z.infer<typeof options>;

export default defineRule<SocialMentionsOptions>({
  meta: {
    id: 'social-mentions',
    description: 'Social posts tag no more accounts than the guidelines allow per platform.',
    category: 'limits',
    fixable: false,
    channels: ['social'],
    defaultLevel: 'error',
    messages: {
      tooMany: '{platform} post has {count} mentions; the limit is {limit}',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    for (const message of source.prose) {
      if (message.message.kind !== 'post') continue;
      const platform = platformOf(document, message.message);
      if (platform === undefined || platform === 'sms') continue;
      const limit = options.maxMentions ?? platformLimits(brand, platform).maxMentions;
      if (limit === undefined) continue;
      // @mentions as the prose extraction finds them: not inside email addresses or URLs.
      const mentions = message.runs.flatMap((prose) => prose.masks.filter((mask) => mask.kind === 'mention').map((mask) => ({ prose, mask })));
      if (mentions.length <= limit) continue;
      const first = mentions[limit]!;
      const last = mentions[mentions.length - 1]!;
      report({
        messageId: 'tooMany',
        data: { platform: platformName(platform), count: mentions.length, limit },
        range: {
          start: proseRange(document, first.prose, first.mask.start, first.mask.end).start,
          end: proseRange(document, last.prose, last.mask.start, last.mask.end).end,
        },
        actual: String(mentions.length),
        expected: [`<= ${limit}`],
      });
    }
  },
});
