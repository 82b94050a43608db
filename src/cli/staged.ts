/**
 * `brandlint lint --staged`: what is about to be committed, not what is in the working tree.
 * The staged files and their blob ids come from `git diff --cached --raw -z --diff-filter=ACMR`;
 * their text from the index blobs: the working-tree file when its bytes hash to the staged blob
 * id (the usual case, and no process to start), else asked for by id (`git cat-file --batch`, one
 * process for all of them). `cat-file --batch` reads one request per line, so a path is never
 * sent to it: a file name holding a line break would otherwise be read as two requests and
 * answered with another file's text. Campaign siblings the engine loads for reference are read from the index too (the
 * state being committed), and from disk only when git does not track them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readContentFile, contentFromBytes } from '../engine/read.js';
import type { ContentReader } from '../engine/runner.js';
import { UsageError } from './io.js';

export interface StagedSnapshot {
  /** The repository's top folder. */
  root: string;
  /** Absolute paths of staged files (added, copied, modified, renamed), sorted. */
  files: string[];
  /** Reads a file's staged text (falls back to disk for files git does not have in the index). */
  read: ContentReader;
  /** Ends the `git cat-file` process that answers reads of files that are not staged. */
  close(): void;
}

interface GitOutput {
  status: number | null;
  stdout: Buffer;
  stderr: Buffer;
  error?: Error;
}

/** Runs git without blocking, so that two can run at once; never rejects (the caller reads `error` and `status`). */
function gitAsync(args: string[], cwd: string): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => resolve({ status: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), error }));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

/**
 * The index blobs of the staged files, in order. A file usually is staged as it stands in the
 * working tree: when its bytes hash to the staged blob id they are that blob, and no `git cat-file`
 * is started; the others (edited after `git add`, or changed by a clean filter or line-ending
 * conversion, which changes the bytes) are read from the index.
 */
async function stagedBlobs(root: string, staged: readonly StagedEntry[]): Promise<Array<Uint8Array | null>> {
  const blobs: Array<Uint8Array | null> = await Promise.all(
    staged.map(async ({ name, oid }) => {
      try {
        const bytes = await readFile(path.join(root, name));
        return gitBlobId(bytes, oid.length) === oid ? bytes : null;
      } catch {
        return null; // gone from the working tree (or a folder): the index has it
      }
    }),
  );
  const missing = staged.flatMap((entry, index) => (blobs[index] === null ? [index] : []));
  if (missing.length > 0) {
    const read = await catFileBatch(root, missing.map((index) => staged[index]!.oid));
    missing.forEach((index, at) => (blobs[index] = read[at] ?? null));
  }
  return blobs;
}

/**
 * The id git gives a blob of these bytes (`git hash-object`): SHA-1 of `blob <size>\0` and the
 * bytes, or SHA-256 in a repository that uses it, told by the length of the id compared with.
 */
