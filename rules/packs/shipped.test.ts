import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { testRule } from '../../test/rule-tester.js';
import { shippedRule } from '../../test/packs/helpers.js';

/**
 * The packs shipped in rules/packs/*.yml: each rule breaks on what it is for, and keeps quiet on
 * the traps (URLs, template tags, hashtags, lookalike words, other languages).
 */

const file = 'emails/voice.html';
const p = (text: string): string => `<p>${text}</p>`;
const load = await Promise.all(
  [
    'plain-language/utilize',
    'plain-language/in-order-to',
    'plain-language/leverage',
    'plain-language/wordy-phrases',
    'plain-language/complex-words',
    'plain-language/sentence-length',
    'inclusive-language/allowlist',
    'inclusive-language/master-slave',
    'inclusive-language/master-branch',
    'inclusive-language/gendered-words',
    'inclusive-language/ableist',
    'inclusive-language/grandfathered',
    'marketing-cliches/cliches',
    'marketing-cliches/hype-superlatives',
  ].map(async (id) => [id, await shippedRule(id)] as const),
);
const rule = (id: string) => {
  const found = load.find(([known]) => known === id);
  if (!found) throw new Error(id);
  return found[1];
};

// ---------------------------------------------------------------------------------------------
// plain-language

testRule(rule('plain-language/utilize'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Use the map.') },
    { name: 'URL', code: p('https://northwind.example/utilize-your-map') },
    { name: 'template', code: p('{{ utilize }}') },
    { name: 'Polish text', code: '<p lang="pl">Proszę utilize mapę.</p>' },
    { name: 'German text', code: '<p lang="de-DE">Bitte utilize die Karte.</p>' },
  ],
  invalid: [
    { code: p('Utilize the map.'), errors: [{ line: 1, column: 4, endColumn: 11, message: 'Write "Use" instead of "Utilize".' }], output: p('Use the map.') },
    { name: 'inflected', code: p('We utilized maps, utilising all'), errors: [{ line: 1, column: 7 }, { line: 1, column: 22 }], output: p('We used maps, using all') },
    { name: 'British English is English', code: '<p lang="en-GB">We utilise maps</p>', errors: [{ line: 1, column: 20 }], output: '<p lang="en-GB">We use maps</p>' },
  ],
});

testRule(rule('plain-language/in-order-to'), {
  channel: 'email',
  file,
  valid: [{ code: p('Pack light to go far.') }, { name: 'order as a noun', code: p('Your order to Oslo shipped.') }],
  invalid: [{ code: p('In order to go far, pack light.'), errors: [{ line: 1, column: 4, endColumn: 15 }], output: p('To go far, pack light.') }],
});

testRule(rule('plain-language/leverage'), {
  channel: 'email',
  file,
  valid: [{ code: p('Use our maps.') }, { name: 'hashtag', code: p('#leverage') }],
  invalid: [{ code: p('Leverage our maps.'), errors: [{ line: 1, column: 4 }], output: p('Use our maps.') }],
});

testRule(rule('plain-language/wordy-phrases'), {
  channel: 'email',
  file,
  valid: [{ code: p('Before you go, check the weather.') }, { name: 'prior as an adjective', code: p('No prior experience needed.') }],
  invalid: [
    { code: p('Prior to your hike, check the weather.'), errors: [{ line: 1, column: 4, endColumn: 12 }], output: p('Before your hike, check the weather.') },
    { name: 'at this point in time', code: p('At this point in time we are closed.'), errors: [{ line: 1, column: 4 }], output: p('Now we are closed.') },
  ],
});

testRule(rule('plain-language/complex-words'), {
  channel: 'email',
  file,
  valid: [{ code: p('We start at dawn.') }, { name: 'an email address', code: p('assistance@northwind.example') }],
  invalid: [{ code: p('We commence at dawn.'), errors: [{ line: 1, column: 7 }], output: p('We start at dawn.') }],
});

