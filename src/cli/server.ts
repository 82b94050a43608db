/**
 * `brandlint server start|stop|status`: an opt-in lint server (as eslint_d and prettierd), a
 * background process that keeps the CLI loaded, so that a `brandlint lint` (a pre-commit hook's
 * `--staged` of one file) does not pay for loading the bundle and the rules' first use. The
 * launcher's client (src/launcher/lint-client.ts) sends it `lint` command lines; see
 * src/core/lint-server-socket.ts for where it listens and what is said.
 *
 * Each request runs exactly as `brandlint lint` would in the client's process: one at a time, in
 * the client's folder, with the client's environment (git's GIT_INDEX_FILE of a hook included),
 * umask and terminal settings, its output collected and sent back whole with the exit code.
 * Nothing of a run is kept for the next: the configuration, brand and rule packs are read again
 * every time (what is reused is keyed by content hashes, as the compiled-brand cache). A
 * configuration in JavaScript would stay in Node's module cache, so such a project is answered
 * "run it yourself" and the client lints in-process. A request that fails is reported to its
 * client (exit 2); the server goes on. It exits after an idle time (15 minutes by default,
 * `--idle-timeout`, BRANDLINT_SERVER_IDLE_TIMEOUT), on `brandlint server stop`, and when its
 * bundle changes on disk (an upgrade).
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentModuleImporter, setModuleImporter } from '../core/dynamic-import.js';
import {
  buildKey,
  DEFAULT_IDLE_SECONDS,
  forwardable,
  isOwnSocket,
  MAX_REQUEST_BYTES,
  parseReply,
  serverAddress,
  type LintRequest,
  type OutputChunk,
  type ServerAddress,
  type ServerReply,
  type ServerRequest,
} from '../core/lint-server-socket.js';
import { terminalOutput, terminalText } from '../core/terminal-text.js';
import { UsageError, type CliIo } from './io.js';
import { packageRoot } from './package-info.js';

export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number>;

export interface ServerStartOptions {
  /** Serve in this process instead of starting a background one. */
  foreground?: boolean;
  /** As typed: seconds. */
  idleTimeout?: string;
}

/** The bundle the launcher's client hashes: the server must answer for exactly that build. */
function bundleFile(): string {
  return path.join(packageRoot(), 'dist', 'src', 'cli', 'brandlint.cjs');
}

function address(create = false): ServerAddress {
  const found = serverAddress(bundleFile(), { create });
  if (typeof found === 'string') throw new UsageError(`server: ${found}`);
  return found;
}

/** `--idle-timeout` or BRANDLINT_SERVER_IDLE_TIMEOUT (seconds), else 15 minutes. */
function idleSeconds(options: ServerStartOptions, env: CliIo['env']): number {
  const text = options.idleTimeout ?? env['BRANDLINT_SERVER_IDLE_TIMEOUT'];
  if (text === undefined || text === '') return DEFAULT_IDLE_SECONDS;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--idle-timeout must be a number of seconds above 0, not "${text}"`);
  return value;
}

export async function runServerStart(options: ServerStartOptions, io: CliIo, main: CliMain): Promise<number> {
  const where = address(true);
  const idle = idleSeconds(options, io.env);
  if (options.foreground) return serve(where, idle, main);
  const running = await ask(where.socket, { kind: 'status' });
  if (running?.kind === 'status') {
    io.stdout(`the brandlint lint server is already running (pid ${running.pid})\n`);
    return 0;
  }
  const log = openSync(where.log, 'w', 0o600);
  let exited: string | undefined;
  try {
    const child = spawn(process.execPath, [path.join(packageRoot(), 'bin', 'brandlint.js'), 'server', 'start', '--foreground', '--idle-timeout', String(idle)], {
      detached: true,
      stdio: ['ignore', log, log],
      cwd: where.folder,
    });
    child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
    child.unref();
  } finally {
    closeSync(log);
  }
  for (let waited = 0; waited < 20_000; waited += 50) {
    const reply = await ask(where.socket, { kind: 'status' });
    if (reply?.kind === 'status') {
      io.stdout(`started the brandlint lint server (pid ${reply.pid}); \`brandlint lint\` runs in it until it has been idle for ${duration(idle)} or \`brandlint server stop\`\n`);
      return 0;
    }
    if (exited !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let told = '';
  try {
    told = readFileSync(where.log, 'utf8').trim();
  } catch {
    // no log
  }
  io.stderr(`brandlint: the lint server did not start${exited ? ` (${exited})` : ''}${told ? `:\n${terminalText(told, { keepLineBreaks: true })}` : ''}\n`);
  return 2;
}

