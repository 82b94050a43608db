import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintProject, type LintProjectOptions } from '../../src/index.js';
import { REPO_ROOT, tempDir } from './helpers.js';

/** The programmatic API the docs name: `lintProject` from the package entry point. */
let project: { dir: string; cleanup: () => void };
beforeEach(() => {
  project = tempDir('brandlint-api-');
  cpSync(path.join(REPO_ROOT, 'tokens'), path.join(project.dir, 'tokens'), { recursive: true });
  const files: Record<string, string> = {
    'brandlint.config.yaml': 'tokens: [tokens/northwind.resolver.json]\nguidelines: tokens/brand.guidelines.yaml\n',
    'email/a.html': '<p>cheap</p>\n',
    'email/b.html': '<p>fine</p>\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project.dir, name)), { recursive: true });
    writeFileSync(path.join(project.dir, name), text);
  }
});
afterEach(() => project.cleanup());

describe('lintProject', () => {
  it('lints the paths given, with typed options, and returns results and notices', async () => {
    const options: LintProjectOptions = { cwd: project.dir, paths: ['email/a.html'], campaignSiblings: false };
    const outcome = await lintProject(options);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.results.map((r) => r.file)).toEqual(['email/a.html']);
    expect(outcome.results[0]!.diagnostics.map((d) => [d.ruleId, d.range?.start])).toEqual([['brand/banned', expect.objectContaining({ line: 1, column: 4 })]]);
    expect(outcome.brand).not.toBeNull();
    outcome.store.close();
  });

  it('lints a text as a file that need not exist, and fails with a stage for a bad path', async () => {
    const outcome = await lintProject({ cwd: project.dir, text: { file: 'email/new.html', text: '<p>\ncheap</p>' } });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.results.map((r) => [r.file, r.channel, r.errorCount])).toEqual([['email/new.html', 'email', 1]]);
    expect(outcome.results[0]!.diagnostics[0]!.range?.start).toMatchObject({ line: 2, column: 1 });
    const missing = await lintProject({ cwd: project.dir, paths: ['nope.html'] });
    expect(missing).toMatchObject({ ok: false, stage: 'paths' });
  });

  it('is what the built package exports', async () => {
    const built = (await import(path.join(REPO_ROOT, 'dist/src/index.js'))) as Record<string, unknown>;
    expect(typeof built['lintProject']).toBe('function');
    expect(typeof built['lintText']).toBe('function');
  });
});
