import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const HIDDEN = '<div style="display:none;max-height:0;overflow:hidden">';
const email = (body: string) => `<html lang="en"><head><title>Trail season</title></head><body>${body}</body></html>`;
// `...</head><body>` then the hidden div: the preheader text starts at this column.
const PREHEADER_COLUMN = 1 + '<html lang="en"><head><title>Trail season</title></head><body>'.length + HIDDEN.length;

testRule(rule, {
  channel: 'email',
  file: 'emails/welcome.html',
  valid: [
    { name: 'a hidden first block', code: email(`${HIDDEN}New boots, packs and maps for your next hike.</div><p>Hi</p>`) },
    { name: 'exactly 100 characters', code: email(`${HIDDEN}${'p'.repeat(100)}</div><p>Hi</p>`) },
    {
      name: 'the zero-width filler after the preview text is not counted',
      code: email(`${HIDDEN}${'p'.repeat(90)}${'&zwnj;&nbsp;'.repeat(60)}</div><p>Hi</p>`),
    },
    { name: 'a preheader that is only a template tag is present', code: email(`${HIDDEN}{{ preheader }}</div><p>Hi</p>`) },
    { name: 'MJML <mj-preview>', file: 'emails/welcome.mjml', code: '<mjml><mj-head><mj-preview>New boots for spring</mj-preview></mj-head><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>' },
    { name: 'a partial without <body> is not an email', code: '<p>Footer text</p>' },
    { name: 'a plain-text .eml has no preview text to set', file: 'emails/a.eml', code: 'Subject: Hi\r\nContent-Type: text/plain\r\n\r\nHello\r\n' },
    { name: 'not required by options', code: email('<p>Hi</p>'), options: { required: false } },
    { name: 'no brand: not required', code: email('<p>Hi</p>'), noBrand: true },
  ],
  invalid: [
    {
      name: 'missing: reported at <body>',
      code: email('<p>Hi</p>'),
      errors: [{ line: 1, column: 57, endLine: 1, endColumn: 63, message: 'The email has no preheader; add the preview text that inboxes show after the subject (a hidden first block)' }],
    },
    {
      name: 'missing in MJML: reported at <mj-body>',
      file: 'emails/welcome.mjml',
      code: '<mjml>\n<mj-body>\n<mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }],
    },
    {
      name: 'too long: the overflowing part',
      code: email(`${HIDDEN}${'p'.repeat(104)}</div><p>Hi</p>`),
      errors: [{ line: 1, column: PREHEADER_COLUMN + 100, endLine: 1, endColumn: PREHEADER_COLUMN + 104, message: 'Preheader is 104 characters; the limit is 100' }],
    },
    {
      name: 'template tags: templateTagLength',
      code: email(`${HIDDEN}{{ first_name }}${'p'.repeat(95)}</div><p>Hi</p>`),
      options: { templateTagLength: 10 },
      errors: [{ line: 1, column: PREHEADER_COLUMN + 16 + 90, message: 'Preheader is 105 characters; the limit is 100' }],
    },
    {
      name: 'too short (options)',
      code: email(`${HIDDEN}Hi</div><p>Hi</p>`),
      options: { minLength: 20 },
      errors: [{ line: 1, column: PREHEADER_COLUMN, endLine: 1, endColumn: PREHEADER_COLUMN + 2, message: 'Preheader is 2 characters; the minimum is 20' }],
    },
    {
      name: 'no brand: options set the limits',
      code: email('<p>Hi</p>'),
      noBrand: true,
      options: { required: true },
      errors: [{ line: 1, column: 57 }],
    },
  ],
});
