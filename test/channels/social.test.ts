import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import { rangeInRun, type ContentDocument } from '../../src/core/document.js';
import { parseDirectives } from '../../src/engine/directives.js';
import { readContentFile } from '../../src/engine/read.js';
import { loc, slice } from './helpers.js';

function parseSocial(text: string, file = 'social/post.md'): Promise<ContentDocument> {
  return parseContent({ file, absolutePath: `/project/${file}`, text, channel: 'social' });
}

const runs = (document: ContentDocument): string[] =>
  document.textRuns.map((run) => `${run.scope} ${run.messageId} ${JSON.stringify(run.text)} @${loc(run.range)}`);

function whereIs(document: ContentDocument, word: string): string {
  for (const run of document.textRuns) {
    const at = run.text.indexOf(word);
    if (at >= 0) {
      const range = rangeInRun(document, run, at, at + word.length);
      return `${loc(range)} ${JSON.stringify(slice(document, range))}`;
    }
  }
  return '(not found)';
}

describe('Markdown posts', () => {
  const post = [
    '---',
    'platform: Instagram',
    'campaign: spring-sale',
    'lang: en-GB',
    'publish_at: 2027-03-01T09:00',
    'link: https://northwind.example/spring',
    '# front matter comment',
    '---',
    '# Spring is here',
    '',
    'Save **20%** on *spring* shoes at [Northwind](https://northwind.example/spring "Spring").',
    'Use code `SPRING20` &amp; more\\!',
    '',
    '- Free delivery',
    '- Free returns',
    '',
    '![Northwind logo on a shoe box](img/logo.png)',
    '',
    '<!-- brandlint-disable-next-line prose-style -- slogan -->',
    '```js',
    'const northwind = 1;',
    '```',
    '',
    'Follow #NorthwindSpring and @northwind: hello@northwind.example',
  ].join('\n');

  it('reads the front matter into metadata and the post message', async () => {
    const document = await parseSocial(post);
    expect(document.format).toBe('markdown');
    expect(document.parseProblems).toEqual([]);
    expect(document.metadata).toMatchObject({ platform: 'instagram', campaign: 'spring-sale', locale: 'en-GB', date: '2027-03-01' });
    expect(loc(document.metadata.campaignRange)).toBe('3:11-3:22');
    expect(document.messages).toEqual([
      { id: 'post', kind: 'post', range: document.lines.rangeAt(post.indexOf('# Spring'), post.length), platform: 'instagram', campaign: 'spring-sale', locale: 'en-GB', date: '2027-03-01' },
    ]);
  });

  it('gives headings, paragraphs, list items and alt text as prose; code and HTML are not', async () => {
    const document = await parseSocial(post);
    expect(runs(document)).toEqual([
      'heading post "Spring is here" @9:3-9:17',
      'post post "Save 20% on spring shoes at Northwind.\\nUse code  & more!" @11:1-12:33',
      'post post "Free delivery" @14:3-14:16',
      'post post "Free returns" @15:3-15:15',
      'alt post "Northwind logo on a shoe box" @17:3-17:31',
      'post post "Follow #NorthwindSpring and @northwind: hello@northwind.example" @24:1-24:64',
    ]);
    expect(document.textRuns.every((run) => run.locale === 'en-GB')).toBe(true);
    expect(document.textRuns.some((run) => /SPRING20|const/.test(run.text))).toBe(false);
  });

  it.each([
    ['emphasis markers dropped', 'spring', '11:18-11:24 "spring"'],
    ['link text', 'Northwind.', '11:36-11:90 "Northwind](https://northwind.example/spring \\"Spring\\")."'],
    ['a character reference', '&', '12:21-12:26 "&amp;"'],
    ['after a reference', 'more', '12:27-12:31 "more"'],
    ['a backslash escape', '!', '12:31-12:33 "\\\\!"'],
  ])('maps %s back to the file', async (_name, word, where) => {
    expect(whereIs(await parseSocial(post), word)).toBe(where);
  });

  it('records links (front matter, Markdown, e-mail in text) and images with ranges', async () => {
    const document = await parseSocial(post);
    expect(document.links.map((link) => [link.href, loc(link.hrefRange), loc(link.range), link.text])).toEqual([
      ['https://northwind.example/spring', '6:7-6:39', '6:7-6:39', ''],
      ['https://northwind.example/spring', '11:47-11:79', '11:35-11:89', 'Northwind'],
      ['mailto:hello@northwind.example', '24:41-24:64', '24:41-24:64', 'hello@northwind.example'],
    ]);
    expect(document.images.map((image) => [image.src, loc(image.srcRange), image.alt, loc(image.altRange), loc(image.range)])).toEqual([
      ['img/logo.png', '17:33-17:45', 'Northwind logo on a shoe box', '17:3-17:31', '17:1-17:46'],
    ]);
  });

  it('records Markdown and front-matter comments for directives', async () => {
    const document = await parseSocial(post);
    expect(document.comments.map((comment) => [comment.syntax, loc(comment.range), loc(comment.fullRange)])).toEqual([
      ['yaml', '7:2-7:23', '7:1-7:23'],
      ['markdown', '19:5-19:56', '19:1-19:59'],
    ]);
    const directives = parseDirectives(document.comments, document.lines);
    expect(directives.map((directive) => [directive.kind, directive.rules?.map((rule) => `${rule.id} ${loc(rule.range)}`), directive.lines])).toEqual([
      ['disable-next-line', ['prose-style 19:34-19:45'], { from: 20, to: 20 }],
    ]);
  });

  it('splits a thread into posts at thematic breaks', async () => {
    const document = await parseSocial('First post.\n\n---\n\nSecond post.\n');
    expect(document.messages.map((message) => `${message.id} ${loc(message.range)}`)).toEqual(['post-1 1:1-1:12', 'post-2 5:1-5:13']);
    expect(runs(document)).toEqual(['post post-1 "First post." @1:1-1:12', 'post post-2 "Second post." @5:1-5:13']);
  });

  it('reads CRLF front matter and body', async () => {
    const document = await parseSocial('---\r\nplatform: linkedin\r\n---\r\nHello\r\nthere &amp; here.\r\n');
    expect(document.metadata.platform).toBe('linkedin');
    expect(runs(document)).toEqual(['post post "Hello\\r\\nthere & here." @4:1-5:18']);
    expect(whereIs(document, 'here.')).toBe('5:13-5:18 "here."');
  });

  it('maps text inside block quotes and continuation lines', async () => {
    const document = await parseSocial('> Quoted line one\n> and **two**\n');
    expect(runs(document)).toEqual(['post post "Quoted line one\\nand two" @1:3-2:12']);
    expect(whereIs(document, 'two')).toBe('2:9-2:12 "two"');
  });

  it.each([
    ['an empty body is still one post', '---\nplatform: x\n---\n', [], ['post 4:1-4:1']],
    ['a platform list', '---\nplatform: [x, linkedin]\n---\nHi\n', [], ['post 4:1-4:3']],
    ['a platform list with an entry that is no name', '---\nmedia: [x, {a: 1}]\n---\nHi\n', ['parse/front-matter warning 2:12-2:18'], ['post 4:1-4:3']],
    ['a date that is no date', '---\npublish_at: 31/02/2027\n---\nHi\n', ['parse/date warning 2:13-2:23'], ['post 4:1-4:3']],
    ['broken front matter YAML', '---\nplatform: [x\n---\nHi\n', ['parse/front-matter error'], ['post 4:1-4:3']],
  ])('%s', async (_name, text, problems, messages) => {
    const document = await parseSocial(text);
    expect(document.parseProblems.map((problem) => `${problem.ruleId} ${problem.severity}${problem.ruleId === 'parse/front-matter' && problem.severity === 'error' ? '' : ` ${loc(problem.range)}`}`)).toEqual(problems);
    expect(document.messages.map((message) => `${message.id} ${loc(message.range)}`)).toEqual(messages);
  });
});

