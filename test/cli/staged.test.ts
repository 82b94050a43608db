import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitBlobId, parseBatch, parseRawDiff, stagedSnapshot } from '../../src/cli/staged.js';
import { UsageError } from '../../src/cli/io.js';
import { tempDir } from './helpers.js';

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('brandlint-staged-')));
afterEach(() => cleanup());
const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
const write = (name: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};
const target = (name: string) => ({ absolutePath: path.join(dir, name), file: name, channel: 'landing' as const });

describe('parseBatch', () => {
  it.each<[string, string, number, Array<string | null>]>([
    ['two blobs', 'aaaa blob 3\nabc\nbbbb blob 0\n\n', 2, ['abc', '']],
    ['a missing path', ':x.html missing\ncccc blob 2\nhi\n', 2, [null, 'hi']],
    ['a blob with newlines inside', 'dddd blob 5\na\nb\nc\n', 1, ['a\nb\nc']],
    ['a tree is not text', 'eeee tree 10\n0123456789\n', 1, [null]],
  ])('%s', (_name, output, count, expected) => {
    expect(parseBatch(Buffer.from(output), count).map((blob) => (blob ? Buffer.from(blob).toString() : null))).toEqual(expected);
  });
});

describe('parseRawDiff', () => {
  it('reads ids and paths, renames by their new name, names with line breaks whole', () => {
    const oid = (n: number) => String(n).repeat(40);
    const output = [`:000000 100644 ${oid(0)} ${oid(1)} A`, 'a\nb.html', `:100644 100644 ${oid(2)} ${oid(3)} R087`, 'old.html', 'new.html', `:100644 100644 ${oid(4)} ${oid(5)} M`, 'c.html', ''].join('\0');
    expect(parseRawDiff(Buffer.from(output))).toEqual([
      { name: 'a\nb.html', oid: oid(1) },
      { name: 'new.html', oid: oid(3) },
      { name: 'c.html', oid: oid(5) },
    ]);
  });
});

describe('gitBlobId', () => {
  // The ids git itself gives (`git hash-object`), in a SHA-1 and a SHA-256 repository.
  it.each<[string, string | Buffer]>([
    ['empty', ''],
    ['text with a line break', '<p>staged</p>\n'],
    ['non-ASCII and NUL bytes', Buffer.from([0xc3, 0xbc, 0x00, 0xff, 0x0a])],
    ['CRLF lines', 'a\r\nb\r\n'],
  ])('%s', (_name, content) => {
    write('blob.bin', content);
    for (const format of ['sha1', 'sha256']) {
      const repo = path.join(dir, format);
      mkdirSync(repo);
      spawnSync('git', ['init', '-q', `--object-format=${format}`], { cwd: repo, env: GIT_ENV });
      const expected = spawnSync('git', ['hash-object', path.join(dir, 'blob.bin')], { cwd: repo, env: GIT_ENV, encoding: 'utf8' }).stdout.trim();
      expect(expected).toMatch(format === 'sha1' ? /^[0-9a-f]{40}$/ : /^[0-9a-f]{64}$/);
      expect(gitBlobId(Buffer.from(content), expected.length)).toBe(expected);
      rmSync(repo, { recursive: true });
    }
  });

  it('an id of another length is no id it can make', () => {
    expect(gitBlobId(Buffer.from('x'), 12)).toBeNull();
  });
});

