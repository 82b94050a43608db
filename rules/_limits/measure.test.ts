import { describe, expect, it } from 'vitest';
import { findLinks, graphemes } from './measure.js';

describe('findLinks: links as social platforms count them', () => {
  it.each([
    ['see https://www.northwind.example/a?b=1#c now', ['https://www.northwind.example/a?b=1#c']],
    ['(see https://northwind.example/trail).', ['https://northwind.example/trail']],
    ['wiki https://en.wikipedia.org/wiki/Pine_(tree) ok', ['https://en.wikipedia.org/wiki/Pine_(tree)']],
    ['go to www.northwind.example, then', ['www.northwind.example']],
    ['shop northwind.com/boots!', ['northwind.com/boots']],
    ['visit northwind.de or northwind.co.uk.', ['northwind.de', 'northwind.co.uk']],
    // Not links: a reserved test domain, an email address, abbreviations, a version number, a file name with no known TLD.
    ['northwind.example is ours', []],
    ['mail hello@northwind.com today', []],
    ['e.g. i.e. U.S. v2.5 and 3.14', []],
    ['open notes.txt', []],
    // A dot and two letters that are no country code: a library name, not a domain.
    ['built with Node.js, Vue.js and Three.js', []],
    ['docs at nodejs.org and nodejs.jp', ['nodejs.org', 'nodejs.jp']],
  ])('%s', (text, expected) => {
    expect(findLinks(text).map((link) => link.text)).toEqual(expected);
  });
});

describe('graphemes', () => {
  it.each([
    ['abc', 3],
    ['e\u0301', 1],
    ['👨‍👩‍👧', 1],
    ['🇳🇴🇩🇪', 2],
    ['👍🏽!', 2],
  ])('%s', (text, count) => {
    expect(graphemes(text)).toHaveLength(count);
  });
});
