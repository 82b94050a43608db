import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';

/** A broken brief is reported on the brief file; the campaign falls back to its majority. */

let dir: string;
const post = (body: string) => `---\ncampaign: spring\n---\n${body}\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'brandlint-briefs-'));
  await mkdir(path.join(dir, 'campaigns'));
  await writeFile(path.join(dir, 'campaigns', 'spring.yaml'), 'offer: 20% off\ncodee: SPRING20\n');
  await writeFile(path.join(dir, 'a.post.md'), post('Take 15% off with code SPRING20.'));
  await writeFile(path.join(dir, 'b.post.md'), post('Take 15% off with code SPRING20.'));
  await writeFile(path.join(dir, 'c.post.md'), post('Take 10% off with code SPRING20.'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('briefs in a run', () => {
  it('reports brief errors at their place and judges the campaign by its majority', async () => {
    const outcome = await lintProject({ cwd: dir });
    if (!outcome.ok) throw new Error(outcome.message);
    const found = outcome.results.flatMap((result) => result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.message}`));
    expect(found).toEqual([
      'c.post.md:4:1 campaign-offer-mismatch offer "10% off" disagrees with the campaign\'s "15% off" (2 of 3 files: social)',
      expect.stringMatching(/^campaigns\/spring\.yaml:2:1 brief\/unknown-key .*"codee".*did you mean "code"/),
    ]);
    expect(outcome.campaigns[0]?.brief).toBeUndefined();
  });
});
