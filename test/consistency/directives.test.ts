import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';

/** Disable directives work on campaign findings, and the ones that disable nothing are reported. */

let dir: string;
const post = (body: string) => `---\ncampaign: spring\n---\n${body}\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'brandlint-campaign-directives-'));
  await writeFile(path.join(dir, 'brandlint.config.yaml'), 'rules:\n  campaign-code-mismatch: error\n');
  await writeFile(path.join(dir, 'a.post.md'), post('Use code SPRING20 today.'));
  await writeFile(path.join(dir, 'b.post.md'), post('Use code SPRING20 today.'));
  await writeFile(path.join(dir, 'c.post.md'), post('<!-- brandlint-disable-next-line campaign-code-mismatch -- the bot code for this post -->\nUse code SPRING25 today.\n\nAnd code SPRING25 again.'));
  await writeFile(path.join(dir, 'd.post.md'), post('<!-- brandlint-disable-next-line campaign-offer-mismatch -->\nUse code SPRING20 today.'));
  // A directive naming no rule that disables only a campaign finding did its job: it is not "unused".
  await writeFile(path.join(dir, 'e.post.md'), post('<!-- brandlint-disable-next-line -- agreed with the partner -->\nUse code SPRING30 today.'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('directives on campaign findings', () => {
  it('disable the finding they name, report unused ones, leave the rest', async () => {
    const outcome = await lintProject({ cwd: dir });
    if (!outcome.ok) throw new Error(outcome.message);
    const found = outcome.results.flatMap((result) => result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId}`)).sort();
    expect(found).toEqual(['c.post.md:7:10 campaign-code-mismatch', 'd.post.md:4:1 brandlint/unused-directive']);
  });
});
