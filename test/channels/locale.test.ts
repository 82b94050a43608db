import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import type { Channel } from '../../src/core/channels.js';

/** Where each adapter finds the locale: document metadata, messages and runs. */
describe('locale of every channel', () => {
  it.each([
    ['email: <html lang>', 'email', 'mail.html', '<html lang="de-DE"><body><p>Hallo</p></body></html>', 'de-DE'],
    ['email: Content-Language of an .eml', 'email', 'mail.eml', 'Subject: Hallo\nContent-Language: de-AT, en\nContent-Type: text/plain\n\nHallo aus dem Laden\n', 'de-AT'],
    ['email: <html lang> wins over Content-Language', 'email', 'mail.eml', 'Subject: Hi\nContent-Language: de\nContent-Type: text/html\n\n<html lang="fr"><body><p>Salut</p></body></html>\n', 'fr'],
    ['landing: <html lang>', 'landing', 'page.html', '<html lang="pl"><body><h1>Witaj</h1></body></html>', 'pl'],
    ['chatbot: Rasa metadata', 'chatbot', 'domain.yml', 'metadata:\n  locale: ja\nresponses:\n  utter_hi:\n  - text: ようこそ\n', 'ja'],
    ['chatbot: bot script', 'chatbot', 'a.bot.yml', 'bot:\n  locale: zh-Hans\nreplies:\n  - id: hi\n    text: 欢迎来到Northwind商店\n', 'zh-Hans'],
    ['chatbot: LG file name', 'chatbot', 'main.de-de.lg', '# Hi\n- Hallo\n', 'de-DE'],
    ['social: front matter lang', 'social', 'post.md', '---\nlang: de\n---\nHallo\n', 'de'],
    ['social: CSV locale column', 'social', 'posts.csv', 'message,locale\nHallo,de\nServus,de\n', 'de'],
  ] as const)('%s', async (_name, channel: Channel, file, text, locale) => {
    const document = await parseContent({ file, absolutePath: `/p/${file}`, text, channel });
    expect(document.metadata.locale).toBe(locale);
    for (const run of document.textRuns) expect(run.locale ?? document.metadata.locale).toBe(locale);
  });

  it('a message may have its own locale (a CSV row, a Rasa variant, a bot reply)', async () => {
    const csv = await parseContent({ file: 'a.csv', absolutePath: '/p/a.csv', text: 'message,lang\nHello,en\nHallo,de\n', channel: 'social' });
    expect(csv.metadata.locale).toBeUndefined();
    expect(csv.textRuns.map((run) => [run.text, run.locale])).toEqual([
      ['Hello', 'en'],
      ['Hallo', 'de'],
    ]);
    const rasa = await parseContent({
      file: 'domain.yml',
      absolutePath: '/p/domain.yml',
      text: 'metadata:\n  locale: en\nresponses:\n  utter_hi:\n  - text: Hi\n  - text: Hallo\n    metadata:\n      locale: de\n',
      channel: 'chatbot',
    });
    expect(rasa.messages.map((message) => message.locale)).toEqual([undefined, 'de']);
    expect(rasa.textRuns.map((run) => [run.text, run.locale])).toEqual([
      ['Hi', 'en'],
      ['Hallo', 'de'],
    ]);
  });
});
