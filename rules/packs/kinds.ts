/**
 * The rule kinds of rule packs, each a check over the prose module (src/core/prose.ts): what
 * `existence`, `substitution`, `term`, `occurrence`, `shouting`, `readability` and `require`
 * look for. A kind works on a normalised spec (built from a pack file, or from the brand's
 * guidelines) and only reports.
 */
import { readFileSync } from 'node:fs';
import { syllable } from 'syllable';
import wordListPath from 'word-list';
import type { Channel } from '../../src/core/channels.js';
import type { Fix } from '../../src/core/diagnostic.js';
import type { ContentDocument, ProseScope } from '../../src/core/document.js';
import type { Range } from '../../src/core/position.js';
import {
  findInProse,
  foldCase,
  isAllCaps,
  isEnglish,
  languageOf,
  matchCase,
  proseOf,
  proseRange,
  segmenterFor,
  sentencesOf,
  wordsOf,
  type MessageProse,
  type ProseRun,
  type ProseSpan,
} from '../../src/core/prose.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';
import type { Countable } from './schema.js';

// ---------------------------------------------------------------------------------------------
// Specs: what each kind checks, normalised

/** Where a rule applies. */
export interface RuleScope {
  platforms?: readonly string[];
  scopes?: readonly ProseScope[];
  /** Languages (`en` matches `en-GB`). */
  locales?: readonly string[];
}

/** One thing to find, with its own message and suggestions. */
export interface MatchEntry {
  /** Global regular expression, run over masked prose. */
  pattern: RegExp;
  /** Message template for this entry; the rule's when absent. */
  message?: string;
  /** Replacements (substitution: a single one is applied as a fix). */
  expected: string[];
}

export interface ExistenceSpec {
  kind: 'existence';
  entries: MatchEntry[];
  exceptions: RegExp[];
}
export interface SubstitutionSpec {
  kind: 'substitution';
  entries: MatchEntry[];
  exceptions: RegExp[];
}
export interface TermSpec {
  kind: 'term';
  terms: ReadonlyArray<{ term: string; wrong: readonly string[]; trademark?: '™' | '®' | undefined; caseSensitive: boolean }>;
}
export interface OccurrenceSpec {
  kind: 'occurrence';
  count: Countable;
  /** What `count: pattern` counts; global (`g`), compiled once with the spec. */
  pattern?: RegExp;
  /** Maximum per message; undefined: no limit for this channel. */
  max: (channel: Channel) => number | undefined;
}
export interface ShoutingSpec {
  kind: 'shouting';
  acronyms: ReadonlySet<string>;
  /** Also allow the brand's `voice.acronyms`. */
  brandAcronyms: boolean;
  minLength: number;
}
export interface ReadabilitySpec {
  kind: 'readability';
  maxGrade?: (channel: Channel) => number | undefined;
  maxSentenceWords?: number;
  minWords: number;
}
export interface RequireSpec {
  kind: 'require';
  /** Not global (no `g`): `test` keeps no state between runs, so the spec's regex is used as is. */
  pattern?: RegExp;
  linkPattern?: RegExp;
}

export type KindSpec = ExistenceSpec | SubstitutionSpec | TermSpec | OccurrenceSpec | ShoutingSpec | ReadabilitySpec | RequireSpec;

/** Message ids of pack rules (the templates come from the pack or the brand). */
export const MESSAGE_IDS = {
  /** The rule's `message`. */
  default: 'default',
  /** An entry's own message, passed whole as `{message}`. */
  entry: 'entry',
  /** A term without its trademark symbol on first use. */
  trademark: 'trademark',
  /** A readability rule's sentence that is too long. */
  sentence: 'sentence',
} as const;

/** What a kind reports through. */
export interface KindReport {
  messageId: keyof typeof MESSAGE_IDS;
  data: Record<string, string | number>;
  range: Range;
  fix?: Fix;
  actual?: string;
  expected?: string[];
}

export interface KindContext {
  document: ContentDocument;
  brand: BrandModel | null;
  scope: RuleScope;
  /** The rule's message template (entry messages are filled with the same data). */
  message: string;
  report(report: KindReport): void;
  notApplied(reason: string): void;
}

