import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { phraseListMatcher, type PhraseMatch } from './phrase-list.js';

const require = createRequire(import.meta.url);

/** Texts where the first-letter index could disagree with the packages' own expressions. */
const TEXTS = [
  'When push comes to shove, we have an ace in the hole.',
  'ACID TEST and Acid Test',
  'acid\u200Ctest',
  'aceinthehole',
  'é ace in the hole; ÀCID test',
  '_acid test 9acid test xacid test',
  'a\ntough row to hoe',
  "you're the boss yes, you're the boss",
  'Will wonders never cease? will wonders never ceas',
  'in order to win, in order tomorrow',
  '-utilize x-utilize utilize',
  'Utilize the utilization',
  'ſtrike while the iron is hot',
  '',
  'no phrase here at all',
  // A phrase is tried only where the run of letters is its first word: words that are longer,
  // shorter, joined by an apostrophe, a hyphen or a digit.
  "All's fair in love and war; alls fair; all'sfair; the cat's meow and the cats meow",
  'acid-test acidtest acid test1 Acid Tests acid  test a-chip off the old block achip',
  'You ARE THE BOSS. a number of abundance abundances accede to accede-to',
  "add insult to injury, adds insult to injury; at the end of the day's end",
];

describe('phraseListMatcher', () => {
  for (const packageName of ['no-cliches', 'too-wordy']) {
    const original = require(packageName) as (text: string) => PhraseMatch[];
    const matcher = phraseListMatcher(packageName);
    it.each(TEXTS)(`finds what ${packageName} finds in %j`, (text) => {
      expect(matcher(text)).toEqual(original(text));
    });
  }

  it('finds clichés and wordy phrases at their exact offsets', () => {
    expect(phraseListMatcher('no-cliches')('An acid test, ace in the hole.')).toEqual([
      { index: 3, offset: 9 },
      { index: 14, offset: 15 },
    ]);
    expect(phraseListMatcher('too-wordy')('We utilize it.')).toEqual([{ index: 3, offset: 7 }]);
  });
});
