import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import { rangeInRun, type ContentDocument } from '../../src/core/document.js';
import { parseDirectives } from '../../src/engine/directives.js';
import { loc, slice } from './helpers.js';

function parseBot(text: string, file = 'bot/domain.yml'): Promise<ContentDocument> {
  return parseContent({ file, absolutePath: `/project/${file}`, text, channel: 'chatbot' });
}

/** Runs as `scope message "text" @line:col-line:col`. */
function runs(document: ContentDocument): string[] {
  return document.textRuns.map((run) => `${run.scope} ${run.messageId} ${JSON.stringify(run.text)} @${loc(run.range)}`);
}

/** Where a word of a run is in the file, through the run's source map. */
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

const templates = (document: ContentDocument): string[] => document.templateRanges.map((range) => `${loc(range)} ${slice(document, range)}`);

describe('Rasa domain.yml', () => {
  const domain = [
    'version: "3.1"',
    'metadata:',
    '  campaign: spring-sale',
    '  locale: en-GB',
    'intents:',
    '  - greet',
    'responses:',
    '  utter_greet:',
    '  - text: Hi {name}, welcome to Northwind.',
    '    buttons:',
    '    - title: Shop the sale',
    '      payload: /shop',
    '    - title: "Talk to us"',
    '      payload: /human',
    '  - text: "Hello again, {name}!"',
    '    channel: slack',
    '  utter_hours:',
    '  - text: |',
    '      We are open',
    '      9 to 5.',
    '    quick_replies:',
    '    - title: Opening times',
    '      payload: /hours',
    '  utter_card:',
    '  - custom:',
    '      blocks: [{ type: section, text: "not prose" }]',
    '  - image: https://northwind.example/logo.png',
    '    text: Here is our logo.',
    '    metadata:',
    '      campaign: logo-week',
    '      locale: de',
  ].join('\n');

  it('reads every variant as a bot-response message with its platform and metadata', async () => {
    const document = await parseBot(domain);
    expect(document.format).toBe('rasa');
    expect(document.parseProblems).toEqual([]);
    expect(document.metadata).toMatchObject({ campaign: 'spring-sale', locale: 'en-GB' });
    expect(loc(document.metadata.campaignRange)).toBe('3:13-3:24');
    expect(document.messages.map((message) => [message.id, message.kind, message.platform, message.locale, message.campaign, loc(message.range)])).toEqual([
      ['utter_greet[0]', 'bot-response', undefined, undefined, undefined, '9:5-14:22'],
      ['utter_greet[1]', 'bot-response', 'slack', undefined, undefined, '15:5-16:19'],
      ['utter_hours[0]', 'bot-response', undefined, undefined, undefined, '18:5-23:22'],
      ['utter_card[0]', 'bot-response', undefined, undefined, undefined, '25:5-26:53'],
      ['utter_card[1]', 'bot-response', undefined, 'de', 'logo-week', '27:5-31:17'],
    ]);
  });

  it('gives text, button and quick-reply runs with exact ranges; custom payloads are no prose', async () => {
    const document = await parseBot(domain);
    expect(runs(document)).toEqual([
      'bot-reply utter_greet[0] "Hi {name}, welcome to Northwind." @9:11-9:43',
      'button utter_greet[0] "Shop the sale" @11:14-11:27',
      'button utter_greet[0] "Talk to us" @13:15-13:25',
      'bot-reply utter_greet[1] "Hello again, {name}!" @15:12-15:32',
      'bot-reply utter_hours[0] "We are open\\n9 to 5." @19:7-20:14',
      'button utter_hours[0] "Opening times" @22:14-22:27',
      'bot-reply utter_card[1] "Here is our logo." @28:11-28:28',
    ]);
    expect(document.textRuns.map((run) => run.locale)).toEqual(['en-GB', 'en-GB', 'en-GB', 'en-GB', 'en-GB', 'en-GB', 'de']);
    expect(whereIs(document, '9 to 5')).toBe('20:7-20:13 "9 to 5"');
  });

  it('lists slot placeholders as template ranges', async () => {
    const document = await parseBot(domain);
    expect(templates(document)).toEqual(['9:14-9:20 {name}', '15:25-15:31 {name}']);
  });

  it('reads CRLF files, block scalars included', async () => {
    const document = await parseBot('responses:\r\n  utter_a:\r\n  - text: |\r\n      One\r\n      Two\r\n  - text: Three\r\n', 'bot/domain.yml');
    expect(runs(document)).toEqual(['bot-reply utter_a[0] "One\\nTwo" @4:7-5:10', 'bot-reply utter_a[1] "Three" @6:11-6:16']);
    expect(whereIs(document, 'Two')).toBe('5:7-5:10 "Two"');
  });

  it('reads Rasa 1 `templates` and bare string variants', async () => {
    const document = await parseBot('templates:\n  utter_bye:\n  - Bye for now.\n');
    expect(runs(document)).toEqual(['bot-reply utter_bye[0] "Bye for now." @3:5-3:17']);
  });

  it('records YAML comments for directives, not `#` inside strings', async () => {
    const document = await parseBot(
      ['responses:', '  # brandlint-disable-next-line prose-style -- quoted from the brief', '  utter_a:', '  - text: "Use #spring and # not a comment"  # trailing'].join('\n'),
    );
    expect(document.comments.map((comment) => [comment.syntax, comment.text, loc(comment.range), loc(comment.fullRange)])).toEqual([
      ['yaml', ' brandlint-disable-next-line prose-style -- quoted from the brief', '2:4-2:69', '2:3-2:69'],
      ['yaml', ' trailing', '4:47-4:56', '4:46-4:56'],
    ]);
    expect(runs(document)).toEqual(['bot-reply utter_a[0] "Use #spring and # not a comment" @4:12-4:43']);
    const [directive] = parseDirectives(document.comments, document.lines);
    expect(directive).toMatchObject({ kind: 'disable-next-line', reason: 'quoted from the brief', lines: { from: 3, to: 3 } });
    expect(directive!.rules!.map((rule) => `${rule.id} ${loc(rule.range)}`)).toEqual(['prose-style 2:33-2:44']);
  });

  it('does not mistake Rasa data files or Dialogflow intents for a domain', async () => {
    const stories = await parseBot('version: "3.1"\nstories:\n- story: happy path\n  steps:\n  - intent: greet\n', 'bot/stories.yml');
    expect([stories.format, stories.messages.length, stories.parseProblems]).toEqual(['rasa', 0, []]);
    const intent = await parseBot('{"name": "goodbye", "responses": [{"messages": [{"speech": "Bye"}]}]}', 'bot/goodbye.json');
    expect(intent.parseProblems.map((problem) => [problem.ruleId, problem.severity])).toEqual([['parse/unrecognized', 'warning']]);
  });

  it('reports a YAML syntax error with its position and still reads what it can', async () => {
    const document = await parseBot('responses:\n  utter_a:\n  - text: "unclosed\n  utter_b:\n  - text: Fine.\n');
    expect(document.parseProblems.length).toBeGreaterThan(0);
    expect(document.parseProblems[0]).toMatchObject({ ruleId: 'parse/syntax', severity: 'error' });
    expect(document.parseProblems[0]!.range).not.toBeNull();
  });
});

