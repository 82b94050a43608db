import { createRequire } from 'node:module';
import type WriteGood from 'write-good';
import * as z from 'zod';
import { allMatches } from '../../src/core/all-matches.js';
import { PROSE_SCOPES, type ProseScope } from '../../src/core/document.js';
import { isEnglish, isMasked, phrasePattern, proseRange, type ProseRun } from '../../src/core/prose.js';
import { defineRule } from '../../src/core/rule.js';
import { clauseStartMatches, type ClauseStartCheck } from './clause-starts.js';
import { phraseListMatcher, type PhraseMatch, type PhraseMatcher } from './phrase-list.js';

/** write-good's checks, in the order a span flagged by several is named. */
const CHECKS = ['passive', 'illusion', 'so', 'thereIs', 'cliches', 'tooWordy', 'weasel', 'adverb', 'eprime'] as const;
type Check = (typeof CHECKS)[number];

/** How each check explains itself after the quoted text. */
const EXPLANATIONS: Readonly<Record<Check, string>> = {
  passive: 'may be passive voice; say who acts',
  illusion: 'is repeated',
  so: 'adds no meaning at the start of a sentence',
  thereIs: 'is unnecessary verbiage; start with the subject',
  cliches: 'is a cliché',
  tooWordy: 'is wordy or unneeded',
  weasel: 'is a weasel word',
  adverb: 'can weaken meaning',
  eprime: 'is a form of "to be"',
};

/**
 * The defaults keep write-good's checks that were right on real content (measured with
 * `npm run sample-review`, see docs/precision.md): passive voice ("A name is required") and a
 * sentence-opening "So" ("So far", "So many") were mostly wrong and are off; adverbs are the
 * intensifiers and hedges below, not every -ly word ("safely", "correctly") nor the temporal
 * "just" ("just released"); weasel words leave out plain quantities ("a few", "many"); wordy
 * phrases leave out write-good's single words ("purchase", "amazing", "multiple") and "it is".
 */
const INTENSIFIERS = new Set(['absolutely', 'completely', 'definitely', 'exceedingly', 'extremely', 'frankly', 'honestly', 'literally', 'maybe', 'really', 'remarkably', 'seriously', 'simply', 'very']);
const QUANTITIES = new Set(['few', 'many', 'several', 'various', 'tiny', 'vast', 'huge']);
const PLAIN_PHRASES = new Set(['it is', 'it was', 'all of']);
/**
 * Degree words that state a fact once negated: "didn't quite understand", "not entirely sure",
 * "not completely dry" say "only partly", which is no hedge or intensifier.
 */
const NEGATABLE = new Set(['quite', 'entirely', 'completely', 'fully', 'totally']);
/**
 * "really" in a yes/no question, after the verb and its subject ("Is it really open source?",
 * "Do you really need it?"): it asks whether something is true, which is no intensifier.
 */
