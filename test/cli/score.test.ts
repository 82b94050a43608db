import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { scoreOf } from '../../src/engine/score.js';
import { tempProject } from '../engine/helpers.js';
import { campaignFixtureProject } from './helpers.js';

/**
 * The brand score (docs/score.md) through the CLI: the same across shards merged again, in the
 * JSON, SARIF and stylish reports, and `--min-score` as a CI gate.
 */
let project: Awaited<ReturnType<typeof tempProject>>;
beforeAll(async () => {
  project = await campaignFixtureProject();
});
afterAll(async () => project.cleanup());

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: project.dir, env: {}, isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

interface Scored {
  score: number;
  units: number;
  penalty: number;
}

describe('brand score across shards', () => {
  it('merged shards give the scores of the unsharded run (also when a shard was --quiet)', async () => {
    const whole = await run(['lint', '--format', 'json', '--concurrency', 'off']);
    const expected = JSON.parse(whole.stdout);
    expect(expected.score.run.files).toBe(expected.results.length);
    expect(expected.score.run.score).toBeGreaterThan(0);
    expect(expected.score.run.score).toBeLessThan(100);
    expect(Object.keys(expected.score.campaigns)).toEqual(['spring-sale', 'trail-weekend']);
    // Every file carries its own score; the run's units and penalty are their sums.
    const files: Scored[] = expected.results.map((r: { score: Scored }) => r.score);
    expect(expected.score.run.units).toBe(files.reduce((sum, s) => sum + s.units, 0));
    expect(expected.score.run.penalty).toBe(files.reduce((sum, s) => sum + s.penalty, 0));

    for (const shards of [2, 3]) {
      for (let index = 1; index <= shards; index++) {
        // One shard hides its warnings: the scores it reports are still of all its findings.
        const extra = index === 1 ? ['--quiet'] : [];
        const shard = await run(['lint', '--format', `json=shard-${index}.json`, '--shard', `${index}/${shards}`, ...extra]);
        expect(shard.code).toBeLessThan(2);
      }
      const merged = await run(['merge', ...Array.from({ length: shards }, (_, i) => `shard-${i + 1}.json`), '--format', 'json']);
      const report = JSON.parse(merged.stdout);
      expect(report.score).toEqual(expected.score);
      const byFile = (results: Array<{ file: string; score: Scored }>) => Object.fromEntries(results.map((r) => [r.file, r.score]));
      expect(byFile(report.results)).toEqual(byFile(expected.results));
    }
  }, 180_000);

  it('pooled runs give the scores of a single-threaded run', async () => {
    const one = JSON.parse((await run(['lint', '--format', 'json', '--concurrency', 'off'])).stdout);
    const two = JSON.parse((await run(['lint', '--format', 'json', '--concurrency', '2'])).stdout);
    expect(two.score).toEqual(one.score);
  }, 120_000);

  it('is in the SARIF run properties and the stylish summary', async () => {
    const sarif = JSON.parse((await run(['lint', '--format', 'sarif'])).stdout);
    const json = JSON.parse((await run(['lint', '--format', 'json'])).stdout);
    expect(sarif.runs[0].properties.brandScore).toEqual(json.score);
    expect(sarif.runs[0].artifacts[0].properties.brandScore).toEqual(json.results[0].score);
    const stylish = await run(['lint']);
    expect(stylish.stdout).toContain(`brand score ${json.score.run.score}/100 · channels: `);
    expect(stylish.stdout).toContain('campaigns: spring-sale ');
  }, 120_000);
});

describe('--min-score', () => {
  it('exits 1 below the minimum, 0 at or above it, 2 for an invalid value', async () => {
    // Warnings and no error: only the score can fail this run.
    const file = 'email/prose-style.fail.html';
    const json = JSON.parse((await run(['lint', file, '--format', 'json'])).stdout);
    expect(json.summary.errorCount).toBe(0);
    expect(json.summary.warningCount).toBeGreaterThan(0);
    const score: number = json.score.run.score;
    expect(score).toBe(scoreOf({ units: json.score.run.units, penalty: 2 * json.summary.warningCount }));
    expect(score).toBeLessThan(100);

    const met = await run(['lint', file, '--min-score', String(score)]);
    expect(met.code).toBe(0);
    expect(met.stdout).toContain(`brand score ${score}/100 · --min-score ${score} met`);

    const above = Math.round((score + 0.1) * 10) / 10;
    const below = await run(['lint', file, '--min-score', String(above)]);
    expect(below.code).toBe(1);
    expect(below.stdout).toContain(`below --min-score ${above}`);
    expect(below.stderr).toContain(`the brand score ${score} is below --min-score ${above}`);

    // A clean file scores 100 and meets any minimum.
    expect((await run(['lint', 'email/voice.pass.html', '--min-score', '100'])).code).toBe(0);

    for (const bad of ['101', 'high', '-5', '']) {
      const invalid = await run(['lint', file, '--min-score', bad]);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('--min-score must be a number from 0 to 100');
    }
  }, 60_000);

  it('gates a merged run too', async () => {
    await run(['lint', '--format', 'json=all.json']);
    const report = JSON.parse(await readFile(path.join(project.dir, 'all.json'), 'utf8'));
    const gate = await run(['merge', 'all.json', '--min-score', String(Math.min(100, Math.floor(report.score.run.score) + 1))]);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('is below --min-score');
    expect((await run(['merge', 'all.json', '--min-score', 'x'])).code).toBe(2);
  }, 60_000);
});

describe('report --baseline', () => {
  it('shows the score against the baseline in the stylish fallback and the HTML report', async () => {
    expect((await run(['lint', 'email/prose-style.fail.html', '--baseline-write', 'scores.json'])).code).toBe(0);
    const stored = JSON.parse(await readFile(path.join(project.dir, 'scores.json'), 'utf8'));
    expect(stored.score.run).toBeLessThan(100);
    // A clean file now: the score went up to 100.
    const gain = `+${Math.round((100 - stored.score.run) * 10) / 10}`;
    const fallback = await run(['report', 'email/voice.pass.html', '--baseline', 'scores.json']);
    expect(fallback.stdout).toContain(`brand score 100/100 (${gain} since the baseline)`);
    await run(['report', 'email/voice.pass.html', '--baseline', 'scores.json', '--html', 'r.html']);
    expect(await readFile(path.join(project.dir, 'r.html'), 'utf8')).toContain(`Brand score 100/100 <span class="muted">(${gain} since the baseline)</span>`);
    expect((await run(['report', '--baseline', 'missing.json'])).code).toBe(2);
  }, 60_000);
});
