import { testCampaignRule, post } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

// Posts: `campaign: spring` is on line 2 (where a missing fact is reported), the text on line 5.
testCampaignRule(rule, {
  valid: [
    {
      name: 'every file states the code',
      files: [post('a.post.md', 'Code SPRING20.'), post('b.post.md', 'Code SPRING20.'), post('c.post.md', 'Code SPRING20.')],
    },
    {
      name: 'half of the files is not most of them',
      files: [post('a.post.md', 'Code SPRING20.'), post('b.post.md', 'Code SPRING20.'), post('c.post.md', 'Spring is here.'), post('d.post.md', 'Spring is here.')],
    },
    {
      name: 'two files are too few to judge (default minFiles 3)',
      files: [post('a.post.md', 'Code SPRING20.'), post('b.post.md', 'Spring is here.')],
    },
    {
      name: 'calls to action are not expected by default',
      files: [post('a.post.md', 'Hi.'), post('b.post.md', 'Hi.'), { file: 'c.email.html', code: '<html><head><meta name="campaign" content="spring"></head><body><a class="button" href="https://northwind.example/x">Shop</a></body></html>' }],
    },
    {
      name: 'every file gives the deadline',
      files: [post('a.post.md', 'Ends March 31.'), post('b.post.md', 'Ends March 31.'), post('c.post.md', 'Ends March 31.')],
    },
  ],
  invalid: [
    {
      name: 'the post without the code',
      files: [post('a.post.md', 'Code SPRING20.'), post('b.post.md', 'Code SPRING20.'), post('c.post.md', 'Spring is here.')],
      errors: [
        {
          file: 'c.post.md',
          line: 2,
          column: 11,
          endColumn: 17,
          message: 'the promo code (SPRING20) is missing here, but 2 of 3 files of campaign "spring" state it',
          related: ['a.post.md:5:6', 'b.post.md:5:6'],
        },
      ],
    },
    {
      name: 'several missing facts, and a kind configured in',
      options: { kinds: ['offer', 'date', 'hashtag'] },
      files: [post('a.post.md', '20% off until March 31. #Spring'), post('b.post.md', '20% off until March 31. #Spring'), post('c.post.md', 'Spring is here.')],
      errors: [
        { file: 'c.post.md', line: 2, column: 11, message: /^the offer \(20% off\) is missing here/ },
        { file: 'c.post.md', line: 2, column: 11, message: /^the deadline \(2027-03-31\) is missing here|^the deadline \(--03-31\) is missing here/ },
        { file: 'c.post.md', line: 2, column: 11, message: /^the hashtag \(#spring\) is missing here/ },
      ],
    },
  ],
});
