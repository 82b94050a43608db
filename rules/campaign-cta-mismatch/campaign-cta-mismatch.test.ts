import { testCampaignRule, type CampaignFile } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

const email = (file: string, text: string, extra = ''): CampaignFile => ({
  file,
  code: `<html lang="en"><body><p>Spring is here.</p>${extra}<a class="button" href="https://www.northwind.example/spring">${text}</a></body></html>\n`,
});
const bot = (file: string, ...buttons: string[]): CampaignFile => ({
  file,
  code: `bot:\n  campaign: spring\nreplies:\n  - id: sale\n    text: Spring is here.\n    buttons:\n${buttons.map((title) => `      - title: ${title}\n`).join('')}`,
});

// Emails are one line: the button's text starts at column 107 (plus any extra markup).
testCampaignRule(rule, {
  valid: [
    { name: 'case, arrows and punctuation do not count', files: [email('a.email.html', 'Shop the sale →'), email('b.email.html', 'SHOP THE SALE!'), bot('c.bot.yml', 'Shop the sale')] },
    { name: 'a bot with more buttons still offers the call to action', files: [email('a.email.html', 'Shop the sale'), bot('b.bot.yml', 'Shop the sale', 'Talk to a person')] },
    {
      name: 'each reply of a bot has its own buttons: the campaign\'s one among them is enough',
      files: [
        email('a.email.html', 'Shop the sale'),
        { file: 'b.bot.yml', code: 'bot:\n  campaign: spring\nreplies:\n  - id: sale\n    text: Spring is here.\n    buttons:\n      - title: Shop the sale\n  - id: sizes\n    text: Which size?\n    buttons:\n      - title: Size guide\n' },
      ],
    },
    { name: 'plain links are no calls to action', files: [email('a.email.html', 'Shop the sale', '<a href="https://www.northwind.example/spring">Read more</a>'), email('b.email.html', 'Shop the sale')] },
    { name: 'agrees with the brief', brief: 'cta: Shop the sale\n', files: [email('a.email.html', 'Shop the sale')] },
  ],
  invalid: [
    {
      name: 'one channel words it differently',
      files: [email('a.email.html', 'Shop the sale'), bot('b.bot.yml', 'Shop the sale'), email('c.email.html', 'Shop now')],
      errors: [{ file: 'c.email.html', line: 1, column: 107, message: 'call to action "Shop now" disagrees with the campaign\'s "Shop the sale" (2 of 3 files: email, chatbot)', related: ['a.email.html:1:107', 'b.bot.yml:7:16'] }],
    },
    {
      name: 'the brief settles it, for bots too',
      brief: 'cta: Shop the sale\n',
      files: [bot('b.bot.yml', 'Buy now', 'Talk to a person')],
      errors: [
        { file: 'b.bot.yml', line: 7, column: 16, message: /call to action "Buy now" disagrees/ },
        { file: 'b.bot.yml', line: 8, column: 16, message: /call to action "Talk to a person" disagrees/ },
      ],
    },
  ],
});
