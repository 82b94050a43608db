import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const page = (description: string) =>
  `<html lang="en"><head><title>Trail gear</title><meta name="description" content="${description}"></head><body><h1>Hi</h1></body></html>`;
// The description's first character is at this column.
const DESCRIPTION = 1 + '<html lang="en"><head><title>Trail gear</title><meta name="description" content="'.length;

testRule(rule, {
  channel: 'landing',
  file: 'site/index.html',
  valid: [
    { name: 'short description', code: page('Boots, packs and maps for every trail you plan to walk this spring.') },
    { name: 'exactly 160 characters (Northwind)', code: page('d'.repeat(160)) },
    { name: 'entities count as one character', code: page(`${'d'.repeat(159)}&quot;`) },
    { name: 'no brand: no limit', code: page('d'.repeat(300)), noBrand: true },
  ],
  invalid: [
    {
      name: 'over 160: the overflow is the range',
      code: page('d'.repeat(170)),
      errors: [{ line: 1, column: DESCRIPTION + 160, endLine: 1, endColumn: DESCRIPTION + 170, message: 'Meta description is 170 characters; the limit is 160' }],
    },
    {
      name: 'options: minimum',
      code: page('Boots.'),
      options: { minLength: 50 },
      errors: [{ line: 1, column: DESCRIPTION, endLine: 1, endColumn: DESCRIPTION + 6, message: 'Meta description is 6 characters; the minimum is 50' }],
    },
  ],
});
