import { eastAsianWidth } from 'get-east-asian-width';
import type { Range } from '../core/position.js';
import { terminalCells } from '../core/terminal-text.js';

export interface CodeFrameOptions {
  /** Widest source excerpt shown, in characters (long lines, e.g. minified CSS, are cut around the range). */
  maxWidth?: number;
  /** Colors the gutter and the underline. */
  paint?: { gutter: (text: string) => string; marker: (text: string) => string };
}

/**
 * A compact code frame: the line where a range starts and a `^^^` underline of the range
 * (to the end of that line when the range goes on):
 *
 * ```
 *   3 | <p style="color: #ff0000">Hi</p>
 *     |                  ^^^^^^^
 * ```
 *
 * Leading indentation is dropped, tabs and control characters show as one space each, and a line
 * wider than `maxWidth` is cut around the range with `…`. Returns the lines without a final newline,
 * or null when the range is not in the source.
 */
export function codeFrame(source: string, range: Range, options: CodeFrameOptions = {}): string[] | null {
  const maxWidth = Math.max(20, options.maxWidth ?? 100);
  const start = range.start.offset;
  if (start < 0 || start > source.length) return null;
  let lineStart = start;
  while (lineStart > 0 && source[lineStart - 1] !== '\n' && source[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = start;
  while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
  const line = source.slice(lineStart, lineEnd);

  const column = start - lineStart;
  const endColumn = Math.max(column + 1, Math.min(range.end.offset, lineEnd) - lineStart);
  // Show from the first non-blank character (or the range, if it sits in the indentation).
  let from = Math.min(column, line.length - line.trimStart().length);
  let to = line.length;
  if (to - from > maxWidth) {
    // Keep a little context before the range, then as much as fits.
    from = Math.max(from, column - Math.floor(maxWidth / 3));
    to = Math.min(line.length, from + maxWidth);
  }
  const head = from > 0 && from > line.length - line.trimStart().length ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const excerpt = head + terminalCells(line.slice(from, to)) + tail;
  // Carets go under the terminal cells a character takes: two for CJK and other wide characters
  // (East Asian Width W/F), none for combining marks.
  const markerStart = head.length + displayWidth(terminalCells(line.slice(from, column)));
  const markerLength = Math.max(1, displayWidth(terminalCells(line.slice(column, Math.max(column, Math.min(endColumn, to))))));

  const paint = options.paint ?? { gutter: (text: string) => text, marker: (text: string) => text };
  const number = String(range.start.line);
  return [
    `${paint.gutter(`${number} |`)} ${excerpt}`.trimEnd(),
    `${paint.gutter(`${' '.repeat(number.length)} |`)} ${' '.repeat(markerStart)}${paint.marker('^'.repeat(markerLength))}`,
  ];
}

/** Combining marks, zero-width joiners and variation selectors take no cell of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;

/** The terminal cells a text takes: East Asian Wide and Fullwidth characters (CJK, most emoji) two, marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x300) width += 1;
    else if (!ZERO_WIDTH.test(char)) width += eastAsianWidth(codePoint);
  }
  return width;
}
