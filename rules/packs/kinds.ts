/**
 * The rule kinds of rule packs, each a check over the prose module (src/core/prose.ts): what
 * `existence`, `substitution`, `term`, `occurrence`, `shouting`, `readability` and `require`
 * look for. A kind works on a normalised spec (built from a pack file, or from the brand's
 * guidelines) and only reports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { syllable } from 'syllable';
import { allMatches } from '../../src/core/all-matches.js';
import type { Channel } from '../../src/core/channels.js';
import type { Fix } from '../../src/core/diagnostic.js';
import type { ContentDocument, ProseScope } from '../../src/core/document.js';
import type { Range } from '../../src/core/position.js';
import {
  findInProse,
  foldCase,
  hasLocaleCasing,
  requiredLiteral,
  isAllCaps,
  isEnglish,
  languageOf,
  matchCase,
  proseRange,
  type MessageProse,
  type ProseRun,
  type ProseSpan,
} from '../../src/core/prose.js';
import type { SourceCode } from '../../src/core/source-code.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';
import type { Countable } from './schema.js';
import { SortedWordList } from './word-list.js';
import { eachGrapheme } from '../../src/core/graphemes.js';
import { packageRoot } from '../../src/core/package-info.js';

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
  /**
   * Languages the entry applies to (`pl` matches `pl-PL`); `configured`: the configured
   * locale's language only; every language when absent.
   */
  locales?: EntryLocales;
}

/** Languages of one entry: a list, or the configured locale's language. */
export type EntryLocales = readonly string[] | 'configured';

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
  terms: ReadonlyArray<{ term: string; wrong: readonly string[]; trademark?: '™' | '®' | undefined; caseSensitive: boolean; locales?: readonly string[] | undefined }>;
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
  /** Only text in the configured locale's language (the brand pack's `brand/shouting`). */
  configuredLanguageOnly?: boolean;
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
  source: SourceCode;
  brand: BrandModel | null;
  scope: RuleScope;
  /** The rule's message template (entry messages are filled with the same data). */
  message: string;
  report(report: KindReport): void;
  notApplied(reason: string): void;
}

// ---------------------------------------------------------------------------------------------
// Scoping

/** Whether an entry with these languages applies to text in `locale` (see {@link MatchEntry.locales}). */
export function entryApplies(locales: EntryLocales | undefined, locale: string, configured: string): boolean {
  if (locales === undefined) return true;
  if (locales !== 'configured') return localeMatches(locale, locales);
  let answers = configuredAnswers.get(configured);
  if (!answers) configuredAnswers.set(configured, (answers = new Map()));
  let answer = answers.get(locale);
  if (answer === undefined) answers.set(locale, (answer = localeMatchesNow(locale, [languageOf(configured)])));
  return answer;
}

/** Whether the configured locale's language applies, by configured locale and text locale (see {@link localeMatches}). */
const configuredAnswers = new Map<string, Map<string, boolean>>();

/**
 * Answers of {@link localeMatches} by list and locale: entry lists come from the compiled packs
 * (the same array every run) and a file has a few locales, so each pair is worked out once
 * instead of case-folding both sides for every entry of every run.
 */
const localeAnswers = new WeakMap<readonly string[], Map<string, boolean>>();

function localeMatches(locale: string, wanted: readonly string[]): boolean {
  let answers = localeAnswers.get(wanted);
  if (!answers) localeAnswers.set(wanted, (answers = new Map()));
  let answer = answers.get(locale);
  if (answer === undefined) answers.set(locale, (answer = localeMatchesNow(locale, wanted)));
  return answer;
}

function localeMatchesNow(locale: string, wanted: readonly string[]): boolean {
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
  const { scope } = context;
  const scopes = scope.scopes ?? options.defaultScopes;
  // Most pack rules share a scope (every prose run, any platform): the selection is made once per
  // document and scope, and every rule with that scope reads it.
  const key = JSON.stringify([scope.platforms ?? null, scopes ?? null, scope.locales ?? null, options.englishOnly === true]);
  const selections = context.source.view(SCOPED_PROSE, () => new Map<string, ScopedProse>());
  let selected = selections.get(key);
  if (!selected) {
    selected = selectProse(context, scopes, options.englishOnly === true);
    selections.set(key, selected);
  }
  for (const reason of selected.skipped) context.notApplied(reason);
  return selected.messages;
}