// ---------------------------------------------------------------------------------------------
// Scoping

function localeMatches(locale: string, wanted: readonly string[]): boolean {
  const tag = locale.toLowerCase().replace(/_/g, '-');
  return wanted.some((w) => {
    const want = w.toLowerCase().replace(/_/g, '-');
    return tag === want || tag.startsWith(`${want}-`) || (!want.includes('-') && languageOf(tag) === want);
  });
}

/**
 * The messages and runs a rule looks at: messages of its platforms, runs of its scopes and
 * languages. Runs in other languages are left out and reported through `notApplied`.
 */
export function scopedProse(context: KindContext, options: { englishOnly?: boolean; defaultScopes?: readonly ProseScope[] } = {}): MessageProse[] {
  const { document, scope } = context;
  const scopes = scope.scopes ?? options.defaultScopes;
  const skipped = new Set<string>();
  const out: MessageProse[] = [];
  for (const message of proseOf(document)) {
    const platform = message.message.platform ?? document.metadata.platform;
    if (scope.platforms && (platform === undefined || !scope.platforms.includes(platform))) continue;
    const runs = message.runs.filter((run) => {
      if (scopes && !scopes.includes(run.scope)) return false;
      if (!/[\p{L}\p{N}]/u.test(run.run.text)) return false;
      if (scope.locales && !localeMatches(run.locale, scope.locales)) {
        // Same wording as English-only rules, so the run's notice groups them together.
        const only = scope.locales.every(isEnglish) ? 'English only' : `only for ${scope.locales.join(', ')}`;
        skipped.add(`${only}; the text is ${run.locale}`);
        return false;
      }
      if (options.englishOnly && !isEnglish(run.locale)) {
        skipped.add(`English only; the text is ${run.locale}`);
        return false;
      }
      return true;
    });
    out.push({ ...message, runs });
  }
  for (const reason of skipped) context.notApplied(reason);
  return out;
}

// ---------------------------------------------------------------------------------------------
// existence, substitution

function exceptionSpans(run: ProseRun, exceptions: readonly RegExp[]): Array<[number, number]> {
  return exceptions.flatMap((pattern) => findInProse(run, pattern).map((m): [number, number] => [m.index, m.index + m[0].length]));
}

interface Found {
  run: ProseRun;
  start: number;
  end: number;
  actual: string;
  entry: MatchEntry;
}

