import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/channels.js';
import { defineRule, type DocumentRule } from '../../src/core/rule.js';
import { configSchema, resolveConfig, type BrandlintConfig } from '../../src/engine/config.js';
import { LintConfigError, lintText } from '../../src/engine/lint-text.js';
import { campaignResolver } from '../../src/engine/lint-project.js';
import { prepareRules } from '../../src/engine/rules.js';
import { lintFiles, ruleDocsUrl, type ContentParser } from '../../src/engine/runner.js';
import { lineLength, tempProject, testParser, wordRule } from './helpers.js';

const throws = defineRule<unknown>({
  meta: { id: 'test/throws', description: '', category: 'visual', fixable: false, defaultLevel: 'error', messages: { x: 'x' } },
  check({ document, report }) {
    report({ messageId: 'x', range: document.lines.rangeAt(0, 1) });
    if (document.text.includes('boom')) throw new TypeError('cannot read properties of undefined');
  },
});
const fixWithoutFixable = wordRule('test/sneaky-fix', 'red', { replacement: 'blue', fixable: false });
const unknownMessage = defineRule<unknown>({
  meta: { id: 'test/bad-message', description: '', category: 'visual', fixable: false, defaultLevel: 'error', messages: {} },
  check({ document, report }) {
    if (document.text.includes('msg')) report({ messageId: 'missing', range: document.lines.rangeAt(0, 1) });
  },
});
const emailOnly = defineRule<unknown>({
  meta: { id: 'test/email-only', description: '', category: 'visual', fixable: false, channels: ['email'], defaultLevel: 'warn', messages: { hi: 'email {what}' } },
  check({ document, report, brand }) {
    report({ messageId: 'hi', data: { what: brand ? 'with brand' : 'without brand' }, range: document.lines.rangeAt(0, 0) });
  },
});

describe('running rules on a document (lintText)', () => {
  const lint = async (text: string, rules: DocumentRule<unknown>[], channel: Channel = 'landing', config?: BrandlintConfig) =>
    (await lintText({ text, channel, rules, parse: testParser, ...(config ? { config } : {}) })).diagnostics.map(
      (d) => `${d.range ? `${d.range.start.line}:${d.range.start.column}` : 'file'} ${d.severity} ${d.ruleId}: ${d.message}`,
    );

  it('turns reports into diagnostics: severity from the level, message from meta.messages, docs url', async () => {
    const { diagnostics } = await lintText({ text: 'a red b', file: 'p/a.html', channel: 'landing', rules: [wordRule('test/red', 'red')], parse: testParser });
    expect(diagnostics).toEqual([
      {
        ruleId: 'test/red',
        severity: 'error',
        message: 'found "red"',
        file: 'p/a.html',
        range: { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 6, offset: 5 } },
        docsUrl: ruleDocsUrl('test/red'),
        data: { word: 'red' },
      },
    ]);
    expect(ruleDocsUrl('test/red')).toMatch(/\/rules\/test\/red\/README\.md$/);
  });

  it('a rule that throws gives internal/rule-error and the other rules still run', async () => {
    expect(await lint('boom red', [throws, wordRule('test/red', 'red')])).toEqual([
      'file error internal/rule-error: rule "test/throws" failed on this file: threw cannot read properties of undefined',
      '1:6 error test/red: found "red"',
    ]);
  });

  it('a fix from a rule that is not fixable is a bug in the rule, reported, not a crash', async () => {
    expect(await lint('red', [fixWithoutFixable])).toEqual([
      'file error internal/rule-error: rule "test/sneaky-fix" failed on this file: reported a fix, but its meta says it is not fixable (a bug in the rule)',
    ]);
  });

  it('an unknown message id is a bug in the rule', async () => {
    expect(await lint('msg', [unknownMessage])).toEqual([
      'file error internal/rule-error: rule "test/bad-message" failed on this file: reported an unknown message id "missing" (a bug in the rule)',
    ]);
  });

  it('rules with meta.channels run only on those channels; brand is passed through', async () => {
    expect(await lint('x', [emailOnly], 'landing')).toEqual([]);
    expect(await lint('x', [emailOnly], 'email')).toEqual(['1:1 warning test/email-only: email without brand']);
  });

  it('validated options with defaults reach the rule', async () => {
    const text = `${'a'.repeat(25)}\n${'b'.repeat(8)}`;
    expect(await lint(text, [lineLength])).toEqual(['1:1 warning test/line-length: line is 25 characters long (max 20)']);
    expect(await lint(text, [lineLength], 'landing', { rules: { 'test/line-length': ['error', { max: 5 }] } })).toEqual([
      '1:1 error test/line-length: line is 25 characters long (max 5)',
      '2:1 error test/line-length: line is 8 characters long (max 5)',
    ]);
  });

  it('a rule given to lintText runs even when it is off by default; config can still turn it off', async () => {
    const optIn = { ...wordRule('test/red', 'red'), meta: { ...wordRule('test/red', 'red').meta, defaultLevel: 'off' as const } };
    expect(await lint('red', [optIn])).toEqual(['1:1 error test/red: found "red"']);
    expect(await lint('red', [optIn], 'landing', { rules: { 'test/red': 'off' } })).toEqual([]);
  });

  it('invalid configuration throws LintConfigError', async () => {
    await expect(lint('x', [lineLength], 'landing', { rules: { 'test/line-length': ['error', { max: -1 }] } })).rejects.toThrow(LintConfigError);
    await expect(lint('x', [lineLength], 'landing', { rules: { 'test/nope': 'error' } })).rejects.toThrow(/unknown rule "test\/nope"/);
  });
});

