import { testCampaignRule, post, type CampaignFile } from '../../test/campaign-rule-tester.js';
import rule from './index.js';

const page = (file: string, head: string, body = ''): CampaignFile => ({ file, code: `<html lang="en"><head>${head}</head><body>${body}</body></html>\n` });
const canonical = (href: string) => `<link rel="canonical" href="${href}">`;
const button = (href: string, text = 'Shop the sale') => `<a class="button" href="${href}">${text}</a>`;

// Posts: the text on line 5. Pages are one line: columns count from `<html`.
testCampaignRule(rule, {
  valid: [
    {
      name: 'the same landing page, written differently',
      files: [
        page('landing.html', canonical('https://WWW.northwind.example/spring/')),
        page('news.email.html', '', button('https://www.northwind.example/spring?utm_source=email&utm_campaign=spring#top')),
        post('a.post.md', 'All at https://www.northwind.example/spring'),
      ],
    },
    {
      name: 'footer links of an email are not landing URLs',
      files: [
        page('news.email.html', '', `${button('https://www.northwind.example/spring')}<a href="https://www.northwind.example/privacy">Privacy</a>`),
        post('a.post.md', 'All at https://www.northwind.example/spring'),
      ],
    },
    {
      name: 'the landing page leads on to its cart: its own URL is its canonical one',
      files: [page('landing.html', canonical('https://www.northwind.example/spring'), button('https://www.northwind.example/cart')), post('a.post.md', 'All at https://www.northwind.example/spring')],
    },
    {
      name: 'links to other sites in posts are not landing URLs',
      files: [post('a.post.md', 'All at https://www.northwind.example/spring'), post('b.post.md', 'Seen on https://example.org/review and at https://www.northwind.example/spring')],
    },
  ],
  invalid: [
    {
      name: 'a post links elsewhere',
      brief: 'landingUrl: https://www.northwind.example/spring\n',
      files: [page('landing.html', canonical('https://www.northwind.example/spring')), post('a.post.md', 'All at https://www.northwind.example/sale')],
      errors: [
        {
          file: 'a.post.md',
          line: 5,
          column: 8,
          endColumn: 42,
          message: 'landing URL https://www.northwind.example/sale disagrees with the campaign\'s "https://www.northwind.example/spring" (brief campaigns/spring.yaml)',
          related: ['campaigns/spring.yaml:1:13', 'landing.html:1:23'],
        },
      ],
    },
    {
      name: 'the right page, tagged for another campaign',
      files: [page('landing.html', canonical('https://www.northwind.example/spring')), page('news.email.html', '<meta name="campaign" content="spring">', button('https://www.northwind.example/spring?utm_campaign=winter'))],
      // The href value starts after `<html lang="en"><head><meta ...></head><body><a class="button" href="`.
      errors: [{ file: 'news.email.html', line: 1, column: 99, message: 'utm_campaign "winter" names another campaign than "spring"' }],
    },
  ],
});
