import { testCampaignRule, post } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

const dated = (date: string, locale = 'en') => `campaign: spring\nlocale: ${locale}\ndate: ${date}`;

// Posts with `dated` front matter: the text is on line 6 (lines 1-5 are front matter).
testCampaignRule(rule, {
  valid: [
    {
      name: 'one deadline, five ways to write it',
      files: [
        post('a.post.md', 'The sale ends March 31.'),
        post('b.post.md', 'Gültig bis 31.03.2027.', dated('2027-03-01', 'de')),
        post('c.post.md', '活动截止 3 月 31 日', dated('2027-03-01', 'zh-CN')),
        post('d.post.md', "Jusqu'au 31 mars 2027.", dated('2027-03-01', 'fr')),
        post('e.post.md', 'Ends tomorrow!', dated('2027-03-30')),
      ],
    },
    {
      name: 'dates that are not deadlines are not compared',
      files: [post('a.post.md', 'The sale ends March 31.'), post('b.post.md', 'The sale ends March 31. New colours land April 9.'), post('c.post.md', 'We opened on March 3.')],
    },
    {
      name: "a deadline without a year takes the brief's year",
      brief: 'end: 2028-03-31\n',
      files: [post('a.post.md', 'The sale ends March 31.'), post('b.post.md', 'Hurry, it ends March 31!')],
    },
    {
      name: 'a start date that matches the brief',
      brief: 'start: 2027-03-01\nend: 2027-03-31\n',
      files: [post('a.post.md', 'From March 1 until March 31.')],
    },
  ],
  invalid: [
    {
      name: 'another deadline',
      files: [post('a.post.md', 'The sale ends March 31.'), post('b.post.md', 'Valid until 3/31.'), post('c.post.md', 'The sale ends April 2.')],
      errors: [
        {
          file: 'c.post.md',
          line: 5,
          column: 15,
          endColumn: 22,
          message: 'deadline 2027-04-02 disagrees with the campaign\'s "2027-03-31" (2 of 3 files: social)',
          related: ['a.post.md:5:15', 'b.post.md:5:13'],
        },
      ],
      brief: 'start: 2027-03-01\n',
    },
    {
      name: 'a relative deadline resolved from the post date',
      brief: 'end: 2027-03-31\n',
      files: [post('a.post.md', 'The sale ends this Friday!', dated('2027-03-22'))],
      errors: [{ file: 'a.post.md', line: 6, column: 15, message: 'deadline 2027-03-26 disagrees with the campaign\'s "2027-03-31" (brief campaigns/spring.yaml)', related: ['campaigns/spring.yaml:1:6'] }],
    },
    {
      name: 'a start date the brief does not give',
      brief: 'start: 2027-03-01\nend: 2027-03-31\n',
      files: [post('a.post.md', 'From March 3 until March 31.')],
      errors: [{ file: 'a.post.md', line: 5, column: 6, message: 'start date 2027-03-03 disagrees with the brief\'s 2027-03-01', related: ['campaigns/spring.yaml:1:8'] }],
    },
  ],
});
