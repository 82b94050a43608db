import type { Diagnostic } from '../../core/diagnostic.js';
import { chunkedFormatter, type Formatter } from '../formatter.js';

/**
 * JUnit XML, as CI servers read test reports: one `<testsuite>` per linted file, one failing
 * `<testcase>` per finding (named by its rule id, errors and warnings both as `<failure>` with
 * the severity as `type`, as ESLint does), and one passing test case for a clean file so that
 * every file linted shows up.
 *
 * ```xml
 * <testsuite name="emails/welcome.html" tests="1" failures="1" errors="0" skipped="0" time="0">
 *   <testcase classname="emails/welcome.html" name="color-off-palette" time="0">
 *     <failure type="error" message="color #ff0000 is not in the brand palette">line 3, col 14, Error - … (color-off-palette)</failure>
 *   </testcase>
 * </testsuite>
 * ```
 */
export const junit: Formatter = chunkedFormatter(function* (results) {
  // The totals head the report: counted in a first pass, the suites written in a second.
  let tests = 0;
  let failures = 0;
  for (const result of results) {
    tests += Math.max(1, result.diagnostics.length);
    failures += result.diagnostics.length;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="brandlint" tests="${tests}" failures="${failures}" errors="0" time="0">\n`;
  for (const result of results) {
    const suites: string[] = [];
    const count = Math.max(1, result.diagnostics.length);
    const file = escapeXml(result.file);
    suites.push(`  <testsuite name="${file}" tests="${count}" failures="${result.diagnostics.length}" errors="0" skipped="0" time="0">`);
    if (result.diagnostics.length === 0) {
      suites.push(`    <testcase classname="${file}" name="brandlint" time="0"/>`);
    }
    for (const diagnostic of result.diagnostics) {
      suites.push(`    <testcase classname="${file}" name="${escapeXml(diagnostic.ruleId)}" time="0">`);
      suites.push(`      <failure type="${diagnostic.severity}" message="${escapeXml(diagnostic.message)}">${escapeXml(describe(diagnostic))}</failure>`);
      suites.push('    </testcase>');
    }
    suites.push('  </testsuite>');
    yield `${suites.join('\n')}\n`;
  }
  yield '</testsuites>\n';
});

function describe(diagnostic: Diagnostic): string {
  const line = diagnostic.range?.start.line ?? 1;
  const column = diagnostic.range?.start.column ?? 1;
  const severity = diagnostic.severity === 'error' ? 'Error' : 'Warning';
  return `line ${line}, col ${column}, ${severity} - ${diagnostic.message} (${diagnostic.ruleId})`;
}

/**
 * Text safe in XML content and attribute values: the five entities, line breaks kept as
 * character references (attribute values would fold them), and characters XML 1.0 forbids
 * (control characters, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    // Allowed in XML but acted on by terminals (C1 controls, bidirectional formatting): as references, the same text.
    .replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `&#x${character.charCodeAt(0).toString(16)};`);
}