describe('YAML scalar styles map back to the file', () => {
  // Each case is the `text:` of a bot-script reply: line 3, indented by two spaces.
  it.each([
    ['plain', 'text: Save 20% today', 'Save 20% today', '20%', '3:14-3:17 "20%"'],
    ['plain over two lines', 'text: Save 20%\n      on spring shoes', 'Save 20% on spring shoes', 'spring', '4:12-4:18 "spring"'],
    ['single-quoted with a doubled quote', "text: 'It''s spring at Northwind'", "It's spring at Northwind", 'Northwind', '3:26-3:35 "Northwind"'],
    ['double-quoted with escapes', 'text: "Caf\\u00e9 \\"Northwind\\" opens"', 'Café "Northwind" opens', 'opens', '3:34-3:39 "opens"'],
    ['double-quoted: an escape maps to its whole source', 'text: "Caf\\u00e9 \\"Northwind\\" opens"', 'Café "Northwind" opens', 'é', '3:13-3:19 "\\\\u00e9"'],
    ['double-quoted with an escaped line break', 'text: "Spring \\\n  sale"', 'Spring sale', 'sale', '4:5-4:9 "sale"'],
    ['block literal', 'text: |\n  Line one\n  Line two\n', 'Line one\nLine two', 'two', '5:10-5:13 "two"'],
    ['block literal with strip chomping and an indentation indicator', 'text: |-2\n    indented\n  base\n', 'indented\nbase', 'base', '5:5-5:9 "base"'],
    ['block folded', 'text: >\n  Folded\n  into one\n\n  Second\n', 'Folded into one\nSecond', 'Second', '7:5-7:11 "Second"'],
  ])('%s', async (_name, yaml, text, word, where) => {
    const script = `replies:\n- id: a\n${yaml.split('\n').map((line) => `  ${line}`).join('\n')}`;
    const document = await parseBot(script, 'bot/a.bot.yml');
    expect(document.parseProblems).toEqual([]);
    expect(document.textRuns.map((run) => run.text)).toEqual([text]);
    expect(whereIs(document, word)).toBe(where);
  });
});

