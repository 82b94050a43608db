/**
 * The brand's own pack, `brand/*`, built from the guideline file's `voice` section (so the
 * guidelines stay the one place a brand's voice is written down, validated with positions when
 * the brand loads). The rule ids are the same for every brand, so configuration and directives
 * do not change with the brand's name; without a brand (or without a `voice` entry) they report
 * nothing.
 *
 *   brand/names          term          voice.names (spelling, case, wrong variants, trademark)
 *   brand/banned         existence     voice.banned
 *   brand/preferred      substitution  voice.preferred
 *   brand/exclamation    occurrence    voice.exclamation (maxPerMessage, perChannel)
 *   brand/emoji          occurrence    voice.emoji.maxPerMessage where emoji are allowed
 *   brand/shouting       shouting      voice.acronyms
 *   brand/reading-grade  readability   voice.readingGrade (per channel, English only)
 */
import type { Channel } from '../../src/core/channels.js';
import { phrasePattern } from '../../src/core/prose.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';
import { PACKS_DOCS_URL, packMessages, specRule, type PackDocumentRule } from './compile.js';
import type { KindSpec, MatchEntry } from './kinds.js';

export const BRAND_PACK_ID = 'brand';

type Voice = NonNullable<BrandModel['voice']>;

const quoteList = (words: readonly string[]): string => words.map((word) => `"${word}"`).join(' or ');

/** Specs built once per brand model (the engine passes the same model to every file). */
const cache = new WeakMap<BrandModel, Map<string, KindSpec | null>>();

function cached(id: string, build: (voice: Voice) => KindSpec | null): (context: { brand: BrandModel | null }) => KindSpec | null {
  return ({ brand }) => {
    if (!brand?.voice) return null;
    let specs = cache.get(brand);
    if (!specs) cache.set(brand, (specs = new Map()));
    if (!specs.has(id)) specs.set(id, build(brand.voice));
    return specs.get(id) ?? null;
  };
}

function bannedEntries(voice: Voice): MatchEntry[] {
  return voice.banned.map((entry) => {
    const pattern = entry.phrase !== undefined ? phrasePattern(entry.phrase, entry.caseSensitive) : new RegExp(entry.pattern!, entry.caseSensitive ? 'gu' : 'giu');
    const suggest = entry.suggest ?? [];
    const message = [`Avoid "{actual}".`, entry.message, suggest.length > 0 ? `Try ${quoteList(suggest)}.` : undefined].filter(Boolean).join(' ');
    return { pattern, expected: suggest, message, ...(entry.locales ? { locales: entry.locales } : {}) };
  });
}

function preferredEntries(voice: Voice): MatchEntry[] {
  return voice.preferred.flatMap((entry) =>
    entry.instead.map((instead) => ({
      pattern: phrasePattern(instead, entry.caseSensitive),
      expected: [entry.use],
      // Preferred terms are the brand's own language's ("login" is standard Polish).
      locales: entry.locales ?? 'configured',
      ...(entry.message ? { message: `Write "{expected}" instead of "{actual}". ${entry.message}` } : {}),
    })),
  );
}

function exclamationLimit(voice: Voice): (channel: Channel) => number | undefined {
  return (channel) => voice.exclamation?.perChannel?.[channel] ?? voice.exclamation?.maxPerMessage;
}

function emojiLimit(voice: Voice): (channel: Channel) => number | undefined {
  return (channel) => {
    const emoji = voice.emoji;
    if (!emoji || emoji.maxPerMessage === undefined) return undefined;
    const allowed = emoji.allowed === true || (Array.isArray(emoji.allowed) && emoji.allowed.includes(channel));
    // Where emoji are not allowed at all, the channel-limit rules say so; here only the count.
    return allowed ? emoji.maxPerMessage : undefined;
  };
}

/** The rules of the brand pack (they read the brand at check time). */
export function brandPackRules(): PackDocumentRule[] {
  const rule = (
    id: string,
    level: 'warn' | 'error',
    description: string,
    message: string,
    fixable: boolean,
    build: (voice: Voice) => KindSpec | null,
    extra: { trademark?: string; sentence?: string } = {},
  ): PackDocumentRule =>
    specRule(
      { id: `${BRAND_PACK_ID}/${id}`, description, fixable, defaultLevel: level, messages: packMessages(message, extra), docsUrl: `${PACKS_DOCS_URL.replace(/#.*$/, '')}#the-brand-pack` },
      {},
      cached(id, build),
    );
  return [
    rule('names', 'error', "Brand and product names are spelled exactly as the guidelines' voice.names say.", 'Write "{expected}", not "{actual}".', true, (voice) =>
      voice.names.length > 0 ? { kind: 'term', terms: voice.names } : null,
    ),
    rule('banned', 'error', "Words and phrases the guidelines' voice.banned rules out.", 'Avoid "{actual}".', false, (voice) =>
      voice.banned.length > 0 ? { kind: 'existence', entries: bannedEntries(voice), exceptions: [] } : null,
    ),
    rule('preferred', 'warn', "The brand's preferred terms (voice.preferred).", 'Write "{expected}" instead of "{actual}".', true, (voice) =>
      voice.preferred.length > 0 ? { kind: 'substitution', entries: preferredEntries(voice), exceptions: [] } : null,
    ),
    rule('exclamation', 'warn', 'Exclamation marks per message (voice.exclamation).', 'This message has {count} exclamation marks; the brand allows {max}.', false, (voice) =>
      voice.exclamation ? { kind: 'occurrence', count: 'exclamation', max: exclamationLimit(voice) } : null,
    ),
    rule('emoji', 'warn', 'Emoji per message where the brand allows emoji (voice.emoji.maxPerMessage).', 'This message has {count} emoji; the brand allows {max}.', false, (voice) =>
      voice.emoji?.maxPerMessage !== undefined ? { kind: 'occurrence', count: 'emoji', max: emojiLimit(voice) } : null,
    ),
    rule('shouting', 'warn', 'All-caps words other than the acronyms in voice.acronyms.', '"{actual}" is in capitals; write it in normal case (only listed acronyms may be capitals).', false, () => ({
      kind: 'shouting',
      acronyms: new Set(),
      brandAcronyms: true,
      minLength: 2,
      configuredLanguageOnly: true,
    })),
    rule(
      'reading-grade',
      'warn',
      'Flesch-Kincaid grade per message at most voice.readingGrade of the channel (English only).',
      'This message reads at grade {grade}; the brand aims for {max} or lower. The hardest sentence is marked.',
      false,
      (voice) => {
        const grades = voice.readingGrade;
        if (!grades) return null;
        return { kind: 'readability', maxGrade: (channel) => (grades as Partial<Record<string, number>>)[channel], minWords: 20 };
      },
    ),
  ];
}