const QUESTIONING_REALLY = /\b(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\s+(?:it|that|this|they|you|we|he|she|there|i)\s+$/i;

/** A negation right before a word: "not", "never", "n't" ("didn't", "isn’t"). */
const NEGATION_BEFORE = /(?:\bnot|\bnever|n['’]t)\s+$/i;

const options = z.strictObject({
  /** Passive voice ("was stolen"): off by default, most hits are idiomatic ("is required"). */
  passive: z.boolean().default(false),
  /** A word repeated by accident ("the the"). */
  illusion: z.boolean().default(true),
  /** "So" at the start of a sentence: off by default ("So far", "So many" are no filler). */
  so: z.boolean().default(false),
  /** "There is" / "There are" at the start of a sentence. */
  thereIs: z.boolean().default(true),
  /** Weasel words ("many", "various", "very"). */
  weasel: z.boolean().default(true),
  /** Adverbs that weaken meaning ("really", "extremely"). */
  adverb: z.boolean().default(true),
  /** Wordy phrases ("in order to", "utilize"). */
  tooWordy: z.boolean().default(true),
  /** Clichés ("at the end of the day"). */
  cliches: z.boolean().default(true),
  /** With `adverb`: every adverb write-good lists (-ly words, "just", "things", "stuff"), not only intensifiers and hedges. */
  allAdverbs: z.boolean().default(false),
  /** With `weasel`: also plain quantities ("few", "many", "several", "various", "huge"). */
  weaselQuantities: z.boolean().default(false),
  /** With `tooWordy`: also write-good's single words ("purchase", "amazing", "modify") and "it is", "it was", "all of". */
  wordyWords: z.boolean().default(false),
  /** Every form of "to be" (E-Prime): strict, off by default. */
  eprime: z.boolean().default(false),
  /** Phrases never flagged (`read-only`, `very light`), matched as whole words, any case. */
  allow: z.array(z.string().min(1)).default([]),
  /** Scopes checked; default all prose. */
  scopes: z.array(z.enum(PROSE_SCOPES)).min(1).default([...PROSE_SCOPES]),
});

export type ProseStyleOptions = z.infer<typeof options>;

let writeGood: typeof WriteGood | undefined;

/**
 * write-good and its word lists load on the first check, not when the rule catalogue loads. In the
 * CLI bundle (CommonJS) `require` is esbuild's: write-good is bundled, so V8's code cache holds it
 * instead of Node compiling its files from source on every run; elsewhere (ES modules) Node loads it.
 */
function loadWriteGood(): typeof WriteGood {
  writeGood ??= (typeof require === 'function' ? require('write-good') : createRequire(import.meta.url)('write-good')) as typeof WriteGood;
  return writeGood;
}

/**
 * write-good's cliché check, run by a faster matcher with the same results (see phrase-list.ts):
 * its own took most of this rule's time. (too-wordy's list is short enough to stay as it is.)
 * Built on first use.
 */
export const PHRASE_LISTS = { cliches: 'no-cliches' } as const;
type PhraseListCheck = keyof typeof PHRASE_LISTS;
const phraseLists = new Map<PhraseListCheck, PhraseMatcher>();

function phraseListMatches(check: PhraseListCheck, text: string): PhraseMatch[] {
  let matcher = phraseLists.get(check);
  if (!matcher) {
    matcher = phraseListMatcher(PHRASE_LISTS[check]);
    phraseLists.set(check, matcher);
  }
  return matcher(text);
}

const isPhraseList = (check: Check): check is PhraseListCheck => check in PHRASE_LISTS;

/** Checks run here instead of by write-good (same results, see clause-starts.ts and phrase-list.ts). */
const isOwnMatcher = (check: Check): check is PhraseListCheck | ClauseStartCheck => isPhraseList(check) || check === 'so' || check === 'thereIs';

function ownMatches(check: PhraseListCheck | ClauseStartCheck, text: string): PhraseMatch[] {
  return isPhraseList(check) ? phraseListMatches(check, text) : clauseStartMatches(text, check);
}

/** One check's suggestions (index, length) for a text. */
function suggestionsOf(text: string, check: Check): PhraseMatch[] {
  if (isOwnMatcher(check)) return ownMatches(check, text);
  let options = onlyOptions.get(check);
  if (!options) {
    options = { ...Object.fromEntries(CHECKS.map((other) => [other, false])), [check]: true };
    onlyOptions.set(check, options);
  }
  return loadWriteGood()(text, options);
}

/** write-good's options that turn on one check alone, built once per check. */
const onlyOptions = new Map<Check, Record<string, boolean>>();

interface Finding {
  start: number;
  end: number;
  checks: Check[];
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export default defineRule<ProseStyleOptions>({
  meta: {
    id: 'prose-style',
    description: 'English prose avoids passive voice, weasel words, weak adverbs, wordy phrases and clichés (write-good).',
    category: 'voice',
    fixable: false,
    defaultLevel: 'warn',
    messages: Object.fromEntries(CHECKS.map((check) => [check, `"{text}" ${EXPLANATIONS[check]}{also}`])),
    options,
  },
  check({ document, source, options, report, notApplied }) {
    const enabled = CHECKS.filter((check) => options[check]);
    if (enabled.length === 0) return;
    const scopes = new Set<ProseScope>(options.scopes);
    const allowed = options.allow.map((phrase) => phrasePattern(phrase));
    const skipped = new Set<string>();

    for (const message of source.prose) {
      for (const prose of message.runs) {
        if (!scopes.has(prose.scope) || !/\p{L}/u.test(prose.text)) continue;
        if (!isEnglish(prose.locale)) {
          skipped.add(prose.locale);
          continue;
        }
        for (const finding of findingsOf(prose, enabled, allowed, options)) {
          const [first, ...rest] = finding.checks;
          report({
            messageId: first!,
            data: {
              text: prose.run.text.slice(finding.start, finding.end),
              also: rest.length > 0 ? ` and ${rest.map((check) => EXPLANATIONS[check]).join(' and ')}` : '',
            },
            range: proseRange(document, prose, finding.start, finding.end),
            actual: prose.run.text.slice(finding.start, finding.end),
          });
        }
      }
    }
    for (const locale of [...skipped].sort()) notApplied(`English only; the text is ${locale}`);
  },
});

/** write-good's suggestions for one run, each check run alone so that every suggestion is known by its check. */
function findingsOf(prose: ProseRun, enabled: readonly Check[], allowed: readonly RegExp[], tuning: Pick<ProseStyleOptions, 'allAdverbs' | 'weaselQuantities' | 'wordyWords'>): readonly Finding[] {
  // The allowed spans are looked for only in a run with a suggestion (most runs have none).
  let allowedSpans: Array<readonly [number, number]> | undefined;
  // Each check runs once: a pass with every check first (to skip clean runs) cost a second pass
  // over every run with a suggestion, and the checks are independent regex scans anyway.
  // Made at the first suggestion kept: most runs have none.
  let byRange: Map<string, Finding> | undefined;
  for (const check of enabled) {
    for (const suggestion of suggestionsOf(prose.text, check)) {
      const start = suggestion.index;
      const end = start + suggestion.offset;
      if (end <= start || isMasked(prose, start, end)) continue;
      allowedSpans ??= allowed.flatMap((pattern) =>
        allMatches(prose.text, pattern).map((match) => [match.index, match.index + match[0].length] as const),
      );
      if (allowedSpans.some(([from, to]) => from < end && start < to)) continue;
      // "see {{ link }} see" reads "see        see" once masked: not a repeated word.
      if (check === 'illusion' && maskedBefore(prose, start)) continue;
      const text = prose.text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
      if (!kept(check, text, tuning)) continue;
      if ((check === 'weasel' || check === 'adverb') && NEGATABLE.has(text) && NEGATION_BEFORE.test(prose.text.slice(Math.max(0, start - 12), start))) continue;
      if (text === 'really' && QUESTIONING_REALLY.test(prose.text.slice(Math.max(0, start - 20), start)) && /^[^.!?]*\?/.test(prose.text.slice(end))) continue;
      const key = `${start}:${end}`;
      byRange ??= new Map();
      const finding = byRange.get(key);
      if (finding) finding.checks.push(check);
      else byRange.set(key, { start, end, checks: [check] });
    }
  }
  if (byRange === undefined) return NO_FINDINGS;
  return [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether a suggestion of a check is kept under the tuning options (see INTENSIFIERS). */
function kept(check: Check, text: string, tuning: Pick<ProseStyleOptions, 'allAdverbs' | 'weaselQuantities' | 'wordyWords'>): boolean {
  switch (check) {
    case 'adverb':
      return tuning.allAdverbs || INTENSIFIERS.has(text);
    case 'weasel':
      return tuning.weaselQuantities || !QUANTITIES.has(text);
    case 'tooWordy':
      return tuning.wordyWords || (text.includes(' ') && !PLAIN_PHRASES.has(text));
    default:
      return true;
  }
}

/** Whether a masked span sits between the word at `start` and the word before it. */
function maskedBefore(prose: ProseRun, start: number): boolean {
  let at = start;
  while (at > 0 && /\s/.test(prose.text[at - 1]!)) at--;
  return prose.masks.some((mask) => mask.start >= at && mask.end <= start);
}
