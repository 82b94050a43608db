import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runLint } from '../../src/cli/lint.js';
import { runMerge } from '../../src/cli/merge.js';
import { tempProject } from '../engine/helpers.js';
import { campaignFixtureProject } from './helpers.js';

/**
 * Shards keep campaigns whole: with the real adapters and rules on a copy of the fixture
 * campaigns, merging the shards' JSON reports gives the unsharded report, consistency findings
 * and matrices included.
 */
let project: Awaited<ReturnType<typeof tempProject>>;
beforeAll(async () => {
  project = await campaignFixtureProject();
});
afterAll(async () => project.cleanup());

function io(): CliIo & { out: () => string } {
  let stdout = '';
  return { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: project.dir, env: {}, isTTY: false, out: () => stdout };
}

describe('shards + merge with campaigns', () => {
  it('the merged report equals the unsharded one, matrices included', async () => {
    const whole = io();
    const wholeCode = await runLint([], { format: ['json'] }, whole);
    const expected = JSON.parse(whole.out());
    expect(expected.campaigns.map((m: { campaign: string }) => m.campaign).sort()).toEqual(['spring-sale', 'trail-weekend']);
    expect(expected.results.some((r: { diagnostics: Array<{ ruleId: string }> }) => r.diagnostics.some((d) => d.ruleId.startsWith('campaign-')))).toBe(true);

    for (const index of [1, 2]) await runLint([], { format: [`json=shard-${index}.json`], shard: `${index}/2` }, io());
    const shards = await Promise.all([1, 2].map(async (i) => JSON.parse(await readFile(path.join(project.dir, `shard-${i}.json`), 'utf8'))));
    // Each campaign's files and matrix are in exactly one shard.
    for (const campaign of ['spring-sale', 'trail-weekend']) {
      expect(shards.filter((shard) => shard.results.some((r: { file: string }) => r.file.startsWith(`campaigns/${campaign}/`)))).toHaveLength(1);
      expect(shards.filter((shard) => (shard.campaigns ?? []).some((m: { campaign: string }) => m.campaign === campaign))).toHaveLength(1);
    }

    const merged = io();
    const code = await runMerge(['shard-1.json', 'shard-2.json'], { format: ['json'] }, merged);
    expect(code).toBe(wholeCode);
    const report = JSON.parse(merged.out());
    const byCampaign = (list: Array<{ campaign: string }>) => [...list].sort((a, b) => (a.campaign < b.campaign ? -1 : 1));
    expect(byCampaign(report.campaigns)).toEqual(byCampaign(expected.campaigns));
    expect(report.results).toEqual(expected.results);
    expect(report.summary).toEqual(expected.summary);
  }, 120_000);
});
