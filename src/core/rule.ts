import type { z } from 'zod';
import type { BrandModel } from '../tokens/brand-model.js';
import type { CampaignView } from './campaign.js';
import type { Channel } from './channels.js';
import type { Fix, RelatedLocation } from './diagnostic.js';
import type { ContentDocument } from './document.js';
import type { Range } from './position.js';
import type { SourceCode } from './source-code.js';

/** A severity as configured; `off` disables the rule. */
export type RuleLevel = 'off' | 'warn' | 'error';

export type RuleCategory = 'visual' | 'voice' | 'limits' | 'consistency';

/**
 * What a rule says about itself (ESLint's `meta`): read by the engine, the docs and the
 * formatters. Messages are templates with `{placeholders}` filled from a report's `data`;
 * they never repeat the rule id.
 */
export interface RuleMeta<Options = Record<string, never>> {
  id: string;
  description: string;
  category: RuleCategory;
  /** Reporting a fix from a rule that is not fixable is an engine error. */
  fixable: boolean;
  /** Channels the rule applies to; all when absent. */
  channels?: readonly Channel[];
  /** Level when the configuration does not mention the rule. */
  defaultLevel: RuleLevel;
  /**
   * Level per file when the configuration does not mention the rule (absolute path in; rules
   * that carry their own per-file settings, such as Vale styles' `.vale.ini` sections).
   */
  levelFor?: (absolutePath: string) => RuleLevel;
  messages: Record<string, string>;
  /** Options schema with defaults (the engine validates configured options with it). */
  options?: z.ZodType<Options>;
  /** Where the rule is documented, when not `rules/<id>/README.md` (rule pack rules: their `link`). */
  docsUrl?: string;
  /**
   * Why the rule cannot check anything against this brand, and the fix (`the brand has no type
   * scale; add ...`), or null when it can. Asked once per run with a brand; the engine says it
   * once as a `cannot-apply` notice instead of the rule staying silent on every file.
   */
  cannotApply?: (brand: BrandModel) => string | null;
}

/** What a rule reports; the engine turns it into a Diagnostic (file, severity, message text). */
export interface RuleReport {
  messageId: string;
  data?: Record<string, string | number>;
  range: Range;
  fix?: Fix;
  related?: RelatedLocation[];
  actual?: string;
  expected?: string[];
}

export interface RuleContext<Options> {
  document: ContentDocument;
  /** The document's shared views (prose, message texts, template spans, style value positions), computed once for every rule. */
  source: SourceCode;
  /** The brand the content is checked against; null when no brand is configured. */
  brand: BrandModel | null;
  options: Options;
  report(report: RuleReport): void;
  /**
   * Says that the rule did not apply to (part of) the document, e.g. an English-only rule on a
   * German message (`reason`: "English only; the text is de"). The run lists these as
   * `not-applied` notices, once per file and reason, so a clean report is not mistaken for a pass.
   */
  notApplied(reason: string): void;
}

/** A rule checks one document at a time and only reports. */
export interface DocumentRule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** Identity helper that keeps a rule's options type. */
export function defineRule<Options>(rule: DocumentRule<Options>): DocumentRule<Options> {
  return rule;
}

/** A campaign rule reports on one file of the campaign. */
export interface CampaignRuleReport extends RuleReport {
  /** Display path of the member the finding is about. */
  file: string;
}

export interface CampaignRuleContext<Options> {
  /** The campaign: its members with their facts, its brief, and the reference of each fact kind. */
  campaign: CampaignView;
  brand: BrandModel | null;
  options: Options;
  report(report: CampaignRuleReport): void;
}

/**
 * A rule that compares the files of a campaign with each other. It runs after every file has
 * been linted, on the facts extracted per file (never on documents), and only reports.
 */
export interface CampaignRule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  checkCampaign(context: CampaignRuleContext<Options>): void;
}

/** Either shape of rule. */
export type Rule<Options = Record<string, never>> = DocumentRule<Options> | CampaignRule<Options>;

/** Identity helper that keeps a campaign rule's options type. */
export function defineCampaignRule<Options>(rule: CampaignRule<Options>): CampaignRule<Options> {
  return rule;
}

export function isCampaignRule<Options>(rule: Rule<Options>): rule is CampaignRule<Options> {
  return 'checkCampaign' in rule;
}

/**
 * Fills `{name}` placeholders (`name` of word characters, `\w`) of a message template; a
 * placeholder `data` has no key for stays as it is. What `template.replace(/\{(\w+)\}/g, ...)`
 * gives, read in one pass without a regular expression and a callback per finding.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  let out = '';
  let copied = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    let close = open + 1;
    while (close < template.length && isWordCharacter(template.charCodeAt(close))) close++;
    if (close === open + 1 || template.charCodeAt(close) !== 125 /* } */) continue;
    const key = template.slice(open + 1, close);
    if (!(key in data)) continue;
    out += template.slice(copied, open) + String(data[key]);
    copied = close + 1;
    open = close;
  }
  return copied === 0 ? template : out + template.slice(copied);
}

/** `\w`: ASCII letters, digits and `_`. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}
