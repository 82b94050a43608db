import { describe, expect, it } from 'vitest';
import type { Channel } from '../src/core/channels.js';
import type { CampaignRule } from '../src/core/rule.js';
import { parseBrief } from '../src/consistency/briefs.js';
import { extractCampaignData } from '../src/consistency/extract.js';
import { runCampaignPhase, type CampaignPhaseResult } from '../src/consistency/phase.js';
import type { CampaignBrief } from '../src/core/campaign.js';
import { defaultChannelOf } from '../src/engine/channels.js';
import { loadContentParser } from '../src/engine/runner.js';
import { loadExampleBrand } from './rule-tester.js';

/**
 * Table tests for campaign rules, in the style of test/rule-tester.ts: each case is a small
 * campaign (files by name and text, an optional brief); `valid` cases give no finding of the
 * rule, `invalid` cases list every finding with its file, exact position and message. Files are
 * parsed by the real adapters and their facts extracted the way the per-file lint does; files
 * that name no campaign join the case's campaign `spring` (as `campaigns.assign` would).
 */

export interface CampaignFile {
  /** Display path: picks the channel and the format (`.email.html`, `.html`, `.bot.yml`, `.post.md`). */
  file: string;
  code: string;
  channel?: Channel;
  /** Loaded only as reference (a partial run's sibling): never reported on. */
  reference?: boolean;
}

export interface CampaignCase {
  name: string;
  files: CampaignFile[];
  /** YAML text of the campaign's brief (`campaigns/spring.yaml`). */
  brief?: string;
  options?: Record<string, unknown>;
  noBrand?: boolean;
}

export interface ExpectedCampaignFinding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  /** `file:line:column` of every related location, in order. */
  related?: string[];
}

export interface InvalidCampaignCase extends CampaignCase {
  errors: ExpectedCampaignFinding[];
}

export const CAMPAIGN = 'spring';

export async function runCampaignCase(rule: CampaignRule<unknown>, testCase: CampaignCase) {
  const brand = testCase.noBrand ? null : await loadExampleBrand();
  const parse = (await loadContentParser())!;
  const results: CampaignPhaseResult[] = [];
  const references: CampaignPhaseResult[] = [];
  for (const source of testCase.files) {
    const channel = source.channel ?? defaultChannelOf(source.file);
    if (!channel) throw new Error(`${source.file}: no channel`);
    const absolutePath = `/virtual/${source.file}`;
    const document = await parse({ file: source.file, absolutePath, text: source.code, channel });
    if (document.metadata.campaign === undefined && !document.messages.some((message) => message.campaign)) document.metadata.campaign = CAMPAIGN;
    const extracted = await extractCampaignData(document, brand);
    const result = { file: source.file, absolutePath, channel, ...(extracted ? { facts: extracted.facts, campaignData: extracted.campaigns } : {}) };
    (source.reference ? references : results).push(result);
  }
  const briefs = new Map<string, CampaignBrief>();
  if (testCase.brief !== undefined) {
    const loaded = parseBrief(testCase.brief, `campaigns/${CAMPAIGN}.yaml`, CAMPAIGN);
    if (!loaded.brief) throw new Error(`invalid brief: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    briefs.set(CAMPAIGN, loaded.brief);
  }
  const options = rule.meta.options ? rule.meta.options.parse(testCase.options ?? {}) : {};
  const outcome = runCampaignPhase({
    results,
    references,
    briefs,
    brand,
    rules: [{ id: rule.meta.id, rule, options }],
    severityFor: () => 'error',
  });
  if (outcome.internal.length > 0) throw new Error(outcome.internal.map((d) => d.message).join('; '));
  return { diagnostics: [...outcome.diagnostics.values()].flat(), matrices: outcome.matrices };
}

const place = (file: string, range: { start: { line: number; column: number } } | null) => `${file}:${range?.start.line}:${range?.start.column}`;

export function testCampaignRule(rule: CampaignRule<unknown>, tests: { valid: CampaignCase[]; invalid: InvalidCampaignCase[] }): void {
  const id = rule.meta.id;
  describe(`${id}: valid`, () => {
    it.each(tests.valid.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const { diagnostics } = await runCampaignCase(rule, testCase);
      expect(diagnostics.map((d) => `${place(d.file, d.range)} ${d.message}`)).toEqual([]);
    });
  });
  describe(`${id}: invalid`, () => {
    it.each(tests.invalid.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const { diagnostics } = await runCampaignCase(rule, testCase);
      const found = diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0)));
      const expected = [...testCase.errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
      expect(found.map((d) => place(d.file, d.range)), found.map((d) => d.message).join('\n')).toEqual(expected.map((e) => `${e.file}:${e.line}:${e.column}`));
      expected.forEach((want, index) => {
        const got = found[index]!;
        if (want.endLine !== undefined) expect(got.range?.end.line).toBe(want.endLine);
        if (want.endColumn !== undefined) expect(got.range?.end.column).toBe(want.endColumn);
        if (typeof want.message === 'string') expect(got.message).toBe(want.message);
        else if (want.message) expect(got.message).toMatch(want.message);
        if (want.related) expect((got.related ?? []).map((r) => place(r.file, r.range))).toEqual(want.related);
      });
    });
  });
}

/** A social post of the campaign (Markdown with front matter). */
export function post(file: string, body: string, frontMatter = `campaign: ${CAMPAIGN}\nplatform: instagram`): CampaignFile {
  return { file, code: `---\n${frontMatter}\n---\n${body}\n` };
}
