/**
 * Baselines: adopt brandlint on a repository that already has findings, and fail only on new
 * ones. A finding is known by its file, rule id, message and a hash of the text it flags and of
 * the (trimmed) line it sits on, never by its line number, so edits elsewhere in the file do not
 * turn known findings into new ones. Each key keeps a count: two identical findings on identical
 * lines are two known findings, and a third one is new.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { createResult, compareStrings, type LintResult } from './result.js';
import { toPosix } from './config.js';
import { readStoredScores, type StoredScores } from './score.js';

/** Version of the baseline file's shape. */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  message: string;
  /** Hash of the flagged text and of its line's content (see {@link findingHash}). */
  hash: string;
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** File (relative to the baseline file's folder, forward slashes) -> its known findings. */
  files: Record<string, BaselineEntry[]>;
  /** The brand scores of the run that wrote it (src/engine/score.ts), for a trend on later runs. */
  score?: StoredScores;
}

/**
 * A hash of what a finding flags that survives moving lines: the flagged text and the content of
 * the line it starts on, trimmed (re-indenting does not matter either), as far as
 * {@link LINE_CONTEXT} characters from the finding (a minified file is one line: hashing all of it
 * for each finding was quadratic). Whole-file problems hash to the same value whatever the file holds.
 */
export function findingHash(diagnostic: Pick<Diagnostic, 'range'>, source: string | undefined): string {
  const hash = createHash('sha256');
  const range = diagnostic.range;
  if (range && source !== undefined) {
    const start = Math.min(range.start.offset, source.length);
    const end = Math.min(Math.max(range.end.offset, start), source.length);
    // The line around `start`, found by walking (searching the text for a character it lacks, `\r`, read all of it).
    const floor = Math.max(0, start - LINE_CONTEXT);
    let lineStart = start;
    while (lineStart > floor && !isLineBreak(source.charCodeAt(lineStart - 1))) lineStart--;
    const ceiling = Math.min(source.length, end + LINE_CONTEXT);
    let lineEnd = start;
    while (lineEnd < ceiling && !isLineBreak(source.charCodeAt(lineEnd))) lineEnd++;
    hash.update(source.slice(start, end));
    hash.update('\0');
    hash.update(source.slice(lineStart, lineEnd).trim());
  }
  return hash.digest('hex').slice(0, 16);
}

/** How far from a finding its line counts for its hash: far beyond any line but a minified one. */
export const LINE_CONTEXT = 10_000;

const isLineBreak = (code: number): boolean => code === 10 || code === 13;

/** The key a finding is known by within its file. */
export function findingKey(diagnostic: Diagnostic, source: string | undefined): string {
  return `${diagnostic.ruleId}\0${diagnostic.message}\0${findingHash(diagnostic, source)}`;
}

/** A stable fingerprint of a finding across runs and line moves (file + key), e.g. for SARIF. */
export function findingFingerprint(file: string, diagnostic: Diagnostic, source: string | undefined): string {
  return createHash('sha256').update(`${file}\0${findingKey(diagnostic, source)}`).digest('hex').slice(0, 32);
}

function baselinePath(result: Pick<LintResult, 'absolutePath'>, baselineDir: string): string {
  return toPosix(path.relative(baselineDir, result.absolutePath));
}

/** Today's findings as a baseline; `baselineDir` is the folder of the baseline file. */
export function createBaseline(results: Iterable<LintResult>, baselineDir: string, score?: StoredScores): Baseline {
  const byPath = new Map<string, BaselineEntry[]>();
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const entries = new Map<string, BaselineEntry>();
    for (const diagnostic of result.diagnostics) {
      const hash = findingHash(diagnostic, result.source);
      const key = `${diagnostic.ruleId}\0${diagnostic.message}\0${hash}`;
      const known = entries.get(key);
      if (known) known.count++;
      else entries.set(key, { ruleId: diagnostic.ruleId, message: diagnostic.message, hash, count: 1 });
    }
    byPath.set(
      baselinePath(result, baselineDir),
      [...entries.values()].sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message) || compareStrings(a.hash, b.hash)),
    );
  }
  const files: Record<string, BaselineEntry[]> = {};
  for (const file of [...byPath.keys()].sort(compareStrings)) files[file] = byPath.get(file)!;
  return { version: BASELINE_VERSION, files, ...(score ? { score } : {}) };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** Parses a baseline file's text; throws {@link BaselineError} on anything that is not one. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const record = data as { version?: unknown; files?: unknown };
  if (typeof data !== 'object' || data === null || record.version !== BASELINE_VERSION || typeof record.files !== 'object' || record.files === null) {
    throw new BaselineError(`not a brandlint baseline (expected {"version": ${BASELINE_VERSION}, "files": {...}})`);
  }
  for (const [file, entries] of Object.entries(record.files as Record<string, unknown>)) {
    const valid =
      Array.isArray(entries) &&
      entries.every(
        (entry: Partial<BaselineEntry>) =>
          typeof entry?.ruleId === 'string' && typeof entry.message === 'string' && typeof entry.hash === 'string' && Number.isInteger(entry.count) && entry.count! > 0,
      );
    if (!valid) throw new BaselineError(`the entries of "${file}" are not a list of { ruleId, message, hash, count }`);
  }
  const { score: _score, ...rest } = data as Baseline & { score?: unknown };
  const score = readStoredScores((data as { score?: unknown }).score);
  return { ...rest, ...(score ? { score } : {}) };
}

export interface BaselineOutcome {
  /** The results without the known findings (counts recomputed). */
  results: LintResult[];
  /** Known findings that are still there (not reported). */
  suppressed: number;
  /** Known findings of the linted files that are gone. */
  fixed: number;
}

/**
 * Drops the findings the baseline knows. Only files linted in this run count towards `fixed`
 * (linting a subset must not claim that the other files' findings were fixed).
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, baselineDir: string): BaselineOutcome {
  let suppressed = 0;
  let fixed = 0;
  const filtered = results.map((result) => {
    const one = applyBaselineTo(result, baseline, baselineDir);
    suppressed += one.suppressed;
    fixed += one.fixed;
    return one.result;
  });
  return { results: filtered, suppressed, fixed };
}

/** {@link applyBaseline} for one result (results read one at a time). */
export function applyBaselineTo(result: LintResult, baseline: Baseline, baselineDir: string): { result: LintResult; suppressed: number; fixed: number } {
  let suppressed = 0;
  let fixed = 0;
  {
    const remaining = new Map<string, number>();
    for (const entry of Object.hasOwn(baseline.files, baselinePath(result, baselineDir)) ? baseline.files[baselinePath(result, baselineDir)]! : []) {
      const key = `${entry.ruleId}\0${entry.message}\0${entry.hash}`;
      remaining.set(key, (remaining.get(key) ?? 0) + entry.count);
    }
    if (remaining.size === 0) return { result, suppressed, fixed };
    const kept = result.diagnostics.filter((diagnostic) => {
      const key = findingKey(diagnostic, result.source);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      suppressed++;
      return false;
    });
    for (const left of remaining.values()) fixed += left;
    // Spread first: fields createResult does not know (facts, ...) survive.
    return { result: kept.length === result.diagnostics.length ? result : { ...result, ...createResult(result, kept) }, suppressed, fixed };
  }
}
