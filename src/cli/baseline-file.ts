import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyBaseline, applyBaselineTo, BaselineError, createBaseline, parseBaseline, serializeBaseline, type BaselineOutcome } from '../engine/baseline.js';
import type { LintResult } from '../engine/result.js';
import type { StoredScores } from '../engine/score.js';
import { UsageError } from './io.js';
import { writeReportFile } from './outputs.js';

/** `--baseline FILE`: reads it (a missing or broken file is a usage error, exit 2). */
export interface BaselineFile {
  apply(results: readonly LintResult[]): BaselineOutcome;
  /** One result at a time: the result without its known findings, and the counts for it. */
  applyTo(result: LintResult): { result: LintResult; suppressed: number; fixed: number };
  /** The brand scores the baseline was written with (absent in baselines written before scores existed). */
  score?: StoredScores;
}

export async function readBaselineFile(cwd: string, file: string): Promise<BaselineFile> {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--baseline ${file}: ${code === 'ENOENT' ? 'no such file (create one with --baseline-write)' : `cannot read it (${code})`}`);
  }
  try {
    const baseline = parseBaseline(text);
    const dir = path.dirname(absolute);
    return {
      apply: (results) => applyBaseline(results, baseline, dir),
      applyTo: (result) => applyBaselineTo(result, baseline, dir),
      ...(baseline.score ? { score: baseline.score } : {}),
    };
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`--baseline ${file}: ${error.message}`);
    throw error;
  }
}

/** `--baseline-write FILE`: records today's findings; returns how many, in how many files. */
export async function writeBaselineFile(cwd: string, file: string, results: Iterable<LintResult>, score?: StoredScores): Promise<{ findings: number; files: number }> {
  const absolute = path.resolve(cwd, file);
  const baseline = createBaseline(results, path.dirname(absolute), score);
  await writeReportFile(cwd, file, serializeBaseline(baseline));
  const entries = Object.values(baseline.files);
  return { findings: entries.flat().reduce((sum, entry) => sum + entry.count, 0), files: entries.length };
}