export async function runServerStop(io: CliIo): Promise<number> {
  const where = address();
  const reply = await ask(where.socket, { kind: 'stop' });
  if (reply?.kind !== 'stopping') {
    io.stdout('no brandlint lint server is running for this brandlint\n');
    return 0;
  }
  for (let waited = 0; waited < 10_000 && isOwnSocket(where.socket); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  io.stdout('stopped the brandlint lint server\n');
  return 0;
}

/** Exit 0 when a server of this build is running, 1 when not. */
export async function runServerStatus(io: CliIo): Promise<number> {
  const where = address();
  const reply = await ask(where.socket, { kind: 'status' });
  if (reply?.kind !== 'status') {
    io.stdout('no brandlint lint server is running for this brandlint\n');
    return 1;
  }
  const up = Math.round((Date.now() - reply.startedAt) / 1000);
  io.stdout(
    `the brandlint lint server is running: pid ${reply.pid}, up ${duration(up)}, ${reply.served} lint${reply.served === 1 ? '' : 's'} served, exits after ${duration(reply.idleSeconds)} idle\n` +
      `socket ${where.socket}\n`,
  );
  return 0;
}

function duration(seconds: number): string {
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** One request to the server at `socket`; null when there is none or the reply makes no sense. */
export function ask(socket: string, request: ServerRequest): Promise<ServerReply | null> {
  if (!isOwnSocket(socket)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const connection = net.createConnection(socket);
    connection.on('connect', () => connection.end(JSON.stringify(request)));
    connection.on('data', (chunk: Buffer) => chunks.push(chunk));
    connection.on('error', () => resolve(null));
    connection.on('close', () => resolve(parseReply(Buffer.concat(chunks).toString('utf8'))));
  });
}

/**
 * Serves requests on `where.socket` until stopped, idle for `idle` seconds, or its bundle changes.
 * Resolves with 0 when it stops (2 when it could not listen).
 */
export async function serve(where: ServerAddress, idle: number, main: CliMain): Promise<number> {
  const started = Date.now();
  const bundle = bundleFile();
  let served = 0;
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  let stopping = false;
  let socketIno = -1;
  let finish: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => (finish = resolve));

  // Another server of this build already answers: it serves; this one is not needed.
  if ((await ask(where.socket, { kind: 'status' }))?.kind === 'status') {
    process.stderr.write(`brandlint server: another server already listens on ${where.socket}\n`);
    return 0;
  }
  // A socket left by a server that was killed: nobody answers on it.
  if (isOwnSocket(where.socket)) unlinkSync(where.socket);

  // What a run imports from outside brandlint (a JavaScript configuration) would stay in this
  // process's module cache: the request is handed back to the client instead.
  const root = packageRoot();
  const importer = currentModuleImporter();
  let userCode = false;
  setModuleImporter((specifier) => {
    if (specifier.startsWith('file:') && !isInside(root, fileURLToPath(specifier))) {
      userCode = true;
      return Promise.reject(new Error('the lint server does not load JavaScript configuration'));
    }
    return importer(specifier);
  });

  let current: ((error: unknown) => void) | undefined;
  const onUncaught = (error: unknown) => {
    process.stderr.write(`brandlint server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    current?.(error);
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);

  let timer: NodeJS.Timeout | undefined;
  const armIdle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (waiting === 0) stop('idle');
    }, idle * 1000);
  };

  const server = net.createServer({ allowHalfOpen: true }, (connection) => {
    const chunks: Buffer[] = [];
    let size = 0;
    connection.on('error', () => connection.destroy());
    connection.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        connection.destroy();
        return;
      }
      chunks.push(chunk);
    });
    connection.on('end', () => {
      const request = parseRequest(Buffer.concat(chunks).toString('utf8'));
      if (request?.kind === 'status') {
        reply(connection, { kind: 'status', pid: process.pid, build: where.build, startedAt: started, idleSeconds: idle, served });
        return;
      }
      if (request?.kind === 'stop') {
        reply(connection, { kind: 'stopping' });
        stop('stop');
        return;
      }
      if (!request) {
        reply(connection, { kind: 'local', reason: 'not a request' });
        return;
      }
      if (stopping) {
        reply(connection, { kind: 'local', reason: 'the server is stopping' });
        return;
      }
      waiting++;
      clearTimeout(timer);
      queue = queue.then(async () => {
        try {
          if (!connection.destroyed) reply(connection, await runRequest(request));
        } finally {
          waiting--;
          if (stopping && waiting === 0) finish(0);
          else if (waiting === 0) armIdle();
        }
      });
    });
  });

  function stop(why: string): void {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    process.stderr.write(`brandlint server: stopping (${why})\n`);
    server.close();
    try {
      // Only our own socket: a newer server may have taken the path.
      if (statSync(where.socket).ino === socketIno) unlinkSync(where.socket);
    } catch {
      // gone already
    }
    if (waiting === 0) finish(0);
  }

  async function runRequest(request: LintRequest): Promise<ServerReply> {
    if (request.build !== where.build) return { kind: 'local', reason: 'another build of brandlint' };
    let now: string | null;
    try {
      now = buildKey(bundle);
    } catch {
      now = null;
    }
    if (now !== where.build) {
      stop('its brandlint changed on disk');
      return { kind: 'local', reason: 'this server is of an older build' };
    }
    if (!forwardable(request.argv, request.env)) return { kind: 'local', reason: 'not a command the server runs' };
    const saved = { cwd: process.cwd(), env: { ...process.env }, umask: process.umask() };
    try {
      process.chdir(request.cwd);
    } catch {
      return { kind: 'local', reason: 'cannot enter the folder' };
    }
    replaceEnvironment(request.env);
    process.umask(request.umask);
    userCode = false;
    const output: OutputChunk[] = [];
    const write = (stream: 1 | 2, text: string) => {
      const last = output[output.length - 1];
      if (last && last[0] === stream) last[1] += text;
      else output.push([stream, text]);
    };
    // As processIo(): the same guard on whole writes, the client's terminal.
    const io: CliIo = {
      stdout: (text) => write(1, terminalOutput(text)),
      stderr: (text) => write(2, terminalOutput(text)),
      cwd: request.cwd,
      env: process.env,
      isTTY: request.stdoutIsTTY,
      stderrIsTTY: request.stderrIsTTY,
      ...(request.stdoutColumns !== null ? { stdoutColumns: request.stdoutColumns } : {}),
      ...(request.stderrColumns !== null ? { stderrColumns: request.stderrColumns } : {}),
    };
    let exitCode: number;
    try {
      exitCode = await new Promise<number>((resolve, reject) => {
        current = reject;
        main(request.argv, io).then(resolve, reject);
      });
    } catch (error) {
      // As the launcher's last-resort guard.
      write(2, `brandlint: internal error: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
      if (process.env['BRANDLINT_DEBUG']) write(2, `${error instanceof Error ? error.stack : ''}\n`);
      exitCode = 2;
    } finally {
      current = undefined;
      replaceEnvironment(saved.env as Record<string, string>);
      process.umask(saved.umask);
      try {
        process.chdir(saved.cwd);
      } catch {
        // the server's folder went: stay where we are
      }
    }
    served++;
    if (userCode) return { kind: 'local', reason: 'the configuration is JavaScript' };
    return { kind: 'done', output, exitCode };
  }

  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (error) => {
      process.stderr.write(`brandlint server: cannot listen on ${where.socket}: ${error.message}\n`);
      resolve(false);
    });
    server.listen(where.socket, () => resolve(true));
  });
  if (!listening) return 2;
  try {
    chmodSync(where.socket, 0o600);
    socketIno = statSync(where.socket).ino;
  } catch {
    // checked by the clients' lstat anyway
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  process.stderr.write(`brandlint server: pid ${process.pid} listening on ${where.socket}, exits after ${idle} s idle\n`);
  armIdle();
  // An upgrade (or a rebuild) replaces the bundle: its clients look for another server, so this
  // one has nobody left to serve and goes, without waiting for its idle time.
  const watch = setInterval(() => {
    let now: string | null = null;
    try {
      now = buildKey(bundle);
    } catch {
      // gone: changed too
    }
    if (now !== where.build) stop('its brandlint changed on disk');
  }, 30_000);
  watch.unref();
  const code = await stopped;
  clearInterval(watch);
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  setModuleImporter(importer);
  // Nothing of a finished run should keep the process; should something, it still ends.
  setTimeout(() => process.exit(code), 2000).unref();
  return code;
}

