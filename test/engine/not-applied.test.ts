import { describe, expect, it } from 'vitest';
import type { ContentDocument } from '../../src/core/document.js';
import { LineIndex } from '../../src/core/position.js';
import { defineRule } from '../../src/core/rule.js';
import { prepareRules } from '../../src/engine/rules.js';
import { describeRuleIds, lintFiles } from '../../src/engine/runner.js';

describe('not-applied notices', () => {
  it.each([
    [['prose-style'], 'prose-style'],
    [['b', 'a'], 'a and b'],
    [['p/a', 'p/b', 'p/c'], 'p/a, p/b and p/c'],
    [['p/a', 'p/b', 'p/c', 'p/d', 'prose-style'], 'p/* (4 rules) and prose-style'],
  ])('describeRuleIds(%j) is %s', (ids, expected) => {
    expect(describeRuleIds(ids)).toBe(expected);
  });

  it('groups the rules that did not apply for the same reason into one notice per file', async () => {
    const englishOnly = (id: string) =>
      defineRule<unknown>({
        meta: { id, description: id, category: 'voice', fixable: false, defaultLevel: 'warn', messages: {} },
        check(context) {
          if (context.document.metadata.locale !== 'en') context.notApplied(`English only; the text is ${context.document.metadata.locale}`);
        },
      });
    const { rules } = await prepareRules({ rules: {}, overrides: [] }, [englishOnly('p/a'), englishOnly('p/b'), englishOnly('other')]);
    const parse = ({ file, absolutePath, text }: { file: string; absolutePath: string; text: string }): ContentDocument => {
      const lines = new LineIndex(text);
      return {
        file, absolutePath, channel: 'email', format: 'html', text, lines, metadata: {}, messages: [], textRuns: [], styles: [], elements: [],
        images: [], links: [], fontSources: [], comments: [], templateRanges: [], parseProblems: [],
      };
    };
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const os = await import('node:os');
    const folder = await mkdtemp(path.join(os.tmpdir(), 'brandlint-notapplied-'));
    await writeFile(path.join(folder, 'a.html'), '<p>Hallo</p>');
    const run = await lintFiles({
      files: [{ absolutePath: path.join(folder, 'a.html'), file: 'a.html', channel: 'email' }],
      rules,
      brand: null,
      parse,
      defaultLocale: 'de',
    });
    expect(run.notices).toEqual([{ kind: 'not-applied', file: 'a.html', message: 'other, p/a and p/b did not apply: English only; the text is de' }]);
  });
});
