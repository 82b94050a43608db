/**
 * The campaign phase: after every file is linted, group the per-file campaign data by campaign,
 * work out the reference of each fact kind (brief, majority or tie), run the campaign rules and
 * build the consistency matrix. It reads results only (no documents), so cached and sharded
 * results take part like fresh ones.
 */
import {
  FACT_KINDS,
  type CampaignBrief,
  type CampaignFileData,
  type CampaignMatrix,
  type CampaignMember,
  type CampaignView,
  type Fact,
  type MatrixCell,
} from '../core/campaign.js';
import type { Channel } from '../core/channels.js';
import { CHANNELS } from '../core/channels.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { disagreeingFacts, EXPECTED_FACT_KINDS, mostStating } from '../core/campaign-check.js';
import { formatMessage, type CampaignRule, type CampaignRuleReport } from '../core/rule.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { completeYears, computeReferences, valuesOf } from './reference.js';

/** What the phase needs of a lint result (LintResult has these fields). */
export interface CampaignPhaseResult {
  file: string;
  absolutePath: string;
  channel: Channel | null;
  facts?: readonly Fact[];
  campaignData?: readonly CampaignFileData[];
}

export interface ActiveCampaignRule {
  id: string;
  rule: CampaignRule<unknown>;
  options: unknown;
}

export interface CampaignPhaseOptions {
  /** Files reported on. */
  results: readonly CampaignPhaseResult[];
  /** Campaign siblings loaded only as reference (partial runs): compared, never reported on. */
  references?: readonly CampaignPhaseResult[];
  briefs: ReadonlyMap<string, CampaignBrief>;
  brand: BrandModel | null;
  rules: readonly ActiveCampaignRule[];
  /** The severity of a rule for a file, null when it is off there. */
  severityFor(ruleId: string, member: CampaignMember): Severity | null;
  docsUrl?(ruleId: string): string;
}

export interface CampaignPhaseOutcome {
  /** Display path -> findings on that file. */
  diagnostics: Map<string, Diagnostic[]>;
  matrices: CampaignMatrix[];
  /** Rules that threw (a bug in the rule), one diagnostic each. */
  internal: Diagnostic[];
}

export function groupCampaigns(options: Pick<CampaignPhaseOptions, 'results' | 'references' | 'briefs'>): CampaignView[] {
  const byCampaign = new Map<string, CampaignMember[]>();
  const add = (result: CampaignPhaseResult, reported: boolean) => {
    if (!result.channel || !result.campaignData) return;
    for (const data of result.campaignData) {
      const ids = data.messageIds ? new Set(data.messageIds) : null;
      const facts = (result.facts ?? []).filter((fact) => !ids || (fact.messageId !== undefined && ids.has(fact.messageId)));
      const member: CampaignMember = { file: result.file, absolutePath: result.absolutePath, channel: result.channel, facts, data, reported };
      byCampaign.set(data.campaign, [...(byCampaign.get(data.campaign) ?? []), member]);
    }
  };
  const reportedFiles = new Set(options.results.map((result) => result.absolutePath));
  for (const result of options.results) add(result, true);
  for (const result of options.references ?? []) if (!reportedFiles.has(result.absolutePath)) add(result, false);

  return [...byCampaign.keys()].sort().map((id) => {
    const members = byCampaign.get(id)!.sort((a, b) => channelOrder(a.channel) - channelOrder(b.channel) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const brief = options.briefs.get(id) ?? null;
    completeYears(members, brief);
    return { id, brief, members, references: computeReferences(members, brief) };
  });
}

export function runCampaignPhase(options: CampaignPhaseOptions): CampaignPhaseOutcome {
  const diagnostics = new Map<string, Diagnostic[]>();
  const internal: Diagnostic[] = [];
  const campaigns = groupCampaigns(options);
  for (const campaign of campaigns) {
    // Nothing reported on in this campaign (all siblings): skip its rules.
    if (!campaign.members.some((member) => member.reported)) continue;
    for (const { id, rule, options: ruleOptions } of options.rules) {
      const found: Diagnostic[] = [];
      try {
        rule.checkCampaign({
          campaign,
          brand: options.brand,
          options: ruleOptions,
          report(report: CampaignRuleReport) {
            const template = rule.meta.messages[report.messageId];
            if (template === undefined) throw new Error(`reported an unknown message id "${report.messageId}" (a bug in the rule)`);
            const member = campaign.members.find((candidate) => candidate.file === report.file);
            if (!member?.reported) return;
            const severity = options.severityFor(id, member);
            if (severity === null) return;
            found.push({
              ruleId: id,
              severity,
              message: formatMessage(template, report.data),
              file: report.file,
              range: report.range,
              ...(report.actual !== undefined ? { actual: report.actual } : {}),
              ...(report.expected !== undefined ? { expected: report.expected } : {}),
              ...(report.related ? { related: report.related } : {}),
              ...(options.docsUrl ? { docsUrl: options.docsUrl(id) } : {}),
              ...(report.data ? { data: { ...report.data } } : {}),
            });
          },
        });
      } catch (error) {
        internal.push({
          ruleId: 'internal/rule-error',
          severity: 'error',
          message: `rule "${id}" failed on campaign "${campaign.id}": ${error instanceof Error ? error.message : String(error)}`,
          file: campaign.brief?.file ?? campaign.members[0]!.file,
          range: null,
        });
        continue;
      }
      for (const diagnostic of found) diagnostics.set(diagnostic.file, [...(diagnostics.get(diagnostic.file) ?? []), diagnostic]);
    }
  }
  return { diagnostics, matrices: campaigns.map(buildMatrix), internal };
}

/** Channels x fact kinds of a campaign, with each channel's values and whether they agree with the reference. */
export function buildMatrix(campaign: CampaignView): CampaignMatrix {
  const channels = CHANNELS.flatMap((channel) => {
    const files = campaign.members.filter((member) => member.channel === channel).map((member) => member.file);
    return files.length > 0 ? [{ channel, files }] : [];
  });
  const facts = FACT_KINDS.filter((kind) => campaign.members.some((member) => member.facts.some((fact) => fact.kind === kind)) || campaign.references[kind]);
  const cells: MatrixCell[] = [];
  for (const { channel } of channels) {
    const members = campaign.members.filter((member) => member.channel === channel);
    for (const kind of facts) {
      const values = [...new Set(members.flatMap((member) => member.facts.filter((fact) => fact.kind === kind).map((fact) => fact.value)))].sort();
      const reference = campaign.references[kind];
      let agrees: boolean | null = null;
      if (reference) {
        const memberAgrees = members.map((member) => {
          const stated = valuesOf(member, kind);
          if (stated.size === 0) {
            // A gap where most files state the kind (as `campaign-missing-fact` reports by default).
            return EXPECTED_FACT_KINDS.includes(kind) && mostStating(campaign, kind) ? false : null;
          }
          if (reference.source === 'tie') return false;
          return disagreeingFacts(member, kind, reference.values).length === 0;
        });
        agrees = memberAgrees.includes(false) ? false : memberAgrees.includes(true) ? true : null;
      }
      cells.push({ channel, fact: kind, values, agrees });
    }
  }
  const reference: CampaignMatrix['reference'] = {};
  for (const kind of facts) {
    const ref = campaign.references[kind];
    if (ref) reference[kind] = { values: ref.values, source: ref.source };
  }
  return { campaign: campaign.id, ...(campaign.brief ? { brief: campaign.brief.file } : {}), channels, facts, reference, cells };
}

function channelOrder(channel: Channel): number {
  return CHANNELS.indexOf(channel);
}
