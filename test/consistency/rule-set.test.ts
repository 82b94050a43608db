import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineCampaignRule, isCampaignRule, type Rule } from '../../src/core/rule.js';
import { configSchema, resolveConfig, type BrandlintConfig } from '../../src/engine/config.js';
import { prepareRules } from '../../src/engine/rules.js';
import { wordRule } from '../engine/helpers.js';

/** Campaign rules next to document rules in the engine's RuleSet. */

const root = '/project';
const campaignRule = defineCampaignRule<{ min: number }>({
  meta: {
    id: 'test/campaign',
    description: '',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'warn',
    messages: {},
    options: z.strictObject({ min: z.number().default(3) }),
  },
  checkCampaign() {},
});
const optIn = defineCampaignRule<unknown>({
  meta: { id: 'test/campaign-opt-in', description: '', category: 'consistency', fixable: false, defaultLevel: 'off', messages: {} },
  checkCampaign() {},
});
const rules = [wordRule('test/red', 'red'), campaignRule, optIn] as Array<Rule<unknown>>;

async function prepare(user: BrandlintConfig) {
  const config = await resolveConfig(configSchema.parse(user), root);
  return prepareRules(config, rules);
}

describe('campaign rules in the RuleSet', () => {
  it('never run as document rules', async () => {
    const { rules: set } = await prepare({});
    expect(set.rulesFor(path.posix.join(root, 'a.html'), 'landing').map((rule) => rule.id)).toEqual(['test/red']);
    expect(isCampaignRule(campaignRule)).toBe(true);
  });

  it.each<[string, BrandlintConfig, string[]]>([
    ['defaults', {}, ['test/campaign {"min":3}']],
    ['options and levels from rules', { rules: { 'test/campaign': ['error', { min: 5 }], 'test/campaign-opt-in': 'warn' } }, ['test/campaign {"min":5}', 'test/campaign-opt-in {}']],
    ['off', { rules: { 'test/campaign': 'off' } }, []],
    ['enabled by an override only', { overrides: [{ files: ['emails/**'], rules: { 'test/campaign-opt-in': 'error' } }] }, ['test/campaign {"min":3}', 'test/campaign-opt-in {}']],
  ])('%s', async (_name, user, expected) => {
    const { rules: set, diagnostics } = await prepare(user);
    expect(diagnostics).toEqual([]);
    expect(set.campaignRules().map(({ id, options }) => `${id} ${JSON.stringify(options)}`)).toEqual(expected);
    expect([...set.campaignRuleIds].sort()).toEqual(['test/campaign', 'test/campaign-opt-in'].filter((id) => set.loaded.has(id)));
  });

  it('levels per file decide where findings are kept', async () => {
    const { rules: set } = await prepare({ overrides: [{ files: ['emails/**'], rules: { 'test/campaign': 'off' } }] });
    expect(set.levelFor('test/campaign', path.posix.join(root, 'emails/a.html'), 'email')).toBe('off');
    expect(set.levelFor('test/campaign', path.posix.join(root, 'posts/a.post.md'), 'social')).toBe('warn');
  });

  it('options are validated with the rule\'s schema', async () => {
    const { diagnostics } = await prepare({ rules: { 'test/campaign': ['warn', { min: 'x' }] } });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['config/invalid-type']);
  });
});
