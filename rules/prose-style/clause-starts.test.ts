import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { clauseStartMatches } from './clause-starts.js';

const writeGood = createRequire(import.meta.url)('write-good') as (text: string, options: Record<string, boolean>) => Array<{ index: number; offset: number }>;
const only = (check: string) => ({ weasel: false, illusion: false, so: false, thereIs: false, passive: false, adverb: false, tooWordy: false, cliches: false, eprime: false, [check]: true });

describe('clauseStartMatches', () => {
  const texts = [
    'So we went. So what? There is a trail; there are boots!',
    '  so, here it is. Also no. So\nthere is more.',
    'There   is nothing. THERE ARE capitals? theres none.',
    'no terminator so there is',
    'Sox are socks. so. so!',
    '...So it starts? ;There is; !There are!',
    'First line\nSo second line. There is third',
    '',
    '!!!???',
  ];
  it.each(texts.flatMap((text) => [['so', text], ['thereIs', text]] as const))('%s finds what write-good finds in %j', (check, text) => {
    const expected = writeGood(text, only(check)).map(({ index, offset }) => ({ index, offset }));
    expect(clauseStartMatches(text, check)).toEqual(expected);
  });

  it('reads a long stretch without clause ends once (no matches, no retry per character)', () => {
    const text = 'so there is '.repeat(20_000);
    expect(clauseStartMatches(text, 'so')).toEqual([]);
    expect(clauseStartMatches(`${text}.`, 'so')).toEqual([{ index: 0, offset: 2 }]);
  });
});
