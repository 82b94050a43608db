import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

/**
 * The pre-commit hook as users meet it: a real git repository, `brandlint hook install`, and
 * `git commit` running the installed hook (the built binary: rebuild with
 * `npx tsc -p tsconfig.build.json`). The finding comes from a generic check that needs no brand:
 * a disable directive naming a rule that does not exist.
 * Each test spawns the CLI several times (git runs the hook at every commit): generous timeouts.
 */
const PAGE = (body: string) => `<!doctype html>\n<html lang="en">\n<head><title>Hello</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
const GOOD = PAGE('<p>Hello</p>');
const BAD = PAGE('<!-- brandlint-disable-next-line no-such-rule -->\n<p>Hello</p>');
// Git must not read the machine's configuration (hooksPath, signing, templates).
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('brandlint-hook-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
});
afterEach(() => cleanup());

function git(...args: string[]) {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
const commits = () => Number(git('rev-list', '--count', '--all').output.trim() || '0');

describe('brandlint hook install + git commit', () => {
  it('refuses a commit with a finding, judges staged content, and accepts it after the fix', () => {
    write('good.html', GOOD);
    write('bad.html', BAD);
    write('notes.txt', 'not content of any channel\n');
    git('add', '.');
    const installed = runCli(['hook', 'install'], dir, GIT_ENV);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('installed .git/hooks/pre-commit');
    expect(statSync(path.join(dir, '.git/hooks/pre-commit')).mode & 0o111).not.toBe(0);

    const refused = git('commit', '-m', 'bad');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('bad.html');
    expect(refused.output).toMatch(/5:34\s+error\s+unknown rule "no-such-rule" in brandlint-disable-next-line\s+brandlint\/unknown-rule/);
    expect(refused.output).not.toContain('good.html');
    expect(refused.output).not.toContain('notes.txt');
    expect(commits()).toBe(0);
    // The hook keeps its cache in the git folder, out of the working tree.
    expect(existsSync(path.join(dir, '.git/brandlint-cache'))).toBe(true);
    expect(git('status', '--porcelain').output).not.toContain('brandlint-cache');

    // Fixed in the working tree but not staged: the staged (bad) content is what would be committed.
    write('bad.html', GOOD);
    expect(git('commit', '-m', 'still bad').code).not.toBe(0);
    expect(commits()).toBe(0);

    git('add', 'bad.html');
    const accepted = git('commit', '-m', 'fixed');
    expect(accepted.output).not.toContain('error');
    expect(accepted.code).toBe(0);
    expect(commits()).toBe(1);

    // The other way round: good staged content, broken working tree: the commit goes through.
    write('good.html', PAGE('<p>Changed</p>'));
    git('add', 'good.html');
    write('good.html', BAD);
    expect(git('commit', '-m', 'staged is good').code).toBe(0);
    expect(commits()).toBe(2);
  }, 120_000);

  it('lint --staged with nothing staged says nothing and exits 0', () => {
    write('bad.html', BAD);
    expect(runCli(['lint', '--staged'], dir, GIT_ENV)).toMatchObject({ code: 0, stdout: '' });
  }, 120_000);

  it('does not overwrite a hook it did not write; --chain runs it first; --force replaces it', () => {
    const hook = path.join(dir, '.git/hooks/pre-commit');
    write('.git/hooks/pre-commit', '#!/bin/sh\necho previous-hook-ran > "$(git rev-parse --show-toplevel)/previous.txt"\n');
    spawnSync('chmod', ['+x', hook]);
    const refused = runCli(['hook', 'install'], dir, GIT_ENV);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists; not overwritten');
    expect(readFileSync(hook, 'utf8')).toContain('previous-hook-ran');

    const chained = runCli(['hook', 'install', '--chain'], dir, GIT_ENV);
    expect(chained.code).toBe(0);
    expect(chained.stdout).toContain('runs pre-commit.brandlint-chained first');
    write('bad.html', BAD);
    git('add', 'bad.html');
    const refusedCommit = git('commit', '-m', 'bad');
    expect(refusedCommit.code).not.toBe(0);
    expect(refusedCommit.output).toContain('unknown rule "no-such-rule"');
    expect(existsSync(path.join(dir, 'previous.txt'))).toBe(true);

    // Installing again keeps the chain; --force writes a plain hook.
    expect(runCli(['hook', 'install'], dir, GIT_ENV).stdout).toContain('runs pre-commit.brandlint-chained first');
    expect(runCli(['hook', 'install', '--force'], dir, GIT_ENV).code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain('brandlint pre-commit hook');
  }, 120_000);

  describe('brandlint hook uninstall', () => {
    const hook = () => path.join(dir, '.git/hooks/pre-commit');

    it('removes the hook it installed and its cache; commits are no longer linted', () => {
      write('bad.html', BAD);
      git('add', 'bad.html');
      expect(runCli(['hook', 'install'], dir, GIT_ENV).code).toBe(0);
      expect(git('commit', '-m', 'bad').code).not.toBe(0);
      expect(existsSync(path.join(dir, '.git/brandlint-cache'))).toBe(true);

      const removed = runCli(['hook', 'uninstall'], dir, GIT_ENV);
      expect(removed).toMatchObject({ code: 0, stderr: '' });
      expect(removed.stdout).toBe("removed brandlint's pre-commit hook .git/hooks/pre-commit; deleted its cache .git/brandlint-cache\n");
      expect(existsSync(hook())).toBe(false);
      expect(existsSync(path.join(dir, '.git/brandlint-cache'))).toBe(false);
      expect(git('commit', '-m', 'bad, unchecked').code).toBe(0);

      expect(runCli(['hook', 'uninstall'], dir, GIT_ENV)).toMatchObject({ code: 0, stdout: 'no pre-commit hook at .git/hooks/pre-commit; nothing to uninstall\n' });
    }, 120_000);

    it('leaves a hook it did not write alone', () => {
      const foreign = '#!/bin/sh\necho not brandlint\n';
      write('.git/hooks/pre-commit', foreign);
      const result = runCli(['hook', 'uninstall'], dir, GIT_ENV);
      expect(result).toMatchObject({ code: 0, stdout: '.git/hooks/pre-commit was not written by `brandlint hook install`; left alone\n' });
      expect(readFileSync(hook(), 'utf8')).toBe(foreign);
    });

    it('puts back the hook that --chain kept', () => {
      const previous = '#!/bin/sh\necho previous-hook\n';
      write('.git/hooks/pre-commit', previous);
      spawnSync('chmod', ['+x', hook()]);
      expect(runCli(['hook', 'install', '--chain'], dir, GIT_ENV).code).toBe(0);
      const removed = runCli(['hook', 'uninstall'], dir, GIT_ENV);
      expect(removed.code).toBe(0);
      expect(removed.stdout).toBe("removed brandlint's pre-commit hook .git/hooks/pre-commit and put back the hook it ran first (pre-commit.brandlint-chained)\n");
      expect(readFileSync(hook(), 'utf8')).toBe(previous);
      expect(statSync(hook()).mode & 0o111).not.toBe(0);
      expect(existsSync(path.join(dir, '.git/hooks/pre-commit.brandlint-chained'))).toBe(false);
    });

    it('outside a git repository it is a usage error', () => {
      const outside = tempDir('brandlint-no-git-');
      try {
        const result = runCli(['hook', 'uninstall'], outside.dir, { ...GIT_ENV, GIT_CEILING_DIRECTORIES: path.dirname(outside.dir) });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('hook uninstall: not inside a git repository');
      } finally {
        outside.cleanup();
      }
    });
  });
});
