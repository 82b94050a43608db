/**
 * The campaign phase of a lint run, wired to the engine: load the briefs of the campaigns the
 * results belong to, run the campaign rules over the per-file facts (with the campaign siblings
 * of a partial run as reference only), merge their findings into the results and build the
 * consistency matrices.
 */
import type { CampaignBrief, CampaignMatrix } from '../core/campaign.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import type { BrandModel } from '../tokens/brand-model.js';
import type { ResolvedConfig } from './config.js';
import { createResult, type LintResult } from './result.js';
import type { RuleSet } from './rules.js';
import { applyDirectives, type Directive } from './directives.js';
import { ruleDocsUrl } from './runner.js';

export interface CampaignRunOptions {
  cwd: string;
  config: Pick<ResolvedConfig, 'campaigns'>;
  /** Results of the files asked for: the only ones reported on. */
  results: readonly LintResult[];
  /**
   * Loads the campaign siblings of the asked files that were not linted (a partial run): called
   * only when some result belongs to a campaign. Their findings are never reported.
   */
  loadSiblings?: (campaigns: ReadonlySet<string>) => Promise<readonly LintResult[]>;
  rules: RuleSet;
  brand: BrandModel | null;
}

export interface CampaignRun {
  /** The asked files' results with the campaign findings added, plus one result per brief with problems. */
  results: LintResult[];
  campaigns: CampaignMatrix[];
}

export async function runCampaigns(options: CampaignRunOptions): Promise<CampaignRun> {
  const inCampaign = options.results.filter((result) => result.campaignData && result.campaignData.length > 0);
  if (inCampaign.length === 0) return { results: [...options.results], campaigns: [] };
  const campaignIds = new Set(inCampaign.flatMap((result) => result.campaignData!.map((data) => data.campaign)));

  const siblings = options.loadSiblings
    ? (await options.loadSiblings(campaignIds)).filter((result) => result.campaignData?.some((data) => campaignIds.has(data.campaign)))
    : [];

  const { findBriefFile, parseBrief } = await import('../consistency/briefs.js');
  const briefs = new Map<string, CampaignBrief>();
  const briefResults: LintResult[] = [];
  for (const id of [...campaignIds].sort()) {
    const found = await findBriefFile(options.config.campaigns.briefs, id);
    if (!found) continue;
    const file = displayPath(found.absolutePath, options.cwd);
    const loaded = parseBrief(found.text, file, id);
    if (loaded.brief) briefs.set(id, loaded.brief);
    if (loaded.diagnostics.length > 0) {
      briefResults.push(createResult({ file, absolutePath: found.absolutePath, channel: null, source: found.text }, loaded.diagnostics));
    }
  }

  const { runCampaignPhase } = await import('../consistency/phase.js');
  const campaignRules = options.rules.campaignRules();
  const outcome = runCampaignPhase({
    results: options.results,
    references: siblings,
    briefs,
    brand: options.brand,
    rules: campaignRules,
    severityFor: (id, member) => severityOf(options.rules.levelFor(id, member.absolutePath, member.channel)),
    docsUrl: ruleDocsUrl,
  });

  const campaignRuleIds = new Set(campaignRules.map(({ id }) => id));
  const results = options.results.map((result) => {
    const found: Diagnostic[] = outcome.diagnostics.get(result.file) ?? [];
    const added = result.directives && result.campaignData ? applyCampaignDirectives(found, result, campaignRuleIds, options.rules) : found;
    if (added.length === 0) return result;
    return { ...result, ...createResult(result, [...result.diagnostics, ...added]) };
  });
  if (outcome.internal.length > 0) {
    for (const diagnostic of outcome.internal) {
      const index = results.findIndex((result) => result.file === diagnostic.file);
      if (index >= 0) results[index] = { ...results[index]!, ...createResult(results[index]!, [...results[index]!.diagnostics, diagnostic]) };
    }
  }
  const reported = new Set(options.results.map((result) => result.file));
  const campaigns = outcome.matrices.filter((matrix) => matrix.channels.some(({ files }) => files.some((file) => reported.has(file))));
  return { results: [...results, ...briefResults], campaigns };
}

/**
 * A file's disable directives applied to its campaign findings. Directives that name campaign
 * rules were left unjudged by the per-file lint (`deferredIds`); here they are reported when
 * they disabled nothing. Directives without rule ids disable campaign findings too, but were
 * judged already.
 */
function applyCampaignDirectives(found: readonly Diagnostic[], result: LintResult, campaignIds: ReadonlySet<string>, rules: RuleSet): Diagnostic[] {
  const directives = result.directives ?? [];
  const level = rules.levelFor('brandlint/unused-directive', result.absolutePath, result.channel ?? 'landing');
  const base = { file: result.file, knownIds: rules.knownIds, unknownSeverity: null };
  const blanket = applyDirectives(found, directives.filter((directive) => directive.rules === null), { ...base, unusedSeverity: null });
  const named: Directive[] = directives.flatMap((directive) => {
    if (directive.rules === null || directive.kind === 'enable') return directive.kind === 'enable' ? [directive] : [];
    const ids = directive.rules.filter((rule) => campaignIds.has(rule.id));
    return ids.length > 0 ? [{ ...directive, rules: ids }] : [];
  });
  if (!named.some((directive) => directive.kind !== 'enable')) return blanket.diagnostics;
  const judged = applyDirectives(blanket.diagnostics, named, { ...base, unusedSeverity: severityOf(level) });
  // `brandlint-enable` directives were judged by the per-file lint.
  return [...judged.diagnostics, ...judged.problems.filter((problem) => !problem.message.startsWith('unused brandlint-enable'))];
}

function severityOf(level: ReturnType<RuleSet['levelFor']>): Severity | null {
  return level === 'off' ? null : level === 'error' ? 'error' : 'warning';
}
