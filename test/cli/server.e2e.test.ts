import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildKey, forwardable, privateFolderProblem } from '../../src/core/lint-server-socket.js';
import { hookScript } from '../../src/cli/hook.js';
import { BIN, campaignFixtureProject, REPO_ROOT } from './helpers.js';

/**
 * The lint server (`brandlint server start`) as users meet it: the built CLI, a real background
 * server, clients that are plain `brandlint lint` runs. Every server here listens in a temporary
 * folder of this suite's own (TMPDIR), so no other test's runs reach it, and every server this
 * suite starts is stopped (and killed, should stopping fail) after each test.
 * Rebuild with `npm run build:ts` first.
 */
const unix = process.platform !== 'win32';
// Each test spawns the CLI a dozen times on a machine that may be busy: generous timeouts.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });
let tmp: string;
let project: Awaited<ReturnType<typeof campaignFixtureProject>>;
const pids = new Set<number>();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  delete base['BRANDLINT_SERVER'];
  delete base['BRANDLINT_SERVER_IDLE_TIMEOUT'];
  return { ...base, ...extra };
}

function run(args: string[], options: { cwd?: string; env?: Record<string, string>; bin?: string } = {}): Run {
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? project.dir, encoding: 'utf8', env: env(options.env) });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** In this process, never through a server. */
const local = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) => run(args, { ...options, env: { ...options.env, BRANDLINT_SERVER: 'off' } });

function startServer(extra: string[] = [], bin?: string): number {
  const started = run(['server', 'start', ...extra], bin ? { bin } : {});
  expect(started.stderr).toBe('');
  expect(started.code).toBe(0);
  const pid = Number(/pid (\d+)/.exec(started.stdout)?.[1]);
  expect(pid).toBeGreaterThan(0);
  pids.add(pid);
  return pid;
}

function served(): number {
  const status = run(['server', 'status']);
  expect(status.code).toBe(0);
  return Number(/(\d+) lints? served/.exec(status.stdout)?.[1]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: () => boolean): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (what()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return what();
}

/** The socket the client of this build looks for (as src/core/lint-server-socket.ts names it). */
function socketPath(): string {
  return path.join(tmp, `brandlint-server-${process.getuid!()}`, `${buildKey(path.join(REPO_ROOT, 'dist/src/cli/brandlint.cjs'))}.sock`);
}

function ask(request: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.createConnection(socketPath());
    socket.on('connect', () => socket.end(typeof request === 'string' ? request : JSON.stringify(request)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')));
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'brandlint-server-test-'));
  project = await campaignFixtureProject();
});

afterEach(async () => {
  if (!unix) return;
  run(['server', 'stop']);
  for (const pid of pids) {
    if (alive(pid) && !(await until(() => !alive(pid)))) process.kill(pid, 'SIGKILL');
  }
  pids.clear();
});

