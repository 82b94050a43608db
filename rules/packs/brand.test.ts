import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { loadExampleBrand, testRule } from '../../test/rule-tester.js';
import { packRule, shippedRule } from '../../test/packs/helpers.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';

/**
 * The brand pack (`brand/*`) built from the Northwind guidelines' `voice` section
 * (tokens/brand.guidelines.yaml): names, banned, preferred, exclamation, emoji, acronyms and
 * reading grade.
 */

const file = 'emails/voice.html';
const p = (text: string): string => `<p>${text}</p>`;
const pl = (text: string): string => `<p lang="pl">${text}</p>`;

type Voice = NonNullable<BrandModel['voice']>;
/** The example brand with its voice changed (a new object, so the pack builds its specs anew). */
const withVoice =
  (change: (voice: Voice) => Partial<Voice>) =>
  (brand: BrandModel): BrandModel => ({ ...brand, voice: { ...brand.voice!, ...change(brand.voice!) } });
/** Polish "tanio" (cheap) banned in Polish text only. */
const polishBanned = withVoice((voice) => ({ banned: [...voice.banned, { phrase: 'tanio', caseSensitive: false, locales: ['pl'] }] }));
/** "Logowanie" for "login", in Polish only. */
const polishPreferred = withVoice((voice) => ({ preferred: [...voice.preferred, { use: 'logowanie', instead: ['logon'], caseSensitive: false, locales: ['pl'] }] }));
/** "CloudPack" spelt out in English text only. */
const englishNames = withVoice((voice) => ({ names: voice.names.map((name) => (name.term === 'CloudPack' ? { ...name, locales: ['en'] } : name)) }));
/** Shouting checked in Polish too (configured locale pl), with "UE" allowed there only. */
const polishAcronym = withVoice((voice) => ({ acronyms: [...voice.acronyms, { acronym: 'UE', locales: ['pl'] }, { acronym: 'SALE', locales: ['pl'] }] }));

testRule(await shippedRule('brand/names'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Northwind makes CloudPack™ and TrailMate. Join Northwind Rewards.') },
    { name: 'domain and email', code: p('northwind.example, hello@NorthWind.example, https://NORTHWIND.example') },
    { name: 'hashtags', code: p('#CloudPack #northwind') },
    { name: 'templates', code: p('{{ northwind }} *|CLOUDPACK|* {trailmate}') },
    { name: 'no brand, no findings', code: p('NorthWind'), noBrand: true },
    { name: 'the weather', code: p('A cold north wind.') },
    { name: 'an entry with locales: [en] skips Polish text', code: pl('Nowy Cloudpack już jest.'), brand: englishNames },
  ],
  invalid: [
    { code: p('Welcome to NorthWind.'), errors: [{ line: 1, column: 15, endColumn: 24, message: 'Write "Northwind", not "NorthWind".' }], output: p('Welcome to Northwind.') },
    { name: 'all caps heading', code: '<h1>NORTHWIND SALE</h1>', errors: [{ line: 1, column: 5 }], output: '<h1>Northwind SALE</h1>' },
    { name: 'first CloudPack needs ™', code: p('Cloudpack is here. CloudPack is light.'), errors: [{ line: 1, column: 4 }], output: p('CloudPack™ is here. CloudPack is light.') },
    { name: 'possessive', code: p("TrailMate and Trail Mate's battery"), errors: [{ line: 1, column: 18, endColumn: 28 }], output: p("TrailMate and TrailMate's battery") },
    { name: 'CJK', code: '<p lang="zh">欢迎来到NorthWind商店</p>', errors: [{ line: 1, column: 18 }], output: '<p lang="zh">欢迎来到Northwind商店</p>' },
    { name: 'trap: names apply to every language (Polish)', code: pl('Witamy w NorthWind.'), errors: [{ line: 1, column: 23 }], output: pl('Witamy w Northwind.') },
    { name: 'an entry with locales: [en] still fires in English', code: p('Cloudpack is here.'), brand: englishNames, errors: [{ line: 1, column: 4 }], output: p('CloudPack™ is here.') },
    { name: 'program name', code: p('Join the Northwind Reward Program'), errors: [{ line: 1, column: 13, endColumn: 37 }], output: p('Join the Northwind Rewards') },
  ],
});