export function gitBlobId(bytes: Uint8Array, idLength: number): string | null {
  const algorithm = idLength === 40 ? 'sha1' : idLength === 64 ? 'sha256' : null;
  if (!algorithm) return null;
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The staged files of the repository that holds `cwd`, with a reader of their index blobs. */
export async function stagedSnapshot(cwd: string): Promise<StagedSnapshot> {
  // Both at once (each git process costs ~25 ms of a hook's run): `diff --raw` names paths from the
  // top folder wherever it runs, `--no-relative` whatever the user's `diff.relative` says.
  const [probe, diff] = await Promise.all([
    gitAsync(['rev-parse', '--show-toplevel'], cwd),
    gitAsync(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR', '--no-relative'], cwd),
  ]);
  if (probe.error) throw new UsageError(`--staged needs git: ${probe.error.message}`);
  if (probe.status !== 0) throw new UsageError('--staged: not inside a git repository');
  if (diff.status !== 0) throw new UsageError(`--staged: git diff failed: ${diff.stderr.toString().trim() || `exit ${diff.status}`}`);
  const root = probe.stdout.toString('utf8').trim();
  const staged = parseRawDiff(diff.stdout).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = staged.map((entry) => entry.name);
  const blobs = await stagedBlobs(root, staged);
  const lookups = new Map<string, Promise<Uint8Array | null>>();
  names.forEach((name, index) => lookups.set(path.join(root, name), Promise.resolve(blobs[index] ?? null)));
  // Campaign siblings are read one by one as the engine asks: one long-lived process answers them all.
  let siblings: BlobReader | undefined;

  const read: ContentReader = async (target, options) => {
    const absolute = path.resolve(target.absolutePath);
    let lookup = lookups.get(absolute);
    if (!lookup) {
      const relative = path.relative(root, absolute);
      if (relative.startsWith('..') || path.isAbsolute(relative)) lookup = Promise.resolve(null);
      else {
        siblings ??= new BlobReader(root);
        lookup = siblings.read(relative.split(path.sep).join('/'));
      }
      lookups.set(absolute, lookup);
    }
    const bytes = await lookup;
    if (bytes) return contentFromBytes(bytes, target.file, options);
    return readContentFile(target.absolutePath, target.file, options);
  };
  return { root, files: names.map((name) => path.join(root, name)), read, close: () => siblings?.close() };
}

/**
 * A `git cat-file --batch` process kept open: each request writes `:path`, and answers come back
 * in order (`<oid> <type> <size>`, the content, a newline; or `<name> missing`).
 */
export class BlobReader {
  private readonly child;
  private readonly pending: Array<(blob: Uint8Array | null) => void> = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed = false;

  constructor(private readonly root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    // No git, or it died: every open and later request falls back to the working tree.
    const fail = (): void => {
      this.failed = true;
      for (const resolve of this.pending.splice(0)) resolve(null);
    };
    this.child.on('error', fail);
    this.child.on('close', fail);
    this.child.stdin.on('error', fail);
  }

  read(name: string): Promise<Uint8Array | null> {
    if (this.failed) return Promise.resolve(null);
    // A request is one line: a name with a line break is looked up in the index first and asked for by id.
    const request = /[\r\n]/.test(name) ? indexBlobId(this.root, name) : `:${name}`;
    if (request === null) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.child.stdin.write(`${request}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const lineEnd = this.buffer.indexOf(0x0a);
      if (lineEnd < 0) return;
      const header = this.buffer.subarray(0, lineEnd).toString('utf8');
      const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!match) {
        this.buffer = this.buffer.subarray(lineEnd + 1);
        this.pending.shift()!(null);
        continue;
      }
      const size = Number(match[2]);
      if (this.buffer.length < lineEnd + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(lineEnd + 1, lineEnd + 1 + size));
      this.buffer = this.buffer.subarray(lineEnd + 1 + size + 1);
      this.pending.shift()!(match[1] === 'blob' ? content : null);
    }
  }
}

/** A staged file: its path relative to the top folder and the id of its blob in the index. */
export interface StagedEntry {
  name: string;
  oid: string;
}

/**
 * Parses `git diff --raw -z` output: `:<mode> <mode> <oid> <oid> <status>` NUL `<path>` NUL, with
 * a second path (the new name) for renames and copies. Paths are taken as they are: no quoting,
 * newlines and all.
 */
export function parseRawDiff(output: Buffer): StagedEntry[] {
  const fields = output.toString('utf8').split('\0');
  const entries: StagedEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const header = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i] ?? '');
    if (!header) continue;
    const twoPaths = header[2] === 'R' || header[2] === 'C';
    const name = fields[twoPaths ? i + 2 : i + 1];
    i += twoPaths ? 2 : 1;
    if (name) entries.push({ name, oid: header[1]! });
  }
  return entries;
}

/** The blob id of a path in the index (stage 0), or null; the path is passed literally, as data. */
function indexBlobId(root: string, name: string): string | null {
  const result = spawnSync('git', ['ls-files', '--stage', '-z', '--', `:(literal)${name}`], { cwd: root });
  if (result.status !== 0) return null;
  const entry = /^\d+ ([0-9a-f]+) 0\t/.exec(result.stdout.toString('utf8'));
  return entry ? entry[1]! : null;
}

/**
 * The blobs of `ids` (object ids, one line each however odd the file names), in order; null for
 * an id git does not have. One `git cat-file --batch` process answers all of them.
 */
export function catFileBatch(root: string, ids: readonly string[]): Promise<Array<Uint8Array | null>> {
  if (ids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new UsageError(`--staged needs git: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new UsageError(`--staged: git cat-file failed: ${stderr.trim() || `exit ${code}`}`));
      resolve(parseBatch(Buffer.concat(chunks), ids.length));
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  });
}

/** Splits `git cat-file --batch` output: `<oid> <type> <size>\n<content>\n`, or `<name> missing\n`. */
export function parseBatch(output: Buffer, count: number): Array<Uint8Array | null> {
  const blobs: Array<Uint8Array | null> = [];
  let at = 0;
  for (let i = 0; i < count && at < output.length; i++) {
    const lineEnd = output.indexOf(0x0a, at);
    const header = output.subarray(at, lineEnd).toString('utf8');
    at = lineEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(null); // "<name> missing" or "ambiguous"
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? output.subarray(at, at + size) : null);
    at += size + 1;
  }
  while (blobs.length < count) blobs.push(null);
  return blobs;
}

/** Staged files that still exist in the working tree (discovery assigns channels from real paths). */
export function existingFiles(files: readonly string[]): string[] {
  return files.filter((file) => existsSync(file));
}
