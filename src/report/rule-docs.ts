import { loadRule } from '../../rules/index.js';
import { compareStrings, type LintResult } from '../engine/result.js';
import type { RuleDoc } from './findings.js';

/** The description and docs url of every rule with a finding in the results (engine problems such as `file/unreadable` have none). */
export async function loadRuleDocs(results: readonly LintResult[]): Promise<Record<string, RuleDoc>> {
  const ids = [...new Set(results.flatMap((result) => result.diagnostics.map((diagnostic) => diagnostic.ruleId)))].sort(compareStrings);
  const docs: Record<string, RuleDoc> = {};
  for (const id of ids) {
    const rule = await loadRule(id).catch(() => undefined);
    if (rule) docs[id] = { description: rule.meta.description };
  }
  return docs;
}
