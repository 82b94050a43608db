import { describe, expect, it } from 'vitest';
import { parse } from '../../test/channels/helpers.js';
import { messageTexts } from './message-text.js';

describe('messageTexts', () => {
  const html = '<html><head><title>Trail season</title></head><body><h1>New {{ product }}</h1>\n<p>Boots &amp; packs</p></body></html>';

  it('assembles the runs of the scopes per message, template tags marked', async () => {
    const document = await parse(html);
    const [page] = messageTexts(document, ['heading', 'body']);
    expect(page!.text).toBe('New {{ product }}\nBoots & packs');
    expect(page!.templateStarts).toEqual([4]);
    expect(page!.template.slice(3, 6)).toEqual([false, true, true]);
  });

  it('assembles once per document and scope set, whatever the order of the scopes', async () => {
    const document = await parse(html);
    const first = messageTexts(document, ['heading', 'body']);
    expect(messageTexts(document, ['body', 'heading'])).toBe(first);
    expect(messageTexts(document, ['title'])).not.toBe(first);
    expect(messageTexts(await parse(html), ['heading', 'body'])).not.toBe(first);
  });
});
