/**
 * The rule pack format: a YAML file of declarative voice rules, validated strictly (unknown
 * keys, bad levels, bad regular expressions are positioned errors), the way Vale validates its
 * styles. See rules/packs/README.md for the format with an example of every kind.
 */
import { z } from 'zod';
import { CHANNELS } from '../../src/core/channels.js';
import { PROSE_SCOPES } from '../../src/core/document.js';

export const RULE_KINDS = ['existence', 'substitution', 'term', 'occurrence', 'shouting', 'readability', 'require'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What an `occurrence` rule counts per message. */
export const COUNTABLES = ['exclamation', 'question', 'emoji', 'hashtag', 'mention', 'link', 'pattern'] as const;
export type Countable = (typeof COUNTABLES)[number];

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const id = z.string().regex(ID, 'expected a lower-case id such as "plain-language" (letters, digits, single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');

function checkRegExp(pattern: string, ctx: z.RefinementCtx): void {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`,
      params: { ruleId: 'invalid-regex' },
    });
  }
}
const regex = text.superRefine(checkRegExp);

/** A BCP 47 language tag (`en`, `de-DE`, `zh-Hans`). */
const locale = z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "de-DE"');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must list at least one entry');

/** Keys every rule has, whatever its kind. */
const common = {
  /** `<pack>/<id>` is the rule id diagnostics show and configuration names. */
  id,
  /** Level when the configuration does not set one. Default `warn`. */
  level: z.enum(['off', 'warn', 'error']).default('warn'),
  /** The finding's text: a template with `{placeholders}` (see the kind). */
  message: text,
  /** What the rule is for (docs). */
  description: text.optional(),
  /** Where to read more (shown with the finding). */
  link: z.url().optional(),
  /** Only these channels. */
  channels: list(z.enum(CHANNELS)).optional(),
  /** Only messages of these platforms (`x`, `linkedin`, a chatbot channel). */
  platforms: list(text).optional(),
  /** Only prose of these scopes. */
  scopes: list(z.enum(PROSE_SCOPES)).optional(),
  /** Only text in these languages (`en` matches `en-GB`); wins over the pack's `locales`. */
  locales: list(locale).optional(),
};

/** A phrase, or a phrase with its own message. */
const tokenEntry = z.union([
  text,
  z.strictObject({
    /** Whole words; case-insensitive unless the rule sets `ignoreCase: false`. */
    phrase: text,
    /** Message for this entry (wins over the rule's). */
    message: text.optional(),
    /** What to write instead (shown as `{expected}`). */
    suggest: z.union([text, list(text)]).optional(),
    /** Only text in these languages (`pl` matches `pl-PL`); the rule's languages when absent. */
    locales: list(locale).optional(),
  }),
]);

/** A regular expression, or one with its own message. */
const patternEntry = z.union([
  regex,
  z.strictObject({
    pattern: regex,
    message: text.optional(),
    suggest: z.union([text, list(text)]).optional(),
    locales: list(locale).optional(),
  }),
]);

const existence = z
  .strictObject({
    ...common,
    kind: z.literal('existence'),
    /** Words and phrases never to use (whole words). */
    tokens: z.array(tokenEntry).default([]),
    /** JavaScript regular expressions (Unicode mode) for what a phrase cannot express. */
    patterns: z.array(patternEntry).default([]),
    /** Match in any letter case. Default true. */
    ignoreCase: z.boolean().default(true),
    /** Phrases that contain a match but are fine ("master's degree"). */
    exceptions: z.array(text).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.tokens.length === 0 && value.patterns.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'an existence rule needs "tokens" or "patterns"', path: ['kind'] });
    }
  });

const substitution = z.strictObject({
  ...common,
  kind: z.literal('substitution'),
  /** Phrase -> replacement, or a list of replacements to choose from (then no automatic fix). */
  swap: z.record(text, z.union([text, list(text)])).refine((value) => Object.keys(value).length > 0, 'must list at least one phrase'),
  ignoreCase: z.boolean().default(true),
  exceptions: z.array(text).default([]),
});

const termEntry = z.strictObject({
  /** The only correct spelling ("CloudPack"). */
  term: text,
  /** Known wrong spellings ("Cloud Pack"), matched exactly as written (so "north wind" in a weather report is fine). */
  wrong: z.array(text).default([]),
  /** Mark required on the first use in each message. */
  trademark: z.enum(['™', '®']).optional(),
  /** Any spelling that differs from `term` only in letter case is wrong too. Default true. */
  caseSensitive: z.boolean().default(true),
  /** Only text in these languages (`pl` matches `pl-PL`); the rule's languages when absent. */
  locales: list(locale).optional(),
});

const term = z.strictObject({
  ...common,
  kind: z.literal('term'),
  terms: list(termEntry),
  /** Message when the trademark symbol is missing on the first use (`{expected}`, `{mark}`). */
  trademarkMessage: text.default('Add "{mark}" to the first "{expected}" in this message.'),
});

const occurrence = z
  .strictObject({
    ...common,
    kind: z.literal('occurrence'),
    /** What to count per message. */
    count: z.enum(COUNTABLES),
    /** With `count: pattern`: the regular expression to count. */
    pattern: regex.optional(),
    /** At most this many per message. */
    max: z.number().int().nonnegative(),
  })
  .superRefine((value, ctx) => {
    if ((value.count === 'pattern') !== (value.pattern !== undefined)) {
      ctx.addIssue({ code: 'custom', message: '"pattern" is required with count: pattern, and only then', path: ['pattern'] });
    }
  });

const shouting = z.strictObject({
  ...common,
  kind: z.literal('shouting'),
  /** All-caps words that are fine (GPS, FAQ). */
  acronyms: z.array(z.string().regex(/^(?=.*\p{Lu})[\p{Lu}\p{N}&]+$/u, 'expected an acronym in capitals, such as "GPS"')).default([]),
  /** Also allow the brand's `voice.acronyms`. Default true. */
  brandAcronyms: z.boolean().default(true),
  /** Shortest word (in letters) that counts as shouting. Default 2: single letters never shout. */
  minLength: z.number().int().min(1).default(2),
});

const perChannelNumber = z.union([z.number().positive(), z.partialRecord(z.enum(CHANNELS), z.number().positive())]);

const readability = z
  .strictObject({
    ...common,
    kind: z.literal('readability'),
    /** Highest Flesch-Kincaid grade per message, or per channel (`{ email: 8, chatbot: 6 }`). */
    maxGrade: perChannelNumber.optional(),
    /** Longest sentence, in words. */
    maxSentenceWords: z.number().int().positive().optional(),
    /** Messages with fewer words are not graded (formulas mean little on a few words). Default 20. */
    minWords: z.number().int().nonnegative().default(20),
    /** Message when a sentence is too long (`{words}`, `{max}`). */
    sentenceMessage: text.default('This sentence has {words} words; keep sentences to {max} words or fewer.'),
  })
  .superRefine((value, ctx) => {
    if (value.maxGrade === undefined && value.maxSentenceWords === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a readability rule needs "maxGrade" or "maxSentenceWords"', path: ['kind'] });
    }
  });

const requireRule = z
  .strictObject({
    ...common,
    kind: z.literal('require'),
    /** A regular expression the message's text must match (hashtags and links included). */
    pattern: regex.optional(),
    /** A regular expression one link of the message must match (its href or its text). */
    linkPattern: regex.optional(),
    /** Match in any letter case. Default true. */
    ignoreCase: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    if (value.pattern === undefined && value.linkPattern === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a require rule needs "pattern" or "linkPattern"', path: ['kind'] });
    }
  });

export const packRuleSchema = z.discriminatedUnion('kind', [existence, substitution, term, occurrence, shouting, readability, requireRule]);

/** Each kind's own schema (an unknown key's message lists the keys of the rule's kind only). */
export const RULE_SCHEMAS: Readonly<Record<RuleKind, z.ZodType>> = {
  existence,
  substitution,
  term,
  occurrence,
  shouting,
  readability,
  require: requireRule,
};

export const packSchema = z
  .strictObject({
    /** The pack id: the first part of its rule ids (`plain-language/utilize`). */
    id,
    description: text,
    link: z.url().optional(),
    /** Languages the pack's rules apply to; all when absent. */
    locales: list(locale).optional(),
    rules: list(packRuleSchema),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first === undefined) seen.set(rule.id, index);
      else ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}" (first defined at index ${first})`, params: { ruleId: 'duplicate' } });
    });
  });

export type RulePack = z.output<typeof packSchema>;
export type PackRule = z.output<typeof packRuleSchema>;
export type PackRuleOf<K extends RuleKind> = Extract<PackRule, { kind: K }>;
export type TermEntry = z.output<typeof termEntry>;
