import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { colorWanted } from '../../src/cli/io.js';
import { BIN, REPO_ROOT, runCli, tempDir, type RunResult } from './helpers.js';

/** The conventions ESLint, stylelint and Vale users reach for, through the built bin. */

/** Runs the CLI with `input` on standard input. */
function runWithInput(args: string[], cwd: string, input: string, env: Record<string, string> = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let project: { dir: string; cleanup: () => void };
const write = (files: Record<string, string>): void => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project.dir, name)), { recursive: true });
    writeFileSync(path.join(project.dir, name), text);
  }
};

/** A project with the example brand (its guidelines ban "cheap"), a campaign assignment, a sub-brand context and an override. */
beforeEach(() => {
  project = tempDir('brandlint-conventions-');
  cpSync(path.join(REPO_ROOT, 'tokens'), path.join(project.dir, 'tokens'), { recursive: true });
  write({
    'brandlint.config.yaml': [
      'tokens: [tokens/northwind.resolver.json]',
      'guidelines: tokens/brand.guidelines.yaml',
      'campaigns:',
      '  assign:',
      "    spring: ['email/spring-*.html']",
      'contexts:',
      '  files:',
      "    - files: ['email/night/**']",
      '      input: { theme: dark }',
      'overrides:',
      "  - files: ['email/legacy/**']",
      '    rules:',
      '      brand/banned: off',
      '',
    ].join('\n'),
    'email/a.html': '<p>cheap</p>\n',
    'email/b.html': '<p>cheap</p>\n',
  });
});
afterEach(() => project.cleanup());

describe('--stdin', () => {
  it('reports the finding at its line and column, under the --stdin-filename path', () => {
    const result = runWithInput(['lint', '--stdin', '--stdin-filename', 'email/x.html'], REPO_ROOT, '<p>cheap</p>\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('email/x.html\n  1:4  error    Avoid "cheap".');
    expect(result.stdout).toContain('brand/banned');
  });

  it('takes the channel, overrides and campaign from the path', () => {
    // The override turns brand/banned off under email/legacy/.
    expect(runWithInput(['lint', '--stdin', '--stdin-filename', 'email/legacy/x.html'], project.dir, '<p>cheap</p>\n').code).toBe(0);
    // A campaign member (by path) is checked against its siblings: the real newsletter is not asked for, yet it is the reference.
    const newsletter = readFileSync(path.join(REPO_ROOT, 'fixtures/campaigns/spring-sale/newsletter.email.html'), 'utf8');
    const result = runWithInput(['lint', '--stdin', '--stdin-filename', 'fixtures/campaigns/spring-sale/newsletter.email.html', '--format', 'json'], REPO_ROOT, newsletter.replace("You'll get 15% off", "You'll get 25% off"));
    const offers = (JSON.parse(result.stdout).results as Array<{ diagnostics: Array<{ ruleId: string; message: string; start: { line: number } }> }>)
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.ruleId === 'campaign-offer-mismatch');
    expect(offers.map((d) => d.message)).toEqual([expect.stringContaining('offer "25% off" disagrees')]);
    expect(offers[0]!.start.line).toBe(20);
  });

  it('--fix prints the fixed text to stdout and the report to stderr; the file is not written', () => {
    const input = '<p style="color:#c2501e">Sign up</p>\n<p>cheap</p>\n';
    const result = runWithInput(['lint', '--stdin', '--stdin-filename', 'email/a.html', '--fix'], project.dir, input);
    expect(result.stdout).toBe('<p style="color:#c2501d">Sign up</p>\n<p>cheap</p>\n');
    expect(result.stderr).toContain('2:4  error    Avoid "cheap".');
    expect(result.code).toBe(1);
    expect(readFileSync(path.join(project.dir, 'email/a.html'), 'utf8')).toBe('<p>cheap</p>\n');
  });

  it('an ignored --stdin-filename is said, and --fix still passes the text through', () => {
    write({ '.brandlintignore': 'email/legacy/\n' });
    const result = runWithInput(['lint', '--stdin', '--stdin-filename', 'email/legacy/x.html', '--fix'], project.dir, '<p>cheap</p>\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('<p>cheap</p>\n');
    expect(result.stderr).toContain('email/legacy/x.html: ignored because of a matching ignore pattern');
  });

  it('needs --stdin-filename, and takes no paths', () => {
    const missing = runWithInput(['lint', '--stdin'], project.dir, '<p>cheap</p>');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--stdin needs --stdin-filename');
    expect(runWithInput(['lint', '--stdin', '--stdin-filename', 'x.html', 'email/a.html'], project.dir, '').code).toBe(2);
    expect(runCli(['lint', '--stdin-filename', 'x.html'], project.dir).code).toBe(2);
  });
});

describe('--print-config', () => {
  it('prints the rules, channel, brand context and campaign in effect for a file', () => {
    const spring = runCli(['lint', '--print-config', 'email/spring-1.html'], project.dir);
    expect(spring.code).toBe(0);
    const config = JSON.parse(spring.stdout);
    expect(config).toMatchObject({ file: 'email/spring-1.html', configFile: 'brandlint.config.yaml', channel: 'email', campaign: 'spring', brandContext: null, locale: 'en', packs: [] });
    expect(config.rules['brand/banned']).toEqual(['error', {}]);
    expect(config.rules['campaign-offer-mismatch']?.[0]).toBe('error');
    // Email-only rules run on email, not on a landing page.
    expect(Object.keys(config.rules)).toContain('email-preheader');
    const landing = JSON.parse(runCli(['lint', '--print-config', 'site/index.html'], project.dir).stdout);
    expect(landing.channel).toBe('landing');
    expect(Object.keys(landing.rules)).not.toContain('email-preheader');

    const legacy = JSON.parse(runCli(['lint', '--print-config', 'email/legacy/old.html'], project.dir).stdout);
    expect(legacy.rules['brand/banned']).toBeUndefined();
    expect(legacy.campaign).toBeNull();
    const night = JSON.parse(runCli(['lint', '--print-config', 'email/night/x.html'], project.dir).stdout);
    expect(night.brandContext).toEqual({ name: expect.stringContaining('dark'), input: { theme: 'dark' } });
  });

  it('says when the file belongs to no channel', () => {
    const result = runCli(['lint', '--print-config', 'notes.xyz'], project.dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ channel: null, rules: {} });
    expect(result.stderr).toContain('belongs to no channel');
  });
});

