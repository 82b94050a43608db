import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';
import { loadContentParser, type ContentParser } from '../../src/engine/runner.js';
import { REPO_ROOT } from '../cli/helpers.js';
import { tempProject } from './helpers.js';

/**
 * The cache and the campaign phase: results carry each file's campaign facts, so a partial run
 * (a path argument, `--staged`) takes its campaign siblings' facts from the cache instead of
 * parsing them, and still reports the same consistency findings. Real adapters and rules on a
 * copy of the spring-sale fixture campaign.
 */
let project: Awaited<ReturnType<typeof tempProject>>;
let parser: ContentParser;
let parsed: string[] = [];
const counting: ContentParser = (input) => {
  parsed.push(input.file);
  return parser(input);
};

beforeAll(async () => {
  project = await tempProject();
  await cp(path.join(REPO_ROOT, 'tokens'), path.join(project.dir, 'tokens'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'fixtures/campaigns'), path.join(project.dir, 'campaigns'), { recursive: true });
  await writeFile(path.join(project.dir, 'brandlint.config.yaml'), 'tokens: [tokens/*.tokens.json]\nguidelines: tokens/brand.guidelines.yaml\ncampaigns:\n  briefs: campaigns/briefs\n');
  parser = (await loadContentParser())!;
});
afterAll(async () => project.cleanup());

async function run(paths: string[], cache: boolean) {
  parsed = [];
  const outcome = await lintProject({
    cwd: project.dir,
    paths,
    parse: counting,
    ...(cache ? { cache: { location: '.brandlintcache', version: 'test' } } : {}),
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { outcome, parsed: [...parsed] };
}

const campaignFindings = (outcome: Awaited<ReturnType<typeof run>>['outcome'], file: string) =>
  outcome.results
    .find((result) => result.file === file)!
    .diagnostics.filter((d) => d.ruleId.startsWith('campaign-'))
    .map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`);

describe('--cache with campaigns', () => {
  it('a partial run takes campaign siblings from the cache and reports the same consistency findings', async () => {
    const landing = 'campaigns/spring-sale/landing.html';
    const full = await run(['campaigns/spring-sale'], true);
    const expected = campaignFindings(full.outcome, landing);
    expect(expected.length).toBeGreaterThan(0);

    const uncached = await run([landing], false);
    expect(uncached.parsed.filter((file) => file.startsWith('campaigns/spring-sale/')).sort()).toEqual([
      'campaigns/spring-sale/assistant.bot.yml',
      'campaigns/spring-sale/instagram.post.md',
      'campaigns/spring-sale/landing.html',
      'campaigns/spring-sale/newsletter.email.html',
      'campaigns/spring-sale/poster.print.svg',
    ]);
    expect(campaignFindings(uncached.outcome, landing)).toEqual(expected);

    const cached = await run([landing], true);
    expect(cached.parsed.filter((file) => file.startsWith('campaigns/spring-sale/'))).toEqual([]);
    expect(cached.outcome.results.map((result) => result.file)).toContain(landing);
    expect(campaignFindings(cached.outcome, landing)).toEqual(expected);
    expect(cached.outcome.campaigns.map((matrix) => matrix.campaign)).toContain('spring-sale');

    // A changed sibling is parsed for reference only, and that finding-less result is not cached.
    const post = 'campaigns/spring-sale/instagram.post.md';
    await writeFile(path.join(project.dir, post), `${await import('node:fs/promises').then((fs) => fs.readFile(path.join(project.dir, post), 'utf8'))}\n`);
    const partial = await run([landing], true);
    const spring = (files: string[]) => files.filter((file) => file.startsWith('campaigns/spring-sale/'));
    expect(spring(partial.parsed)).toEqual([post]);
    const again = await run(['campaigns/spring-sale'], true);
    expect(spring(again.parsed)).toEqual([post]);
    expect(again.outcome.results.find((result) => result.file === post)!.diagnostics).toEqual(
      full.outcome.results.find((result) => result.file === post)!.diagnostics,
    );
  }, 120_000);
});
