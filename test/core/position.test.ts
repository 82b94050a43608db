import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import { LineIndex, splitsSurrogatePair } from '../../src/core/position.js';

describe('ranges never split a surrogate pair (found by the fuzzer, issue 11)', () => {
  it('rangeAt widens an end or start inside a pair to the whole character', () => {
    const lines = new LineIndex('a😀b');
    expect(lines.rangeAt(1, 2)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 4, offset: 3 } });
    expect(lines.rangeAt(2, 4)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 5, offset: 4 } });
    expect(lines.rangeAt(0, 1)).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } });
    expect([splitsSurrogatePair('😀', 0), splitsSurrogatePair('😀', 1), splitsSurrogatePair('😀', 2)]).toEqual([false, true, false]);
    expect(splitsSurrogatePair('\ud800x', 1)).toBe(false);
  });

  it.each([
    ['a CSS syntax error at an emoji', 'site.css', 'landing', '\u{10000}'],
    ['a style block with an emoji', 'a.html', 'email', '<style>\u{10000}</style>'],
    ['a bot script that is one emoji', 'a.bot.yml', 'chatbot', '\u{10000}'],
    ['an .eml that is one emoji', 'a.eml', 'email', '\u{10000}'],
  ] as const)('%s: the parse problem covers the whole emoji', async (_name, file, channel, text) => {
    const document = await parseContent({ file, absolutePath: `/x/${file}`, text, channel });
    expect(document.parseProblems.length).toBeGreaterThan(0);
    for (const problem of document.parseProblems) {
      for (const offset of [problem.range!.start.offset, problem.range!.end.offset]) expect(splitsSurrogatePair(text, offset)).toBe(false);
    }
  });
});
