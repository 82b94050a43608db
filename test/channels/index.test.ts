import { describe, expect, it } from 'vitest';
import { detectFormat, parseContent } from '../../src/channels/index.js';

describe('detectFormat', () => {
  it.each([
    ['emails/welcome.html', 'html'],
    ['emails/WELCOME.HTM', 'html'],
    ['pages/index.njk', 'html'],
    ['welcome.mjml', 'mjml'],
    ['inbox/sale.eml', 'eml'],
    ['css/site.css', 'css'],
    ['scss/_colors.scss', 'scss'],
    ['weird.d/no-extension', 'unknown'],
    ['tailwind.config.js', 'unknown'],
    ['social/launch.tweet', 'text'],
    ['pages/index.html.j2', 'html'],
    ['pages/about.jinja', 'html'],
    ['toString', 'unknown'],
    ['a.constructor', 'unknown'],
    ['bot/main.en-us.lg', 'lg'],
    ['bot/domain.yaml', 'yaml'],
    ['bot/support.bot.json', 'json'],
    ['social/spring.post.md', 'markdown'],
    ['social/launch.MARKDOWN', 'markdown'],
    ['social/schedule.csv', 'csv'],
  ])('%s -> %s', (file, format) => {
    expect(detectFormat(file)).toBe(format);
  });
});

describe('parseContent', () => {
  it.each([
    ['email', 'a.html', 'html'],
    ['email', 'a.mjml', 'mjml'],
    ['email', 'a.eml', 'eml'],
    ['landing', 'a.html', 'html'],
    ['landing', 'a.css', 'css'],
    ['landing', 'a.scss', 'scss'],
    ['chatbot', 'a.lg', 'lg'],
    ['chatbot', 'domain.yml', 'yaml'],
    ['chatbot', 'a.bot.json', 'json'],
    ['social', 'a.md', 'markdown'],
    ['social', 'a.csv', 'csv'],
  ] as const)('%s %s', async (channel, file, format) => {
    const document = await parseContent({ file, absolutePath: `/p/${file}`, text: '', channel });
    expect(document).toMatchObject({ file, absolutePath: `/p/${file}`, channel, format, text: '' });
  });

  it('honours an explicit format', async () => {
    const document = await parseContent({ file: 'a.txt', absolutePath: '/p/a.txt', text: '<mjml></mjml>', channel: 'email', format: 'mjml' });
    expect(document.format).toBe('mjml');
  });

  it('reports a channel without an adapter instead of throwing', async () => {
    const document = await parseContent({ file: 'notes.md', absolutePath: '/p/notes.md', text: '# x', channel: 'chatbot' });
    expect(document.parseProblems.map((problem) => problem.ruleId)).toEqual(['parse/unsupported']);
  });
});
