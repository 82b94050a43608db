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
import type { ContentDocument, Message, ProseScope, TextRun } from './document.js';
import { rangeInRun, textOffsetOf } from './document.js';
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

/** A text run ready for voice rules. */
export interface ProseRun {
  run: TextRun;
  scope: ProseScope;
  /** Resolved BCP 47 locale (see {@link resolveLocale}). */
  locale: string;
  /**
   * `run.text` with every masked span replaced by spaces: same length, same offsets. When an
   * inline element with its own `lang` splits a run, each part is a ProseRun of its own whose
   * text outside the part is spaces too.
   */
  text: string;
  /** Masked spans within the part, in text order, not overlapping. */
  masks: ProseMask[];
}

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

export interface ProseOptions {
  /** Locale when neither the run, the message nor the document says. Default `en`. */
  defaultLocale?: string;
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

const proseCache = new WeakMap<ContentDocument, Map<string, MessageProse[]>>();

/**
 * The prose of every message of a document, in message order; runs keep document order. Runs
 * whose message id names no message are grouped under a synthetic message of the document.
 * Cached per document (every voice rule shares one masking pass).
 */
export function proseOf(document: ContentDocument, options: ProseOptions = {}): MessageProse[] {
  const defaultLocale = options.defaultLocale ?? DEFAULT_LOCALE;
  let byLocale = proseCache.get(document);
  if (!byLocale) proseCache.set(document, (byLocale = new Map()));
  const cached = byLocale.get(defaultLocale);
  if (cached) return cached;

  const groups = new Map<string, MessageProse>();
  for (const message of document.messages) {
    groups.set(message.id, { message, locale: resolveLocale(document, null, message, defaultLocale), runs: [] });
  }
  for (const run of document.textRuns) {
    let group = groups.get(run.messageId);
    if (!group) {
      const message: Message = { id: run.messageId, kind: 'document', range: run.range };
      group = { message, locale: resolveLocale(document, null, null, defaultLocale), runs: [] };
      groups.set(run.messageId, group);
    }
    const locale = resolveLocale(document, run, group.message, defaultLocale);
    const masks = masksOf(document, run);
    for (const part of localeParts(document, run, locale)) {
      // A part in another language (`<span lang="fr">`) is its own prose run over the same text,
      // with everything outside the part masked: offsets stay those of the run.
      const inside = masks.filter((mask) => mask.start >= part.start && mask.end <= part.end);
      const outside = part.start === 0 && part.end === run.text.length ? [] : outsideOf(run.text, part.start, part.end);
      group.runs.push({ run, scope: run.scope, locale: part.locale, text: maskText(run.text, [...inside, ...outside].sort((x, y) => x.start - y.start)), masks: inside });
    }
  }
  const result = [...groups.values()];
  byLocale.set(defaultLocale, result);
  return result;
}

interface LocalePart {
  start: number;
  end: number;
  locale: string;
}

/**
 * A run split by the inline elements inside it that carry their own `lang` (a French phrase in
 * an English paragraph): the run's locale around them, theirs inside. One part when there are none.
 */
function localeParts(document: ContentDocument, run: TextRun, locale: string): LocalePart[] {
  const runStart = run.range.start.offset;
  const runEnd = run.range.end.offset;
  const inner: LocalePart[] = [];
  for (const element of document.elements) {
    const lang = element.attributes['lang'] ?? element.attributes['xml:lang'];
    if (!lang) continue;
    const { start, end } = { start: element.range.start.offset, end: element.range.end.offset };
    // Elements around the whole run gave the run its locale already.
    if (end <= runStart || start >= runEnd || (start <= runStart && end >= runEnd)) continue;
    const part = { start: textOffsetOf(run, Math.max(start, runStart)), end: textOffsetOf(run, Math.min(end, runEnd)), locale: lang.trim() };
    if (part.end > part.start && part.locale !== '' && !inner.some((other) => other.start < part.end && part.start < other.end)) inner.push(part);
  }
  if (inner.length === 0) return [{ start: 0, end: run.text.length, locale }];
  inner.sort((a, b) => a.start - b.start);
  const parts: LocalePart[] = [];
  let at = 0;
  for (const part of inner) {
    if (part.start > at) parts.push({ start: at, end: part.start, locale });
    parts.push(part);
    at = part.end;
  }
  if (at < run.text.length) parts.push({ start: at, end: run.text.length, locale });
  return parts;
}

/** Masks for the text of a run outside `[start, end)`. */
function outsideOf(text: string, start: number, end: number): ProseMask[] {
  const out: ProseMask[] = [];
  if (start > 0) out.push({ kind: 'code', start: 0, end: start, text: text.slice(0, start) });
  if (end < text.length) out.push({ kind: 'code', start: end, end: text.length, text: text.slice(end) });
  return out;
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

type MaskSource = Pick<ContentDocument, 'templateRanges'> & Partial<Pick<ContentDocument, 'elements'>>;

const maskCache = new WeakMap<MaskSource, WeakMap<TextRun, readonly ProseMask[]>>();

/**
 * The spans of a run that are not prose, in text order and not overlapping. Cached per document
 * and run: the prose extraction and the channel-limit rules' message texts share one pass.
 */
export function masksOf(document: MaskSource, run: TextRun): readonly ProseMask[] {
  let byRun = maskCache.get(document);
  if (!byRun) maskCache.set(document, (byRun = new WeakMap()));
  let masks = byRun.get(run);
  if (!masks) byRun.set(run, (masks = findMasks(document, run)));
  return masks;
}

function findMasks(document: MaskSource, run: TextRun): ProseMask[] {
  const candidates: ProseMask[] = [];
  const runStart = run.range.start.offset;
  const runEnd = run.range.end.offset;
  for (const element of document.elements ?? []) {
    if (!CODE_ELEMENTS.has(element.tag)) continue;
    if (element.range.end.offset <= runStart || element.range.start.offset >= runEnd) continue;
    // Inline `<code>` inside a paragraph is part of the paragraph's run: mask its span.
    const start = textOffsetOf(run, element.range.start.offset);
    const end = textOffsetOf(run, element.range.end.offset);
    if (end > start) candidates.push({ kind: 'code', start, end, text: run.text.slice(start, end) });
  }
  for (const range of document.templateRanges) {
    if (range.end.offset <= runStart || range.start.offset >= runEnd) continue;
    const start = textOffsetOf(run, range.start.offset);
    const end = textOffsetOf(run, range.end.offset);
    if (end > start) candidates.push({ kind: 'template', start, end, text: run.text.slice(start, end) });
  }
  for (const [kind, pattern] of MASK_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of run.text.matchAll(pattern)) {
      candidates.push({ kind, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  // The adapter's template ranges come first, then the patterns in order; a candidate overlapping
  // an accepted span is dropped (an email address is not also a mention and a domain).
  const accepted: ProseMask[] = [];
  for (const candidate of candidates) {
    if (accepted.some((mask) => mask.start < candidate.end && candidate.start < mask.end)) continue;
    accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function maskText(text: string, masks: readonly ProseMask[]): string {
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
  return prose.masks.some((mask) => mask.start < end && start < mask.end);
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

const wordCache = new WeakMap<ProseRun, ProseSpan[]>();
const boundaryCache = new WeakMap<ProseRun, Set<number>>();
const sentenceCache = new WeakMap<ProseRun, ProseSpan[]>();

/** The words of a run (word-like segments of the masked text), in order. */
export function wordsOf(prose: ProseRun): ProseSpan[] {
  let words = wordCache.get(prose);
  if (words) return words;
  words = [];
  for (const segment of segmenterFor(prose.locale, 'word').segment(prose.text)) {
    if (!segment.isWordLike) continue;
    words.push({ text: segment.segment, start: segment.index, end: segment.index + segment.segment.length });
  }
  wordCache.set(prose, words);
  return words;
}

/** Offsets where a word may start or end (segment boundaries of the masked text). */
export function wordBoundariesOf(prose: ProseRun): ReadonlySet<number> {
  let boundaries = boundaryCache.get(prose);
  if (boundaries) return boundaries;
  boundaries = new Set<number>([0, prose.text.length]);
  for (const segment of segmenterFor(prose.locale, 'word').segment(prose.text)) boundaries.add(segment.index);
  boundaryCache.set(prose, boundaries);
  return boundaries;
}

/** The sentences of a run, trimmed, without the ones that are only masked text or punctuation. */
export function sentencesOf(prose: ProseRun): ProseSpan[] {
  let sentences = sentenceCache.get(prose);
  if (sentences) return sentences;
  sentences = [];
  for (const segment of segmenterFor(prose.locale, 'sentence').segment(prose.text)) {
    const raw = segment.segment;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const start = segment.index + lead;
    sentences.push({ text, start, end: start + text.length });
  }
  sentenceCache.set(prose, sentences);
  return sentences;
}

/**
 * Matches of a pattern in a run's masked text that start and end on word boundaries (so
 * `class` is not found in `classic`, and `NorthWind` is found in `欢迎来到NorthWind商店`) and
 * touch no masked span. The pattern must have the `g` flag.
 */
export function findInProse(prose: ProseRun, pattern: RegExp): RegExpExecArray[] {
  const boundaries = wordBoundariesOf(prose);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(prose.text); match !== null; match = pattern.exec(prose.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    if (!boundaries.has(start) || !boundaries.has(end)) {
      // Retry from the next character: a boundary-less match may hide a good one inside it.
      pattern.lastIndex = start + 1;
      continue;
    }
    if (isMasked(prose, start, end)) continue;
    found.push(match);
  }
  return found;
}

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
 * `utilize` -> `use` (the replacement as written). Mixed case (`iPhone`) keeps the replacement
 * as written.
 */
export function matchCase(original: string, replacement: string, locale: string = DEFAULT_LOCALE): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return replacement;
  if (letters.length > 1 && isAllCaps(letters)) return replacement.toLocaleUpperCase(locale);
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
  try {
    return text.toLocaleLowerCase(locale);
  } catch {
    return text.toLowerCase();
  }
}
