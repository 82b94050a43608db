import { testCampaignRule, post } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

const casual = "You'll love our spring sale. It's the best time to get new gear, and we've got packs for every trail. Don't wait too long, you'll see why.";
const casual2 = "Spring's here and you're ready. We've got new packs for you. They're light, they're tough, and you'll want one for the trail.";
const casual3 = "You've waited all winter. Now it's time to head out. We'll help you pick the right pack for your next trip.";
const formal = 'Northwind announces a discount on selected gear. Customers must enter the promo code upon payment. The offer remains valid until the end of the month. We thank our valued customers for their patronage.';
const shouty = 'Spring sale now on! Huge savings on every pack! Every trail, every day! New colours just landed! Come and see!';

// Posts: front matter on lines 1-4, the text on line 5.
testCampaignRule(rule, {
  valid: [
    { name: 'channels that sound alike', files: [post('a.post.md', casual), post('b.post.md', casual2), post('c.post.md', casual3)] },
    { name: 'two files are too few to compare', files: [post('a.post.md', casual), post('b.post.md', formal)] },
    { name: 'short copy is not judged', files: [post('a.post.md', casual), post('b.post.md', casual2), post('c.post.md', casual3), post('d.post.md', 'Thank you for your patronage.')] },
    {
      name: 'other languages are compared only with their own language',
      files: [
        post('a.post.md', casual),
        post('b.post.md', casual2),
        post('c.post.md', casual3),
        post('d.post.md', 'Wir freuen uns, Ihnen mitteilen zu dürfen, dass unsere Frühjahrsaktion begonnen hat. Bitte geben Sie den Code an der Kasse ein.', 'campaign: spring\nlocale: de'),
      ],
    },
    { name: 'a high threshold lets drift pass', options: { minSignals: 5 }, files: [post('a.post.md', casual), post('b.post.md', casual2), post('c.post.md', casual3), post('d.post.md', shouty)] },
  ],
  invalid: [
    {
      name: 'a stiff, formal channel among casual ones',
      files: [post('a.post.md', casual), post('b.post.md', casual2), post('c.post.md', casual3), post('d.post.md', formal)],
      errors: [
        {
          file: 'd.post.md',
          line: 5,
          column: 152,
          message:
            'the social copy reads unlike the rest of campaign "spring": 6.9 reading grade (others 0.1), 12.1 formal words per 100 words (others 0.0), 0.0 contractions per 100 words (others 18.5; the brand prefers contractions), 0.0 "you" per 100 words (others 13.6)',
          related: ['a.post.md:5:1', 'b.post.md:5:1', 'c.post.md:5:1'],
        },
      ],
    },
    {
      name: 'a shouting channel among calm ones',
      files: [post('a.post.md', casual), post('b.post.md', casual2), post('c.post.md', casual3), post('d.post.md', shouty)],
      errors: [{ file: 'd.post.md', line: 5, column: 1, message: /1\.0 exclamation marks per sentence \(others 0\.0\).*0\.0 contractions per 100 words \(others 18\.5; the brand prefers contractions\)/ }],
    },
  ],
});
