import { describe, expect, it } from 'vitest';
import { graphemes } from '../../src/core/graphemes.js';

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

describe('graphemes of long stretches of scripts with clusters of their own (segmented in windows)', () => {
  // No two wide characters side by side: windows are cut at a boundary the segmenter found.
  // Thai vowels and tone marks, a Devanagari conjunct (GB9c), Hangul jamo, regional indicators
  // in long runs (pairs counted from the start of the run), emoji ZWJ sequences, stacked marks.
  const pools = {
    Thai: ['ก', 'ร', 'ม', '\u0e31', '\u0e48', '\u0e33', 'เ', 'แ', '\u0e34', '\u0e49', 'ๆ'],
    Devanagari: ['\u0915', '\u094d', '\u0937', '\u0930', '\u093f', '\u0902', '\u0903', '\u200d'],
    'Hangul jamo': ['\u1100', '\u1161', '\u11a8', '\u1109', '\u1175'],
    'regional indicators and emoji': ['🇳', '🇴', '🇩', '🇪', '🇳🇴', '👍', '🏽', '\u200d', '\ufe0f', '\u0301'],
    'stacked marks': ['\u0e01', '\u0301', '\u0302', '\u0303', '\u0304', '\u0305'],
  };
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const lines = (clusters: Array<{ start: number; end: number }>): string => clusters.map((c) => `${c.start} ${c.end}`).join('\n');
  for (const [name, pool] of Object.entries(pools)) {
    it(`${name}, in windows of 32, 128 and 512 characters`, () => {
      const random = randomInts(name.length * 17 + 3);
      let text = '';
      while (text.length < 6000) text += pool[random(pool.length)]!;
      const whole = lines(clustersViaIntl(segmenter, text));
      for (const piece of [16, 64, 256]) expect(lines(graphemes(text, piece)), String(piece)).toBe(whole);
    });
  }

  it('a cluster longer than a window (a letter with 3,000 marks) is one cluster, and the text after it is segmented on', () => {
    const text = `${'ก\u0e31'.repeat(100)}ก${'\u0301'.repeat(3000)}${'เก\u0e48'.repeat(400)}${'🇳🇴'.repeat(300)}`;
    expect(lines(graphemes(text, 64))).toBe(lines(clustersViaIntl(segmenter, text)));
  });
});