interface ScopedProse {
  messages: MessageProse[];
  /** Why runs were left out (their language), said by every rule that reads the selection. */
  skipped: string[];
}

const SCOPED_PROSE = Symbol('scoped prose of pack rules');

function selectProse(context: KindContext, scopes: readonly ProseScope[] | undefined, englishOnly: boolean): ScopedProse {
  const { document, scope } = context;
  const skipped = new Set<string>();
  const out: MessageProse[] = [];
  for (const message of context.source.prose) {
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
      if (englishOnly && !isEnglish(run.locale)) {
        skipped.add(`English only; the text is ${run.locale}`);
        return false;
      }
      return true;
    });
    out.push({ ...message, runs });
  }
  return { messages: out, skipped: [...skipped] };
}

// ---------------------------------------------------------------------------------------------
// existence, substitution

/**
 * `findInProse`, skipped where the pattern's required literal is not in the run: most entries of
 * a word list match nowhere in most runs, and a substring test is far cheaper than the pattern.
 */
function matchesIn(run: ProseRun, pattern: RegExp): readonly RegExpExecArray[] {
  const literal = requiredLiteral(pattern);
  if (literal !== null && !run.lowerText.includes(literal)) return NO_MATCHES;
  return findInProse(run, pattern);
}

/**
 * Shared by every entry that cannot match a run: a word list is checked entry by entry against
 * every run, and a new empty array each time was the largest allocation of a prose run.
 */
const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);
const NO_SPANS: ReadonlyArray<readonly [number, number]> = Object.freeze([]);
const NO_FOUND: readonly Found[] = Object.freeze([]);

function exceptionSpans(run: ProseRun, exceptions: readonly RegExp[]): ReadonlyArray<readonly [number, number]> {
  if (exceptions.length === 0) return NO_SPANS;
  return exceptions.flatMap((pattern) => matchesIn(run, pattern).map((m): [number, number] => [m.index, m.index + m[0].length]));
}

interface Found {
  run: ProseRun;
  start: number;
  end: number;
  actual: string;
  entry: MatchEntry;
}

/** Per entry list: whether some entry applies only to the configured locale's language. */
const configuredOnly = new WeakMap<readonly MatchEntry[], boolean>();

/**
 * Says (as a `not-applied` notice) that entries which by default apply only to the configured
 * locale's language (the brand's preferred terms) were left out of a run in another language.
 */
function noteConfiguredOnly(context: KindContext, run: ProseRun, entries: readonly MatchEntry[]): void {
  let some = configuredOnly.get(entries);
  if (some === undefined) configuredOnly.set(entries, (some = entries.some((entry) => entry.locales === 'configured')));
  const configured = context.source.defaultLocale;
  if (some && !entryApplies('configured', run.locale, configured)) {
    context.notApplied(`only for ${languageOf(configured)} (the configured locale); the text is ${run.locale}`);
  }
}

