import { describe, expect, it } from 'vitest';
import {
  extractCodes,
  extractDates,
  extractHashtags,
  extractOffers,
  extractPhones,
  extractPrices,
  extractTextFacts,
  normaliseCallToAction,
  normaliseUrl,
  productExtractor,
  type ExtractContext,
  type FoundFact,
} from '../../src/consistency/facts/index.js';
import { parseLocaleNumber } from '../../src/consistency/facts/numbers.js';

/**
 * Fact extractors as tables: text, locale (and document date) -> the normalised values with
 * the exact text they were read from. English, Chinese, German and French.
 */

type Row = [text: string, locale: string, expected: Array<[value: string, text: string]>];

const values = (found: FoundFact[]) => found.map((fact) => [fact.value, fact.text]);
const table = (name: string, extract: (text: string, context: ExtractContext) => FoundFact[], rows: Row[], date?: string) =>
  describe(name, () => {
    it.each(rows)('%s (%s)', (text, locale, expected) => {
      const found = extract(text, { locale, ...(date ? { date } : {}) });
      expect(values(found)).toEqual(expected);
      // Offsets point at the text they name.
      for (const fact of found) expect(text.slice(fact.start, fact.end)).toBe(fact.text);
    });
  });

table('offers', extractOffers, [
  ['Take 20% off everything', 'en', [['20% off', 'Take 20% off']]],
  ['Save 20% on boots', 'en', [['20% off', 'Save 20%']]],
  ['Now 20 % off', 'en', [['20% off', '20 % off']]],
  ['Up to 12.5% discount', 'en', [['12.5% off', 'Up to 12.5% discount']]],
  ['$10 off your first order', 'en', [['10 USD off', '$10 off']]],
  ['Buy one, get one free on socks', 'en', [['buy one get one', 'Buy one, get one free']]],
  ['BOGO this weekend', 'en', [['buy one get one', 'BOGO']]],
  ['Plus free shipping over $50', 'en', [['free shipping', 'free shipping']]],
  ['All jackets -20%', 'en', [['20% off', '-20%']]],
  ['A discount of 20 % on all packs', 'en', [['20% off', 'discount of 20 %']]],
  // Traps: a bare percentage, a range, a composition.
  ['100% recycled polyester', 'en', []],
  ['Battery lasts 10-20% longer', 'en', []],
  ['Poll: Smith - 36%, Jones - 20%', 'en', []],
  ['Rated 4.8/5 by 20% more hikers', 'en', []],
  ['全场 8 折', 'zh-CN', [['20% off', '8 折']]],
  ['春季特惠八五折', 'zh-CN', [['15% off', '八五折']]],
  ['立减 20 元', 'zh-CN', [['20 CNY off', '立减 20 元']]],
  ['享 20% 折扣，包邮', 'zh-CN', [['20% off', '享 20% 折扣'], ['free shipping', '包邮']]],
  ['买一送一', 'zh-CN', [['buy one get one', '买一送一']]],
  ['折扣详情见官网', 'zh-CN', []],
  ['Jetzt 20 % Rabatt auf alles', 'de', [['20% off', '20 % Rabatt']]],
  ['Spare 12,5 % auf Zelte', 'de', [['12.5% off', 'Spare 12,5 %']]],
  ['10 € Rabatt und kostenloser Versand', 'de', [['10 EUR off', '10 € Rabatt'], ['free shipping', 'kostenloser Versand']]],
  ['Alle Jacken −25 %', 'de', [['25% off', '−25 %']]],
  ['20 % de réduction sur tout', 'fr', [['20% off', '20 % de réduction']]],
  ['Livraison gratuite dès 50 €', 'fr', [['free shipping', 'Livraison gratuite']]],
  ['100 % coton bio', 'fr', []],
]);

table('prices', extractPrices, [
  ['Only $49.99 today', 'en', [['49.99 USD', '$49.99']]],
  ['From US$1,299', 'en', [['1299 USD', 'US$1,299']]],
  ['Just 49 EUR', 'en', [['49 EUR', '49 EUR']]],
  ['Model 2027 and 3 colours', 'en', []],
  ['仅售 ¥199', 'zh-CN', [['199 CNY', '¥199']]],
  ['只要 299 元', 'zh-CN', [['299 CNY', '299 元']]],
  ['Jetzt 49,90 €', 'de', [['49.9 EUR', '49,90 €']]],
  ['Nur 1.299,00 €', 'de', [['1299 EUR', '1.299,00 €']]],
  ['À partir de 19,50 €', 'fr', [['19.5 EUR', '19,50 €']]],
]);

