import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const a = (count: number) => 'a'.repeat(count);
/** A Rasa domain with one response; the text starts at column 12 of line 4. */
const rasa = (text: string, extra = '') => `version: "3.1"\nresponses:\n  utter_reply:\n  - text: "${text}"\n${extra}`;

testRule(rule, {
  channel: 'chatbot',
  file: 'bot/domain.yml',
  valid: [
    { name: 'exactly 300 characters (Northwind)', code: rasa(a(300)) },
    { name: 'slots count 0 by default', code: rasa(`Hi {name}, ${a(290)}`) },
    { name: 'escapes count as the character they stand for', code: rasa(`${a(298)}\\n\\"`) },
    { name: 'an emoji is one character', code: rasa(`${a(299)}👋`) },
    { name: 'buttons are not the reply text', code: rasa(a(280), `    buttons:\n    - title: "${a(40)}"\n      payload: /a\n`) },
    { name: 'an SMS reply is checked by sms-length', code: rasa(a(400), '    channel: sms\n') },
    { name: 'options raise the brand limit', code: rasa(a(400)), options: { maxReplyLength: 500 } },
    { name: 'no brand, no platform: no limit', code: rasa(a(5000)), noBrand: true },
    { name: 'no brand: Telegram allows 4096', code: rasa(a(4096), '    channel: telegram\n'), noBrand: true },
    {
      name: 'Bot Framework .lg: a [Suggestions=...] line of a multi-line variation is buttons, not reply text',
      file: 'bot/main.lg',
      code: `# Help\n- \`\`\`\n${a(280)}\n[Suggestions=${a(30)}|${a(30)}]\n${a(10)}\n\`\`\`\n`,
    },
    {
      name: 'Bot Framework .lg: [AttachmentLayout=...], [Typing] and [Delay=...] lines are not reply text',
      file: 'bot/main.lg',
      code: `# Cards\n- \`\`\`\n${a(290)}\n[AttachmentLayout=carousel]\n[Typing][Delay=3000]\n[Attachment=cards/${a(20)}.json]\n\`\`\`\n`,
    },
    { name: 'Bot Framework .lg: a one-line variation of only [Suggestions=...]', file: 'bot/main.lg', code: `# Pick\n- [Suggestions=${a(200)}|${a(200)}]\n` },
  ],
  invalid: [
    {
      name: 'over the brand limit: the overflow is the range',
      code: rasa(a(305)),
      errors: [{ line: 4, column: 12 + 300, endLine: 4, endColumn: 12 + 305, message: 'Reply is 305 characters; the limit is 300' }],
    },
    {
      name: 'templateTagLength',
      code: rasa(`Hi {name}, ${a(290)}`),
      options: { templateTagLength: 10 },
      errors: [{ line: 4, column: 12 + 11 + 285, message: 'Reply is 305 characters; the limit is 300' }],
    },
    {
      name: 'no brand: Messenger allows 2000',
      code: rasa(a(2001), '    channel: facebook\n'),
      noBrand: true,
      errors: [{ line: 4, column: 12 + 2000, message: 'Messenger reply is 2001 characters; the limit is 2000' }],
    },
    {
      name: 'the stricter limit wins: the brand under Messenger',
      code: rasa(a(301), '    channel: facebook\n'),
      errors: [{ line: 4, column: 12 + 300, message: 'Reply is 301 characters; the limit is 300' }],
    },
    {
      name: 'Bot Framework .lg: each variation',
      file: 'bot/main.lg',
      code: `# Greeting\n- Hi there\n- ${a(301)}\n`,
      errors: [{ line: 3, column: 3 + 300, endLine: 3, endColumn: 3 + 301 }],
    },
    {
      name: 'Bot Framework .lg: the text around a [Suggestions=...] line still counts',
      file: 'bot/main.lg',
      code: `# Help\n- \`\`\`\n${a(200)}\n[Suggestions=A|B]\n${a(110)}\n\`\`\`\n`,
      // 200 + line break + 110 = 311: the 301st character is the 100th of line 5.
      errors: [{ line: 5, column: 100, endLine: 5, endColumn: 111, message: 'Reply is 311 characters; the limit is 300' }],
    },
    {
      name: 'Bot Framework .lg (trap): "[Suggestions=...]" written inside a sentence is reply text',
      file: 'bot/main.lg',
      code: `# Help\n- Type one of [Suggestions=${a(150)}] or ${a(150)}\n`,
      errors: [{ line: 2, column: 3 + 300, message: 'Reply is 330 characters; the limit is 300' }],
    },
    {
      name: 'Bot Framework .lg (trap): a bracketed line that is no activity command is reply text',
      file: 'bot/main.lg',
      code: `# Help\n- \`\`\`\n${a(280)}\n[Note=${a(30)}]\n\`\`\`\n`,
      errors: [{ line: 4, column: 20, message: 'Reply is 318 characters; the limit is 300' }],
    },
    {
      name: 'brandlint bot script',
      file: 'bot/support.bot.yml',
      code: `replies:\n  - id: welcome\n    text: ${a(302)}\n`,
      errors: [{ line: 3, column: 11 + 300, endLine: 3, endColumn: 11 + 302 }],
    },
  ],
});
