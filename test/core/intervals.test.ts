import { describe, expect, it } from 'vitest';
import { IntervalIndex } from '../../src/core/intervals.js';

/** Every span overlapping a query, in input order: the same answer as a scan of every span. */
describe('IntervalIndex', () => {
  const spans = [
    { start: 10, end: 20, value: 'a' },
    { start: 0, end: 100, value: 'outer' },
    { start: 15, end: 16, value: 'b' },
    { start: 30, end: 30, value: 'empty' },
    { start: 40, end: 50, value: 'c' },
  ];
  const index = new IntervalIndex(spans);
  const scan = (start: number, end: number) => spans.filter((span) => span.start < end && span.end > start).map((span) => span.value);

  it.each([
    [0, 5],
    [12, 13],
    [15, 16],
    [20, 40],
    [30, 31],
    [49, 60],
    [100, 120],
    [-5, 0],
  ])('overlapping(%i, %i) is what a scan finds', (start, end) => {
    expect(index.overlapping(start, end)).toEqual(scan(start, end));
    expect(index.overlaps(start, end)).toBe(scan(start, end).length > 0);
  });

  it('agrees with a scan on random spans and queries', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const many = Array.from({ length: 300 }, (_, i) => {
      const start = random(1000);
      return { start, end: start + random(60), value: i };
    });
    const big = new IntervalIndex(many);
    for (let q = 0; q < 300; q++) {
      const start = random(1000);
      const end = start + random(40);
      expect(big.overlapping(start, end)).toEqual(many.filter((s) => s.start < end && s.end > start).map((s) => s.value));
    }
  });
});
