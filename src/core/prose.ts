/**
 * Prose as voice rules see it: the text runs of a document grouped per message, each with its
 * locale, and with everything that is not prose masked out (URLs, email addresses, bare
 * domains, template tags, inline code, hashtags, @mentions). Masked characters become spaces,
 * so a masked run has the same length as the original and every offset maps back to the file
 * through the run's source map (`rangeInRun`).
 *
 * Words and sentences come from `Intl.Segmenter` in the run's locale, so a brand name is a word
 * inside Chinese or Japanese text written without spaces (`欢迎来到NorthWind商店`), and a hashtag
 * is one token that is never split into words.
 */
import { allMatches } from './all-matches.js';
import type { ContentDocument, Message, ProseScope, TextRun } from './document.js';
import { rangeInRun } from './document.js';
import type { Range } from './position.js';

/** What a masked span is. */
export type MaskKind = 'url' | 'email' | 'domain' | 'template' | 'code' | 'hashtag' | 'mention';

/** A span of a run that is not prose; offsets into `run.text`. */
export interface ProseMask {
  kind: MaskKind;
  start: number;
  end: number;
  /** The original text of the span (`#CloudPack`, `https://...`). */
  text: string;
}

/**
 * A text run ready for voice rules, with its words and sentences computed on first use and
 * shared by every rule that reads the run (one segmentation per run, not one per rule).
 */
export class ProseRun {
  #words: ProseSpan[] | undefined;
  #boundaries: Uint8Array | undefined;
  #sentences: ProseSpan[] | undefined;
  #sentenceWords: ProseSpan[][] | undefined;
  #lowerText: string | undefined;

  constructor(
    readonly run: TextRun,
    readonly scope: ProseScope,
    /** Resolved BCP 47 locale (see {@link resolveLocale}). */
    readonly locale: string,
    /**
     * `run.text` with every masked span replaced by spaces: same length, same offsets. When an
     * inline element with its own `lang` splits a run, each part is a ProseRun of its own whose
     * text outside the part is spaces too.
     */
    readonly text: string,
    /** Masked spans within the part, in text order, not overlapping. */
    readonly masks: ProseMask[],
  ) {}

