import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/core/all-matches.js';

/** What a test compares: each match's text, index, captures and named groups. */
const shape = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => ({ index: match.index, all: [...match], groups: match.groups }));

describe('allMatches', () => {
  it.each([
    ['words', /\w+/g, 'Save 20% today, 3 days only'],
    ['no match', /\d{4}/g, 'no digits here'],
    ['captures and named groups', /(?<amount>\d+)(%| percent)/g, '20% off, or 30 percent'],
    ['case-insensitive Unicode', /ſ\w*/giu, 'Sale: ſtore SALE'],
    ['empty matches between characters', /\b/g, 'two words'],
    ['empty matches step over a surrogate pair in Unicode mode', /(?:)/gu, 'a😀b'],
    ['empty matches inside a surrogate pair without it', /(?:)/g, 'a😀b'],
    ['empty matches in unicode sets mode', new RegExp('(?:)', 'gv'), '😀😀'],
    ['optional pattern: empty and non-empty matches', /\d*/g, 'a12b3'],
    ['sticky: stops at the first gap', /\d/gy, '12a3'],
    ['lookbehind', /(?<!@)\b[a-z]+\.com\b/g, 'mail me@example.com or visit example.com'],
  ] as const)('gives what matchAll gives: %s', (_name, pattern, text) => {
    pattern.lastIndex = 0;
    const expected = shape(text.matchAll(pattern));
    expect(shape(allMatches(text, pattern))).toEqual(expected);
    expect(pattern.lastIndex).toBe(0);
  });

  it('starts at the beginning whatever lastIndex a test left, and leaves it 0', () => {
    const pattern = /\d+/g;
    expect(pattern.test('a 1 b 22')).toBe(true);
    expect(pattern.lastIndex).toBe(3);
    expect(allMatches('1 and 22', pattern).map((match) => match[0])).toEqual(['1', '22']);
    expect(pattern.lastIndex).toBe(0);
  });

  it('collects before it returns: handling a match may use the same pattern', () => {
    const pattern = /[a-z]+/g;
    const seen = allMatches('one two', pattern).map((match) => `${match[0]}:${allMatches(match[0], pattern).length}`);
    expect(seen).toEqual(['one:1', 'two:1']);
  });

  it('refuses a pattern without the global flag, as matchAll does', () => {
    expect(() => allMatches('x', /x/)).toThrow(TypeError);
  });
});
