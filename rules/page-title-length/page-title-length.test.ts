import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const page = (title: string) => `<html lang="en"><head><title>${title}</title></head><body><h1>Hi</h1></body></html>`;
// `<html lang="en"><head><title>` puts the first character of the title at column 30.
const TITLE = 30;

testRule(rule, {
  channel: 'landing',
  file: 'site/index.html',
  valid: [
    { name: 'short title', code: page('Northwind | Spring trail gear') },
    { name: 'exactly 60 characters (Northwind)', code: page('t'.repeat(60)) },
    { name: 'entities count as one character', code: page(`${'t'.repeat(59)}&amp;`) },
    { name: 'template tags count 0', code: page(`{{ product.name }} | ${'t'.repeat(57)}`) },
    { name: 'no brand: no limit', code: page('t'.repeat(100)), noBrand: true },
    {
      name: 'trap: an SVG <title> in the body is the name of a drawing, not part of the page title',
      code: `<html lang="en"><head><title>${'t'.repeat(58)}</title></head><body><svg viewBox="0 0 10 10"><title>connected world</title><path d="M0 0"/></svg></body></html>`,
    },
    {
      name: 'trap: a second <title> in the body does not lengthen the page title',
      code: `<html lang="en"><head><title>${'t'.repeat(58)}</title></head><body><title>${'x'.repeat(30)}</title><p>Hi</p></body></html>`,
    },
    { name: 'an email title is its subject, checked elsewhere', channel: 'email', file: 'emails/a.html', code: page('t'.repeat(100)) },
  ],
  invalid: [
    {
      name: 'over 60: the overflow is the range',
      code: page('t'.repeat(64)),
      errors: [{ line: 1, column: TITLE + 60, endLine: 1, endColumn: TITLE + 64, message: 'Page title is 64 characters; the limit is 60' }],
    },
    {
      name: 'over 60 with an SVG title in the body: only the head title counts, the range stays in it',
      code: `<html lang="en"><head><title>${'t'.repeat(67)}</title></head>\n<body>\n<svg><title>${'s'.repeat(39)}</title></svg></body></html>`,
      errors: [{ line: 1, column: TITLE + 60, endLine: 1, endColumn: TITLE + 67, message: 'Page title is 67 characters; the limit is 60' }],
    },
    {
      name: 'options: minimum',
      code: page('Gear'),
      options: { minLength: 10 },
      errors: [{ line: 1, column: TITLE, endLine: 1, endColumn: TITLE + 4, message: 'Page title is 4 characters; the minimum is 10' }],
    },
    {
      name: 'no brand: options set the limit',
      code: page('t'.repeat(31)),
      noBrand: true,
      options: { maxLength: 30 },
      errors: [{ line: 1, column: TITLE + 30, message: 'Page title is 31 characters; the limit is 30' }],
    },
  ],
});
