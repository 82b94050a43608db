/**
 * Numbers as people write them in different locales: `12.5` and `12,5` are the same number, and
 * so are `1,234.50` (en) and `1.234,50` (de). Normalised numbers are printed without trailing zeros.
 */

/** A number pattern: digits with optional thousands separators and decimals in either convention. */
export const NUMBER = '\\d{1,3}(?:[.,\\u00a0\\u202f\' ]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';

const THOUSANDS_DOT_LANGUAGES = new Set(['de', 'fr', 'es', 'it', 'nl', 'pt', 'da', 'sv', 'nb', 'no', 'fi', 'pl', 'cs', 'tr', 'ru']);

/** Parses a written number (`12,5`, `1.234,50`, `1,234.50`, `1 234`); NaN when it is none. */
export function parseLocaleNumber(text: string, locale = 'en'): number {
  let digits = text.replace(/[\s\u00a0\u202f']/g, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    digits = digits.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const parts = digits.split(separator);
    const groupsOfThree = parts.length > 1 && parts.slice(1).every((part) => part.length === 3);
    const thousandsHere = separator === ',' ? !THOUSANDS_DOT_LANGUAGES.has(languageOf(locale)) : THOUSANDS_DOT_LANGUAGES.has(languageOf(locale));
    // `1,500` is fifteen hundred in English and one and a half in German; `12,5` is a decimal everywhere.
    digits = groupsOfThree && (thousandsHere || parts.length > 2) ? parts.join('') : parts.join('.');
  }
  return /^\d+(?:\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN;
}

/** `20`, `12.5`, `49.99`: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function languageOf(locale: string): string {
  return locale.trim().split(/[-_]/)[0]!.toLowerCase();
}
