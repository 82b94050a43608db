import { describe, expect, it } from 'vitest';
import { createChannelResolver, defaultChannelOf } from '../../src/engine/channels.js';

describe('default channels', () => {
  it.each([
    ['welcome.eml', 'email'],
    ['templates/welcome.mjml', 'email'],
    ['pages/welcome.email.html', 'email'],
    ['emails/welcome.html', 'email'],
    ['content/Email/promo.HTM', 'email'],
    ['mail/receipt.html', 'email'],
    ['newsletter/2024-05.html', 'email'],
    ['newsletters/may/index.html', 'email'],
    ['index.html', 'landing'],
    ['site/pricing.htm', 'landing'],
    ['site/css/styles.css', 'landing'],
    ['site/scss/_theme.scss', 'landing'],
    ['emails/styles.css', 'landing'],
    ['domain.yml', 'chatbot'],
    ['rasa/domain.yaml', 'chatbot'],
    ['bot/replies.lg', 'chatbot'],
    ['support.bot.yml', 'chatbot'],
    ['support.bot.json', 'chatbot'],
    ['bots/faq.yaml', 'chatbot'],
    ['chatbot/flows.json', 'chatbot'],
    ['config/settings.yml', null],
    ['package.json', null],
    ['social/launch.md', 'social'],
    ['posts/launch.markdown', 'social'],
    ['social/tweets.csv', 'social'],
    ['launch.post.md', 'social'],
    ['README.md', null],
    ['data/export.csv', null],
    ['notes.txt', null],
    ['logo.png', null],
    ['landing/index.njk', 'landing'],
    ['site/about.jinja', 'landing'],
    ['site/pricing.html.j2', 'landing'],
    ['deploy/nginx.conf.j2', null],
    ['emails/welcome.njk', 'email'],
    ['tailwind.config.js', null],
    ['social/launch.tweet', 'social'],
    ['tweets/releases/v1.tweet', 'social'],
    ['social/2024/launch.txt', 'social'],
    ['posts/launch.txt', 'social'],
    ['social/LICENSE.txt', null],
    ['social/README.md', null],
    ['social/readme-first.txt', null],
    ['social/intents.lu', null],
    ['blog/2024/launch.md', 'article'],
    ['articles/pricing.mdx', 'article'],
    ['docs/guide/install.adoc', 'article'],
    ['help/reset-password.asciidoc', 'article'],
    ['kb/faq.markdown', 'article'],
    ['sales/playbook.txt', 'article'],
    ['scripts/cold-call.txt', 'article'],
    ['docs/site/index.html', 'landing'],
    ['docs/data.csv', null],
    ['social/blog/post.md', 'social'],
    ['print/summer-poster.svg', 'print'],
    ['artwork/banners/trade-show.SVG', 'print'],
    ['flyers/spring.pdf', 'print'],
    ['campaigns/spring/poster.print.svg', 'print'],
    ['campaigns/spring/flyer.print.pdf', 'print'],
    ['site/icons/cart.svg', null],
    ['invoices/2024-05.pdf', null],
  ])('%s -> %s', (file, channel) => {
    expect(defaultChannelOf(file)).toBe(channel);
  });
});

describe('configured channels', () => {
  const config = {
    rootDir: '/project',
    channels: { email: ['/project/campaigns/**/*.html', '!/project/campaigns/**/landing.html'], social: ['/project/copy/*.txt'] },
  };
  const channelOf = createChannelResolver(config, '/project');

  it.each([
    ['/project/campaigns/spring/offer.html', 'email'],
    // excluded from email by `!`: falls back to the defaults
    ['/project/campaigns/spring/landing.html', 'landing'],
    ['/project/copy/post.txt', 'social'],
    // defaults still apply to files no glob names, judged relative to the config folder
    ['/project/emails/a.html', 'email'],
    ['/project/site/index.html', 'landing'],
    ['/project/notes.txt', null],
  ])('%s -> %s', (file, channel) => {
    expect(channelOf(file)).toBe(channel);
  });

  it('judges folder names relative to the project, not the whole absolute path', () => {
    const resolve = createChannelResolver({ rootDir: '/home/mail/site', channels: {} }, '/home/mail/site');
    expect(resolve('/home/mail/site/index.html')).toBe('landing');
  });
});
