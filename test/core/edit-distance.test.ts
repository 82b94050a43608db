import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/core/edit-distance.js';

/** The plain dynamic programme (every cell), as the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it.each([
    ['primay', 'primary', 1],
    ['pirmary', 'primary', 1],
    ['--color-brnad', '--color-brand', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['--bs-primary', '--bs-primary', 0],
  ])('%s -> %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(a, b, distance)).toBe(distance);
    if (distance > 0) expect(editDistance(a, b, distance - 1)).toBeGreaterThan(distance - 1);
  });

  it('with a limit, gives the exact distance when it is within the limit and a number above the limit otherwise', () => {
    // A fixed pseudo-random sequence: custom-property-like names over a small alphabet, so that many pairs are close.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (): string => `--${Array.from({ length: 1 + next(14) }, () => 'abcde-'[next(6)]).join('')}`;
    for (let trial = 0; trial < 3000; trial++) {
      const a = word();
      const b = next(3) === 0 ? a.slice(0, next(a.length + 1)) + 'abcde'[next(5)] + a.slice(next(a.length + 1)) : word();
      const exact = reference(a, b);
      expect(editDistance(a, b)).toBe(exact);
      for (const limit of [0, 1, 2, 3, 5]) {
        const found = editDistance(a, b, limit);
        if (exact <= limit) expect(found).toBe(exact);
        else expect(found).toBeGreaterThan(limit);
      }
    }
  });
});
