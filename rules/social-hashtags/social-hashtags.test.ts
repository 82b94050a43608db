import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

/** A Markdown post for `platform`; its body starts on line 4. */
const post = (platform: string, body: string) => `---\nplatform: ${platform}\n---\n${body}\n`;

testRule(rule, {
  channel: 'social',
  file: 'social/spring.md',
  valid: [
    { name: 'the brand hashtag as written', code: post('x', 'Spring is here. #Northwind') },
    { name: 'another hashtag that only starts like it', code: post('x', 'Trail day. #NorthwindTrails #northwindtrails') },
    { name: 'inside a URL it is a fragment, not a hashtag', code: post('x', 'Maps: https://www.northwind.example/maps#northwind') },
    { name: 'an HTML entity is not a hashtag', code: post('x', 'Boots &#35;1 this spring') },
    { name: 'the brand hashtag is not required by Northwind', code: post('x', 'Spring is here.') },
    { name: 'Instagram: 5 hashtags', code: post('instagram', 'Trail day #a #b #c #d #Northwind') },
    { name: 'X has no hashtag limit', code: post('x', '#a #b #c #d #e #f #g') },
    { name: 'an SMS post is not a social post', code: post('sms', 'Reply STOP to opt out.'), options: { requireBrandHashtag: true } },
    { name: 'no platform: no hashtag limit', code: '#a #b #c #d #e #f #g\n' },
    { name: 'no brand: no brand hashtag', code: post('x', 'Spring #northwind'), noBrand: true },
    { name: 'required and present', code: post('linkedin', 'Spring. #Northwind'), options: { requireBrandHashtag: true } },
  ],
  invalid: [
    {
      name: 'spelling is fixed',
      code: post('x', 'Spring is here. #northwind #NorthWind'),
      errors: [
        { line: 4, column: 17, endLine: 4, endColumn: 27, message: 'Write the brand hashtag as #Northwind, not #northwind' },
        { line: 4, column: 28, endLine: 4, endColumn: 38, message: 'Write the brand hashtag as #Northwind, not #NorthWind' },
      ],
      output: post('x', 'Spring is here. #Northwind #Northwind'),
    },
    {
      name: 'CSV rows: positions in each cell',
      file: 'social/posts.csv',
      code: 'message,platform\n"Boots ""on sale"" #NORTHWIND",linkedin\nTrails #northwind,x\n',
      errors: [
        { line: 2, column: 20, endLine: 2, endColumn: 30 },
        { line: 3, column: 8, endLine: 3, endColumn: 18 },
      ],
      output: 'message,platform\n"Boots ""on sale"" #Northwind",linkedin\nTrails #Northwind,x\n',
    },
    {
      name: 'chatbot replies: spelling too',
      channel: 'chatbot',
      file: 'bot/domain.yml',
      code: 'version: "3.1"\nresponses:\n  utter_share:\n  - text: "Share your hike with #northwind"\n',
      errors: [{ line: 4, column: 33, endLine: 4, endColumn: 43 }],
      output: 'version: "3.1"\nresponses:\n  utter_share:\n  - text: "Share your hike with #Northwind"\n',
    },
    {
      name: 'required: the post is the range',
      code: post('linkedin', 'Spring is here.\n\nNew boots.'),
      options: { requireBrandHashtag: true },
      errors: [{ line: 4, column: 1, endLine: 6, endColumn: 11, message: 'The post has no #Northwind; the guidelines ask for the brand hashtag on every post' }],
    },
    {
      name: 'required: a miscased brand hashtag is there, only its spelling is wrong',
      code: post('linkedin', 'Spring. #NORTHWIND'),
      options: { requireBrandHashtag: true },
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 19, message: 'Write the brand hashtag as #Northwind, not #NORTHWIND' }],
      output: post('linkedin', 'Spring. #Northwind'),
    },
    {
      name: 'Instagram: the hashtags over the brand limit of 5',
      code: post('instagram', 'Trail day #a #b #c #d #e #f #Northwind'),
      errors: [{ line: 4, column: 26, endLine: 4, endColumn: 39, message: 'Instagram post has 7 hashtags; the limit is 5' }],
    },
    {
      name: 'no brand: Instagram allows 30',
      code: post('instagram', Array.from({ length: 31 }, (_, index) => `#t${index}`).join(' ')),
      noBrand: true,
      errors: [{ line: 4, column: 141, message: 'Instagram post has 31 hashtags; the limit is 30' }],
    },
  ],
});
