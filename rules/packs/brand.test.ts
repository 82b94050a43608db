import { testRule } from '../../test/rule-tester.js';
import { shippedRule } from '../../test/packs/helpers.js';

/**
 * The brand pack (`brand/*`) built from the Northwind guidelines' `voice` section
 * (tokens/brand.guidelines.yaml): names, banned, preferred, exclamation, emoji, acronyms and
 * reading grade.
 */

const file = 'emails/voice.html';
const p = (text: string): string => `<p>${text}</p>`;

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
  ],
  invalid: [
    { code: p('Welcome to NorthWind.'), errors: [{ line: 1, column: 15, endColumn: 24, message: 'Write "Northwind", not "NorthWind".' }], output: p('Welcome to Northwind.') },
    { name: 'all caps heading', code: '<h1>NORTHWIND SALE</h1>', errors: [{ line: 1, column: 5 }], output: '<h1>Northwind SALE</h1>' },
    { name: 'first CloudPack needs ™', code: p('Cloudpack is here. CloudPack is light.'), errors: [{ line: 1, column: 4 }], output: p('CloudPack™ is here. CloudPack is light.') },
    { name: 'possessive', code: p("TrailMate and Trail Mate's battery"), errors: [{ line: 1, column: 18, endColumn: 28 }], output: p("TrailMate and TrailMate's battery") },
    { name: 'CJK', code: '<p lang="zh">欢迎来到NorthWind商店</p>', errors: [{ line: 1, column: 18 }], output: '<p lang="zh">欢迎来到Northwind商店</p>' },
    { name: 'program name', code: p('Join the Northwind Reward Program'), errors: [{ line: 1, column: 13, endColumn: 37 }], output: p('Join the Northwind Rewards') },
  ],
});

testRule(await shippedRule('brand/banned'), {
  channel: 'email',
  file,
  valid: [{ code: p('Great value boots.') }, { name: 'cheaper is another word', code: p('Cheaper by the pair') }, { name: 'link text that says where', code: p('<a href="/boots">See the boots</a>') }],
  invalid: [
    { code: p('Cheap boots'), errors: [{ line: 1, column: 4, message: 'Avoid "Cheap". Northwind gear is good value, never cheap. Try "affordable" or "great value".' }] },
    { name: 'pattern', code: p('<a href="/x">Click here</a>'), errors: [{ line: 1, column: 17, message: 'Avoid "Click here". Link text must say where the link goes.' }] },
  ],
});

testRule(await shippedRule('brand/preferred'), {
  channel: 'email',
  file,
  valid: [{ code: p('Sign in to your account.') }, { name: 'URL', code: p('https://northwind.example/login') }],
  invalid: [
    { code: p('Login to your account.'), errors: [{ line: 1, column: 4, message: 'Write "Sign in" instead of "Login".' }], output: p('Sign in to your account.') },
    { code: p('Send an E-MAIL'), errors: [{ line: 1, column: 12 }], output: p('Send an EMAIL') },
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
    { name: 'a brand name in capitals is brand/names’ finding', code: p('NORTHWIND') },
  ],
  invalid: [{ code: p('FREE shipping'), errors: [{ line: 1, column: 4, endColumn: 8, message: '"FREE" is in capitals; write it in normal case (only listed acronyms may be capitals).' }] }],
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
