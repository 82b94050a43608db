import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignMatrix } from '../../src/core/campaign.js';
import { lintProject } from '../../src/engine/lint-project.js';
import type { LintResult } from '../../src/engine/result.js';
import { REPO_ROOT } from '../rule-tester.js';

/**
 * The example campaigns in fixtures/campaigns/, judged as campaigns with every rule on (what
 * `npx brandlint lint fixtures/` shows): spring-sale yields exactly its seeded disagreements,
 * trail-weekend (no brief, English and German) none at all.
 */

const SPRING = 'fixtures/campaigns/spring-sale';
const TRAIL = 'fixtures/campaigns/trail-weekend';

const line = (result: LintResult) => result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId}`);

let results: LintResult[];
let campaigns: CampaignMatrix[];

beforeAll(async () => {
  const outcome = await lintProject({ cwd: REPO_ROOT, paths: ['fixtures/campaigns'] });
  if (!outcome.ok) throw new Error(outcome.message);
  results = outcome.results;
  campaigns = outcome.campaigns;
});

describe('fixtures/campaigns', () => {
  it('spring-sale yields exactly the seeded disagreements: offer, code, deadline, link, call to action, tone', () => {
    const found = results.filter((result) => result.file.startsWith(SPRING)).flatMap(line).sort();
    expect(found).toEqual([
      `${SPRING}/assistant.bot.yml:8:106 campaign-date-mismatch`,
      `${SPRING}/assistant.bot.yml:8:82 campaign-code-mismatch`,
      `${SPRING}/instagram.post.md:8:13 campaign-link-mismatch`,
      `${SPRING}/landing.html:18:203 channel-tone-drift`,
      `${SPRING}/landing.html:19:63 campaign-cta-mismatch`,
      `${SPRING}/newsletter.email.html:20:174 campaign-offer-mismatch`,
    ]);
  });

  it('every spring-sale finding points at the brief', () => {
    const mismatches = results.flatMap((result) => result.diagnostics).filter((d) => d.ruleId.startsWith('campaign-'));
    for (const diagnostic of mismatches) {
      expect(diagnostic.related?.[0]?.file, diagnostic.message).toBe('fixtures/campaigns/briefs/spring-sale.yaml');
    }
    const offer = mismatches.find((d) => d.ruleId === 'campaign-offer-mismatch')!;
    expect(offer.message).toBe('offer "15% off" disagrees with the campaign\'s "20% off" (brief fixtures/campaigns/briefs/spring-sale.yaml)');
    expect(offer.related?.map((r) => `${r.file}:${r.range?.start.line}:${r.range?.start.column}`)).toEqual([
      'fixtures/campaigns/briefs/spring-sale.yaml:4:8',
      `${SPRING}/landing.html:18:28`,
      `${SPRING}/assistant.bot.yml:8:42`,
      `${SPRING}/instagram.post.md:6:44`,
      // The store poster says 20% too: print is one of the channels the email disagrees with.
      `${SPRING}/poster.print.svg:13:26`,
    ]);
  });

  it('trail-weekend is clean', () => {
    expect(results.filter((result) => result.file.startsWith(TRAIL)).flatMap(line)).toEqual([]);
  });

  it('the spring-sale matrix marks the disagreeing cells', () => {
    const matrix = campaigns.find((candidate) => candidate.campaign === 'spring-sale')!;
    expect(matrix.brief).toBe('fixtures/campaigns/briefs/spring-sale.yaml');
    expect(matrix.channels.map((c) => c.channel)).toEqual(['email', 'landing', 'chatbot', 'social', 'print']);
    // The print column: the campaign's poster (20% off, as the brief says) and, loaded as siblings,
    // the seeded poster and flyer of fixtures/print (25% off).
    expect(matrix.channels.find((c) => c.channel === 'print')?.files).toEqual([`${SPRING}/poster.print.svg`, 'fixtures/print/flyer.pdf', 'fixtures/print/poster.svg']);
    expect(matrix.reference.offer).toEqual({ values: ['20% off'], source: 'brief' });
    const disagreeing = matrix.cells.filter((cell) => cell.agrees === false).map((cell) => `${cell.channel} ${cell.fact} ${cell.values.join(',')}`);
    expect(disagreeing).toEqual([
      'email offer 15% off',
      'landing cta shop now',
      'chatbot code SPRING25',
      'chatbot date 2027-04-02',
      'social link https://www.northwind.example/spring',
      'print offer 20% off,25% off',
    ]);
    const poster = matrix.cells.filter((cell) => cell.channel === 'print' && cell.agrees === true).map((cell) => `${cell.fact} ${cell.values.join(',')}`);
    expect(poster).toEqual(['code SPRING20', 'date 2027-03-31', 'link https://www.northwind.example/spring-sale', 'product CloudPack,TrailMate']);
  });

  it('the trail-weekend matrix takes the majority and agrees everywhere', () => {
    const matrix = campaigns.find((candidate) => candidate.campaign === 'trail-weekend')!;
    expect(matrix.brief).toBeUndefined();
    expect(matrix.reference.code).toEqual({ values: ['TRAIL10'], source: 'majority' });
    expect(matrix.reference.date).toEqual({ values: ['2027-05-02'], source: 'majority' });
    expect(matrix.cells.filter((cell) => cell.agrees === false)).toEqual([]);
  });
});

describe('a partial run', () => {
  it('loads the campaign siblings as reference and reports only on the files asked for', async () => {
    const outcome = await lintProject({ cwd: REPO_ROOT, paths: [`${SPRING}/newsletter.email.html`] });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.results.map((result) => result.file)).toEqual([`${SPRING}/newsletter.email.html`]);
    expect(outcome.results.flatMap(line)).toEqual([`${SPRING}/newsletter.email.html:20:174 campaign-offer-mismatch`]);
    expect(outcome.campaigns.map((matrix) => matrix.channels.map((c) => c.channel))).toEqual([['email', 'landing', 'chatbot', 'social', 'print']]);
  });

  it('without siblings, a lone file has nothing to disagree with but the brief', async () => {
    const outcome = await lintProject({ cwd: REPO_ROOT, paths: [`${SPRING}/assistant.bot.yml`], campaignSiblings: false });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.results.flatMap(line)).toEqual([`${SPRING}/assistant.bot.yml:8:82 campaign-code-mismatch`, `${SPRING}/assistant.bot.yml:8:106 campaign-date-mismatch`]);
  });
});
