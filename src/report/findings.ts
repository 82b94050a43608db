/**
 * The findings of a lint run as the reports walk them: a flat list with each finding's campaign
 * and channel, filters over it, and the campaign -> channel -> file -> rule -> finding tree.
 * Pure data: the terminal app and the HTML report both build on it.
 */
import type { CampaignMatrix } from '../core/campaign.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { BrandModel } from '../tokens/brand-model.js';
import type { NoticeGroup } from './notices.js';
import { compareStrings, type LintResult } from '../engine/result.js';
import type { StoredScores } from '../engine/score.js';

/** The label of findings in files no campaign claims. */
export const NO_CAMPAIGN = 'no campaign';
/** The label of files no channel claims (whole-file problems of unassigned files). */
export const NO_CHANNEL = 'no channel';

/** What a rule says about itself, for the docs line. */
export interface RuleDoc {
  description: string;
  docsUrl?: string;
}

/** Everything a report shows. */
export interface ReportData {
  results: readonly LintResult[];
  /** Each campaign's consistency matrix (empty until campaigns are configured). */
  campaigns: readonly CampaignMatrix[];
  brand: BrandModel | null;
  /** Rule id -> description and docs url (rules without an entry show the diagnostic's docs url only). */
  rules: Readonly<Record<string, RuleDoc>>;
  /** The run's notices, one group per reason (skipped files, rules that did not apply, ...). */
  notices?: readonly NoticeGroup[];
  /** The brand scores a baseline file stored (`report --baseline`), for a trend. */
  baselineScores?: StoredScores;
}

export interface Finding {
  /** Unique within a report and stable across re-lints while the finding stays where it is. */
  id: string;
  diagnostic: Diagnostic;
  result: LintResult;
  campaign: string;
  channel: string;
}

/** Every finding of the results, in campaign, channel, file, rule, position order. */
export function collectFindings(results: readonly LintResult[]): Finding[] {
  const findings: Finding[] = [];
  for (const result of results) {
    const seen = new Map<string, number>();
    for (const diagnostic of result.diagnostics) {
      const start = diagnostic.range?.start;
      const base = `${result.file}|${diagnostic.ruleId}|${start ? `${start.page !== undefined ? `p${start.page}:` : ''}${start.line}:${start.column}` : 'file'}`;
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      findings.push({
        id: count === 0 ? base : `${base}|${count}`,
        diagnostic,
        result,
        campaign: result.campaign ?? NO_CAMPAIGN,
        channel: result.channel ?? NO_CHANNEL,
      });
    }
  }
  return findings.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCampaigns(a.campaign, b.campaign) ||
    compareStrings(a.channel, b.channel) ||
    compareStrings(a.result.file, b.result.file) ||
    compareStrings(a.diagnostic.ruleId, b.diagnostic.ruleId) ||
    (a.diagnostic.range?.start.offset ?? -1) - (b.diagnostic.range?.start.offset ?? -1) ||
    compareStrings(a.id, b.id)
  );
}

/** Named campaigns first (in code-point order), then the findings of no campaign. */
export function compareCampaigns(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_CAMPAIGN) return 1;
  if (b === NO_CAMPAIGN) return -1;
  return compareStrings(a, b);
}

export type SeverityFilter = 'all' | Severity;

export interface FindingFilters {
  severity: SeverityFilter;
  /** Only this channel; null: every channel. */
  channel: string | null;
  /** Only this rule; null: every rule. */
  rule: string | null;
  /** Case-insensitive text found in the message, file, rule id or the line of the finding. */
  text: string;
}

export const NO_FILTERS: FindingFilters = { severity: 'all', channel: null, rule: null, text: '' };

export function filterFindings(findings: readonly Finding[], filters: FindingFilters): Finding[] {
  const needle = filters.text.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (filters.severity === 'all' || finding.diagnostic.severity === filters.severity) &&
      (filters.channel === null || finding.channel === filters.channel) &&
      (filters.rule === null || finding.diagnostic.ruleId === filters.rule) &&
      (needle === '' || searchableText(finding).includes(needle)),
  );
}