describe('stagedSnapshot', () => {
  it('lists staged files (added, modified, renamed; not deleted) and reads the index, not the working tree', async () => {
    git('init', '-q');
    write('kept.html', '<p>committed</p>\n');
    write('gone.html', '<p>to delete</p>\n');
    write('old-name.html', '<p>rename me</p>\n');
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'base');
    write('new.html', '<p>staged</p>\n');
    write('sub dir/ünï code.html', '<p>odd name</p>\n');
    git('add', 'new.html', 'sub dir/ünï code.html');
    write('new.html', '<p>changed after staging</p>\n');
    git('rm', '-q', 'gone.html');
    git('mv', 'old-name.html', 'new-name.html');
    write('kept.html', '<p>edited, not staged</p>\n');
    write('untracked.html', '<p>untracked</p>\n');

    const snapshot = await stagedSnapshot(dir);
    expect(snapshot.files.map((file) => path.relative(dir, file)).sort()).toEqual(['new-name.html', 'new.html', 'sub dir/ünï code.html']);
    expect(await snapshot.read(target('new.html'), {})).toEqual({ kind: 'text', text: '<p>staged</p>\n', bom: false });
    expect(await snapshot.read(target('sub dir/ünï code.html'), {})).toMatchObject({ text: '<p>odd name</p>\n' });
    // A sibling that is not staged: its index (committed) content, not the edit in the working tree.
    expect(await snapshot.read(target('kept.html'), {})).toMatchObject({ text: '<p>committed</p>\n' });
    // Not in the index: read from disk.
    expect(await snapshot.read(target('untracked.html'), {})).toMatchObject({ text: '<p>untracked</p>\n' });
    snapshot.close();
  });

  it('a file staged as it stands is read as staged, in SHA-1 and SHA-256 repositories, from a subfolder with diff.relative set', async () => {
    for (const format of ['sha1', 'sha256']) {
      rmSync(path.join(dir, '.git'), { recursive: true, force: true });
      git('init', '-q', `--object-format=${format}`);
      // A user's `diff.relative` would name paths from the subfolder, and drop the others.
      git('config', 'diff.relative', 'true');
      write('same.html', '<p>as staged</p>\n');
      write('sub/edited.html', '<p>staged text</p>\n');
      git('add', '.');
      write('sub/edited.html', '<p>edited after staging</p>\n');
      const snapshot = await stagedSnapshot(path.join(dir, 'sub'));
      expect(snapshot.files.map((file) => path.relative(dir, file))).toEqual(['same.html', 'sub/edited.html']);
      expect(await snapshot.read(target('same.html'), {})).toMatchObject({ text: '<p>as staged</p>\n' });
      expect(await snapshot.read(target('sub/edited.html'), {})).toMatchObject({ text: '<p>staged text</p>\n' });
      snapshot.close();
    }
  });

  it('answers many sibling reads at once, in order, from one git process', async () => {
    git('init', '-q');
    for (let i = 0; i < 40; i++) write(`pages/p${i}.html`, `<p>page ${i}</p>\n${'x'.repeat(i * 500)}`);
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'pages');
    for (let i = 0; i < 40; i++) write(`pages/p${i}.html`, 'edited in the working tree');
    const snapshot = await stagedSnapshot(dir);
    expect(snapshot.files).toEqual([]);
    const reads = await Promise.all(Array.from({ length: 40 }, (_, i) => snapshot.read(target(`pages/p${i}.html`), {})));
    reads.forEach((read, i) => expect(read).toEqual({ kind: 'text', text: `<p>page ${i}</p>\n${'x'.repeat(i * 500)}`, bom: false }));
    snapshot.close();
  });

  it('applies the content checks to index blobs (binary, size)', async () => {
    git('init', '-q');
    write('logo.html', Buffer.from([0x3c, 0x00, 0x3e]));
    write('big.html', 'x'.repeat(2000));
    git('add', '.');
    const snapshot = await stagedSnapshot(dir);
    expect(await snapshot.read(target('logo.html'), {})).toEqual({ kind: 'skipped', reason: 'binary file' });
    expect(await snapshot.read(target('big.html'), { maxFileSize: 1000 })).toMatchObject({ kind: 'skipped' });
    snapshot.close();
  });

  it('a file name with a line break gets its own staged text, never another file\'s (issue 11, row 8)', async () => {
    git('init', '-q');
    write('ok.html', '<p>fine</p>\n');
    write('x\nok.html', '<p>BAD staged</p>\n');
    write('y\r\nz.html', '<p>committed sibling</p>\n');
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'base');
    write('x\nok.html', '<p>BAD staged again</p>\n');
    git('add', '.');
    // The working tree now differs from what is staged: only the index text may be linted.
    write('x\nok.html', '<p>fine in the working tree</p>\n');
    write('y\r\nz.html', '<p>edited sibling</p>\n');
    const snapshot = await stagedSnapshot(dir);
    expect(snapshot.files.map((file) => path.relative(dir, file))).toEqual(['x\nok.html']);
    expect(await snapshot.read(target('x\nok.html'), {})).toMatchObject({ text: '<p>BAD staged again</p>\n' });
    expect(await snapshot.read(target('ok.html'), {})).toMatchObject({ text: '<p>fine</p>\n' });
    expect(await snapshot.read(target('y\r\nz.html'), {})).toMatchObject({ text: '<p>committed sibling</p>\n' });
    snapshot.close();
  });

  it('outside a git repository: a usage error', async () => {
    rmSync(path.join(dir, '.git'), { recursive: true, force: true });
    await expect(stagedSnapshot(dir)).rejects.toThrow(UsageError);
  });
});
