/**
 * The JSON report (`--format json`, see src/report/formatters/json.ts) as `merge` reads it back:
 * a zod schema, so an edited, truncated or forged shard report is a usage error naming the bad
 * entry, never a finding counted at the wrong level or an internal error further on. Objects
 * are not strict: the report carries counts and summaries merge recomputes, and later versions
 * may add fields.
 */
import * as z from 'zod';
import { FACT_KINDS } from '../core/campaign.js';
import { CHANNELS } from '../core/channels.js';
import { LINT_NOTICE_KINDS } from '../engine/result.js';

const count = z.number().int().nonnegative();
const place = z.object({ line: z.number().int().min(1), column: z.number().int().min(1), page: z.number().int().min(1).optional() });
const position = z.object({ line: z.number().int().min(1), column: z.number().int().min(1), offset: count, page: z.number().int().min(1).optional() });
const range = z.object({ start: position, end: position });
const severity = z.enum(['error', 'warning']);
const channel = z.enum(CHANNELS);
const factKind = z.enum(FACT_KINDS);

const fix = z.object({
  description: z.string(),
  edits: z.array(z.object({ range, text: z.string() })),
});

const related = z.object({ file: z.string(), range: range.nullable(), message: z.string() });

const diagnostic = z.object({
  ruleId: z.string().min(1),
  severity,
  message: z.string(),
  file: z.string(),
  start: place,
  end: place,
  tokenPath: z.string().optional(),
  actual: z.string().optional(),
  expected: z.array(z.string()).optional(),
  fix: fix.optional(),
  related: z.array(related).optional(),
  docsUrl: z.string().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const result = z.object({
  file: z.string().min(1),
  channel: channel.nullable().default(null),
  campaign: z.string().optional(),
  diagnostics: z.array(diagnostic),
  output: z.string().optional(),
  /** The file's brand score and what it came from (src/engine/score.ts); merge adds the units and penalties up again. */
  score: z.object({ score: z.number().min(0).max(100), units: count, penalty: count }).optional(),
});

const notice = z.object({
  kind: z.enum(LINT_NOTICE_KINDS),
  message: z.string(),
  file: z.string().optional(),
  files: z.array(z.string()).optional(),
});

const matrix = z.object({
  campaign: z.string(),
  brief: z.string().optional(),
  channels: z.array(z.object({ channel, files: z.array(z.string()) })),
  facts: z.array(factKind),
  reference: z.partialRecord(factKind, z.object({ values: z.array(z.string()), source: z.enum(['brief', 'majority', 'tie']) })),
  cells: z.array(z.object({ channel, fact: factKind, values: z.array(z.string()), agrees: z.boolean().nullable() })),
});

export const jsonReportSchema = z.object({
  version: z.literal(1),
  results: z.array(result),
  notices: z.array(notice).optional(),
  campaigns: z.array(matrix).optional(),
});

export type JsonReport = z.output<typeof jsonReportSchema>;
export type JsonResult = JsonReport['results'][number];
export type JsonDiagnostic = JsonResult['diagnostics'][number];

/** `results[3].diagnostics[0].severity`: where in the report a problem is. */
export function formatReportPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : `${out ? '.' : ''}${String(segment)}`;
  return out || 'the report';
}

/** The first problem of a report that does not match the schema, as one line: where, what was expected, what was found. */
export function describeReportIssue(issue: z.core.$ZodIssue, data: unknown): string {
  let found: unknown = data;
  for (const segment of issue.path) {
    found = typeof found === 'object' && found !== null && Object.hasOwn(found, segment) ? (found as Record<PropertyKey, unknown>)[segment as string] : undefined;
  }
  const shown = found === undefined ? 'nothing' : JSON.stringify(found)?.slice(0, 60) ?? String(found);
  return `${formatReportPath(issue.path)}: ${issue.message} (found ${shown})`;
}