testRule(await shippedRule('brand/banned'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Great value boots.') },
    { name: 'cheaper is another word', code: p('Cheaper by the pair') },
    { name: 'link text that says where', code: p('<a href="/boots">See the boots</a>') },
    { name: 'an entry with locales: [pl] skips English text', code: p('Tanio is not an English word.'), brand: polishBanned },
  ],
  invalid: [
    { name: 'trap: banned applies to every language (Polish)', code: pl('Cheap buty'), errors: [{ line: 1, column: 14, message: /^Avoid "Cheap"\./ }] },
    { name: 'an entry with locales: [pl] fires in Polish', code: pl('Kup tanio buty'), brand: polishBanned, errors: [{ line: 1, column: 18, message: 'Avoid "tanio".' }] },
    { name: 'locales match by language prefix (pl-PL)', code: '<p lang="pl-PL">Kup tanio</p>', brand: polishBanned, errors: [{ line: 1, column: 21 }] },
    { code: p('Cheap boots'), errors: [{ line: 1, column: 4, message: 'Avoid "Cheap". Northwind gear is good value, never cheap. Try "affordable" or "great value".' }] },
    { name: 'pattern', code: p('<a href="/x">Click here</a>'), errors: [{ line: 1, column: 17, message: 'Avoid "Click here". Link text must say where the link goes.' }] },
  ],
});

testRule(await shippedRule('brand/preferred'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Sign in to your account.') },
    { name: 'URL', code: p('https://northwind.example/login') },
    { name: 'Polish: "login" and "e-mail" are standard Polish', code: pl('Podaj login i adres e-mail.') },
    { name: 'a Polish element inside an English page', code: `<p>Sign in.</p><blockquote lang="pl">Twój login i e-mail</blockquote>` },
    { name: 'an entry with locales: [pl] skips English text', code: p('Logon to the portal.'), brand: polishPreferred },
  ],
  invalid: [
    { name: 'English "e-mail"', code: p('Check your e-mail.'), errors: [{ line: 1, column: 15, message: 'Write "email" instead of "e-mail".' }], output: p('Check your email.') },
    { name: 'English text at a Polish page’s English element', code: `<div lang="pl"><p lang="en-GB">Login here</p></div>`, errors: [{ line: 1, column: 32 }], output: `<div lang="pl"><p lang="en-GB">Sign in here</p></div>` },
    { name: 'an entry with locales: [pl] fires in Polish', code: pl('Ekran logon'), brand: polishPreferred, errors: [{ line: 1, column: 20 }], output: pl('Ekran logowanie') },
    { code: p('Login to your account.'), errors: [{ line: 1, column: 4, message: 'Write "Sign in" instead of "Login".' }], output: p('Sign in to your account.') },
    { code: p('Send an E-MAIL'), errors: [{ line: 1, column: 12 }], output: p('Send an EMAIL') },
    { name: 'a Title Case label keeps Title Case', code: '<a href="/account">Log In</a>', errors: [{ line: 1, column: 20, message: 'Write "Sign In" instead of "Log In".' }], output: '<a href="/account">Sign In</a>' },
    { name: 'trap: sentence case stays sentence case', code: p('Log in to your account.'), errors: [{ line: 1, column: 4, message: 'Write "Sign in" instead of "Log in".' }], output: p('Sign in to your account.') },
  ],
});

testRule(await shippedRule('brand/exclamation'), {
  channel: 'email',
  file,
  valid: [{ code: p('Welcome! Your boots ship today.') }],
  invalid: [{ code: p('Welcome! Your boots ship today!'), errors: [{ line: 1, column: 34, message: 'This message has 2 exclamation marks; the brand allows 1.' }] }],
});

testRule(await shippedRule('brand/emoji'), {
  channel: 'landing',
  file: 'site/index.html',
  valid: [
    { name: 'emoji on a page are the channel rules’ business', code: p('🎉🎉🎉🎉 on a page') },
    { name: 'three in a post', code: '---\nplatform: instagram\n---\nHi 🎉🎉🎉 #Northwind\n', file: 'social/post.md', channel: 'social' },
    { name: 'legal marks are not emoji', code: '---\nplatform: instagram\n---\nCloudPack™ ® © ✓ #Northwind\n', file: 'social/post.md', channel: 'social' },
  ],
  invalid: [
    {
      name: 'four in a post',
      code: '---\nplatform: instagram\n---\nHi 🎉🎉🎉🏔️ #Northwind\n',
      file: 'social/post.md',
      channel: 'social',
      errors: [{ line: 4, column: 10, message: 'This message has 4 emoji; the brand allows 3.' }],
    },
  ],
});

