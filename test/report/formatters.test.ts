import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/position.js';
import { createResult, type LintNotice } from '../../src/engine/result.js';
import { codeFrame } from '../../src/report/code-frame.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/report/formatters/index.js';
import { json } from '../../src/report/formatters/json.js';
import { stylish } from '../../src/report/formatters/stylish.js';

const source = '<html>\n  <p style="color: #ff0000">Hi!</p>\n\t<img src="logo.png">\n';
const lines = new LineIndex(source);
const at = (text: string) => {
  const start = source.indexOf(text);
  return lines.rangeAt(start, start + text.length);
};

const diagnostics: Diagnostic[] = [
  {
    ruleId: 'img-alt-missing',
    severity: 'warning',
    message: 'image has no alt text',
    file: 'emails/welcome.html',
    range: at('<img src="logo.png">'),
    docsUrl: 'https://example.test/rules/img-alt-missing/README.md',
  },
  {
    ruleId: 'color-off-palette',
    severity: 'error',
    message: 'color #ff0000 is not in the brand palette',
    file: 'emails/welcome.html',
    range: at('#ff0000'),
    actual: '#ff0000',
    expected: ['#1f5135'],
    fix: { description: 'use color.brand.primary', edits: [{ range: at('#ff0000'), text: '#1f5135' }] },
    docsUrl: 'https://example.test/rules/color-off-palette/README.md',
  },
];
const results = [
  createResult({ file: 'emails/welcome.html', absolutePath: '/p/emails/welcome.html', channel: 'email', campaign: 'spring', source }, diagnostics),
  createResult({ file: 'index.html', absolutePath: '/p/index.html', channel: 'landing', source: '<p>ok</p>' }, []),
  createResult({ file: 'bad.html', absolutePath: '/p/bad.html', channel: 'landing' }, [
    { ruleId: 'file/not-utf8', severity: 'error', message: 'file is not valid UTF-8', file: 'bad.html', range: null },
  ]),
];
const notices: LintNotice[] = [{ kind: 'skipped', file: 'logo.png', message: 'binary file; skipped' }];
const context = { cwd: '/p', color: false, notices };

