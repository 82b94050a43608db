/**
 * Applying the fix of one finding from the interactive report: only when the file still holds the
 * text that was linted (else the edit could land in the wrong place), written atomically.
 */
import { applyFixes, writeFileAtomic } from '../engine/fix.js';
import { readContentFile } from '../engine/read.js';
import type { Finding } from './findings.js';

export type FixFindingOutcome = { ok: true; description: string } | { ok: false; reason: string };

export async function applyFindingFix(finding: Finding): Promise<FixFindingOutcome> {
  const { diagnostic, result } = finding;
  if (!diagnostic.fix) return { ok: false, reason: 'this finding has no automatic fix' };
  const read = await readContentFile(result.absolutePath, result.file, { maxFileSize: Number.MAX_SAFE_INTEGER });
  if (read.kind !== 'text') return { ok: false, reason: `cannot read ${result.file}` };
  if (result.source === undefined || read.text !== result.source) {
    return { ok: false, reason: `${result.file} changed since it was linted; linted again, try once more` };
  }
  const fixed = applyFixes(read.text, [diagnostic]);
  if (fixed.applied === 0 || fixed.text === read.text) return { ok: false, reason: 'the fix does not apply to the file as it is' };
  await writeFileAtomic(result.absolutePath, fixed.text, { bom: read.bom, ...(read.encoding ? { encoding: read.encoding } : {}) });
  return { ok: true, description: diagnostic.fix.description };
}
