/**
 * Per-file campaign data, extracted during the normal per-file lint (so caches can store it and
 * shards can be merged): the facts a document states, with exact positions, and its tone and
 * visual samples. Runs only for documents that belong to a campaign.
 */
import type { CampaignFileData, Fact } from '../core/campaign.js';
import type { ContentDocument } from '../core/document.js';
import type { Range } from '../core/position.js';
import { rangeInRun } from '../core/document.js';
import { SourceCode } from '../core/source-code.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { extractTextFacts, isOwnHost, normaliseCallToAction, normalisePhone, normaliseUrl, productExtractor, type TextExtractor } from './facts/index.js';
import { toneSampleOf } from './tone.js';
import { visualSampleOf } from './visual.js';

/** Prose scopes facts are read from (alt text describes images; it states no offer). */
const FACT_SCOPES = new Set(['subject', 'preheader', 'title', 'meta-description', 'heading', 'body', 'cta', 'link', 'button', 'bot-reply', 'post', 'paragraph', 'list', 'table']);

export interface FileCampaignExtract {
  facts: Fact[];
  /** One entry per campaign the file's messages belong to (usually one). */
  campaigns: CampaignFileData[];
}

let syllables: Promise<(word: string) => number> | undefined;
const loadSyllables = () => (syllables ??= import('syllable').then((module) => module.syllable));

const productsByBrand = new WeakMap<BrandModel, TextExtractor>();
function productsOf(brand: BrandModel | null): TextExtractor | undefined {
  if (!brand?.voice) return undefined;
  let extractor = productsByBrand.get(brand);
  if (!extractor) productsByBrand.set(brand, (extractor = productExtractor(brand.voice.names, brand.brand?.name)));
  return extractor;
}

/** The campaigns of a document's messages: a message's own campaign, else the document's. */
export function campaignsOf(document: ContentDocument): Map<string, string[] | null> {
  const byCampaign = new Map<string, string[]>();
  const fileCampaign = document.metadata.campaign;
  for (const message of document.messages) {
    const campaign = message.campaign ?? fileCampaign;
    if (campaign === undefined || campaign === '') continue;
    byCampaign.set(campaign, [...(byCampaign.get(campaign) ?? []), message.id]);
  }
  if (byCampaign.size === 0 && fileCampaign) return new Map([[fileCampaign, null]]);
  const all = document.messages.length;
  // A campaign that covers every message covers the whole file (facts outside any message count too).
  return new Map([...byCampaign].map(([campaign, ids]) => [campaign, ids.length === all ? null : ids]));
}

/** Null when the document belongs to no campaign. Takes the document's source object (or the document, for a fresh one). */
export async function extractCampaignData(input: SourceCode | ContentDocument, brand: BrandModel | null): Promise<FileCampaignExtract | null> {
  const source = input instanceof SourceCode ? input : new SourceCode(input);
  const { document } = source;
  const campaigns = campaignsOf(document);
  if (campaigns.size === 0) return null;
  const facts = extractFacts(source, brand);
  const countSyllables = await loadSyllables();
  const prose = source.prose;
  const visual = visualSampleOf(source);
  const data: CampaignFileData[] = [...campaigns].map(([campaign, messageIds]) => ({
    campaign,
    campaignRange: document.metadata.campaign === campaign ? (document.metadata.campaignRange ?? null) : null,
    ...(document.metadata.date !== undefined ? { date: document.metadata.date } : {}),
    ...(messageIds ? { messageIds } : {}),
    tone: toneSampleOf(document, prose, countSyllables, messageIds ? new Set(messageIds) : undefined),
    visual,
  }));
  return { facts, campaigns: data };
}

