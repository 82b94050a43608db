import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../src/cli/io.js';
import { runLint, type LintCommandOptions } from '../../src/cli/lint.js';
import { runMerge, type MergeCommandOptions } from '../../src/cli/merge.js';
import { createProgress } from '../../src/cli/progress.js';
import type { ContentParser } from '../../src/engine/runner.js';
import { tempProject, testParser, wordRule } from '../engine/helpers.js';

/** The CI side of `brandlint lint` in-process: several formats, baselines, cache, shards + merge. */
const rules = [wordRule('test/red', 'red', { replacement: 'blue' }), wordRule('test/todo', 'TODO')];

let project: Awaited<ReturnType<typeof tempProject>>;
let parsed: string[] = [];
const countingParser: ContentParser = (input) => {
  parsed.push(input.file);
  return testParser(input);
};

beforeEach(async () => {
  project = await tempProject({
    'brandlint.config.yaml': 'rules:\n  test/todo: warn\n',
    'emails/welcome.html': '<p>TODO</p>\n<p>red</p>\n',
    'index.html': '<p>ok</p>\n',
  });
});
afterEach(async () => project.cleanup());

function io(): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: project.dir, env: {}, isTTY: false, out: () => stdout, err: () => stderr };
}

async function lint(paths: string[], options: LintCommandOptions = {}) {
  const cli = io();
  parsed = [];
  const code = await runLint(paths, options, cli, { rules, parse: countingParser });
  return { code, stdout: cli.out(), stderr: cli.err(), parsed: [...parsed] };
}

async function merge(reports: string[], options: MergeCommandOptions = {}) {
  const cli = io();
  const code = await runMerge(reports, options, cli);
  return { code, stdout: cli.out(), stderr: cli.err() };
}

const read = (name: string) => readFileSync(path.join(project.dir, name), 'utf8');

describe('--format', () => {
  it('writes several reports in one run: one to stdout, the others to files', async () => {
    const result = await lint([], { format: ['stylish', 'sarif=out/report.sarif', 'junit=out/junit.xml', 'github=out/annotations.txt'] });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2:4  error    found "red"  test/red');
    const sarif = JSON.parse(read('out/report.sarif'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['test/todo', 'test/red']);
    expect(sarif.runs[0].invocations[0]).toMatchObject({ exitCode: 1, executionSuccessful: true });
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'test/red')).toMatchObject({ shortDescription: { text: 'reports "red"' }, properties: { fixable: true } });
    expect(read('out/junit.xml')).toContain('<testsuite name="emails/welcome.html" tests="2" failures="2"');
    expect(read('out/annotations.txt')).toContain('::error file=emails/welcome.html,line=2,col=4,endLine=2,endColumn=7,title=test/red::found "red"');
  });

  it('--output-file takes the format without a file', async () => {
    const result = await lint([], { format: ['compact', 'json=out/r.json'], outputFile: 'out/compact.txt' });
    expect(result.stdout).toBe('');
    expect(read('out/compact.txt')).toContain('emails/welcome.html: line 2, col 4, Error - found "red" (test/red)');
    expect(JSON.parse(read('out/r.json')).summary.errorCount).toBe(1);
  });

  it.each<[string, string, RegExp]>([
    ['inside a file', 'index.html/report.json', /cannot write index\.html\/report\.json: ENOTDIR/],
    ...(process.platform === 'linux' ? [['in a folder the system refuses to create (procfs)', '/proc/brandlint-nope/report.json', /cannot write \/proc\/brandlint-nope\/report\.json: ENOENT/] as [string, string, RegExp]] : []),
  ])('a report %s is a usage error, at once', async (_name, file, message) => {
    await expect(lint([], { format: [`json=${file}`] })).rejects.toThrow(message);
  });

  it.each<[string, LintCommandOptions, RegExp]>([
    ['two formats on stdout', { format: ['stylish', 'json'] }, /only one format can go to stdout/],
    ['two formats into one file', { format: ['json=a.json', 'sarif=a.json'] }, /two formats would be written to a\.json/],
    ['an unknown format', { format: ['sarif', 'xml=x.xml'] }, /unknown format "xml"; expected one of stylish, json, compact, sarif, github, junit/],
    ['a format with an empty path', { format: ['sarif='] }, /expected name=path/],
    ['a bad shard', { shard: '3/2' }, /--shard must be i\/n/],
    ['--staged with paths', { staged: true }, /--staged takes no paths/],
    ['--staged with --fix', { staged: true, fix: true }, /cannot fix/],
    ['a missing baseline', { baseline: 'nope.json' }, /--baseline nope\.json: no such file/],
  ])('%s is a usage error', async (name, options, message) => {
    const paths = name === '--staged with paths' ? ['index.html'] : [];
    await expect(lint(paths, options)).rejects.toThrow(UsageError);
    await expect(lint(paths, options)).rejects.toThrow(message);
  });
});

