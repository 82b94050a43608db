/**
 * The brand consistency score (docs/score.md): 0-100 per file, channel, campaign and run.
 *
 *   penalty  = 5 per error + 2 per warning                        (whole numbers)
 *   units    = max(content units, 200)                            (words of prose + style declarations + images + links + web fonts)
 *   score    = 100 × exp(−(penalty per 1,000 units) / 100)        (one decimal, rounded half up)
 *
 * A channel, a campaign or the run adds up the penalties and the units of its files and applies
 * the same formula, so a long page is not punished for its length and a group's score depends
 * only on its files' (units, penalty) pairs: not on the order of findings or files, nor on how the
 * run was sharded (sums of whole numbers are exact in any order). Campaign findings sit on the
 * member files they concern, so they weigh on those files, their channels and their campaign.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { ContentDocument } from '../core/document.js';
import { compareStrings } from './result.js';

/** What one finding costs, by severity. */
export const SCORE_WEIGHTS: Readonly<Record<Severity, number>> = { error: 5, warning: 2 };
/** A file counts as at least this many content units (a short email), so a three-word file with one warning is not scored 0. */
export const MIN_CONTENT_UNITS = 200;
/** Penalty points per 1,000 content units at which the score is 100/e ≈ 36.8. */
export const SCORE_SCALE = 100;

/** What a score is computed from: content units (already at least {@link MIN_CONTENT_UNITS} per file) and penalty points. */
export interface ScoreBasis {
  units: number;
  penalty: number;
}

/** A file's score and what it came from. */
export interface FileScore extends ScoreBasis {
  score: number;
}

