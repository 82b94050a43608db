import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { loadExampleBrand, testRule } from '../../test/rule-tester.js';
import { packRule, packRules } from '../../test/packs/helpers.js';

/**
 * Every rule kind of the pack format, on inline packs, with the traps prose linters fall into:
 * URLs, email addresses, domains, template tags, code, hashtags, possessives, CJK without
 * spaces, and text in another language.
 */

const file = 'emails/voice.html';
const p = (text: string): string => `<p>${text}</p>`;

// ---------------------------------------------------------------------------------------------
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: banned
    kind: existence
    message: Avoid "{actual}".
    tokens:
      - cheap
      - click here
      - phrase: free gift
        message: No "{actual}", it is a promise we cannot keep.
    patterns:
      - '\\d+% off'
    exceptions:
      - cheap shot
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: p('Good value boots for every trail.') },
      { name: 'longer words', code: p('The cheapest route is the cheapskate one.') },
      { name: 'URL', code: p('See https://cheap.example/click-here/cheap today') },
      { name: 'email address', code: p('Write to cheap@northwind.example') },
      { name: 'bare domain', code: p('Visit cheap.example today') },
      { name: 'Handlebars tag', code: p('Hi {{ cheap }}') },
      { name: 'Mailchimp tag', code: p('Hi *|CHEAP|*') },
      { name: 'slot', code: p('Hi {cheap}') },
      { name: 'inline code', code: p('Run `cheap` first') },
      { name: 'hashtag', code: p('Join #cheap and #ClickHere') },
      { name: 'mention', code: p('Thanks @cheap') },
      { name: 'exception', code: p('That was a cheap shot.') },
      // Entries are first looked for in the whole document's prose: a phrase split over two runs is not in either.
      { name: 'a phrase whose words are in two paragraphs', code: `${p('Please click')}\n${p('here to start.')}` },
    ],
    invalid: [
      { code: p('Cheap boots.'), errors: [{ line: 1, column: 4, endColumn: 9, message: 'Avoid "Cheap".' }] },
      {
        name: 'in the third paragraph and the last heading of a document',
        code: `${p('Good value.')}\n${p('Boots for every trail.')}\n${p('Cheap laces too.')}\n<h2>Not cheap</h2>`,
        errors: [{ line: 3, column: 4, endColumn: 9 }, { line: 4, column: 9, endColumn: 14 }],
      },
      { name: 'across a line break', code: p('Please click\nhere.'), errors: [{ line: 1, column: 11, endLine: 2, endColumn: 5 }] },
      {
        name: 'own message',
        code: p('A free gift inside.'),
        errors: [{ line: 1, column: 6, message: 'No "free gift", it is a promise we cannot keep.' }],
      },
      { name: 'pattern', code: p('Now 20% off!'), errors: [{ line: 1, column: 8, endColumn: 15, message: 'Avoid "20% off".' }] },
      { name: 'CJK without spaces', code: '<p lang="zh">这双cheap靴子</p>', errors: [{ line: 1, column: 16, endColumn: 21 }] },
      { name: 'after an entity', code: p('Boots &amp; cheap socks'), errors: [{ line: 1, column: 16, endColumn: 21 }] },
      { name: 'in alt text', code: '<img src="a.png" alt="cheap boots">', errors: [{ line: 1, column: 23 }] },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: swap
    kind: substitution
    message: Write "{expected}" instead of "{actual}".
    swap:
      utilize: use
      in order to: to
      e-mail: email
      guys: [everyone, folks]
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: p('We use maps.') },
      { name: 'URL', code: p('https://northwind.example/utilize?in-order-to=1') },
      { name: 'template', code: p('{{ utilize }} {% if utilize %}x{% endif %}') },
      { name: 'hashtag', code: p('#Utilize #guys') },
      { name: 'longer word', code: p('Underutilized trails') },
    ],
    invalid: [
      { code: p('We utilize maps.'), errors: [{ line: 1, column: 7, endColumn: 14, message: 'Write "use" instead of "utilize".' }], output: p('We use maps.') },
      { name: 'capitalised', code: p('Utilize maps.'), errors: [{ line: 1, column: 4 }], output: p('Use maps.') },
      { name: 'capitals', code: p('UTILIZE MAPS'), errors: [{ line: 1, column: 4 }], output: p('USE MAPS') },
      { name: 'a phrase over a line break', code: p('Pack light in order\nto go far.'), errors: [{ line: 1, column: 15, endLine: 2, endColumn: 3 }], output: p('Pack light to go far.') },
      { name: 'hyphenated', code: p('Send an e-mail.'), errors: [{ line: 1, column: 12, message: 'Write "email" instead of "e-mail".' }], output: p('Send an email.') },
      {
        name: 'choices are suggested, not applied',
        code: p('Hi guys'),
        errors: [{ line: 1, column: 7, message: 'Write "everyone" or "folks" instead of "guys".' }],
        output: null,
      },
      {
        name: 'the fix touches only the match, after entities',
        code: p('Maps &amp; more: utilize them'),
        errors: [{ line: 1, column: 21, endColumn: 28 }],
        output: p('Maps &amp; more: use them'),
      },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: names
    kind: term
    message: Write "{expected}", not "{actual}".
    terms:
      - term: CloudPack
        wrong: [Cloud Pack, Cloud-Pack]
        trademark: ™
      - term: Northwind
        wrong: [North Wind]
      - term: Northwind Rewards
        wrong: [NW Rewards]
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: p('Northwind makes CloudPack™. CloudPack packs flat.') },
      { name: 'mark as entity', code: p('CloudPack&trade; is light') },
      { name: 'mark in sup', code: p('CloudPack<sup>™</sup> is light') },
      { name: 'plural and possessive', code: p('Two CloudPack™s and Northwind’s trails, Northwind\'s maps') },
      { name: 'domain', code: p('Shop at northwind.example or NorthWind.example') },
      { name: 'URL', code: p('https://www.northwind.example/cloudpack') },
      { name: 'email address', code: p('help@NorthWind.example') },
      { name: 'hashtag', code: p('#CloudPack #northwind #NorthWind') },
      { name: 'template tags', code: p('{{ cloudpack }} *|NORTHWIND|* {northwind}') },
      { name: 'wrong variants are exact', code: p('The north wind blows.') },
      { name: 'the longer name', code: p('Join Northwind Rewards today') },
      { name: 'alt text needs no mark', code: '<img src="a.png" alt="CloudPack on a rock"><p>CloudPack™</p>' },
    ],
    invalid: [
      {
        name: 'case variant',
        code: p('Welcome to NorthWind'),
        errors: [{ line: 1, column: 15, endColumn: 24, message: 'Write "Northwind", not "NorthWind".' }],
        output: p('Welcome to Northwind'),
      },
      { name: 'capitals', code: p('NORTHWIND'), errors: [{ line: 1, column: 4 }], output: p('Northwind') },
      { name: 'wrong variant', code: p('North Wind gear'), errors: [{ line: 1, column: 4, endColumn: 14 }], output: p('Northwind gear') },
      {
        name: 'wrong variant of the first use gets the mark too',
        code: p('Meet Cloud Pack.'),
        errors: [{ line: 1, column: 9, endColumn: 19, message: 'Write "CloudPack", not "Cloud Pack".' }],
        output: p('Meet CloudPack™.'),
      },
      {
        name: 'possessive keeps its ending',
        code: p("CloudPack™ is here. Cloud-Pack's straps"),
        errors: [{ line: 1, column: 24, endColumn: 34 }],
        output: p("CloudPack™ is here. CloudPack's straps"),
      },
      { name: 'plural keeps its ending', code: p('CloudPack™ and two Cloudpacks'), errors: [{ line: 1, column: 23, endColumn: 32 }], output: p('CloudPack™ and two CloudPacks') },
      {
        name: 'missing trademark on first use only',
        code: p('CloudPack is light. CloudPack is tough.'),
        errors: [{ line: 1, column: 4, endColumn: 13, message: 'Add "™" to the first "CloudPack" in this message.' }],
        output: p('CloudPack™ is light. CloudPack is tough.'),
      },
      { name: 'CJK without spaces', code: '<p lang="zh">欢迎来到NorthWind商店</p>', errors: [{ line: 1, column: 18, endColumn: 27 }], output: '<p lang="zh">欢迎来到Northwind商店</p>' },
      { name: 'Japanese', code: '<p lang="ja">ノースウィンドのNORTHWINDへ</p>', errors: [{ line: 1, column: 22 }], output: '<p lang="ja">ノースウィンドのNorthwindへ</p>' },
      { name: 'German text is checked too', code: '<p lang="de">Die North Wind App</p>', errors: [{ line: 1, column: 18 }], output: '<p lang="de">Die Northwind App</p>' },
      { name: 'wrong longer name', code: p('Join NW Rewards'), errors: [{ line: 1, column: 9, endColumn: 19 }], output: p('Join Northwind Rewards') },
    ],
  },
);

