import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/channels.js';
import { defineRule, type DocumentRule } from '../../src/core/rule.js';
import { configSchema, loadConfig, resolveConfig, type BrandlintConfig } from '../../src/engine/config.js';
import { prepareRules } from '../../src/engine/rules.js';
import { lineLength, tempProject, wordRule } from './helpers.js';

const root = '/project';
const emailOnly = defineRule<unknown>({
  meta: { id: 'test/email-only', description: '', category: 'visual', fixable: false, channels: ['email'], defaultLevel: 'warn', messages: {} },
  check() {},
});
const offByDefault = defineRule<unknown>({
  meta: { id: 'test/opt-in', description: '', category: 'voice', fixable: false, defaultLevel: 'off', messages: {} },
  check() {},
});
const rules: DocumentRule<unknown>[] = [wordRule('test/red', 'red'), lineLength, emailOnly, offByDefault];

async function prepare(user: BrandlintConfig) {
  const config = await resolveConfig(configSchema.parse(user), root);
  return prepareRules(config, rules);
}

/** `id=level` for the rules that run on a file, with options when there are any. */
async function active(user: BrandlintConfig, file: string, channel: Channel): Promise<string[]> {
  const { rules: set, diagnostics } = await prepare(user);
  expect(diagnostics).toEqual([]);
  return set.rulesFor(path.posix.join(root, file), channel).map((rule) => {
    const options = rule.options && Object.keys(rule.options).length > 0 ? ` ${JSON.stringify(rule.options)}` : '';
    return `${rule.id}=${rule.severity}${options}`;
  });
}

describe('severities', () => {
  it.each<[string, BrandlintConfig, string, Channel, string[]]>([
    ['defaults (rule channels respected)', {}, 'a.html', 'landing', ['test/line-length=warning {"max":20}', 'test/red=error']],
    ['defaults on email', {}, 'a.html', 'email', ['test/email-only=warning', 'test/line-length=warning {"max":20}', 'test/red=error']],
    ['rules set levels and options', { rules: { 'test/red': 'warn', 'test/line-length': ['error', { max: 5 }], 'test/opt-in': ['error'] } }, 'a.html', 'landing', [
      'test/line-length=error {"max":5}',
      'test/opt-in=error',
      'test/red=warning',
    ]],
    ['off', { rules: { 'test/red': 'off', 'test/line-length': 'off' } }, 'a.html', 'landing', []],
    [
      'an override by files',
      { rules: { 'test/red': 'off' }, overrides: [{ files: ['emails/**'], rules: { 'test/red': 'warn' } }] },
      'emails/a.html',
      'email',
      ['test/email-only=warning', 'test/line-length=warning {"max":20}', 'test/red=warning'],
    ],
    [
      'an override that does not match',
      { rules: { 'test/red': 'off' }, overrides: [{ files: ['emails/**'], rules: { 'test/red': 'warn' } }] },
      'site/a.html',
      'landing',
      ['test/line-length=warning {"max":20}'],
    ],
    [
      'an override restricted to channels',
      { overrides: [{ files: ['**/*.html'], channels: ['email'], rules: { 'test/red': 'off' } }] },
      'a.html',
      'landing',
      ['test/line-length=warning {"max":20}', 'test/red=error'],
    ],
    [
      'later overrides win; a level-only override keeps earlier options',
      {
        rules: { 'test/line-length': ['warn', { max: 50 }] },
        overrides: [
          { files: ['**/*.html'], rules: { 'test/line-length': ['error', { max: 10 }], 'test/red': 'off' } },
          { files: ['emails/**'], rules: { 'test/line-length': 'warn', 'test/red': 'error' } },
        ],
      },
      'emails/a.html',
      'landing',
      ['test/line-length=warning {"max":10}', 'test/red=error'],
    ],
    [
      'a negated override glob',
      { overrides: [{ files: ['**/*.html', '!legacy/**'], rules: { 'test/red': 'off' } }] },
      'legacy/a.html',
      'landing',
      ['test/line-length=warning {"max":20}', 'test/red=error'],
    ],
  ])('%s', async (_name, user, file, channel, expected) => {
    expect(await active(user, file, channel)).toEqual(expected);
  });

  it('engine problems have levels too', async () => {
    const { rules: set } = await prepare({ rules: { 'brandlint/unused-directive': 'off' } });
    expect(set.levelFor('brandlint/unused-directive', '/project/a.html', 'landing')).toBe('off');
    expect(set.levelFor('brandlint/unknown-rule', '/project/a.html', 'landing')).toBe('error');
  });

  it('does not load rules that are off everywhere', async () => {
    let loaded = 0;
    const catalogue = { 'test/red': async () => (loaded++, wordRule('test/red', 'red')) };
    const config = await resolveConfig(configSchema.parse({ rules: { 'test/red': 'off' } }), root);
    await prepareRules(config, catalogue);
    expect(loaded).toBe(0);
  });
});

describe('configuration errors', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(async () => {
    await project.cleanup();
  });

  async function errorsOf(yaml: string): Promise<string[]> {
    await project.write({ 'brandlint.config.yaml': yaml });
    const loaded = await loadConfig({ cwd: project.dir });
    expect(loaded.diagnostics).toEqual([]);
    const { diagnostics } = await prepareRules(loaded.config, rules, { configFile: 'brandlint.config.yaml', locate: loaded.locate });
    return diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.message}`);
  }

  it.each([
    [
      'unknown rule id, with a suggestion',
      'rules:\n  test/rde: error\n',
      ['brandlint.config.yaml:2:3 config/unknown-rule unknown rule "test/rde" (did you mean "test/red"?)'],
    ],
    ['unknown rule id in an override', 'overrides:\n  - files: ["*.html"]\n    rules:\n      nope: warn\n', ['brandlint.config.yaml:4:7 config/unknown-rule unknown rule "nope"']],
    [
      'options of the wrong type',
      'rules:\n  test/line-length: [error, { max: "long" }]\n',
      ['brandlint.config.yaml:2:36 config/invalid-type rules["test/line-length"][1].max: expected number, got string "long"'],
    ],
    [
      'an unknown option',
      'rules:\n  test/line-length:\n    - warn\n    - { mx: 3 }\n',
      [expect.stringMatching(/^brandlint\.config\.yaml:4:9 config\/unknown-key unknown key "mx" in rules\["test\/line-length"\]\[1\]/)],
    ],
    ['options for a rule without options', 'rules:\n  test/red: [error, { max: 1 }]\n', ['brandlint.config.yaml:2:21 config/invalid-options rule "test/red" takes no options']],
  ])('%s', async (_name, yaml, expected) => {
    expect(await errorsOf(yaml)).toEqual(expected);
  });
});