/** Words of prose (one per CJK character), style declarations, images, links and web fonts of a document. */
export function contentUnits(document: ContentDocument): number {
  let words = 0;
  for (const run of document.textRuns) words += countWords(run.text);
  return words + document.styles.length + document.images.length + document.links.length + document.fontSources.length;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const LETTER = `(?:(?![${CJK}])[\\p{L}\\p{N}])`;
/** A CJK character, or letters and digits joined by `'`, `’`, `.` or `-` (`we're`, `shop-now`, `northwind.example`). */
const WORD = new RegExp(`[${CJK}]|${LETTER}+(?:['’.-]${LETTER}+)*`, 'gu');

export function countWords(text: string): number {
  let count = 0;
  // `test` moves `lastIndex` as `exec` does without making a match array (a word never is empty).
  WORD.lastIndex = 0;
  while (WORD.test(text)) count++;
  return count;
}

/** The penalty points of some findings (their order does not matter). */
export function penaltyOf(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): number {
  let penalty = 0;
  for (const diagnostic of diagnostics) penalty += SCORE_WEIGHTS[diagnostic.severity] ?? 0;
  return penalty;
}

/** The score of a basis, 0-100 with one decimal. */
export function scoreOf(basis: ScoreBasis): number {
  if (basis.penalty <= 0) return 100;
  const units = Math.max(basis.units, MIN_CONTENT_UNITS);
  const perThousand = (basis.penalty * 1000) / units;
  return Math.round(1000 * Math.exp(-perThousand / SCORE_SCALE)) / 10;
}

/** A file's score from its content units (absent: 0) and findings. */
export function fileScore(result: { contentUnits?: number; diagnostics: readonly Pick<Diagnostic, 'severity'>[] }): FileScore {
  const basis = { units: Math.max(result.contentUnits ?? 0, MIN_CONTENT_UNITS), penalty: penaltyOf(result.diagnostics) };
  return { ...basis, score: scoreOf(basis) };
}

/** A group's score (channel, campaign, run). */
export interface GroupScore extends FileScore {
  files: number;
}

/** The scores of a run: the run, each channel and each campaign (sorted by name). */
export interface RunScores {
  run: GroupScore;
  channels: Record<string, GroupScore>;
  campaigns: Record<string, GroupScore>;
}

/** Files with no channel (campaign briefs) count for the run only. */
export class ScoreTally {
  #run: ScoreBasis & { files: number } = { units: 0, penalty: 0, files: 0 };
  #channels = new Map<string, ScoreBasis & { files: number }>();
  #campaigns = new Map<string, ScoreBasis & { files: number }>();

  /** Adds a file by its basis (see {@link fileScore}). */
  add(file: { channel: string | null; campaign?: string | undefined }, basis: ScoreBasis): void {
    addTo(this.#run, basis);
    if (file.channel !== null) addTo(group(this.#channels, file.channel), basis);
    if (file.campaign !== undefined) addTo(group(this.#campaigns, file.campaign), basis);
  }

  scores(): RunScores {
    return { run: finish(this.#run), channels: finishAll(this.#channels), campaigns: finishAll(this.#campaigns) };
  }
}

function group(map: Map<string, ScoreBasis & { files: number }>, key: string): ScoreBasis & { files: number } {
  let found = map.get(key);
  if (!found) map.set(key, (found = { units: 0, penalty: 0, files: 0 }));
  return found;
}

function addTo(total: ScoreBasis & { files: number }, basis: ScoreBasis): void {
  total.units += basis.units;
  total.penalty += basis.penalty;
  total.files++;
}

function finish(total: ScoreBasis & { files: number }): GroupScore {
  // An empty run has nothing to be inconsistent about.
  return { units: total.units, penalty: total.penalty, files: total.files, score: scoreOf(total) };
}

function finishAll(map: Map<string, ScoreBasis & { files: number }>): Record<string, GroupScore> {
  const out: Record<string, GroupScore> = {};
  for (const key of [...map.keys()].sort(compareStrings)) {
    // Keys are channel and campaign ids from files: defined as own data properties, never through a setter.
    Object.defineProperty(out, key, { value: finish(map.get(key)!), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The scores of some results, each scored by {@link fileScore} unless it carries its own `score`. */
export function scoreResults(
  results: Iterable<
    { channel: string | null; campaign?: string } & (
      | { score: FileScore }
      | { contentUnits?: number; diagnostics: readonly Pick<Diagnostic, 'severity'>[]; score?: FileScore }
    )
  >,
): RunScores {
  const tally = new ScoreTally();
  for (const result of results) tally.add(result, result.score ?? fileScore(result as { diagnostics: readonly Pick<Diagnostic, 'severity'>[] }));
  return tally.scores();
}

/** `87.5 (+4.2)`-style change against an earlier score, or '' when unchanged/unknown. */
export function scoreTrend(now: number, before: number | undefined): string {
  if (before === undefined) return '';
  const delta = Math.round((now - before) * 10) / 10;
  if (delta === 0) return '±0';
  return delta > 0 ? `+${delta}` : `${delta}`;
}

/** `--min-score`: a number 0-100, or an error message. */
export function parseMinScore(text: string): number | string {
  const value = text.trim();
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100) return `--min-score must be a number from 0 to 100, not "${text}"`;
  return Number(value);
}

/** Scores as a baseline file keeps them (`--baseline-write`), for a trend on later runs. */
export interface StoredScores {
  run: number;
  channels: Record<string, number>;
  campaigns: Record<string, number>;
}

/** What reports show: the run's scores, the baseline's when one was given, and the `--min-score` gate. */
export interface ScoreReport extends RunScores {
  baseline?: StoredScores;
  minScore?: number;
}

/** The scores to store in a baseline file. */
export function storedScores(scores: RunScores): StoredScores {
  const pick = (groups: Record<string, GroupScore>) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(groups)) Object.defineProperty(out, key, { value: value.score, enumerable: true, writable: true, configurable: true });
    return out;
  };
  return { run: scores.run.score, channels: pick(scores.channels), campaigns: pick(scores.campaigns) };
}

/** A baseline file's `score` (data from disk): the stored scores, or undefined when absent or malformed. */
export function readStoredScores(value: unknown): StoredScores | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const isScore = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n <= 100;
  const groups = (v: unknown): Record<string, number> | undefined => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const out: Record<string, number> = {};
    for (const [key, n] of Object.entries(v)) if (isScore(n)) Object.defineProperty(out, key, { value: n, enumerable: true, writable: true, configurable: true });
    return out;
  };
  if (!isScore(record['run'])) return undefined;
  return { run: record['run'], channels: groups(record['channels']) ?? {}, campaigns: groups(record['campaigns']) ?? {} };
}
