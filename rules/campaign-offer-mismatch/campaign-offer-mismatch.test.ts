import { testCampaignRule, post } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

// Posts: front matter on lines 1-4, the text on line 5.
testCampaignRule(rule, {
  valid: [
    {
      name: 'every channel states the same offer, however it is written',
      files: [post('a.post.md', 'Take 20% off all packs.'), post('b.post.md', 'Now 20 % off all packs.'), post('c.post.md', 'Alles -20 % im Frühling.', `campaign: spring\nlocale: de`)],
    },
    {
      name: 'Chinese 8 折 is 20% off',
      files: [post('a.post.md', 'Take 20% off all packs.'), post('b.post.md', '全场 8 折，春季特惠。', `campaign: spring\nlocale: zh-CN`)],
    },
    {
      name: 'a channel that states the reference and more agrees',
      files: [post('a.post.md', 'Take 20% off all packs.'), post('b.post.md', 'Take 20% off, plus free shipping.'), post('c.post.md', '20% off everything.')],
    },
    {
      name: 'a channel that states no offer is not a mismatch (campaign-missing-fact judges that)',
      files: [post('a.post.md', 'Take 20% off all packs.'), post('b.post.md', 'Spring is here.')],
    },
    {
      name: 'a bare percentage is no offer',
      files: [post('a.post.md', 'Take 20% off all packs.'), post('b.post.md', 'Made of 100% recycled nylon.'), post('c.post.md', '20% off now.')],
    },
    {
      name: 'content agrees with the brief',
      brief: 'offer: 20 % off\n',
      files: [post('a.post.md', 'Take 20% off all packs.')],
    },
    {
      name: 'a single file has nothing to disagree with',
      files: [post('a.post.md', 'Take 15% off all packs.')],
    },
  ],
  invalid: [
    {
      name: 'the minority disagrees with the majority',
      files: [post('a.post.md', 'Take 20% off all packs.'), post('b.post.md', 'Take 20% off all packs.'), post('c.post.md', 'Take 15% off all packs.')],
      errors: [
        {
          file: 'c.post.md',
          line: 5,
          column: 1,
          endColumn: 13,
          message: 'offer "15% off" disagrees with the campaign\'s "20% off" (2 of 3 files: social)',
          related: ['a.post.md:5:1', 'b.post.md:5:1'],
        },
      ],
    },
    {
      name: 'the brief wins over the majority, and every disagreeing place is reported',
      brief: 'offer: 20% off\n',
      files: [post('a.post.md', 'Take 15% off. Yes, 15% off!'), post('b.post.md', 'Take 15% off all packs.'), post('c.post.md', 'Take 20% off all packs.')],
      errors: [
        { file: 'a.post.md', line: 5, column: 1, message: 'offer "15% off" disagrees with the campaign\'s "20% off" (brief campaigns/spring.yaml)', related: ['campaigns/spring.yaml:1:8', 'c.post.md:5:1'] },
        { file: 'a.post.md', line: 5, column: 20 },
        { file: 'b.post.md', line: 5, column: 1 },
      ],
    },
    {
      name: 'a large campaign: the message counts every agreeing file, the related locations are the first ten',
      files: [...Array.from({ length: 14 }, (_, i) => post(`p${String(i).padStart(2, '0')}.post.md`, 'Take 20% off all packs.')), post('z.post.md', 'Take 15% off all packs.')],
      errors: [
        {
          file: 'z.post.md',
          line: 5,
          column: 1,
          message: 'offer "15% off" disagrees with the campaign\'s "20% off" (14 of 15 files: social)',
          related: Array.from({ length: 10 }, (_, i) => `p${String(i).padStart(2, '0')}.post.md:5:1`),
        },
      ],
    },
    {
      name: 'a tie is reported as such on every side',
      files: [post('a.post.md', 'Take 20% off.'), post('b.post.md', 'Take 15% off.')],
      errors: [
        { file: 'a.post.md', line: 5, column: 1, message: 'the campaign\'s channels disagree on the offer with no majority: "15% off" (social) vs "20% off" (social); add a brief to settle it', related: ['b.post.md:5:1'] },
        { file: 'b.post.md', line: 5, column: 1, related: ['a.post.md:5:1'] },
      ],
    },
    {
      name: 'an amount off is not a percentage off',
      files: [post('a.post.md', 'Take 20% off.'), post('b.post.md', 'Take 20% off.'), post('c.post.md', 'Save $20 today.')],
      errors: [{ file: 'c.post.md', line: 5, column: 1, message: /offer "20 USD off" disagrees/ }],
    },
    {
      name: 'siblings loaded as reference count, but are not reported',
      files: [
        post('a.post.md', 'Take 15% off.'),
        { ...post('b.post.md', 'Take 20% off.'), reference: true },
        { ...post('c.post.md', 'Take 20% off.'), reference: true },
        { ...post('d.post.md', 'Take 10% off.'), reference: true },
      ],
      errors: [{ file: 'a.post.md', line: 5, column: 1 }],
    },
  ],
});
