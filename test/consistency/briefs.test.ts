import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/consistency/briefs.js';

/** Campaign briefs: validated strictly with positions, values normalised like content facts. */

const FILE = 'campaigns/spring-sale.yaml';
const problems = (text: string) => parseBrief(text, FILE, 'spring-sale').diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.message}`);

describe('campaign briefs', () => {
  it('normalises every value like the same fact in content', () => {
    const { brief, diagnostics } = parseBrief(
      [
        'name: Spring Sale',
        'offer: [20 % off, free delivery]',
        'code: spring20',
        'start: 2027-03-01',
        'end: 2027-03-31',
        'landingUrl: https://WWW.northwind.example/spring-sale/',
        'cta: Shop the sale →',
        'products: [CloudPack]',
        'phone: +1 (800) 555-0199',
        'hashtags: ["#SpringSale"]',
      ].join('\n'),
      FILE,
      'spring-sale',
    );
    expect(diagnostics).toEqual([]);
    expect(brief?.facts.map((fact) => `${fact.kind}:${fact.value}@${fact.range.start.line}:${fact.range.start.column}`)).toEqual([
      'offer:20% off@2:9',
      'offer:free shipping@2:19',
      'code:SPRING20@3:7',
      'date:2027-03-01@4:8',
      'date:2027-03-31@5:6',
      'link:https://www.northwind.example/spring-sale@6:13',
      'cta:shop the sale@7:6',
      'product:CloudPack@8:12',
      'phone:+18005550199@9:8',
      'hashtag:#springsale@10:12',
    ]);
    expect(brief?.facts.filter((fact) => fact.kind === 'date').map((fact) => fact.detail?.dateRole)).toEqual(['start', 'end']);
  });

  it.each([
    ['offerr: 20% off\n', /^1:1 brief\/unknown-key .*offerr.*did you mean "offer"/],
    ['offer: a great deal\n', /^1:8 brief\/invalid-value "a great deal" is not one offer brandlint can read/],
    ['end: 31.03.2027\n', /^1:6 brief\/invalid-value .*expected an ISO date such as 2027-03-31/],
    ['end: 2027-02-30\n', /^1:6 brief\/invalid-value .*no such day/],
    ['start: 2027-04-01\nend: 2027-03-31\n', /^2:6 brief\/invalid-value end 2027-03-31 is before start 2027-04-01/],
    ['landingUrl: mailto:sale@northwind.example\n', /^1:13 brief\/invalid-value "mailto:sale@northwind.example" is not an http\(s\) URL/],
    ['id: autumn\n', /^1:5 brief\/invalid-value the brief of campaign "spring-sale" says its id is "autumn"/],
    ['offer: [20% off\n', /^\d+:\d+ brief\/syntax/],
  ])('%j is reported where it is wrong', (text, expected) => {
    const found = problems(text);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(found[0]).toMatch(expected);
  });

  it('lists the problems of the values beside unknown keys and bad dates, in one run', () => {
    expect(problems('offer: twenty percent\ncode: SPRING 20\nend: 2027-02-31\nctaa: Shop the sale\n')).toEqual([
      '3:6 brief/invalid-value end: no such day',
      expect.stringMatching(/^4:1 brief\/unknown-key unknown key "ctaa".*did you mean "cta"/),
      '1:8 brief/invalid-value "twenty percent" is not one offer brandlint can read (such as "20% off", "$10 off", "buy one get one", "free shipping")',
      '2:7 brief/invalid-value "SPRING 20" is not a promo code (letters, digits, "-" and "_")',
    ]);
    expect(parseBrief('offer: 20% off\nctaa: Shop the sale\n', FILE, 'spring-sale').brief).toBeNull();
    expect(problems('- offer: 20% off\n')).toHaveLength(1);
  });

  it('takes one product or hashtag without a list, like one offer, code or call to action', () => {
    const { brief, diagnostics } = parseBrief('products: CloudPack\nhashtags: "#SpringSale"\n', FILE, 'spring-sale');
    expect(diagnostics).toEqual([]);
    expect(brief?.facts.map((fact) => `${fact.kind}:${fact.value}@${fact.range.start.line}:${fact.range.start.column}`)).toEqual(['product:CloudPack@1:11', 'hashtag:#springsale@2:11']);
    expect(problems('hashtags: Northwind\n')).toEqual(['1:11 brief/invalid-value hashtags: expected a hashtag such as #SpringSale, got string "Northwind"']);
    expect(problems('hashtags: ["#A", Northwind]\n')).toEqual(['1:18 brief/invalid-value hashtags[1]: expected a hashtag such as #SpringSale, got string "Northwind"']);
  });

  it('an invalid brief gives no reference (the majority is used instead)', () => {
    expect(parseBrief('offer: nothing\n', FILE, 'spring-sale').brief).toBeNull();
  });
});