table('promo codes', extractCodes, [
  ['Use code SPRING20 at checkout', 'en', [['SPRING20', 'SPRING20']]],
  ['Promo code: SPRING20', 'en', [['SPRING20', 'SPRING20']]],
  ['promo: TRAIL-15', 'en', [['TRAIL-15', 'TRAIL-15']]],
  ['Enter coupon "HIKE10"', 'en', [['HIKE10', 'HIKE10']]],
  // Traps: a code word followed by an ordinary word, code in prose.
  ['Use the code below', 'en', []],
  ['Use code below at checkout', 'en', []],
  ['Our code of conduct', 'en', []],
  ['Code: MIT', 'en', []],
  ['Use code TRAILS today', 'en', [['TRAILS', 'TRAILS']]],
  ['优惠码：SPRING20', 'zh-CN', [['SPRING20', 'SPRING20']]],
  ['使用优惠码 SPRING20 立享优惠', 'zh-CN', [['SPRING20', 'SPRING20']]],
  ['Mit dem Gutscheincode FRUEHLING20 sparen', 'de', [['FRUEHLING20', 'FRUEHLING20']]],
  ['Code promo : PRINTEMPS20', 'fr', [['PRINTEMPS20', 'PRINTEMPS20']]],
]);

table(
  'dates with a document date',
  extractDates,
  [
    ['Sale ends March 31', 'en', [['2027-03-31', 'March 31']]],
    ['Offer valid through Mar 31st, 2027', 'en', [['2027-03-31', 'Mar 31st, 2027']]],
    ['Until 31 March 2027', 'en-GB', [['2027-03-31', '31 March 2027']]],
    ['Ends 3/31', 'en-US', [['2027-03-31', '3/31']]],
    ['Ends 31/3', 'en-GB', [['2027-03-31', '31/3']]],
    ['Ends 3/31/27', 'en', [['2027-03-31', '3/31/27']]],
    ['See 2027-04-02', 'en', [['2027-04-02', '2027-04-02']]],
    ['Ends tomorrow', 'en', [['2027-03-11', 'tomorrow']]],
    ['Ends this Friday', 'en', [['2027-03-12', 'this Friday']]],
    ['Ends next Friday', 'en', [['2027-03-19', 'next Friday']]],
    ['Ends Friday', 'en', [['2027-03-12', 'Friday']]],
    // Traps: a weekday in passing, a fraction-like ratio with a percent, a version number.
    ['Friday hikes are the best', 'en', []],
    ['Mix 1/2 cup', 'en', []],
    ['Version 1.3. is out', 'en', []],
    ['活动截止 3 月 31 日', 'zh-CN', [['2027-03-31', '3 月 31 日']]],
    ['2027年3月31日前有效', 'zh-CN', [['2027-03-31', '2027年3月31日']]],
    ['明天截止', 'zh-CN', [['2027-03-11', '明天']]],
    ['本周五结束', 'zh-CN', [['2027-03-12', '本周五']]],
    ['Gültig bis 31.03.2027', 'de', [['2027-03-31', '31.03.2027']]],
    ['Nur bis 31. März', 'de', [['2027-03-31', '31. März']]],
    ['Ab 1.3. im Laden', 'de', [['2027-03-01', '1.3.']]],
    ['Endet morgen', 'de', [['2027-03-11', 'morgen']]],
    ["Jusqu'au 31 mars 2027", 'fr', [['2027-03-31', '31 mars 2027']]],
    ['Offre valable jusqu’à demain', 'fr', [['2027-03-11', 'demain']]],
  ],
  '2027-03-10',
);

describe('date roles and years', () => {
  it.each([
    ['Sale ends March 31', 'end'],
    ['Valid until 31.03.2027', 'end'],
    ['Order by 3/31', 'end'],
    ['From March 1', 'start'],
    ['Starts 1 March', 'start'],
    ['Ab 1. März', 'start'],
    ['3月1日起', 'start'],
    ['3月31日前', 'end'],
    ['Shipped on March 3', 'date'],
  ])('%s -> %s', (text, role) => {
    expect(extractDates(text, { locale: 'en' })[0]?.detail?.dateRole).toBe(role);
  });

  it('leaves the year open without a document date, for the campaign to complete', () => {
    expect(values(extractDates('Ends March 31', { locale: 'en' }))).toEqual([['--03-31', 'March 31']]);
  });

  it('takes next year for a day long before the document date', () => {
    expect(values(extractDates('Ends January 5', { locale: 'en', date: '2026-12-20' }))).toEqual([['2027-01-05', 'January 5']]);
  });

  it('reads no relative dates without a document date', () => {
    expect(extractDates('Ends tomorrow', { locale: 'en' })).toEqual([]);
  });

  it('skips days that do not exist', () => {
    expect(extractDates('Ends February 30, 2027 or 31.04.2027', { locale: 'en' })).toEqual([]);
  });
});

table('phone numbers', extractPhones, [
  ['Call us at (800) 555-0199', 'en', [['8005550199', '(800) 555-0199']]],
  ['Questions? +1 800 555 0199', 'en', [['+18005550199', '+1 800 555 0199']]],
  ['Order 31.03.2027 shipped', 'en', []],
  ['客服电话：400-820-1234', 'zh-CN', [['4008201234', '400-820-1234']]],
  ['Rufen Sie uns an: Tel. 030 1234567', 'de', [['0301234567', '030 1234567']]],
]);

