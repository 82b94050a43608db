/**
 * Product names from the guidelines (`voice.names`), also when misspelt (`Cloud Pack` is the
 * product `CloudPack`): the value is always the correct term. The brand name itself is no product.
 */
import { allMatches } from '../../core/all-matches.js';
import { withoutOverlaps, type ExtractContext, type FoundFact } from './types.js';

// Only Latin letters and digits glue onto a name: `全新CloudPack背包` names CloudPack, `CloudPacking` does not.
const BEFORE_NAME = '(?<![\\p{Script=Latin}\\p{N}_])';
const AFTER_NAME = '(?![\\p{Script=Latin}\\p{N}_])';

export interface ProductName {
  term: string;
  wrong?: readonly string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the extractor once per name list. */
export function productExtractor(names: readonly ProductName[], brandName?: string): (text: string, context: ExtractContext) => FoundFact[] {
  const spellings = new Map<string, string>();
  for (const name of names) {
    if (brandName !== undefined && name.term === brandName) continue;
    spellings.set(name.term.toLowerCase(), name.term);
    for (const wrong of name.wrong ?? []) spellings.set(wrong.toLowerCase(), name.term);
  }
  if (spellings.size === 0) return () => [];
  const alternatives = [...spellings.keys()].sort((a, b) => b.length - a.length).map((spelling) => escape(spelling).replace(/ /g, '[\\s\\u00a0]+'));
  const pattern = new RegExp(`${BEFORE_NAME}(?:${alternatives.join('|')})${AFTER_NAME}`, 'giu');
  return (text) => {
    const found: FoundFact[] = [];
    for (const match of allMatches(text, pattern)) {
      const term = spellings.get(match[0].toLowerCase().replace(/[\s\u00a0]+/g, ' '));
      if (term) found.push({ kind: 'product', value: term, text: match[0], start: match.index, end: match.index + match[0].length });
    }
    return withoutOverlaps(found);
  };
}
