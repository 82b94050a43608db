/**
 * A validated rule pack -> one DocumentRule per pack rule, registered as `<pack>/<rule>`. The
 * engine then treats them like any other rule: levels from the configuration, directives,
 * fixes, docs links.
 */
import type { Channel } from '../../src/core/channels.js';
import { phrasePattern } from '../../src/core/prose.js';
import { defineRule, type DocumentRule, type RuleMeta } from '../../src/core/rule.js';
import { checkSpec, MESSAGE_IDS, type KindContext, type KindSpec, type MatchEntry, type RuleScope } from './kinds.js';
import type { PackRule, RulePack } from './schema.js';

/** A rule whose options the engine does not know (pack rules take none). */
export type PackDocumentRule = DocumentRule<unknown>;

/** Where pack rules without their own `link` are documented: docs/packs.md. */
export const PACKS_DOCS_URL = 'https://github.com/brandlint/brandlint/blob/main/docs/packs.md';

const TRADEMARK_MESSAGE = 'Add "{mark}" to the first "{expected}" in this message.';
const SENTENCE_MESSAGE = 'This sentence has {words} words; keep sentences to {max} words or fewer.';

/** The messages every pack rule declares (the engine checks reported message ids against them). */
export function packMessages(message: string, extra: { trademark?: string; sentence?: string } = {}): Record<string, string> {
  return {
    [MESSAGE_IDS.default]: message,
    [MESSAGE_IDS.entry]: '{message}',
    [MESSAGE_IDS.trademark]: extra.trademark ?? TRADEMARK_MESSAGE,
    [MESSAGE_IDS.sentence]: extra.sentence ?? SENTENCE_MESSAGE,
  };
}

/** Builds the DocumentRule of a spec: scoping, the kind's check, and reports through the engine. */
export function specRule(
  meta: Omit<RuleMeta<unknown>, 'category' | 'options'>,
  scope: RuleScope,
  spec: (context: { brand: KindContext['brand'] }) => KindSpec | null,
): PackDocumentRule {
  return defineRule<unknown>({
    meta: { ...meta, category: 'voice' },
    check(context) {
      const resolved = spec({ brand: context.brand });
      if (!resolved) return;
      const kindContext: KindContext = {
        document: context.document,
        source: context.source,
        brand: context.brand,
        scope,
        message: meta.messages[MESSAGE_IDS.default] ?? '',
        report: (report) => context.report(report),
        notApplied: (reason) => context.notApplied(reason),
      };
      checkSpec(kindContext, resolved);
    },
  });
}

/** Every rule of a pack, as `<pack>/<rule>`. */
export function compilePack(pack: RulePack): PackDocumentRule[] {
  return pack.rules.map((rule) => {
    const spec = specOf(rule);
    const scope: RuleScope = {
      ...(rule.platforms ? { platforms: rule.platforms } : {}),
      ...(rule.scopes ? { scopes: rule.scopes } : {}),
      ...((rule.locales ?? pack.locales) ? { locales: rule.locales ?? pack.locales } : {}),
    };
    const link = rule.link ?? pack.link;
    return specRule(
      {
        id: `${pack.id}/${rule.id}`,
        description: rule.description ?? `${pack.description} (${rule.kind})`,
        fixable: rule.kind === 'substitution' || rule.kind === 'term',
        ...(rule.channels ? { channels: rule.channels } : {}),
        defaultLevel: rule.level,
        messages: packMessages(rule.message, {
          ...(rule.kind === 'term' ? { trademark: rule.trademarkMessage } : {}),
          ...(rule.kind === 'readability' ? { sentence: rule.sentenceMessage } : {}),
        }),
        docsUrl: link ?? PACKS_DOCS_URL,
      },
      scope,
      () => spec,
    );
  });
}

const asList = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]);

/** The normalised spec of a pack rule (regular expressions compiled once). */
export function specOf(rule: PackRule): KindSpec {
  switch (rule.kind) {
    case 'existence': {
      const flags = rule.ignoreCase ? 'giu' : 'gu';
      const entries: MatchEntry[] = [
        ...rule.tokens.map((token): MatchEntry =>
          typeof token === 'string'
            ? { pattern: phrasePattern(token, !rule.ignoreCase), expected: [] }
            : {
                pattern: phrasePattern(token.phrase, !rule.ignoreCase),
                expected: asList(token.suggest),
                ...(token.message ? { message: token.message } : {}),
                ...(token.locales ? { locales: token.locales } : {}),
              },
        ),
        ...rule.patterns.map((entry): MatchEntry =>
          typeof entry === 'string'
            ? { pattern: new RegExp(entry, flags), expected: [] }
            : {
                pattern: new RegExp(entry.pattern, flags),
                expected: asList(entry.suggest),
                ...(entry.message ? { message: entry.message } : {}),
                ...(entry.locales ? { locales: entry.locales } : {}),
              },
        ),
      ];
      return { kind: 'existence', entries, exceptions: rule.exceptions.map((e) => phrasePattern(e, !rule.ignoreCase)) };
    }
    case 'substitution':
      return {
        kind: 'substitution',
        entries: Object.entries(rule.swap).map(([from, to]) => ({ pattern: phrasePattern(from, !rule.ignoreCase), expected: asList(to) })),
        exceptions: rule.exceptions.map((e) => phrasePattern(e, !rule.ignoreCase)),
      };
    case 'term':
      return { kind: 'term', terms: rule.terms };
    case 'occurrence':
      return { kind: 'occurrence', count: rule.count, ...(rule.pattern ? { pattern: new RegExp(rule.pattern, 'gu') } : {}), max: () => rule.max };
    case 'shouting':
      return { kind: 'shouting', acronyms: new Set(rule.acronyms), brandAcronyms: rule.brandAcronyms, minLength: rule.minLength };
    case 'readability': {
      const { maxGrade } = rule;
      return {
        kind: 'readability',
        ...(maxGrade !== undefined ? { maxGrade: (channel: Channel) => (typeof maxGrade === 'number' ? maxGrade : maxGrade[channel]) } : {}),
        ...(rule.maxSentenceWords !== undefined ? { maxSentenceWords: rule.maxSentenceWords } : {}),
        minWords: rule.minWords,
      };
    }
    case 'require': {
      const flags = rule.ignoreCase ? 'iu' : 'u';
      return {
        kind: 'require',
        ...(rule.pattern ? { pattern: new RegExp(rule.pattern, flags) } : {}),
        ...(rule.linkPattern ? { linkPattern: new RegExp(rule.linkPattern, flags) } : {}),
      };
    }
  }
}
