import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';
import { BatchQueue, lintInPool, workerCount, workerEntry } from '../../src/engine/pool.js';
import type { LintResult } from '../../src/engine/result.js';
import { tempProject } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('workerCount', () => {
  it.each([
    ['off', 500, 50e6, 0],
    [1, 500, 50e6, 0],
    [2, 3, 10, 1],
    [4, 3, 10, 3],
  ] as const)('%s threads for %i files of %i bytes: %i workers besides the main thread', (concurrency, files, bytes, expected) => {
    expect(workerCount(concurrency, files, bytes)).toBe(expected);
  });

  it('auto stays on one thread for a small run', () => {
    expect(workerCount('auto', 3, 10_000)).toBe(0);
    expect(workerCount('auto', 200, 100_000)).toBe(0);
  });

  it.each([
    // cores, files, bytes: workers
    [1, 2_000, 50e6, 0],
    [2, 2_000, 10e6, 1],
    [2, 2_000, 1.9 * 1024 * 1024, 0],
    [2, 2_000, 2 * 1024 * 1024, 1],
    [2, 10, 50e6, 0],
    [4, 2_000, 10e6, 3],
    [4, 2_000, 1.9 * 1024 * 1024, 0],
    [4, 2_000, 2 * 1024 * 1024, 3],
    [8, 2_000, 50e6, 3],
    [8, 48, 50e6, 1],
  ] as const)('auto on %i cores, %i files of %i bytes: %i workers', (cores, files, bytes, expected) => {
    expect(workerCount('auto', files, bytes, cores)).toBe(expected);
  });
});

describe('BatchQueue', () => {
  const sizes = [5_000, 200, 90_000, 1_000, 300_000, 40, 1_000, 700_000, 12_000];
  const files = sizes.map((size, i) => ({ file: `f${i}.html`, absolutePath: `/project/f${i}.html`, channel: 'landing' as const, size }));

  it('gives workers the largest files and the main thread the smallest, each file once', () => {
    const queue = new BatchQueue(files, 2);
    expect(queue.take(false).map((file) => file.index)).toEqual([7]);
    expect(queue.take(true).map((file) => file.index)).toEqual([5, 1, 6, 3, 0, 8]);
    expect(queue.take(false).map((file) => file.index)).toEqual([4]);
    expect(queue.take(false).map((file) => file.index)).toEqual([2]);
    expect(queue.take(true)).toEqual([]);
    expect(queue.take(false)).toEqual([]);
  });

  it('hands out every file exactly once, however the lanes take turns', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ file: `f${i}.md`, absolutePath: `/p/f${i}.md`, channel: 'social' as const, size: (i * 7919) % 30_000 }));
    const queue = new BatchQueue(many, 3);
    const seen: number[] = [];
    for (let turn = 0; ; turn++) {
      const batch = queue.take(turn % 3 === 0);
      if (batch.length === 0 && queue.take(turn % 3 !== 0).length === 0) break;
      expect(batch.length).toBeLessThanOrEqual(24);
      seen.push(...batch.map((file) => file.index));
    }
    expect(seen.sort((a, b) => a - b)).toEqual(many.map((_, i) => i));
  });
});