function reply(connection: net.Socket, answer: ServerReply): void {
  connection.end(JSON.stringify(answer));
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Sets process.env to exactly `next` (git and other children inherit it). */
function replaceEnvironment(next: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (!Object.hasOwn(next, key)) delete process.env[key];
  for (const [key, value] of Object.entries(next)) if (process.env[key] !== value) process.env[key] = value;
}

/** A request as read from the socket; anything of another shape is null. */
function parseRequest(text: string): ServerRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const request = value as Record<string, unknown>;
  if (request['kind'] === 'status' || request['kind'] === 'stop') return { kind: request['kind'] };
  if (request['kind'] !== 'lint') return null;
  const { build, argv, cwd, env, stdoutIsTTY, stderrIsTTY, stdoutColumns, stderrColumns, umask } = request;
  if (typeof build !== 'string' || typeof cwd !== 'string' || !path.isAbsolute(cwd)) return null;
  if (!Array.isArray(argv) || !argv.every((arg): arg is string => typeof arg === 'string')) return null;
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return null;
  const environment: Record<string, string> = {};
  for (const [key, entry] of Object.entries(env)) {
    // What an environment can hold: no '=' or NUL in a name, no NUL in a value.
    if (typeof entry !== 'string' || key === '' || /[=\0]/.test(key) || entry.includes('\0') || key === '__proto__') return null;
    environment[key] = entry;
  }
  if (typeof stdoutIsTTY !== 'boolean' || typeof stderrIsTTY !== 'boolean') return null;
  if (typeof umask !== 'number' || !Number.isInteger(umask) || umask < 0 || umask > 0o777) return null;
  return {
    kind: 'lint',
    build,
    argv,
    cwd,
    env: environment,
    stdoutIsTTY,
    stderrIsTTY,
    stdoutColumns: columnsOf(stdoutColumns),
    stderrColumns: columnsOf(stderrColumns),
    umask,
  };
}

function columnsOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 100_000 ? value : null;
}