testRule(rule('plain-language/sentence-length'), {
  channel: 'email',
  file,
  valid: [{ code: p('Pack light. Walk far.') }],
  invalid: [
    {
      code: p(`${Array.from({ length: 12 }, () => 'we walk and').join(' ')} we stop.`),
      errors: [{ line: 1, column: 4, message: 'This sentence has 38 words; split it (plain language keeps sentences to 35 words or fewer).' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// inclusive-language

testRule(rule('inclusive-language/allowlist'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Add the domain to your allowlist.') },
    { name: 'colours are fine', code: p('A black list of colours and a white listing card') },
    { name: 'URL', code: p('https://northwind.example/whitelist') },
  ],
  invalid: [
    { code: p('Add us to your whitelist.'), errors: [{ line: 1, column: 19, endColumn: 28 }], output: p('Add us to your allowlist.') },
    { name: 'capitalised', code: p('Blacklisted senders'), errors: [{ line: 1, column: 4 }], output: p('Denylisted senders') },
  ],
});

testRule(rule('inclusive-language/master-slave'), {
  channel: 'landing',
  file: 'site/index.html',
  valid: [
    { code: p('Master the trail, then earn your master’s degree.') },
    { name: 'Slavic is another word', code: p('Slavic languages') },
  ],
  invalid: [
    { code: p('A master/slave setup'), errors: [{ line: 1, column: 6, endColumn: 18, message: '"master/slave" describes people as property; use "primary/replica" or "leader/follower".' }] },
    { code: p('Two slaves sync'), errors: [{ line: 1, column: 8 }] },
  ],
});

testRule(rule('inclusive-language/master-branch'), {
  channel: 'landing',
  file: 'site/index.html',
  valid: [{ code: p('Master the map.') }],
  invalid: [{ code: p('Push to the master branch.'), errors: [{ line: 1, column: 16 }], output: p('Push to the main branch.') }],
});

testRule(rule('inclusive-language/gendered-words'), {
  channel: 'email',
  file,
  valid: [
    { code: p('Hi everyone, our chair says hello.') },
    { name: 'Manchester and human', code: p('Manchester humans and a woman') },
    { name: 'the guys alone are the brand pack’s', code: p('The guys at the shop') },
  ],
  invalid: [
    { code: p('Our chairman says hello.'), errors: [{ line: 1, column: 8 }], output: p('Our chair says hello.') },
    { name: 'choices, no fix', code: p('Hey guys!'), errors: [{ line: 1, column: 4, message: 'Write "hi everyone" or "hi all" instead of "Hey guys"; it includes everyone.' }] },
  ],
});

testRule(rule('inclusive-language/ableist'), {
  channel: 'email',
  file,
  valid: [{ code: p('Wild prices on boots.') }, { name: 'exception', code: p('A crazy quilt blanket') }, { name: 'hashtag', code: p('#crazydeals') }],
  invalid: [
    { code: p('Crazy prices on boots.'), errors: [{ line: 1, column: 4, message: '"Crazy" can hurt; try "wild" or "surprising" or "unexpected".' }] },
    { code: p('A quick sanity check'), errors: [{ line: 1, column: 12 }] },
  ],
});

testRule(rule('inclusive-language/grandfathered'), {
  channel: 'email',
  file,
  valid: [{ code: p('Legacy plans stay.') }],
  invalid: [{ code: p('Old plans are grandfathered in.'), errors: [{ line: 1, column: 18 }], output: p('Old plans are exempt.') }],
});

// ---------------------------------------------------------------------------------------------
// marketing-cliches

testRule(rule('marketing-cliches/cliches'), {
  channel: 'landing',
  file: 'site/index.html',
  valid: [
    { code: p('Boots tested on 400 km of trail.') },
    { name: 'edge alone', code: p('The cutting board has an edge.') },
    { name: 'hashtag', code: p('#GameChanger') },
    { name: 'URL', code: p('https://northwind.example/best-in-class') },
  ],
  invalid: [
    { code: p('Best-in-class boots'), errors: [{ line: 1, column: 4, endColumn: 17, message: '"Best-in-class" is a marketing cliché; say what makes it good instead.' }] },
    { code: p('A real game changer with cutting-edge soles'), errors: [{ line: 1, column: 11 }, { line: 1, column: 29 }] },
  ],
});

testRule(rule('marketing-cliches/hype-superlatives'), {
  channel: 'landing',
  file: 'site/index.html',
  valid: [{ code: p('Our lightest boot yet.') }],
  invalid: [{ code: p('The ultimate hiking experience? No: the ultimate experience.'), errors: [{ line: 1, column: 40 }] }],
});

describe('shipped packs on other languages', () => {
  it('a German sentence with every English pack on: nothing fires, and the notice says why', async () => {
    const rules = load.map(([, loaded]) => loaded);
    const result = await lintText({
      text: '<html lang="de"><body><p>Wir utilize die crazy world-class Whitelist in order to sparen.</p></body></html>',
      file,
      channel: 'email',
      rules,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.notApplied).toContain('plain-language/utilize: English only; the text is de');
    expect(result.notApplied).toContain('inclusive-language/allowlist: English only; the text is de');
    expect(result.notApplied).toContain('marketing-cliches/cliches: English only; the text is de');
  });
});

describe('shipped packs and prose-style agree', () => {
  it('no replacement or suggestion of a shipped pack is something prose-style reports', async () => {
    const { RULE_LOADERS } = await import('../index.js');
    const proseStyle = await RULE_LOADERS['prose-style']!();
    const { loadRulePacks, shippedPacksFolder } = await import('./load.js');
    const loaded = await loadRulePacks();
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const words = new Set<string>();
    for (const pack of loaded.packs.filter((p) => p.file?.startsWith(shippedPacksFolder()))) {
      const data = parse(await readFile(pack.file!, 'utf8')) as { rules: Array<{ swap?: Record<string, string | string[]>; tokens?: Array<string | { suggest?: string | string[] }> }> };
      for (const rule of data.rules) {
        for (const to of Object.values(rule.swap ?? {})) for (const word of [to].flat()) words.add(word);
        for (const token of rule.tokens ?? []) if (typeof token === 'object') for (const word of [token.suggest ?? []].flat()) words.add(word);
      }
    }
    expect(words.size).toBeGreaterThan(40);
    const text = [...words].map((word) => `<p>We say ${word} here.</p>`).join('\n');
    const result = await lintText({ text, file, channel: 'email', rules: [proseStyle] });
    expect(result.diagnostics.map((d) => d.message)).toEqual([]);
  });
});