describe('brandlint bot script (*.bot.yml, *.bot.json)', () => {
  const script = [
    'bot:',
    '  name: Northwind Helper',
    '  campaign: spring-sale',
    '  locale: en-GB',
    '  platform: web',
    'replies:',
    '  - id: welcome',
    '    text: Hi ${user.name}, welcome to Northwind.',
    '    buttons:',
    '      - Shop the sale',
    '      - title: Track an order',
    '        url: https://northwind.example/orders',
    '  - id: welcome',
    '    channel: WhatsApp',
    '    text: Hi {{first_name}}!',
    '  - id: hours',
    '    text:',
    '      - We open at 9.',
    '      - Doors open at 9.',
    '    quick_replies: [Today, Tomorrow]',
  ].join('\n');

  it('reads metadata, replies, variations and buttons', async () => {
    const document = await parseBot(script, 'support.bot.yml');
    expect(document.format).toBe('bot-script');
    expect(document.parseProblems).toEqual([]);
    expect(document.metadata).toMatchObject({ campaign: 'spring-sale', locale: 'en-GB', platform: 'web' });
    expect(loc(document.metadata.campaignRange)).toBe('3:13-3:24');
    expect(document.messages.map((message) => [message.id, message.platform, loc(message.range)])).toEqual([
      ['welcome[0]', 'web', '7:5-12:46'],
      ['welcome[1]', 'whatsapp', '13:5-15:29'],
      ['hours[0]', 'web', '18:9-18:22'],
      ['hours[1]', 'web', '19:9-19:25'],
    ]);
    expect(runs(document)).toEqual([
      'bot-reply welcome[0] "Hi ${user.name}, welcome to Northwind." @8:11-8:49',
      'button welcome[0] "Shop the sale" @10:9-10:22',
      'button welcome[0] "Track an order" @11:16-11:30',
      'bot-reply welcome[1] "Hi {{first_name}}!" @15:11-15:29',
      'bot-reply hours[0] "We open at 9." @18:9-18:22',
      'button hours[0] "Today" @20:21-20:26',
      'button hours[0] "Tomorrow" @20:28-20:36',
      'bot-reply hours[1] "Doors open at 9." @19:9-19:25',
    ]);
    expect(templates(document)).toEqual(['8:14-8:26 ${user.name}', '15:14-15:28 {{first_name}}']);
  });

  it.each([
    ['an unknown key', 'replies:\n  - id: a\n    txt: Hello\n    buttons: [Yes]\n', 'parse/bot-script/unknown-key', '3:5-3:8', /unknown key "txt".*did you mean "text"/],
    ['a reply without text or buttons', 'replies:\n  - id: a\n', 'parse/bot-script/invalid-value', '2:5-3:1', /needs `text`, `buttons` or `quick_replies`/],
    ['a missing id', 'replies:\n  - text: Hello\n', 'parse/bot-script/missing-key', '2:5-3:1', /missing required key "id"/],
    ['text of the wrong type', 'replies:\n  - id: a\n    text: { en: Hello }\n', 'parse/bot-script/invalid-type', '3:11-3:24', /text: expected string or array/],
  ])('reports %s at its position', async (_name, text, ruleId, where, message) => {
    const document = await parseBot(text, 'support.bot.yml');
    expect(document.parseProblems.map((problem) => [problem.ruleId, loc(problem.range)])).toEqual([[ruleId, where]]);
    expect(document.parseProblems[0]!.message).toMatch(message);
  });

  it('reads the JSON form with escapes mapped to the file', async () => {
    const json = '{"bot": {"locale": "de"}, "replies": [{"id": "a", "text": "Gr\\u00fc\\u00dfe von \\"Northwind\\""}]}';
    const document = await parseBot(json, 'support.bot.json');
    expect(document.format).toBe('bot-script');
    expect(document.textRuns.map((run) => [run.text, run.locale])).toEqual([['Grüße von "Northwind"', 'de']]);
    const column = json.indexOf('Northwind') + 1;
    expect(whereIs(document, 'Northwind')).toBe(`1:${column}-1:${column + 9} "Northwind"`);
    expect(whereIs(document, 'ü')).toBe(`1:${json.indexOf('\\u00fc') + 1}-1:${json.indexOf('\\u00fc') + 7} "\\\\u00fc"`);
  });

  it('reports broken JSON at its position and reads nothing from it', async () => {
    const document = await parseBot('{"replies": [{"id": "a", "text": "Hi"},]}', 'support.bot.json');
    expect(document.parseProblems.map((problem) => [problem.ruleId, loc(problem.range)])).toEqual([['parse/syntax', '1:40-1:41']]);
    expect(document.textRuns).toEqual([]);
  });
});

