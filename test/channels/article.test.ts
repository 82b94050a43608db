import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import { rangeInRun, type ContentDocument } from '../../src/core/document.js';
import { parseDirectives } from '../../src/engine/directives.js';
import { SourceCode } from '../../src/core/source-code.js';
import { campaignsOf, extractFacts } from '../../src/consistency/extract.js';
import { loc, slice } from './helpers.js';

function parseArticle(text: string, file: string): Promise<ContentDocument> {
  return parseContent({ file, absolutePath: `/project/${file}`, text, channel: 'article' });
}

/** `scope "text" @range "what the range covers"`, block ids left out. */
const runs = (document: ContentDocument): string[] =>
  document.textRuns.map((run) => `${run.scope} ${JSON.stringify(run.text)} @${loc(run.range)}`);

/** Where a word of the prose is in the file, and the text there. */
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

/** The masked prose (what voice rules read). */
const prose = (document: ContentDocument): string[] => new SourceCode(document).prose.flatMap((message) => message.runs.map((run) => run.text));

describe('Markdown articles', () => {
  const text = [
    '---',
    'campaign: spring-sale',
    'lang: en-GB',
    '---',
    '# Spring [sale](https://northwind.example) is here',
    '',
    'Save 20% with code {{ promo_code }} at [the shop](https://northwind.example/shop) today.',
    '',
    '> A quote from a happy customer.',
    '',
    '- First item with `inlineCode()` inside',
    '- Second item',
    '',
    '| Plan | Price |',
    '|------|-------|',
    '| Basic | $10 |',
    '',
    '```js',
    'const never = "prose";',
    '```',
    '',
    '![A smiling customer](customer.png)',
  ].join('\n');

  it('gives every block its scope: heading, paragraph (quotes too), list, table, link text, alt; code is never prose', async () => {
    const document = await parseArticle(text, 'blog/spring.md');
    expect(document.format).toBe('markdown');
    expect(runs(document)).toEqual([
      'heading "Spring sale is here" @5:3-5:51',
      'paragraph "Save 20% with code {{ promo_code }} at" @7:1-7:39',
      'link "the shop" @7:41-7:49',
      'paragraph "today." @7:83-7:89',
      'paragraph "A quote from a happy customer." @9:3-9:33',
      'list "First item with  inside" @11:3-11:40',
      'list "Second item" @12:3-12:14',
      'table "Plan" @14:3-14:7',
      'table "Price" @14:10-14:15',
      'table "Basic" @16:3-16:8',
      'table "$10" @16:11-16:14',
      'alt "A smiling customer" @22:3-22:21',
    ]);
    expect(document.textRuns.some((run) => run.text.includes('never'))).toBe(false);
  });

  it('reads front matter like a post (campaign, lang) into one article message', async () => {
    const document = await parseArticle(text, 'blog/spring.md');
    expect(document.metadata).toMatchObject({ campaign: 'spring-sale', locale: 'en-GB' });
    expect(loc(document.metadata.campaignRange)).toBe('2:11-2:22');
    expect(document.messages).toMatchObject([{ id: 'article', kind: 'article', campaign: 'spring-sale', locale: 'en-GB' }]);
  });

  it('keeps the runs of a paragraph that links split in one block; template tags are masked', async () => {
    const document = await parseArticle(text, 'blog/spring.md');
    const [before, link, after] = document.textRuns.slice(1, 4);
    expect(before!.blockId).toBeDefined();
    expect(link!.blockId).toBe(before!.blockId);
    expect(after!.blockId).toBe(before!.blockId);
    expect(document.templateRanges.map((range) => slice(document, range))).toEqual(['{{ promo_code }}']);
    expect(prose(document)[1]).toBe('Save 20% with code                  at');
    expect(document.links.map((link) => link.href)).toEqual(['https://northwind.example', 'https://northwind.example/shop']);
  });

  it('is a campaign member with facts, like every channel', async () => {
    const document = await parseArticle(
      '---\ncampaign: spring-sale\n---\n# Spring sale\n\nSave 20% with code SPRING20 until 2027-03-31.\n',
      'blog/spring.md',
    );
    expect([...campaignsOf(document).keys()]).toEqual(['spring-sale']);
    const facts = extractFacts(document, null).map((fact) => `${fact.kind} ${fact.value} @${fact.range.start.line}:${fact.range.start.column}`);
    expect(facts).toEqual(expect.arrayContaining(['offer 20% off @6:1', 'code SPRING20 @6:20']));
  });

  it('maps words back through escapes and entities', async () => {
    const document = await parseArticle('Tom \\& Jerry &amp; friends say hi.\n', 'kb/a.md');
    expect(whereIs(document, 'friends')).toBe('1:20-1:27 "friends"');
  });

  it('an empty file is one empty article, no problem', async () => {
    const document = await parseArticle('', 'blog/empty.md');
    expect(document.messages).toHaveLength(1);
    expect(document.textRuns).toEqual([]);
    expect(document.parseProblems).toEqual([]);
  });
});

