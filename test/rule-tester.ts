import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../src/core/channels.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import type { DocumentRule } from '../src/core/rule.js';
import { loadBrand } from '../src/engine/brand.js';
import { loadConfig } from '../src/engine/config.js';
import { lintText } from '../src/engine/lint-text.js';
import type { BrandModel } from '../src/tokens/brand-model.js';

/**
 * Table-driven rule tests in the style of ESLint's RuleTester and stylelint's testRule:
 * `valid` cases must produce no finding of the rule (and survive a fix pass unchanged);
 * `invalid` cases list every expected finding with its exact range, and fixable findings the
 * fixed `output`. The fixed output is linted again: a fix must not leave fixable findings
 * behind nor create new ones.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let exampleBrand: Promise<BrandModel> | undefined;

/** The example brand (Northwind) from tokens/, built in memory like `brandlint lint` does. */
export function loadExampleBrand(): Promise<BrandModel> {
  exampleBrand ??= (async () => {
    const { config } = await loadConfig({ cwd: REPO_ROOT });
    const brand = await loadBrand(config, { cwd: REPO_ROOT });
    if (!brand.model) throw new Error(`example brand is invalid: ${brand.diagnostics.map((d) => d.message).join('; ')}`);
    return brand.model;
  })();
  return exampleBrand;
}

export interface RuleCase {
  /** Shown as the test name; defaults to the code. */
  name?: string;
  code: string;
  /** Display path: picks the format by extension (`.html`, `.css`, `.scss`, `.mjml`, ...). */
  file?: string;
  /** Defaults to the suite's channel. */
  channel?: Channel;
  /** Rule options (as in `rules: { id: [level, options] }`). */
  options?: Record<string, unknown>;
  /** Check against no brand at all (as `brandlint lint` without a configuration). */
  noBrand?: boolean;
  /** Check against a variant of the example brand (a new object: rules cache per brand). */
  brand?: (example: BrandModel) => BrandModel;
  /** The configured locale (`locale` in brandlint.config); default `en`. */
  locale?: string;
}

export interface ExpectedFinding {
  message?: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: Diagnostic['severity'];
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
  /** The text after `--fix`; required when any finding carries a fix, omitted (or null) when none does. */
  output?: string | null;
}

export interface RuleTests {
  channel: Channel;
  /** Default file name (extension picks the format). */
  file: string;
  valid: RuleCase[];
  invalid: InvalidRuleCase[];
}

async function run(rule: DocumentRule<unknown>, tests: RuleTests, testCase: RuleCase, fix: boolean) {
  const example = testCase.noBrand ? null : await loadExampleBrand();
  const brand = example && testCase.brand ? testCase.brand(example) : example;
  const level = 'error';
  return lintText({
    text: testCase.code,
    file: testCase.file ?? tests.file,
    channel: testCase.channel ?? tests.channel,
    brand,
    rules: [rule],
    config: { rules: { [rule.meta.id]: testCase.options ? [level, testCase.options] : level } },
    fix,
    ...(testCase.locale ? { locale: testCase.locale } : {}),
  });
}

const label = (testCase: RuleCase): string => testCase.name ?? testCase.code.replace(/\s+/g, ' ').slice(0, 80);

export function testRule(rule: DocumentRule<unknown>, tests: RuleTests): void {
  const id = rule.meta.id;
  const own = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.ruleId === id);

  describe(`${id}: valid`, () => {
    it.each(tests.valid.map((testCase) => [label(testCase), testCase] as const))('%s', async (_name, testCase) => {
      const result = await run(rule, tests, testCase, false);
      expect(own(result.diagnostics).map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.message}`)).toEqual([]);
      if (rule.meta.fixable) {
        const fixed = await run(rule, tests, testCase, true);
        expect(fixed.output).toBe(testCase.code);
      }
    });
  });

  describe(`${id}: invalid`, () => {
    it.each(tests.invalid.map((testCase) => [label(testCase), testCase] as const))('%s', async (_name, testCase) => {
      const result = await run(rule, tests, testCase, false);
      const found = own(result.diagnostics);
      const actual = found.map((d) => ({
        line: d.range?.start.line,
        column: d.range?.start.column,
        endLine: d.range?.end.line,
        endColumn: d.range?.end.column,
        message: d.message,
        severity: d.severity,
      }));
      expect(actual.length, JSON.stringify(actual, null, 2)).toBe(testCase.errors.length);
      testCase.errors.forEach((expected, index) => {
        const got = actual[index];
        expect(got, `finding ${index}`).toBeDefined();
        if (!got) return;
        expect({ line: got.line, column: got.column }, `position of finding ${index}: ${got.message}`).toEqual({
          line: expected.line,
          column: expected.column,
        });
        if (expected.endLine !== undefined) expect(got.endLine, `end line of finding ${index}`).toBe(expected.endLine);
        if (expected.endColumn !== undefined) expect(got.endColumn, `end column of finding ${index}`).toBe(expected.endColumn);
        if (typeof expected.message === 'string') expect(got.message).toBe(expected.message);
        else if (expected.message) expect(got.message).toMatch(expected.message);
        if (expected.severity) expect(got.severity).toBe(expected.severity);
      });

      const fixable = found.filter((d) => d.fix);
      if (fixable.length > 0 && !rule.meta.fixable) throw new Error(`${id} reported a fix but meta.fixable is false`);
      if (fixable.length === 0) {
        expect(testCase.output ?? null, 'no finding carries a fix, so the case must not give an output').toBeNull();
        return;
      }
      if (testCase.output === undefined || testCase.output === null) {
        throw new Error(`${label(testCase)}: a finding carries a fix, so the case must give the fixed output`);
      }
      const fixed = await run(rule, tests, testCase, true);
      expect(fixed.output).toBe(testCase.output);
      // Re-lint the fixed text: nothing fixable may remain, and nothing new may appear.
      const again = await run(rule, tests, { ...testCase, code: fixed.output }, false);
      const remaining = own(again.diagnostics);
      expect(remaining.filter((d) => d.fix).map((d) => d.message)).toEqual([]);
      expect(remaining.length).toBeLessThanOrEqual(found.length - fixable.length);
    });
  });
}
