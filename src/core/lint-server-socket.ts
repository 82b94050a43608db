/**
 * Where the lint server of `brandlint server start` listens, and what a client and the server say
 * to each other. Shared by the client in the launcher (src/launcher/lint-client.ts, which runs
 * before the CLI bundle is loaded: Node built-ins only here) and the server (src/cli/server.ts).
 *
 * The socket lives in a folder of this user's own under the temporary folder, never in a project:
 * the folder must be a real folder (not a symbolic link), owned by us, with no access for group
 * or others (mode 0700), or it is not used at all. That folder is what keeps other users out:
 * connecting to a Unix socket needs search permission on the folder that holds it, and Node offers
 * no way to ask the peer's user id. Its name carries a key of the build (the bundle's path, size
 * and modification time, Node's version), so an upgraded install never reaches a server of the
 * old one. Windows (named pipes have no such folder) is not supported: there is never a server.
 *
 * One request per connection: the client writes one JSON request and ends its side; the server
 * answers with one JSON reply and closes.
 */
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shortHash } from './short-hash.js';

/** The default idle time (seconds) after which a server without requests exits: 15 minutes. */
export const DEFAULT_IDLE_SECONDS = 15 * 60;
/** Requests larger than this (the environment and argv are a few kB) are refused. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface LintRequest {
  kind: 'lint';
  /** The build key the client computed for its own bundle (must equal the server's). */
  build: string;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width when stdout / stderr is one (help text wraps to it), else null. */
  stdoutColumns: number | null;
  stderrColumns: number | null;
  umask: number;
}

export type ServerRequest = LintRequest | { kind: 'status' } | { kind: 'stop' };

/** Output chunks in the order they were written: 1 stdout, 2 stderr. */
export type OutputChunk = [1 | 2, string];

export type ServerReply =
  | { kind: 'done'; output: OutputChunk[]; exitCode: number }
  /** Not for this server (another build, a JavaScript config, a cwd it cannot enter): run in-process. */
  | { kind: 'local'; reason: string }
  | { kind: 'status'; pid: number; build: string; startedAt: number; idleSeconds: number; served: number }
  | { kind: 'stopping' };

export interface ServerAddress {
  /** The private folder (checked). */
  folder: string;
  /** The socket's path in it. */
  socket: string;
  /** The server's log (its stderr) when started in the background. */
  log: string;
  /** The build key. */
  build: string;
}

/**
 * The server's address for the bundle at `bundleFile`, or a reason why there is none (Windows,
 * a folder that is not private, an unreadable bundle). With `create`, creates the folder (mode
 * 0700) when absent; a client only looks.
 */
export function serverAddress(bundleFile: string, options: { create?: boolean } = {}): ServerAddress | string {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return 'the lint server needs Unix sockets (not available on Windows)';
  let build: string;
  try {
    build = buildKey(bundleFile);
  } catch {
    return `cannot read the CLI bundle ${bundleFile}`;
  }
  const folder = path.join(os.tmpdir(), `brandlint-server-${process.getuid()}`);
  if (options.create) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return `cannot create ${folder}: ${(error as Error).message}`;
    }
  }
  const unsafe = privateFolderProblem(folder);
  if (unsafe) return unsafe;
  return { folder, socket: path.join(folder, `${build}.sock`), log: path.join(folder, `${build}.log`), build };
}

/** Why `folder` is not a private folder of ours (null: it is, or is absent): lstat, so a symbolic link is refused. */
export function privateFolderProblem(folder: string): string | null {
  let info;
  try {
    info = lstatSync(folder);
  } catch (error) {
    // Absent: no server was ever started (and no socket will be found in it).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `cannot read ${folder}: ${(error as Error).message}`;
  }
  if (!info.isDirectory()) return `${folder} is not a folder (a symbolic link or a file); not used`;
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return `${folder} belongs to another user; not used`;
  if ((info.mode & 0o077) !== 0) return `${folder} is open to group or others (mode ${(info.mode & 0o777).toString(8)}); not used`;
  return null;
}

/** Whether `file` is a socket of ours (lstat: not a link to one). */
export function isOwnSocket(file: string): boolean {
  try {
    const info = lstatSync(file);
    return info.isSocket() && (typeof process.getuid !== 'function' || info.uid === process.getuid());
  } catch {
    return false;
  }
}

/** The build key of a bundle: its path, size and modification time, and Node's version. */
export function buildKey(bundleFile: string): string {
  const info = statSync(bundleFile);
  return shortHash(`${path.resolve(bundleFile)}\0${info.size}\0${info.mtimeMs}\0${process.version}\0${process.arch}`);
}


/**
 * Whether the launcher may send this command line to a server: `lint` only, and not when it reads
 * standard input or opens the interactive report (those need this process's terminal).
 * `BRANDLINT_SERVER=off` (or `0`) never uses a server.
 */
export function forwardable(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const setting = env['BRANDLINT_SERVER'];
  if (setting === 'off' || setting === '0') return false;
  if (argv[0] !== 'lint') return false;
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    if (arg === '--stdin' || arg.startsWith('--stdin-filename') || arg === '--interactive') return false;
    // -i, alone or in a cluster of short flags (-qi).
    if (/^-[A-Za-z]*i[A-Za-z]*$/.test(arg)) return false;
  }
  return true;
}

/** A reply as the client reads it: anything of another shape is null (and the client runs in-process). */
export function parseReply(text: string): ServerReply | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const reply = value as Record<string, unknown>;
  switch (reply['kind']) {
    case 'done': {
      const output = reply['output'];
      const exitCode = reply['exitCode'];
      if (!Array.isArray(output) || typeof exitCode !== 'number' || !Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) return null;
      for (const chunk of output) {
        if (!Array.isArray(chunk) || chunk.length !== 2 || (chunk[0] !== 1 && chunk[0] !== 2) || typeof chunk[1] !== 'string') return null;
      }
      return { kind: 'done', output: output as OutputChunk[], exitCode };
    }
    case 'local':
      return { kind: 'local', reason: String(reply['reason']) };
    case 'status':
      return {
        kind: 'status',
        pid: Number(reply['pid']),
        build: String(reply['build']),
        startedAt: Number(reply['startedAt']),
        idleSeconds: Number(reply['idleSeconds']),
        served: Number(reply['served']),
      };
    case 'stopping':
      return { kind: 'stopping' };
    default:
      return null;
  }
}