describe('scheduler CSV', () => {
  const csv = [
    'Date,Message,Network,Link,Campaign,Lang',
    '2027-03-01 09:00,"Spring is here! Save 20% at Northwind.",Twitter,https://northwind.example/spring,spring-sale,en',
    '2027-03-02,"Line one',
    '""Quoted"" line two",LinkedIn,,spring-sale,en',
    '2027-03-03,Unquoted, with comma,Instagram,,spring-sale,en',
    '2027-03-04,"Unterminated,Instagram,,spring-sale,en',
    '2027-03-05,Last post #NorthwindSpring,Instagram,,spring-sale,en',
  ].join('\n');

  it('makes each row a post with its own platform, date, campaign and locale', async () => {
    const document = await parseSocial(csv, 'social/schedule.csv');
    expect(document.format).toBe('csv');
    expect(document.messages.map((message) => [message.id, message.kind, message.platform, message.date, message.campaign, message.locale, loc(message.range)])).toEqual([
      ['row-2', 'post', 'x', '2027-03-01', 'spring-sale', 'en', '2:1-2:114'],
      ['row-3', 'post', 'linkedin', '2027-03-02', 'spring-sale', 'en', '3:1-4:46'],
      ['row-6', 'post', 'instagram', '2027-03-05', 'spring-sale', 'en', '7:1-7:64'],
    ]);
    expect(document.metadata).toMatchObject({ campaign: 'spring-sale', locale: 'en' });
    expect(document.metadata.platform).toBeUndefined();
    expect(loc(document.metadata.campaignRange)).toBe('2:100-2:111');
  });

  it('positions every message cell, through quotes, doubled quotes and line breaks', async () => {
    const document = await parseSocial(csv, 'social/schedule.csv');
    expect(runs(document)).toEqual([
      'post row-2 "Spring is here! Save 20% at Northwind." @2:19-2:57',
      'post row-3 "Line one\\n\\"Quoted\\" line two" @3:13-4:20',
      'post row-6 "Last post #NorthwindSpring" @7:12-7:38',
    ]);
    expect(whereIs(document, 'Quoted')).toBe('4:3-4:9 "Quoted"');
    expect(whereIs(document, '"')).toBe('4:1-4:3 "\\"\\""');
    expect(document.links.map((link) => [link.href, loc(link.hrefRange)])).toEqual([['https://northwind.example/spring', '2:67-2:99']]);
  });

  it('reports malformed rows with positions and keeps the others', async () => {
    const document = await parseSocial(csv, 'social/schedule.csv');
    expect(document.parseProblems.map((problem) => [problem.ruleId, loc(problem.range), problem.message])).toEqual([
      ['parse/csv', '6:12-6:13', 'unterminated quoted cell: the closing " is missing'],
      ['parse/csv', '5:1-5:58', 'row 4 has 7 cells, the header has 6; the row is skipped (quote a message that holds the delimiter)'],
    ]);
  });

  it.each([
    ['semicolons', 'message;platform\nHallo aus dem Northwind-Laden;Instagram\n', ['post row-2 "Hallo aus dem Northwind-Laden" @2:1-2:30'], []],
    ['tabs and a "caption" column', 'caption\tnetwork\nSpring at Northwind\tig\n', ['post row-2 "Spring at Northwind" @2:1-2:20'], []],
    ['a Hootsuite file without a header (day first, told by 15/03)', '01/03/2027 09:00,Spring at Northwind,https://northwind.example/spring\n15/03/2027 09:00,Last days,\n', ['post row-1 "Spring at Northwind" @1:18-1:37', 'post row-2 "Last days" @2:18-2:27'], []],
    ['no message column', 'id,when\n1,2\n', [], ['parse/csv 1:1-1:8']],
    ['text after a closing quote', 'text\n"Hi" there\nFine\n', ['post row-3 "Fine" @3:1-3:5'], ['parse/csv 2:5-2:11']],
    ['an ambiguous date', 'text,date\nHi,03/04/2027\n', ['post row-2 "Hi" @2:1-2:3'], ['parse/date 2:4-2:14']],
  ])('%s', async (_name, text, expectedRuns, problems) => {
    const document = await parseSocial(text, 'social/schedule.csv');
    expect(runs(document)).toEqual(expectedRuns);
    expect(document.parseProblems.map((problem) => `${problem.ruleId} ${loc(problem.range)}`)).toEqual(problems);
  });

  it('reads CRLF line endings, a byte-order mark and quoted line breaks', async () => {
    const document = await parseSocial('\ufeffMessage,Platform\r\n"Line one\r\nLine two",X\r\nSecond,x\r\n', 'social/a.csv');
    expect(runs(document)).toEqual(['post row-2 "Line one\\r\\nLine two" @2:2-3:9', 'post row-3 "Second" @4:1-4:7']);
    expect(document.messages.map((message) => message.platform)).toEqual(['x', 'x']);
    expect(document.metadata.platform).toBe('x');
  });

  it('reads Hootsuite dates in the file order', async () => {
    const document = await parseSocial('01/03/2027 09:00,Spring,https://northwind.example\n15/03/2027 09:00,Last days,\n', 'social/bulk.csv');
    expect(document.messages.map((message) => message.date)).toEqual(['2027-03-01', '2027-03-15']);
    expect(document.links.map((link) => `${link.href} ${loc(link.hrefRange)}`)).toEqual(['https://northwind.example 1:25-1:50']);
  });
});

describe('files that are not UTF-8', () => {
  it.each(['post.md', 'schedule.csv', 'domain.yml', 'main.lg'])('%s gets file/not-utf8 at the first bad byte', async (name) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'brandlint-utf8-'));
    try {
      const file = path.join(dir, name);
      await writeFile(file, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Northwind\n')]));
      const read = await readContentFile(file, name);
      expect(read).toMatchObject({ kind: 'failed', diagnostic: { ruleId: 'file/not-utf8', file: name, range: { start: { line: 1, column: 4 } } } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
