import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { decodeText, utf16EncodingOf, type Utf16Encoding } from '../core/text-file.js';

/** Files larger than this are skipped unless `--max-file-size` says otherwise (5 MB). */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** Bytes looked at for a NUL byte, which marks a binary file (as git does). */
const BINARY_PROBE_BYTES = 8192;

export type ContentFileRead =
  /**
   * `bom`: the file started with a byte-order mark (dropped from `text`, restored on write);
   * `encoding`: present for UTF-16 files (written back in UTF-16), absent for UTF-8.
   */
  | { kind: 'text'; text: string; bom: boolean; encoding?: Utf16Encoding }
  /** Not content (binary, too large): a notice, not a finding. */
  | { kind: 'skipped'; reason: string }
  /** Unreadable or not UTF-8: a finding. */
  | { kind: 'failed'; diagnostic: Diagnostic };

/**
 * Reads a content file. Never throws: binary and oversized files are skipped, an unreadable file
 * or one that is not UTF-8 is a diagnostic (`file/unreadable`, `file/not-utf8`).
 */
export async function readContentFile(
  absolutePath: string,
  file: string,
  options: { maxFileSize?: number } = {},
): Promise<ContentFileRead> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: one open, stat, read and close per file without a promise per step
    // (the files are small and the run is busy with rules anyway; workers read their own files).
    const fd = openSync(absolutePath, 'r');
    try {
      const info = fstatSync(fd);
      const size = info.size;
      if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      if (size > maxFileSize) {
        return { kind: 'skipped', reason: `larger than ${formatBytes(maxFileSize)} (${formatBytes(size)}; see --max-file-size)` };
      }
      bytes = readWhole(fd, size);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read file (${code ?? String(error)})`;
    return { kind: 'failed', diagnostic: { ruleId: 'file/unreadable', severity: 'error', message: reason, file, range: null } };
  }
  return contentFromBytes(bytes, file, { maxFileSize });
}

/** The checks of {@link readContentFile} on bytes read elsewhere (the git index for `--staged`). */
export function contentFromBytes(bytes: Uint8Array, file: string, options: { maxFileSize?: number } = {}): ContentFileRead {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (bytes.length > maxFileSize) return { kind: 'skipped', reason: `larger than ${formatBytes(maxFileSize)} (see --max-file-size)` };
  // A PDF is binary: its bytes go to the print adapter one character per byte (latin1), which
  // reads them with pdf.js; the text findings point into is the text read from it.
  if (isPdfFile(file)) return { kind: 'text', text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bom: false };
  // UTF-16 text is full of NUL bytes: its byte-order mark is checked before the binary probe.
  if (utf16EncodingOf(bytes) === null && isBinary(bytes)) return { kind: 'skipped', reason: 'binary file' };
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return { kind: 'failed', diagnostic: decoded.diagnostic };
  if (decoded.encoding) return { kind: 'text', text: decoded.text, bom: true, encoding: decoded.encoding };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { kind: 'text', text: decoded.text, bom };
}

/** Files read as bytes and turned into text by their adapter (PDF): findings point into that text, not the file's. */
export function isPdfFile(file: string): boolean {
  return /\.pdf$/i.test(file);
}

/** A NUL byte in the first 8 KB. */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

let scratch: Buffer | undefined;

/** Reads an open file to its end (it may have grown or shrunk since it was measured). */
function readWhole(fd: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, buffer, length, size - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
  // Grown since measured: read the rest in chunks.
  const chunks: Buffer[] = [buffer];
  scratch ??= Buffer.alloc(64 * 1024);
  for (;;) {
    const read = readSync(fd, scratch, 0, scratch.length, null);
    if (read === 0) break;
    chunks.push(Buffer.from(scratch.subarray(0, read)));
  }
  return chunks.length === 1 ? buffer : Buffer.concat(chunks);
}
