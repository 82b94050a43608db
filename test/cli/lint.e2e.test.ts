import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

/**
 * `brandlint lint` as users run it: the built binary (rebuild with `npx tsc -p tsconfig.build.json`),
 * the real adapters and rule catalogue, temp folders.
 */
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function workspace(files: Record<string, string | Buffer>): string {
  const { dir, cleanup } = tempDir('brandlint-lint-');
  cleanups.push(cleanup);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const PAGE = '<!doctype html>\n<html lang="en">\n<head><title>Hello</title></head>\n<body>\n<p>Hello</p>\n</body>\n</html>\n';
const NO_BRAND = 'no brand configured: only generic checks ran. Run `brandlint init` to add one.';

describe('brandlint lint', () => {
  it('without config or brand: lints anyway, says so once on stderr, exit 0 on clean content', () => {
    const dir = workspace({ 'index.html': PAGE, 'emails/welcome.html': PAGE });
    const result = runCli(['lint'], dir);
    expect(result.stderr.split(NO_BRAND).length - 1).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('exit 1 on an error finding, with a positioned diagnostic', () => {
    const dir = workspace({ 'index.html': PAGE.replace('<p>Hello</p>', '<!-- brandlint-disable-next-line no-such-rule -->\n<p>Hello</p>') });
    const result = runCli(['lint', 'index.html'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('index.html\n');
    expect(result.stdout).toMatch(/5:\d+\s+error\s+unknown rule "no-such-rule" in brandlint-disable-next-line\s+brandlint\/unknown-rule/);
    expect(result.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('--max-warnings: warnings pass by default, fail over the limit', () => {
    const dir = workspace({ 'index.html': PAGE.replace('<p>Hello</p>', '<!-- brandlint-disable-next-line -->\n<p>Hello</p>') });
    const relaxed = runCli(['lint', '.'], dir);
    expect(relaxed.stdout).toMatch(/warning\s+unused brandlint-disable-next-line directive/);
    expect(relaxed.code).toBe(0);
    const strict = runCli(['lint', '--max-warnings', '0', '.'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('too many warnings (maximum: 0)');
  });

  it('--format json with --output-file: every diagnostic has rule id, severity, message, file, start and end', () => {
    const dir = workspace({ 'site/index.html': PAGE.replace('<p>Hello</p>', '<!-- brandlint-enable nope -->\n<p>Hello</p>') });
    const result = runCli(['lint', '--format', 'json', '--output-file', 'out/report.json', 'site'], dir);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ fileCount: 1, errorCount: 1 });
    const [file] = report.results;
    expect(file).toMatchObject({ file: 'site/index.html', channel: 'landing', errorCount: 1 });
    for (const diagnostic of file.diagnostics) {
      expect(Object.keys(diagnostic)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'file', 'start', 'end']));
      expect(diagnostic.start).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    }
    expect(report.notices).toContainEqual({ kind: 'no-brand', message: NO_BRAND });
  });

  it('a JSON report alone (results written as their entries only) equals the one written beside another format, on one thread and pooled', () => {
    for (const concurrency of ['off', '2']) {
      const dir = workspace({});
      const alone = runCli(['lint', 'fixtures/', '--concurrency', concurrency, '--format', 'json'], REPO_ROOT);
      const beside = runCli(['lint', 'fixtures/', '--concurrency', concurrency, '--format', 'json', '--format', `compact=${path.join(dir, 'compact.txt')}`], REPO_ROOT);
      expect(alone.code).toBe(1);
      expect(beside.code).toBe(1);
      expect((JSON.parse(alone.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(50);
      expect(alone.stdout).toBe(beside.stdout);
      expect(alone.stderr).toBe(beside.stderr);
    }
  });

  it('a broken stylesheet gives a positioned diagnostic while the other files are still linted', () => {
    const dir = workspace({
      'css/broken.css': 'a { color: red;\n\nb { color: blue }\n',
      'index.html': PAGE.replace('<p>Hello</p>', '<!-- brandlint-disable-next-line no-such-rule -->\n<p>Hello</p>'),
    });
    const result = runCli(['lint', '--format', 'json', '.'], dir);
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { file: string }) => r.file)).toEqual(['css/broken.css', 'index.html']);
    const broken = report.results[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0].start.line).toBeGreaterThan(0);
    expect(report.results[1].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('brandlint/unknown-rule');
    expect(result.code).toBe(1);
  });

  it('binary and oversized files are skipped with a notice, not a finding', () => {
    const dir = workspace({
      'index.html': PAGE,
      'fake.html': Buffer.from([0x3c, 0x68, 0x00, 0x00, 0x01, 0x02]),
      'big.html': `${PAGE}<!-- ${'x'.repeat(2000)} -->\n`,
    });
    const result = runCli(['lint', '--max-file-size', '1000', '.'], dir);
    expect(result.stderr).toContain('fake.html: binary file; skipped');
    expect(result.stderr).toMatch(/big\.html: larger than 1000 bytes .*; skipped/);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('a file that is not UTF-8 is a finding (exit 1)', () => {
    const dir = workspace({ 'index.html': Buffer.concat([Buffer.from('<p>caf'), Buffer.from([0xe9]), Buffer.from('</p>\n')]) });
    const result = runCli(['lint', 'index.html'], dir);
    expect(result.stdout).toMatch(/1:7\s+error\s+file is not valid UTF-8.*file\/not-utf8/);
    expect(result.code).toBe(1);
  });

  it.each([
    ['a path that does not exist', {}, ['lint', 'missing.html'], /no such file or folder: missing\.html/],
    ['an unknown format', {}, ['lint', '--format', 'xml'], /unknown format "xml"/],
    ['an unknown rule id in the configuration', { 'brandlint.config.yaml': 'rules:\n  no-such-rule: error\n' }, ['lint'], /brandlint\.config\.yaml:2:3 unknown rule "no-such-rule"/],
    ['an invalid configuration', { 'brandlint.config.yaml': 'chanels: {}\n' }, ['lint'], /brandlint\.config\.yaml:1:1 unknown key "chanels".*did you mean "channels"/],
    [
      'broken brand tokens',
      { 'tokens/color.tokens.json': '{ "color": { "$type": "color", "primary": { "$value": "{color.missing}" } } }' },
      ['lint'],
      /tokens\/color\.tokens\.json:1:\d+ .*color\.missing/,
    ],
  ])('exit 2 for %s', (_name, files, args, message) => {
    const dir = workspace({ 'index.html': PAGE, ...files });
    const result = runCli(args, dir);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('--fix twice: the second run changes nothing (bytes compared)', () => {
    const dir = workspace({ 'index.html': PAGE });
    expect(runCli(['lint', '--fix', '.'], dir).code).toBe(0);
    const once = readFileSync(path.join(dir, 'index.html'));
    runCli(['lint', '--fix', '.'], dir);
    expect(readFileSync(path.join(dir, 'index.html'))).toEqual(once);
  });
});