describe('.brandlintignore, --ignore-path, --no-ignore', () => {
  const linted = (result: RunResult): string[] => (JSON.parse(result.stdout).results as Array<{ file: string }>).map((r) => r.file).sort();

  it('skips what the project ignore file names, and says so for a file named explicitly', () => {
    write({ '.brandlintignore': '# generated\nemail/b.html\n' });
    expect(linted(runCli(['lint', '--format', 'json'], project.dir))).toEqual(['email/a.html']);
    const named = runCli(['lint', 'email/b.html', '--format', 'json'], project.dir);
    expect(linted(named)).toEqual([]);
    expect(named.stderr).toContain('email/b.html: ignored because of a matching ignore pattern (.brandlintignore, .gitignore, ignorePatterns or --ignore-pattern); use --no-ignore to lint it');
    expect(linted(runCli(['lint', '--no-ignore', '--format', 'json'], project.dir))).toEqual(['email/a.html', 'email/b.html']);
  });

  it('--ignore-path uses another file (patterns relative to its folder) instead', () => {
    write({ '.brandlintignore': 'email/b.html\n', 'email/.lintignore': 'a.html\n' });
    expect(linted(runCli(['lint', '--ignore-path', 'email/.lintignore', '--format', 'json'], project.dir))).toEqual(['email/b.html']);
    const missing = runCli(['lint', '--ignore-path', 'nope.ignore'], project.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the ignore file nope.ignore: no such file');
  });
});

describe('--cache-location and --no-cache', () => {
  it('a trailing slash or an existing folder holds .brandlintcache; another name is the cache folder', () => {
    expect(runCli(['lint', '--cache', '--cache-location', 'caches/'], project.dir).code).toBe(1);
    expect(existsSync(path.join(project.dir, 'caches/.brandlintcache/CACHEDIR.TAG'))).toBe(true);
    mkdirSync(path.join(project.dir, 'tmp'));
    write({ 'tmp/keep.txt': 'mine' });
    runCli(['lint', '--cache', '--cache-location', 'tmp'], project.dir);
    expect(existsSync(path.join(project.dir, 'tmp/.brandlintcache/CACHEDIR.TAG'))).toBe(true);
    expect(readFileSync(path.join(project.dir, 'tmp/keep.txt'), 'utf8')).toBe('mine');
    runCli(['lint', '--cache', '--cache-location', 'my-cache'], project.dir);
    expect(existsSync(path.join(project.dir, 'my-cache/CACHEDIR.TAG'))).toBe(true);
    // A second run finds its own cache folder again (not a folder inside it).
    runCli(['lint', '--cache', '--cache-location', 'my-cache'], project.dir);
    expect(existsSync(path.join(project.dir, 'my-cache/.brandlintcache'))).toBe(false);
  });

  it('--no-cache after --cache turns it off', () => {
    runCli(['lint', '--cache', '--no-cache'], project.dir);
    expect(existsSync(path.join(project.dir, '.brandlintcache'))).toBe(false);
    runCli(['lint', '--cache'], project.dir);
    expect(existsSync(path.join(project.dir, '.brandlintcache'))).toBe(true);
  });
});

describe('colors', () => {
  const ESC = '\u001b[';
  it('FORCE_COLOR=1 colors piped output; FORCE_COLOR=0 and NO_COLOR do not', () => {
    expect(runCli(['lint'], project.dir, { FORCE_COLOR: '1', NO_COLOR: '' }).stdout).toContain(ESC);
    expect(runCli(['lint'], project.dir, { FORCE_COLOR: '0', NO_COLOR: '' }).stdout).not.toContain(ESC);
  });

  it('on a terminal: FORCE_COLOR=0 wins, then NO_COLOR, CI and TERM=dumb', () => {
    expect(colorWanted({}, true)).toBe(true);
    expect(colorWanted({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorWanted({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(colorWanted({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colorWanted({ NO_COLOR: '' }, true)).toBe(true);
    expect(colorWanted({ CI: 'true' }, true)).toBe(false);
    expect(colorWanted({ TERM: 'dumb' }, true)).toBe(false);
    expect(colorWanted({}, false)).toBe(false);
    expect(colorWanted({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorWanted({ FORCE_COLOR: '' }, false)).toBe(true);
  });
});
