/** Currency symbols and codes as written, and the ISO 4217 code each stands for. */
const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'CNY'],
  ['元', 'CNY'],
  ['块', 'CNY'],
  ['RMB', 'CNY'],
  ['CHF', 'CHF'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['CNY', 'CNY'],
  ['JPY', 'JPY'],
  ['CAD', 'CAD'],
  ['AUD', 'AUD'],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching any currency symbol or code (longest first). */
export const CURRENCY = SYMBOLS.map(([symbol]) => symbol)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

/** The ISO code of a written currency; `¥` is yuan in Chinese text and yen elsewhere. */
export function currencyCode(symbol: string, locale = 'en'): string {
  if (symbol === '¥' && /^zh/i.test(locale)) return 'CNY';
  return SYMBOLS.find(([written]) => written === symbol)?.[1] ?? symbol.toUpperCase();
}