describe('MDX articles', () => {
  const text = [
    "import { Callout } from '../components/callout';",
    'export const meta = { title: "Never prose" };',
    '',
    '# Welcome {props.name}',
    '',
    '<Callout type="warning" title="Attribute text is no prose">',
    '  Back up your data first.',
    '</Callout>',
    '',
    'Hello {user.firstName}, your plan renews on {renewal.date}.',
    '',
    '{/* brandlint-disable-next-line plain-language */}',
    'We utilize <Badge>new</Badge> tools.',
  ].join('\n');

  it('walks JSX for its Markdown, masks expressions and ESM, and never reads attributes', async () => {
    const document = await parseArticle(text, 'docs/welcome.mdx');
    expect(document.format).toBe('mdx');
    expect(document.parseProblems).toEqual([]);
    expect(runs(document)).toEqual([
      'heading "Welcome {props.name}" @4:3-4:23',
      'paragraph "Back up your data first." @7:3-7:27',
      'paragraph "Hello {user.firstName}, your plan renews on {renewal.date}." @10:1-10:60',
      'paragraph "We utilize new tools." @13:1-13:37',
    ]);
    expect(document.templateRanges.map((range) => slice(document, range))).toEqual([
      "import { Callout } from '../components/callout';\nexport const meta = { title: \"Never prose\" };",
      '{props.name}',
      '{user.firstName}',
      '{renewal.date}',
    ]);
    expect(prose(document)[2]).toBe('Hello                 , your plan renews on               .');
    expect(whereIs(document, 'tools')).toBe('13:31-13:36 "tools"');
  });

  it('reads {/* comments */} as directives', async () => {
    const document = await parseArticle(text, 'docs/welcome.mdx');
    const directives = parseDirectives(document.comments, document.lines);
    expect(directives.map((d) => `${d.kind} ${d.rules?.map((r) => r.id).join(',')} line ${d.lines?.from}`)).toEqual(['disable-next-line plain-language line 13']);
  });

  it('broken JSX is a positioned problem; the file is still read as Markdown', async () => {
    const document = await parseArticle('# Title\n\n<Note>\nNever closed.\n', 'docs/broken.mdx');
    expect(document.parseProblems).toMatchObject([{ ruleId: 'parse/mdx', severity: 'error', message: expect.stringContaining('read as plain Markdown') }]);
    expect(loc(document.parseProblems[0]!.range)).toBe('3:1-3:1');
    expect(runs(document)).toContain('heading "Title" @1:3-1:8');
  });
});

