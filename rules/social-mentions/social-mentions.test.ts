import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

/** A Markdown post for `platform`; its body starts on line 4. */
const post = (platform: string, body: string) => `---\nplatform: ${platform}\n---\n${body}\n`;

testRule(rule, {
  channel: 'social',
  file: 'social/spring.md',
  valid: [
    { name: 'X: 3 mentions (Northwind)', code: post('x', 'Thanks @trailclub @parkrangers and @mapmakers for the spring walk.') },
    { name: 'email addresses are not mentions', code: post('x', 'Write to a@northwind.example, b@northwind.example, c@northwind.example or d@northwind.example.') },
    { name: 'a handle inside a URL is not a mention', code: post('x', 'See https://mastodon.example/@a and https://mastodon.example/@b, @c, @d, @e') , options: { maxMentions: 3 } },
    { name: 'no limit on LinkedIn (Northwind)', code: post('linkedin', '@a @b @c @d @e @f') },
    { name: 'no platform', code: '@a @b @c @d @e\n' },
    { name: 'no brand: no limit', code: post('x', '@a @b @c @d @e'), noBrand: true },
  ],
  invalid: [
    {
      name: 'X: the mentions over the limit of 3',
      code: post('x', 'Thanks @trailclub @parkrangers @mapmakers @rangers and @hikers'),
      errors: [{ line: 4, column: 43, endLine: 4, endColumn: 63, message: 'X post has 5 mentions; the limit is 3' }],
    },
    {
      name: 'options apply to every platform',
      code: post('linkedin', 'With @a and @b'),
      options: { maxMentions: 1 },
      errors: [{ line: 4, column: 13, endLine: 4, endColumn: 15, message: 'LinkedIn post has 2 mentions; the limit is 1' }],
    },
  ],
});
