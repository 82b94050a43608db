/** A place in a source file. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Position {
  line: number;
  column: number;
  offset: number;
  /**
   * The page (1-based) of a paged document (a PDF): `line` is then the line of text on that
   * page and `offset` an index into the text brandlint read from the file.
   */
  page?: number;
}

/** A half-open span `[start, end)` in a source file. */
export interface Range {
  start: Position;
  end: Position;
}

/** Whether `offset` falls between the two halves of a surrogate pair of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Maps UTF-16 offsets of one text to 1-based line/column positions.
 * Built once per file (O(n)); each lookup is a binary search over line starts.
 */
export class LineIndex {
  private readonly lineStarts: Uint32Array;

  constructor(private readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  get length(): number {
    return this.text.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    return { line: low + 1, column: clamped - lineStart + 1, offset: clamped };
  }

  /**
   * The range `[startOffset, endOffset)`. Its ends never split a surrogate pair: a "one
   * character" range a parser reports at an emoji (offset + 1) covers the whole emoji, so code
   * frames, fixes and columns never cut a character in half.
   */
  rangeAt(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(this.rangeStartAt(startOffset)), end: this.positionAt(this.rangeEndAt(endOffset)) };
  }

  /** The offset where {@link rangeAt} starts a range given `offset`: in the text, never inside a surrogate pair. */
  rangeStartAt(offset: number): number {
    return Math.max(0, Math.min(splitsSurrogatePair(this.text, offset) ? offset - 1 : offset, this.text.length));
  }

  /** The offset where {@link rangeAt} ends a range given `offset`: in the text, never inside a surrogate pair. */
  rangeEndAt(offset: number): number {
    return Math.max(0, Math.min(splitsSurrogatePair(this.text, offset) ? offset + 1 : offset, this.text.length));
  }

  offsetAt(line: number, column: number): number {
    const lineStart = this.lineStarts[line - 1];
    if (lineStart === undefined) return this.text.length;
    return Math.min(lineStart + column - 1, this.text.length);
  }
}

/**
 * The offset where each line of `text` starts (`\n`, `\r\n` and a lone `\r` end a line). A text
 * without `\r` is searched with `indexOf`, which skips to the next line end at native speed, twice:
 * once to count the lines and once to write them to an array of that size. Every file gets one,
 * and a growing array of numbers was most of what building it cost.
 */
function lineStartsOf(text: string): Uint32Array {
  if (!text.includes('\r')) {
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    const starts = new Uint32Array(count);
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    return starts;
  }
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */) starts.push(i + 1);
    else if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/**
 * Lines of a text made of pages (the text read from a PDF): a position names its page and the
 * line on that page. `pageStarts` are the offsets where pages begin, ascending, the first 0.
 */
export class PagedLineIndex extends LineIndex {
  private readonly pageLines: number[];

  constructor(
    text: string,
    private readonly pageStarts: readonly number[],
  ) {
    super(text);
    // The global line where each page begins.
    this.pageLines = pageStarts.map((start) => super.positionAt(start).line);
  }

  override positionAt(offset: number): Position {
    const position = super.positionAt(offset);
    let page = 0;
    while (page + 1 < this.pageStarts.length && this.pageStarts[page + 1]! <= position.offset) page++;
    return { line: position.line - (this.pageLines[page] ?? 1) + 1, column: position.column, offset: position.offset, page: page + 1 };
  }

  override offsetAt(line: number, column: number, page = 1): number {
    return super.offsetAt(line + (this.pageLines[page - 1] ?? 1) - 1, column);
  }
}
