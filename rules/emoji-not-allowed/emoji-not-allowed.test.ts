import { describe, expect, it } from 'vitest';
import { testRule } from '../../test/rule-tester.js';
import { findEmoji } from '../_limits/measure.js';
import rule from './index.js';

const html = '<html lang="en"><head><title>Trail season</title></head><body>';
// The body text starts at this column.
const BODY = html.length + '<p>'.length + 1;

testRule(rule, {
  channel: 'email',
  file: 'emails/spring.html',
  valid: [
    { name: 'no emoji', code: `${html}<p>Trail season starts now.</p></body></html>` },
    { name: 'legal marks are not emoji', code: `${html}<p>CloudPack™ and TrailMate® © 2026 Northwind</p></body></html>` },
    { name: 'text-presentation symbols are not emoji', code: `${html}<p>Rated ★★★★☆ → see the list ✓ and ❤︎</p></body></html>` },
    { name: 'digits and # are not emoji', code: `${html}<p>Call #1 at 555 0100, item *2</p></body></html>` },
    { name: 'an emoji in a template tag is filled in later', code: `${html}<p>Hi {{ "👋" }} there</p></body></html>` },
    { name: 'CSS content is not prose', code: `${html}<style>.a::before { content: "🎉"; }</style><p>Hi</p></body></html>` },
    { name: 'social posts may use emoji', channel: 'social', file: 'social/post.md', code: '---\nplatform: x\n---\nTrail day 🌲🥾\n' },
    {
      name: 'chatbot replies may use emoji',
      channel: 'chatbot',
      file: 'bot/domain.yml',
      code: 'responses:\n  utter_greet:\n  - text: "Hi {name}! 👋"\n    buttons:\n    - title: "Yes 👍"\n      payload: /yes\n',
    },
    { name: 'options: allowed everywhere', code: `${html}<p>Hi 🎉</p></body></html>`, options: { allowed: true } },
    { name: 'options: email allowed', code: `${html}<p>Hi 🎉</p></body></html>`, options: { allowed: ['email'] } },
    { name: 'no brand: no rule on emoji', code: `${html}<p>Hi 🎉</p></body></html>`, noBrand: true },
  ],
  invalid: [
    {
      name: 'email body: each emoji, ZWJ sequences and flags whole',
      code: `${html}<p>Family trip 👨‍👩‍👧 to 🇳🇴</p></body></html>`,
      errors: [
        { line: 1, column: BODY + 12, endLine: 1, endColumn: BODY + 20, message: 'No emoji in email content (👨‍👩‍👧); the guidelines allow emoji only in social and chatbot' },
        { line: 1, column: BODY + 24, endLine: 1, endColumn: BODY + 28, message: 'No emoji in email content (🇳🇴); the guidelines allow emoji only in social and chatbot' },
      ],
    },
    {
      name: 'email subject, and a heart without its variation selector',
      code: '<html lang="en"><head><title>We ❤ trails</title></head><body><p>Hi</p></body></html>',
      errors: [{ line: 1, column: 33, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'an entity-encoded emoji is still one',
      code: `${html}<p>Hi &#x1F389;</p></body></html>`,
      errors: [{ line: 1, column: BODY + 3, endLine: 1, endColumn: BODY + 12, message: /\(🎉\)/ }],
    },
    {
      name: 'landing pages',
      channel: 'landing',
      file: 'site/index.html',
      code: '<h1>Gear up 🥾</h1>',
      errors: [{ line: 1, column: 13, endLine: 1, endColumn: 15, message: 'No emoji in landing content (🥾); the guidelines allow emoji only in social and chatbot' }],
    },
    {
      name: 'a social post sent as SMS is SMS content',
      channel: 'social',
      file: 'social/reminder.md',
      code: '---\nplatform: sms\n---\nYour boots are ready 🥾\n',
      errors: [{ line: 4, column: 22, endLine: 4, endColumn: 24, message: 'No emoji in SMS content (🥾); the guidelines allow emoji only in social and chatbot' }],
    },
    {
      name: 'a bot reply for the sms channel',
      channel: 'chatbot',
      file: 'bot/domain.yml',
      code: 'responses:\n  utter_ready:\n  - text: "Ready 🥾"\n    channel: sms\n',
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 20 }],
    },
    {
      name: 'options: none at all',
      channel: 'social',
      file: 'social/post.md',
      code: '---\nplatform: x\n---\nTrail day 🌲\n',
      options: { allowed: false },
      errors: [{ line: 4, column: 11, endLine: 4, endColumn: 13, message: 'No emoji (🌲); the guidelines allow none' }],
    },
  ],
});

describe('findEmoji', () => {
  it.each([
    ['👍🏽', ['👍🏽']],
    ['#️⃣1️⃣', ['#️⃣', '1️⃣']],
    ['❤️ ❤ ❤︎', ['❤️', '❤']],
    ['™ © ® # 1 * ★ →', []],
    ['🏳️‍🌈', ['🏳️‍🌈']],
  ])('%s', (text, expected) => {
    expect(findEmoji(text).map((emoji) => emoji.text)).toEqual(expected);
  });
});
