/**
 * `brandlint hook install`: a git pre-commit hook that runs `brandlint lint --staged`. An existing
 * hook is never overwritten silently: `--force` replaces it, `--chain` keeps it (renamed to
 * `pre-commit.brandlint-chained`) and runs it first. The hooks folder is git's own answer
 * (`git rev-parse --git-path hooks`), so `core.hooksPath` and worktrees are respected.
 * `brandlint hook uninstall` removes only a hook that install wrote (and puts a chained hook back).
 */
import { spawnSync } from 'node:child_process';
import { chmod, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type CliIo } from './io.js';
import { packageRoot } from './package-info.js';
import { makeFolders } from '../core/folders.js';

export const HOOK_MARKER = '# brandlint pre-commit hook';
export const CHAINED_HOOK = 'pre-commit.brandlint-chained';

export interface HookInstallOptions {
  force: boolean;
  chain: boolean;
  /** `--server`: the hook starts the lint server when none runs and lints through it. */
  server?: boolean;
}

/**
 * The hook script (with `--cache` in the git folder, so repeated commits re-parse only what
 * changed, campaign siblings included). It prefers the project's own brandlint (node_modules/.bin), then one on the
 * PATH, then the brandlint that installed the hook.
 */
export function hookScript(options: { chained: boolean; fallbackBin: string; server?: boolean }): string {
  const quoted = `'${options.fallbackBin.replace(/'/g, `'\\''`)}'`;
  return [
    '#!/bin/sh',
    `${HOOK_MARKER} (written by \`brandlint hook install\`; remove this file to uninstall)`,
    ...(options.chained
      ? ['', '# The pre-commit hook that was here before runs first.', `chained="$(dirname "$0")/${CHAINED_HOOK}"`, 'if [ -x "$chained" ]; then "$chained" "$@" || exit $?; fi']
      : []),
    ...(options.server
      ? ['', '# --server: lint through the lint server; start it in the background when none runs (`brandlint server stop` ends it).', 'BRANDLINT_SERVER=auto', 'export BRANDLINT_SERVER']
      : []),
    '',
    'top="$(git rev-parse --show-toplevel)"',
    '# The cache lives in the git folder: never committed, and campaign siblings come from it.',
    'cache="$(git rev-parse --git-path brandlint-cache)"',
    'if [ -x "$top/node_modules/.bin/brandlint" ]; then',
    '  exec "$top/node_modules/.bin/brandlint" lint --staged --cache --cache-location "$cache"',
    'elif command -v brandlint >/dev/null 2>&1; then',
    '  exec brandlint lint --staged --cache --cache-location "$cache"',
    'else',
    `  exec node ${quoted} lint --staged --cache --cache-location "$cache"`,
    'fi',
    '',
  ].join('\n');
}

/** A path in the git folder of the repository that holds `cwd` (`git rev-parse --git-path`). */
function gitPath(io: CliIo, name: string, command: string): string {
  const probe = spawnSync('git', ['rev-parse', '--git-path', name], { cwd: io.cwd, encoding: 'utf8' });
  if (probe.error) throw new UsageError(`${command} needs git: ${probe.error.message}`);
  if (probe.status !== 0) throw new UsageError(`${command}: not inside a git repository`);
  return path.resolve(io.cwd, probe.stdout.trim());
}

export async function runHookInstall(options: HookInstallOptions, io: CliIo): Promise<number> {
  if (options.force && options.chain) throw new UsageError('--force and --chain cannot be used together');
  const hooks = gitPath(io, 'hooks', 'hook install');
  const target = path.join(hooks, 'pre-commit');
  const existing = await readFile(target, 'utf8').catch(() => null);
  const ours = existing?.includes(HOOK_MARKER) ?? false;
  if (existing !== null && !ours && !options.force && !options.chain) {
    io.stderr(
      `brandlint: ${path.relative(io.cwd, target) || target} already exists; not overwritten.\n` +
        '  --chain keeps it and runs it before brandlint; --force replaces it.\n',
    );
    return 2;
  }
  let chained = ours && existing!.includes(CHAINED_HOOK);
  makeFolders(hooks);
  if (existing !== null && !ours && options.chain) {
    await rename(target, path.join(hooks, CHAINED_HOOK));
    chained = true;
  }
  await writeFile(target, hookScript({ chained, fallbackBin: path.join(packageRoot(), 'bin', 'brandlint.js'), server: Boolean(options.server) }), 'utf8');
  await chmod(target, 0o755);
  const shown = path.relative(io.cwd, target) || target;
  io.stdout(
    `installed ${shown}${chained ? ` (runs ${CHAINED_HOOK} first)` : ''}: every commit runs brandlint lint --staged` +
      (options.server ? ', through the lint server (started in the background when none runs)' : '') +
      '\n',
  );
  return 0;
}

/**
 * Removes the pre-commit hook `brandlint hook install` wrote, and its cache in the git folder.
 * A hook brandlint did not write is left alone. A hook that `--chain` kept is put back as the
 * pre-commit hook. Says what it did; nothing to remove is not an error.
 */
export async function runHookUninstall(io: CliIo): Promise<number> {
  const hooks = gitPath(io, 'hooks', 'hook uninstall');
  const target = path.join(hooks, 'pre-commit');
  const shown = path.relative(io.cwd, target) || target;
  const existing = await readFile(target, 'utf8').catch(() => null);
  if (existing === null) {
    io.stdout(`no pre-commit hook at ${shown}; nothing to uninstall\n`);
    return 0;
  }
  if (!existing.includes(HOOK_MARKER)) {
    io.stdout(`${shown} was not written by \`brandlint hook install\`; left alone\n`);
    return 0;
  }
  const chained = path.join(hooks, CHAINED_HOOK);
  const restore = existing.includes(CHAINED_HOOK) && (await stat(chained).catch(() => null))?.isFile() === true;
  if (restore) await rename(chained, target);
  else await unlink(target);
  const cache = gitPath(io, 'brandlint-cache', 'hook uninstall');
  const hadCache = (await stat(cache).catch(() => null)) !== null;
  if (hadCache) await rm(cache, { recursive: true, force: true });
  io.stdout(
    `removed brandlint's pre-commit hook ${shown}` +
      (restore ? ` and put back the hook it ran first (${CHAINED_HOOK})` : '') +
      (hadCache ? `; deleted its cache ${path.relative(io.cwd, cache) || cache}` : '') +
      '\n',
  );
  return 0;
}
