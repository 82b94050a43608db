import * as z from 'zod';
import type { ContentDocument } from '../../src/core/document.js';
import { foldCase, proseRange, type MessageProse, type ProseMask, type ProseRun } from '../../src/core/prose.js';
import type { Range } from '../../src/core/position.js';
import { defineRule } from '../../src/core/rule.js';
import { platformLimits, platformName, platformOf } from '../_limits/platforms.js';

const options = z.strictObject({
  /** The brand hashtag (`#Northwind`); default the guideline file's `channels.social.brandHashtag`. */
  brandHashtag: z
    .string()
    .regex(/^#[\p{L}\p{N}_]+$/u, 'expected a hashtag such as "#Northwind"')
    .optional(),
  /** Every social post carries the brand hashtag; default the guideline file's `channels.social.requireBrandHashtag`. */
  requireBrandHashtag: z.boolean().optional(),
});

export type SocialHashtagsOptions = z.infer<typeof options>;

interface Hashtag {
  prose: ProseRun;
  mask: ProseMask;
}

export default defineRule<SocialHashtagsOptions>({
  meta: {
    id: 'social-hashtags',
    description: 'The brand hashtag is spelled exactly, present on every social post when the guidelines ask, and posts stay within their hashtag limit.',
    category: 'limits',
    fixable: true,
    defaultLevel: 'error',
    messages: {
      spelling: 'Write the brand hashtag as {expected}, not {actual}',
      missing: 'The post has no {expected}; the guidelines ask for the brand hashtag on every post',
      tooMany: '{platform} post has {count} hashtags; the limit is {limit}',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    const social = brand?.channels?.social;
    const brandHashtag = options.brandHashtag ?? social?.brandHashtag;
    const required = (options.requireBrandHashtag ?? social?.requireBrandHashtag ?? false) && brandHashtag !== undefined;

    for (const message of source.prose) {
      const hashtags = hashtagsOf(message);
      const wanted = brandHashtag === undefined ? undefined : foldCase(brandHashtag, message.locale);
      let hasBrandHashtag = false;
      for (const { prose, mask } of hashtags) {
        if (brandHashtag === undefined || foldCase(mask.text, prose.locale) !== wanted) continue;
        hasBrandHashtag = true;
        if (mask.text === brandHashtag) continue;
        const range = proseRange(document, prose, mask.start, mask.end);
        // Fixed only where the file holds the hashtag as written (no entity or escape inside).
        const exact = document.text.slice(range.start.offset, range.end.offset) === mask.text;
        report({
          messageId: 'spelling',
          data: { expected: brandHashtag, actual: mask.text },
          range,
          actual: mask.text,
          expected: [brandHashtag],
          ...(exact ? { fix: { description: `Write ${brandHashtag}`, edits: [{ range, text: brandHashtag }] } } : {}),
        });
      }

      // Counts and the required hashtag are about social posts (an SMS has no hashtags to speak of).
      if (document.channel !== 'social' || message.message.kind !== 'post') continue;
      const platform = platformOf(document, message.message);
      if (platform === 'sms') continue;
      const postRuns = message.runs.filter((run) => run.scope === 'post' || run.scope === 'heading');
      if (required && !hasBrandHashtag && postRuns.length > 0) {
        report({ messageId: 'missing', data: { expected: brandHashtag! }, range: spanOf(document, postRuns), expected: [brandHashtag!] });
      }
      const limit = platform === undefined ? undefined : platformLimits(brand, platform).maxHashtags;
      if (limit === undefined || hashtags.length <= limit) continue;
      const first = hashtags[limit]!;
      const last = hashtags[hashtags.length - 1]!;
      const start = proseRange(document, first.prose, first.mask.start, first.mask.end).start;
      const end = proseRange(document, last.prose, last.mask.start, last.mask.end).end;
      report({
        messageId: 'tooMany',
        data: { platform: platformName(platform!), count: hashtags.length, limit },
        range: { start, end },
        actual: String(hashtags.length),
        expected: [`<= ${limit}`],
      });
    }
  },
});

/** Hashtags of a message in text order (as the prose extraction finds them: not inside URLs). */
function hashtagsOf(message: MessageProse): Hashtag[] {
  return message.runs.flatMap((prose) => prose.masks.filter((mask) => mask.kind === 'hashtag').map((mask) => ({ prose, mask })));
}

/** From the start of the first run to the end of the last. */
function spanOf(document: ContentDocument, runs: readonly ProseRun[]): Range {
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  return { start: proseRange(document, first, 0, 0).start, end: proseRange(document, last, last.run.text.length, last.run.text.length).end };
}