afterAll(async () => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await project?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!unix)('brandlint lint through the lint server', () => {
  it('gives the output and exit code of an in-process run, byte for byte (formats, exit codes 0, 1 and 2, colours)', () => {
    const cases: Array<{ args: string[]; env?: Record<string, string>; code: number }> = [
      { args: ['lint', 'email'], code: 1 },
      { args: ['lint', 'email', '-f', 'json'], code: 1 },
      { args: ['lint', 'email', '--format', 'compact', '--quiet'], code: 1 },
      { args: ['lint', 'email', '-f', 'sarif'], code: 1 },
      { args: ['lint', 'campaigns'], code: 1 },
      { args: ['lint', 'email', '-f', 'stylish'], env: { FORCE_COLOR: '1' }, code: 1 },
      { args: ['lint', 'email/color-contrast.pass.html'], code: 0 },
      { args: ['lint', 'email', '--max-warnings', 'lots'], code: 2 },
      { args: ['lint', '--no-such-option'], code: 2 },
      { args: ['lint', '-c', 'missing.yaml', 'email'], code: 2 },
    ];
    const expected = cases.map((one) => local(one.args, one.env ? { env: one.env } : {}));
    startServer();
    cases.forEach((one, index) => {
      const through = run(one.args, one.env ? { env: one.env } : {});
      expect({ args: one.args, ...through }).toEqual({ args: one.args, ...expected[index] });
      expect(through.code).toBe(one.code);
    });
    // They were served, not run by the client.
    expect(served()).toBe(cases.length);
    expect(expected.some((one) => one.stdout.includes('\u001b['))).toBe(true);
  });

  it('runs --fix and --output-file in the client folder as an in-process run does', () => {
    const file = path.join(project.dir, 'email', 'brand--preferred.fail.html');
    const original = readFileSync(file, 'utf8');
    const args = ['lint', 'email/brand--preferred.fail.html', '--fix', '-f', 'json=out/report.json'];
    const expected = local(args);
    const fixedLocally = readFileSync(file, 'utf8');
    const reportLocally = readFileSync(path.join(project.dir, 'out/report.json'), 'utf8');
    expect(fixedLocally).not.toBe(original);
    writeFileSync(file, original);
    rmSync(path.join(project.dir, 'out'), { recursive: true });

    startServer();
    expect(run(args)).toEqual(expected);
    expect(served()).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(fixedLocally);
    expect(readFileSync(path.join(project.dir, 'out/report.json'), 'utf8')).toBe(reportLocally);
    writeFileSync(file, original);
    rmSync(path.join(project.dir, 'out'), { recursive: true });
  });

  it('lints --staged in the client repository with its git environment', () => {
    const repo = mkdtempSync(path.join(tmp, 'repo-'));
    cpSync(project.dir, repo, { recursive: true });
    const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd: repo, env: env(gitEnv) });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'all');
    const changed = path.join(repo, 'email', 'brand--banned.fail.html');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n<p>Cheap deals!</p>\n`);
    git('add', changed);
    const expected = local(['lint', '--staged'], { cwd: repo, env: gitEnv });
    expect(expected.code).toBe(1);
    expect(expected.stdout).toContain('brand--banned.fail.html');
    // An index of git's own choosing (as `git commit -a` hands its hooks): nothing staged in it.
    const emptyIndex = path.join(tmp, 'empty-index');
    const expectedEmpty = local(['lint', '--staged'], { cwd: repo, env: { ...gitEnv, GIT_INDEX_FILE: emptyIndex } });
    startServer();
    expect(run(['lint', '--staged'], { cwd: repo, env: gitEnv })).toEqual(expected);
    expect(run(['lint', '--staged'], { cwd: path.join(repo, 'email'), env: gitEnv })).toEqual(local(['lint', '--staged'], { cwd: path.join(repo, 'email'), env: gitEnv }));
    expect(run(['lint', '--staged'], { cwd: repo, env: { ...gitEnv, GIT_INDEX_FILE: emptyIndex } })).toEqual(expectedEmpty);
    expect(served()).toBe(3);
  });

  it('serves clients that come together one at a time, each with its own output', async () => {
    const cases = [['lint', 'email', '-f', 'json'], ['lint', 'campaigns'], ['lint', 'email/color-contrast.pass.html'], ['lint', 'email', '-f', 'compact']];
    const expected = cases.map((args) => local(args));
    startServer();
    const results = await Promise.all(cases.map((args) => runAsync(args, project.dir)));
    expect(results).toEqual(expected);
    expect(served()).toBe(cases.length);
  });

  it('reads the configuration again for every request', () => {
    const config = path.join(project.dir, 'brandlint.config.yaml');
    const original = readFileSync(config, 'utf8');
    startServer();
    const before = run(['lint', 'email', '-f', 'json']);
    writeFileSync(config, `${original}rules:\n  brand/banned: off\n`);
    try {
      const after = run(['lint', 'email', '-f', 'json']);
      expect(after).toEqual(local(['lint', 'email', '-f', 'json']));
      expect(after.stdout).not.toBe(before.stdout);
      expect(served()).toBe(2);
    } finally {
      writeFileSync(config, original);
    }
  });

  it('hands a project with a JavaScript configuration back to the client, which lints it in-process', () => {
    const dir = mkdtempSync(path.join(tmp, 'js-config-'));
    cpSync(path.join(project.dir, 'email'), path.join(dir, 'email'), { recursive: true });
    cpSync(path.join(project.dir, 'tokens'), path.join(dir, 'tokens'), { recursive: true });
    writeFileSync(path.join(dir, 'brandlint.config.mjs'), "export default { tokens: ['tokens/*.tokens.json'], guidelines: 'tokens/brand.guidelines.yaml' };\n");
    const expected = local(['lint', 'email'], { cwd: dir });
    expect(expected.code).toBe(1);
    startServer();
    expect(run(['lint', 'email'], { cwd: dir })).toEqual(expected);
  });

  it('leaves --stdin, --interactive and other commands to the client', () => {
    expect(forwardable(['lint', 'email'], {})).toBe(true);
    expect(forwardable(['lint', '--staged', '--cache'], {})).toBe(true);
    expect(forwardable(['lint', '--stdin', '--stdin-filename', 'x.html'], {})).toBe(false);
    expect(forwardable(['lint', '--interactive'], {})).toBe(false);
    expect(forwardable(['lint', '-qi'], {})).toBe(false);
    expect(forwardable(['lint', '--', '-i'], {})).toBe(true);
    expect(forwardable(['validate', 'x.json'], {})).toBe(false);
    expect(forwardable(['lint', 'email'], { BRANDLINT_SERVER: 'off' })).toBe(false);
    startServer();
    const stdin = spawnSync(process.execPath, [BIN, 'lint', '--stdin', '--stdin-filename', 'email/x.html'], { cwd: project.dir, env: env(), input: '<p>Cheap!</p>', encoding: 'utf8' });
    expect(stdin.stdout).toContain('email/x.html');
    expect(run(['validate', 'tokens/brand.tokens.json']).code).toBe(local(['validate', 'tokens/brand.tokens.json']).code);
    expect(served()).toBe(0);
  });
});

describe.skipIf(!unix)('the lint server refuses what is not its own', () => {
  it('answers a request of another build, a garbage request and a folder it cannot enter with "run it yourself", and goes on serving', async () => {
    const pid = startServer();
    expect(await ask({ kind: 'lint', build: 'another', argv: ['lint'], cwd: project.dir, env: {}, stdoutIsTTY: false, stderrIsTTY: false, stdoutColumns: null, stderrColumns: null, umask: 0o22 })).toMatchObject({ kind: 'local' });
    expect(await ask('{"kind":"lint","__proto__":{"x":1}')).toMatchObject({ kind: 'local' });
    expect(await ask({ kind: 'lint', build: buildKey(path.join(REPO_ROOT, 'dist/src/cli/brandlint.cjs')), argv: ['lint'], cwd: path.join(tmp, 'no-such-folder'), env: {}, stdoutIsTTY: false, stderrIsTTY: false, stdoutColumns: null, stderrColumns: null, umask: 0o22 })).toMatchObject({
      kind: 'local',
    });
    expect(await ask({ kind: 'status' })).toMatchObject({ kind: 'status', pid });
    expect(served()).toBe(0);
  });

  it('reports a failing request to its client and goes on serving', async () => {
    const pid = startServer();
    // --staged in a folder that is not in a git repository: a usage error, exit 2.
    const request = { kind: 'lint', build: buildKey(path.join(REPO_ROOT, 'dist/src/cli/brandlint.cjs')), argv: ['lint', '--staged'], cwd: project.dir, env: { NO_COLOR: '1' }, stdoutIsTTY: false, stderrIsTTY: false, stdoutColumns: null, stderrColumns: null, umask: 0o22 };
    const failed = (await ask(request)) as { kind: string; output: Array<[number, string]>; exitCode: number };
    expect(failed.kind).toBe('done');
    expect(failed.exitCode).toBe(2);
    expect(failed.output).toEqual([[2, 'brandlint: --staged: not inside a git repository\n']]);
    expect(run(['lint', 'email', '-f', 'json'])).toEqual(local(['lint', 'email', '-f', 'json']));
    expect(await ask({ kind: 'status' })).toMatchObject({ kind: 'status', pid, served: 2 });
  });

  it('is not reached by an upgraded install, and stops when its bundle changes', async () => {
    // A copy of the package, whose bundle is then "upgraded" (a new modification time).
    const copy = mkdtempSync(path.join(tmp, 'package-'));
    for (const part of ['bin', 'dist', 'package.json', 'rules/packs', 'tokens']) cpSync(path.join(REPO_ROOT, part), path.join(copy, part), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const bin = path.join(copy, 'bin', 'brandlint.js');
    const bundle = path.join(copy, 'dist/src/cli/brandlint.cjs');
    const oldBuild = buildKey(bundle);
    const pid = startServer([], bin);
    const before = run(['lint', 'email'], { bin });
    const later = new Date(Date.now() + 60_000);
    utimesSync(bundle, later, later);
    expect(buildKey(bundle)).not.toBe(oldBuild);
    // The client looks for a server of the new build: there is none, it lints in-process.
    expect(run(['lint', 'email'], { bin })).toEqual(before);
    expect(run(['server', 'status'], { bin }).code).toBe(1);
    // A request that still names the old build: refused, and the old server stops.
    const oldSocket = path.join(tmp, `brandlint-server-${process.getuid!()}`, `${oldBuild}.sock`);
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = net.createConnection(oldSocket);
      socket.on('connect', () => socket.end(JSON.stringify({ kind: 'lint', build: oldBuild, argv: ['lint', 'email'], cwd: project.dir, env: {}, stdoutIsTTY: false, stderrIsTTY: false, stdoutColumns: null, stderrColumns: null, umask: 0o22 })));
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    expect(JSON.parse(answer)).toMatchObject({ kind: 'local' });
    expect(await until(() => !alive(pid))).toBe(true);
    expect(existsSync(oldSocket)).toBe(false);
  });

  it('falls back to an in-process run when the server was killed or dies half-way through a reply', async () => {
    const expected = local(['lint', 'email', '-f', 'json']);
    const pid = startServer();
    process.kill(pid, 'SIGKILL');
    expect(await until(() => !alive(pid))).toBe(true);
    // The socket is left behind; connecting to it fails.
    expect(existsSync(socketPath())).toBe(true);
    expect(run(['lint', 'email', '-f', 'json'])).toEqual(expected);
    expect(run(['server', 'status']).code).toBe(1);

    // A server that answers half a reply and hangs up.
    rmSync(socketPath());
    const fake = net.createServer({ allowHalfOpen: true }, (socket) => {
      socket.on('data', () => undefined);
      socket.on('end', () => {
        socket.write('{"kind":"done","output":[[1,"half a rep');
        socket.destroy();
      });
    });
    await new Promise<void>((resolve) => fake.listen(socketPath(), resolve));
    try {
      const client = await runAsync(['lint', 'email', '-f', 'json'], project.dir);
      expect(client).toEqual(expected);
    } finally {
      await new Promise((resolve) => fake.close(resolve));
    }
    // A new server takes the place of a dead one.
    startServer();
    expect(run(['lint', 'email', '-f', 'json'])).toEqual(expected);
    expect(served()).toBe(1);
  });

  it('exits by itself after its idle time, removing its socket', async () => {
    const pid = startServer(['--idle-timeout', '0.5']);
    expect(await until(() => !alive(pid))).toBe(true);
    expect(existsSync(socketPath())).toBe(false);
    expect(run(['server', 'status']).code).toBe(1);
  });

  it('uses only a private folder of its own: not one open to others, not a symbolic link', () => {
    const folder = path.join(tmp, `brandlint-server-${process.getuid!()}`);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
    expect(privateFolderProblem(folder)).toBeNull();
    const expected = local(['lint', 'email']);
    try {
      chmodSync(folder, 0o755);
      expect(privateFolderProblem(folder)).toMatch(/open to group or others/);
      const refused = run(['server', 'start']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/open to group or others/);
      // The client says nothing and lints in-process.
      expect(run(['lint', 'email'])).toEqual(expected);
    } finally {
      chmodSync(folder, 0o700);
    }
    const elsewhere = mkdtempSync(path.join(tmp, 'elsewhere-'));
    chmodSync(elsewhere, 0o700);
    rmSync(folder, { recursive: true });
    symlinkSync(elsewhere, folder);
    try {
      expect(privateFolderProblem(folder)).toMatch(/not a folder/);
      expect(run(['server', 'start']).code).toBe(2);
      expect(run(['lint', 'email'])).toEqual(expected);
    } finally {
      rmSync(folder);
    }
  });

  it('starts in the background for a client with BRANDLINT_SERVER=auto (the hook of `hook install --server`)', async () => {
    const expected = local(['lint', 'email']);
    expect(run(['lint', 'email'], { env: { BRANDLINT_SERVER: 'auto' } })).toEqual(expected);
    expect(await until(() => run(['server', 'status']).code === 0)).toBe(true);
    const pid = Number(/pid (\d+)/.exec(run(['server', 'status']).stdout)?.[1]);
    pids.add(pid);
    expect(run(['lint', 'email'], { env: { BRANDLINT_SERVER: 'auto' } })).toEqual(expected);
    expect(served()).toBe(1);
  });

  it('is started by the hook only when installed with --server', () => {
    expect(hookScript({ chained: false, fallbackBin: BIN, server: true })).toMatch(/^BRANDLINT_SERVER=auto\nexport BRANDLINT_SERVER$/m);
    expect(hookScript({ chained: false, fallbackBin: BIN })).not.toContain('BRANDLINT_SERVER');
  });
});
