import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SortedWordList } from './word-list.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

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

describe('SortedWordList.ofSortedLines', () => {
  const words = ['', 'a', 'ab', 'abc', 'b', 'ba', 'zz', 'zzz', 'é'];
  const probes = [...words, 'aa', 'abcd', 'c', 'z', 'zzzz', 'A', 'b\n', 'éé'];

  it.each([
    ['a sorted list', 'a\nab\nabc\nb\nba\nzz\nzzz\né'],
    ['a sorted list ending in a newline', 'a\nab\nabc\nb\nba\nzz\nzzz\né\n'],
    ['a sorted list with an empty line', 'a\nab\n\nabc\nb\nba\nzz\nzzz\né'],
  ])('answers the same for %s read as sorted lines as when checked line by line', (_name, text) => {
    const checked = new SortedWordList(text);
    const trusted = SortedWordList.ofSortedLines(text);
    expect(probes.map((word) => trusted.has(word))).toEqual(probes.map((word) => checked.has(word)));
    expect(words.filter((word) => word !== '').every((word) => trusted.has(word))).toBe(true);
    expect(['aa', 'c', 'zzzz', 'A', ''].some((word) => trusted.has(word))).toBe(false);
  });

  it("relies on the build's English word files being sorted in code-unit order without repeats", () => {
    const folder = path.join(REPO_ROOT, 'dist', 'english-words');
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const lines = readFileSync(path.join(folder, file), 'utf8').split('\n');
      const outOfOrder = lines.findIndex((line, index) => index > 0 && !(lines[index - 1]! < line));
      expect(outOfOrder, `${file} line ${outOfOrder + 1}`).toBe(-1);
    }
  });
});
