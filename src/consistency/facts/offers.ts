/**
 * Offers: percent off (`20% off`, `-20 %`, `20 % de réduction`, `20 % Rabatt`, `8 折`), amount off
 * (`$10 off`, `10 € Rabatt`, `立减 20 元`), buy-one-get-one and free shipping, normalised to
 * `20% off`, `10 USD off`, `buy one get one`, `free shipping`. A bare percentage (`100% cotton`)
 * is not an offer: it needs an offer word around it.
 */
import { allMatches } from '../../core/all-matches.js';
import { CURRENCY, currencyCode } from './currency.js';
import { NUMBER, formatNumber, parseLocaleNumber } from './numbers.js';
import { AFTER_WORD, BEFORE_WORD, SPACE, type ExtractContext, type FoundFact } from './types.js';

const S = `${SPACE}?`;
const PERCENT = `(${NUMBER})${S}[%％]`;
const OFF_AFTER_PERCENT =
  `(?:off|discount|savings|Rabatt|Nachlass|Ermäßigung|reduziert|günstiger|de${SPACE}(?:réduction|remise)|(?:de${SPACE})?remise|de${SPACE}descuento|descuento|di${SPACE}sconto|sconto|korting|折扣|优惠|折|OFF)`;
const SAVE_BEFORE =
  `(?:save|saving|take|get|enjoy|extra|up${SPACE}to|sparen?|spare|sparen${SPACE}Sie|jusqu'à|économisez|ahorra|risparmia|立减|立省|省|减|优惠|享)`;

const PERCENT_PATTERNS: readonly RegExp[] = [
  new RegExp(`${BEFORE_WORD}${PERCENT}${S}${OFF_AFTER_PERCENT}(?![\\p{L}])`, 'giu'),
  new RegExp(`${SAVE_BEFORE}${S}(?:up${SPACE}to${SPACE}|bis${SPACE}zu${SPACE})?${PERCENT}`, 'giu'),
  // `a discount of 20 %`, `Rabatt von 20 %`, `une remise de 20 %`
  new RegExp(`(?:discount|reduction|Rabatt|Nachlass|remise|réduction|descuento|sconto)${SPACE}+(?:of${SPACE}+|von${SPACE}+|de${SPACE}+|del${SPACE}+)?${PERCENT}`, 'giu'),
  // `-20%` / `−20 %`: a minus right before the number (not `- 20%`, a list dash), not a range (`10-20%`).
  new RegExp(`(?<![\\p{L}\\p{N}])[-−–]${PERCENT}`, 'gu'),
];

const AMOUNT = `(?:(${CURRENCY})${S}(${NUMBER})|(${NUMBER})${S}(${CURRENCY}))`;
const AMOUNT_PATTERNS: readonly RegExp[] = [
  new RegExp(`${BEFORE_WORD}${AMOUNT}${S}(?:off|discount|Rabatt|Nachlass|de${SPACE}(?:réduction|remise)|de${SPACE}descuento|di${SPACE}sconto|优惠)(?![\\p{L}])`, 'giu'),
  new RegExp(`(?:save|sparen?|spare|économisez|ahorra|立减|立省|减|省)${S}${AMOUNT}`, 'giu'),
];

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZHE_DIGITS = /(?<![\d.])(\d(?:\.\d)?|\d{2})\s*折(?!扣)/gu;
const ZHE_WORDS = /([一二两三四五六七八九])([一二三四五六七八九])?\s*折(?!扣)/gu;

const BOGO = new RegExp(
  `${BEFORE_WORD}(?:buy${SPACE}one,?${SPACE}get${SPACE}one(?:${SPACE}free)?|BOGO|2${S}for${S}1|2${S}für${S}1|1${S}\\+${S}1${SPACE}gratis|un${SPACE}acheté,?${SPACE}un${SPACE}offert|买一送一|买一赠一)${AFTER_WORD}`,
  'giu',
);
const FREE_SHIPPING = new RegExp(
  `${BEFORE_WORD}(?:free${SPACE}(?:shipping|delivery)|ships${SPACE}free|kostenlose[rn]?${SPACE}(?:Versand|Lieferung)|versandkostenfrei|gratis${SPACE}Versand|livraison${SPACE}(?:gratuite|offerte)|envío${SPACE}gratis|spedizione${SPACE}gratuita|包邮|免运费|免邮)`,
  'giu',
);

export function extractOffers(text: string, context: ExtractContext): FoundFact[] {
  const found: FoundFact[] = [];
  const add = (match: RegExpExecArray, value: string) =>
    found.push({ kind: 'offer', value, text: match[0], start: match.index, end: match.index + match[0].length });

  for (const pattern of PERCENT_PATTERNS) {
    for (const match of allMatches(text, pattern)) {
      const percent = parseLocaleNumber(match[1]!, context.locale);
      if (percent > 0 && percent <= 100) add(match, `${formatNumber(percent)}% off`);
    }
  }
  for (const pattern of AMOUNT_PATTERNS) {
    for (const match of allMatches(text, pattern)) {
      const [symbol, amount] = match[1] !== undefined ? [match[1], match[2]!] : [match[4]!, match[3]!];
      const value = parseLocaleNumber(amount, context.locale);
      if (value > 0) add(match, `${formatNumber(value)} ${currencyCode(symbol, context.locale)} off`);
    }
  }
  // 折 states the price paid in tenths: 8 折 = pay 80% = 20% off; 85 折 / 八五折 = 15% off.
  for (const match of allMatches(text, ZHE_DIGITS)) {
    let tenths = Number(match[1]);
    if (tenths >= 10) tenths /= 10;
    if (tenths > 0 && tenths < 10) add(match, `${formatNumber(100 - tenths * 10)}% off`);
  }
  for (const match of allMatches(text, ZHE_WORDS)) {
    const tenths = CHINESE_DIGITS[match[1]!]! + (match[2] ? CHINESE_DIGITS[match[2]]! / 10 : 0);
    add(match, `${formatNumber(100 - tenths * 10)}% off`);
  }
  for (const match of allMatches(text, BOGO)) add(match, 'buy one get one');
  for (const match of allMatches(text, FREE_SHIPPING)) add(match, 'free shipping');
  return mergeSameOffer(text, found);
}

/** Overlapping matches of the same offer (`Take 20%` and `20% off`) become one span (`Take 20% off`). */
function mergeSameOffer(text: string, found: readonly FoundFact[]): FoundFact[] {
  const merged: FoundFact[] = [];
  for (const fact of [...found].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && fact.start < last.end) {
      if (fact.value === last.value && fact.end > last.end) {
        last.end = fact.end;
        last.text = text.slice(last.start, last.end);
      }
      continue;
    }
    merged.push({ ...fact });
  }
  return merged;
}
