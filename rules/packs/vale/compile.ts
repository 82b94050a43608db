/**
 * A Vale rule definition -> a brandlint rule named as Vale names it (`Google.WordList`). Its
 * level per file comes from the `.vale.ini` sections (`levelFor`), its findings carry Vale's
 * message (with `%s` filled), its link, and a fix where a substitution has one suggestion.
 */
import { importModule } from '../../../src/core/dynamic-import.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { defineRule, type RuleLevel } from '../../../src/core/rule.js';
import type { PackDocumentRule } from '../compile.js';
import {
  capitalizationCheck,
  conditionalCheck,
  consistencyCheck,
  existenceCheck,
  occurrenceCheck,
  repetitionCheck,
  sequenceCheck,
  substitutionCheck,
  type ValeCheck,
  type ValeEnv,
} from './checks.js';
import { FormulaError, metricCheck, readabilityCheck, READABILITY_METRICS } from './metrics.js';
import { ValeRegexError } from './regex.js';
import { spellingCheck } from './spelling.js';
import { unsupported, type ValeDefinition, type ValeLevel } from './style.js';
import type { Tagger } from './checks.js';

let tagger: Promise<Tagger> | undefined;

/** en-pos's Penn Treebank tagger (Vale's tags), loaded on the first `sequence` rule with tags. */
function loadTagger(): Promise<Tagger> {
  tagger ??= importModule<typeof import('en-pos')>('en-pos').then((module) => {
    const { Tag } = module;
    return (words: readonly string[]) => (words.length === 0 ? [] : new Tag([...words]).initial().smooth().tags);
  });
  return tagger;
}

/** Where Vale rules without their own `link` are documented. */
export const VALE_DOCS_URL = 'https://github.com/brandlint/brandlint/blob/main/docs/vale.md';

/** How the `.vale.ini` (or its absence) sets a rule's level. */
export interface ValeRuleSettings {
  /** The level of a rule for an absolute file path. */
  levelFor(name: string, own: ValeLevel): (file: string) => RuleLevel;
  /** The level shown where no file is at hand. */
  defaultLevel(name: string, own: ValeLevel): RuleLevel;
}

export async function compileValeRule(
  definition: ValeDefinition,
  env: ValeEnv,
  settings: ValeRuleSettings,
  stylesPath: string,
): Promise<{ rule: PackDocumentRule | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  let check: ValeCheck | null = null;
  try {
    check = await checkOf(definition, env, stylesPath, diagnostics);
  } catch (error) {
    if (!(error instanceof ValeRegexError || error instanceof FormulaError)) throw error;
    const key = error instanceof FormulaError ? 'formula' : 'extends';
    diagnostics.push({ ruleId: 'vale/invalid-value', severity: 'error', message: `${definition.name}: ${error.message}`, file: definition.file, range: definition.locate([key]) });
  }
  if (!check) return { rule: null, diagnostics };
  const run = check;
  const fixable = definition.extends === 'substitution' || (definition.extends === 'capitalization' && definition.action.name === 'replace');
  const rule = defineRule<unknown>({
    meta: {
      id: definition.name,
      description: definition.description || `${definition.style} (Vale ${definition.extends})`,
      category: 'voice',
      fixable,
      defaultLevel: settings.defaultLevel(definition.name, definition.level),
      levelFor: settings.levelFor(definition.name, definition.level),
      messages: { vale: '{message}' },
      docsUrl: definition.link ?? VALE_DOCS_URL,
    },
    check(context) {
      let reported = 0;
      run({
        document: context.document,
        source: context.source,
        report(hit) {
          if (definition.limit > 0 && reported >= definition.limit) return;
          reported++;
          context.report({
            messageId: 'vale',
            data: { message: hit.message },
            range: hit.range,
            ...(hit.actual !== undefined ? { actual: hit.actual } : {}),
            ...(hit.expected ? { expected: hit.expected } : {}),
            ...(fixable && hit.replacement !== undefined
              ? { fix: { description: `replace "${hit.actual ?? ''}" with "${hit.replacement}"`, edits: [{ range: hit.range, text: hit.replacement }] } }
              : {}),
          });
        },
      });
    },
  });
  return { rule, diagnostics };
}

async function checkOf(definition: ValeDefinition, env: ValeEnv, stylesPath: string, diagnostics: Diagnostic[]): Promise<ValeCheck | null> {
  switch (definition.extends) {
    case 'existence':
      return existenceCheck(definition, env);
    case 'substitution':
      return substitutionCheck(definition, env);
    case 'occurrence':
      return occurrenceCheck(definition);
    case 'repetition':
      return repetitionCheck(definition, env);
    case 'consistency':
      return consistencyCheck(definition, env);
    case 'conditional':
      return conditionalCheck(definition, env);
    case 'capitalization':
      return capitalizationCheck(definition, env);
    case 'metric':
      return metricCheck(definition);
    case 'readability': {
      const metrics = (definition.options['metrics'] as string[] | undefined) ?? [];
      const unknown = metrics.filter((metric) => !(metric in READABILITY_METRICS));
      if (unknown.length > 0) {
        diagnostics.push(unsupported(definition, `unknown readability metric ${unknown.map((m) => `"${m}"`).join(', ')} (known: ${Object.keys(READABILITY_METRICS).join(', ')}); the rule does not run`, ['metrics']));
        return null;
      }
      return readabilityCheck(definition);
    }
    case 'spelling': {
      const spelling = await spellingCheck(definition, stylesPath, env.accepted);
      diagnostics.push(...spelling.diagnostics);
      return spelling.check;
    }
    case 'sequence': {
      const tokens = definition.options['tokens'] as Array<Record<string, unknown>>;
      const tagged = tokens.some((token) => typeof token['tag'] === 'string' && token['tag'] !== '');
      return sequenceCheck(definition, tagged ? await loadTagger() : null);
    }
    case 'script':
      diagnostics.push(unsupported(definition, '`script` rules run Tengo scripts, which brandlint cannot run; the rule does not run'));
      return null;
  }
}
