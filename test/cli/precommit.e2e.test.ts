import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers.js';

/**
 * The pre-commit framework hook as a user meets it: the real `pre-commit` tool (Debian's package
 * will do), this repository as the hook repository (a commit of the working tree as it is now:
 * tracked and new files, not node_modules or dist/), a clean PRE_COMMIT_HOME, and
 * `pre-commit run --all-files` in a fresh git repository. pre-commit's node installer runs
 * `npm install` (with devDependencies) in its clone, which runs `prepare`, then `npm pack`, then
 * `npm install -g` of the tarball: minutes on a loaded machine, so the test runs only with
 * BRANDLINT_E2E_PRECOMMIT=1 (npm's cache is used with --prefer-offline).
 */
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const enabled = process.env.BRANDLINT_E2E_PRECOMMIT === '1';
const skipReason = !hasPreCommit
  ? 'pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit)'
  : !enabled
    ? 'it installs the hook with npm from a clean pre-commit cache (minutes); set BRANDLINT_E2E_PRECOMMIT=1 to run it'
    : '';
if (skipReason) console.log(`skipped precommit.e2e.test.ts: ${skipReason}`);

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
const PAGE = (body: string) => `<!doctype html>\n<html lang="en">\n<head><title>Hello</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
const GOOD = PAGE('<p>Hello</p>');
const BAD = PAGE('<!-- brandlint-disable-next-line no-such-rule -->\n<p>Hello</p>');

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...GIT_ENV, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(skipReason !== '')('the pre-commit framework hook (.pre-commit-hooks.yaml)', () => {
  const temp = tempDir('brandlint-precommit-');
  const hookRepo = path.join(temp.dir, 'brandlint');
  const project = path.join(temp.dir, 'project');
  const env = { PRE_COMMIT_HOME: path.join(temp.dir, 'cache'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

  beforeAll(() => {
    // This repository as pre-commit would clone it: a commit of what git would track.
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(listed.status).toBe(0);
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      const from = path.join(REPO_ROOT, file);
      if (!existsSync(from)) continue; // deleted in the working tree
      mkdirSync(path.dirname(path.join(hookRepo, file)), { recursive: true });
      copyFileSync(from, path.join(hookRepo, file));
    }
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'brandlint under test']]) {
      expect(run('git', args, hookRepo).code).toBe(0);
    }
    const rev = run('git', ['rev-parse', 'HEAD'], hookRepo).output.trim();

    mkdirSync(path.join(project, 'email'), { recursive: true });
    expect(run('git', ['init', '-q', '-b', 'main'], project).code).toBe(0);
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: brandlint\n`);
    writeFileSync(path.join(project, 'README.md'), '# A project\n\nNot content of any channel: the hook leaves it alone.\n');
    writeFileSync(path.join(project, 'package.json'), '{ "name": "project", "private": true }\n');
    writeFileSync(path.join(project, 'index.html'), GOOD);
    writeFileSync(path.join(project, 'email', 'welcome.html'), BAD);
    expect(run('git', ['add', '-A'], project).code).toBe(0);
  });
  afterAll(() => temp.cleanup(), 300_000);

  it('installs from a clean cache and fails on a bad file with the finding', () => {
    const started = Date.now();
    const result = run('pre-commit', ['run', '--all-files', '--color', 'never'], project, env);
    console.log(`pre-commit run --all-files from a clean cache (install included): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(result.output).not.toContain('An unexpected error has occurred');
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/brandlint\.+Failed/);
    expect(result.output).toContain('email/welcome.html');
    expect(result.output).toMatch(/5:34\s+error\s+unknown rule "no-such-rule" in brandlint-disable-next-line\s+brandlint\/unknown-rule/);
    expect(result.output).not.toContain('index.html');
    // .pre-commit-config.yaml, README.md and package.json are named by pre-commit but are not the project's content.
    expect(result.output).toContain('3 of the files named are not content of this project');
  }, 900_000);

  it('passes once the file is fixed (the installed hook is reused)', () => {
    writeFileSync(path.join(project, 'email', 'welcome.html'), GOOD);
    expect(run('git', ['add', '-A'], project).code).toBe(0);
    const result = run('pre-commit', ['run', '--all-files', '--color', 'never'], project, env);
    expect(result.output).toMatch(/brandlint\.+Passed/);
    expect(result.code).toBe(0);
  }, 120_000);

  it('as the git pre-commit hook (pre-commit install), refuses a commit that stages a finding and accepts the fix', () => {
    expect(run('pre-commit', ['install'], project, env).code).toBe(0);
    expect(run('git', ['commit', '-q', '-m', 'clean'], project, env).code).toBe(0);
    writeFileSync(path.join(project, 'email', 'welcome.html'), BAD);
    expect(run('git', ['add', 'email/welcome.html'], project).code).toBe(0);
    // The working tree's fix is not staged: pre-commit stashes it, brandlint sees what is committed.
    writeFileSync(path.join(project, 'email', 'welcome.html'), PAGE('<p>Hello again</p>'));
    const refused = run('git', ['commit', '-m', 'bad'], project, env);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('unknown rule "no-such-rule"');
    expect(run('git', ['add', 'email/welcome.html'], project).code).toBe(0);
    expect(run('git', ['commit', '-m', 'fixed'], project, env).code).toBe(0);
  }, 120_000);
});

describe.skipIf(skipReason === '')('the pre-commit framework hook', () => {
  // Said where the run is read: the reason this machine cannot run the end-to-end hook test.
  it('is not run on this machine', (context) => {
    console.info(`pre-commit end-to-end test skipped: ${skipReason}`);
    context.skip();
  });
});
