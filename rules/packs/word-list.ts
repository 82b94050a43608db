/**
 * A list of words, one a line, searched in place: the text is kept as read and only the offsets
 * of its lines are indexed, so asking whether a word is listed costs a binary search, and loading
 * the English list (~275,000 words) costs one pass over its text instead of a Set of 275,000
 * strings (about 0.3 s and tens of megabytes in every process that lints English).
 */
export class SortedWordList {
  /** Start offsets of the lines in code-unit order (lines out of order are in `unsorted`). */
  private readonly starts: Uint32Array;
  private readonly count: number;
  /** Lines that break the list's order (a list sorted by hand has a few): looked up in a Set. */
  private readonly unsorted = new Set<string>();

  /**
   * A list written sorted in code-unit order and without repeats (the build's dist/english-words
   * files): its line starts are found with `indexOf`, without comparing each line with the one
   * before it, which costs a one-file run milliseconds per letter looked up.
   */
  static ofSortedLines(text: string): SortedWordList {
    const starts = new Uint32Array(countLines(text));
    let count = 0;
    for (let lineStart = 0; lineStart <= text.length; ) {
      const end = text.indexOf('\n', lineStart);
      const lineEnd = end < 0 ? text.length : end;
      if (lineEnd > lineStart) starts[count++] = lineStart;
      lineStart = lineEnd + 1;
    }
    return new SortedWordList(text, { starts, count });
  }

  constructor(
    private readonly text: string,
    indexed?: { starts: Uint32Array; count: number },
  ) {
    if (indexed) {
      this.starts = indexed.starts;
      this.count = indexed.count;
      return;
    }
    const starts = new Uint32Array(countLines(text));
    let count = 0;
    let previous = -1;
    let lineStart = 0;
    for (let at = 0; at <= text.length; at++) {
      if (at < text.length && text.charCodeAt(at) !== 10) continue;
      if (at > lineStart) {
        if (previous >= 0 && compareAt(text, previous, lineStart) >= 0) {
          // Out of order (or repeated): kept aside so the rest stays searchable.
          this.unsorted.add(text.slice(lineStart, at));
        } else {
          starts[count++] = lineStart;
          previous = lineStart;
        }
      }
      lineStart = at + 1;
    }
    this.starts = starts;
    this.count = count;
  }

  has(word: string): boolean {
    if (word === '' || word.includes('\n')) return false;
    if (this.unsorted.has(word)) return true;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const order = compareWord(this.text, this.starts[mid]!, word);
      if (order === 0) return true;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** Code-unit order of the lines starting at `a` and `b` of `text`. */
function compareAt(text: string, a: number, b: number): number {
  for (;;) {
    const x = a < text.length ? text.charCodeAt(a) : 10;
    const y = b < text.length ? text.charCodeAt(b) : 10;
    if (x === 10 || y === 10) return x === y ? 0 : x === 10 ? -1 : 1;
    if (x !== y) return x - y;
    a++;
    b++;
  }
}

/** Code-unit order of the line starting at `start` and `word`. */
function compareWord(text: string, start: number, word: string): number {
  for (let i = 0; ; i++) {
    const at = start + i;
    const x = at < text.length ? text.charCodeAt(at) : 10;
    if (i === word.length) return x === 10 ? 0 : 1;
    if (x === 10) return -1;
    const y = word.charCodeAt(i);
    if (x !== y) return x - y;
  }
}
