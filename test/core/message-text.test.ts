import { describe, expect, it } from 'vitest';
import { parse } from '../../test/channels/helpers.js';
import { SourceCode } from '../../src/core/source-code.js';

describe('SourceCode.messageTexts', () => {
  const html = '<html><head><title>Trail season</title></head><body><h1>New {{ product }}</h1>\n<p>Boots &amp; packs</p></body></html>';

  it('assembles the runs of the scopes per message, template tags marked', async () => {
    const document = await parse(html);
    const [page] = new SourceCode(document).messageTexts(['heading', 'body']);
    expect(page!.text).toBe('New {{ product }}\nBoots & packs');
    expect(page!.templateStarts).toEqual([4]);
    expect(page!.template.slice(3, 6)).toEqual([false, true, true]);
  });

  it('assembles once per document and scope set, whatever the order of the scopes', async () => {
    const document = await parse(html);
    const source = new SourceCode(document);
    const first = source.messageTexts(['heading', 'body']);
    expect(source.messageTexts(['body', 'heading'])).toBe(first);
    expect(source.messageTexts(['title'])).not.toBe(first);
    expect(new SourceCode(await parse(html)).messageTexts(['heading', 'body'])).not.toBe(first);
  });
});