describe('Bot Framework .lg', () => {
  const lg = [
    '> brandlint-disable-next-line prose-style -- greeting',
    '# Greeting',
    '- Hi ${user.name}, welcome to Northwind!',
    '- Hello \\[friend\\]',
    '* ${Greeting2()}',
    '',
    '# Hours(day)',
    "- IF: ${day == 'sunday'}",
    '    - We are closed on Sundays.',
    '- ELSE:',
    '    - We open at 9.',
    '',
    '# Card',
    '- ```',
    '{ "type": "AdaptiveCard" }',
    '```',
    '',
    '# Note',
    '- ```Thanks for waiting.',
    'We will be right back.```',
    '',
    '# Welcome',
    '[Activity',
    '    Text = Welcome to Northwind, ${user.name}.',
    '    Speak = Welcome to Northwind.',
    '    SuggestedActions = Shop | Track an order',
    ']',
  ].join('\n');

  it('makes every variation a message; conditions and JSON cards are no prose', async () => {
    const document = await parseBot(lg, 'bot/main.lg');
    expect(document.format).toBe('lg');
    expect(document.parseProblems).toEqual([]);
    expect(document.messages.map((message) => `${message.id} ${loc(message.range)}`)).toEqual([
      'Greeting[0] 3:1-3:41',
      'Greeting[1] 4:1-4:19',
      'Greeting[2] 5:1-5:17',
      'Hours[0] 9:5-9:32',
      'Hours[1] 11:5-11:20',
      'Card[0] 14:1-16:4',
      'Note[0] 19:1-20:26',
      'Welcome[0] 23:1-27:2',
    ]);
    expect(runs(document)).toEqual([
      'bot-reply Greeting[0] "Hi ${user.name}, welcome to Northwind!" @3:3-3:41',
      'bot-reply Greeting[1] "Hello [friend]" @4:3-4:19',
      'bot-reply Hours[0] "We are closed on Sundays." @9:7-9:32',
      'bot-reply Hours[1] "We open at 9." @11:7-11:20',
      'bot-reply Note[0] "Thanks for waiting.\\nWe will be right back." @19:6-20:23',
      'bot-reply Welcome[0] "Welcome to Northwind, ${user.name}." @24:12-24:47',
      'bot-reply Welcome[0] "Welcome to Northwind." @25:13-25:34',
      'button Welcome[0] "Shop" @26:24-26:28',
      'button Welcome[0] "Track an order" @26:31-26:45',
    ]);
  });

  it('maps escapes, lists expressions and records > comments', async () => {
    const document = await parseBot(lg, 'bot/main.lg');
    expect(whereIs(document, 'friend')).toBe('4:11-4:17 "friend"');
    expect(whereIs(document, '[')).toBe('4:9-4:11 "\\\\["');
    expect(templates(document)).toEqual(['3:6-3:18 ${user.name}', '5:3-5:17 ${Greeting2()}', '24:34-24:46 ${user.name}']);
    expect(document.comments.map((comment) => [comment.syntax, loc(comment.range), loc(comment.fullRange)])).toEqual([['lg', '1:2-1:54', '1:1-1:54']]);
  });

  it.each([
    ['main.en-us.lg', 'en-US'],
    ['dialogs/Common.de-DE.lg', 'de-DE'],
    ['main.lg', undefined],
  ])('%s has the locale of its name: %s', async (file, locale) => {
    const document = await parseBot('# A\n- Hi there.\n', file);
    expect([document.metadata.locale, document.messages[0]!.locale, document.textRuns[0]!.locale]).toEqual([locale, locale, locale]);
  });

  it('reads CRLF files', async () => {
    const document = await parseBot('# A\r\n- Hi \\[there\\].\r\n- Bye.\r\n', 'bot/a.lg');
    expect(runs(document)).toEqual(['bot-reply A[0] "Hi [there]." @2:3-2:16', 'bot-reply A[1] "Bye." @3:3-3:7']);
  });

  it('reports an unclosed ``` block', async () => {
    const document = await parseBot('# A\n- ```Hello\nthere\n', 'bot/a.lg');
    expect(document.parseProblems.map((problem) => [problem.ruleId, loc(problem.range)])).toEqual([['parse/lg', '2:3-2:6']]);
  });

  it('reports a line that is no variation, a template without a name and an unclosed [Activity', async () => {
    const text = ['[import](common.lg)', '# A', '- Hi there.', 'Stray line  ', '[import](more.lg)', '# ', '- Orphan', '# B', '[Activity', '    Text = Hello'].join('\n');
    const document = await parseBot(text, 'bot/a.lg');
    expect(document.parseProblems.map((problem) => [problem.severity, loc(problem.range), problem.message])).toEqual([
      ['warning', '4:1-4:11', 'a line of a template starts with `-` (one variation); this line is not read'],
      ['warning', '6:1-6:3', 'a template needs a name after `#` (`# Greeting`)'],
      ['error', '9:1-9:10', 'unclosed [Activity: the structured template runs to the end of the file (close it with a line `]`)'],
    ]);
    // What can be read still is.
    expect(runs(document)).toEqual(['bot-reply A[0] "Hi there." @3:3-3:12', 'bot-reply template-67[0] "Orphan" @7:3-7:9', 'bot-reply B[0] "Hello" @10:12-10:17']);
  });

  it('reads a multi-line variation whose dash touches the fence (-```), and imports with any label', async () => {
    const text = ['[Icons](icons.en-us.lg)', '# Note', '-```Thanks for waiting.', 'We will be right back.```'].join('\n');
    const document = await parseBot(text, 'bot/a.lg');
    expect(document.parseProblems).toEqual([]);
    expect(runs(document)).toEqual(['bot-reply Note[0] "Thanks for waiting.\\nWe will be right back." @3:5-4:23']);
  });
});
