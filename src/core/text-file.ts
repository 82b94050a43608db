import { readFile } from 'node:fs/promises';
import type { Diagnostic } from './diagnostic.js';

export type TextFileResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** The UTF-16 byte orders a file can announce with a byte-order mark. */
export type Utf16Encoding = 'utf-16le' | 'utf-16be';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The encoding a byte-order mark announces: UTF-16 (`FF FE`, `FE FF`), or null (UTF-8, with or without its BOM). */
export function utf16EncodingOf(bytes: Uint8Array): Utf16Encoding | 'utf-32' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4 ? 'utf-32' : 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf-32';
  return null;
}

/**
 * Decodes file bytes as text: UTF-16 when a byte-order mark says so (Windows tools save "Unicode"
 * that way), else UTF-8 (a leading BOM is dropped). Bytes that do not decode give a diagnostic
 * instead of silently mangled text.
 */
export function decodeText(bytes: Uint8Array, file: string): TextFileResult & { encoding?: Utf16Encoding } {
  const announced = utf16EncodingOf(bytes);
  if (announced === 'utf-32') {
    return { ok: false, diagnostic: { ruleId: 'file/not-utf8', severity: 'error', message: 'file is UTF-32, which brandlint does not read; save it as UTF-8', file, range: null } };
  }
  if (announced === null) return decodeUtf8(bytes, file);
  try {
    return { ok: true, text: new TextDecoder(announced, { fatal: true, ignoreBOM: false }).decode(bytes), encoding: announced };
  } catch {
    return {
      ok: false,
      diagnostic: {
        ruleId: 'file/not-utf8',
        severity: 'error',
        message: `file starts with a ${announced === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} byte-order mark but is not valid UTF-16 (${bytes.length % 2 === 1 ? 'odd number of bytes' : 'an unpaired surrogate'}); save it as UTF-8`,
        file,
        range: null,
      },
    };
  }
}

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
  const decoded = decodeText(bytes, displayName);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
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
