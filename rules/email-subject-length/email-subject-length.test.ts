import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const email = (title: string, head = '') => `<html lang="en"><head>${head}<title>${title}</title></head><body><p>Hi</p></body></html>`;
// `<html lang="en"><head><title>` puts the subject's first character at column 30.
const SUBJECT_COLUMN = 30;

testRule(rule, {
  channel: 'email',
  file: 'emails/welcome.html',
  valid: [
    { name: 'short subject', code: email('Trail season starts now') },
    { name: 'exactly 60 characters', code: email('x'.repeat(60)) },
    { name: 'entities count as the character they stand for', code: email(`${'a'.repeat(55)}&amp;&amp;&amp;&amp;&amp;`) },
    { name: 'an emoji is one character', code: email(`${'a'.repeat(59)}👨‍👩‍👧`) },
    { name: 'template tags count as 0 by default', code: email(`{{ first_name }}, ${'a'.repeat(58)}`) },
    { name: 'an exclamation mark inside a template tag is not one', code: email('{{ "Hi!" }} Trail season') },
    { name: 'a subject from <meta name="subject">', code: email('A very long page title that is not the subject of the email at all, no', '<meta name="subject" content="New boots">') },
    {
      name: 'trap: an SVG <title> in the body is not part of the subject',
      code: `<html lang="en"><head><title>${'x'.repeat(58)}</title></head><body><svg><title>An icon of a boot!</title></svg><p>Hi</p></body></html>`,
    },
    { name: 'options raise the limit', code: email('x'.repeat(70)), options: { maxLength: 70 } },
    { name: 'options allow exclamation marks', code: email('Hello!'), options: { maxExclamations: 1 } },
    { name: 'no brand and no options: no limit', code: email(`${'x'.repeat(100)}!!`), noBrand: true },
    { name: 'landing page titles are not subjects', channel: 'landing', file: 'page.html', code: email('x'.repeat(80)) },
  ],
  invalid: [
    {
      name: 'too long: the overflowing part is the range',
      code: email('x'.repeat(72)),
      errors: [{ line: 1, column: SUBJECT_COLUMN + 60, endLine: 1, endColumn: SUBJECT_COLUMN + 72, message: 'Subject is 72 characters; the limit is 60' }],
    },
    {
      name: 'entities: the range ends after the last entity',
      code: email(`${'a'.repeat(60)}&amp;`),
      errors: [{ line: 1, column: SUBJECT_COLUMN + 60, endLine: 1, endColumn: SUBJECT_COLUMN + 65, message: 'Subject is 61 characters; the limit is 60' }],
    },
    {
      name: 'templateTagLength reserves room for a merged value',
      code: email(`{{ first_name }}, ${'a'.repeat(50)}`),
      options: { templateTagLength: 10 },
      errors: [{ line: 1, column: SUBJECT_COLUMN + 16 + 2 + 48, message: 'Subject is 62 characters; the limit is 60' }],
    },
    {
      name: 'no exclamation mark in Northwind subjects',
      code: email('Trail season starts now!'),
      errors: [{ line: 1, column: SUBJECT_COLUMN + 23, endLine: 1, endColumn: SUBJECT_COLUMN + 24, message: 'Subject has 1 exclamation mark; the limit is 0' }],
    },
    {
      name: 'the excess marks from the first to the last',
      code: email('Sale! Boots!! Ends soon'),
      options: { maxExclamations: 1 },
      errors: [{ line: 1, column: SUBJECT_COLUMN + 11, endLine: 1, endColumn: SUBJECT_COLUMN + 13, message: 'Subject has 3 exclamation marks; the limit is 1' }],
    },
    {
      name: 'double exclamation mark counts two',
      code: email('Sale‼'),
      errors: [{ line: 1, column: SUBJECT_COLUMN + 4, endLine: 1, endColumn: SUBJECT_COLUMN + 5, message: 'Subject has 2 exclamation marks; the limit is 0' }],
    },
    {
      name: 'both limits at once',
      code: email(`${'x'.repeat(60)}!`),
      errors: [
        { line: 1, column: SUBJECT_COLUMN + 60, message: 'Subject has 1 exclamation mark; the limit is 0' },
        { line: 1, column: SUBJECT_COLUMN + 60, message: 'Subject is 61 characters; the limit is 60' },
      ],
    },
    {
      name: 'minimum length from options',
      code: email('Hi'),
      options: { minLength: 10 },
      errors: [{ line: 1, column: SUBJECT_COLUMN, endLine: 1, endColumn: SUBJECT_COLUMN + 2, message: 'Subject is 2 characters; the minimum is 10' }],
    },
    {
      name: '.eml Subject header',
      file: 'emails/welcome.eml',
      code: `From: hello@northwind.example\r\nSubject: ${'y'.repeat(61)}\r\nContent-Type: text/plain\r\n\r\nHi\r\n`,
      errors: [{ line: 2, column: 10 + 60, endLine: 2, endColumn: 10 + 61, message: 'Subject is 61 characters; the limit is 60' }],
    },
    {
      name: 'no brand: options alone set the limit',
      code: email('x'.repeat(31)),
      noBrand: true,
      options: { maxLength: 30 },
      errors: [{ line: 1, column: SUBJECT_COLUMN + 30, message: 'Subject is 31 characters; the limit is 30' }],
    },
  ],
});
