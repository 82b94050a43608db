/**
 * The campaign phase of a lint run, wired to the engine: load the briefs of the campaigns the
 * results belong to, run the campaign rules over the per-file facts (with the campaign siblings
 * of a partial run as reference only), merge their findings into the results and build the
 * consistency matrices.
 */
import { groupRepeatedFindings } from './repeats.js';
import type { CampaignBrief, CampaignMatrix } from '../core/campaign.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import type { BrandModel } from '../tokens/brand-model.js';
import type { ResolvedConfig } from './config.js';
import { createResult, type LintResult } from './result.js';
import type { RuleSet } from './rules.js';
import { ruleDocsUrl, settleFindings } from './runner.js';

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
  /** The asked files' results with the campaign findings added (settled: see settleResult). */
  results: LintResult[];
  /** One result per brief with problems (reported after the files). */
  briefResults: LintResult[];
  campaigns: CampaignMatrix[];
}

export async function runCampaigns(options: CampaignRunOptions): Promise<CampaignRun> {
  const inCampaign = options.results.filter((result) => result.campaignData && result.campaignData.length > 0);
  if (inCampaign.length === 0) return { results: options.results.map((result) => settleResult(result, [], options.rules)), briefResults: [], campaigns: [] };
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

  const results = options.results.map((result) => settleResult(result, outcome.diagnostics.get(result.file) ?? [], options.rules));
  if (outcome.internal.length > 0) {
    for (const diagnostic of outcome.internal) {
      const index = results.findIndex((result) => result.file === diagnostic.file);
      if (index >= 0) results[index] = { ...results[index]!, ...createResult(results[index]!, [...results[index]!.diagnostics, diagnostic]) };
    }
  }
  const reported = new Set(options.results.map((result) => result.file));
  const campaigns = outcome.matrices.filter((matrix) => matrix.channels.some(({ files }) => files.some((file) => reported.has(file))));
  return { results, briefResults, campaigns };
}

/**
 * A result with its campaign findings: a campaign member's pending rule findings and its campaign
 * findings go through its disable directives together, once (so a directive is judged by
 * everything it could disable); any other result just gains the findings.
 */
export function settleResult(result: LintResult, campaignFindings: readonly Diagnostic[], rules: RuleSet): LintResult {
  const { pending, ...settled } = result;
  if (!pending) return campaignFindings.length === 0 ? result : { ...settled, ...createResult(settled, groupRepeatedFindings(withoutRepeats([...settled.diagnostics, ...campaignFindings]))) };
  const target = { file: result.file, absolutePath: result.absolutePath, channel: result.channel ?? 'landing' };
  const findings = settleFindings([...pending.findings, ...campaignFindings], pending.directives, target, rules);
  return { ...settled, ...createResult(settled, groupRepeatedFindings(withoutRepeats([...settled.diagnostics, ...findings]))) };
}

/**
 * Campaign findings that only repeat a file rule's finding on the same range: a drifting color
 * is always off the palette too (`channel-visual-drift` reports only colors and fonts the brand
 * lacks), so where `color-off-palette` or `font-family-off-brand` already marks the value, the
 * drift finding says nothing more at that place and is dropped.
 */
const REPEATS: Readonly<Record<string, readonly string[]>> = {
  'channel-visual-drift': ['color-off-palette', 'font-family-off-brand'],
};

function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => (d.range ? `${d.range.start.offset}:${d.range.end.offset}` : '');
  const marked = new Map<string, Set<string>>();
  for (const d of diagnostics) {
    if (!d.range) continue;
    if (!marked.has(d.ruleId)) marked.set(d.ruleId, new Set());
    marked.get(d.ruleId)!.add(key(d));
  }
  return diagnostics.filter((d) => !d.range || !(REPEATS[d.ruleId] ?? []).some((other) => marked.get(other)?.has(key(d))));
}

function severityOf(level: ReturnType<RuleSet['levelFor']>): Severity | null {
  return level === 'off' ? null : level === 'error' ? 'error' : 'warning';
}
