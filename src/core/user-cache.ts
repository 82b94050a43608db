/**
 * The folder where brandlint keeps what it derives once for later runs on this machine (V8's
 * compiled code of the bundle, compiled brands): under the temporary folder, created for this
 * user only. What is read back from it runs as our code or stands for our results, so a folder
 * that someone else owns or can write is never used.
 */
import { lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFolders } from './folders.js';

export function userCacheFolder(): string | null {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const folder = path.join(os.tmpdir(), `brandlint-compile-cache-${uid ?? os.userInfo().username}`);
    makeFolders(folder, 0o700);
    const info = lstatSync(folder);
    if (!info.isDirectory() || (uid !== null && info.uid !== uid) || (info.mode & 0o022) !== 0) return null;
    return folder;
  } catch {
    return null;
  }
}
