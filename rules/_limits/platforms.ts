/**
 * Social platforms' own limits: what brandlint checks when the guideline file says nothing
 * about a platform (or there is no brand at all). With a `channels.social.platforms` entry, the
 * stricter of the platform's and the brand's maximum applies (a brand can lower X's 280, never
 * raise it), and its `linkLength` replaces the platform's: `x: { maxLength: 250 }` keeps links at 23.
 */
import type { ContentDocument, Message } from '../../src/core/document.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';

export interface PlatformLimits {
  maxLength?: number;
  /** Every link counts this many characters (X and Mastodon: 23). */
  linkLength?: number;
  /**
   * Only `http(s)://` URLs count as links (Mastodon: a bare `northwind.com` or `www.` address
   * counts as written). The platform's own rule, not a brand setting.
   */
  linksNeedProtocol?: boolean;
  /** A remote mention `@user@server` counts as `@user` (Mastodon). The platform's own rule. */
  mentionsWithoutServer?: boolean;
  maxHashtags?: number;
  maxMentions?: number;
}

/** Published limits of each platform (2025): post length, link length, hashtags. */
export const PLATFORM_DEFAULTS: Readonly<Record<string, PlatformLimits>> = {
  x: { maxLength: 280, linkLength: 23 },
  linkedin: { maxLength: 3000 },
  instagram: { maxLength: 2200, maxHashtags: 30 },
  facebook: { maxLength: 63206 },
  threads: { maxLength: 500 },
  bluesky: { maxLength: 300 },
  // app/validators/status_length_validator.rb: URLs with a protocol count 23, `@user@server` as `@user`.
  mastodon: { maxLength: 500, linkLength: 23, linksNeedProtocol: true, mentionsWithoutServer: true },
  tiktok: { maxLength: 2200 },
};

const NAMES: Readonly<Record<string, string>> = {
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  tiktok: 'TikTok',
  sms: 'SMS',
};

/** How a platform writes its name (`linkedin` -> `LinkedIn`). */
export function platformName(platform: string): string {
  return NAMES[platform] ?? platform;
}

/** The platform a message is for: its own (a CSV row's), else the document's (front matter). */
export function platformOf(document: ContentDocument, message: Message | undefined): string | undefined {
  const platform = message?.platform ?? document.metadata.platform;
  return platform === undefined ? undefined : platform.trim().toLowerCase();
}

/** Every platform a message is for: a cross-posted post's list, else its one platform (none: empty). */
export function platformsOf(document: ContentDocument, message: Message | undefined): string[] {
  const list = message?.platforms ?? (message?.platform !== undefined ? undefined : document.metadata.platforms);
  if (list && list.length > 0) return [...new Set(list.map((platform) => platform.trim().toLowerCase()))];
  const one = platformOf(document, message);
  return one === undefined ? [] : [one];
}

/**
 * Platform names a post may give: the platforms with known limits, `twitter` (read as `x`), `sms`
 * and the guideline file's own. What a misspelt platform is compared with.
 */
export function knownPlatforms(brand: BrandModel | null): string[] {
  const configured = Object.keys((brand?.channels?.social?.platforms as Record<string, unknown> | undefined) ?? {});
  return [...new Set([...Object.keys(PLATFORM_DEFAULTS), 'twitter', 'sms', ...configured])];
}

/** Limits for a platform: the stricter of the platform's own and the guideline file's. */
export function platformLimits(brand: BrandModel | null, platform: string): PlatformLimits {
  const configured = (brand?.channels?.social?.platforms as Record<string, PlatformLimits | undefined> | undefined)?.[platform] ?? {};
  const own = PLATFORM_DEFAULTS[platform] ?? {};
  const limits: PlatformLimits = {};
  const maxLength = stricter(own.maxLength, configured.maxLength);
  if (maxLength !== undefined) limits.maxLength = maxLength;
  const linkLength = configured.linkLength ?? own.linkLength;
  if (linkLength !== undefined) limits.linkLength = linkLength;
  if (own.linksNeedProtocol) limits.linksNeedProtocol = true;
  if (own.mentionsWithoutServer) limits.mentionsWithoutServer = true;
  const maxHashtags = stricter(own.maxHashtags, configured.maxHashtags);
  if (maxHashtags !== undefined) limits.maxHashtags = maxHashtags;
  const maxMentions = stricter(own.maxMentions, configured.maxMentions);
  if (maxMentions !== undefined) limits.maxMentions = maxMentions;
  return limits;
}

/** The lower of two optional maximums. */
export function stricter(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

export interface ChatbotLimits {
  maxReplyLength?: number;
  maxButtons?: number;
}

/**
 * Messaging platforms' own limits for a bot reply (a response's `channel:` in Rasa): Messenger
 * text 2,000 characters and 3 buttons in a button template; WhatsApp text 4,096 characters and 3
 * reply buttons; Telegram 4,096 characters.
 */
export const CHATBOT_PLATFORM_DEFAULTS: Readonly<Record<string, ChatbotLimits>> = {
  facebook: { maxReplyLength: 2000, maxButtons: 3 },
  messenger: { maxReplyLength: 2000, maxButtons: 3 },
  whatsapp: { maxReplyLength: 4096, maxButtons: 3 },
  telegram: { maxReplyLength: 4096 },
};

const CHATBOT_NAMES: Readonly<Record<string, string>> = {
  facebook: 'Messenger',
  messenger: 'Messenger',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
};

/** How a messaging platform writes its name, for messages (`facebook` -> `Messenger`). */
export function chatbotPlatformName(platform: string): string {
  return CHATBOT_NAMES[platform] ?? platform;
}