describe('baseline', () => {
  it('records findings, then reports nothing after edits that move lines, and only what is new', async () => {
    const written = await lint([], { baselineWrite: 'brandlint-baseline.json' });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain('wrote brandlint-baseline.json: 2 known findings in 1 file');
    const baseline = JSON.parse(read('brandlint-baseline.json'));
    expect(Object.keys(baseline.files)).toEqual(['emails/welcome.html']);
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);
    // The brand score of the run is kept for a trend (docs/score.md).
    expect(baseline.score).toEqual({ run: 83.9, channels: { email: 70.5, landing: 100 }, campaigns: {} });

    // Lines move, the lines are re-indented, and other content changes around them.
    await project.write({ 'emails/welcome.html': '<h1>Welcome</h1>\n<p>intro</p>\n\n    <p>TODO</p>\n<div>\n  <p>red</p>\n</div>\n' });
    const moved = await lint([], { baseline: 'brandlint-baseline.json' });
    // No finding is reported; the score (from all findings, known ones included) is unchanged.
    expect(moved).toMatchObject({ code: 0, stdout: 'brand score 83.9/100 (±0 since the baseline) · channels: email 70.5 (±0), landing 100 (±0)\n' });
    expect(moved.stderr).toContain('baseline: 2 known findings not reported, 0 fixed since');

    // A second "red" on another line is new; the first stays known.
    await project.write({ 'emails/welcome.html': '<p>TODO</p>\n<p>red</p>\n<p>red again</p>\n' });
    const added = await lint([], { baseline: 'brandlint-baseline.json', format: ['json'] });
    expect(added.code).toBe(1);
    const report = JSON.parse(added.stdout);
    expect(report.results[0].diagnostics.map((d: { start: { line: number } }) => d.start.line)).toEqual([3]);
    expect(added.stderr).toContain('baseline: 2 known findings not reported, 0 fixed since');

    // Fixing a known finding counts as fixed.
    await project.write({ 'emails/welcome.html': '<p>done</p>\n<p>red</p>\n' });
    const fixed = await lint([], { baseline: 'brandlint-baseline.json' });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain('baseline: 1 known finding not reported, 1 fixed since');
    expect(fixed.stdout).toMatch(/^brand score [\d.]+\/100 \(\+[\d.]+ since the baseline\)/);
  });

  it('keys findings by the flagged text: the same rule on a changed line is new', async () => {
    await lint([], { baselineWrite: 'b.json' });
    await project.write({ 'emails/welcome.html': '<p>TODO</p>\n<p>red hat</p>\n' });
    const result = await lint([], { baseline: 'b.json', format: ['compact'] });
    expect(result.stdout).toContain('line 2, col 4, Error - found "red" (test/red)');
    expect(result.stderr).toContain('1 known finding not reported, 1 fixed since');
  });

  it('refuses a file that is not a baseline', async () => {
    await project.write({ 'b.json': '{"version": 9}' });
    await expect(lint([], { baseline: 'b.json' })).rejects.toThrow(/not a brandlint baseline/);
  });
});

describe('--cache', () => {
  it('a second run over an unchanged project parses nothing and reports the same', async () => {
    const cold = await lint([], { cache: true, format: ['json'] });
    expect(cold.parsed.sort()).toEqual(['emails/welcome.html', 'index.html']);
    expect(existsSync(path.join(project.dir, '.brandlintcache'))).toBe(true);
    const warm = await lint([], { cache: true, format: ['json'] });
    expect(warm.parsed).toEqual([]);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.code).toBe(cold.code);
  });

  it('--cache-location names the file', async () => {
    await lint([], { cache: true, cacheLocation: 'tmp/lint-cache.json' });
    expect(existsSync(path.join(project.dir, 'tmp/lint-cache.json'))).toBe(true);
    expect((await lint([], { cache: true, cacheLocation: 'tmp/lint-cache.json' })).parsed).toEqual([]);
  });
});

