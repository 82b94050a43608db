/** Types of scripts/docs-rules.mjs for the catalogue test. */
export interface RuleMetaSummary {
  id: string;
  description: string;
  category: string;
  fixable: boolean;
  defaultLevel: string;
  channels?: readonly string[];
}
export function renderRuleTable(metas: readonly RuleMetaSummary[], category: string): string;
export function renderRulesPage(page: string, metas: readonly RuleMetaSummary[]): string;
