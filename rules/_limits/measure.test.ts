import { describe, expect, it } from 'vitest';
import type { MessageText } from '../../src/core/message-text.js';
import { characterLength, characterUnits, findEmoji, findLinks, graphemes, xWeightedLength, xWeightedUnits } from './measure.js';

/** A message of plain text where every `{{tag}}` is a template tag (what assembleMessageText marks). */
function messageOf(text: string): MessageText {
  const template = Array.from({ length: text.length }, () => false);
  const templateStarts: number[] = [];
  for (const match of text.matchAll(/\{\{\w+\}\}/g)) {
    templateStarts.push(match.index);
    for (let at = match.index; at < match.index + match[0].length; at++) template[at] = true;
  }
  return { message: undefined, messageId: 'post', text, runs: [], starts: [], ends: [], template, templateStarts };
}

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

/** Random integers below `n`, the same on every run (a linear congruential generator). */
function randomInts(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

function clustersViaIntl(segmenter: Intl.Segmenter, text: string): Array<{ start: number; end: number; text: string }> {
  return [...segmenter.segment(text)].map(({ segment, index }) => ({ start: index, end: index + segment.length, text: segment }));
}

describe('graphemes: only the stretches of characters that may join are segmented', () => {
  it('gives the clusters Intl.Segmenter gives for random mixes of lone and joining characters', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Lone characters (ASCII, CR, LF, a soft hyphen, ©, ™, ‼, a dash), extenders and joiners, emoji,
    // regional indicators, Hangul jamo, a Devanagari conjunct, an Arabic prepended mark.
    const pool = ['a', ' ', '\r', '\n', '\u00ad', '©', '™', '‼', '–', '\u0301', '\u200d', '\ufe0f', '\ufe0e', '👍', '🏽', '🇳', '🇴', '\u1100', '\u1161', '\u11a8', '\u0915', '\u094d', '\u0937', '\u0600', '\u0e33', '\u0903', 'é', '中'];
    const random = randomInts(7);
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const size = random(12);
      for (let i = 0; i < size; i++) text += pool[random(pool.length)]!;
      expect(graphemes(text), JSON.stringify(text)).toEqual(clustersViaIntl(segmenter, text));
    }
  });
});

describe('graphemes of long stretches without lone characters (segmented in pieces)', () => {
  it('gives the clusters Intl.Segmenter gives for the whole text', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Pieces are cut between two wide characters: ideographs, kana and Hangul syllables next to
    // jamo that join them, voiced-sound marks, emoji sequences and regional indicators.
    const pool = ['中', '文', 'カ', 'ひ', '。', '！', '한', '\u11a8', '\u1161', '\u1100', '\u3099', '\uff9e', '👍', '🏽', '\u200d', '🇳', '🇴', '\u0301', '\ufe0f'];
    const random = randomInts(11);
    for (let k = 0; k < 4; k++) {
      let text = '';
      while (text.length < 20_000) text += pool[random(pool.length)]!;
      expect(graphemes(text)).toEqual(clustersViaIntl(segmenter, text));
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

describe('lengths of long posts full of links, emoji and template tags', () => {
  // Each piece: an emoji, a link, two adjacent template tags and spaces; repeated, every one counts.
  const piece = '👍 https://northwind.com/trail {{first}}{{last}} ';
  const post = messageOf(piece.repeat(400));

  it('X: 2 per emoji, the link length per link, the tag length per tag, 1 per space', () => {
    const options = { linkLength: 23, templateTagLength: 10 };
    expect(xWeightedLength(post, options)).toBe(400 * (2 + 1 + 23 + 1 + 10 + 10 + 1));
    const units = xWeightedUnits(post, options).units;
    expect(units).toHaveLength(400 * 7);
    expect(units.slice(0, 7).map((unit) => post.text.slice(unit.start, unit.end))).toEqual(['👍', ' ', 'https://northwind.com/trail', ' ', '{{first}}', '{{last}}', ' ']);
  });

  it('other platforms: 1 per grapheme, the link length per link, the tag length per tag', () => {
    expect(characterLength(post, 10, 23)).toBe(400 * (1 + 1 + 23 + 1 + 10 + 10 + 1));
    expect(characterUnits(post, 10, 23).units).toHaveLength(400 * 7);
    // Without a link length, a link counts its characters.
    expect(characterLength(post, 10)).toBe(400 * (1 + 1 + 'https://northwind.com/trail'.length + 1 + 10 + 10 + 1));
  });
});
