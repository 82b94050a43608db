/**
 * Phone numbers: after a phone word (`call`, `phone`, `Tel.`, `anrufen`, `appelez`, `电话`) or
 * written internationally (`+1 800 555 0199`), normalised to their digits (`+18005550199`).
 * Dates and prices never qualify: a number needs a phone word or a leading `+`.
 */
import { allMatches } from '../../core/all-matches.js';
import { withoutOverlaps, type ExtractContext, type FoundFact } from './types.js';

const NUMBER = '(\\+?\\(?\\d[\\d\\s\\u00a0().\\/-]{5,}\\d)';
const WITH_WORD = new RegExp(
  `(?:call|phone|tel\\.?|telephone|text|hotline|anrufen|rufen\\s+sie|telefon|appelez|téléphone|llama|teléfono|chiama|电话|致电|热线)[\\s\\u00a0:：]*(?:us\\s+)?(?:at\\s+|on\\s+|unter\\s+|au\\s+)?${NUMBER}`,
  'giu',
);
const INTERNATIONAL = /(?<![\p{L}\p{N}])(\+\d{1,3}[\s\u00a0.-]?\(?\d[\d\s\u00a0().-]{5,}\d)/gu;

export function normalisePhone(text: string): string | null {
  const digits = text.replace(/[^\d+]/g, '');
  const count = digits.replace(/\+/g, '').length;
  if (count < 7 || count > 15 || digits.lastIndexOf('+') > 0) return null;
  return digits;
}

export function extractPhones(text: string, _context: ExtractContext): FoundFact[] {
  const found: FoundFact[] = [];
  for (const pattern of [WITH_WORD, INTERNATIONAL]) {
    for (const match of allMatches(text, pattern)) {
      const number = match[1]!.replace(/[\s\u00a0]+$/, '');
      const value = normalisePhone(number);
      if (value === null) continue;
      const start = match.index + match[0].indexOf(number);
      found.push({ kind: 'phone', value, text: number, start, end: start + number.length });
    }
  }
  return withoutOverlaps(found);
}
