import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './io.js';

export { displayPath } from '../core/paths.js';

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Expands command-line file arguments: plain paths must exist, glob patterns (quoted so the
 * shell leaves them alone) must match something. Returns absolute paths, deduplicated, in
 * argument order (each glob's matches sorted), so output order is deterministic.
 */
export async function expandFileArguments(args: readonly string[], cwd: string): Promise<string[]> {
  const result: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      result.push(file);
    }
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const info = await stat(absolute).catch(() => null);
    if (info?.isFile()) {
      add(absolute);
      continue;
    }
    if (info?.isDirectory()) throw new UsageError(`${arg} is a folder; name token files or a glob such as "${arg}/*.tokens.json"`);
    if (!GLOB_CHARS.test(arg)) throw new UsageError(`no such file: ${arg}`);
    const { glob } = await import('tinyglobby');
    const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false });
    if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
    for (const match of matches.sort()) add(path.normalize(match));
  }
  return result;
}