  /** The words (word-like segments of the masked text), in order. */
  get words(): readonly ProseSpan[] {
    if (!this.#words) this.#segmentWords();
    return this.#words!;
  }

  /** Whether a word may start or end at `offset` (a segment boundary of the masked text). */
  isWordBoundary(offset: number): boolean {
    if (!this.#boundaries) this.#segmentWords();
    return this.#boundaries![offset] === 1;
  }

  /** The sentences, trimmed, without the ones that are only masked text or punctuation. */
  get sentences(): readonly ProseSpan[] {
    if (this.#sentences) return this.#sentences;
    const sentences: ProseSpan[] = [];
    eachSentence(this.text, this.locale, (segmentStart, segmentEnd) => {
      const raw = this.text.slice(segmentStart, segmentEnd);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) return;
      const start = segmentStart + lead;
      sentences.push({ text, start, end: start + text.length });
    });
    return (this.#sentences = sentences);
  }

  /** The words that lie wholly inside each sentence, one list per entry of {@link sentences}. */
  get sentenceWords(): readonly (readonly ProseSpan[])[] {
    if (this.#sentenceWords) return this.#sentenceWords;
    // Words and sentences are both in text order: one merge, not a filter per sentence.
    const words = this.words;
    const out: ProseSpan[][] = [];
    let at = 0;
    for (const sentence of this.sentences) {
      while (at < words.length && words[at]!.start < sentence.start) at++;
      const inside: ProseSpan[] = [];
      while (at < words.length && words[at]!.end <= sentence.end) inside.push(words[at++]!);
      out.push(inside);
    }
    return (this.#sentenceWords = out);
  }

  /**
   * The masked text in lower case, with every character that a case-insensitive pattern matches
   * to an ASCII letter written as that letter (`ſ` as `s`): a pattern whose
   * {@link requiredLiteral} is not in it cannot match the run.
   */
  get lowerText(): string {
    this.#lowerText ??= this.text.toLowerCase().replace(/ſ/g, 's');
    return this.#lowerText;
  }

  /** One pass of the word segmenter gives both the words and the boundaries. */
  #segmentWords(): void {
    const words: ProseSpan[] = [];
    const boundaries = new Uint8Array(this.text.length + 1);
    boundaries[0] = 1;
    boundaries[this.text.length] = 1;
    const { text } = this;
    scanWords(text, this.locale, (start, end, isWordLike) => {
      boundaries[start] = 1;
      if (isWordLike) words.push({ text: text.slice(start, end), start, end });
    });
    this.#words = words;
    this.#boundaries = boundaries;
  }
}

/** Characters of text segmented at a time: V8's word segmenter slows down with the length of what it segments. */
const WORD_CHUNK = 2048;

/**
 * The word segments of a text, as `Intl.Segmenter` gives them, in linear time (see
 * {@link scanWords}).
 */
export function* segmentWords(text: string, locale: string, window = WORD_WINDOW): Generator<{ segment: string; index: number; isWordLike: boolean }> {
  const out: Array<{ segment: string; index: number; isWordLike: boolean }> = [];
  scanWords(text, locale, (start, end, isWordLike) => out.push({ segment: text.slice(start, end), index: start, isWordLike }), window);
  yield* out;
}

/**
 * Calls `visit` with each word segment of `text` (start, end, whether it is word-like), in order,
 * exactly as `Intl.Segmenter` segments the whole text. Stretches of Latin text (ASCII, Latin-1,
 * Latin letters and the common typographic punctuation) are segmented here (UAX #29 reduced to
 * those characters, see {@link scanLatinWords}); only the stretches around other characters go to
 * the segmenter, whose word rules take ICU ~20 ms to load. Stretches are cut where UAX #29 always
 * puts a boundary, whatever the language: after ASCII whitespace and before an ASCII letter or digit.
 */
function scanWords(text: string, locale: string, visit: (start: number, end: number, isWordLike: boolean) => void, window = WORD_WINDOW): void {
  const length = text.length;
  if (TAILORED_WORD_LOCALE.test(locale)) {
    scanWordsIntl(text, 0, length, locale, visit, window);
    return;
  }
  const table = latinWordBreakTable();
  let at = 0;
  while (at < length) {
    let other = at;
    while (other < length) {
      const code = text.charCodeAt(other);
      if (code >= LATIN_TABLE_SIZE || table[code] === WB.Unsupported) break;
      other++;
    }
    if (other === length) {
      scanLatinWords(text, at, length, table, visit);
      return;
    }
    let from = other;
    while (from > at && !isAsciiCut(text, from)) from--;
    let to = other + 1;
    while (to < length && !isAsciiCut(text, to)) to++;
    if (from > at) scanLatinWords(text, at, from, table, visit);
    scanWordsIntl(text, from, to, locale, visit, window);
    at = to;
  }
}

/** Whether `at` follows ASCII whitespace and precedes an ASCII letter or digit: a word boundary in every language. */
function isAsciiCut(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) return false;
  const before = text.charCodeAt(at - 1);
  return before === 32 || (before >= 9 && before <= 13);
}

/**
 * The longest piece of text the word segmenter is given. V8's segmenter is linear up to 65,535
 * characters and then costs time in proportion to the text for every segment (mostly in the
 * kernel): 70,000 characters of Thai or Chinese written without spaces took 15-28 s.
 */
const WORD_WINDOW = 16384;
/**
 * Segments ending this close to the end of a window are not taken from it: the segmenter had not
 * seen enough of what follows them (a dictionary of Thai, Lao, Khmer, Myanmar or Chinese words
 * looks a few words ahead; in test/core/prose-segmentation.test.ts 8 characters were too few for
 * Thai, Khmer and Burmese and 32 enough). The next window starts at the last segment taken.
 */
const WORD_WINDOW_MARGIN = 1024;

/**
 * `Intl.Segmenter`'s word segments of `[from, to)` of a text, a long text in pieces (V8 costs more
 * per segment the longer the text). Pieces are cut where no rule joins across (see
 * {@link endsWordForSure}); a stretch with no such place within a window (a script written without
 * spaces) is segmented a window at a time, each taking the segments that end before its margin.
 */
function scanWordsIntl(text: string, from: number, to: number, locale: string, visit: (start: number, end: number, isWordLike: boolean) => void, window = WORD_WINDOW): void {
  const segmenter = segmenterFor(locale, 'word');
  const chunk = Math.min(WORD_CHUNK, window >> 1);
  let start = from;
  while (start < to) {
    let end = to - start <= chunk * 2 ? to : safeWordCut(text, start + chunk, Math.min(to, start + window));
    if (end < 0 && to - start <= window) end = to;
    if (end < 0) {
      const taken = scanWindow(segmenter, text, start, start + window, start + window - Math.min(WORD_WINDOW_MARGIN, window >> 2), visit);
      if (taken > start) {
        start = taken;
        continue;
      }
      // One segment longer than the window: up to the next safe cut, however far.
      end = safeWordCut(text, start + window, to);
      if (end < 0) end = to;
    }
    const piece = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const segment of segmenter.segment(piece)) {
      visit(segment.index + start, segment.index + start + segment.segment.length, segment.isWordLike === true);
    }
    start = end;
  }
}

/** Visits the segments of `[start, end)` that end at or before `keep`; returns where the last one ends (`start` when none does). */
function scanWindow(segmenter: Intl.Segmenter, text: string, start: number, end: number, keep: number, visit: (start: number, end: number, isWordLike: boolean) => void): number {
  let taken = start;
  for (const segment of segmenter.segment(text.slice(start, end))) {
    const segmentEnd = start + segment.index + segment.segment.length;
    if (segmentEnd > keep) break;
    visit(start + segment.index, segmentEnd, segment.isWordLike === true);
    taken = segmentEnd;
  }
  return taken;
}

/** Word_Break classes (UAX #29) of the characters the fast path segments, as far as it needs them. */
const WB = {
  Other: 0,
  Letter: 1,
  Numeric: 2,
  /** `.`, `'`, `‘` and `’` (MidNumLet, Single_Quote): join letters to letters and digits to digits. */
  MidNumLet: 3,
  /** `,` and `;`: join digits to digits. */
  MidNum: 4,
  Space: 5,
  CR: 6,
  /** LF, VT, FF: a segment of their own. */
  Newline: 7,
  /**
   * Left to `Intl.Segmenter`: `_` (ExtendNumLet), `:` and `·` (MidLetter, in some tailorings),
   * marks, format characters and joiners (Extend, Format, ZWJ), spaces that join (WSegSpace,
   * U+202F), C1 controls (NEL is a line break) and every character not listed in the table.
   */
  Unsupported: 8,
} as const;

/** The table covers U+0000 to U+212F (Latin letters, general punctuation, `€`, `™`). */
const LATIN_TABLE_SIZE = 0x2130;

let latinWordBreak: Uint8Array | undefined;

/**
 * The Word_Break class of each character below {@link LATIN_TABLE_SIZE}, built on first use:
 * ASCII, Latin-1, the Latin Extended-A and -B and IPA letters, and the dashes, quotation marks,
 * bullets and ellipsis of typeset text (all Other, but `‘` and `’`, MidNumLet as `'`); the rest
 * is Unsupported. (Checked against `Intl.Segmenter` on random text in
 * test/core/prose-segmentation.test.ts.)
 */
function latinWordBreakTable(): Uint8Array {
  if (latinWordBreak) return latinWordBreak;
  const table = new Uint8Array(LATIN_TABLE_SIZE).fill(WB.Unsupported);
  table.fill(WB.Other, 0, 0x80);
  // Latin-1: symbols and punctuation are Other; the ordinal indicators, the micro sign and the
  // cedilla (ALetter in UAX #29's data) are letters.
  table.fill(WB.Other, 0xa0, 0xc0);
  table.fill(WB.Letter, 0xc0, 0x250);
  for (const code of [0xaa, 0xb5, 0xb8, 0xba]) table[code] = WB.Letter;
  for (const code of [0xd7, 0xf7]) table[code] = WB.Other;
  // Soft hyphen (Format) and middle dot (MidLetter).
  for (const code of [0xad, 0xb7]) table[code] = WB.Unsupported;
  // IPA letters.
  table.fill(WB.Letter, 0x250, 0x2b0);
  // ‐ – — ‚ “ ” „ † ‡ • … ‰ ‹ › € ™
  for (const code of [0x2010, 0x2013, 0x2014, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122]) table[code] = WB.Other;
  for (const code of [0x2018, 0x2019]) table[code] = WB.MidNumLet;
  const classes: ReadonlyArray<readonly [string, number]> = [
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', WB.Letter],
    ['0123456789', WB.Numeric],
    [".'", WB.MidNumLet],
    [',;', WB.MidNum],
    [' ', WB.Space],
    ['\r', WB.CR],
    ['\n\v\f', WB.Newline],
    ['_:', WB.Unsupported],
  ];
  for (const [characters, kind] of classes) for (const character of characters) table[character.charCodeAt(0)] = kind;
  return (latinWordBreak = table);
}

/** Locales whose word rules ICU tailors (POSIX: `.` ends a word); they keep `Intl.Segmenter`. */
const TAILORED_WORD_LOCALE = /posix/i;

/**
 * The word segments of `[from, to)` of a text of characters the table supports, where `from` and
 * `to` are boundaries. For such text the rules of UAX #29 reduce to: letters and digits join into
 * one word, also across a `.`, `'`, `‘` or `’` between two letters and across those, `,` or `;`
 * between two digits; a run of spaces is one segment, CR LF is one, and every other character is
 * a segment of its own. A segment is word-like when it holds a letter or digit.
 * (Checked against `Intl.Segmenter` on random text in test/core/prose-segmentation.test.ts.)
 */
function scanLatinWords(text: string, from: number, to: number, table: Uint8Array, visit: (start: number, end: number, isWordLike: boolean) => void): void {
  let start = from;
  while (start < to) {
    const kind = table[text.charCodeAt(start)]!;
    let end = start + 1;
    if (kind === WB.Letter || kind === WB.Numeric) {
      while (end < to) {
        const next = table[text.charCodeAt(end)]!;
        if (next === WB.Letter || next === WB.Numeric) {
          end++;
          continue;
        }
        // A middle character joins when the same class surrounds it (WB6/7 for letters, WB11/12 for digits).
        if ((next === WB.MidNumLet || next === WB.MidNum) && end + 1 < to) {
          const before = table[text.charCodeAt(end - 1)]!;
          const after = table[text.charCodeAt(end + 1)]!;
          if ((before === WB.Letter && after === WB.Letter && next === WB.MidNumLet) || (before === WB.Numeric && after === WB.Numeric)) {
            end += 2;
            continue;
          }
        }
        break;
      }
    } else if (kind === WB.Space) {
      while (end < to && text.charCodeAt(end) === 32) end++;
    } else if (kind === WB.CR && end < to && text.charCodeAt(end) === 10) {
      end++;
    }
    visit(start, end, kind === WB.Letter || kind === WB.Numeric);
    start = end;
  }
}

/**
 * Characters of text handed to the sentence segmenter at a time. V8's segmenter costs more per
 * segment the longer the text (and far more beyond ~131,000 characters: a 260,000-character
 * paragraph took 4 s for 4,000 sentences), so a long text is segmented in windows.
 */
const SENTENCE_WINDOW = 8192;

/**
 * Calls `visit` with each sentence segment of `text` (start, end), in order, exactly as
 * `Intl.Segmenter` segments the whole text, in linear time. Latin text is segmented here (see
 * {@link scanLatinSentences}), without loading ICU's rules. Other text goes to the segmenter, a
 * long text in windows, each starting at a boundary the window before found. A boundary is kept only when a letter
 * follows it in its window: the one rule of UAX #29 that looks ahead without bound (SB8, a
 * lower-case letter after `.` continues the sentence) stops at the first letter, and every
 * boundary before it has a sentence terminator (which also stops it) between it and the next.
 * `window` is for tests.
 */
export function eachSentence(text: string, locale: string, visit: (start: number, end: number) => void, window = SENTENCE_WINDOW): void {
  if (!TAILORED_SENTENCE_LOCALE.test(locale) && scanLatinSentences(text, visit)) return;
  const segmenter = segmenterFor(locale, 'sentence');
  let start = 0;
  while (start < text.length) {
    let size = window;
    for (;;) {
      const end = start + size >= text.length ? text.length : start + size;
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      const ends: number[] = [];
      for (const segment of segmenter.segment(piece)) ends.push(segment.index + segment.segment.length);
      // The last boundary inside the window with a letter at or after it (the window's end is none).
      let keep = ends.length;
      if (end < text.length) {
        const lastLetter = lastLetterIndex(piece);
        keep = 0;
        for (let index = ends.length - 1; index >= 0; index--) {
          if (ends[index]! < piece.length && ends[index]! <= lastLetter) {
            keep = index + 1;
            break;
          }
        }
        if (keep === 0) {
          // No boundary to rely on in this window: a larger one.
          size *= 2;
          continue;
        }
      }
      let from = 0;
      for (let index = 0; index < keep; index++) {
        visit(start + from, start + ends[index]!);
        from = ends[index]!;
      }
      start += from;
      break;
    }
  }
}

const LETTER = /\p{L}/u;

/**
 * Locales whose sentence rules ICU tailors: Greek (`;` is a question mark) and any locale with a
 * Unicode extension (`-u-ss-standard` asks for abbreviations not to end sentences); they keep
 * `Intl.Segmenter`.
 */
const TAILORED_SENTENCE_LOCALE = /^el(?:$|[-_])|-u-/i;

/** Sentence_Break classes (UAX #29) of the characters the fast path segments. */
const SB = {
  Other: 0,
  CR: 1,
  LF: 2,
  Sp: 3,
  Lower: 4,
  Upper: 5,
  OLetter: 6,
  Numeric: 7,
  /** `.` */
  ATerm: 8,
  /** `!` and `?` */
  STerm: 9,
  /** Quotation marks and brackets. */
  Close: 10,
  /** `,`, `-`, `:`, `;`, `–` and `—`. */
  SContinue: 11,
  /** Everything else (marks, format characters, other terminators and scripts): left to `Intl.Segmenter`. */
  Unsupported: 12,
} as const;

let latinSentenceBreak: Uint8Array | undefined;

/**
 * The Sentence_Break class of each character below {@link LATIN_TABLE_SIZE}, built on first use:
 * ASCII, Latin-1, Latin Extended-A and -B, IPA letters and the typographic punctuation of
 * {@link latinWordBreakTable}. Letters take their case from the Unicode properties JavaScript
 * shares with ICU. (Checked against `Intl.Segmenter` in test/core/prose-segmentation.test.ts.)
 */
function latinSentenceBreakTable(): Uint8Array {
  if (latinSentenceBreak) return latinSentenceBreak;
  const table = new Uint8Array(LATIN_TABLE_SIZE).fill(SB.Unsupported);
  table.fill(SB.Other, 0, 0x80);
  table.fill(SB.Other, 0xa0, 0xc0);
  const lower = /\p{Lowercase}/u;
  const upper = /[\p{Uppercase}\p{Lt}]/u;
  const letter = /\p{Alphabetic}/u;
  for (let code = 0x41; code < 0x2b0; code = code === 0x7a ? 0xaa : code + 1) {
    const character = String.fromCharCode(code);
    if (lower.test(character)) table[code] = SB.Lower;
    else if (upper.test(character)) table[code] = SB.Upper;
    else if (letter.test(character)) table[code] = SB.OLetter;
  }
  for (let code = 0x30; code <= 0x39; code++) table[code] = SB.Numeric;
  table[0x2e] = SB.ATerm;
  for (const character of '!?') table[character.charCodeAt(0)] = SB.STerm;
  for (const character of '"\'()[]{}\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2039\u203a') table[character.charCodeAt(0)] = SB.Close;
  for (const character of ',-:;\u2013\u2014') table[character.charCodeAt(0)] = SB.SContinue;
  for (const character of '\t\v\f \u00a0') table[character.charCodeAt(0)] = SB.Sp;
  table[0x0d] = SB.CR;
  table[0x0a] = SB.LF;
  // ‐ † ‡ • … ‰ € ™: Other. Soft hyphen (Format) and C1 controls (NEL ends a paragraph): not here.
  for (const code of [0x2010, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x20ac, 0x2122]) table[code] = SB.Other;
  table[0xad] = SB.Unsupported;
  return (latinSentenceBreak = table);
}

/**
 * Visits the sentence segments of a text of characters the table supports, as UAX #29 gives them
 * (ICU's rules without tailoring), and returns true; returns false, visiting nothing, when the
 * text holds another character. Breaks come only after a paragraph separator (SB4) and after a
 * terminator, its closing quotes and brackets, its spaces and one paragraph separator (SB11),
 * unless a digit follows `.` (SB6), an upper-case letter follows a letter's `.` (SB7), the next
 * letter after `.` is lower-case (SB8, looking past digits and punctuation), or a comma-like mark
 * or another terminator follows (SB8a). Linear: SB8 looks ahead over characters that hold no
 * terminator, which the scan then passes once more.
 */
function scanLatinSentences(text: string, visit: (start: number, end: number) => void): boolean {
  const table = latinSentenceBreakTable();
  const length = text.length;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code >= LATIN_TABLE_SIZE || table[code] === SB.Unsupported) return false;
  }
  const kindAt = (at: number): number => (at < length ? table[text.charCodeAt(at)]! : -1);
  let start = 0;
  let at = 0;
  while (at < length) {
    const kind = kindAt(at);
    if (kind === SB.CR || kind === SB.LF) {
      at += kind === SB.CR && kindAt(at + 1) === SB.LF ? 2 : 1;
      visit(start, at);
      start = at;
      continue;
    }
    if (kind !== SB.ATerm && kind !== SB.STerm) {
      at++;
      continue;
    }
    const next = kindAt(at + 1);
    if (kind === SB.ATerm) {
      const before = at > 0 ? kindAt(at - 1) : -1;
      if (next === SB.Numeric || (next === SB.Upper && (before === SB.Upper || before === SB.Lower))) {
        at++;
        continue;
      }
    }
    let end = at + 1;
    while (kindAt(end) === SB.Close) end++;
    while (kindAt(end) === SB.Sp) end++;
    if (kind === SB.ATerm && lowerFollows(end)) {
      at = end;
      continue;
    }
    const after = kindAt(end);
    if (after === SB.SContinue || after === SB.ATerm || after === SB.STerm) {
      at = end;
      continue;
    }
    if (after === SB.CR) end += kindAt(end + 1) === SB.LF ? 2 : 1;
    else if (after === SB.LF) end++;
    if (end < length) visit(start, end);
    else break;
    start = end;
    at = end;
  }
  if (start < length) visit(start, length);
  return true;

