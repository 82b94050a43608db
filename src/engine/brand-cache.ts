/**
 * The compiled brand kept between runs: reading, validating and resolving the token files and the
 * guideline file is most of what a run does before its first file, and a pre-commit hook pays it
 * on every commit. An entry is found by what names the brand (configuration, token file list,
 * brandlint's build) and used only when every file it was built from still has the content it had
 * (their sha256 is checked on every use); only a brand without errors is kept, with the warnings
 * its loading gave, so a run says them as an uncached run does.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { makeFolders } from '../core/folders.js';

const FORMAT = 1;

export interface CachedBrand {
  model: BrandModel;
  /** Warnings of the brand's files (positioned), said again on every run. */
  diagnostics: Diagnostic[];
  /** Every file the brand was built from. */
  inputFiles: string[];
}

interface Entry extends CachedBrand {
  format: number;
  /** sha256 of each input file, as built. */
  hashes: Record<string, string>;
}

export interface BrandCacheOptions {
  /** A folder of the user's own (see src/launcher/user-cache.ts). */
  folder: string;
  /** What else decides the brand: brandlint's build, the configuration, the working folder. */
  salt: string;
}

function entryFile(options: BrandCacheOptions): string {
  return path.join(options.folder, 'brands', `${createHash('sha256').update(`${FORMAT}\0${options.salt}`).digest('hex').slice(0, 40)}.json`);
}

function hashOf(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** The cached brand, when every file it was built from is unchanged; else undefined. */
export function readCachedBrand(options: BrandCacheOptions): CachedBrand | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryFile(options), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || typeof entry.hashes !== 'object' || entry.hashes === null || !Array.isArray(entry.inputFiles) || !Array.isArray(entry.diagnostics)) return undefined;
  if (typeof entry.model !== 'object' || entry.model === null || entry.model.version !== 1) return undefined;
  for (const file of entry.inputFiles) {
    if (typeof file !== 'string' || !Object.hasOwn(entry.hashes, file) || hashOf(file) !== entry.hashes[file]) return undefined;
  }
  return { model: entry.model, diagnostics: entry.diagnostics, inputFiles: entry.inputFiles };
}

/** Keeps a brand for later runs; a brand that cannot be kept only costs the next run its time. */
export function writeCachedBrand(options: BrandCacheOptions, brand: CachedBrand): void {
  const hashes: Record<string, string> = {};
  for (const file of brand.inputFiles) {
    const hash = hashOf(file);
    if (hash === null) return;
    hashes[file] = hash;
  }
  const entry: Entry = { format: FORMAT, ...brand, hashes };
  const file = entryFile(options);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    makeFolders(path.dirname(file), 0o700);
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, JSON.stringify(entry));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
  }
}
