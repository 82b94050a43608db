import { describe, expect, it } from 'vitest';
import { textOffsetOf, type ContentDocument, type TextRun } from '../../src/core/document.js';
import { LineIndex } from '../../src/core/position.js';
import {
  findInProse,
  foldCase,
  isEnglish,
  matchCase,
  phrasePattern,
  proseRange,
  requiredLiteral,
  resolveLocale,
  segmentWords,
  type ProseRun,
} from '../../src/core/prose.js';
import { SourceCode } from '../../src/core/source-code.js';
import { loc, parse, slice } from '../channels/helpers.js';

/** A one-run document over `text` (the run covers the whole text, 1:1). */
function documentOf(text: string, extra: Partial<TextRun> = {}, locale?: string): ContentDocument {
  const lines = new LineIndex(text);
  const range = lines.rangeAt(0, text.length);
  return {
    file: 'post.md',
    absolutePath: '/project/post.md',
    channel: 'social',
    format: 'markdown',
    text,
    lines,
    metadata: locale ? { locale } : {},
    messages: [{ id: 'post', kind: 'post', range }],
    textRuns: [{ text, range, scope: 'post', messageId: 'post', sourceMap: [], ...extra }],
    styles: [],
    elements: [],
    images: [],
    links: [],
    fontSources: [],
    comments: [],
    templateRanges: [],
    parseProblems: [],
  };
}

function onlyRun(document: ContentDocument): ProseRun {
  const run = new SourceCode(document).prose[0]?.runs[0];
  if (!run) throw new Error('no prose run');
  return run;
}

const words = (text: string, locale?: string): string[] => onlyRun(documentOf(text, {}, locale)).words.map((w) => w.text);

describe('masking', () => {
  it.each([
    ['a URL', 'Visit https://www.northwind.example/cloud-pack?utm=x today.', 'url', 'https://www.northwind.example/cloud-pack?utm=x'],
    ['a www URL without scheme', 'See www.northwind.example/shop.', 'url', 'www.northwind.example/shop'],
    ['an email address', 'Write to help@northwind.example now', 'email', 'help@northwind.example'],
    ['a bare domain', 'Shop at northwind.example today', 'domain', 'northwind.example'],
    ['a mixed-case domain', 'Shop at NorthWind.example today', 'domain', 'NorthWind.example'],
    ['a Handlebars tag', 'Hi {{ first_name }}, welcome', 'template', '{{ first_name }}'],
    ['a Mailchimp merge tag', 'Hi *|FNAME|*, welcome', 'template', '*|FNAME|*'],
    ['a slot placeholder', 'Hi {name}, welcome', 'template', '{name}'],
    ['a ${} slot', 'Hi ${user.name}, welcome', 'template', '${user.name}'],
    ['inline code', 'Run `npm utilize` first', 'code', '`npm utilize`'],
    ['a hashtag', 'New drop #CloudPack today', 'hashtag', '#CloudPack'],
    ['a mention', 'Thanks @northwind_hq for this', 'mention', '@northwind_hq'],
  ])('masks %s', (_name, text, kind, masked) => {
    const run = onlyRun(documentOf(text));
    expect(run.masks.map((m) => [m.kind, m.text])).toEqual([[kind, masked]]);
    expect(run.text).toHaveLength(text.length);
    expect(run.text).not.toContain(masked);
    expect(run.text.slice(run.masks[0]!.start, run.masks[0]!.end).trim()).toBe('');
  });

  it.each([
    ['a sentence ending without a space', 'Pack light.Then go'],
    ['an abbreviation', 'e.g. boots, i.e. shoes, U.S. trails'],
    ['a price', 'Only $25.99 today'],
    ['a number sign', 'Item #1 is back'],
    ['an HTML entity name', 'Fish &#chips'],
  ])('does not mask %s', (_name, text) => {
    expect(onlyRun(documentOf(text)).masks).toEqual([]);
  });

  it('masks the document template ranges mapped through the source map', async () => {
    const document = await parse('<p>Hi &amp; {{ first_name }} hello</p>');
    const run = document.textRuns.find((r) => r.scope === 'body')!;
    expect(run.text).toBe('Hi & {{ first_name }} hello');
    const source = new SourceCode(document);
    const masks = source.masksOf(run);
    expect(masks.map((m) => [m.kind, m.text])).toEqual([['template', '{{ first_name }}']]);
    // One masking pass per document and run, shared by every reader of the source.
    expect(source.masksOf(run)).toBe(masks);
    const reparsed = await parse('<p>Hi &amp; {{ first_name }} hello</p>');
    expect(new SourceCode(reparsed).masksOf(reparsed.textRuns.find((r) => r.scope === 'body')!)).not.toBe(masks);
  });

  it('masks inline code elements and code blocks', async () => {
    const document = await parse('<p>Your code is <code>NORTHWIND-utilize</code>, ok</p><pre>x utilize</pre>');
    const [message] = new SourceCode(document).prose;
    expect(message!.runs.map((r) => [r.run.text, r.masks.map((m) => `${m.kind}:${m.text}`)])).toEqual([
      ['Your code is NORTHWIND-utilize, ok', ['code:NORTHWIND-utilize']],
      ['x utilize', ['code:x utilize']],
    ]);
  });

  it('maps file offsets back to text offsets through decoded entities', () => {
    const run: TextRun = {
      text: 'a & b',
      range: new LineIndex('a &amp; b').rangeAt(0, 9),
      scope: 'body',
      messageId: 'm',
      sourceMap: [[3, 7]],
    };
    expect(textOffsetOf(run, 0)).toBe(0);
    expect(textOffsetOf(run, 7)).toBe(3);
    expect(textOffsetOf(run, 8)).toBe(4);
  });
});

