import { describe, expect, it } from 'vitest';
import { findEmoji, findLinks, graphemes } from './measure.js';

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

  it('gives the clusters Intl.Segmenter gives, also for text segmented without it (characters below U+0300)', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const texts = [
      'a\r\nb\n\rc',
      'caf\u00e9 \u00ad\u00a0\u01c4\u02ff\u0000\t',
      'x\u0300y',
      '\r\n\r\r\n\n',
      '',
      'ɐʃ\u02b0\u0301',
      'e\u0301\r\n👍🏽',
      'It’s “quoted” — 5 € … 3‰ ‼ ⁉ ™ – ‐ ‧ ⁞ ₿ ⃀',
      '‼\ufe0f ™\ufe0f ‼\u200d🔥 ’\u0301 —\u200c x\u2028y\u202ez',
    ];
    for (const text of texts) {
      const expected = [...segmenter.segment(text)].map(({ segment, index }) => ({ start: index, end: index + segment.length, text: segment }));
      expect(graphemes(text), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('graphemes: only the stretches of characters that may join are segmented', () => {
  it('gives the clusters Intl.Segmenter gives for random mixes of lone and joining characters', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Lone characters (ASCII, CR, LF, a soft hyphen, ©, ™, ‼, a dash), extenders and joiners, emoji,
    // regional indicators, Hangul jamo, a Devanagari conjunct, an Arabic prepended mark.
    const pool = ['a', ' ', '\r', '\n', '\u00ad', '©', '™', '‼', '–', '\u0301', '\u200d', '\ufe0f', '\ufe0e', '👍', '🏽', '🇳', '🇴', '\u1100', '\u1161', '\u11a8', '\u0915', '\u094d', '\u0937', '\u0600', '\u0e33', '\u0903', 'é', '中'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const size = random(12);
      for (let i = 0; i < size; i++) text += pool[random(pool.length)]!;
      const expected = [...segmenter.segment(text)].map(({ segment, index }) => ({ start: index, end: index + segment.length, text: segment }));
      expect(graphemes(text), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('findEmoji', () => {
  it('finds what one scan of the whole text with the emoji pattern finds', () => {
    // The pattern is tried only where an emoji may start; a scan of the whole text tries it everywhere.
    const everywhere = new RegExp('\\p{RGI_Emoji}|(?![©®™])[\\p{Emoji}&&\\p{Extended_Pictographic}](?!\\uFE0E)', 'gv');
    const texts = [
      'Plain text, no emoji at all: 1, 2, #3 and *4.',
      '© 2024 Northwind™ ® ‼ ⁉ ❤ ❤️ ❤︎ ☀ ☺️ 😀 👍🏽 👨‍👩‍👧 🇳🇴🇩🇪 🇳 #️⃣ *⃣ 1️⃣ 9⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏳️‍🌈 🧑🏾‍💻',
      'x😀y😀😀z, a\u200db, a\ufe0fb, \u20e3#\ufe0f',
      '\ud83d lone surrogates \ude00 and 🫠🪿 new ones; 中文 ’quotes’ — é',
      '',
    ];
    for (const text of texts) {
      const expected = [...text.matchAll(everywhere)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
      expect(findEmoji(text), JSON.stringify(text)).toEqual(expected);
    }
  });
});
