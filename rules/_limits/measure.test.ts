import { describe, expect, it } from 'vitest';
import type { MessageText } from '../../src/core/message-text.js';
import { characterLength, characterUnits, EMOJI_SOURCE, findEmoji, findLinks, xWeightedLength, xWeightedUnits } from './measure.js';

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

describe('findEmoji', () => {
  // findEmoji tries the parts of \p{RGI_Emoji} only where an emoji may start and only where one of
  // their strings may follow; one scan of the whole text with the whole pattern is the definition.
  const everywhere = new RegExp(EMOJI_SOURCE, 'gv');
  const viaPattern = (text: string) => [...text.matchAll(everywhere)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  it('the definition is the one the rule documents', () => {
    expect(EMOJI_SOURCE).toBe('\\p{RGI_Emoji}|(?![©®™])[\\p{Emoji}&&\\p{Extended_Pictographic}](?!\\uFE0E)');
  });

  it('every emoji and pictograph code point, alone and followed by what may extend it, as the pattern finds it', () => {
    const candidate = /^[\p{Emoji}\p{Extended_Pictographic}\p{Emoji_Component}]$/u;
    const followers = ['', 'a', '\ufe0f', '\ufe0e', '\u{1f3fd}', '\u200d', '\ufe0f\u200d\u{1f308}', '\u{1f3fb}\u200d\u{1f4bb}', '\u200d\u2640\ufe0f', '\u{1f1f4}', '\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', '\u20e3', '\ufe0f\u20e3'];
    let checked = 0;
    for (let code = 0x23; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (!candidate.test(character)) continue;
      const texts = followers.map((follower) => `${character}${follower}x`);
      const found = texts.map((text) => findEmoji(text));
      const expected = texts.map(viaPattern);
      if (JSON.stringify(found) !== JSON.stringify(expected)) expect(found, `U+${code.toString(16)}`).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(2900);
  });

  it('random sequences of emoji, joiners, selectors, skin tones, flags, tags and keycaps, as the pattern finds them', () => {
    const pieces = ['👨', '👩', '👧', '👦', '🧑', '🤝', '💻', '🌈', '🏳', '🏴', '❤', '☀', '👍', '👪', '🐈', '⬛', '\u200d', '\u200d', '\ufe0f', '\ufe0f', '\ufe0e', '\u{1f3fb}', '\u{1f3ff}', '🇳', '🇴', '🇩', '🇪', '\u{e0067}', '\u{e0062}', '\u{e007f}', '#', '1', '\u20e3', 'a', ' ', '©', '™'];
    let seed = 12345;
    const pick = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let i = pick(10); i >= 0; i--) text += pieces[pick(pieces.length)];
      expect(findEmoji(text), JSON.stringify(text)).toEqual(viaPattern(text));
    }
  });

  it('finds what one scan of the whole text with the emoji pattern finds', () => {
    const texts = [
      'Plain text, no emoji at all: 1, 2, #3 and *4.',
      '© 2024 Northwind™ ® ‼ ⁉ ❤ ❤️ ❤︎ ☀ ☺️ 😀 👍🏽 👨‍👩‍👧 🇳🇴🇩🇪 🇳 #️⃣ *⃣ 1️⃣ 9⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏳️‍🌈 🧑🏾‍💻',
      'x😀y😀😀z, a\u200db, a\ufe0fb, \u20e3#\ufe0f',
      '\ud83d lone surrogates \ude00 and 🫠🪿 new ones; 中文 ’quotes’ — é',
      '',
    ];
    for (const text of texts) expect(findEmoji(text), JSON.stringify(text)).toEqual(viaPattern(text));
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
