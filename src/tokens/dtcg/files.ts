import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { TokenLoadResult } from '../types.js';
import { loadTokenSet } from './load.js';
import type { TokenInput } from './load.js';
import { CODES } from './report.js';

export interface LoadTokenFilesOptions {
  /** Paths are resolved against, and reported relative to, this directory (default: `process.cwd()`). */
  cwd?: string;
}

/** Reads token files and loads them as one set; an unreadable file becomes a diagnostic. */
export async function loadTokenFiles(paths: readonly string[], options: LoadTokenFilesOptions = {}): Promise<TokenLoadResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const reads = await Promise.all(paths.map((file) => readInput(file, cwd)));
  const inputs: TokenInput[] = [];
  const problems: Diagnostic[] = [];
  for (const read of reads) {
    if ('text' in read) inputs.push(read);
    else problems.push(read.diagnostic);
  }
  const result = loadTokenSet(inputs);
  return {
    set: { files: reads.map((read) => ('text' in read ? read.file : read.diagnostic.file)), tokens: result.set.tokens },
    diagnostics: [...problems, ...result.diagnostics],
  };
}

async function readInput(file: string, cwd: string): Promise<TokenInput | { diagnostic: Diagnostic }> {
  const absolute = path.resolve(cwd, file);
  const name = path.relative(cwd, absolute).split(path.sep).join('/') || file;
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { diagnostic: fileProblem(name, `cannot read token file: ${reason}`) };
  }
  try {
    return { file: name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { diagnostic: fileProblem(name, 'cannot read token file: it is not valid UTF-8') };
  }
}

function fileProblem(file: string, message: string): Diagnostic {
  return { ruleId: CODES.readError, severity: 'error', message, file, range: null };
}