describe('AsciiDoc articles', () => {
  const text = [
    '= Spring Sale Guide',
    ':lang: de',
    ':campaign: spring-sale',
    '',
    'A paragraph with `code()` and link:https://northwind.example[the shop] here.',
    '// brandlint-disable-next-line plain-language',
    'Second *bold* line with {product-name} and C# kept.',
    '',
    '== Getting started',
    '',
    '* First item',
    '* Second item',
    'continued here',
    '',
    '|===',
    '|Plan |Price',
    '|Basic |10 EUR',
    '|===',
    '',
    '----',
    'const never = "prose";',
    '----',
    '',
    'Term:: The definition.',
    '',
    'NOTE: Back up first.',
    '',
    'image::customer.png[A smiling customer]',
    '',
    '////',
    'A comment block.',
    '////',
  ].join('\n');

  it('reads blocks with asciidoctor.js and maps every run 1:1 onto the file', async () => {
    const document = await parseArticle(text, 'docs/guide.adoc');
    expect(document.format).toBe('asciidoc');
    expect(document.parseProblems).toEqual([]);
    expect(runs(document)).toEqual([
      'heading "Spring Sale Guide" @1:3-1:20',
      'paragraph "A paragraph with  and" @5:1-5:30',
      'link "the shop" @5:62-5:70',
      'paragraph "here.\\nSecond bold line with {product-name} and C# kept." @5:72-7:52',
      'heading "Getting started" @9:4-9:19',
      'list "First item" @11:3-11:13',
      'list "Second item\\ncontinued here" @12:3-13:15',
      'table "Plan" @16:2-16:6',
      'table "Price" @16:8-16:13',
      'table "Basic" @17:2-17:7',
      'table "10 EUR" @17:9-17:15',
      'list "Term" @24:1-24:5',
      'list "The definition." @24:8-24:23',
      'paragraph "Back up first." @26:7-26:21',
      'alt "A smiling customer" @28:21-28:39',
    ]);
    expect(whereIs(document, 'bold')).toBe('7:9-7:13 "bold"');
    expect(document.textRuns.some((run) => run.text.includes('never') || run.text.includes('comment block'))).toBe(false);
  });

  it('takes lang and campaign from the header attributes, links from macros, comments for directives', async () => {
    const document = await parseArticle(text, 'docs/guide.adoc');
    expect(document.metadata).toMatchObject({ locale: 'de', campaign: 'spring-sale' });
    expect(loc(document.metadata.campaignRange)).toBe('3:12-3:23');
    expect(document.links.map((link) => `${link.href} ${JSON.stringify(link.text)}`)).toEqual(['https://northwind.example "the shop"']);
    const directives = parseDirectives(document.comments, document.lines);
    expect(directives.map((d) => `${d.kind} line ${d.lines?.from}`)).toEqual(['disable-next-line line 7']);
    expect(document.comments.map((comment) => comment.text.trim())).toContain('A comment block.');
  });

  it('masks attribute references as template syntax', async () => {
    const document = await parseArticle(text, 'docs/guide.adoc');
    expect(prose(document)[3]).toContain('Second bold line with                and C# kept.');
  });
});

describe('plain-text articles', () => {
  it('paragraphs are separated by blank lines; bullets and numbers start list items', async () => {
    const text = 'Hi, this is Sam from Northwind.\nDo you have a minute?\n\n- Ask about their plan\n- Offer {{ discount }} off\n  if they renew\n1) Close\n\nThanks for your time.';
    const document = await parseArticle(text, 'sales/call-script.txt');
    expect(document.format).toBe('text');
    expect(runs(document)).toEqual([
      'paragraph "Hi, this is Sam from Northwind.\\nDo you have a minute?" @1:1-2:22',
      'list "Ask about their plan" @4:3-4:23',
      'list "Offer {{ discount }} off\\n  if they renew" @5:3-6:16',
      'list "Close" @7:4-7:9',
      'paragraph "Thanks for your time." @9:1-9:22',
    ]);
    expect(document.templateRanges.map((range) => slice(document, range))).toEqual(['{{ discount }}']);
  });

  it('CRLF line ends and a lone template tag', async () => {
    const document = await parseArticle('{{ greeting }}\r\n\r\nWelcome back.\r\n', 'scripts/a.txt');
    expect(runs(document)).toEqual(['paragraph "Welcome back." @3:1-3:14']);
  });
});
