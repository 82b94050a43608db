import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLint, type LintCommandOptions } from '../../src/cli/lint.js';
import { UsageError, type CliIo } from '../../src/cli/io.js';
import { tempProject, testParser, wordRule } from '../engine/helpers.js';

/**
 * `brandlint lint` in-process, with test rules and the test adapter injected (the end-to-end
 * suite runs the built binary with the real catalogue and adapters).
 */
const rules = [wordRule('test/red', 'red', { replacement: 'blue' }), wordRule('test/todo', 'TODO')];

let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject({
    'brandlint.config.yaml': 'rules:\n  test/todo: warn\n',
    'emails/welcome.html': '<p>TODO</p>\n',
    'index.html': '<p>ok</p>\n',
  });
});
afterEach(async () => {
  await project.cleanup();
});

async function lint(paths: string[], options: LintCommandOptions = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: project.dir, env: {}, isTTY: false };
  const code = await runLint(paths, options, io, { rules, parse: testParser });
  return { code, stdout, stderr };
}

describe('notices', () => {
  it('come after the report, one line per reason: the same notice of several files is one line with a count', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x01]);
    await project.write({ 'emails/a.html': binary, 'emails/b.html': binary, 'emails/c.html': binary, 'emails/d.html': binary });
    const { stdout, stderr } = await lint([]);
    expect(stdout).toContain('found "TODO"');
    const notes = stderr.split('\n').filter((line) => line.startsWith('note '));
    expect(notes.filter((line) => line.includes('binary file'))).toEqual([
      expect.stringMatching(/^note .*binary file.* \(4 files: emails\/a\.html, emails\/b\.html, emails\/c\.html and 1 more\)$/),
    ]);
    expect(stderr.startsWith('\n'), 'a blank line after the report').toBe(true);
  });

  it('without a report on stdout, start right away', async () => {
    const { stdout, stderr } = await lint([], { quiet: true });
    expect(stdout).toBe('');
    expect(stderr).toBe('note no brand configured: only generic checks ran. Run `brandlint init` to add one.\n');
  });
});

describe('exit codes', () => {
  it('0 when only warnings, 1 when an error, and the no-brand notice on stderr', async () => {
    const clean = await lint([]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('1:4  warning  found "TODO"  test/todo');
    // Notices follow the report, a blank line apart from its last line.
    expect(clean.stderr).toBe('\nnote no brand configured: only generic checks ran. Run `brandlint init` to add one.\n');

    await project.write({ 'index.html': '<p>red</p>\n' });
    expect((await lint([])).code).toBe(1);
  });

  it.each([
    ['--max-warnings 0 with one warning', { maxWarnings: '0' }, 1],
    ['--max-warnings 1 with one warning', { maxWarnings: '1' }, 0],
    ['--max-warnings -1 (no limit)', { maxWarnings: '-1' }, 0],
  ])('%s', async (_name, options, code) => {
    const result = await lint([], options);
    expect(result.code).toBe(code);
    if (code === 1) expect(result.stderr).toContain('brandlint found too many warnings (maximum: 0)');
  });

  it('--quiet hides warnings but --max-warnings still counts them', async () => {
    expect(await lint([], { quiet: true })).toMatchObject({ code: 0, stdout: '' });
    expect((await lint([], { quiet: true, maxWarnings: '0' })).code).toBe(1);
  });

  it.each<[string, LintCommandOptions, RegExp]>([
    ['an unknown format', { format: 'xml' }, /unknown format "xml"; expected one of stylish, json/],
    ['--fix with --fix-dry-run', { fix: true, fixDryRun: true }, /cannot be used together/],
    ['a bad --max-warnings', { maxWarnings: 'many' }, /--max-warnings must be a whole number/],
    ['a bad --max-file-size', { maxFileSize: '5 parsecs' }, /--max-file-size must be a size/],
  ])('%s is a usage error', async (_name, options, message) => {
    await expect(lint([], options)).rejects.toThrow(UsageError);
    await expect(lint([], options)).rejects.toThrow(message);
  });

  it('a missing path is a usage error', async () => {
    await expect(lint(['nope.html'])).rejects.toThrow(new UsageError('no such file or folder: nope.html'));
  });

  it('2 for an unknown rule id in the configuration, with its position and a suggestion', async () => {
    await project.write({ 'brandlint.config.yaml': 'rules:\n  test/tdo: warn\n' });
    const result = await lint([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('brandlint.config.yaml:2:3 unknown rule "test/tdo" (did you mean "test/todo"?)');
    expect(result.stdout).toBe('');
  });

  it('2 for an invalid configuration file', async () => {
    await project.write({ 'brandlint.config.yaml': 'rulez: {}\n' });
    const result = await lint([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/brandlint\.config\.yaml:1:1 unknown key "rulez"/);
  });
});

describe('output', () => {
  it('--format json and --output-file', async () => {
    const result = await lint([], { format: 'json', outputFile: 'reports/lint.json' });
    expect(result.stdout).toBe('');
    const report = JSON.parse(await readFile(path.join(project.dir, 'reports/lint.json'), 'utf8'));
    expect(report.results.map((r: { file: string; channel: string }) => [r.file, r.channel])).toEqual([
      ['emails/welcome.html', 'email'],
      ['index.html', 'landing'],
    ]);
    expect(report.results[0].diagnostics[0]).toMatchObject({ ruleId: 'test/todo', severity: 'warning', start: { line: 1, column: 4 }, end: { line: 1, column: 8 } });
    expect(report.notices).toEqual([{ kind: 'no-brand', message: expect.stringContaining('no brand configured') }]);
  });

  it('--fix writes, --fix-dry-run only reports', async () => {
    await project.write({ 'index.html': '<p>red</p>\n' });
    const dry = await lint(['index.html'], { fixDryRun: true, format: 'json' });
    expect(JSON.parse(dry.stdout).results[0].output).toBe('<p>blue</p>\n');
    expect(await readFile(path.join(project.dir, 'index.html'), 'utf8')).toBe('<p>red</p>\n');
    expect(dry.code).toBe(0);

    const fixed = await lint(['index.html'], { fix: true });
    expect(fixed).toMatchObject({ code: 0, stdout: '' });
    expect(await readFile(path.join(project.dir, 'index.html'), 'utf8')).toBe('<p>blue</p>\n');
  });

  it('--ignore-pattern and --no-ignore', async () => {
    await project.write({ '.gitignore': 'emails/\n' });
    expect((await lint([], { format: 'json' })).stdout).not.toContain('welcome.html');
    expect((await lint([], { format: 'json', ignore: false })).stdout).toContain('welcome.html');
    expect((await lint([], { format: 'json', ignore: false, ignorePattern: ['emails/**'] })).stdout).not.toContain('welcome.html');
  });

  it('--max-file-size accepts units', async () => {
    const result = await lint([], { maxFileSize: '0.01kb' });
    expect(result.stderr).toContain('emails/welcome.html: larger than 10 bytes');
  });
});
