/**
 * Promo codes after a code word: `code SPRING20`, `use code SPRING20`, `promo: SPRING20`,
 * `Gutscheincode SPRING20`, `code promo SPRING20`, `优惠码：SPRING20`. The code itself is written in
 * capitals and digits, with a digit or at least five characters (so `use the code below` and
 * `Code: MIT` are no codes); compared case-insensitively.
 */
import { allMatches } from '../../core/all-matches.js';
import { SPACE, withoutOverlaps, type ExtractContext, type FoundFact } from './types.js';

const CODE_WORD =
  '(?:promo(?:tion(?:al)?)?[\\s\\u00a0-]?code|discount[\\s\\u00a0]code|coupon(?:[\\s\\u00a0]code)?|voucher(?:[\\s\\u00a0]code)?|code[\\s\\u00a0]promo|Gutschein(?:code)?|Rabattcode|Aktionscode|Code|código(?:[\\s\\u00a0]promocional)?|codice(?:[\\s\\u00a0]sconto)?|promo)';
/** Chinese code words need no word boundary before them (`使用优惠码`). */
const CJK_CODE_WORD = '(?:优惠码|折扣码|促销码|兑换码|优惠券码|优惠券)';
const QUOTE = '["“”\'‘’«»「」『』]';
const PATTERN = new RegExp(
  `(?:(?<![\\p{L}\\p{N}_])${CODE_WORD}|${CJK_CODE_WORD})${SPACE}*[:：]?${SPACE}*${QUOTE}?${SPACE}*([\\p{L}\\p{N}][\\p{L}\\p{N}_-]{2,23})(?![\\p{L}\\p{N}_])`,
  'giu',
);

export function extractCodes(text: string, _context: ExtractContext): FoundFact[] {
  const found: FoundFact[] = [];
  for (const match of allMatches(text, PATTERN)) {
    const code = match[1]!;
    // A code has a digit or at least five characters: `Code: MIT` names a licence, not a code.
    if (code !== code.toUpperCase() || !/[A-Z]/.test(code) || !(/\d/.test(code) || code.length >= 5)) continue;
    const start = match.index + match[0].length - code.length;
    found.push({ kind: 'code', value: code.toUpperCase(), text: code, start, end: start + code.length });
  }
  return withoutOverlaps(found);
}
