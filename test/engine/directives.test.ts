import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import type { BrandlintConfig } from '../../src/engine/config.js';
import { testParser, wordRule } from './helpers.js';

const rules = [wordRule('test/red', 'red'), wordRule('test/blue', 'blue')];

async function lint(text: string, config: BrandlintConfig = {}): Promise<string[]> {
  const { diagnostics } = await lintText({ text, file: 'a.html', channel: 'landing', rules, parse: testParser, config });
  return diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.severity} ${d.ruleId} ${d.message}`);
}

const RED = (line: number, column = 1) => `${line}:${column} error test/red found "red"`;
const BLUE = (line: number, column = 1) => `${line}:${column} error test/blue found "blue"`;

/** Each case in HTML comments; the same case in CSS comments is derived from it. */
const cases: Array<[string, string, string[]]> = [
  ['no directive', 'red\nblue', [RED(1), BLUE(2)]],
  ['disable-next-line with a rule id', '<!-- brandlint-disable-next-line test/red -->\nred blue\nred', [BLUE(2, 5), RED(3)]],
  ['disable-next-line, every rule', '<!-- brandlint-disable-next-line -->\nred blue\nred', [RED(3)]],
  ['disable-next-line with a reason', '<!-- brandlint-disable-next-line test/red -- legal wording -->\nred', []],
  ['disable-next-line with two ids', '<!-- brandlint-disable-next-line test/red, test/blue -->\nred blue', []],
  ['disable-line', 'red <!-- brandlint-disable-line test/red -->\nred', [RED(2)]],
  ['disable-line, every rule', 'red blue <!-- brandlint-disable-line -->', []],
  ['disable ... enable', '<!-- brandlint-disable test/red -->\nred\nblue\n<!-- brandlint-enable test/red -->\nred', [BLUE(3), RED(5)]],
  ['disable to the end of the file', 'red\n<!-- brandlint-disable -->\nred blue', [RED(1)]],
  ['disable all, enable one', '<!-- brandlint-disable -->\nred\n<!-- brandlint-enable test/blue -->\nred blue', [BLUE(4, 5)]],
  ['disable one, enable all', '<!-- brandlint-disable test/red -->\nred\n<!-- brandlint-enable -->\nred', [RED(4)]],
  ['a multi-line comment: next line after its end', '<!--\n  brandlint-disable-next-line test/red\n-->\nred\nred', [RED(5)]],
  ['not directives', '<!-- brandlint-disabled -->\n<!-- see brandlint-disable -->\nred', [RED(3)]],
  [
    'an unknown rule id (with a suggestion), the finding stays',
    '<!-- brandlint-disable-next-line test/rde -->\nred',
    ['1:34 error brandlint/unknown-rule unknown rule "test/rde" in brandlint-disable-next-line (did you mean "test/red"?)', RED(2)],
  ],
  [
    'an unused directive',
    '<!-- brandlint-disable-next-line test/red -->\nblue',
    ['1:1 warning brandlint/unused-directive unused brandlint-disable-next-line directive (no problems were reported from "test/red")', BLUE(2)],
  ],
  [
    'one unused id of two, at the id',
    '<!-- brandlint-disable-next-line test/red, test/blue -->\nred',
    ['1:44 warning brandlint/unused-directive unused brandlint-disable-next-line directive (no problems were reported from "test/blue")'],
  ],
  [
    'an unused disable of every rule',
    'blue <!-- brandlint-disable-line -->\n<!-- brandlint-disable -->\nok',
    ['2:1 warning brandlint/unused-directive unused brandlint-disable directive (no problems were reported)'],
  ],
  [
    'an unused enable',
    '<!-- brandlint-enable test/red -->\nred',
    ['1:1 warning brandlint/unused-directive unused brandlint-enable directive ("test/red" was not disabled)', RED(2)],
  ],
  [
    'a redundant line directive inside a disabled block takes the credit; the block is unused',
    '<!-- brandlint-disable test/red -->\nred <!-- brandlint-disable-line test/red -->',
    ['1:1 warning brandlint/unused-directive unused brandlint-disable directive (no problems were reported from "test/red")'],
  ],
];

describe('directives in HTML comments', () => {
  it.each(cases)('%s', async (_name, text, expected) => {
    expect(await lint(text)).toEqual(expected);
  });
});

describe('directives in CSS comments', () => {
  // `/* x */` is one character shorter before the body than `<!-- x -->`.
  const css = cases.map(([name, text, expected]) => [
    name,
    text.replaceAll('<!--', '/*').replaceAll('-->', '*/'),
    expected.map((line) => line.replace(/^1:(\d+) (.*brandlint\/)/, (_m, col: string, rest: string) => `1:${col === '1' ? 1 : Number(col) - 2} ${rest}`)),
  ]) as Array<[string, string, string[]]>;
  it.each(css)('%s', async (_name, text, expected) => {
    expect(await lint(text)).toEqual(expected);
  });
});

describe('what directives cannot do', () => {
  it('parse problems cannot be disabled (and naming them is an unknown rule)', async () => {
    expect(await lint('<!-- brandlint-disable -->\n<<<BROKEN')).toEqual([
      '1:1 warning brandlint/unused-directive unused brandlint-disable directive (no problems were reported)',
      '2:1 error html/parse-error broken markup',
    ]);
    expect(await lint('<!-- brandlint-disable-next-line html/parse-error -->\n<<<BROKEN')).toEqual([
      '1:34 error brandlint/unknown-rule unknown rule "html/parse-error" in brandlint-disable-next-line',
      '2:1 error html/parse-error broken markup',
    ]);
  });

  it('the engine problems follow the configuration', async () => {
    const text = '<!-- brandlint-disable-next-line test/zzzzzz -->\n<!-- brandlint-disable-next-line test/red -->\nblue';
    expect(await lint(text, { rules: { 'brandlint/unused-directive': 'error', 'brandlint/unknown-rule': 'warn' } })).toEqual([
      '1:34 warning brandlint/unknown-rule unknown rule "test/zzzzzz" in brandlint-disable-next-line',
      '2:1 error brandlint/unused-directive unused brandlint-disable-next-line directive (no problems were reported from "test/red")',
      BLUE(3),
    ]);
    expect(await lint(text, { rules: { 'brandlint/unused-directive': 'off', 'brandlint/unknown-rule': 'off' } })).toEqual([BLUE(3)]);
  });

  it('a directive for a rule that is off is unused', async () => {
    expect(await lint('<!-- brandlint-disable-next-line test/red -->\nred', { rules: { 'test/red': 'off' } })).toEqual([
      '1:1 warning brandlint/unused-directive unused brandlint-disable-next-line directive (no problems were reported from "test/red")',
    ]);
  });
});