describe('words', () => {
  it.each([
    ['CJK without spaces', '欢迎来到NorthWind商店', 'zh', ['欢迎', '来到', 'NorthWind', '商店']],
    ['Japanese with a brand name', 'ノースウィンドのCloudPackを買う', 'ja', ['CloudPack']],
    ['possessives stay one word', "CloudPack's straps", 'en', ["CloudPack's", 'straps']],
    ['a hashtag is not words', 'Pack it #CloudPackLife', 'en', ['Pack', 'it']],
    ['a URL is not words', 'Go to https://x.example/utilize now', 'en', ['Go', 'to', 'now']],
    ['a template tag is not words', 'Dear {{ first_name }}', 'en', ['Dear']],
    ['German', 'Ich nutze die Cloud Pack-App.', 'de', ['Ich', 'nutze', 'die', 'Cloud', 'Pack', 'App']],
  ])('%s', (_name, text, locale, expected) => {
    const found = words(text, locale);
    for (const word of expected) expect(found).toContain(word);
    if (_name.startsWith('a ')) expect(found).toEqual(expected);
  });
});

describe('sentences', () => {
  it('splits sentences with Intl.Segmenter, keeps U.S. inside one, and drops masked-only ones', () => {
    const run = onlyRun(documentOf('Pack light. We hiked the U.S. trail! Ready? https://x.example'));
    expect(run.sentences.map((s) => s.text)).toEqual(['Pack light.', 'We hiked the U.S. trail!', 'Ready?']);
  });
});

describe('findInProse', () => {
  it.each([
    ['a whole word', 'We utilize maps', 'utilize', ['utilize']],
    ['not inside a longer word', 'classic class', 'class', ['class']],
    ['across a line break', 'in order\nto go', 'in order to', ['in order\nto']],
    ['any letter case', 'UTILIZE it, Utilize it', 'utilize', ['UTILIZE', 'Utilize']],
    ['inside CJK text', '欢迎来到NorthWind商店', 'northwind', ['NorthWind']],
    ['never in a URL', 'https://utilize.example/utilize', 'utilize', []],
    ['never in an email address', 'utilize@northwind.example', 'utilize', []],
    ['never in a hashtag', '#Utilize this', 'utilize', []],
    ['never in a template tag', '{{ utilize }} and *|UTILIZE|*', 'utilize', []],
    ['typographic apostrophes', 'don’t', "don't", ['don’t']],
  ])('%s', (_name, text, phrase, expected) => {
    const locale = /[\u4e00-\u9fff]/u.test(text) ? 'zh' : 'en';
    const run = onlyRun(documentOf(text, {}, locale));
    expect(findInProse(run, phrasePattern(phrase)).map((m) => m[0])).toEqual(expected);
  });

  it('positions a match in the file through the run', async () => {
    const document = await parse('<p>Hi &amp; we utilize maps</p>');
    const run = new SourceCode(document).prose[0]!.runs.find((r) => r.scope === 'body')!;
    const [match] = findInProse(run, phrasePattern('utilize'));
    const range = proseRange(document, run, match!.index, match!.index + match![0].length);
    expect(slice(document, range)).toBe('utilize');
    expect(loc(range)).toBe('1:16-1:23');
  });
});

describe('locales', () => {
  it('resolves run, then message, then document, then the default', () => {
    expect(resolveLocale({ metadata: {} })).toBe('en');
    expect(resolveLocale({ metadata: {} }, null, null, 'de')).toBe('de');
    expect(resolveLocale({ metadata: { locale: 'pl' } })).toBe('pl');
    expect(resolveLocale({ metadata: { locale: 'pl' } }, null, { locale: 'fr' })).toBe('fr');
    expect(resolveLocale({ metadata: { locale: 'pl' } }, { locale: 'ja' }, { locale: 'fr' })).toBe('ja');
  });

  it('groups runs per message with the locale of the run', async () => {
    const document = await parse('<html lang="de"><body><p>Hallo</p><p lang="en">Hello</p></body></html>');
    const [message] = new SourceCode(document).prose;
    expect(message!.locale).toBe('de');
    expect(message!.runs.map((r) => [r.text, r.locale])).toEqual([
      ['Hallo', 'de'],
      ['Hello', 'en'],
    ]);
  });

  it('splits a run at inline elements with their own lang', async () => {
    const document = await parse('<html lang="en"><body><p>We love <span lang="fr">joie de vivre</span> and <em>hiking</em>.</p></body></html>');
    const [message] = new SourceCode(document).prose;
    expect(message!.runs.map((r) => [r.locale, r.words.map((w) => w.text).join(' ')])).toEqual([
      ['en', 'We love'],
      ['fr', 'joie de vivre'],
      ['en', 'and hiking'],
    ]);
    // Every part keeps the run's offsets.
    const french = message!.runs[1]!;
    const [first] = french.words;
    expect(slice(document, proseRange(document, french, first!.start, first!.end))).toBe('joie');
  });

  it.each([
    ['en', true],
    ['en-GB', true],
    ['EN_us', true],
    ['de-DE', false],
    ['pl', false],
    ['eng', false],
  ])('isEnglish(%s) is %s', (locale, expected) => {
    expect(isEnglish(locale)).toBe(expected);
  });
});

