import * as z from 'zod';
import { didYouMean } from '../../src/core/data-file.js';
import { defineRule } from '../../src/core/rule.js';
import { attachedLinks } from '../_limits/attached-links.js';
import type { ContentDocument, LinkReference } from '../../src/core/document.js';
import { characterLength, findLinks, graphemes, overflowStart, xWeightedLength } from '../_limits/measure.js';
import { rangeOf, type MessageText } from '../../src/core/message-text.js';
import { knownPlatforms, platformLimits, platformName, platformOf } from '../_limits/platforms.js';

const options = z.strictObject({
  /** Characters each template tag (`{{ first_name }}`) counts as: its value is only known at send time. */
  templateTagLength: z.number().int().nonnegative().default(0),
  /** Platform of posts that name none (front matter `platform:`, a platform column); default none: such posts are not checked. */
  defaultPlatform: z.string().min(1).optional(),
});

export type SocialPostLengthOptions = z.infer<typeof options>;

export default defineRule<SocialPostLengthOptions>({
  meta: {
    id: 'social-post-length',
    description: "Social posts fit their platform's length limit (X counts every link as 23 characters).",
    category: 'limits',
    fixable: false,
    channels: ['social'],
    defaultLevel: 'error',
    messages: {
      tooLong: '{platform} post is {length} characters{how}; the limit is {limit}',
    },
    options,
  },
  check({ document, source, brand, options, report, notApplied }) {
    const posts = source.messageTexts(['post', 'heading']).filter((post) => post.message?.kind === 'post');
    const firstPostId = document.messages.find((message) => message.kind === 'post')?.id;
    for (const post of posts) {
      const platform = platformOf(document, post.message) ?? options.defaultPlatform?.toLowerCase();
      if (platform === undefined) {
        notApplied('a post names no platform (front matter `platform:` or a platform column), so its length was not checked');
        continue;
      }
      // SMS has segments, not a character limit: sms-length checks it.
      if (platform === 'sms') continue;
      const limits = platformLimits(brand, platform);
      if (limits.maxLength === undefined) {
        const suggestion = didYouMean(platform, knownPlatforms(brand));
        const typo = suggestion === null ? '' : ` (did you mean "${suggestion}"?)`;
        notApplied(`no length limit is known for ${platform} posts${typo}; set channels.social.platforms.${platform}.maxLength`);
        continue;
      }
      const { linkLength } = limits;
      const measure =
        platform === 'x'
          ? xWeightedLength(post, { linkLength: linkLength ?? 23, templateTagLength: options.templateTagLength })
          : characterLength(post, options.templateTagLength, linkLength);
      // A Markdown link `[text](url)` is published as its text, a space and the URL.
      const markdownLinks = markdownLinksOf(document, post);
      for (const link of markdownLinks) {
        const at = indexAfter(post, link.range.end.offset);
        measure.units.push({ start: at, end: at, weight: 1 + (linkLength ?? graphemes(link.href).length) });
        measure.length += 1 + (linkLength ?? graphemes(link.href).length);
      }
      // Zero-width units (a Markdown link's URL) count before the character they precede.
      measure.units.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
      // A scheduler appends an attached link after a space; where links have a fixed length it counts.
      const attached = linkLength === undefined ? [] : attachedLinks(document, post, post.messageId === firstPostId);
      const attachedLength = attached.length * (linkLength ?? 0) + attached.length;
      const length = measure.length + attachedLength;
      if (length <= limits.maxLength) continue;

      const linkCount = attached.length + markdownLinks.length + (linkLength === undefined ? 0 : findLinks(post.text).length);
      const how =
        platform === 'x'
          ? ' as X counts them (links 23, emoji and CJK 2)'
          : linkCount > 0
            ? ` (every link counts as ${linkLength})`
            : '';
      const start = overflowStart(measure, limits.maxLength - attachedLength) ?? post.text.length;
      const range =
        start < post.text.length
          ? rangeOf(document, post, start, post.text.length)
          : (attached[attached.length - 1]?.range ?? rangeOf(document, post, 0, post.text.length));
      report({
        messageId: 'tooLong',
        data: { platform: platformName(platform), length, how, limit: limits.maxLength },
        range,
        actual: String(length),
        expected: [`<= ${limits.maxLength}`],
      });
    }
  },
});

/** Markdown links (`[text](url)`, not images) inside the post's runs: their URL is not in the run text. */
function markdownLinksOf(document: ContentDocument, post: MessageText): LinkReference[] {
  if (document.format !== 'markdown') return [];
  return document.links.filter((link) => {
    const start = link.range.start.offset;
    if (document.text[start] !== '[') return false;
    return post.runs.some((run) => run.range.start.offset <= start && start < run.range.end.offset);
  });
}

/** Index in the message text of the first character at or after a file offset. */
function indexAfter(post: MessageText, offset: number): number {
  const index = post.starts.findIndex((start) => start >= offset);
  return index < 0 ? post.text.length : index;
}
