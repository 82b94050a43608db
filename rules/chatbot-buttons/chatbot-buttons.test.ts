import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

/** A Rasa response with `count` buttons, one per two lines from line 6. */
const rasa = (count: number, extra = '') =>
  `responses:\n  utter_pick:\n  - text: "Pick a trail"\n${extra}    buttons:\n${Array.from({ length: count }, (_, index) => `    - title: "Trail ${index + 1}"\n      payload: /trail${index + 1}\n`).join('')}`;

testRule(rule, {
  channel: 'chatbot',
  file: 'bot/domain.yml',
  valid: [
    { name: '4 buttons (Northwind)', code: rasa(4) },
    { name: 'no buttons', code: 'responses:\n  utter_hi:\n  - text: "Hi"\n' },
    { name: 'Bot Framework .lg: 4 suggestions', file: 'bot/main.lg', code: '# Help\n- ```\nPick a card\n[Suggestions=A|B|C|D]\n```\n' },
    { name: 'Bot Framework .lg (trap): [AttachmentLayout=...] is no button', file: 'bot/main.lg', code: '# Help\n- ```\nPick a card\n[Suggestions=A|B|C|D]\n[AttachmentLayout=carousel]\n```\n' },
    { name: 'options raise the limit', code: rasa(6), options: { maxButtons: 6 } },
    { name: 'no brand, no platform: no limit', code: rasa(9), noBrand: true },
    {
      name: 'buttons of separate responses are counted apart',
      code: `${rasa(4)}  - text: "Or another"\n    buttons:\n    - title: "A"\n      payload: /a\n`,
    },
  ],
  invalid: [
    {
      name: 'the buttons over the limit',
      code: rasa(6),
      errors: [{ line: 13, column: 15, endLine: 15, endColumn: 22, message: 'Reply has 6 buttons; the limit is 4' }],
    },
    {
      name: 'Messenger allows 3',
      code: rasa(4, '    channel: facebook\n'),
      errors: [{ line: 12, column: 15, endLine: 12, endColumn: 22, message: 'Messenger reply has 4 buttons; the limit is 3' }],
    },
    {
      name: 'brandlint bot script: quick replies',
      file: 'bot/support.bot.yml',
      code: 'replies:\n  - id: pick\n    text: Pick one\n    quick_replies: [A, B, C, D, E]\n',
      errors: [{ line: 4, column: 33, endLine: 4, endColumn: 34, message: 'Reply has 5 buttons; the limit is 4' }],
    },
    {
      name: 'Bot Framework .lg: suggested actions',
      file: 'bot/main.lg',
      code: '# Pick\n[Activity\n    Text = Pick one\n    SuggestedActions = A | B | C | D | E\n]\n',
      errors: [{ line: 4, column: 40, endLine: 4, endColumn: 41 }],
    },
    {
      name: 'Bot Framework .lg: [Suggestions=...] of a multi-line variation are buttons',
      file: 'bot/main.lg',
      code: '# Help\n- ```\nPick a card\n[Suggestions=A|B|C|D|E]\n```\n',
      errors: [{ line: 4, column: 22, endLine: 4, endColumn: 23, message: 'Reply has 5 buttons; the limit is 4' }],
    },
  ],
});
