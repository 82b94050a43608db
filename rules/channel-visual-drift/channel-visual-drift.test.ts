import { testCampaignRule, type CampaignFile } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

/** A one-line page of the campaign with one styled paragraph: the style value starts at column 85. */
const page = (file: string, style: string): CampaignFile => ({
  file,
  code: `<html lang="en"><head><meta name="campaign" content="spring"></head><body><p style="${style}">Spring is here.</p></body></html>\n`,
});
const at = 85;

testCampaignRule(rule, {
  valid: [
    { name: 'brand colors and fonts everywhere', files: [page('a.html', 'color: #1f5135; font-family: Montserrat, sans-serif'), page('b.email.html', 'color: #1F5135; font-family: "Source Sans 3", Arial')] },
    { name: 'an off-brand color that every channel shares is the campaign\'s look', files: [page('a.html', 'color: #ff6600'), page('b.email.html', 'color: rgb(255 102 0)')] },
    { name: 'a single styled channel has no siblings to drift from', files: [page('a.html', 'color: #ff6600'), { file: 'c.post.md', code: '---\ncampaign: spring\n---\nSpring is here.\n' }] },
    { name: 'fallback families are not the campaign\'s fonts', files: [page('a.html', 'font-family: Montserrat, Arial'), page('b.email.html', 'font-family: Montserrat, Georgia, serif')] },
  ],
  invalid: [
    {
      name: 'one channel brings its own color and font',
      files: [page('a.html', 'color: #1f5135; font-family: Montserrat'), page('b.email.html', 'color: #ff6600; font-family: Comic Sans MS, cursive')],
      errors: [
        { file: 'b.email.html', line: 1, column: at + 7, endColumn: at + 14, message: 'color #ff6600 is used by no other channel of campaign "spring" and is not in the brand palette', related: [`a.html:1:${at + 7}`] },
        { file: 'b.email.html', line: 1, column: at + 29, message: 'font "Comic Sans MS" is used by no other channel of campaign "spring" and is not a brand font', related: [`a.html:1:${at + 29}`] },
      ],
    },
    {
      name: 'each drifting value once per file',
      files: [page('a.html', 'color: #1f5135'), page('b.html', 'color: #ff6600; border-color: #FF6600')],
      errors: [{ file: 'b.html', line: 1, column: at + 7 }],
    },
  ],
});
