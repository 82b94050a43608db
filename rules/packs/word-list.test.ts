import { describe, expect, it } from 'vitest';
import { SortedWordList } from './word-list.js';

describe('SortedWordList', () => {
  // As word-list ships it: sorted but for a few lines, which must still be found.
  const list = new SortedWordList(['a', 'aa', 'apple', 'manlily', 'manlihood', 'manliness', 'zoo', 'zoo', 'zzz'].join('\n'));

  it.each([
    ['a', true],
    ['aa', true],
    ['apple', true],
    ['manlily', true],
    ['manlihood', true],
    ['manliness', true],
    ['zoo', true],
    ['zzz', true],
    ['app', false],
    ['apples', false],
    ['b', false],
    ['', false],
    ['a\naa', false],
    ['zzzz', false],
  ])('%j listed: %s', (word, listed) => {
    expect(list.has(word)).toBe(listed);
  });

  it('finds every word of a list with a trailing line break', () => {
    const words = ['cat', 'dog', 'emu'];
    const trailing = new SortedWordList(`${words.join('\n')}\n`);
    for (const word of words) expect(trailing.has(word)).toBe(true);
    expect(trailing.has('')).toBe(false);
  });
});

describe('the English word list of the shouting check', () => {
  it('holds lower-case a-z words only (words starting otherwise are never looked up)', async () => {
    const { readFileSync } = await import('node:fs');
    const { englishWordListFile } = await import('./kinds.js');
    const text = readFileSync(englishWordListFile(), 'utf8');
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(/[^a-z\n]/.test(text)).toBe(false);
  });
});
