import { readFile } from 'node:fs/promises';
import type { Diagnostic } from './diagnostic.js';

export type TextFileResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes file bytes as UTF-8 (a leading BOM is dropped). Bytes that are not UTF-8 give a
 * diagnostic at the first bad byte instead of silently mangled text.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): TextFileResult {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const { line, column, offset, byteIndex } = firstInvalidUtf8(bytes);
    return {
      ok: false,
      diagnostic: {
        ruleId: 'file/not-utf8',
        severity: 'error',
        message: `file is not valid UTF-8 (first bad byte 0x${(bytes[byteIndex] ?? 0).toString(16).padStart(2, '0')}); save it as UTF-8`,
        file,
        range: { start: { line, column, offset }, end: { line, column: column + 1, offset: offset + 1 } },
      },
    };
  }
}

/** Reads and decodes a text file; an unreadable file is a diagnostic, never a throw. */
export async function readTextFile(path: string, displayName: string = path): Promise<TextFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read file (${code ?? String(error)})`;
    return { ok: false, diagnostic: { ruleId: 'file/unreadable', severity: 'error', message: reason, file: displayName, range: null } };
  }
  return decodeUtf8(bytes, displayName);
}

/** Position of the first byte that breaks UTF-8, in UTF-16 units like every other Position. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; offset: number; byteIndex: number } {
  let line = 1;
  let column = 1;
  let units = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { line, column, offset: units, byteIndex: i };
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return { line, column, offset: units, byteIndex: i };
    }
    if (byte === 0x0a) {
      line++;
      column = 1;
    } else column += length === 4 ? 2 : 1;
    units += length === 4 ? 2 : 1;
    i += length;
  }
  return { line, column, offset: units, byteIndex: i };
}
