/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions, so `primay` is
 * one edit from `primary` and `pirmary` one too. With `limit`, it stops as soon as the
 * distance must exceed it (and returns a number above the limit).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const m = a.length;
  const n = b.length;
  // Only cells within `limit` of the diagonal can hold a distance up to the limit (a cell's
  // distance is at least |i - j|): the rest count as `over`.
  const band = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : Math.max(m, n);
  if (Math.abs(m - n) > band) return Math.abs(m - n);
  const over = band + 1;
  const width = n + 2;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  // Three rolling rows in one buffer: before-previous, previous, current.
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= n; j++) rows[previous + j] = j <= band ? j : over;
  rows[previous + n + 1] = over;
  for (let i = 1; i <= m; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(n, i + band);
    rows[current] = i;
    if (low > 1) rows[current + low - 1] = over;
    let rowMin = low > 1 ? over : i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = low; j <= high; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = rows[previous + j]! + 1;
      const left = rows[current + j - 1]! + 1;
      if (left < best) best = left;
      const diagonal = rows[previous + j - 1]! + cost;
      if (diagonal < best) best = diagonal;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const transposed = rows[beforePrevious + j - 2]! + 1;
        if (transposed < best) best = transposed;
      }
      rows[current + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (high < n) rows[current + high + 1] = over;
    if (rowMin > limit) return rowMin;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return rows[previous + n]!;
}

/** Scratch rows, reused from call to call (no state survives a call). */
let rows = new Int32Array(0);