// Names shorter than a word's first three characters, or starting with a short word: found
// whatever the words around them (terms are looked up only at words that may start one).
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: names
    kind: term
    message: Write "{expected}", not "{actual}".
    terms:
      - term: XR
        wrong: [Xr]
      - term: Go Pack
        wrong: [GoPack, Go-Pak]
      - term: Q
        wrong: [q]
`),
  {
    channel: 'email',
    file,
    valid: [{ code: p('XR and Go Pack and Q. Xray, Gopher, Quick.') }],
    invalid: [
      { name: 'a two-letter name with a suffix', code: p('Two Xrs'), errors: [{ line: 1, column: 8, endColumn: 10 }], output: p('Two XRs') },
      { name: 'a name after a short word', code: p('Get a GoPack now'), errors: [{ line: 1, column: 10, endColumn: 16 }], output: p('Get a Go Pack now') },
      { name: 'a wrong name starting with a short word', code: p('Get Go-Pak'), errors: [{ line: 1, column: 8, endColumn: 14 }], output: p('Get Go Pack') },
      { name: 'a one-letter name', code: p('Ask q now'), errors: [{ line: 1, column: 8, endColumn: 9 }], output: p('Ask Q now') },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: exclamation
    kind: occurrence
    message: '{count} exclamation marks in one message; at most {max}.'
    count: exclamation
    max: 1
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: p('Hello! Welcome.') },
      { name: 'in a URL', code: p('Hello! https://x.example/a!b') },
      { name: 'in a template', code: p('Hello! {{ "!" }}') },
    ],
    invalid: [
      { code: p('Hello! Welcome!'), errors: [{ line: 1, column: 18, endColumn: 19, message: '2 exclamation marks in one message; at most 1.' }] },
      { name: 'across runs of one message', code: '<h1>Hi!</h1><p>Go!</p><p>Now!</p>', errors: [{ line: 1, column: 18, message: /^3 exclamation/ }] },
    ],
  },
);

testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: emoji
    kind: occurrence
    message: '{count} emoji; at most {max}.'
    count: emoji
    max: 2
`),
  {
    channel: 'landing',
    file: 'site/index.html',
    valid: [
      { code: p('🎉 Party 🏔️') },
      { name: 'legal marks are not emoji', code: p('CloudPack™ © 2026 Northwind® ✓ → ★') },
      { name: 'a family is one emoji', code: p('👨‍👩‍👧 and 🇩🇪') },
    ],
    invalid: [{ code: p('🎉🎉 and 🚀'), errors: [{ line: 1, column: 13, endColumn: 15, message: '3 emoji; at most 2.' }] }],
  },
);

testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: hashtags
    kind: occurrence
    message: '{count} hashtags; at most {max}.'
    count: hashtag
    max: 2
  - id: links
    kind: occurrence
    message: '{count} links; at most {max}.'
    count: link
    max: 1
`),
  {
    channel: 'landing',
    file: 'site/index.html',
    valid: [{ code: p('#Northwind #Hike and a #1 spot') }, { name: 'C# is no hashtag', code: p('Learn C# and F# #two #three') }],
    invalid: [{ code: p('#Northwind #Hike #Trail'), errors: [{ line: 1, column: 21, endColumn: 27 }] }],
  },
);

testRule(
  packRule(
    `
id: test-pack
description: kinds
rules:
  - id: links
    kind: occurrence
    message: '{count} links; at most {max}.'
    count: link
    max: 1
`,
    'test-pack/links',
  ),
  {
    channel: 'landing',
    file: 'site/index.html',
    valid: [{ code: '<p><a href="https://a.example">A</a> and help@northwind.example</p>' }],
    invalid: [
      { code: '<p><a href="https://a.example">A</a> <a href="/b">B</a></p>', errors: [{ line: 1, column: 47, message: '2 links; at most 1.' }] },
      { name: 'plain-text links count', code: p('See https://a.example and northwind.example'), errors: [{ line: 1, column: 30 }] },
    ],
  },
);

testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: free
    kind: occurrence
    message: '"free" {count} times in one message; at most {max}.'
    count: pattern
    pattern: '[Ff]ree\\b'
    max: 1
`),
  {
    channel: 'landing',
    file: 'site/index.html',
    valid: [{ code: p('Free returns. Freedom to roam.') }, { name: 'per message', code: '<p>Free returns.</p><p>Hi</p>' }],
    invalid: [
      { code: p('Free boots, free socks'), errors: [{ line: 1, column: 16, endColumn: 20, message: '"free" 2 times in one message; at most 1.' }] },
      { name: 'across runs of one message', code: '<h1>Free</h1><p>Free, free</p>', errors: [{ line: 1, column: 17, message: /^"free" 3 times/ }] },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: shouting
    kind: shouting
    message: '"{actual}" shouts.'
    acronyms: [GPS, UV]
    brandAcronyms: false
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: p('Use GPS and UV protection.') },
      { name: 'single letters', code: p('Plan A or B, I think') },
      { name: 'words with digits', code: p('MP3 and 4WD and A4') },
      { name: 'dotted abbreviations', code: p('P.S. see you on U.S. trails') },
      { name: 'Roman numerals', code: p('Part II and XIV') },
      { name: 'URL and template', code: p('HTTPS://NORTHWIND.EXAMPLE/SALE {{ FIRST_NAME }} *|FNAME|*') },
      { name: 'hashtag', code: p('#SALE') },
      { name: 'no case in CJK', code: '<p lang="zh">欢迎来到商店</p>' },
      { name: 'initialisms that spell no English word', code: p('Get the PDF, read the FAQ, learn HTML, CSS and YAML from our CTO at Trailhead LLC.') },
      { name: 'lone two-letter codes', code: p('Portland, OR 97477 US. Ask IT, then click OK.') },
      { name: 'a path or identifier in link text', code: p('See <a href="/l">LEGAL/terms_of_sale.txt</a> and SHIPPING_RATES') },
    ],
    invalid: [
      { code: p('Boots on SALE now'), errors: [{ line: 1, column: 13, endColumn: 17, message: '"SALE" shouts.' }] },
      { name: 'consecutive words are one finding', code: p('BUY NOW, TODAY only'), errors: [{ line: 1, column: 4, endColumn: 18, message: '"BUY NOW, TODAY" shouts.' }] },
      { name: 'inflected words shout too', code: p('SALES'), errors: [{ line: 1, column: 4 }] },
      { name: 'a word beside an initialism: the initialism is not marked', code: p('READ THE FAQ'), errors: [{ line: 1, column: 4, endColumn: 12, message: '"READ THE" shouts.' }] },
      { name: 'an initialism inside a run stays in it', code: p('READ OUR FAQ TODAY'), errors: [{ line: 1, column: 4, endColumn: 22, message: '"READ OUR FAQ TODAY" shouts.' }] },
      { name: 'two-letter words in a run', code: p('WE MISS YOU'), errors: [{ line: 1, column: 4, endColumn: 15 }] },
      { name: 'outside English every unlisted word counts', code: '<p lang="fr">Voir la FAQ</p>', errors: [{ line: 1, column: 22, endColumn: 25 }] },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
const hardSentence =
  'Notwithstanding considerable organizational complexity, comprehensive documentation facilitates understanding of sophisticated infrastructural interdependencies.';

testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: readable
    kind: readability
    message: Grade {grade}; aim for {max}.
    maxGrade: { email: 8, landing: 12 }
    minWords: 10
    maxSentenceWords: 25
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: p('Pack light. Walk far. Drink water on the way. Rest when you are tired. Look at the view.') },
      { name: 'too short to grade', code: p(hardSentence.split(' ').slice(0, 6).join(' ') + '.') },
      { name: 'not English', code: `<p lang="de">${hardSentence}</p>` },
      { name: 'headings are not graded by default', code: `<h1>${hardSentence}</h1>` },
    ],
    invalid: [
      {
        code: p(`We hike. ${hardSentence}`),
        errors: [{ line: 1, column: 13, endColumn: 13 + hardSentence.length, message: /^Grade \d+(\.\d)?; aim for 8\.$/ }],
      },
      {
        name: 'long sentence',
        code: p('We walk and we walk and we walk and we walk and we walk and we walk and we walk and we walk and we walk and we stop.'),
        errors: [{ line: 1, column: 4, message: 'This sentence has 29 words; keep sentences to 25 words or fewer.' }],
      },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: unsubscribe
    kind: require
    message: Every email needs an unsubscribe link.
    linkPattern: unsubscribe|abmelden
`),
  {
    channel: 'email',
    file,
    valid: [
      { code: '<p>Hi</p><p><a href="https://northwind.example/unsubscribe?u=1">Leave</a></p>' },
      { name: 'by link text', code: '<p>Hi</p><a href="{{ unsub_url }}">Unsubscribe</a>' },
      { name: 'plain-text URL', code: '<p>Hi. Leave at https://northwind.example/unsubscribe</p>' },
    ],
    invalid: [{ code: '<p>Hi</p><p><a href="https://northwind.example/shop">Shop</a></p>', errors: [{ line: 1, column: 4, message: 'Every email needs an unsubscribe link.' }] }],
  },
);

testRule(
  packRule(`
id: test-pack
description: kinds
rules:
  - id: brand-hashtag
    kind: require
    message: Every post carries the brand hashtag.
    pattern: '#Northwind\\b'
    ignoreCase: false
`),
  {
    channel: 'landing',
    file: 'site/index.html',
    valid: [{ code: p('New trails #Northwind') }],
    invalid: [
      { code: p('New trails #northwind'), errors: [{ line: 1, column: 4 }] },
      { name: 'a longer hashtag is another hashtag', code: p('New trails #NorthwindLife'), errors: [{ line: 1, column: 4 }] },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
describe('scoping', () => {
  const rules = packRules(`
id: scoped
description: scoping
locales: [en]
rules:
  - id: utilize
    kind: substitution
    message: Use "{expected}".
    swap: { utilize: use }
  - id: subject-only
    kind: existence
    message: No "{actual}" in subjects.
    scopes: [subject]
    tokens: [free]
  - id: landing-only
    kind: existence
    message: No "{actual}" on pages.
    channels: [landing]
    tokens: [free]
  - id: german
    kind: existence
    message: Kein "{actual}".
    locales: [de]
    tokens: [billig]
  - id: x-only
    kind: existence
    message: Not on X.
    platforms: [x]
    tokens: [thread]
`);
  const lint = (text: string, channel: 'email' | 'landing' = 'email', config?: Parameters<typeof lintText>[0]['config']) =>
    lintText({ text, file: channel === 'email' ? file : 'site/index.html', channel, rules, ...(config ? { config } : {}) });
  const ids = (result: Awaited<ReturnType<typeof lint>>) => result.diagnostics.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column}`);

  it('runs English rules on English text only, and says which rules did not apply', async () => {
    const result = await lint('<html lang="pl"><body><p>Proszę utilize tego.</p><p lang="de">Nicht billig, utilize.</p></body></html>');
    expect(ids(result)).toEqual(['scoped/german 1:69']);
    expect(result.notApplied).toEqual([
      'scoped/german: only for de; the text is pl',
      'scoped/utilize: English only; the text is de',
      'scoped/utilize: English only; the text is pl',
    ]);
  });

  it('limits rules to scopes, channels and platforms', async () => {
    const email = '<html><head><title>Free boots</title></head><body><p>Free maps, a thread</p></body></html>';
    expect(ids(await lint(email))).toEqual(['scoped/subject-only 1:20']);
    expect(ids(await lint(email, 'landing'))).toEqual(['scoped/landing-only 1:20', 'scoped/landing-only 1:54']);
  });

  it('limits rules to platforms: a post for X, not one for LinkedIn', async () => {
    const post = (platform: string) => `---\nplatform: ${platform}\nlang: en\n---\nRead the thread below.\n`;
    const on = async (platform: string) => ids(await lintText({ text: post(platform), file: 'social/post.md', channel: 'social', rules }));
    expect(await on('x')).toEqual(['scoped/x-only 5:10']);
    expect(await on('linkedin')).toEqual([]);
  });

  it('limits rules to scopes in a bot script: button titles, not replies', async () => {
    const buttons = packRules(`
id: bot
description: bot
rules:
  - id: no-click
    kind: existence
    message: Buttons say what they do, not "{actual}".
    scopes: [button]
    tokens: [click]
`);
    const script = 'bot:\n  locale: en\nreplies:\n  - id: a\n    text: Click below to start.\n    buttons:\n      - title: Click\n        url: https://northwind.example/start\n';
    const result = await lintText({ text: script, file: 'chatbot/bot.yml', channel: 'chatbot', rules: buttons });
    expect(ids(result)).toEqual(['bot/no-click 7:16']);
  });

  it('turns a whole pack off in the configuration, and one rule back on', async () => {
    const text = '<p>We utilize free maps</p>';
    expect(ids(await lint(text, 'landing', { rules: { scoped: 'off' } }))).toEqual([]);
    expect(ids(await lint(text, 'landing', { rules: { scoped: 'off', 'scoped/utilize': 'warn' } }))).toEqual(['scoped/utilize 1:7']);
  });

  it('takes no options on a pack id', async () => {
    await expect(lint('<p>x</p>', 'landing', { rules: { scoped: ['warn', { max: 1 }] } })).rejects.toThrow(/"scoped" is a rule pack: set its level only/);
  });

  it('suggests a rule of the pack for a misspelt rule id', async () => {
    await expect(lint('<p>x</p>', 'landing', { rules: { 'scoped/utilise': 'off' } })).rejects.toThrow(/unknown rule "scoped\/utilise" \(did you mean "scoped\/utilize"\?\)/);
  });

  it('disables a whole pack with a directive naming the pack', async () => {
    const text = '<!-- brandlint-disable-next-line scoped -- legal copy -->\n<p>We utilize free maps</p>\n<p>We utilize it</p>';
    expect(ids(await lint(text, 'landing'))).toEqual(['scoped/utilize 3:7']);
  });

  it('reports an unused pack directive', async () => {
    const result = await lint('<!-- brandlint-disable-next-line scoped -->\n<p>All fine</p>', 'landing');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['brandlint/unused-directive']);
  });
});

describe('the brand pack in capitals on Turkish text', () => {
  it('folds case by locale', async () => {
    const rule = packRule(`
id: tr
description: turkish
rules:
  - id: names
    kind: term
    message: Write "{expected}", not "{actual}".
    terms:
      - term: İzmir
`);
    const brand = await loadExampleBrand();
    const result = await lintText({ text: '<p lang="tr">IZMIR ve izmir ve İZMİR</p>', file, channel: 'email', brand, rules: [rule] });
    // Turkish folds İ to i and I to ı: "IZMIR" is another word, "izmir" and "İZMİR" are the name.
    expect(result.diagnostics.map((d) => d.actual)).toEqual(['izmir', 'İZMİR']);
  });
});