/** Every fact a document states: from its prose, its links and calls to action, and its canonical URL. */
export function extractFacts(input: SourceCode | ContentDocument, brand: BrandModel | null): Fact[] {
  const source = input instanceof SourceCode ? input : new SourceCode(input);
  const { document } = source;
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const push = (fact: Fact) => {
    const key = `${fact.kind}\0${fact.range.start.offset}\0${fact.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    facts.push(fact);
  };
  const products = productsOf(brand);
  const domains = brand?.brand?.domains ?? [];
  const messageDate = new Map(document.messages.map((message) => [message.id, message.date ?? document.metadata.date]));

  for (const message of source.prose) {
    const date = messageDate.get(message.message.id) ?? document.metadata.date;
    for (const run of message.runs) {
      if (!FACT_SCOPES.has(run.scope)) continue;
      for (const found of extractTextFacts(run.text, { locale: run.locale, ...(date ? { date } : {}) }, products)) {
        push({
          kind: found.kind,
          value: found.value,
          text: found.text,
          file: document.file,
          range: rangeInRun(document, run.run, found.start, found.end),
          messageId: run.run.messageId,
          ...(found.detail ? { detail: found.detail } : {}),
        });
      }
      // Hashtags are masked out of prose; URLs too: read them from the masks.
      for (const mask of run.masks) {
        const range = rangeInRun(document, run.run, mask.start, mask.end);
        if (mask.kind === 'hashtag') {
          push({ kind: 'hashtag', value: mask.text.toLowerCase(), text: mask.text, file: document.file, range, messageId: run.run.messageId });
        } else if (mask.kind === 'url' || mask.kind === 'domain') {
          const url = normaliseUrl(mask.text);
          if (!url || (domains.length > 0 && !isOwnHost(url.host, domains))) continue;
          push({ kind: 'link', value: url.value, text: mask.text, file: document.file, range, messageId: run.run.messageId, ...(Object.keys(url.utm).length > 0 ? { detail: { utm: url.utm } } : {}) });
        }
      }
    }
  }

  // Chatbot buttons are its calls to action (the adapter records them as `button` prose).
  for (const run of document.textRuns) {
    if (run.scope !== 'button' || document.channel !== 'chatbot') continue;
    const value = normaliseCallToAction(run.text, run.locale ?? document.metadata.locale);
    if (value !== '') push({ kind: 'cta', value, text: run.text.trim(), file: document.file, range: run.range, messageId: run.messageId });
  }

  // The landing page's own address: its canonical URL (or og:url) is the campaign's landing URL.
  const canonical = canonicalUrl(document);
  if (canonical) push(canonical);
  const base = canonical?.value;
  for (const link of document.links) {
    const messageId = messageIdAt(document, link.range.start.offset);
    if (/^tel:/i.test(link.href.trim())) {
      const digits = normalisePhone(link.href.trim().slice(4));
      if (digits !== null) push({ kind: 'phone', value: digits, text: link.href, file: document.file, range: link.hrefRange, ...(messageId ? { messageId } : {}) });
      continue;
    }
    const url = normaliseUrl(link.href, base);
    const tagged = url !== null && Object.keys(url.utm).length > 0;
    if (link.isCallToAction && link.text.trim() !== '') {
      const value = normaliseCallToAction(link.text, document.metadata.locale);
      if (value !== '') push({ kind: 'cta', value, text: link.text.trim(), file: document.file, range: ctaTextRange(document, link), ...(messageId ? { messageId } : {}) });
    }
    // A landing page's own calls to action lead on (to a cart, a sign-up): its landing URL is its canonical one.
    if (!url || (canonical && document.channel === 'landing')) continue;
    // Email and landing pages link everywhere (footers, legal pages): there only calls to action and
    // campaign-tagged links are landing URLs. Posts and bot replies link to the brand's pages on purpose.
    const conversational = document.channel === 'social' || document.channel === 'chatbot';
    const ownLink = domains.length === 0 || isOwnHost(url.host, domains);
    if (!link.isCallToAction && !tagged && !(conversational && ownLink)) continue;
    push({
      kind: 'link',
      value: url.value,
      text: link.href,
      file: document.file,
      range: link.hrefRange,
      ...(messageId ? { messageId } : {}),
      detail: { ...(tagged ? { utm: url.utm } : {}), linkText: link.text.trim() },
    });
  }
  return facts.sort((a, b) => a.range.start.offset - b.range.start.offset || a.kind.localeCompare(b.kind));
}

function canonicalUrl(document: ContentDocument): Fact | null {
  for (const element of document.elements) {
    const rel = element.attributes.rel?.toLowerCase().split(/\s+/) ?? [];
    const isCanonical = element.tag === 'link' && rel.includes('canonical');
    const isOgUrl = element.tag === 'meta' && element.attributes.property?.toLowerCase() === 'og:url';
    if (!isCanonical && !isOgUrl) continue;
    const href = isCanonical ? element.attributes.href : element.attributes.content;
    const url = href ? normaliseUrl(href) : null;
    if (url) return { kind: 'link', value: url.value, text: href!, file: document.file, range: element.range, detail: { linkText: 'canonical URL' } };
  }
  return null;
}

/** The range of a call to action's visible text (its prose runs inside the link), else the whole link. */
function ctaTextRange(document: ContentDocument, link: ContentDocument['links'][number]): Range {
  const inside = document.textRuns.filter(
    (run) => run.text.trim() !== '' && run.range.start.offset >= link.range.start.offset && run.range.end.offset <= link.range.end.offset,
  );
  if (inside.length === 0) return link.range;
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  const lead = first.text.length - first.text.trimStart().length;
  const trail = last.text.length - last.text.trimEnd().length;
  return { start: rangeInRun(document, first, lead, lead).start, end: rangeInRun(document, last, last.text.length - trail, last.text.length - trail).end };
}

function messageIdAt(document: ContentDocument, offset: number): string | undefined {
  return document.messages.find((message) => message.range.start.offset <= offset && offset <= message.range.end.offset)?.id;
}