  /** SB8: whether the first letter, terminator or paragraph separator from `from` on is a lower-case letter. */
  function lowerFollows(from: number): boolean {
    for (let at = from; at < length; at++) {
      const kind = table[text.charCodeAt(at)]!;
      if (kind === SB.Lower) return true;
      if (kind === SB.OLetter || kind === SB.Upper || kind === SB.CR || kind === SB.LF || kind === SB.ATerm || kind === SB.STerm) return false;
    }
    return false;
  }
}

/** The index of the last letter of `text` (of its first code unit), or -1. */
function lastLetterIndex(text: string): number {
  for (let at = text.length - 1; at >= 0; at--) {
    const code = text.charCodeAt(at);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return at;
    if (code < 128) continue;
    const first = code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
    if (LETTER.test(String.fromCodePoint(text.codePointAt(first)!))) return first;
    at = first;
  }
  return -1;
}

/**
 * The first offset at or after `from` where UAX #29 always puts a word boundary, whatever the
 * language: after a character that ends a word for sure (see {@link endsWordForSure}) and before
 * one that does not attach to what precedes it (Extend, Format, ZWJ: marks, format characters,
 * emoji modifiers), before `before`; -1 if there is none.
 */
function safeWordCut(text: string, from: number, before: number): number {
  for (let at = Math.max(1, from); at < before; at++) {
    if (!endsWordForSure(text, at)) continue;
    const code = text.charCodeAt(at);
    const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    // An ASCII letter or digit is the common case; text masked to spaces and emoji, or Chinese, needs the rest.
    if (alnum || !JOINS_PRECEDING.test(String.fromCodePoint(text.codePointAt(at)!))) return at;
  }
  return -1;
}

