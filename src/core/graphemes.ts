/**
 * Grapheme clusters (user-perceived characters) as `Intl.Segmenter` gives them, in linear time:
 * what channel limits count and what the emoji count of rule packs reads.
 */
import { isIdeographOrKana } from './prose.js';

let graphemeSegmenter: Intl.Segmenter | undefined;

/** Grapheme clusters of `text` with their start index (an emoji, a flag, `é` written as e + accent: one each). */
export function graphemes(text: string, piece = GRAPHEME_PIECE): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  eachGrapheme(text, (start, end) => out.push({ start, end, text: text.slice(start, end) }), piece);
  return out;
}

/**
 * Calls `visit` with the start and end of each grapheme cluster of `text`, in order, as
 * `Intl.Segmenter` gives them, without an object per character (measures walk every character of
 * every message).
 *
 * Characters that never join another (see {@link isLoneGraphemeCharacter}) are a cluster each,
 * except CR LF. Only the stretches of other characters (an emoji, an accent, a script with
 * clusters) are segmented, each in a window from the lone character before it (which an accent
 * or a joiner may extend) to two lone characters after it: the boundary between two lone
 * characters is certain, and no rule of UAX #29 looks back past one.
 */
export function eachGrapheme(text: string, visit: (start: number, end: number) => void, piece = GRAPHEME_PIECE): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    let next = at;
    while (next < length && isLoneGraphemeCharacter(text.charCodeAt(next))) next++;
    if (next === length) {
      eachLoneCharacter(text, at, length, visit);
      return;
    }
    let from = next > at ? next - 1 : next;
    // CR LF is one cluster: the window takes both.
    if (from > at && text.charCodeAt(from) === 10 && text.charCodeAt(from - 1) === 13) from--;
    eachLoneCharacter(text, at, from, visit);
    let to = next;
    for (;;) {
      while (to < length && !isLoneGraphemeCharacter(text.charCodeAt(to))) to++;
      if (to >= length - 1) {
        to = length;
        break;
      }
      const after = text.charCodeAt(to + 1);
      to++;
      if (isLoneGraphemeCharacter(after) && !(after === 10 && text.charCodeAt(to - 1) === 13)) break;
    }
    segmentGraphemes(text, from, to, visit, piece);
    at = to;
  }
}

/** Characters handed to the grapheme segmenter at a time (V8's costs more per cluster the longer the text). */
const GRAPHEME_PIECE = 4096;

/**
 * The clusters of `text[from, to)` from `Intl.Segmenter`; a long stretch in pieces: cut between
 * two {@link isPlainWideCharacter}s (a Chinese paragraph), where a boundary is certain, or else
 * (Thai, Devanagari: scripts with clusters of their own) a window of two pieces at a time, taking
 * the clusters that end before its last quarter; the next window starts where the last one taken
 * ends, a boundary from which the segmenter goes on as it would have.
 */
function segmentGraphemes(text: string, from: number, to: number, visit: (start: number, end: number) => void, piece = GRAPHEME_PIECE): void {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let start = from;
  while (start < to) {
    let end = to;
    if (to - start > piece * 2) {
      end = start + piece;
      const limit = start + piece * 2;
      while (end < limit && !(isPlainWideCharacter(text.charCodeAt(end - 1)) && isPlainWideCharacter(text.charCodeAt(end)))) end++;
      if (end === limit) {
        const keep = limit - (piece >> 1);
        let taken = start;
        for (const { segment, index } of graphemeSegmenter.segment(text.slice(start, limit))) {
          if (start + index + segment.length > keep) break;
          visit(start + index, start + index + segment.length);
          taken = start + index + segment.length;
        }
        // No cluster ended in it: the first is longer than the window (a letter with thousands of marks).
        start = taken > start ? taken : firstLongCluster(text, start, to, limit, visit);
        continue;
      }
    }
    for (const { segment, index } of graphemeSegmenter.segment(text.slice(start, end))) visit(start + index, start + index + segment.length);
    start = end;
  }
}

/** Visits the cluster at `start`, longer than `[start, limit)`, looking at twice as much text each time; returns its end. */
function firstLongCluster(text: string, start: number, to: number, limit: number, visit: (start: number, end: number) => void): number {
  for (let end = Math.min(to, start + (limit - start) * 2); ; end = Math.min(to, start + (end - start) * 2)) {
    const first = graphemeSegmenter!.segment(text.slice(start, end))[Symbol.iterator]().next();
    const length = first.done ? end - start : first.value.segment.length;
    // A cluster that reaches the end of what was looked at may go on past it.
    if (start + length < end || end === to) {
      visit(start, start + length);
      return start + length;
    }
  }
}

/**
 * CJK ideographs, kana letters, Hangul syllables and full-width punctuation: UAX #29 class Other
 * (or LV/LVT, which join no syllable that follows): between two of them a cluster always ends,
 * and no rule looking back from later in the text reaches past one.
 */
function isPlainWideCharacter(code: number): boolean {
  return (
    isIdeographOrKana(code) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x3001 && code <= 0x3003) ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

/** The clusters of `text[from, to)`, whose characters all stand alone (CR LF: one cluster). */
function eachLoneCharacter(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  for (let at = from; at < to; at++) {
    const end = text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 && at + 1 < to ? at + 2 : at + 1;
    visit(at, end);
    at = end - 1;
  }
}

/**
 * Characters that neither extend nor join another and that nothing extends but a combining mark,
 * ZWJ or variation selector (UAX #29 classes Other and Control): ASCII, Latin-1, Latin Extended
 * and IPA (combining marks start at U+0300), the punctuation of U+2010-U+2027 and U+2030-U+205E
 * (dashes, typographic quotes, ellipsis, ‰, ‼), currency signs and ™.
 */
export function isLoneGraphemeCharacter(code: number): boolean {
  return code < 0x300 || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e) || (code >= 0x20a0 && code <= 0x20c0) || code === 0x2122;
}
