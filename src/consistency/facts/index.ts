/**
 * Every fact a string states, in text order: offers, prices (not those inside an offer), promo
 * codes, dates, product names, phone numbers and hashtags. Links and calls to action come from
 * the document's links, not from prose (see src/consistency/extract.ts).
 */
import { extractCodes } from './codes.js';
import { extractDates } from './dates.js';
import { extractHashtags } from './hashtags.js';
import { extractOffers } from './offers.js';
import { extractPhones, normalisePhone } from './phones.js';
import { extractPrices } from './prices.js';
import type { ExtractContext, FoundFact } from './types.js';

export type { ExtractContext, FoundFact } from './types.js';
export { extractCodes, extractDates, extractHashtags, extractOffers, extractPhones, extractPrices, normalisePhone };
export { productExtractor, type ProductName } from './products.js';
export { normaliseUrl, isOwnHost } from './links.js';
export { normaliseCallToAction } from './ctas.js';

export type TextExtractor = (text: string, context: ExtractContext) => FoundFact[];

/** Facts of a piece of prose. `products` finds the guidelines' product names. */
export function extractTextFacts(text: string, context: ExtractContext, products?: TextExtractor): FoundFact[] {
  const offers = extractOffers(text, context);
  const insideOffer = (fact: FoundFact) => offers.some((offer) => fact.start < offer.end && fact.end > offer.start);
  const dates = extractDates(text, context);
  const insideDate = (fact: FoundFact) => dates.some((date) => fact.start < date.end && fact.end > date.start);
  const found = [
    ...offers,
    ...extractPrices(text, context).filter((price) => !insideOffer(price)),
    ...extractCodes(text, context),
    ...dates,
    ...(products ? products(text, context) : []),
    ...extractPhones(text, context).filter((phone) => !insideDate(phone)),
    ...extractHashtags(text, context),
  ];
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