describe('lintInPool', () => {
  const files = ['a.html', 'stall.html', 'b.html', 'c.html'].map((file) => ({ file, absolutePath: `/project/${file}`, channel: 'landing' as const, size: 10 }));

  it('stops a batch that does not finish, lints its files one by one, and marks the one that stalls', async () => {
    const results = new Map<number, LintResult>();
    const run = await lintInPool({
      // Generous for a worker that answers at once: only the stalling file can run out of time.
      setup: { cwd: '/project', timeLimitMs: 1500 },
      files,
      threads: 1,
      // One batch of four files: the worker's lane takes it, the main thread's finds none.
      local: () => Promise.reject(new Error('the main thread took a batch')),
      // No spill in the setup: every result comes whole.
      onResult: (index, result) => results.set(index, result as LintResult),
      entry: path.join(here, 'fixtures', 'stalling-worker.mjs'),
    });
    expect([...results.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(results.get(1)!.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['internal/timeout', 'error']]);
    expect(results.get(1)!.diagnostics[0]!.message).toMatch(/did not finish within 2 s/);
    for (const index of [0, 2, 3]) expect(results.get(index)!.diagnostics).toEqual([]);
    expect(run.notices.map((notice) => notice.message)).toEqual(['linted a.html', 'linted b.html', 'linted c.html']);
  }, 30_000);
});

describe('a run on worker threads', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeEach(async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`pages/p${i}.html`, `<html lang="en"><body><h1 style="color:#ff0000">Page ${i}</h1><p>We utilize the BEST boots!!! {{ name }}</p></body></html>\n`]),
    );
    project = await tempProject({
      'brandlint.config.yaml': `tokens: [${JSON.stringify(`${path.resolve(here, '../../tokens')}/*.tokens.json`)}]\nguidelines: ${JSON.stringify(path.resolve(here, '../../tokens/brand.guidelines.yaml'))}\n`,
      ...pages,
      'pages/campaign.post.md': '---\ncampaign: spring\nplatform: x\n---\nSpring sale: 20% off with code SPRING20.\n',
      'pages/campaign.html': '<html lang="en"><head><meta name="campaign" content="spring"></head><body><p>Spring sale: 15% off with code SPRING20.</p></body></html>\n',
    });
  });
  afterEach(async () => {
    await project.cleanup();
  });

  it.skipIf(!existsSync(workerEntry()))('gives the same results, in the same order, as one thread (needs the build: npm run build:ts)', async () => {
    const one = await lintProject({ cwd: project.dir, concurrency: 'off' });
    const two = await lintProject({ cwd: project.dir, concurrency: 2, store: 'spill' });
    if (!one.ok || !two.ok) throw new Error(`run failed: ${JSON.stringify(one.ok ? two : one)}`);
    const strip = (results: LintResult[]) => results.map(({ source: _source, ...rest }) => rest);
    expect(strip(two.results)).toEqual(strip(one.results));
    expect(two.results.map((result) => result.source)).toEqual(one.results.map((result) => result.source));
    expect(two.notices).toEqual(one.notices);
    expect(two.campaigns).toEqual(one.campaigns);
    expect(one.results.some((result) => result.diagnostics.some((d) => d.ruleId === 'campaign-offer-mismatch'))).toBe(true);
    two.store.close();
  }, 60_000);

  it.skipIf(!existsSync(workerEntry()))('reports notices in file order though the threads take the files by size (needs the build)', async () => {
    // Larger files come later in the run, so the threads take them out of order; the oversized ones are skipped with a notice each.
    const sized = await tempProject({
      'brandlint.config.yaml': 'channels:\n  landing: ["**/*.html"]\n',
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${String(i).padStart(2, '0')}.html`, `<p>${'We utilize the best boots. '.repeat(i * 8)}</p>\n`])),
    });
    try {
      const options = { cwd: sized.dir, maxFileSize: 4_000 };
      const one = await lintProject({ ...options, concurrency: 'off' });
      const two = await lintProject({ ...options, concurrency: 2, store: 'spill' });
      if (!one.ok || !two.ok) throw new Error('run failed');
      expect(one.notices.filter((notice) => notice.kind === 'skipped').length).toBeGreaterThan(10);
      expect(two.notices).toEqual(one.notices);
      expect(two.results.map((result) => [result.file, result.diagnostics])).toEqual(one.results.map((result) => [result.file, result.diagnostics]));
      two.store.close();
    } finally {
      await sized.cleanup();
    }
  }, 60_000);
});

describe('the time limit per file', () => {
  it('stops the rules of a file that runs out of time and says which did not run', async () => {
    const project = await tempProject({ 'a.html': '<p>We utilize it.</p>\n' });
    try {
      const outcome = await lintProject({ cwd: project.dir, timeLimitMs: 0 });
      if (!outcome.ok) throw new Error(outcome.message);
      const [timeout] = outcome.results[0]!.diagnostics.filter((d) => d.ruleId === 'internal/timeout');
      expect(timeout?.message).toMatch(/linting this file stopped after 0 s \(the limit per file is 0 s\); .* did not run/);
    } finally {
      await project.cleanup();
    }
  });
});
