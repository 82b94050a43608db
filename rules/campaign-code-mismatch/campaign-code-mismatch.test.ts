import { testCampaignRule, post } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

// Posts: front matter on lines 1-4, the text on line 5.
testCampaignRule(rule, {
  valid: [
    {
      name: 'the same code in every channel, in any language',
      files: [
        post('a.post.md', 'Use code SPRING20 at checkout.'),
        post('b.post.md', '使用优惠码 SPRING20 立享优惠', 'campaign: spring\nlocale: zh-CN'),
        post('c.post.md', 'Mit dem Gutscheincode SPRING20 sparen.', 'campaign: spring\nlocale: de'),
      ],
    },
    {
      name: 'words after "code" are not codes',
      files: [post('a.post.md', 'Use code SPRING20 at checkout.'), post('b.post.md', 'Use the code below.'), post('c.post.md', 'Read our code of conduct.')],
    },
    {
      name: 'codes in URLs are not codes',
      files: [post('a.post.md', 'Use code SPRING20 today.'), post('b.post.md', 'Use code SPRING20 at https://northwind.example/?code=SPRING15')],
    },
    { name: 'agrees with the brief', brief: 'code: spring20\n', files: [post('a.post.md', 'Promo: SPRING20')] },
  ],
  invalid: [
    {
      name: 'one channel gives another code',
      files: [post('a.post.md', 'Use code SPRING20 today.'), post('b.post.md', 'Use code SPRING20 today.'), post('c.post.md', 'Use code SPRING25 today.')],
      errors: [
        {
          file: 'c.post.md',
          line: 5,
          column: 10,
          endColumn: 18,
          message: 'promo code "SPRING25" disagrees with the campaign\'s "SPRING20" (2 of 3 files: social)',
          related: ['a.post.md:5:10', 'b.post.md:5:10'],
        },
      ],
    },
    {
      name: 'the brief settles it',
      brief: 'code: [SPRING20]\n',
      files: [post('a.post.md', 'Promo code: SPRING25'), post('b.post.md', 'Promo code: SPRING25')],
      errors: [
        { file: 'a.post.md', line: 5, column: 13, message: /\(brief campaigns\/spring\.yaml\)$/, related: ['campaigns/spring.yaml:1:8'] },
        { file: 'b.post.md', line: 5, column: 13 },
      ],
    },
  ],
});

// A scheduler CSV holds posts of several campaigns: each row counts for its own campaign only.
const calendar = [
  'date,message,platform,campaign',
  '2027-03-01 09:00,Use code SPRING20 for the spring sale.,x,spring',
  '2027-03-02 09:00,Use code WINTER10 before it melts.,x,winter',
  '2027-03-03 09:00,Spring sale: use code SPRING25.,x,spring',
  '',
].join('\n');

testCampaignRule(rule, {
  valid: [
    {
      name: 'rows of another campaign do not count',
      files: [{ file: 'social/calendar.csv', code: calendar.replace('SPRING25', 'SPRING20') }, post('a.post.md', 'Use code SPRING20 today.')],
    },
  ],
  invalid: [
    {
      name: 'a row of the campaign disagrees',
      files: [{ file: 'social/calendar.csv', code: calendar }, post('a.post.md', 'Use code SPRING20 today.')],
      errors: [{ file: 'social/calendar.csv', line: 4, column: 40, message: /promo code "SPRING25" disagrees with the campaign's "SPRING20"/ }],
    },
  ],
});
