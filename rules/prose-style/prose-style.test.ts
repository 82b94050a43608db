import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

// `<p>` puts the first character of the text at column 4.
const p = (text: string) => `<p>${text}</p>`;

testRule(rule, {
  channel: 'email',
  file: 'emails/spring.html',
  valid: [
    { name: 'plain, active prose', code: p('Our spring range is here. Find light boots and maps for every trail.') },
    { name: 'E-Prime is off by default', code: p('Our range is here.') },
    { name: 'a URL is not prose', code: p('Read https://www.northwind.example/very-light-boots-were-tested today.') },
    { name: 'a bare domain is not prose', code: p('See northwind.example/many-trails for routes.') },
    { name: 'an email address is not prose', code: p('Write to really.helpful@northwind.example today.') },
    { name: 'a template tag is not prose', code: p('Hi {{ very_first_name }}, your boots ship today.') },
    { name: 'a Mailchimp merge tag is not prose', code: p('Hi *|VERY_FIRST_NAME|*, your boots ship today.') },
    { name: 'a hashtag is not prose', code: p('Share your hike with #VeryLight.') },
    { name: 'inline code is not prose', code: p('Use the code `was-stolen` at checkout.') },
    { name: 'a word on both sides of a template tag is not repeated', code: p('Tap {{ cta }} tap to start.') },
    { name: 'German text is skipped', code: '<p lang="de">So wurde das Paket sehr schnell geliefert.</p>' },
    { name: 'Polish text is skipped', code: '<html lang="pl"><body><p>To było bardzo dobre.</p></body></html>' },
    { name: 'a check turned off', code: p('The order was shipped on Monday.'), options: { passive: false } },
    { name: 'weasel and adverb off', code: p('Its very light.'), options: { weasel: false, adverb: false } },
    { name: 'allowed phrases', code: p('Never buy read-only maps.'), options: { allow: ['read-only'] } },
    { name: 'scopes: only the body', code: '<h1>So it begins</h1><p>Find your trail.</p>', options: { scopes: ['body'] } },
    { name: 'no brand needed', code: p('Find light boots.'), noBrand: true },
    { name: 'trap: the temporal "just" is no weak adverb', code: p('Our new range just arrived. The poll was just released.') },
    { name: 'trap: a manner adverb carries meaning', code: p('You can safely delete this email if the poll was reported correctly.') },
    { name: 'trap: "purchase", "amazing" and "things" are plain words', code: p('Thanks for your purchase. The view is amazing and the things you need are here.') },
    { name: 'trap: quantities are no weasel words', code: p('A few white papers and many maps are ready.') },
    { name: '"really" in a yes/no question asks whether it is true', code: p("Is it really open source if it's not made with love? Do you really need a second tent?") },
    { name: 'a negated degree word states a fact ("not quite", "not entirely")', code: p("Sorry, I didn't quite understand. The map is not entirely accurate, and the tent isn’t completely dry.") },
    { name: 'trap: passive voice is off by default', code: p('A name is required.') },
    { name: 'trap: a sentence-opening "So" is off by default', code: p('So far this year we mapped 40 trails.') },
    { name: 'CSS is not prose', code: '<style>.very { color: #1c1c19 }</style><p>Find your trail.</p>' },
  ],
  invalid: [
    {
      name: 'passive voice, when asked',
      code: p('The order was shipped by our team.'),
      options: { passive: true },
      errors: [{ line: 1, column: 14, endLine: 1, endColumn: 25, message: '"was shipped" may be passive voice; say who acts', severity: 'error' }],
    },
    {
      name: 'one finding per span, every reason named',
      code: p('Its very light.'),
      errors: [{ line: 1, column: 8, endLine: 1, endColumn: 12, message: '"very" is a weasel word and can weaken meaning' }],
    },
    {
      name: '"quite" without a negation is still a weasel word',
      code: p('The trail is quite steep.'),
      errors: [{ line: 1, column: 17, endLine: 1, endColumn: 22, message: /^"quite" is a weasel word/ }],
    },
    {
      name: 'trap: "really" in a statement, or in a question after no verb and subject, is an intensifier',
      code: p('It is really light. Why is this tent really light?'),
      errors: [
        { line: 1, column: 10, endLine: 1, endColumn: 16, message: /^"really"/ },
        { line: 1, column: 41, endLine: 1, endColumn: 47, message: /^"really"/ },
      ],
    },
    {
      name: 'trap: a negation does not excuse an intensifier ("not very")',
      code: p('The trail is not very steep.'),
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 25, message: /^"very" is a weasel word/ }],
    },
    {
      name: 'entities before the finding keep columns exact',
      code: p('It&rsquo;s &amp; very light.'),
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 25, message: '"very" is a weasel word and can weaken meaning' }],
    },
    {
      name: 'so (when asked), there is, wordy, cliché, repeated word',
      options: { so: true },
      code: [p('So pack light.'), p('There are three trails.'), p('We did this in order to help.'), p('Maps are a dime a dozen.'), p('Pack the the map.')].join('\n'),
      errors: [
        { line: 1, column: 4, endLine: 1, endColumn: 6, message: '"So" adds no meaning at the start of a sentence' },
        { line: 2, column: 4, endLine: 2, endColumn: 13, message: '"There are" is unnecessary verbiage; start with the subject' },
        { line: 3, column: 16, endLine: 3, endColumn: 27, message: '"in order to" is wordy or unneeded' },
        { line: 4, column: 15, endLine: 4, endColumn: 27, message: '"dime a dozen" is a cliché' },
        { line: 5, column: 13, endLine: 5, endColumn: 16, message: '"the" is repeated' },
      ],
    },
    {
      name: 'E-Prime when asked',
      code: p('Our range is here.'),
      options: { eprime: true },
      errors: [{ line: 1, column: 14, endLine: 1, endColumn: 16, message: '"is" is a form of "to be"' }],
    },
    {
      name: 'subject, heading and call to action are prose too',
      code: '<html lang="en-GB"><head><title>Boots were restocked</title></head><body><h1>Many new trails</h1><a class="button" href="https://www.northwind.example">Really go</a></body></html>',
      options: { passive: true, weaselQuantities: true },
      errors: [
        { line: 1, column: 39, endLine: 1, endColumn: 53, message: '"were restocked" may be passive voice; say who acts' },
        { line: 1, column: 78, endLine: 1, endColumn: 82, message: '"Many" is a weasel word' },
        { line: 1, column: 153, endLine: 1, endColumn: 159, message: '"Really" can weaken meaning' },
      ],
    },
    {
      name: 'English inside a German page',
      code: '<html lang="de"><body><p>Sehr gut.</p><p lang="en">The map was lost.</p></body></html>',
      options: { passive: true },
      errors: [{ line: 1, column: 60, endLine: 1, endColumn: 68, message: '"was lost" may be passive voice; say who acts' }],
    },
    {
      name: 'landing pages',
      channel: 'landing',
      file: 'site/index.html',
      code: '<main><p>Extremely long trails wait.</p></main>',
      errors: [{ line: 1, column: 10, endLine: 1, endColumn: 19, message: '"Extremely" is a weasel word and can weaken meaning' }],
    },
    {
      name: 'intensifiers and hedges are weak adverbs by default',
      code: p('We really think maybe you will simply love it.'),
      errors: [
        { line: 1, column: 7, endLine: 1, endColumn: 13, message: '"really" can weaken meaning' },
        { line: 1, column: 20, endLine: 1, endColumn: 25, message: '"maybe" can weaken meaning' },
        { line: 1, column: 35, endLine: 1, endColumn: 41, message: '"simply" can weaken meaning' },
      ],
    },
    {
      name: 'allAdverbs: every adverb write-good lists, the temporal "just" too',
      code: p('The poll was just released and read carefully.'),
      options: { allAdverbs: true },
      errors: [
        { line: 1, column: 17, endLine: 1, endColumn: 21, message: '"just" can weaken meaning' },
        { line: 1, column: 40, endLine: 1, endColumn: 49, message: '"carefully" can weaken meaning' },
      ],
    },
    {
      name: 'weaselQuantities and wordyWords when asked',
      code: p('Many hikers purchase maps.'),
      options: { weaselQuantities: true, wordyWords: true },
      errors: [
        { line: 1, column: 4, endLine: 1, endColumn: 8, message: '"Many" is a weasel word' },
        { line: 1, column: 16, endLine: 1, endColumn: 24, message: '"purchase" is wordy or unneeded' },
      ],
    },
  ],
});

describe('prose-style: rules that did not apply', () => {
  it('says when text in another language was skipped', async () => {
    const result = await lintText({
      text: '<html lang="de"><body><p>So wurde es sehr schnell geliefert.</p><p lang="pl">To było bardzo dobre.</p></body></html>',
      file: 'emails/de.html',
      channel: 'email',
      rules: [rule as never],
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.notApplied).toEqual(['prose-style: English only; the text is de', 'prose-style: English only; the text is pl']);
  });

  it('is quiet about English text', async () => {
    const result = await lintText({ text: '<p>Find your trail.</p>', file: 'emails/en.html', channel: 'email', rules: [rule as never] });
    expect(result.notApplied).toEqual([]);
  });
});