/** Matches of the entries, longest first where they overlap, outside exceptions. */
function findEntries(run: ProseRun, entries: readonly MatchEntry[], exceptions: readonly RegExp[]): Found[] {
  const excepted = exceptionSpans(run, exceptions);
  const all: Found[] = [];
  for (const entry of entries) {
    for (const match of findInProse(run, entry.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (excepted.some(([a, b]) => a <= start && end <= b)) continue;
      all.push({ run, start, end, actual: run.run.text.slice(start, end), entry });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Found[] = [];
  for (const found of all) {
    if (kept.some((k) => k.start < found.end && found.start < k.end)) continue;
    kept.push(found);
  }
  return kept;
}

function reportEntry(context: KindContext, found: Found, fix?: Fix, expectedText?: string): void {
  const data = { actual: found.actual, expected: expectedText ?? found.entry.expected.join('" or "') };
  const range = proseRange(context.document, found.run, found.start, found.end);
  const base = { range, actual: found.actual, ...(found.entry.expected.length > 0 ? { expected: found.entry.expected } : {}), ...(fix ? { fix } : {}) };
  if (found.entry.message !== undefined) {
    context.report({ messageId: 'entry', data: { ...data, message: fillTemplate(found.entry.message, data) }, ...base });
  } else {
    context.report({ messageId: 'default', data, ...base });
  }
}

export function checkExistence(context: KindContext, spec: ExistenceSpec): void {
  for (const message of scopedProse(context)) {
    for (const run of message.runs) {
      for (const found of findEntries(run, spec.entries, spec.exceptions)) reportEntry(context, found);
    }
  }
}

export function checkSubstitution(context: KindContext, spec: SubstitutionSpec): void {
  for (const message of scopedProse(context)) {
    for (const run of message.runs) {
      for (const found of findEntries(run, spec.entries, spec.exceptions)) {
        const [only, ...others] = found.entry.expected;
        if (only === undefined || others.length > 0) {
          reportEntry(context, found);
          continue;
        }
        // One replacement: a fix, in the case pattern of what it replaces (`Utilize` -> `Use`).
        const replacement = matchCase(found.actual, only, run.locale);
        const range = proseRange(context.document, run, found.start, found.end);
        reportEntry(context, found, { description: `replace "${found.actual}" with "${replacement}"`, edits: [{ range, text: replacement }] }, replacement);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// term

const SUFFIXES = ["'s", '’s', "'", '’', 's', 'es'];
const METADATA_SCOPES: ReadonlySet<ProseScope> = new Set(['alt', 'title', 'meta-description']);
/** What may separate the words of a multi-word name ("Cloud Pack", "Cloud-Pack"). */
const NAME_GAP = /^(?:[\s\u00a0]|[-‐‑–]){1,2}$/u;

function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
}

/** The source text right after a term: whether its trademark symbol follows (`™`, `&trade;`, `<sup>™</sup>`). */
function followedByMark(document: ContentDocument, sourceOffset: number, mark: string): boolean {
  const after = document.text.slice(sourceOffset, sourceOffset + 40);
  const entity = mark === '™' ? '&trade;|&#8482;|&#x2122;' : '&reg;|&#174;|&#xae;';
  return new RegExp(`^(?:<sup[^>]*>\\s*)?(?:${mark}|${entity}|\\\\u${mark === '™' ? '2122' : '00ae'})`, 'i').test(after);
}

export function checkTerm(context: KindContext, spec: TermSpec): void {
  const { document } = context;
  const maxWords = Math.max(1, ...spec.terms.flatMap((t) => [t.term, ...t.wrong].map(wordCount)));
  for (const message of scopedProse(context)) {
    const firstUse = new Set<string>();
    for (const run of message.runs) {
      const words = wordsOf(run);
      for (let i = 0; i < words.length; i++) {
        const hit = matchTermAt(run, words, i, maxWords, spec);
        if (!hit) continue;
        i += hit.words - 1;
        const { term, start, end, actual } = hit;
        // The mark goes on the first use people read: not in alt text or page metadata.
        const checkMark = term.trademark !== undefined && !METADATA_SCOPES.has(run.scope) && !firstUse.has(term.term);
        firstUse.add(term.term);
        const range = proseRange(document, run, start, end);
        const missingMark = checkMark && !followedByMark(document, range.end.offset, term.trademark!);
        if (actual !== term.term) {
          const text = term.term + (missingMark ? term.trademark! : '');
          context.report({
            messageId: 'default',
            data: { actual, expected: term.term },
            range,
            actual,
            expected: [term.term],
            fix: { description: `write "${text}"`, edits: [{ range, text }] },
          });
        } else if (missingMark) {
          const at = document.lines.rangeAt(range.end.offset, range.end.offset);
          context.report({
            messageId: 'trademark',
            data: { actual, expected: term.term, mark: term.trademark! },
            range,
            actual,
            expected: [term.term + term.trademark!],
            fix: { description: `add "${term.trademark!}"`, edits: [{ range: at, text: term.trademark! }] },
          });
        }
      }
    }
  }
}

interface TermHit {
  term: TermSpec['terms'][number];
  start: number;
  end: number;
  actual: string;
  words: number;
}

/** The longest name (right or wrong) that starts at word `i`. */
function matchTermAt(run: ProseRun, words: readonly ProseSpan[], i: number, maxWords: number, spec: TermSpec): TermHit | null {
  const first = words[i]!;
  for (let k = Math.min(maxWords, words.length - i); k >= 1; k--) {
    const last = words[i + k - 1]!;
    let joined = true;
    for (let j = i + 1; j < i + k; j++) {
      if (!NAME_GAP.test(run.text.slice(words[j - 1]!.end, words[j]!.start))) joined = false;
    }
    if (!joined) continue;
    const slice = run.run.text.slice(first.start, last.end);
    const lower = slice.toLowerCase();
    const bases = [slice, ...SUFFIXES.filter((s) => slice.length > s.length + 1 && lower.endsWith(s)).map((s) => slice.slice(0, -s.length))];
    for (const base of bases) {
      // Folded once per candidate, and each term once per locale: locale-aware lower-casing is
      // slow, and this runs for every word of every run.
      let folded: string | undefined;
      for (const term of spec.terms) {
        const right = base === term.term;
        const wrong =
          term.wrong.includes(base) || (term.caseSensitive && (folded ??= foldCase(base, run.locale)) === foldedTerm(term.term, run.locale));
        if (right || wrong) return { term, start: first.start, end: first.start + base.length, actual: base, words: k };
      }
    }
  }
  return null;
}

const foldedTerms = new Map<string, string>();

/** `foldCase` of a term name, remembered per locale. */
function foldedTerm(term: string, locale: string): string {
  const key = `${locale}\0${term}`;
  let folded = foldedTerms.get(key);
  if (folded === undefined) {
    folded = foldCase(term, locale);
    foldedTerms.set(key, folded);
  }
  return folded;
}

// ---------------------------------------------------------------------------------------------
// occurrence

const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3/u;

interface Occurrence {
  range: Range;
  text: string;
}

function occurrencesIn(context: KindContext, message: MessageProse, spec: OccurrenceSpec): Occurrence[] {
  const { document } = context;
  const out: Array<Occurrence & { offset: number }> = [];
  const add = (run: ProseRun, start: number, end: number): void => {
    const range = proseRange(document, run, start, end);
    out.push({ range, text: run.run.text.slice(start, end), offset: range.start.offset });
  };
  for (const run of message.runs) {
    switch (spec.count) {
      case 'exclamation':
      case 'question': {
        const mark = spec.count === 'exclamation' ? /[!！‼]/gu : /[?？]/gu;
        for (const match of run.text.matchAll(mark)) add(run, match.index, match.index + match[0].length);
        break;
      }
      case 'emoji':
        for (const segment of segmenterFor(run.locale, 'grapheme').segment(run.text)) {
          if (EMOJI.test(segment.segment)) add(run, segment.index, segment.index + segment.segment.length);
        }
        break;
      case 'hashtag':
      case 'mention':
        for (const mask of run.masks) if (mask.kind === spec.count) add(run, mask.start, mask.end);
        break;
      case 'link':
        for (const mask of run.masks) if (mask.kind === 'url' || mask.kind === 'domain') add(run, mask.start, mask.end);
        break;
      case 'pattern':
        for (const match of run.text.matchAll(spec.pattern!)) if (match[0].length > 0) add(run, match.index, match.index + match[0].length);
        break;
    }
  }
  if (spec.count === 'link') {
    const { start, end } = message.message.range;
    for (const link of document.links) {
      if (link.range.start.offset < start.offset || link.range.end.offset > end.offset) continue;
      if (out.some((o) => o.offset >= link.range.start.offset && o.offset < link.range.end.offset)) continue;
      out.push({ range: link.hrefRange, text: link.href, offset: link.range.start.offset });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

export function checkOccurrence(context: KindContext, spec: OccurrenceSpec): void {
  const max = spec.max(context.document.channel);
  if (max === undefined) return;
  for (const message of scopedProse(context)) {
    const found = occurrencesIn(context, message, spec);
    if (found.length <= max) continue;
    const first = found[max]!;
    context.report({ messageId: 'default', data: { count: found.length, max, actual: first.text }, range: first.range, actual: String(found.length), expected: [`at most ${max}`] });
  }
}

// ---------------------------------------------------------------------------------------------
// shouting

const ROMAN_NUMERAL = /^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

export function checkShouting(context: KindContext, spec: ShoutingSpec): void {
  const allowed = new Set(spec.acronyms);
  if (spec.brandAcronyms) for (const acronym of context.brand?.voice?.acronyms ?? []) allowed.add(acronym);
  const names = (context.brand?.voice?.names ?? []).flatMap((name) => [name.term, ...name.wrong]);
  for (const message of scopedProse(context)) {
    for (const run of message.runs) {
      const foldedNames = new Set(names.map((name) => foldCase(name, run.locale)));
      let open: { start: number; end: number } | null = null;
      const flush = (): void => {
        if (!open) return;
        const actual = run.run.text.slice(open.start, open.end);
        if (readsAsShouting(actual, run.locale)) {
          context.report({ messageId: 'default', data: { actual }, range: proseRange(context.document, run, open.start, open.end), actual });
        }
        open = null;
      };
      let previousEnd = -1;
      for (const word of wordsOf(run)) {
        // A word joined to a path or identifier (`LICENSES/mit.txt`, `MAX_SIZE`) is a name, not prose.
        const inPath = word.text.includes('_') || /[/\\_]/u.test(run.text[word.start - 1] ?? '') || /[/\\_]/u.test(run.text[word.end] ?? '');
        const shouted = !inPath && isShouted(word.text, allowed, foldedNames, spec.minLength, run.locale);
        if (!shouted || (open && !/^[\s\p{P}]*$/u.test(run.text.slice(previousEnd, word.start)))) flush();
        if (shouted) open = open ? { start: open.start, end: word.end } : { start: word.start, end: word.end };
        previousEnd = word.end;
      }
      flush();
    }
  }
}

/** The English word list (word-list, ~275,000 words, one a line, with a line break before and after), read on first need only. */
let englishWordList: string | null = null;
let englishWords: ReadonlySet<string> | null = null;
const englishLookups = new Map<string, boolean>();
/** Distinct words looked up in the list's text before it is worth building a Set of it. */
const LOOKUPS_BEFORE_SET = 32;

/**
 * Whether a word is in the English word list. A Set of the whole list costs about 0.3 s to build,
 * while most runs look up a handful of words: the first ones are searched in the list's text
 * (about a millisecond each), and only a run that asks for many builds the Set.
 */
function isEnglishWord(word: string): boolean {
  if (englishWords) return englishWords.has(word);
  englishWordList ??= `\n${readFileSync(wordListPath, 'utf8')}\n`;
  let known = englishLookups.get(word);
  if (known === undefined) {
    if (englishLookups.size >= LOOKUPS_BEFORE_SET) {
      englishWords = new Set(englishWordList.slice(1, -1).split('\n'));
      return englishWords.has(word);
    }
    known = !word.includes('\n') && englishWordList.includes(`\n${word}\n`);
    englishLookups.set(word, known);
  }
  return known;
}

/**
 * Whether a run of words in capitals shouts. In English text it does when one of its words is an
 * English word ("FREE", "WE MISS YOU"), except a lone word of two letters (a state, country or
 * unit code: "OR", "US", "IT", "OK"); capitals that spell no word are initialisms ("HTML, CSS",
 * "URL", "PDF", "LLC"). Other languages have no word list here: every unlisted word counts.
 */
function readsAsShouting(span: string, locale: string): boolean {
  if (!isEnglish(locale)) return true;
  // "IT'S", "DON'T": the part before the apostrophe is the word.
  const words = span.split(/[^\p{L}'’]+/u).map((word) => word.split(/['’]/u)[0]!).filter((word) => word.length > 0);
  if (words.length === 1 && words[0]!.length <= 2) return false;
  return words.some((word) => word.length >= 2 && isEnglishWord(word.toLowerCase()));
}

function isShouted(word: string, allowed: ReadonlySet<string>, names: ReadonlySet<string>, minLength: number, locale: string): boolean {
  // Digits (MP3, 4WD) and dotted abbreviations (P.S, U.S) are not shouting.
  if (/[\p{N}.]/u.test(word) || !isAllCaps(word)) return false;
  const bare = word.replace(/['’]S$/u, '');
  const letters = bare.replace(/[^\p{L}]/gu, '');
  if (letters.length < minLength) return false;
  if (allowed.has(bare) || ROMAN_NUMERAL.test(bare)) return false;
  // A brand name in capitals is the `term` kind's finding, not shouting.
  return !names.has(foldCase(bare, locale));
}

// ---------------------------------------------------------------------------------------------
// readability

/** Prose scopes a readability rule reads when it names none: running text, not labels. */
export const READABILITY_SCOPES: readonly ProseScope[] = ['body', 'bot-reply', 'post', 'paragraph', 'list'];

interface SentenceStats {
  run: ProseRun;
  sentence: ProseSpan;
  words: number;
  syllables: number;
}

function sentenceStats(run: ProseRun): SentenceStats[] {
  const words = wordsOf(run).filter((w) => /\p{L}/u.test(w.text));
  return sentencesOf(run).map((sentence) => {
    const inside = words.filter((w) => w.start >= sentence.start && w.end <= sentence.end);
    return { run, sentence, words: inside.length, syllables: inside.reduce((sum, w) => sum + Math.max(1, syllable(w.text)), 0) };
  });
}

/** Flesch-Kincaid grade level of words, sentences and syllables. */
export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

export function checkReadability(context: KindContext, spec: ReadabilitySpec, sentenceMessage: boolean): void {
  const maxGrade = spec.maxGrade?.(context.document.channel);
  for (const message of scopedProse(context, { englishOnly: true, defaultScopes: READABILITY_SCOPES })) {
    const stats = message.runs.flatMap(sentenceStats).filter((s) => s.words > 0);
    if (spec.maxSentenceWords !== undefined && sentenceMessage) {
      for (const s of stats) {
        if (s.words <= spec.maxSentenceWords) continue;
        context.report({
          messageId: 'sentence',
          data: { words: s.words, max: spec.maxSentenceWords },
          range: proseRange(context.document, s.run, s.sentence.start, s.sentence.end),
          actual: `${s.words} words`,
          expected: [`at most ${spec.maxSentenceWords} words`],
        });
      }
    }
    if (maxGrade === undefined) continue;
    const words = stats.reduce((sum, s) => sum + s.words, 0);
    if (words < spec.minWords) continue;
    const syllables = stats.reduce((sum, s) => sum + s.syllables, 0);
    const grade = fleschKincaidGrade(words, stats.length, syllables);
    if (grade <= maxGrade) continue;
    // Point at the hardest sentence: the one that pulls the grade up most.
    const hardest = stats.reduce((a, b) => (fleschKincaidGrade(b.words, 1, b.syllables) > fleschKincaidGrade(a.words, 1, a.syllables) ? b : a));
    const shown = Math.round(grade * 10) / 10;
    context.report({
      messageId: 'default',
      data: { grade: shown, max: maxGrade, words, sentences: stats.length },
      range: proseRange(context.document, hardest.run, hardest.sentence.start, hardest.sentence.end),
      actual: `grade ${shown}`,
      expected: [`grade ${maxGrade} or lower`],
    });
  }
}

// ---------------------------------------------------------------------------------------------
// require

export function checkRequire(context: KindContext, spec: RequireSpec): void {
  const { document } = context;
  for (const message of scopedProse(context)) {
    if (message.runs.length === 0) continue;
    let satisfied = false;
    if (spec.pattern) {
      const { pattern } = spec;
      satisfied = message.runs.some((run) => pattern.test(run.run.text));
    }
    if (!satisfied && spec.linkPattern) {
      const pattern = spec.linkPattern;
      const { start, end } = message.message.range;
      satisfied =
        document.links.some((link) => link.range.start.offset >= start.offset && link.range.end.offset <= end.offset && (pattern.test(link.href) || pattern.test(link.text))) ||
        message.runs.some((run) => run.masks.some((mask) => (mask.kind === 'url' || mask.kind === 'domain') && pattern.test(mask.text)));
    }
    if (satisfied) continue;
    const first = message.runs[0]!;
    context.report({ messageId: 'default', data: {}, range: first.run.range });
  }
}

// ---------------------------------------------------------------------------------------------

/** Fills `{name}` placeholders (unknown ones stay). */
export function fillTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in data ? String(data[key]) : match));
}

/** Runs one spec. */
export function checkSpec(context: KindContext, spec: KindSpec): void {
  switch (spec.kind) {
    case 'existence':
      return checkExistence(context, spec);
    case 'substitution':
      return checkSubstitution(context, spec);
    case 'term':
      return checkTerm(context, spec);
    case 'occurrence':
      return checkOccurrence(context, spec);
    case 'shouting':
      return checkShouting(context, spec);
    case 'readability':
      return checkReadability(context, spec, true);
    case 'require':
      return checkRequire(context, spec);
  }
}
