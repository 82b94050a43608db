/** Hashtags (`#SpringSale`), compared case-insensitively (platforms treat `#springsale` as the same tag). */
import { allMatches } from '../../core/all-matches.js';
import type { ExtractContext, FoundFact } from './types.js';

const HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu;

export function extractHashtags(text: string, _context: ExtractContext): FoundFact[] {
  return allMatches(text, HASHTAG).map((match) => ({
    kind: 'hashtag' as const,
    value: match[0].toLowerCase(),
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}