describe('case', () => {
  it.each([
    ['Utilize', 'use', 'Use'],
    ['UTILIZE', 'use', 'USE'],
    ['utilize', 'use', 'use'],
    ['In order to', 'to', 'To'],
    ['IN ORDER TO', 'to', 'TO'],
    ['iPhone', 'phone', 'phone'],
    ['Whitelist', 'allowlist', 'Allowlist'],
    ['Log In', 'sign in', 'Sign In'],
    ['Log in', 'sign in', 'Sign in'],
    ['In Order To', 'to', 'To'],
  ])('matchCase(%s, %s) is %s', (original, replacement, expected) => {
    expect(matchCase(original, replacement)).toBe(expected);
  });

  it('folds case by locale', () => {
    expect(foldCase('İSTANBUL', 'tr')).toBe('istanbul');
    expect(foldCase('NORTHWIND', 'en')).toBe('northwind');
  });
});

describe('requiredLiteral', () => {
  it.each([
    ['a phrase', phrasePattern('in order to'), 'order'],
    ['an apostrophe phrase', phrasePattern("don't"), 'don'],
    ['a hyphenated word', phrasePattern('e-mail'), 'mail'],
    ['an escaped dot', phrasePattern('Node.js'), 'node'],
    ['case-sensitive phrases too', phrasePattern('NorthWind', true), 'northwind'],
    ['word boundaries', /\butilize\b/giu, 'utilize'],
    ['an alternation: none', /colou?r|hue/giu, null],
    ['a character class: none', /[a-z]+ing/giu, null],
    ['no ASCII letters: none', phrasePattern('日本'), null],
  ])('%s', (_name, pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal);
  });

  it('is in the lower-cased text of every run the pattern matches', () => {
    const cases: Array<[string, string]> = [
      ['We UTILIZE it', 'utilize'],
      ['Mi\u017Fs Mi\u017F\u017Fippi', 'miss'],
      ['In Order\nTo go', 'in order to'],
    ];
    for (const [text, phrase] of cases) {
      const run = onlyRun(documentOf(text));
      const pattern = phrasePattern(phrase);
      if (findInProse(run, pattern).length > 0) expect(run.lowerText).toContain(requiredLiteral(pattern));
    }
  });
});

describe('email masks on long text', () => {
  const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
  it.each([
    ['one address', 'write to help@northwind.example now'],
    ['two addresses in a row', 'a@b.com.x@y.org and c@d.io'],
    ['an @ without an address', `${'word'.repeat(2000)}@ and more`],
    ['addresses after a long word', `${'a'.repeat(5000)} then team@northwind.example`],
    ['astral letters in the local part', '\u{1D400}\u{1D401}@north.example'],
    ['dots and pluses', 'first.last+tag@mail.north-wind.example.'],
  ])('finds what the regular expression finds: %s', (_name, text) => {
    const expected = [...text.matchAll(emailPattern)].map((match) => `${match.index}:${match[0]}`);
    const masks = onlyRun(documentOf(text)).masks.filter((mask) => mask.kind === 'email').map((mask) => `${mask.start}:${mask.text}`);
    expect(masks).toEqual(expected);
  });
});

describe('segmentWords', () => {
  it('gives the segments Intl.Segmenter gives for the whole text, on long mixed texts', () => {
    const pieces = ['Trail', 'boots', '  ', '\n', 'it’s', "don't", 'U.S.', '3.5', '欢迎来到NorthWind商店', 'ยินดีต้อนรับ', '👍🏽', 'e\u0301', ' \u0301x', '#tag', '\u200d', '--', '日本語', 'naïve', '\t', '.'];
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const locale of ['en', 'ja', 'th']) {
      let text = '';
      while (text.length < 12_000) text += pieces[random(pieces.length)]! + (random(3) === 0 ? '' : ' ');
      const whole = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].map((s) => [s.index, s.segment, s.isWordLike === true]);
      expect([...segmentWords(text, locale)].map((s) => [s.index, s.segment, s.isWordLike])).toEqual(whole);
    }
  });
});
