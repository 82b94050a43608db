/**
 * A flat map of names to values (`{"color-blue": "rgb(0, 111, 187)", "spacing-base": "16px"}`):
 * what Style Dictionary's `json/flat` and Theo's `json` outputs write, and what many teams keep.
 * There are no types: each is told by the value (a color, a length, a duration, a font stack)
 * and, for bare numbers, by the name (`line-height`, `opacity`, `font-weight`, `spacing`).
 */
import type { ImportLog } from '../log.js';
import { IMPORT_CODES } from '../log.js';
import type { FormatReading, ImportFile, RawToken } from '../model.js';

/** Whether every member of the top-level object is a string or number (nothing nested). */
export function isFlatMap(file: ImportFile): boolean {
  const root = file.root;
  return root.kind === 'object' && root.members.length > 0 && root.members.every((member) => member.value.kind === 'string' || member.value.kind === 'number');
}

export function readFlat(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const tokens: RawToken[] = [];
  for (const file of files) {
    if (file.root.kind !== 'object') continue;
    for (const member of file.root.members) {
      if (member.value.kind !== 'string' && member.value.kind !== 'number') {
        log.warn(file.source, member.keySpan, IMPORT_CODES.unmapped, `${member.key} is not a plain value; not imported`, member.key);
        continue;
      }
      tokens.push({ path: [member.key], stem: file.stem, file, keySpan: member.keySpan, value: member.value, nameHints: true });
    }
  }
  return { tokens, references: 'curly' };
}
