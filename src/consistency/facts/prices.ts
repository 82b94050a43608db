/**
 * Prices with their currency (`$49`, `49,90 €`, `EUR 49.90`, `¥199`, `199 元`), normalised to
 * `49.9 EUR`. Amounts that are an offer (`$10 off`) are offers, not prices (the caller drops
 * prices inside an offer).
 */
import { allMatches } from '../../core/all-matches.js';
import { CURRENCY, currencyCode } from './currency.js';
import { NUMBER, formatNumber, parseLocaleNumber } from './numbers.js';
import { SPACE, withoutOverlaps, type ExtractContext, type FoundFact } from './types.js';

const PRICE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${CURRENCY})${SPACE}?(${NUMBER})(?:[.,]-|[.,]–)?|(${NUMBER})${SPACE}?(${CURRENCY}))(?![\\p{L}\\p{N}])`,
  'gu',
);

export function extractPrices(text: string, context: ExtractContext): FoundFact[] {
  const found: FoundFact[] = [];
  for (const match of allMatches(text, PRICE)) {
    const [symbol, amount] = match[1] !== undefined ? [match[1], match[2]!] : [match[4]!, match[3]!];
    const value = parseLocaleNumber(amount, context.locale);
    if (!Number.isFinite(value)) continue;
    found.push({
      kind: 'price',
      value: `${formatNumber(value)} ${currencyCode(symbol, context.locale)}`,
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return withoutOverlaps(found);
}