describe('--shard and merge', () => {
  beforeEach(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`pages/p${i}.html`] = i % 2 ? '<p>red</p>\n' : '<p>TODO</p>\n';
    await project.write(files);
  });

  it('shards lint every file once and their merged report equals the unsharded one, in any format', async () => {
    const whole = await lint([], { format: ['json'] });
    for (const index of [1, 2, 3]) await lint([], { shard: `${index}/3`, format: [`json=shard-${index}.json`] });
    const sizes = [1, 2, 3].map((i) => JSON.parse(read(`shard-${i}.json`)).results.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(14);
    const merged = await merge(['shard-1.json', 'shard-2.json', 'shard-3.json'], { format: ['json'] });
    expect(merged.code).toBe(whole.code);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));

    const stylish = await merge(['shard-3.json', 'shard-1.json', 'shard-2.json'], { format: ['stylish'] });
    expect(stylish.stdout).toBe((await lint([], {})).stdout);
    const sarif = JSON.parse((await merge(['shard-1.json', 'shard-2.json', 'shard-3.json'], { format: ['sarif'] })).stdout);
    expect(sarif.runs[0].results).toHaveLength(14);
  });

  it('warns about a file in two reports and refuses what is not a JSON report', async () => {
    await lint([], { shard: '1/1', format: ['json=all.json'] });
    const twice = await merge(['all.json', 'all.json'], { format: ['compact'] });
    expect(twice.stderr).toContain('is in more than one report');
    await project.write({ 'x.json': '{"runs": []}' });
    await expect(merge(['x.json'])).rejects.toThrow(/not a brandlint JSON report/);
    await project.write({ 'odd.json': '{"version": 1, "results": [{"file": "a.html", "diagnostics": []}, {"file": "b.html"}]}' });
    await expect(merge(['odd.json'])).rejects.toThrow(/odd\.json is not a valid brandlint JSON report: results\[1\]\.diagnostics: .*\(found nothing\)/);
    await project.write({ 'bad-place.json': '{"version": 1, "results": [{"file": "a.html", "diagnostics": [{"ruleId": "x", "start": {"line": 1}}]}]}' });
    await expect(merge(['bad-place.json'])).rejects.toThrow(/results\[0\]/);
  });

  it('--max-warnings of merge reads as that of lint (an empty or fractional value is refused)', async () => {
    await lint([], { shard: '1/1', format: ['json=all.json'] });
    for (const maxWarnings of ['', '1.5', '1e3']) await expect(merge(['all.json'], { maxWarnings })).rejects.toThrow(/--max-warnings must be a whole number/);
    expect((await merge(['all.json'], { maxWarnings: '-1', format: ['compact'] })).code).toBe(1);
  });
});

describe('progress bar', () => {
  const make = (env: Record<string, string>, stderrIsTTY: boolean) => {
    let text = '';
    let clock = 0;
    const progress = createProgress({ stderr: (t) => void (text += t), env, stderrIsTTY }, () => (clock += 100));
    return { progress, text: () => text };
  };

  it.each<[string, Record<string, string>, boolean]>([
    ['stderr is not a terminal', {}, false],
    ['in CI', { CI: 'true' }, true],
    ['TERM=dumb', { TERM: 'dumb' }, true],
  ])('is off when %s', (_name, env, tty) => expect(make(env, tty).progress).toBeUndefined());

  it('draws on a terminal for long runs and clears its line at the end', () => {
    const { progress, text } = make({}, true);
    for (let done = 1; done <= 100; done++) progress!(done, 100);
    expect(text()).toContain('\r[############------------] 50/100 files');
    expect(text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stays quiet for a handful of files', () => {
    const { progress, text } = make({}, true);
    for (let done = 1; done <= 10; done++) progress!(done, 10);
    expect(text()).toBe('');
  });
});