/**
 * Whether the character before `at` is whitespace, an emoji, or punctuation of Word_Break class
 * Other that no dictionary reads (`。`, `！`, `「`): no rule of UAX #29 joins such a character to
 * the next but one that attaches to it (WB3d joins spaces to spaces only), and no rule looking
 * back from later in the text reaches past it. Not U+FEFF: whitespace to JavaScript, Format to UAX #29.
 */
function endsWordForSure(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (before === 32 || (before >= 9 && before <= 13)) return true;
  // A comma, full stop, colon or apostrophe joins letters to letters and digits to digits (WB6,
  // WB7, WB11, WB12), never an ideograph or kana to anything.
  if (JOINING_PUNCTUATION.has(before)) return at >= 2 && isIdeographOrKana(text.charCodeAt(at - 2));
  if (before < 128) return false;
  if (STANDALONE_PUNCTUATION.has(before)) return true;
  if (before === 0xfeff) return false;
  if (before >= 0xdc00 && before <= 0xdfff && at >= 2) return EMOJI_PICTOGRAPH.test(text.slice(at - 2, at));
  const character = text[at - 1]!;
  return WHITESPACE.test(character) || EMOJI_PICTOGRAPH.test(character);
}

const WHITESPACE = /\s/;
const EMOJI_PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** CJK and full-width punctuation of Word_Break class Other: 、。〃「」『』【】！（）？ */
const STANDALONE_PUNCTUATION = new Set([0x3001, 0x3002, 0x3003, 0x300c, 0x300d, 0x300e, 0x300f, 0x3010, 0x3011, 0xff01, 0xff08, 0xff09, 0xff1f]);
/** MidLetter, MidNum and MidNumLet punctuation, ASCII and full-width: , . : ; ' ， ． ： ； ＇ */
const JOINING_PUNCTUATION = new Set([0x2c, 0x2e, 0x3a, 0x3b, 0x27, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff07]);