describe('running files (lintFiles)', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(async () => {
    await project.cleanup();
  });

  async function run(
    files: Record<string, Channel>,
    options: { parse?: ContentParser; maxFileSize?: number; user?: BrandlintConfig; rules?: DocumentRule<unknown>[]; hasAdapter?: (channel: Channel) => boolean } = {},
  ) {
    const config = await resolveConfig(configSchema.parse(options.user ?? {}), project.dir);
    const { rules } = await prepareRules(config, options.rules ?? [wordRule('test/red', 'red'), throws]);
    return lintFiles({
      files: Object.entries(files).map(([file, channel]) => ({ absolutePath: path.join(project.dir, file), file, channel })),
      rules,
      brand: null,
      parse: options.parse ?? testParser,
      campaignOf: campaignResolver(config),
      ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
      ...(options.hasAdapter ? { hasAdapter: options.hasAdapter } : {}),
    });
  }
  const summary = (run: Awaited<ReturnType<typeof lintFiles>>) =>
    run.results.map((r) => `${r.file}: ${r.diagnostics.map((d) => `${d.ruleId}${d.range ? `@${d.range.start.line}:${d.range.start.column}` : ''}`).join(', ')}`);

  it('one broken file does not stop the others; binary, oversized and adapter-less files are skipped with notices', async () => {
    await project.write({
      'a.html': 'boom red',
      'b.html': 'fine\nred <<<BROKEN',
      'c.html': Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x0a]),
      'd.html': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'e.html': `<p>${'x'.repeat(200)}</p>`,
      'f.yml': 'responses: {}',
      'g.yml': 'responses: {}',
    });
    const result = await run(
      { 'a.html': 'landing', 'b.html': 'landing', 'c.html': 'email', 'd.html': 'landing', 'e.html': 'landing', 'f.yml': 'chatbot', 'g.yml': 'chatbot', 'gone.html': 'landing' },
      // Every channel has an adapter now: pretend the chatbot one is missing.
      { maxFileSize: 100, hasAdapter: (channel) => channel !== 'chatbot' },
    );
    expect(summary(result)).toEqual([
      'a.html: internal/rule-error, test/red@1:6',
      'b.html: test/throws@1:1, test/red@2:1, html/parse-error@2:5',
      'c.html: file/not-utf8@1:4',
      'gone.html: file/unreadable',
    ]);
    expect(result.notices).toEqual([
      { kind: 'no-adapter', message: '2 chatbot files: no adapter yet for the chatbot channel; skipped' },
      { kind: 'skipped', file: 'd.html', message: 'binary file; skipped' },
      { kind: 'skipped', file: 'e.html', message: 'larger than 100 bytes (207 bytes; see --max-file-size); skipped' },
    ]);
  });

  it('an adapter that throws gives internal/adapter-error', async () => {
    await project.write({ 'a.html': 'x' });
    const result = await run({ 'a.html': 'landing' }, {
      parse: () => {
        throw new Error('unexpected token');
      },
    });
    expect(result.results[0]?.diagnostics).toMatchObject([
      { ruleId: 'internal/adapter-error', severity: 'error', message: 'the landing adapter failed on this file: unexpected token', range: null },
    ]);
  });

  it('the campaign comes from the document, else from campaigns.assign', async () => {
    await project.write({ 'spring/a.html': 'x', 'b.html': 'x' });
    const result = await run({ 'spring/a.html': 'landing', 'b.html': 'landing' }, { user: { campaigns: { assign: { 'spring-sale': ['spring/**'] } } }, rules: [] });
    expect(result.results.map((r) => [r.file, r.campaign])).toEqual([
      ['spring/a.html', 'spring-sale'],
      ['b.html', undefined],
    ]);
  });

  it('results count errors, warnings and fixable findings', async () => {
    await project.write({ 'a.html': 'red red' });
    const result = await run({ 'a.html': 'landing' }, { rules: [wordRule('test/red', 'red', { replacement: 'blue' })], user: { rules: { 'test/red': 'warn' } } });
    expect(result.results[0]).toMatchObject({ errorCount: 0, warningCount: 2, fixableCount: 2, source: 'red red' });
  });
});
