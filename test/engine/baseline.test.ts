import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/position.js';
import { findingHash, LINE_CONTEXT } from '../../src/engine/baseline.js';

const at = (source: string, start: number, end: number) => ({ range: new LineIndex(source).rangeAt(start, end) });

/** The definition on lines shorter than LINE_CONTEXT: the flagged text and its whole line, trimmed. */
function byDefinition(source: string, start: number, end: number): string {
  const lineStart = Math.max(source.lastIndexOf('\n', start - 1), source.lastIndexOf('\r', start - 1)) + 1;
  const ends = [source.indexOf('\n', start), source.indexOf('\r', start)].filter((index) => index >= 0);
  const lineEnd = ends.length > 0 ? Math.min(...ends) : source.length;
  return createHash('sha256').update(source.slice(start, end)).update('\0').update(source.slice(lineStart, lineEnd).trim()).digest('hex').slice(0, 16);
}

describe('findingHash', () => {
  it('hashes the flagged text and its line, whatever the line breaks', () => {
    const pieces = ['a', 'b', ' ', '\t', '\n', '\r\n', '\r', 'cheap', 'é'];
    let seed = 3;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 300; round++) {
      let source = '';
      const length = 1 + next(60);
      while (source.length < length) source += pieces[next(pieces.length)];
      const start = next(source.length);
      const end = start + next(source.length - start + 1);
      expect(findingHash(at(source, start, end), source), JSON.stringify([source, start, end])).toBe(byDefinition(source, start, end));
    }
  });

  it('survives lines moved and re-indented', () => {
    const source = 'one\n  Buy cheap boots\nthree';
    const moved = 'zero\n\none\nthree\n\tBuy cheap boots  \n';
    expect(findingHash(at(moved, moved.indexOf('cheap'), moved.indexOf('cheap') + 5), moved)).toBe(findingHash(at(source, source.indexOf('cheap'), source.indexOf('cheap') + 5), source));
  });

  it('on a minified line, reads the line only as far as LINE_CONTEXT from the finding', () => {
    const line = `${'x'.repeat(3 * LINE_CONTEXT)}cheap${'y'.repeat(3 * LINE_CONTEXT)}`;
    const start = 3 * LINE_CONTEXT;
    const hash = findingHash(at(line, start, start + 5), line);
    const farAway = `z${line.slice(1, -1)}z`;
    expect(findingHash(at(farAway, start, start + 5), farAway)).toBe(hash);
    const near = `${line.slice(0, start - 10)}Z${line.slice(start - 9)}`;
    expect(findingHash(at(near, start, start + 5), near)).not.toBe(hash);
  });
});
