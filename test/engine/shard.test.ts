import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';
import { parseShard, selectShard, shardKey, shardOfKey, sniffCampaign } from '../../src/engine/shard.js';
import { tempProject, testParser, wordRule } from './helpers.js';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('accepts %j', (text, spec) => expect(parseShard(text)).toEqual(spec));
  it.each(['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1.5/2'])('refuses %j', (text) => {
    expect(parseShard(text)).toMatch(/^--shard must be i\/n with 1 <= i <= n/);
  });
});

describe('sniffCampaign', () => {
  it.each<[string, string, string | undefined]>([
    ['front matter', '---\ntitle: Spring\ncampaign: spring-sale\n---\n# Hi\n', 'spring-sale'],
    ['quoted YAML metadata', 'metadata:\n  campaign: "spring-sale" # the March push\nflows: []\n', 'spring-sale'],
    ['an HTML meta tag', '<head><meta name="campaign" content="spring-sale"></head>', 'spring-sale'],
    ['a meta tag with content first', "<meta content='spring-sale' name=campaign>", 'spring-sale'],
    ['utm_campaign on a link', '<a href="https://n.example/?utm_source=mail&amp;utm_campaign=spring%2Dsale">x</a>', 'spring-sale'],
    ['an SVG root', '<svg xmlns="http://www.w3.org/2000/svg" data-campaign="spring-sale"><text>x</text></svg>', 'spring-sale'],
    ['a PDF information entry', '%PDF-1.7\n1 0 obj\n<< /Title (Flyer) /Campaign (spring-sale) >>\nendobj\n', 'spring-sale'],
    ['none', '<p>campaigns are fun: campaign season</p>', undefined],
    ['a word in prose is not metadata', 'Our campaign: spring is here', undefined],
  ])('%s', (_name, text, campaign) => expect(sniffCampaign(text)).toBe(campaign));
});

describe('selectShard', () => {
  const files = Array.from({ length: 200 }, (_, i) => ({ absolutePath: `/repo/content/${i % 7}/file-${i}.html` }));
  // Every fifth file belongs to one of four campaigns (by configuration), some by their text.
  const campaignOf = (absolutePath: string) => {
    const n = Number(/file-(\d+)/.exec(absolutePath)![1]);
    return n % 5 === 0 ? `campaign-${n % 4}` : undefined;
  };
  const readText = async (file: { absolutePath: string }) => (file.absolutePath.endsWith('3.html') ? 'campaign: from-text\n' : '<p>hi</p>');

  it.each([1, 2, 3, 4, 5, 8, 13])('the %i shards cover every file exactly once and keep campaigns whole', async (count) => {
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => selectShard(files, { index: i + 1, count }, { rootDir: '/repo', campaignOf, readText })));
    const all = shards.flat().map((f) => f.absolutePath);
    expect(all).toHaveLength(files.length);
    expect(new Set(all)).toEqual(new Set(files.map((f) => f.absolutePath)));
    const shardOfCampaign = new Map<string, Set<number>>();
    shards.forEach((shard, index) => {
      for (const file of shard) {
        const campaign = campaignOf(file.absolutePath) ?? (file.absolutePath.endsWith('3.html') ? 'from-text' : undefined);
        if (campaign) shardOfCampaign.set(campaign, (shardOfCampaign.get(campaign) ?? new Set()).add(index));
      }
    });
    expect(shardOfCampaign.size).toBe(5);
    for (const placed of shardOfCampaign.values()) expect(placed.size).toBe(1);
    // Files stay in their original order within a shard.
    for (const shard of shards) {
      const order = shard.map((f) => files.indexOf(f));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    if (count > 1) expect(shards.filter((shard) => shard.length > 0).length).toBeGreaterThan(1);
  });

  it('is deterministic and does not depend on where the repository is', () => {
    expect(shardOfKey(shardKey('/a/repo/x/y.html', '/a/repo', undefined), 7)).toBe(shardOfKey(shardKey('/b/checkout/x/y.html', '/b/checkout', undefined), 7));
    expect(shardKey('/a/repo/x/y.html', '/a/repo', 'spring')).toBe('campaign:spring');
    expect(shardOfKey('file:x/y.html', 7)).toBe(shardOfKey('file:x/y.html', 7));
  });
});

describe('lintProject with shard', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    const files: Record<string, string> = {
      'brandlint.config.yaml': 'campaigns:\n  assign:\n    spring: ["spring/**"]\n',
    };
    for (let i = 0; i < 30; i++) files[`pages/page-${i}.html`] = i % 3 === 0 ? '<p>TODO</p>\n' : '<p>ok</p>\n';
    for (const name of ['a', 'b', 'c', 'd']) files[`spring/${name}.html`] = '<p>TODO</p>\n';
    for (const name of ['e', 'f']) files[`summer/${name}.html`] = '<meta name="campaign" content="summer">\n';
    project = await tempProject(files);
  });
  afterAll(async () => project.cleanup());

  it.each([2, 3, 4])('%i shards lint every file exactly once; each campaign in one shard', async (count) => {
    const linted: string[][] = [];
    for (let index = 1; index <= count; index++) {
      const outcome = await lintProject({ cwd: project.dir, rules: [wordRule('test/todo', 'TODO')], parse: testParser, shard: { index, count } });
      if (!outcome.ok) throw new Error(outcome.message);
      linted.push(outcome.results.map((r) => r.file));
    }
    const all = linted.flat().sort();
    expect(all).toHaveLength(36);
    expect(new Set(all).size).toBe(36);
    expect(linted.filter((files) => files.some((f) => f.startsWith('spring/')))).toHaveLength(1);
    expect(linted.filter((files) => files.some((f) => f.startsWith('summer/')))).toHaveLength(1);
    expect(linted.find((files) => files.includes('spring/a.html'))!.filter((f) => f.startsWith('spring/'))).toHaveLength(4);
  });
});
