import { escapeJsonForTerminal } from '../../core/terminal-text.js';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, RelatedLocation } from '../../core/diagnostic.js';
import type { Range } from '../../core/position.js';
import { findingFingerprint } from '../../engine/baseline.js';
import { compareStrings, type LintResult } from '../../engine/result.js';
import { chunkedFormatter, type Formatter, type FormatterContext } from '../formatter.js';
import { fileScore, ScoreTally, type FileScore } from '../../engine/score.js';
import { arrayHole, hole, stringifyWithHoles } from '../json-stream.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const BRANDLINT_URI = 'https://github.com/brandlint/brandlint';
/** The base id of every artifact URI: the working folder (GitHub code scanning maps it to the checkout). */
export const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose driver lists
 * every rule that reported (or ran) with its description and docs URL; one result per finding
 * with its rule index, level, message, exact region (1-based lines and UTF-16 columns; the end
 * column is exclusive, as brandlint's ranges are), a `fixes` entry for fixable findings,
 * `relatedLocations` (where a campaign's reference value appears) and a fingerprint that
 * survives line moves. The brand score (docs/score.md) is in the run's `properties.brandScore`
 * and each artifact's `properties.brandScore`. Artifact URIs are relative to `%SRCROOT%` (the working folder).
 */
export const sarif: Formatter = chunkedFormatter(function* (results, context) {
  // The rules and artifacts come before the results: a first pass collects them (the results are
  // read again, one at a time, for the second).
  const docs = new Map<string, string | undefined>();
  const artifacts: Array<{ location: ReturnType<typeof artifactLocation>; properties: { channel?: string; brandScore: FileScore } }> = [];
  const tally = new ScoreTally();
  for (const result of results) {
    for (const d of result.diagnostics) if (!docs.has(d.ruleId) || d.docsUrl) docs.set(d.ruleId, d.docsUrl);
    const score = result.score ?? fileScore(result);
    tally.add(result, score);
    artifacts.push({
      location: artifactLocation(result.file),
      properties: { ...(result.channel ? { channel: result.channel } : {}), brandScore: { score: score.score, units: score.units, penalty: score.penalty } },
    });
  }
  const scores = context.scores ?? tally.scores();
  const rules = ruleDescriptors(docs, context);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarifResults = (function* () {
    for (const result of results) {
      for (const diagnostic of result.diagnostics) yield sarifResult(result, diagnostic, ruleIndex.get(diagnostic.ruleId)!);
    }
  })();
  const exitCode = context.exitCode;
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'brandlint',
            ...(context.toolVersion !== undefined ? { version: context.toolVersion, semanticVersion: context.toolVersion } : {}),
            informationUri: BRANDLINT_URI,
            rules,
          },
        },
        invocations: [
          {
            // Findings (exit 1) are a successful run; only usage or configuration failures are not.
            executionSuccessful: exitCode === undefined || exitCode !== 2,
            ...(exitCode !== undefined ? { exitCode } : {}),
            toolExecutionNotifications: context.notices.map((notice) => ({
              level: 'note',
              message: { text: notice.message },
              descriptor: { id: `brandlint/${notice.kind}` },
              ...(notice.file !== undefined || notice.files !== undefined
                ? { locations: (notice.files ?? [notice.file!]).map((file) => ({ physicalLocation: { artifactLocation: artifactLocation(file) } })) }
                : {}),
            })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: hole('results'),
        // The brand score of the run, its channels and campaigns (docs/score.md).
        properties: { brandScore: scores },
      },
    ],
  };
  // Characters a terminal would act on are written as \\u escapes: the same data, safe to print.
  for (const chunk of stringifyWithHoles(log, { results: arrayHole(sarifResults) })) yield escapeJsonForTerminal(chunk);
  yield '\n';
});

interface ReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  helpUri?: string;
  help?: { text: string };
  properties?: { fixable: boolean };
}

/** Every rule that reported (with the docs URL its findings gave), plus those the context describes; sorted by id. */
function ruleDescriptors(docs: Map<string, string | undefined>, context: FormatterContext): ReportingDescriptor[] {
  for (const id of Object.keys(context.rules ?? {})) if (!docs.has(id)) docs.set(id, undefined);
  return [...docs.keys()].sort(compareStrings).map((id) => {
    const described = context.rules?.[id];
    // A finding's own docs URL wins (pack rules document themselves elsewhere).
    const helpUri = docs.get(id) ?? described?.docsUrl;
    return {
      id,
      ...(described ? { shortDescription: { text: described.description } } : {}),
      ...(helpUri ? { helpUri, help: { text: `See ${helpUri}` } } : {}),
      ...(described?.fixable !== undefined ? { properties: { fixable: described.fixable } } : {}),
    };
  });
}

function sarifResult(result: LintResult, diagnostic: Diagnostic, ruleIndex: number) {
  return {
    ruleId: diagnostic.ruleId,
    ruleIndex,
    level: diagnostic.severity === 'error' ? 'error' : 'warning',
    message: { text: diagnostic.message },
    locations: [physical(result.file, diagnostic.range)],
    partialFingerprints: { 'brandlintFinding/v1': findingFingerprint(result.file, diagnostic, result.source) },
    ...(diagnostic.related && diagnostic.related.length > 0 ? { relatedLocations: diagnostic.related.map(related) } : {}),
    ...(diagnostic.fix
      ? {
          fixes: [
            {
              description: { text: diagnostic.fix.description },
              artifactChanges: [
                {
                  artifactLocation: artifactLocation(result.file),
                  replacements: diagnostic.fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.text } })),
                },
              ],
            },
          ],
        }
      : {}),
    ...(diagnostic.actual !== undefined || diagnostic.expected !== undefined
      ? {
          properties: {
            ...(diagnostic.actual !== undefined ? { actual: diagnostic.actual } : {}),
            ...(diagnostic.expected !== undefined ? { expected: diagnostic.expected } : {}),
          },
        }
      : {}),
  };
}

function related(location: RelatedLocation, index: number) {
  return { id: index, ...physical(location.file, location.range), message: { text: location.message } };
}

function physical(file: string, range: Range | null) {
  return { physicalLocation: { artifactLocation: artifactLocation(file), ...(range ? { region: region(range) } : {}) } };
}

/**
 * A region. In a PDF, lines and columns are those of the text read from a page: the region then
 * names the page in its property bag (`properties.page`, and `endPage` when it ends on another)
 * and in its message, as SARIF has no page of its own.
 */
function region(range: Range) {
  const lines = { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
  if (range.start.page === undefined) return lines;
  const endPage = range.end.page !== undefined && range.end.page !== range.start.page ? { endPage: range.end.page } : {};
  return { ...lines, message: { text: `page ${range.start.page}` }, properties: { page: range.start.page, ...endPage } };
}

/** A relative path as a URI reference against `%SRCROOT%` (each segment percent-encoded); absolute paths as file URIs. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
