/** Whether a `packs:` entry is a Vale style source (a folder or an `.ini` file) rather than a brandlint pack file. */
import { statSync } from 'node:fs';

export function isValeSource(entry: string): boolean {
  if (/\.ini$/i.test(entry)) return true;
  try {
    return statSync(entry).isDirectory();
  } catch {
    return false;
  }
}