describe('stylish', () => {
  it('groups by file, with a code frame under each finding and a summary', () => {
    expect(stylish(results, context)).toBe(
      [
        'emails/welcome.html',
        '  2:20  error    color #ff0000 is not in the brand palette  color-off-palette',
        '        2 | <p style="color: #ff0000">Hi!</p>',
        '          |                  ^^^^^^^',
        '  3:2   warning  image has no alt text  img-alt-missing',
        '        3 | <img src="logo.png">',
        '          | ^^^^^^^^^^^^^^^^^^^^',
        '',
        'bad.html',
        '  1:1  error    file is not valid UTF-8  file/not-utf8',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '  1 fixable with --fix',
        'brand score 81.9/100 · channels: email 70.5, landing 88.2 · campaigns: spring 70.5',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report', () => {
    expect(stylish([results[1]!], context)).toBe('');
  });

  it('colors only when asked', () => {
    expect(stylish(results, context)).not.toMatch(/\x1b\[/);
    expect(stylish(results, { ...context, color: true })).toMatch(/\x1b\[31merror/);
  });

  it('--fix-dry-run names the files that would change', () => {
    const fixed = createResult({ file: 'a.html', absolutePath: '/p/a.html', channel: 'landing', output: 'blue' }, []);
    expect(stylish([fixed], { ...context, fixDryRun: true })).toBe('--fix would change 1 file: a.html\n');
  });
});

describe('json', () => {
  it('lists every file with counts, and every diagnostic with start, end, fix and docs url', () => {
    const report = JSON.parse(json(results, context));
    expect(report).toEqual({
      version: 1,
      results: [
        {
          file: 'emails/welcome.html',
          channel: 'email',
          campaign: 'spring',
          errorCount: 1,
          warningCount: 1,
          fixableCount: 1,
          diagnostics: [
            {
              ruleId: 'color-off-palette',
              severity: 'error',
              message: 'color #ff0000 is not in the brand palette',
              file: 'emails/welcome.html',
              start: { line: 2, column: 20 },
              end: { line: 2, column: 27 },
              actual: '#ff0000',
              expected: ['#1f5135'],
              fix: {
                description: 'use color.brand.primary',
                edits: [{ range: { start: { line: 2, column: 20, offset: 26 }, end: { line: 2, column: 27, offset: 33 } }, text: '#1f5135' }],
              },
              docsUrl: 'https://example.test/rules/color-off-palette/README.md',
            },
            {
              ruleId: 'img-alt-missing',
              severity: 'warning',
              message: 'image has no alt text',
              file: 'emails/welcome.html',
              start: { line: 3, column: 2 },
              end: { line: 3, column: 22 },
              docsUrl: 'https://example.test/rules/img-alt-missing/README.md',
            },
          ],
          // An error (5) and a warning (2) in a file of less than 200 content units: 100 × e^(−35/100).
          score: { score: 70.5, units: 200, penalty: 7 },
        },
        { file: 'index.html', channel: 'landing', errorCount: 0, warningCount: 0, fixableCount: 0, diagnostics: [], score: { score: 100, units: 200, penalty: 0 } },
        {
          file: 'bad.html',
          channel: 'landing',
          errorCount: 1,
          warningCount: 0,
          fixableCount: 0,
          diagnostics: [
            { ruleId: 'file/not-utf8', severity: 'error', message: 'file is not valid UTF-8', file: 'bad.html', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
          ],
          score: { score: 77.9, units: 200, penalty: 5 },
        },
      ],
      notices: [{ kind: 'skipped', file: 'logo.png', message: 'binary file; skipped' }],
      summary: { fileCount: 3, errorCount: 2, warningCount: 1, fixableCount: 1 },
      score: {
        run: { score: 81.9, units: 600, penalty: 12, files: 3 },
        channels: { email: { score: 70.5, units: 200, penalty: 7, files: 1 }, landing: { score: 88.2, units: 400, penalty: 5, files: 2 } },
        campaigns: { spring: { score: 70.5, units: 200, penalty: 7, files: 1 } },
      },
    });
  });

  it('includes the fixed output of --fix-dry-run', () => {
    const fixed = createResult({ file: 'a.html', absolutePath: '/p/a.html', channel: 'landing', output: 'blue' }, []);
    expect(JSON.parse(json([fixed], context)).results[0].output).toBe('blue');
  });
});

describe('formatter registry', () => {
  it('loads formatters by name, lazily', async () => {
    expect(FORMATTER_NAMES).toEqual(expect.arrayContaining(['stylish', 'json']));
    expect(await loadFormatter('json')).toBe(json);
    expect(await loadFormatter('toString')).toBeUndefined();
  });
});

describe('code frame', () => {
  it.each([
    ['a range on one line', 'a = red;', [4, 7], ['1 | a = red;', '  |     ^^^']],
    ['indentation is dropped', '    a = red;', [8, 11], ['1 | a = red;', '  |     ^^^']],
    ['a range going on to the next line is underlined to the end of its first line', 'x { color:\n red }', [4, 15], ['1 | x { color:', '  |     ^^^^^^']],
    ['an empty range shows one caret', 'abc', [1, 1], ['1 | abc', '  |  ^']],
    ['tabs become spaces so the caret lines up', 'a\tb\tred', [4, 7], ['1 | a b red', '  |     ^^^']],
    // East Asian Wide characters take two terminal cells: the carets move two per character.
    ['after CJK characters the caret moves two cells each', '欢迎来到NorthWind商店', [4, 13], ['1 | 欢迎来到NorthWind商店', '  |         ^^^^^^^^^']],
    ['a CJK range is underlined with two carets per character', 'Hi 商店 now', [3, 5], ['1 | Hi 商店 now', '  |    ^^^^']],
    ['fullwidth forms and emoji are wide; combining marks take no cell', 'ＡＢ e\u0301 🎉 red', [9, 12], ['1 | ＡＢ e\u0301 🎉 red', '  |           ^^^']],
    ['trap: Latin accents and Cyrillic are one cell', 'Zażółć бренд red', [13, 16], ['1 | Zażółć бренд red', '  |              ^^^']],
  ] as const)('%s', (_name, text, [start, end], expected) => {
    expect(codeFrame(text, new LineIndex(text).rangeAt(start, end))).toEqual(expected);
  });

  it('cuts long lines around the range', () => {
    const text = `${'a'.repeat(300)}RED${'b'.repeat(300)}`;
    const frame = codeFrame(text, new LineIndex(text).rangeAt(300, 303), { maxWidth: 40 })!;
    expect(frame[0]).toBe(`1 | …${'a'.repeat(13)}RED${'b'.repeat(24)}…`);
    expect(frame[1]).toBe(`  | ${' '.repeat(14)}^^^`);
  });
});
