import { describe, expect, it } from 'vitest';
import { eachSentence, segmentWords } from '../../src/core/prose.js';

/**
 * `segmentWords` segments Latin text itself (UAX #29 reduced to ASCII, Latin letters and common
 * typographic punctuation) instead of calling `Intl.Segmenter`: its segments must be the
 * segmenter's, whatever the text.
 */
function viaIntl(text: string, locale: string): Array<{ segment: string; index: number; isWordLike: boolean }> {
  const segmenter = new Intl.Segmenter(Intl.Segmenter.supportedLocalesOf([locale])[0], { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => ({ segment: s.segment, index: s.index, isWordLike: s.isWordLike === true }));
}

/** A small deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters weighted towards the ones whose rules differ: letters, digits and the middle characters. */
const ASCII = "aZ9 .'.,;:_\r\n\t\v\f-!?\"()/&#@$%*+<=>[\\]^`{|}~0bY".split('');
/** Characters beyond ASCII: accents, a combining mark, typographic quotes, no-break space, BOM, ZWJ, emoji, CJK, Thai, signs. */
const OTHER = ['é', '’', '\u00a0', '\u0301', '\ufeff', '\u200d', '😀', '👍🏽', '中文', 'ß', 'ไทย', '—', '٣', '‘', '“', '”', '…', '©', '™', '€', '·', '\u00ad', 'ª', 'ŀ', '×', '\u2002', '\u202f', 'Ω', 'ǃ', 'ɐ'];

describe('segmentWords', () => {
  const samples = [
    "It's 3.5 km, or 1,000.50 m; e.g. U.S.A. isn't a.1 or 1.a",
    'Save 20% today!!  Visit us\r\nat 9:30 -- or "never"... ok',
    'snake_case and a:b and 12:30 and tab\there',
    "rock 'n' roll '90s 'quoted' a'b'c a''b a..b 1..2 1,,2 1;2;3",
    '',
    ' ',
    'x',
    'Café au lait, it’s 3.5 km — or 1,000 m. NorthWind商店 and 欢迎来到NorthWind商店 ok',
    'naïve\u00a0coöperation e\u0301t\u00e9 a\ufeffb x\u200d😀 done',
  ];
  for (const locale of ['en', 'en-GB', 'de', 'fr', 'sv', 'fi', 'ja', 'zh', 'en-US-u-va-posix', 'english']) {
    it(`matches Intl.Segmenter (${locale})`, () => {
      const next = random(locale.length * 7919 + 17);
      const texts = [...samples];
      for (let i = 0; i < 600; i++) {
        // Two texts in three are plain ASCII (segmented without Intl.Segmenter), the others mix in other characters.
        const mixed = i % 3 === 2;
        const length = 1 + Math.floor(next() * 30);
        let text = '';
        for (let j = 0; j < length; j++) text += mixed && next() < 0.15 ? OTHER[Math.floor(next() * OTHER.length)] : ASCII[Math.floor(next() * ASCII.length)];
        texts.push(text);
      }
      for (const text of texts) expect([...segmentWords(text, locale)], JSON.stringify(text)).toEqual(viaIntl(text, locale));
    });
  }
});

describe('segmentWords: each character of Latin-1, Latin Extended, IPA and general punctuation in the contexts that tell its Word_Break class apart', () => {
  // The fast path's table classifies these characters (the rest goes to Intl.Segmenter); a wrong
  // class shows in one of the contexts (all of U+0080 to U+212F was checked once: only these
  // blocks are in the table).
  const contexts = (c: string): string[] => [c, `${c}${c}`, `a${c}b`, `1${c}2`, `a${c}1`, `1${c}a`, ` ${c} `, `a ${c}b`, `${c}.a`, `a.${c}`, `1,${c}`, `a'${c}`, `${c}\r\n`, `${c}\u0301`];
  for (const locale of ['en', 'de', 'sv', 'fr']) {
    it(`matches Intl.Segmenter (${locale})`, () => {
      const mismatches: string[] = [];
      for (let code = 0x80; code < 0x2130; code = code === 0x300 ? 0x2000 : code + 1) {
        for (const text of contexts(String.fromCharCode(code))) {
          if (JSON.stringify([...segmentWords(text, locale)]) !== JSON.stringify(viaIntl(text, locale))) mismatches.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
        }
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  }
});

describe('segmentWords on texts longer than the pieces it hands Intl.Segmenter', () => {
  // Masked text can be nothing but spaces and emoji (a post of links, tags and emoji): pieces are
  // then cut after whitespace before an emoji; the segments must still be the segmenter's.
  const alphabets = {
    'spaces and emoji': [' ', ' ', ' ', '😀', '👍🏽', '🇳🇴', '\u200d', '\u0301', '\ufeff', '\u00a0', '\n', '\t', '‼\ufe0f'],
    'mixed text': [...ASCII, ...OTHER, ' ', ' ', '🇳🇴🇩🇪', '\u3000', '\u2028'],
    // No whitespace: pieces are cut after CJK punctuation and emoji, next to digits, kana and marks.
    'Chinese and Japanese without spaces': ['欢迎', '来到', '我们的', '商店', '今天', '购物', 'カタカナ', 'ひらがな', '。', '、', '！', '？', '「', '」', '（', '）', '，', '．', '：', '😀', '👍🏽', '❤\ufe0f', '\u200d', '\u3099', '\uff9e', '1', '23', 'a', 'B', '!', '\u0301', '\ufeff', '한국어'],
  };
  it('does not cut after U+FEFF, which JavaScript calls whitespace and UAX #29 joins to the letters around it', () => {
    const text = `${'x'.repeat(4100)}a\ufeffb${' c'.repeat(50)}`;
    expect([...segmentWords(text, 'en')]).toEqual(viaIntl(text, 'en'));
  });

  it('does not cut after a full-width comma or colon, which join digits and letters (1，000)', () => {
    for (const joiner of ['，', '：', '．']) {
      const text = `${'欢迎'.repeat(2100)}1${joiner}000 a${joiner}b${'。商店'.repeat(20)}`;
      expect([...segmentWords(text, 'zh')]).toEqual(viaIntl(text, 'zh'));
    }
    // After an ideograph, the same punctuation ends the word for sure: long Chinese text is cut there.
    for (const joiner of ['，', ',', '．', '：', "'"]) {
      const text = `${'欢迎'.repeat(2100)}购${joiner}1${joiner}a${joiner}欢${'迎'.repeat(3000)}`;
      expect([...segmentWords(text, 'zh')]).toEqual(viaIntl(text, 'zh'));
    }
  });

  for (const [name, alphabet] of Object.entries(alphabets)) {
    for (const locale of ['en', 'ja', 'zh', 'th']) {
      it(`${name} (${locale})`, () => {
        const next = random(name.length * 31 + locale.length);
        for (let round = 0; round < 3; round++) {
          let text = '';
          while (text.length < 9000) text += alphabet[Math.floor(next() * alphabet.length)];
          expect([...segmentWords(text, locale)]).toEqual(viaIntl(text, locale));
        }
      });
    }
  }
});

describe('segmentWords on long runs of scripts written without spaces, segmented in windows', () => {
  // No place where a rule of UAX #29 always cuts: the segmenter's dictionaries decide every
  // boundary. Small windows make many cuts; every segment must still be the whole text's.
  const scripts = {
    Thai: ['สวัสดี', 'ครับ', 'ร้าน', 'ของ', 'เรา', 'ลด', 'ราคา', 'พิเศษ', 'วันนี้', 'เท่านั้น', 'ๆ', 'ฯ', 'กรุงเทพ', '๑๒๓', 'ที่', 'สุด'],
    Lao: ['ສະບາຍດີ', 'ຮ້ານ', 'ຂອງ', 'ພວກເຮົາ', 'ຫຼຸດ', 'ລາຄາ', 'ໃຫມ່'],
    Khmer: ['សួស្តី', 'ហាង', 'របស់', 'យើង', 'បញ្ចុះ', 'តម្លៃ', 'ថ្ងៃនេះ'],
    Burmese: ['မင်္ဂလာပါ', 'ဆိုင်', 'ကျွန်ုပ်တို့', 'လျှော့', 'ဈေး', 'ယနေ့'],
    Chinese: ['我们', '商店', '今天', '特价', '优惠', '欢迎', '光临', '北京', '大学生', '中华人民共和国', '的', '了'],
    Japanese: ['東京', 'ショップ', 'へ', 'ようこそ', '本日', '限定', 'セール', 'です', 'カタカナ'],
    // Letters of one script, and runs of other scripts and digits inside.
    mixed: ['ร้าน', 'ของ', '商店', '欢迎', 'ສະບາຍ', 'a', 'Zé', '12', '3.5', 'ก', '\u0301', '\u200d', 'NorthWind'],
  };
  // Compared as one line per segment: the same check as toEqual on the lists, in a fraction of the time.
  const lines = (segments: Array<{ index: number; segment: string; isWordLike: boolean }>): string => segments.map((s) => `${s.index} ${s.segment} ${s.isWordLike}`).join('\n');
  for (const [name, words] of Object.entries(scripts)) {
    it(`${name}, in windows of 128, 512 and 2,048 characters`, () => {
      const next = random(name.length * 131);
      let text = '';
      while (text.length < 6000) text += words[Math.floor(next() * words.length)];
      for (const locale of ['th', 'zh', 'en']) {
        const whole = lines(viaIntl(text, locale));
        for (const window of [128, 512, 2048]) expect(lines([...segmentWords(text, locale, window)]), `${locale}, ${window}`).toBe(whole);
      }
    });
  }

  it('a segment longer than a window (one word of 600 letters) is taken whole', () => {
    const text = `${'é'.repeat(600)}ร้านของเรา${'ä'.repeat(300)}`;
    expect([...segmentWords(text, 'en', 128)]).toEqual(viaIntl(text, 'en'));
  });
});

describe('eachSentence on Latin text, segmented without Intl.Segmenter', () => {
  const sentencesViaIntl = (text: string, locale: string): Array<[number, number]> =>
    [...new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)].map((s) => [s.index, s.index + s.segment.length]);
  const sentences = (text: string, locale: string): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    eachSentence(text, locale, (start, end) => out.push([start, end]));
    return out;
  };
  // Terminators, closers, spaces, paragraph breaks, case after a full stop, digits, comma-like marks.
  const pieces = ['Go', ' now', '. ', '! ', '? ', '.', '...', ' ', '   ', '\n', '\r\n', '\r', ')', '(', '"', "'", '” ', '“', '’', '«', '»', 'e.g. ', 'U.S. ', ' a', ' B', 'x', 'É', 'é', 'ß', 'ǅ', 'ƻ', '3', ' 12', ', ', '; ', ':', '-', '—', '–', '\u00a0', '\t', '…', '©', '¿', '¡', '%'];
  for (const locale of ['en', 'en-GB', 'de', 'fr', 'sv', 'ja', 'zh', 'english', 'el', 'en-u-ss-standard']) {
    it(`matches Intl.Segmenter (${locale})`, () => {
      const next = random(locale.length * 977 + 3);
      for (let round = 0; round < 300; round++) {
        let text = '';
        const length = 1 + Math.floor(next() * 120);
        while (text.length < length) text += pieces[Math.floor(next() * pieces.length)];
        expect(sentences(text, locale), JSON.stringify(text)).toEqual(sentencesViaIntl(text, locale));
      }
    });
  }
  it('keeps abbreviations, decimals and initials in their sentence, and ends one after a closing quote', () => {
    const text = 'Mr. Smith paid $3.50 at 9 a.m. today. He said “Go!” Then he left.\r\nNew line. e.g. this. U.S. Army';
    expect(sentences(text, 'en')).toEqual(sentencesViaIntl(text, 'en'));
    expect(sentences(text, 'en').length).toBeGreaterThan(3);
  });
  // Each character's class, where the table gives one: a wrong class shows in one of these.
  const contexts = (c: string): string[] => [c, `a${c}b`, `a${c} B`, `a.${c}B`, `a.${c} B`, `a. ${c} B`, `a. ${c}`, `a. ${c}b`, `${c}.B`, `x${c}.B`, `a.${c}`, `a?${c} b`];
  for (const locale of ['en', 'de', 'fr']) {
    it(`each character of ASCII, Latin-1, Latin Extended, IPA and general punctuation in the contexts that tell its class apart (${locale})`, () => {
      const mismatches: string[] = [];
      for (let code = 0; code < 0x2130; code = code === 0x300 ? 0x2000 : code + 1) {
        for (const text of contexts(String.fromCharCode(code))) {
          if (JSON.stringify(sentences(text, locale)) !== JSON.stringify(sentencesViaIntl(text, locale))) mismatches.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
        }
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  }
});

describe('eachSentence: sentences of a long text, segmented in windows', () => {
  const sentencesViaIntl = (text: string, locale: string): Array<[number, number]> =>
    [...new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)].map((s) => [s.index, s.index + s.segment.length]);
  const sentencesInWindows = (text: string, locale: string, window: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    eachSentence(text, locale, (start, end) => out.push([start, end]), window);
    return out;
  };
  // What the sentence rules turn on: terminators, closers, spaces, paragraph breaks, upper and
  // lower case after a full stop (SB8 looks ahead past digits and punctuation to the next letter).
  const pieces = ['Go', ' now', '. ', '! ', '? ', '.', '...', ' ', '   ', '\n', '\r\n', '\u2029', ')', '"', '” ', 'e.g. ', 'U.S. ', ' a', ' B', 'x', '3', ' 12', ', ', '; ', ':', '—', '¿', '。', '中文', '\u00a0', '\u0301', '😀', '-'];
  for (const locale of ['en', 'de', 'ja', 'en-u-ss-standard']) {
    it(`matches Intl.Segmenter on the whole text, with windows of every size (${locale})`, () => {
      const next = random(locale.length * 131 + 7);
      for (let round = 0; round < 40; round++) {
        let text = '';
        const length = 50 + Math.floor(next() * 400);
        while (text.length < length) text += pieces[Math.floor(next() * pieces.length)];
        const expected = sentencesViaIntl(text, locale);
        for (const window of [1, 2, 5, 16, 64, 10_000]) expect(sentencesInWindows(text, locale, window), `${JSON.stringify(text)} in windows of ${window}`).toEqual(expected);
      }
    });
  }

  it('segments a long paragraph with no letter near the end of a window (digits and spaces after a full stop)', () => {
    const text = `${'It is 3. '.repeat(50)}${' '.repeat(300)}4 5 6 and lower. Next one.`;
    expect(sentencesInWindows(text, 'en', 64)).toEqual(sentencesViaIntl(text, 'en'));
  });
});