/** Matches of the entries, longest first where they overlap, outside exceptions. */
function findEntries(run: ProseRun, entries: readonly MatchEntry[], exceptions: readonly RegExp[], configured: string): readonly Found[] {
  // Exceptions are looked for once a match needs them; most runs have no match at all.
  let excepted: ReadonlyArray<readonly [number, number]> | undefined;
  // Made at the first match: most runs have none, for most entry lists.
  let all: Found[] | undefined;
  // Index loops: this runs for every entry of every run, and iterators were a large share of a
  // prose run's allocations.
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    if (!entryApplies(entry.locales, run.locale, configured)) continue;
    const matches = matchesIn(run, entry.pattern);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      const start = match.index;
      const end = start + match[0].length;
      excepted ??= exceptionSpans(run, exceptions);
      if (excepted.some(([a, b]) => a <= start && end <= b)) continue;
      (all ??= []).push({ run, start, end, actual: run.run.text.slice(start, end), entry });
    }
  }
  if (all === undefined) return NO_FOUND;
  if (all.length < 2) return all;
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  // Sorted by start: a match overlaps a kept one exactly when it starts before the furthest end kept so far.
  const kept: Found[] = [];
  let keptEnd = -1;
  for (const found of all) {
    if (found.start < keptEnd) continue;
    kept.push(found);
    keptEnd = Math.max(keptEnd, found.end);
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

/**
 * The entries of a list that may match somewhere in the document: those whose required literal is
 * in its prose (all runs, lower-cased, joined), in list order. A word list is checked against
 * every run; most of its entries occur in no run of a document, and one search of the whole
 * prose per entry replaces one per entry and run.
 */
function entriesInDocument(context: KindContext, entries: readonly MatchEntry[]): readonly MatchEntry[] {
  const byList = context.source.view(ENTRIES_IN_DOCUMENT, () => new Map<readonly MatchEntry[], readonly MatchEntry[]>());
  let found = byList.get(entries);
  if (found === undefined) {
    const prose = context.source.view(LOWER_PROSE, lowerProseOf);
    found = entries.filter((entry) => {
      const literal = requiredLiteral(entry.pattern);
      return literal === null || prose.includes(literal);
    });
    byList.set(entries, found);
  }
  return found;
}

const ENTRIES_IN_DOCUMENT = Symbol('pack entries whose literal is in the document');
const LOWER_PROSE = Symbol('lower-cased prose of the document');

/** Every prose run's `lowerText`, one per line: a literal found in no line is in no run. */
function lowerProseOf(source: SourceCode): string {
  const lines: string[] = [];
  for (const message of source.prose) for (const run of message.runs) lines.push(run.lowerText);
  return lines.join('\n');
}

export function checkExistence(context: KindContext, spec: ExistenceSpec): void {
  const entries = entriesInDocument(context, spec.entries);
  for (const message of scopedProse(context)) {
    for (const run of message.runs) {
      noteConfiguredOnly(context, run, spec.entries);
      for (const found of findEntries(run, entries, spec.exceptions, context.source.defaultLocale)) reportEntry(context, found);
    }
  }
}

export function checkSubstitution(context: KindContext, spec: SubstitutionSpec): void {
  const entries = entriesInDocument(context, spec.entries);
  for (const message of scopedProse(context)) {
    for (const run of message.runs) {
      noteConfiguredOnly(context, run, spec.entries);
      for (const found of findEntries(run, entries, spec.exceptions, context.source.defaultLocale)) {
        const { expected } = found.entry;
        const only = expected[0];
        if (only === undefined || expected.length > 1) {
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
  const index = termIndexOf(spec);
  for (const message of scopedProse(context)) {
    const firstUse = new Set<string>();
    for (const run of message.runs) {
      const words = run.words;
      const filter = hasLocaleCasing(run.locale) ? null : index;
      for (let i = 0; i < words.length; i++) {
        if (filter && !mayStartName(filter, words[i]!.text)) continue;
        const hit = matchTermAt(run, words, i, spec, index);
        if (!hit) continue;
        i += hit.words - 1;
        const { term, start, end, actual } = hit;
        if (!entryApplies(term.locales, run.locale, context.source.defaultLocale)) continue;
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

/**
 * A term spec's names by spelling: what matches a candidate exactly (the term, or one of its
 * wrong variants) and, per locale, what matches it case-folded (terms written in a set case).
 * Each entry lists the indexes of its terms in spec order, so the first term that matches is
 * the one a scan of the spec would find.
 */
interface TermIndex {
  maxWords: number;
  /** The first one, two and three characters of every name (right or wrong), lower case (see {@link mayStartName}). */
  prefixes: Set<string>;
  /** Names of one or two characters, lower case. */
  short: Set<string>;
  exact: Map<string, number[]>;
  caseSensitive: ReadonlyArray<readonly [number, string]>;
  folded: Map<string, Map<string, number[]>>;
}

const termIndexes = new WeakMap<TermSpec, TermIndex>();

function termIndexOf(spec: TermSpec): TermIndex {
  let index = termIndexes.get(spec);
  if (index) return index;
  const exact = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, at: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [at]);
    else if (list.at(-1) !== at) list.push(at);
  };
  spec.terms.forEach((term, at) => {
    add(exact, term.term, at);
    for (const wrong of term.wrong) add(exact, wrong, at);
  });
  const prefixes = new Set<string>();
  const short = new Set<string>();
  for (const name of spec.terms.flatMap((t) => [t.term, ...t.wrong])) {
    const lower = lowerForPrefix(name);
    for (let length = 1; length <= Math.min(3, lower.length); length++) prefixes.add(lower.slice(0, length));
    if (lower.length < 3) short.add(lower);
  }
  index = {
    maxWords: Math.max(1, ...spec.terms.flatMap((t) => [t.term, ...t.wrong].map(wordCount))),
    prefixes,
    short,
    exact,
    caseSensitive: spec.terms.flatMap((term, at) => (term.caseSensitive ? [[at, term.term] as const] : [])),
    folded: new Map(),
  };
  termIndexes.set(spec, index);
  return index;
}

/** The case-sensitive terms by their case-folded name in a locale. */
function foldedTermsOf(index: TermIndex, locale: string): Map<string, number[]> {
  let folded = index.folded.get(locale);
  if (!folded) {
    folded = new Map();
    for (const [at, term] of index.caseSensitive) {
      const key = foldCase(term, locale);
      const list = folded.get(key);
      if (list) list.push(at);
      else folded.set(key, [at]);
    }
    index.folded.set(locale, folded);
  }
  return folded;
}

/** Lower case with every final sigma written as a sigma: lowering a prefix gives a prefix of the lowered text. */
function lowerForPrefix(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ς') ? lower.replace(/ς/g, 'σ') : lower;
}

/**
 * Whether a name (right or wrong) may start at a word, by the word's first characters: false
 * only where {@link matchTermAt} finds none. A name it finds is, lowered, the lowered text from
 * the word's start (the word with a suffix cut, or the word and more words): so the name's first
 * three characters are the word's, or the word is shorter and begins the name, or the name is
 * shorter than three characters and begins the word. Only for locales whose case folding is
 * `toLowerCase` (not Turkish, Azeri, Lithuanian).
 */
function mayStartName(index: TermIndex, word: string): boolean {
  const lower = lowerForPrefix(word);
  if (index.prefixes.has(lower.slice(0, 3))) return true;
  return index.short.size > 0 && (index.short.has(lower.slice(0, 1)) || index.short.has(lower.slice(0, 2)));
}

/** The longest name (right or wrong) that starts at word `i`. */
function matchTermAt(run: ProseRun, words: readonly ProseSpan[], i: number, spec: TermSpec, index: TermIndex): TermHit | null {
  const first = words[i]!;
  const folded = index.caseSensitive.length > 0 ? foldedTermsOf(index, run.locale) : null;
  for (let k = Math.min(index.maxWords, words.length - i); k >= 1; k--) {
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
      // The first term (in spec order) named exactly by `base`, or case-folded for a term in a set case.
      let best = index.exact.get(base)?.[0] ?? Infinity;
      if (folded && folded.size > 0) best = Math.min(best, folded.get(foldCase(base, run.locale))?.[0] ?? Infinity);
      if (best !== Infinity) return { term: spec.terms[best]!, start: first.start, end: first.start + base.length, actual: base, words: k };
    }
  }
  return null;
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
        for (const match of allMatches(run.text, mark)) add(run, match.index, match.index + match[0].length);
        break;
      }
      case 'emoji':
        // A grapheme holding an emoji is part of the text: text without one needs no segmenting.
        if (!EMOJI.test(run.text)) break;
        // In windows around the characters that can join (one pass over a long text, see measure.ts).
        eachGrapheme(run.text, (start, end) => {
          // A lone ASCII character is never an emoji.
          if (end - start === 1 && run.text.charCodeAt(start) < 128) return;
          if (EMOJI.test(run.text.slice(start, end))) add(run, start, end);
        });
        break;
      case 'hashtag':
      case 'mention':
        for (const mask of run.masks) if (mask.kind === spec.count) add(run, mask.start, mask.end);
        break;
      case 'link':
        for (const mask of run.masks) if (mask.kind === 'url' || mask.kind === 'domain') add(run, mask.start, mask.end);
        break;
      case 'pattern':
        for (const match of allMatches(run.text, spec.pattern!)) if (match[0].length > 0) add(run, match.index, match.index + match[0].length);
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
  const configured = context.source.defaultLocale;
  const brandAcronyms = spec.brandAcronyms ? (context.brand?.voice?.acronyms ?? []) : [];
  const names = (context.brand?.voice?.names ?? []).flatMap((name) => [name.term, ...name.wrong]);
  for (const message of scopedProse(context)) {
    for (const run of message.runs) {
      if (spec.configuredLanguageOnly && !entryApplies('configured', run.locale, configured)) {
        context.notApplied(`only for ${languageOf(configured)} (the configured locale); the text is ${run.locale}`);
        continue;
      }
      // Built for the first word in capitals: most runs have none.
      let allowed: Set<string> | undefined;
      let foldedNames: Set<string> | undefined;
      const allowedHere = (): Set<string> => {
        if (allowed) return allowed;
        allowed = new Set(spec.acronyms);
        for (const entry of brandAcronyms) {
          if (typeof entry === 'string') allowed.add(entry);
          else if (entryApplies(entry.locales, run.locale, configured)) allowed.add(entry.acronym);
        }
        return allowed;
      };
      const namesHere = (): Set<string> => (foldedNames ??= new Set(names.map((name) => foldCase(name, run.locale))));
      let open: Array<{ start: number; end: number; text: string }> | null = null;
      const flush = (): void => {
        if (!open) return;
        const words = trimInitialisms(open, run.locale);
        open = null;
        const start = words[0]!.start;
        const end = words[words.length - 1]!.end;
        const actual = run.run.text.slice(start, end);
        if (readsAsShouting(actual, run.locale)) {
          context.report({ messageId: 'default', data: { actual }, range: proseRange(context.document, run, start, end), actual });
        }
      };
      let previousEnd = -1;
      for (const word of run.words) {
        // A word with a lower-case letter is not in capitals (most words: no further test).
        const lower = hasAsciiLowerCase(word.text);
        // A word joined to a path or identifier (`LICENSES/mit.txt`, `MAX_SIZE`) is a name, not prose.
        const inPath = !lower && (word.text.includes('_') || /[/\\_]/u.test(run.text[word.start - 1] ?? '') || /[/\\_]/u.test(run.text[word.end] ?? ''));
        const shouted = !lower && !inPath && isShouted(word.text, allowedHere(), namesHere(), spec.minLength, run.locale);
        if (!shouted || (open && !/^[\s\p{P}]*$/u.test(run.text.slice(previousEnd, word.start)))) flush();
        if (shouted) (open ??= []).push(word);
        previousEnd = word.end;
      }
      flush();
    }
  }
}

/** The English word list (word-list, ~275,000 words), by first letter, read on first need only. */
const englishWords = new Map<string, SortedWordList>();
let wholeEnglishList: SortedWordList | undefined;

/**
 * Whether a word is in the English word list. The build splits the list by first letter
 * (dist/english-words/<letter>.txt, see scripts/build.mjs), so that a file with one word in
 * capitals reads about 100 KB instead of 2.8 MB; run from source, the whole list is read.
 */
function isEnglishWord(word: string): boolean {
  const letter = word[0] ?? '';
  // The list holds lower-case a-z words only (rules/packs/kinds.test.ts checks it).
  if (!/^[a-z]$/.test(letter)) return false;
  let list = englishWords.get(letter);
  if (!list) {
    list = englishWordsStartingWith(letter);
    englishWords.set(letter, list);
  }
  return list.has(word);
}

function englishWordsStartingWith(letter: string): SortedWordList {
  try {
    // Written sorted and without repeats by scripts/build.mjs, in a-z only: read as Latin-1, the same text without UTF-8 decoding.
    return SortedWordList.ofSortedLines(readFileSync(path.join(packageRoot(), 'dist', 'english-words', `${letter}.txt`), 'latin1'));
  } catch {
    // not built: the whole list
  }
  // word-list's own entry computes this path from its module URL, which bundling would change.
  wholeEnglishList ??= new SortedWordList(readFileSync(englishWordListFile(), 'utf8'));
  return wholeEnglishList;
}

/** word-list's words.txt (one word a line, lower case). */
export function englishWordListFile(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('word-list')), 'words.txt');
}

/**
 * A run of capitals without the initialisms at its edges ("NBC POLL" shouts "POLL", "READ THE
 * FAQ" shouts "READ THE"): an initialism alone is no shouting (see readsAsShouting), so the
 * finding marks, and asks to lower, only the words around it. English only; a run of nothing but
 * initialisms is kept whole (readsAsShouting lets it pass).
 */
function trimInitialisms<T extends { text: string }>(words: T[], locale: string): T[] {
  if (!isEnglish(locale)) return words;
  const isInitialism = (word: T): boolean => {
    const letters = word.text.split(/['‘’]/u)[0]!;
    return !(letters.length >= 2 && isEnglishWord(letters.toLowerCase()));
  };
  let from = 0;
  let to = words.length;
  while (from < to - 1 && isInitialism(words[from]!)) from++;
  while (to - 1 > from && isInitialism(words[to - 1]!)) to--;
  return words.slice(from, to);
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

function hasAsciiLowerCase(word: string): boolean {
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    if (code >= 97 && code <= 122) return true;
  }
  return false;
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
  const { sentences, sentenceWords } = run;
  return sentences.map((sentence, index) => {
    let words = 0;
    let syllables = 0;
    for (const word of sentenceWords[index]!) {
      if (!/\p{L}/u.test(word.text)) continue;
      words++;
      syllables += Math.max(1, syllablesOf(word.text));
    }
    return { run, sentence, words, syllables };
  });
}

/** Syllable counts of words seen before (the same words recur in every file); bounded. */
const syllableCounts = new Map<string, number>();

function syllablesOf(word: string): number {
  let count = syllableCounts.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (syllableCounts.size >= 50_000) syllableCounts.clear();
    syllableCounts.set(word, count);
  }
  return count;
}

/**
 * A sentence that is no sentence for a reading grade: one word, or at most three words without
 * a sentence's closing punctuation (a label, a link, a signature line).
 */
function isFragment(s: SentenceStats): boolean {
  if (s.words <= 1) return true;
  return s.words <= 3 && !/[.!?…。！？]["'”’)\]]*\s*$/u.test(s.sentence.text);
}

/** Flesch-Kincaid grade level of words, sentences and syllables. */
export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

export function checkReadability(context: KindContext, spec: ReadabilitySpec, sentenceMessage: boolean): void {
  const maxGrade = spec.maxGrade?.(context.document.channel);
  for (const message of scopedProse(context, { englishOnly: true, defaultScopes: READABILITY_SCOPES })) {
    const all = message.runs.flatMap(sentenceStats).filter((s) => s.words > 0);
    if (spec.maxSentenceWords !== undefined && sentenceMessage) {
      for (const s of all) {
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
    // Fragments ("Unsubscribe", a signature's "Operations Manager") are no sentences for the grade.
    const stats = all.filter((s) => !isFragment(s));
    const words = stats.reduce((sum, s) => sum + s.words, 0);
    if (words < spec.minWords) continue;
    const syllables = stats.reduce((sum, s) => sum + s.syllables, 0);
    const grade = fleschKincaidGrade(words, stats.length, syllables);
    if (grade <= maxGrade) continue;
    // Point at the hardest sentence: the one that pulls the grade up most (the message's grade
    // without it is lowest), not the one with the highest grade of its own.
    const without = (s: SentenceStats) => (stats.length === 1 ? -Infinity : fleschKincaidGrade(words - s.words, stats.length - 1, syllables - s.syllables));
    const hardest = stats.reduce((a, b) => (without(b) < without(a) ? b : a));
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
