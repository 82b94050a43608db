import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/channels.js';
import { rangeInRun } from '../../src/core/document.js';
import { defineRule } from '../../src/core/rule.js';
import { lintText } from '../../src/engine/lint-text.js';
import { wordRule } from '../engine/helpers.js';

/**
 * The chatbot and social documents through the engine: disable directives in YAML, LG and
 * Markdown comments, and fixes positioned through the runs' source maps.
 */

/** Replaces "Cloudpack" by "CloudPack" inside prose runs (as the term rules do). */
const cloudpack = defineRule<unknown>({
  meta: { id: 'test/cloudpack', description: 'CloudPack spelling', category: 'voice', fixable: true, defaultLevel: 'error', messages: { wrong: 'write CloudPack' } },
  check({ document, report }) {
    for (const run of document.textRuns) {
      for (const match of run.text.matchAll(/Cloudpack/g)) {
        const range = rangeInRun(document, run, match.index, match.index + match[0].length);
        report({ messageId: 'wrong', range, fix: { description: 'CloudPack', edits: [{ range, text: 'CloudPack' }] } });
      }
    }
  },
});

const lint = (file: string, channel: Channel, text: string, fix = false) =>
  lintText({ file, channel, text, rules: [wordRule('test/red', 'red'), cloudpack], fix });

const summary = (diagnostics: Awaited<ReturnType<typeof lint>>['diagnostics']) =>
  diagnostics.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column}`);

describe('directives in chatbot and social comments', () => {
  it.each([
    ['a YAML comment (Rasa)', 'bot/domain.yml', 'chatbot', 'responses:\n  utter_a:\n  # brandlint-disable-next-line test/red -- brand colour name\n  - text: Our red jacket.\n  - text: A red hat.\n'],
    ['an LG comment', 'bot/main.lg', 'chatbot', '# A\n> brandlint-disable-next-line test/red -- brand colour name\n- Our red jacket.\n- A red hat.\n'],
    ['a Markdown comment', 'social/a.md', 'social', '<!-- brandlint-disable-next-line test/red -- brand colour name -->\nOur red jacket.\n\nA red hat.\n'],
    ['a YAML comment in front matter', 'social/a.md', 'social', '---\nplatform: x\n---\n<!-- brandlint-disable-next-line test/red -->\nOur red jacket.\n\nA red hat.\n'],
  ] as const)('%s disables the next line only', async (_name, file, channel, text) => {
    const { diagnostics } = await lint(file, channel, text);
    const lines = text.split('\n');
    const second = lines.findIndex((line) => line.includes('A red hat')) + 1;
    expect(summary(diagnostics)).toEqual([`test/red ${second}:${lines[second - 1]!.indexOf('red') + 1}`]);
  });

  it('reports an unused directive in a YAML comment at the comment', async () => {
    const { diagnostics } = await lint('bot/domain.yml', 'chatbot', 'responses:\n  utter_a:\n  # brandlint-disable-next-line test/red\n  - text: Fine.\n');
    expect(summary(diagnostics)).toEqual(['brandlint/unused-directive 3:3']);
  });
});

describe('fixes through source maps', () => {
  it.each([
    ['Markdown emphasis keeps its markers', 'social/a.md', 'social', 'Pack a *Cloudpack* today.\n', 'Pack a *CloudPack* today.\n'],
    ['a Markdown link keeps its URL', 'social/a.md', 'social', 'See [Cloudpack](https://northwind.example/cloudpack).\n', 'See [CloudPack](https://northwind.example/cloudpack).\n'],
    ['a double-quoted YAML string keeps its escapes', 'bot/domain.yml', 'chatbot', 'responses:\n  utter_a:\n  - text: "The \\"Cloudpack\\" is here."\n', 'responses:\n  utter_a:\n  - text: "The \\"CloudPack\\" is here."\n'],
    ['a folded YAML block', 'bot/domain.yml', 'chatbot', 'responses:\n  utter_a:\n  - text: >\n      Meet the\n      Cloudpack.\n', 'responses:\n  utter_a:\n  - text: >\n      Meet the\n      CloudPack.\n'],
    ['a quoted CSV cell with doubled quotes', 'social/a.csv', 'social', 'text\n"The ""Cloudpack"" is here"\n', 'text\n"The ""CloudPack"" is here"\n'],
    ['an escaped LG variation', 'bot/a.lg', 'chatbot', '# A\n- \\[New\\] Cloudpack\n', '# A\n- \\[New\\] CloudPack\n'],
  ] as const)('%s', async (_name, file, channel, text, output) => {
    const result = await lint(file, channel, text, true);
    expect(result.output).toBe(output);
    expect(result.diagnostics).toEqual([]);
  });
});
