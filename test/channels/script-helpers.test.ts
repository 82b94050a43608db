import { describe, expect, it } from 'vitest';
import { detectDelimiter, tokenizeCsv } from '../../src/channels/csv.js';
import { findWebTokens, normalizePlatform, readDate, slashOrderOf } from '../../src/channels/metadata-values.js';
import { findTemplateSpans } from '../../src/channels/template.js';

const spans = (text: string, slots = false) => findTemplateSpans(text, { slots }).map((span) => text.slice(span.start, span.end));

describe('template syntax of chatbot scripts', () => {
  it.each([
    ['Rasa slot', 'Hi {name}!', true, ['{name}']],
    ['dotted slot with spaces', 'Order { order.id } ships', true, ['{ order.id }']],
    ['slots are off by default (CSS, HTML)', 'a { color: red }', false, []],
    ['not a slot: JSON', 'payload {"a": 1}', true, []],
    ['not a slot: a number', 'between {1} and {2}', true, []],
    ['Handlebars is not a slot', 'Hi {{name}}', true, ['{{name}}']],
    ['${} with nested braces and strings', "Hi ${{user: {name: '}'}}} and ${join(xs, ',')}", false, ["${{user: {name: '}'}}}", "${join(xs, ',')}"]],
    ['an escaped dollar is text', 'Costs \\${price}', false, []],
    ['an unclosed ${ is text', 'Hi ${name', false, []],
    ['${} inside a Liquid tag counts once', '{% if x %}${a}{% endif %}', false, ['{% if x %}', '${a}', '{% endif %}']],
    ['a slot inside {{ }} counts once', '{{ {x} }}', true, ['{{ {x} }}']],
  ])('%s', (_name, text, slots, expected) => {
    expect(spans(text, slots)).toEqual(expected);
  });
});

describe('platform names and dates', () => {
  it.each([
    ['Twitter', 'x'],
    [' X ', 'x'],
    ['LinkedIn', 'linkedin'],
    ['IG', 'instagram'],
    ['Facebook Messenger', 'messenger'],
    ['Google Business Profile', 'google-business'],
    ['Mastodon', 'mastodon'],
  ])('%s -> %s', (name, platform) => {
    expect(normalizePlatform(name)).toBe(platform);
  });

  it.each([
    ['2027-03-01', undefined, '2027-03-01'],
    ['2027-03-01T09:30:00Z', undefined, '2027-03-01'],
    ['2027/3/1 09:30', undefined, '2027-03-01'],
    ['01.03.2027', undefined, '2027-03-01'],
    ['16/8/2016 19:22', undefined, '2016-08-16'],
    ['8/16/2016', undefined, '2016-08-16'],
    ['3/4/27', 'day-first', '2027-04-03'],
    ['3/4/2027', 'month-first', '2027-03-04'],
    ['3/4/2027', undefined, null],
    ['2027-02-30', undefined, null],
    ['next Tuesday', undefined, null],
  ] as const)('%s (%s) -> %s', (text, order, date) => {
    expect(readDate(text, order).date).toBe(date);
  });

  it.each([
    [['1/2/2027', '16/2/2027'], 'day-first'],
    [['1/2/2027', '2/16/2027'], 'month-first'],
    [['1/2/2027', '2/3/2027'], null],
    [['16/2/2027', '2/16/2027'], null],
  ] as const)('slash order of %j is %s', (dates, order) => {
    expect(slashOrderOf(dates)).toBe(order);
  });
});

describe('URLs and e-mail addresses in prose', () => {
  it.each([
    ['Shop at https://northwind.example/spring.', [['https://northwind.example/spring', 'https://northwind.example/spring']]],
    ['(see https://en.wikipedia.org/wiki/Pine_(tree))', [['https://en.wikipedia.org/wiki/Pine_(tree)', 'https://en.wikipedia.org/wiki/Pine_(tree)']]],
    ['Visit www.northwind.example today', [['www.northwind.example', 'https://www.northwind.example']]],
    ['Write to help@northwind.example, or call.', [['help@northwind.example', 'mailto:help@northwind.example']]],
    ['Follow @northwind and #Northwind', []],
  ])('%s', (text, expected) => {
    expect(findWebTokens(text).map((token) => [text.slice(token.start, token.end), token.href])).toEqual(expected);
  });
});

describe('CSV tokenizer', () => {
  const cells = (text: string) => tokenizeCsv(text).records.map((record) => record.cells.map((cell) => `${cell.value.text}@${cell.valueStart}`));

  it.each([
    ['empty cells and a trailing delimiter', 'a,,b,\n', [['a@0', '@2', 'b@3', '@5']]],
    ['a quoted delimiter and doubled quotes', '"a,b","say ""hi"""\n', [['a,b@1', 'say "hi"@7']]],
    ['a quoted line break; empty lines are no records', '"one\ntwo",x\n\n\nz\n', [['one\ntwo@1', 'x@10'], ['z@14']]],
    ['CR line endings', 'a,b\rc,d', [['a@0', 'b@2'], ['c@4', 'd@6']]],
  ])('%s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
    expect(tokenizeCsv(text).problems).toEqual([]);
  });

  it.each([
    ['a,b;c\n', ','],
    ['a;b;c,d\n', ';'],
    ['a\tb\tc\n', '\t'],
    ['"x;y;z",b\n', ','],
    ['single\n', ','],
  ])('delimiter of %j is %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
