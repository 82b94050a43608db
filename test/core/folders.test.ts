import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/core/folders.js';

/** `mkdir -p` that gives up with the file system's error instead of looping (Node 20's recursive mkdir spins on procfs). */
describe('makeFolders', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'brandlint-folders-'));
    writeFileSync(path.join(root, 'file.txt'), 'x');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([['a'], ['a/b/c'], ['.'], ['a/../d/e']])('creates %s and its missing parents', (relative) => {
    makeFolders(path.join(root, relative));
    expect(statSync(path.join(root, relative)).isDirectory()).toBe(true);
    makeFolders(path.join(root, relative));
  });

  it('gives each new level the mode asked for', () => {
    const old = process.umask(0);
    try {
      makeFolders(path.join(root, 'p/q'), 0o700);
    } finally {
      process.umask(old);
    }
    expect(statSync(path.join(root, 'p')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(root, 'p/q')).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['a file in the way', 'file.txt', /ENOTDIR/],
    ['a file in the way of a parent', 'file.txt/sub/dir', /ENOTDIR/],
  ])('throws for %s', (_name, relative, error) => {
    expect(() => makeFolders(path.join(root, relative))).toThrow(error);
  });

  it.runIf(process.platform === 'linux')('throws where the system refuses to create a folder under an existing one (procfs)', () => {
    expect(() => makeFolders('/proc/brandlint-no-such/deeper')).toThrow(/ENOENT/);
  });
});