/** CJK ideographs and kana letters (Word_Break Other and Katakana: no mid-word punctuation joins them). */
export function isIdeographOrKana(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa);
}

/** Whitespace, and what UAX #29 word rules attach to the character before (Extend, Format, ZWJ). */
const JOINS_PRECEDING = /^[\s\p{M}\p{Grapheme_Extend}\p{Cf}\p{Emoji_Modifier}]/u;

/** The prose of one message (an email, a page, a bot response, a post). */
export interface MessageProse {
  message: Message;
  /** The message's locale (its own, else the document's, else the default). */
  locale: string;
  runs: ProseRun[];
}

/** A word or sentence; offsets into the run's text. */
export interface ProseSpan {
  text: string;
  start: number;
  end: number;
}

export const DEFAULT_LOCALE = 'en';

/**
 * The locale of a piece of text: the run's own (`lang` on an element), else the message's (a
 * CSV row, a post's front matter), else the document's, else the configured default.
 */
export function resolveLocale(
  document: Pick<ContentDocument, 'metadata'>,
  run?: Pick<TextRun, 'locale'> | null,
  message?: Pick<Message, 'locale'> | null,
  defaultLocale: string = DEFAULT_LOCALE,
): string {
  return run?.locale ?? message?.locale ?? document.metadata.locale ?? defaultLocale;
}