function searchableText(finding: Finding): string {
  const { diagnostic, result } = finding;
  return [diagnostic.message, diagnostic.ruleId, result.file, finding.campaign, finding.channel, diagnostic.actual ?? '', sourceLine(finding) ?? '']
    .join('\n')
    .toLowerCase();
}

/** The source line a finding starts on, when the source is known. */
export function sourceLine(finding: Finding): string | null {
  const { range } = finding.diagnostic;
  const source = finding.result.source;
  if (!range || source === undefined) return null;
  const start = source.lastIndexOf('\n', range.start.offset - 1) + 1;
  const end = source.indexOf('\n', range.start.offset);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '');
}

/** The distinct channels and rule ids of the findings, sorted: what the channel and rule filters cycle through. */
export function filterChoices(findings: readonly Finding[]): { channels: string[]; rules: string[] } {
  return {
    channels: [...new Set(findings.map((finding) => finding.channel))].sort(compareStrings),
    rules: [...new Set(findings.map((finding) => finding.diagnostic.ruleId))].sort(compareStrings),
  };
}

export type NodeKind = 'campaign' | 'channel' | 'file' | 'rule' | 'finding';

export interface TreeNode {
  /** Path-like and unique: `campaign:spring/channel:email/file:a.html/rule:color-off-palette`. */
  id: string;
  kind: NodeKind;
  label: string;
  errorCount: number;
  warningCount: number;
  children: TreeNode[];
  /** The finding of a `finding` node; for the others, their first finding. */
  finding: Finding;
}

/** Groups findings (already filtered and sorted) as campaign -> channel -> file -> rule -> finding. */
export function buildTree(findings: readonly Finding[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const index = new Map<string, TreeNode>();
  const child = (parent: TreeNode[], id: string, kind: NodeKind, label: string, finding: Finding): TreeNode => {
    let node = index.get(id);
    if (!node) {
      node = { id, kind, label, errorCount: 0, warningCount: 0, children: [], finding };
      index.set(id, node);
      parent.push(node);
    }
    if (finding.diagnostic.severity === 'error') node.errorCount++;
    else node.warningCount++;
    return node;
  };
  for (const finding of findings) {
    const campaign = child(roots, `campaign:${finding.campaign}`, 'campaign', finding.campaign, finding);
    const channel = child(campaign.children, `${campaign.id}/channel:${finding.channel}`, 'channel', finding.channel, finding);
    const file = child(channel.children, `${channel.id}/file:${finding.result.file}`, 'file', finding.result.file, finding);
    const rule = child(file.children, `${file.id}/rule:${finding.diagnostic.ruleId}`, 'rule', finding.diagnostic.ruleId, finding);
    child(rule.children, `${rule.id}/finding:${finding.id}`, 'finding', findingLabel(finding), finding);
  }
  return roots;
}

function findingLabel(finding: Finding): string {
  const start = finding.diagnostic.range?.start;
  return `${start ? `${start.line}:${start.column}` : '1:1'} ${finding.diagnostic.message}`;
}

/** Files start closed (a run has many); campaigns, channels and rules start open. */
export function openByDefault(kind: NodeKind): boolean {
  return kind !== 'file';
}

export interface TreeRow {
  node: TreeNode;
  depth: number;
  expanded: boolean;
}

/** The rows a tree shows: a node is open when its default is flipped by `toggled` an odd number of times (in the set or not). */
export function visibleRows(roots: readonly TreeNode[], toggled: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number): void => {
    for (const node of nodes) {
      const expanded = node.children.length > 0 && openByDefault(node.kind) !== toggled.has(node.id);
      rows.push({ node, depth, expanded });
      if (expanded) walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** `3 errors, 1 warning`. */
export function countLabel(errors: number, warnings: number): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
