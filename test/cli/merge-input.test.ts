import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../src/cli/io.js';
import { runMerge } from '../../src/cli/merge.js';
import { tempDir } from './helpers.js';

/** Issue 11, rows 1 and 7: a shard report is input like any file. */
let root: string;
let project: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir('brandlint-merge-'));
  project = path.join(root, 'project');
  await mkdir(path.join(project, 'emails'), { recursive: true });
  await writeFile(path.join(root, 'secret.txt'), 'AWS_SECRET=hunter2\n');
  await writeFile(path.join(project, 'emails', 'a.html'), '<p>red</p>\n');
});
afterEach(() => cleanup());

async function merge(report: unknown) {
  await writeFile(path.join(project, 'shard.json'), typeof report === 'string' ? report : JSON.stringify(report));
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: project, env: {}, isTTY: false };
  const code = await runMerge(['shard.json'], { format: ['stylish'] }, io);
  return { code, stdout, stderr };
}

const diagnostic = (file: string, extra: Record<string, unknown> = {}) => ({
  ruleId: 'test/red',
  severity: 'error',
  message: 'found "red"',
  file,
  start: { line: 1, column: 1 },
  end: { line: 1, column: 10 },
  ...extra,
});
const report = (file: string, extra: Record<string, unknown> = {}) => ({
  version: 1,
  results: [{ file, channel: 'email', diagnostics: [diagnostic(file, extra)] }],
});

describe('merge reads no file outside the working folder', () => {
  it.each([
    ['an absolute path (/proc/self/environ)', '/proc/self/environ', /PATH=|HOME=/],
    ['a path that climbs out (../secret.txt)', '../secret.txt', /hunter2/],
    ['a path that climbs out and back in (emails/../../secret.txt)', 'emails/../../secret.txt', /hunter2/],
  ])('%s: not read, and said so once', async (_name, file, leaked) => {
    const out = await merge(report(file));
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('found "red"');
    expect(out.stdout + out.stderr).not.toMatch(leaked);
    expect(out.stderr).toContain(`warning ${file}: outside the working folder, so not read (no code frames)`);
  });

  it('a symbolic link inside the folder that points outside it: not read', async () => {
    await symlink(path.join(root, 'secret.txt'), path.join(project, 'emails', 'link.html'));
    const out = await merge(report('emails/link.html'));
    expect(out.stdout).not.toContain('hunter2');
    expect(out.stderr).toContain('emails/link.html: outside the working folder');
  });

  it('a file inside the folder is read for its code frame', async () => {
    const out = await merge(report('emails/a.html'));
    expect(out.stdout).toContain('1 | <p>red</p>');
    expect(out.stderr).toBe('');
  });
});

describe('merge validates the report', () => {
  it.each<[string, unknown, RegExp]>([
    ['an unknown severity', report('emails/a.html', { severity: 'critical' }), /results\[0\]\.diagnostics\[0\]\.severity: .*"error".*"warning".*\(found "critical"\)/],
    ['related that is not a list', report('emails/a.html', { related: 'x' }), /results\[0\]\.diagnostics\[0\]\.related: .*\(found "x"\)/],
    ['related without a message', report('emails/a.html', { related: [{ file: 'a', range: null }] }), /diagnostics\[0\]\.related\[0\]\.message/],
    ['a fix without edits', report('emails/a.html', { fix: { description: 'd' } }), /diagnostics\[0\]\.fix\.edits/],
    ['a fix edit without a range', report('emails/a.html', { fix: { description: 'd', edits: [{ text: 'x' }] } }), /fix\.edits\[0\]\.range/],
    ['a fix that is a string', report('emails/a.html', { fix: 'x' }), /diagnostics\[0\]\.fix: /],
    ['a negative line', report('emails/a.html', { start: { line: -1, column: 1 } }), /diagnostics\[0\]\.start\.line/],
    ['campaigns that are not a list', { ...report('emails/a.html'), campaigns: {} }, /campaigns: .*\(found \{\}\)/],
    ['a campaign without cells', { ...report('emails/a.html'), campaigns: [{ campaign: 'c', channels: [], facts: [], reference: {} }] }, /campaigns\[0\]\.cells/],
    ['a campaign cell of an unknown fact', { ...report('emails/a.html'), campaigns: [{ campaign: 'c', channels: [], facts: [], reference: {}, cells: [{ channel: 'email', fact: 'mood', values: [], agrees: true }] }] }, /cells\[0\]\.fact/],
    ['an unknown channel', { version: 1, results: [{ file: 'a', channel: 'fax', diagnostics: [] }] }, /results\[0\]\.channel/],
    ['a notice of an unknown kind', { ...report('emails/a.html'), notices: [{ kind: 'boom', message: 'm' }] }, /notices\[0\]\.kind/],
  ])('%s: a usage error naming the entry', async (_name, data, message) => {
    const error = await merge(data).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^shard\.json is not a valid brandlint JSON report: /);
    expect((error as Error).message).toMatch(message);
  });
});
