import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import type { Channel } from '../../src/core/channels.js';
import { LineIndex } from '../../src/core/position.js';
import { LspPositions, toLspDiagnostic } from '../../src/cli/lsp/convert.js';
import { disableNextLineEdit } from '../../src/cli/lsp/disable-comment.js';

/** The language server's pieces that need no client: positions and "disable for this line" comments. */
describe('LSP positions', () => {
  it('0-based lines and UTF-16 characters, with \\n, \\r\\n and \\r line breaks, from the offset', () => {
    const text = 'a\r\n🥾 #1d4ed8\rb\nc';
    const lines = new LineIndex(text);
    const positions = new LspPositions(text);
    const start = text.indexOf('#1d4ed8');
    const range = positions.range(lines.rangeAt(start, start + 7));
    // The emoji is two UTF-16 code units, then a space.
    expect(range).toEqual({ start: { line: 1, character: 3 }, end: { line: 1, character: 10 } });
    expect(positions.position(lines.positionAt(text.indexOf('b')))).toEqual({ line: 2, character: 0 });
    expect(positions.position(lines.positionAt(text.indexOf('c')))).toEqual({ line: 3, character: 0 });
    expect(positions.offsetAt({ line: 1, character: 3 })).toBe(start);
    // Past the end of a line: the line's end, never the next line.
    expect(positions.offsetAt({ line: 0, character: 99 })).toBe(1);
    expect(positions.offsetAt({ line: 9, character: 0 })).toBe(text.length);
  });

  it('a diagnostic: severity, code, source; a whole-file problem at the start', () => {
    const positions = new LspPositions('x');
    const diagnostic = toLspDiagnostic({ ruleId: 'file/not-utf8', severity: 'warning', message: 'm', file: 'x', range: null }, positions, 0);
    expect(diagnostic).toMatchObject({ severity: 2, code: 'file/not-utf8', source: 'brandlint', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(diagnostic.codeDescription).toBeUndefined();
  });
});

async function disableComment(text: string, file: string, channel: Channel, needle: string): Promise<string | null> {
  const parse = (changed: string) => parseContent({ file, absolutePath: `/project/${file}`, text: changed, channel });
  const line = new LineIndex(text).positionAt(text.indexOf(needle)).line;
  const edit = await disableNextLineEdit(text, line, 'some-rule', (await parse(text)).format, parse, await parse(text));
  return edit?.text ?? null;
}

describe('disable-next-line comments in the syntax of the place', () => {
  it.each([
    ['HTML markup', 'emails/a.html', 'email', '<html><body>\n  <p style="color: #1d4ed8">Hi</p>\n</body></html>\n', 'color: #1d4ed8', '  <!-- brandlint-disable-next-line some-rule -->\n'],
    ['CSS inside <style>', 'index.html', 'landing', '<html><head><style>\n  p {\n    color: #1d4ed8;\n  }\n</style></head><body><p>Hi</p></body></html>\n', 'color: #1d4ed8', '    /* brandlint-disable-next-line some-rule */\n'],
    ['a stylesheet', 'site.css', 'landing', 'p {\n  color: #1d4ed8;\n}\n', 'color', '  /* brandlint-disable-next-line some-rule */\n'],
    ['YAML', 'bot/faq.yml', 'chatbot', 'responses:\n  utter_hi:\n    - text: "Hi there"\n', '- text', '    # brandlint-disable-next-line some-rule\n'],
    ['an LG file', 'bot/a.lg', 'chatbot', '# Greeting\n- Hi there\n', '- Hi', '> brandlint-disable-next-line some-rule\n'],
    ['Markdown', 'social/a.post.md', 'social', 'Hello world.\n\nSecond line here.\n', 'Second', '<!-- brandlint-disable-next-line some-rule -->\n'],
    ['AsciiDoc', 'docs/a.adoc', 'article', '= Title\n\nSome text here.\n', 'Some text', '// brandlint-disable-next-line some-rule\n'],
  ] as const)('%s', async (_name, file, channel, text, needle, expected) => {
    expect(await disableComment(text, file, channel as Channel, needle)).toBe(expected);
  });

  it('keeps \\r\\n line breaks', async () => {
    expect(await disableComment('p {\r\n  color: red;\r\n}\r\n', 'a.css', 'landing', 'color')).toBe('  /* brandlint-disable-next-line some-rule */\r\n');
  });

  it('none where no comment can go: JSON, the middle of a multi-line tag', async () => {
    expect(await disableComment('{\n  "responses": {\n    "hi": "Hi there"\n  }\n}\n', 'bot/a.bot.json', 'chatbot', '"hi"')).toBeNull();
    expect(await disableComment('<html><body>\n<p\n  style="color: #1d4ed8">Hi</p>\n</body></html>\n', 'emails/a.html', 'email', 'style=')).toBeNull();
  });
});