/** Whether a locale is English (`en`, `en-GB`, `EN_us`). */
export function isEnglish(locale: string): boolean {
  return /^en(?:$|[-_])/i.test(locale.trim());
}

/** The primary language subtag, lower case (`de-DE` -> `de`). */
export function languageOf(locale: string): string {
  return locale.trim().split(/[-_]/)[0]!.toLowerCase();
}

/** Range in the file of `[start, end)` of a prose run's text. */
export function proseRange(document: ContentDocument, prose: ProseRun, start: number, end: number): Range {
  return rangeInRun(document, prose.run, start, end);
}

// ---------------------------------------------------------------------------------------------
// Masking

const TLDS =
  'com|org|net|edu|gov|io|co|app|dev|ai|me|ly|gg|tv|xyz|info|biz|shop|store|online|site|blog|example|test|invalid|localhost|uk|us|eu|de|fr|es|it|nl|pl|cz|at|ch|se|no|dk|fi|ie|pt|be|ca|au|nz|jp|cn|kr|in|br|mx|ru';

/** Patterns of what is not prose, most specific first (an email address before a mention or a domain). */
const MASK_PATTERNS: ReadonlyArray<readonly [MaskKind, RegExp]> = [
  ['template', /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|\*\|[^|\s]*\|\*|%%[^%\s]+%%|\$\{[^}]*\}|<%[\s\S]*?%>|\{[\p{L}\p{N}_.$@-]+\}/gu],
  ['code', /`[^`\n]+`/g],
  ['url', /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:|tel:)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}]/giu],
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  ['domain', new RegExp(`(?<![\\p{L}\\p{N}@._-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+(?:${TLDS})(?![\\p{L}\\p{N}-])(?:/[^\\s<>"'\`]*[^\\s<>"'\`.,;:!?)\\]}])?`, 'giu')],
  ['hashtag', /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu],
  ['mention', /(?<![\p{L}\p{N}_@.])@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/gu],
];

/** Elements whose text is code, not prose (`<code>`, `<pre>`, ...). */
const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'tt', 'script', 'style']);

/** Elements whose text is code, not prose, as `ContentDocument.elements` name them. */
export function isCodeElement(tag: string): boolean {
  return CODE_ELEMENTS.has(tag);
}

const URL_START = /www\.|mailto:|tel:/iu;
const DOMAIN_END = new RegExp(`\\.(?:${TLDS})(?![\\p{L}\\p{N}-])`, 'iu');

/** Characters without which a mask pattern cannot match: a run lacking them skips the pattern. */
const MASK_TRIGGERS: Readonly<Record<MaskKind, (text: string) => boolean>> = {
  template: (text) => text.includes('{') || text.includes('*|') || text.includes('%%') || text.includes('<%'),
  code: (text) => text.includes('`'),
  // Every URL holds `://`, `www.`, `mailto:` or `tel:` (same flags as its pattern).
  url: (text) => text.includes('://') || URL_START.test(text),
  email: (text) => text.includes('@') && text.includes('.'),
  // A domain ends in `.` and a listed top-level domain (same flags as its pattern: `ſ` is an `s`).
  domain: (text) => text.includes('.') && DOMAIN_END.test(text),
  hashtag: (text) => text.includes('#'),
  mention: (text) => text.includes('@'),
};

/**
 * The spans of a run's text that are not prose, in text order and not overlapping. `known` are
 * the spans the document already marks (code elements, then the adapter's template ranges, as
 * text offsets of the run); the patterns come after them, in order, and a candidate overlapping
 * an accepted span is dropped (an email address is not also a mention and a domain).
 */
export function findMasks(text: string, known: readonly ProseMask[]): ProseMask[] {
  const candidates: ProseMask[] = [...known];
  for (const [kind, pattern] of MASK_PATTERNS) {
    if (!MASK_TRIGGERS[kind](text)) continue;
    if (kind === 'email') {
      candidates.push(...findEmailAddresses(text));
      continue;
    }
    for (const match of allMatches(text, pattern)) {
      candidates.push({ kind, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return acceptInOrder(candidates);
}

/** The first of overlapping candidates wins; the result is sorted by start. */
function acceptInOrder(candidates: readonly ProseMask[]): ProseMask[] {
  // `accepted` stays sorted by start and free of overlaps: a candidate overlaps only its neighbours.
  const accepted: ProseMask[] = [];
  for (const candidate of candidates) {
    let low = 0;
    let high = accepted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (accepted[mid]!.start < candidate.start) low = mid + 1;
      else high = mid;
    }
    const before = accepted[low - 1];
    const after = accepted[low];
    if (before && before.end > candidate.start) continue;
    if (after && after.start < candidate.end) continue;
    accepted.splice(low, 0, candidate);
  }
  return accepted;
}

/**
 * What `text.matchAll(pattern)` gives for the email pattern, without its quadratic cost on long
 * words: a match needs an `@`, and its local part is the run of local-part characters right
 * before it, so only the start of that run is tried (if it fails there, every later start fails
 * too: the part after the `@` alone decides).
 */
function findEmailAddresses(text: string): ProseMask[] {
  const sticky = EMAIL_AT_START;
  const found: ProseMask[] = [];
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    // Back over the local-part characters (whole code points: a letter may be a surrogate pair).
    let start = at;
    while (start > from) {
      const pair = start - 2 >= from && isLowSurrogate(text.charCodeAt(start - 1)) && isHighSurrogate(text.charCodeAt(start - 2));
      const width = pair ? 2 : 1;
      if (!LOCAL_PART_CHARACTER.test(text.slice(start - width, start))) break;
      start -= width;
    }
    if (start === at) {
      from = at + 1;
      continue;
    }
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (!match) {
      from = at + 1;
      continue;
    }
    found.push({ kind: 'email', start, end: start + match[0].length, text: match[0] });
    from = start + match[0].length;
  }
  return found;
}

/** The email mask pattern, matched only where it is tried (`y`). */
const EMAIL_AT_START = new RegExp(MASK_PATTERNS.find(([kind]) => kind === 'email')![1].source, 'uy');
const LOCAL_PART_CHARACTER = /^[\p{L}\p{N}._%+-]$/u;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `text` with every masked span replaced by spaces (same length, same offsets). */
export function maskText(text: string, masks: readonly ProseMask[]): string {
  if (masks.length === 0) return text;
  let out = '';
  let at = 0;
  for (const mask of masks) {
    out += text.slice(at, mask.start) + ' '.repeat(mask.end - mask.start);
    at = mask.end;
  }
  return out + text.slice(at);
}

/** Whether `[start, end)` of a run overlaps a masked span. */
export function isMasked(prose: ProseRun, start: number, end: number): boolean {
  // Masks are sorted and do not overlap: only the last one starting before `end` can reach `start`.
  const { masks } = prose;
  let low = 0;
  let high = masks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (masks[mid]!.start < end) low = mid + 1;
    else high = mid;
  }
  const candidate = masks[low - 1];
  return candidate !== undefined && candidate.end > start;
}

// ---------------------------------------------------------------------------------------------
// Segmentation

const segmenters = new Map<string, Intl.Segmenter>();

/** One `Intl.Segmenter` per locale and granularity (they are costly to create). */
export function segmenterFor(locale: string, granularity: 'word' | 'sentence' | 'grapheme'): Intl.Segmenter {
  const key = `${granularity}\0${locale}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    let supported: string | undefined;
    try {
      supported = Intl.Segmenter.supportedLocalesOf([locale])[0];
    } catch {
      // An invalid tag (`english`): segment with the default rules rather than fail.
      supported = undefined;
    }
    segmenter = new Intl.Segmenter(supported, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Matches of a pattern in a run's masked text that start and end on word boundaries (so
 * `class` is not found in `classic`, and `NorthWind` is found in `欢迎来到NorthWind商店`) and
 * touch no masked span. The pattern must have the `g` flag.
 */
export function findInProse(prose: ProseRun, pattern: RegExp): readonly RegExpExecArray[] {
  // Most patterns match nowhere in most runs: the array is made at the first match only.
  let found: RegExpExecArray[] | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(prose.text); match !== null; match = pattern.exec(prose.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    if (!prose.isWordBoundary(start) || !prose.isWordBoundary(end)) {
      // Retry from the next character: a boundary-less match may hide a good one inside it.
      pattern.lastIndex = start + 1;
      continue;
    }
    if (isMasked(prose, start, end)) continue;
    (found ??= []).push(match);
  }
  return found ?? NO_MATCHES;
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * Lower-case ASCII letters and digits that every match of `pattern` contains, in a row, when its
 * source is a plain phrase (what {@link phrasePattern} and {@link escapeRegExp} write: escaped
 * characters, `\\s+`, `\\b`, an apostrophe class); null for any other pattern. A run whose
 * `lowerText` lacks it has no match, so the pattern need not run there.
 */
export function requiredLiteral(pattern: RegExp): string | null {
  // One lookup (this runs for every entry of every word list in every run): null is a stored "none".
  const cached = requiredLiterals.get(pattern);
  if (cached !== undefined) return cached;
  let literal: string | null = null;
  const source = pattern.source;
  let best = '';
  let current = '';
  const end = (): void => {
    if (current.length > best.length) best = current;
    current = '';
  };
  let plain = true;
  for (let i = 0; i < source.length && plain; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined) plain = false;
      else if (next === 's' && source[i + 2] === '+') {
        end();
        i += 2;
      } else if (next === 'b') {
        end();
        i += 1;
      } else if (/[.*+?^${}()|[\]\\/-]/.test(next)) {
        end();
        i += 1;
      } else plain = false;
    } else if (source.startsWith("['’]", i)) {
      end();
      i += 3;
    } else if (/[.*+?^${}()|[\]]/.test(char)) {
      plain = false;
    } else if (/[A-Za-z0-9]/.test(char)) {
      current += char.toLowerCase();
    } else end();
  }
  end();
  if (plain && best.length > 0) literal = best;
  requiredLiterals.set(pattern, literal);
  return literal;
}

/** Patterns are compiled once per rule spec: their literal is worked out once too. */
const requiredLiterals = new WeakMap<RegExp, string | null>();

/** Escapes a literal for a regular expression (valid in Unicode mode, where `\\-` is an error). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A pattern for a literal phrase: case-insensitive (unless `caseSensitive`), with any run of
 * whitespace between its words (`in order to` matches across a line break), and `'` matching a
 * typographic apostrophe too.
 */
export function phrasePattern(phrase: string, caseSensitive = false): RegExp {
  const source = phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]"))
    .join('\\s+');
  return new RegExp(source, caseSensitive ? 'gu' : 'giu');
}

// ---------------------------------------------------------------------------------------------
// Case

/** Whether a word is written in capitals (has a capital, no lower-case letter). */
export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

/**
 * The replacement in the case pattern of the original: `Utilize` -> `Use`, `UTILIZE` -> `USE`,
 * `utilize` -> `use` (the replacement as written), `Log In` -> `Sign In` (Title Case). Mixed case
 * (`iPhone`) keeps the replacement as written.
 */
export function matchCase(original: string, replacement: string, locale: string = DEFAULT_LOCALE): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return replacement;
  if (letters.length > 1 && isAllCaps(letters)) return replacement.toLocaleUpperCase(locale);
  // Title Case of several words (`Log In`, a menu label): every word of the replacement too (`Sign In`).
  const words = original.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  if (words.length > 1 && words.every((word) => /^\P{L}*\p{Lu}\P{Lu}*$/u.test(word))) {
    return replacement.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase(locale));
  }
  const first = letters[0]!;
  const rest = letters.slice(1);
  if (/\p{Lu}/u.test(first) && !/\p{Lu}/u.test(rest)) {
    const head = String.fromCodePoint(replacement.codePointAt(0) ?? 0);
    return head.toLocaleUpperCase(locale) + replacement.slice(head.length);
  }
  return replacement;
}

/** Locale-aware case folding for comparisons (`İ` folds to `i` in Turkish). */
export function foldCase(text: string, locale: string = DEFAULT_LOCALE): string {
  // Only Turkish, Azeri and Lithuanian lower-case differently from the locale-independent mapping
  // (Unicode's SpecialCasing); for every other language the fast one is the same string.
  if (!LOCALE_CASING.test(locale)) return text.toLowerCase();
  try {
    return text.toLocaleLowerCase(locale);
  } catch {
    return text.toLowerCase();
  }
}

const LOCALE_CASING = /^\s*(?:tr|az|lt)(?:$|[-_])/i;

/** Whether {@link foldCase} folds text in `locale` otherwise than `toLowerCase` does (Turkish, Azeri, Lithuanian). */
export function hasLocaleCasing(locale: string): boolean {
  return LOCALE_CASING.test(locale);
}
