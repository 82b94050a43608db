import * as z from 'zod';
import { didYouMean } from '../../src/core/data-file.js';
import { defineRule } from '../../src/core/rule.js';
import { attachedLinks } from '../_limits/attached-links.js';
import type { ContentDocument, LinkReference } from '../../src/core/document.js';
import { characterLength, characterUnits, countedLinks, overflowStart, xWeightedLength, xWeightedUnits } from '../_limits/measure.js';
import { graphemes } from '../../src/core/graphemes.js';
import { rangeOf, type MessageText } from '../../src/core/message-text.js';
import { knownPlatforms, platformLimits, platformName, platformsOf, type PlatformLimits } from '../_limits/platforms.js';
import type { Range } from '../../src/core/position.js';

const options = z.strictObject({
  /** Characters each template tag (`{{ first_name }}`) counts as: its value is only known at send time. */
  templateTagLength: z.number().int().nonnegative().default(0),
  /** Platform of posts that name none (front matter, a platform column, a folder named after the platform); default none: such posts are not checked. */
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
      tooLong: '{platform} post is {length} characters{how}; the limit is {limit}{also}',
    },
    options,
  },
  check({ document, source, brand, options, report, notApplied }) {
    const posts = source.messageTexts(['post', 'heading']).filter((post) => post.message?.kind === 'post');
    const firstPostId = document.messages.find((message) => message.kind === 'post')?.id;
    for (const post of posts) {
      const named = platformsOf(document, post.message);
      const platforms = named.length > 0 ? named : options.defaultPlatform !== undefined ? [options.defaultPlatform.toLowerCase()] : [];
      if (platforms.length === 0) {
        notApplied('a post names no platform (front matter `platform:`, a platform column or a folder named after the platform), so its length was not checked');
        continue;
      }
      // A cross-posted post is checked against every platform it targets; the strictest limit it
      // exceeds is reported, naming the others it exceeds too.
      const over: Overflow[] = [];
      for (const platform of platforms) {
        // SMS has segments, not a character limit: sms-length checks it.
        if (platform === 'sms') continue;
        const limits = platformLimits(brand, platform);
        if (limits.maxLength === undefined) {
          const suggestion = didYouMean(platform, knownPlatforms(brand));
          const typo = suggestion === null ? '' : ` (did you mean "${suggestion}"?)`;
          notApplied(`no length limit is known for ${platform} posts${typo}; set channels.social.platforms.${platform}.maxLength`);
          continue;
        }
        const overflow = measureAgainst(document, post, platform, { ...limits, maxLength: limits.maxLength }, options.templateTagLength, post.messageId === firstPostId);
        if (overflow) over.push(overflow);
      }
      if (over.length === 0) continue;
      over.sort((a, b) => a.limit - b.limit || a.platform.localeCompare(b.platform));
      const [strictest, ...others] = over as [Overflow, ...Overflow[]];
      const also = others.length === 0 ? '' : ` (also over ${others.map((other) => `${platformName(other.platform)}'s ${other.limit}`).join(', ')})`;
      report({
        messageId: 'tooLong',
        data: { platform: platformName(strictest.platform), length: strictest.length, how: strictest.how, limit: strictest.limit, also },
        range: strictest.range,
        actual: String(strictest.length),
        expected: [`<= ${strictest.limit}`],
      });
    }
  },
});

interface Overflow {
  platform: string;
  length: number;
  limit: number;
  how: string;
  range: Range;
}

/** How long a post is as a platform counts it, and where it overflows the platform's limit; null when it fits. */
function measureAgainst(
  document: ContentDocument,
  post: MessageText,
  platform: string,
  limits: PlatformLimits & { maxLength: number },
  templateTagLength: number,
  isFirstPost: boolean,
): Overflow | null {
  const { linkLength } = limits;
  const x = { linkLength: linkLength ?? 23, templateTagLength };
  const counted = platform === 'x' ? xWeightedLength(post, x) : characterLength(post, templateTagLength, linkLength, limits);
  // A Markdown link `[text](url)` is published as its text, a space and the URL.
  const markdownLinks = markdownLinksOf(document, post);
  const linkWeight = (link: LinkReference): number => 1 + (linkLength ?? graphemes(link.href).length);
  // A scheduler appends an attached link after a space; where links have a fixed length it counts.
  const attached = linkLength === undefined ? [] : attachedLinks(document, post, isFirstPost);
  const attachedLength = attached.length * (linkLength ?? 0) + attached.length;
  const length = markdownLinks.reduce((sum, link) => sum + linkWeight(link), counted) + attachedLength;
  if (length <= limits.maxLength) return null;

  // Over the limit: the units counted, to find where the post overflows it.
  const measure = platform === 'x' ? xWeightedUnits(post, x) : characterUnits(post, templateTagLength, linkLength, limits);
  for (const link of markdownLinks) {
    const at = indexAfter(post, link.range.end.offset);
    measure.units.push({ start: at, end: at, weight: linkWeight(link) });
  }
  // Zero-width units (a Markdown link's URL) count before the character they precede.
  measure.units.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const linkCount = attached.length + markdownLinks.length + (linkLength === undefined ? 0 : countedLinks(post.text, limits).length);
  const how = platform === 'x' ? ' as X counts them (links 23, emoji and CJK 2)' : linkCount > 0 && linkLength !== undefined ? ` (every link counts as ${linkLength})` : '';
  const start = overflowStart(measure, limits.maxLength - attachedLength) ?? post.text.length;
  const range =
    start < post.text.length
      ? rangeOf(document, post, start, post.text.length)
      : (attached[attached.length - 1]?.range ?? rangeOf(document, post, 0, post.text.length));
  return { platform, length, limit: limits.maxLength, how, range };
}

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
