/**
 * The client of the lint server (`brandlint server start`, src/cli/server.ts), run by the launcher
 * before it loads the CLI bundle: when a server of this very build is running for this user, a
 * `brandlint lint ...` is sent to it (argv, cwd, the whole environment, the TTY-ness and width
 * of stdout and stderr, the umask) and its output and exit code are replayed here, byte for byte.
 * No server, a failed connection, a reply of any unexpected shape, or a server that asks for it:
 * the launcher runs the command in-process as always, having written nothing.
 *
 * The output comes back whole, at the end of the run: a server that dies half-way leaves no half
 * report behind, and the in-process run that follows starts clean.
 *
 * `BRANDLINT_SERVER=auto` (the hook of `brandlint hook install --server`) also starts a server
 * in the background when there is none, for the next run; `off` never uses one.
 *
 * Node built-ins only: it runs before the bundle, on every `brandlint lint`.
 */
import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { forwardable, isOwnSocket, parseReply, serverAddress, type LintRequest } from '../core/lint-server-socket.js';

/** How long a connection may take to open before the run goes in-process. */
const CONNECT_MS = 1000;

/**
 * Runs `argv` on a lint server; resolves to its exit code, or null when this process must run the
 * command itself (nothing has been written then). `launcherFile` starts a server (`auto`).
 */
export function lintThroughServer(bundleFile: string, argv: readonly string[], launcherFile: string): Promise<number | null> | null {
  try {
    return throughServer(bundleFile, argv, launcherFile);
  } catch {
    // Anything unexpected (a folder that went away under us): in-process, where it is reported as usual.
    return null;
  }
}

function throughServer(bundleFile: string, argv: readonly string[], launcherFile: string): Promise<number | null> | null {
  if (!forwardable(argv, process.env)) return null;
  const auto = process.env['BRANDLINT_SERVER'] === 'auto';
  const address = serverAddress(bundleFile, { create: auto });
  if (typeof address === 'string') return null;
  if (!isOwnSocket(address.socket)) {
    if (auto) startInBackground(launcherFile, address.log, address.folder);
    return null;
  }
  const request: LintRequest = {
    kind: 'lint',
    build: address.build,
    argv: [...argv],
    cwd: process.cwd(),
    env: Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutColumns: (process.stdout.isTTY && process.stdout.columns) || null,
    stderrColumns: (process.stderr.isTTY && process.stderr.columns) || null,
    umask: process.umask(),
  };
  return new Promise<number | null>((resolve) => {
    let settled = false;
    const chunks: Buffer[] = [];
    const socket = builtin<typeof import('node:net')>('node:net').createConnection(address.socket);
    const finish = (code: number | null, unreachable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (unreachable && auto) {
        // A server that refused or died: a stale socket. Starting another one replaces it.
        startInBackground(launcherFile, address.log, address.folder);
      }
      resolve(code);
    };
    const timer = setTimeout(() => finish(null, true), CONNECT_MS);
    socket.on('connect', () => {
      clearTimeout(timer);
      socket.end(JSON.stringify(request));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => finish(null, chunks.length === 0));
    socket.on('close', () => {
      const reply = parseReply(Buffer.concat(chunks).toString('utf8'));
      if (reply?.kind !== 'done') {
        finish(null);
        return;
      }
      for (const [stream, text] of reply.output) (stream === 1 ? process.stdout : process.stderr).write(text);
      finish(reply.exitCode);
    });
  });
}

/** `brandlint server start --foreground`, detached, for the next run (its stderr to the log). */
function startInBackground(launcherFile: string, log: string, folder: string): void {
  try {
    const fd = openSync(log, 'a', 0o600);
    try {
      builtin<typeof import('node:child_process')>('node:child_process').spawn(process.execPath, [launcherFile, 'server', 'start', '--foreground'], { detached: true, stdio: ['ignore', fd, fd], cwd: folder }).unref();
    } finally {
      closeSync(fd);
    }
  } catch {
    // no server this time: the run goes in-process anyway
  }
}

/**
 * A Node built-in required where it is used: node:net only when a server is running, and
 * node:child_process only to start one; loading them costs every other run milliseconds.
 */
function builtin<Module>(name: string): Module {
  return createRequire(import.meta.url)(name) as Module;
}
