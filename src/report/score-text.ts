/**
 * The brand score as reports show it (src/engine/score.ts, docs/score.md): one line for the run,
 * its channels and campaigns, with the change since the baseline when one was given:
 *
 * ```
 * brand score 82.4/100 (+3.1 since the baseline) · channels: email 90.1, landing 75 · campaigns: spring-sale 80.2
 * ```
 */
import { terminalText } from '../core/terminal-text.js';
import { scoreTrend, type GroupScore, type ScoreReport } from '../engine/score.js';

export interface ScorePaint {
  bad(text: string): string;
  good(text: string): string;
  bold(text: string): string;
}

const plain: ScorePaint = { bad: (t) => t, good: (t) => t, bold: (t) => t };

/** `82.4/100 (+3.1 since the baseline)` for the run. */
export function runScoreText(scores: ScoreReport): string {
  const trend = scoreTrend(scores.run.score, scores.baseline?.run);
  return `${scores.run.score}/100${trend ? ` (${trend} since the baseline)` : ''}`;
}

/** A group's score with its trend: `email 90.1 (+2)`. */
function groupText(name: string, score: GroupScore, before: number | undefined): string {
  const trend = scoreTrend(score.score, before);
  return `${terminalText(name)} ${score.score}${trend ? ` (${trend})` : ''}`;
}

/** The one-line summary (stylish, the terminal fallback). */
export function scoreLine(scores: ScoreReport, paint: ScorePaint = plain): string {
  const below = scores.minScore !== undefined && scores.run.score < scores.minScore;
  const run = `brand score ${runScoreText(scores)}`;
  const parts = [below ? paint.bad(paint.bold(run)) : paint.bold(run)];
  const channels = Object.entries(scores.channels);
  if (channels.length > 1 || (channels.length === 1 && Object.keys(scores.campaigns).length > 0)) {
    parts.push(`channels: ${channels.map(([name, score]) => groupText(name, score, scores.baseline?.channels[name])).join(', ')}`);
  }
  const campaigns = Object.entries(scores.campaigns);
  if (campaigns.length > 0) parts.push(`campaigns: ${campaigns.map(([name, score]) => groupText(name, score, scores.baseline?.campaigns[name])).join(', ')}`);
  if (scores.minScore !== undefined) parts.push(below ? paint.bad(`below --min-score ${scores.minScore}`) : paint.good(`--min-score ${scores.minScore} met`));
  return parts.join(' · ');
}