table('hashtags', extractHashtags, [
  ['Spring is here #SpringSale #Northwind', 'en', [['#springsale', '#SpringSale'], ['#northwind', '#Northwind']]],
  ['Issue #12 and C# tips', 'en', []],
  ['春季上新 #北风户外', 'zh-CN', [['#北风户外', '#北风户外']]],
]);

describe('product names', () => {
  const products = productExtractor(
    [
      { term: 'Northwind', wrong: ['NorthWind'] },
      { term: 'CloudPack', wrong: ['Cloud Pack', 'Cloudpack'] },
      { term: 'TrailMate' },
    ],
    'Northwind',
  );
  it.each<Row>([
    ['The new CloudPack and TrailMate', 'en', [['CloudPack', 'CloudPack'], ['TrailMate', 'TrailMate']]],
    ['Our Cloud Pack is back', 'en', [['CloudPack', 'Cloud Pack']]],
    ['Northwind gear', 'en', []],
    ['CloudPacking tips', 'en', []],
    ['全新CloudPack背包', 'zh-CN', [['CloudPack', 'CloudPack']]],
  ])('%s (%s)', (text, locale, expected) => {
    expect(values(products(text, { locale }))).toEqual(expected);
  });
});

describe('landing URLs', () => {
  it.each([
    ['https://WWW.Northwind.example/Spring-Sale/', 'https://www.northwind.example/Spring-Sale', {}],
    ['https://www.northwind.example/spring-sale?utm_source=email&utm_campaign=spring-sale#top', 'https://www.northwind.example/spring-sale', { utm_source: 'email', utm_campaign: 'spring-sale' }],
    ['https://www.northwind.example:443/spring?b=2&a=1', 'https://www.northwind.example/spring?a=1&b=2', {}],
    ['northwind.example/spring', 'https://northwind.example/spring', {}],
  ])('%s', (href, value, utm) => {
    expect(normaliseUrl(href)).toMatchObject({ value, utm });
  });
  it.each(['mailto:hi@northwind.example', '{{ unsubscribe_url }}', '#top', 'javascript:void(0)'])('%s is no landing URL', (href) => {
    expect(normaliseUrl(href)).toBeNull();
  });
  it('resolves relative links against a base', () => {
    expect(normaliseUrl('/spring-sale/', 'https://www.northwind.example/x')?.value).toBe('https://www.northwind.example/spring-sale');
  });
});

describe('calls to action', () => {
  it.each([
    ['Shop the sale →', 'shop the sale'],
    ['  SHOP THE SALE! ', 'shop the sale'],
    ['🛒 Shop   the sale', 'shop the sale'],
    ['Jetzt kaufen »', 'jetzt kaufen'],
    ['立即购买', '立即购买'],
  ])('%s -> %s', (text, value) => {
    expect(normaliseCallToAction(text)).toBe(value);
  });
});

describe('numbers', () => {
  it.each([
    ['12.5', 'en', 12.5],
    ['12,5', 'de', 12.5],
    ['12,5', 'en', 12.5],
    ['1,500', 'en', 1500],
    ['1,500', 'de', 1.5],
    ['1.500', 'de', 1500],
    ['1.234,50', 'de', 1234.5],
    ['1,234.50', 'en', 1234.5],
  ] as const)('%s (%s) = %d', (text, locale, value) => {
    expect(parseLocaleNumber(text, locale)).toBe(value);
  });
});

describe('all facts of a text', () => {
  it('reads an amount off as an offer, not a price, and a date is no phone number', () => {
    const found = extractTextFacts('Save $10 with code SPRING10 until 31.03.2027, call +1 800 555 0199', { locale: 'en' });
    expect(found.map((fact) => `${fact.kind}:${fact.value}`)).toEqual(['offer:10 USD off', 'code:SPRING10', 'date:2027-03-31', 'phone:+18005550199']);
  });
});

describe('tel: links', () => {
  it('read as phone numbers normalised like phone numbers in prose', async () => {
    const { loadContentParser } = await import('../../src/engine/runner.js');
    const { extractFacts } = await import('../../src/consistency/extract.js');
    const parse = (await loadContentParser())!;
    const text = [
      '<html><body>',
      '<a href="tel:+1 (800) 555-0199">Call us</a>',
      '<a href="tel:12345">Short</a>',
      '<a href="tel:1800+5550199">Plus inside</a>',
      '<a href="tel:+1234567890123456">Too long</a>',
      '</body></html>',
    ].join('\n');
    const document = await parse({ file: 'a.email.html', absolutePath: '/virtual/a.email.html', text, channel: 'email' });
    expect(extractFacts(document, null).filter((fact) => fact.kind === 'phone').map((fact) => `${fact.value}@${fact.range.start.line}:${fact.range.start.column}`)).toEqual([
      '+18005550199@2:10',
    ]);
  });
});
