/**
 * Spans of a file (`[start, end)` offsets) that can be asked which of them overlap a range in
 * O(log n + hits), so that a question asked once per text run or declaration does not walk every
 * element of a large page again (that made 1 MB of HTML take a minute).
 */
export class IntervalIndex<T> {
  /** Items sorted by start (ties keep their input order). */
  private readonly items: Array<{ start: number; end: number; order: number; value: T }>;
  /** `maxEnd[i]`: the largest end among items `0..i`. */
  private readonly maxEnd: number[];

  constructor(spans: Iterable<{ start: number; end: number; value: T }>) {
    const items = [...spans].map((span, order) => ({ ...span, order }));
    items.sort((a, b) => a.start - b.start || a.order - b.order);
    this.items = items;
    this.maxEnd = [];
    let max = -Infinity;
    for (const item of items) {
      max = Math.max(max, item.end);
      this.maxEnd.push(max);
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** The values of the spans with `start < end` and `span.end > start`, in input order. */
  overlapping(start: number, end: number): T[] {
    // The last item starting before `end`; walk back while an earlier item can still reach `start`.
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.items[mid]!.start < end) low = mid + 1;
      else high = mid;
    }
    const hits: Array<{ order: number; value: T }> = [];
    for (let i = low - 1; i >= 0 && this.maxEnd[i]! > start; i--) {
      const item = this.items[i]!;
      if (item.end > start) hits.push(item);
    }
    if (hits.length > 1) hits.sort((a, b) => a.order - b.order);
    return hits.map((hit) => hit.value);
  }

  /** Whether any span overlaps `[start, end)`. */
  overlaps(start: number, end: number): boolean {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.items[mid]!.start < end) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0 && this.maxEnd[i]! > start; i--) {
      if (this.items[i]!.end > start) return true;
    }
    return false;
  }
}