testRule(await shippedRule('brand/shouting'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Use GPS and SPF 50, sizes XL and XXL, shipped in the EU and UK.') },
    { name: 'trap: initialisms side by side are no shouting', code: p('Polls from NBC CNN and ABC') },
    { name: 'a brand name in capitals is brand/names’ finding', code: p('NORTHWIND') },
    { name: 'Polish text: not checked (the configured locale is en)', code: pl('Kraje UE i DARMOWA dostawa') },
    { name: 'configured locale pl: an acronym with locales: [pl] is fine in Polish', code: p('Kraje UE'), locale: 'pl', brand: polishAcronym },
    { name: 'configured locale pl: pl-PL text is Polish', code: '<p lang="pl-PL">Kraje UE</p>', locale: 'pl', brand: polishAcronym },
  ],
  invalid: [
    { code: p('FREE shipping'), errors: [{ line: 1, column: 4, endColumn: 8, message: '"FREE" is in capitals; write it in normal case (only listed acronyms may be capitals).' }] },
    {
      name: 'an initialism before a shouted word is not asked to be lowered',
      code: p('The new NBC POLL is out'),
      errors: [{ line: 1, column: 16, endColumn: 20, message: '"POLL" is in capitals; write it in normal case (only listed acronyms may be capitals).' }],
    },
    { name: "a contraction with a typographic apostrophe is a word, not an initialism", code: p('IT‘S YOUR DAY'), errors: [{ line: 1, column: 4, endColumn: 17 }] },
    { name: 'configured locale pl: Polish text is checked', code: p('DARMOWA dostawa'), locale: 'pl', errors: [{ line: 1, column: 4, endColumn: 11 }] },
    { name: 'configured locale pl: "UE" without locales is shouting', code: p('Kraje UE'), locale: 'pl', errors: [{ line: 1, column: 10 }] },
  ],
});

// A pack's shouting rule applies to every language and reads the brand's acronyms with their locales.
testRule(packRule('id: t\ndescription: t\nrules:\n  - id: caps\n    kind: shouting\n    message: \'"{actual}" shouts.\'\n'), {
  channel: 'email',
  file,
  valid: [{ name: 'an acronym with locales: [pl] in Polish', code: pl('Kraje UE, SALE wykładowe'), brand: polishAcronym }],
  invalid: [
    { name: 'an acronym with locales: [pl] shouts in English', code: p('SALE today'), brand: polishAcronym, errors: [{ line: 1, column: 4, message: '"SALE" shouts.' }] },
    { name: 'trap: without the brand entry, Polish "UE" shouts in a pack rule', code: pl('Kraje UE'), errors: [{ line: 1, column: 20 }] },
  ],
});

const hard =
  'Notwithstanding considerable organizational complexity, comprehensive documentation facilitates understanding of sophisticated infrastructural interdependencies.';

testRule(await shippedRule('brand/reading-grade'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Your boots ship today. They are light and warm. Wear them on the trail and tell us how they feel. We hope you like them.') },
    { name: 'not English', code: `<p lang="pl">${hard} ${hard}</p>` },
  ],
  invalid: [
    { code: p(`Hi there, good friends. ${hard} We hope you like it a lot.`), errors: [{ line: 1, column: 28, message: /^This message reads at grade \d+(\.\d)?; the brand aims for 8 or lower\./ }] },
    {
      name: 'trap: a one-word fragment is not the hardest sentence (nor a sentence for the grade)',
      code: `${p(`${'Our organization provides comprehensive documentation for every product. '.repeat(3).trim()}`)}<p>Unsubscribe</p><p>Operations Manager</p>`,
      errors: [{ line: 1, column: 4, endColumn: 76, message: /^This message reads at grade \d+(\.\d)?; the brand aims for 8 or lower\./ }],
    },
    {
      name: 'the sentence that raises the grade most, not the one with the highest grade alone',
      code: p('We walk in the park. We rest by the lake. We eat our lunch there. Considerable organizational complexity facilitates comprehensive interdependencies across our operations today. Unquestionably, indubitably.'),
      errors: [{ line: 1, column: 70, message: /^This message reads at grade/ }],
    },
  ],
});

describe('entries left out by language are said, not silent', () => {
  const lint = async (code: string, locale?: string) =>
    lintText({
      text: code,
      file,
      channel: 'email',
      brand: await loadExampleBrand(),
      rules: [await shippedRule('brand/preferred'), await shippedRule('brand/shouting'), await shippedRule('brand/banned')],
      ...(locale ? { locale } : {}),
    });

  it('a Polish email under locale en: preferred and shouting did not apply, banned did', async () => {
    const result = await lint(pl('Podaj login i e-mail. Tanie buty w UE.'));
    expect(result.diagnostics).toEqual([]);
    expect(result.notApplied).toEqual([
      'brand/preferred: only for en (the configured locale); the text is pl',
      'brand/shouting: only for en (the configured locale); the text is pl',
    ]);
  });

  it('an English email: no notice', async () => {
    const result = await lint(p('Check your e-mail.'));
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['brand/preferred']);
    expect(result.notApplied).toEqual([]);
  });

  it('under locale pl the same Polish email is checked, an English one is not', async () => {
    expect((await lint(pl('Podaj login.'), 'pl')).diagnostics.map((d) => d.ruleId)).toEqual(['brand/preferred']);
    expect((await lint('<p lang="en">Check your e-mail.</p>', 'pl')).notApplied).toContain('brand/preferred: only for pl (the configured locale); the text is en');
  });
});
