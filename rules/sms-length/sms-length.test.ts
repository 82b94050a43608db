import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { testRule } from '../../test/rule-tester.js';
import { analyseSms } from '../_limits/gsm7.js';
import rule from './index.js';

/** A Markdown post for SMS; its body starts on line 4. */
const sms = (body: string) => `---\nplatform: sms\n---\n${body}\n`;
const a = (count: number) => 'a'.repeat(count);

testRule(rule, {
  channel: 'social',
  file: 'social/reminder.md',
  valid: [
    { name: '160 GSM-7 characters: one segment', code: sms(a(160)) },
    { name: 'the whole basic table is GSM-7', code: sms('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ÄÖÑÜ§¿äöñüà') },
    { name: 'extension characters count 2: 80 euro signs fill one segment', code: sms('€'.repeat(80)) },
    { name: '70 UCS-2 characters: one segment', code: sms(`It’s ${a(65)}`) },
    { name: 'template tags count 0 by default', code: sms(`${a(159)} {{ code }}`) },
    { name: 'maxSegments 2: 306 characters', code: sms(a(306)), options: { maxSegments: 2 } },
    { name: 'not an SMS', code: `---\nplatform: x\n---\n${a(200)}\n` },
    { name: 'no platform', code: `${a(200)}\n` },
    { name: 'no brand: one segment by default', code: sms(a(160)), noBrand: true },
    { name: 'CSV: text and attached link fill one segment', file: 'social/posts.csv', code: `message,platform,link\n${a(139)},SMS,https://nw.example/p\n` },
    { name: 'a chatbot reply for another channel', channel: 'chatbot', file: 'bot/domain.yml', code: `responses:\n  utter_a:\n  - text: "${a(200)}"\n    channel: slack\n` },
  ],
  invalid: [
    {
      name: '161 GSM-7 characters: the overflow is the range',
      code: sms(a(161)),
      errors: [{ line: 4, column: 161, endLine: 4, endColumn: 162, message: 'SMS is 161 GSM-7 characters, 2 segments; the limit is 1 segment (160 characters)' }],
    },
    {
      name: 'an extension character that does not fit',
      code: sms(`${a(159)}€`),
      errors: [{ line: 4, column: 160, endLine: 4, endColumn: 161, message: 'SMS is 161 GSM-7 characters, 2 segments; the limit is 1 segment (160 characters)' }],
    },
    {
      name: 'a curly apostrophe makes it UCS-2',
      code: sms(`It’s ${a(66)}`),
      errors: [{ line: 4, column: 71, endLine: 4, endColumn: 72, message: 'SMS is 71 UCS-2 characters because of "’", 2 segments; the limit is 1 segment (70 characters)' }],
    },
    {
      name: 'an emoji is two UCS-2 units',
      code: sms(`${a(69)}😀`),
      errors: [{ line: 4, column: 70, endLine: 4, endColumn: 72, message: 'SMS is 71 UCS-2 characters because of "😀", 2 segments; the limit is 1 segment (70 characters)' }],
    },
    {
      name: 'maxSegments 2: 153 per segment',
      code: sms(a(307)),
      options: { maxSegments: 2 },
      errors: [{ line: 4, column: 307, message: 'SMS is 307 GSM-7 characters, 3 segments; the limit is 2 segments (306 characters)' }],
    },
    {
      name: 'templateTagLength',
      code: sms(`Code {{ code }}: ${a(150)}`),
      options: { templateTagLength: 8 },
      errors: [{ line: 4, column: 15 + 2 + 146, message: 'SMS is 165 GSM-7 characters, 2 segments; the limit is 1 segment (160 characters)' }],
    },
    {
      name: 'CSV: a row for SMS',
      file: 'social/posts.csv',
      code: `message,platform\n${a(200)},x\n${a(161)},SMS\n`,
      errors: [{ line: 3, column: 161, endLine: 3, endColumn: 162 }],
    },
    {
      name: 'CSV: an attached link is sent after a space',
      file: 'social/posts.csv',
      code: `message,platform,link\n${a(150)},SMS,https://nw.example/p\n`,
      errors: [{ line: 2, column: 156, endLine: 2, endColumn: 176, message: 'SMS is 171 GSM-7 characters, 2 segments; the limit is 1 segment (160 characters)' }],
    },
    {
      name: 'Rasa: a response for the sms channel',
      channel: 'chatbot',
      file: 'bot/domain.yml',
      code: `responses:\n  utter_reminder:\n  - text: "${a(161)}"\n    channel: sms\n`,
      errors: [{ line: 3, column: 172, endLine: 3, endColumn: 173 }],
    },
  ],
});

describe('GSM 03.38 segments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    [a(160), 'GSM-7', 160, 1],
    [a(161), 'GSM-7', 161, 2],
    [a(306), 'GSM-7', 306, 2],
    [a(307), 'GSM-7', 307, 3],
    ['{'.repeat(80), 'GSM-7', 160, 1],
    // 152 septets, then an escape pair that must not be split: it opens the second segment.
    [`${a(152)}[${a(100)}`, 'GSM-7', 254, 2],
    [`${a(152)}[${a(152)}`, 'GSM-7', 306, 3],
    ['ç', 'UCS-2', 1, 1],
    [`${a(67)}😀`, 'UCS-2', 69, 1],
    [`${a(66)}😀${a(3)}`, 'UCS-2', 71, 2],
    // A surrogate pair is not split across segments either.
    [`${a(66)}😀${a(66)}`, 'UCS-2', 134, 3],
  ] as const)('%s', (text, encoding, units, segments) => {
    const analysis = analyseSms(text);
    expect({ encoding: analysis.encoding, units: analysis.units, segments: analysis.segments }).toEqual({ encoding, units, segments });
  });

  it('names the first character that forces UCS-2', async () => {
    const result = await lintText({ text: sms(`Hi “there” ${a(70)}`), file: 'social/a.md', channel: 'social', rules: [rule as never] });
    expect(result.diagnostics[0]?.related).toEqual([
      {
        file: 'social/a.md',
        range: { start: { line: 4, column: 4, offset: 25 }, end: { line: 4, column: 5, offset: 26 } },
        message: '"“" is not in the GSM-7 alphabet, so the whole SMS is sent as UCS-2 (70 characters per segment)',
      },
    ]);
  });
});
