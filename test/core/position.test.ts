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

/** Line and column of every offset, counted one character at a time (the reference). */
function naivePositions(text: string): string[] {
  const out: string[] = [];
  let line = 1;
  let column = 1;
  for (let offset = 0; offset <= text.length; offset++) {
    out.push(`${line}:${column}`);
    const code = text.charCodeAt(offset);
    if (code === 10 || (code === 13 && text.charCodeAt(offset + 1) !== 10)) {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

function positions(text: string): string[] {
  const lines = new LineIndex(text);
  return Array.from({ length: text.length + 1 }, (_, offset) => {
    const position = lines.positionAt(offset);
    return `${position.line}:${position.column}`;
  });
}

describe('LineIndex: lines end at \\n, \\r\\n and a lone \\r', () => {
  it.each([
    ['empty', ''],
    ['one line', 'abc'],
    ['\\n', 'a\nb\n'],
    ['\\r\\n', 'a\r\nb\r\n'],
    ['lone \\r', 'a\rb\r'],
    ['mixed', 'a\r\n\rb\n\r\nc'],
    ['blank lines', '\n\n\n'],
  ])('%s', (_name, text) => {
    expect(positions(text)).toEqual(naivePositions(text));
  });

  it('agrees with counting characters on random texts of line ends', () => {
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', ' ', '😀'];
    let seed = 7;
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < round % 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      expect(positions(text)).toEqual(naivePositions(text));
    }
  });

  it('offsetAt finds a line start and clamps past the end', () => {
    const lines = new LineIndex('ab\ncd\r\nef');
    expect([lines.offsetAt(1, 1), lines.offsetAt(2, 2), lines.offsetAt(3, 1), lines.offsetAt(4, 1), lines.offsetAt(2, 99)]).toEqual([0, 4, 7, 9, 9]);
  });

  it('positionAt clamps offsets outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    expect([lines.positionAt(-5), lines.positionAt(99)]).toEqual([{ line: 1, column: 1, offset: 0 }, { line: 2, column: 3, offset: 5 }]);
  });
});
