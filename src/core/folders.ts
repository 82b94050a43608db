/**
 * Creating folders, as `mkdir -p` does. Node 20's own `mkdir(…, { recursive: true })` never
 * returns where the file system answers "no such file" for a folder whose parent exists (procfs,
 * sysfs: `brandlint lint -o /proc/x/report.json` spun at full CPU forever); here every missing
 * level is created once, from the nearest folder that exists, and the first refusal is thrown.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Creates `folder` and its missing parents (each with `mode` when given). Throws the file system's error when one cannot be made. */
export function makeFolders(folder: string, mode?: number): void {
  const missing: string[] = [];
  for (let at = path.resolve(folder); ; ) {
    let isFolder: boolean;
    try {
      isFolder = statSync(at).isDirectory();
    } catch (error) {
      const parent = path.dirname(at);
      if (codeOf(error) !== 'ENOENT' || parent === at) throw error;
      missing.push(at);
      at = parent;
      continue;
    }
    if (!isFolder) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR' });
    break;
  }
  for (let index = missing.length - 1; index >= 0; index--) {
    try {
      mkdirSync(missing[index]!, mode === undefined ? undefined : { mode });
    } catch (error) {
      // Made by someone else meanwhile: as good as made here.
      if (codeOf(error) !== 'EEXIST' || !statSync(missing[index]!).isDirectory()) throw error;
    }
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
