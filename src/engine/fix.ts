/**
 * Applying fixes: non-overlapping fixes per pass, re-lint, repeat until nothing more is fixable
 * (at most {@link MAX_FIX_PASSES} passes), then an atomic write.
 */
import { randomBytes } from 'node:crypto';
import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Fix, TextEdit } from '../core/diagnostic.js';

export const MAX_FIX_PASSES = 10;

export interface AppliedFixes {
  text: string;
  /** Fixes applied in this pass. */
  applied: number;
  /** Fixes left for a later pass because they overlap an applied one (or are malformed). */
  skipped: number;
}

/**
 * Applies the fixes of `diagnostics` to `text`, in offset order; a fix whose edits overlap an
 * already accepted edit (or start at the same place, where order would be ambiguous) waits for
 * the next pass. A fix's own edits must not overlap each other and must lie inside the text.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): AppliedFixes {
  const fixes = diagnostics
    .map((diagnostic) => diagnostic.fix)
    .filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0)
    .map((fix) => ({ fix, edits: [...fix.edits].sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b)) }))
    .sort((a, b) => startOf(a.edits[0]!) - startOf(b.edits[0]!) || endOf(a.edits.at(-1)!) - endOf(b.edits.at(-1)!));

  const accepted: TextEdit[] = [];
  let skipped = 0;
  let applied = 0;
  for (const { edits } of fixes) {
    const valid = edits.every((edit, i) => {
      if (startOf(edit) < 0 || endOf(edit) > text.length || startOf(edit) > endOf(edit)) return false;
      const previous = edits[i - 1];
      return !previous || !conflicts(previous, edit);
    });
    if (!valid || edits.some((edit) => accepted.some((other) => conflicts(other, edit)))) {
      skipped++;
      continue;
    }
    accepted.push(...edits);
    applied++;
  }
  if (applied === 0) return { text, applied, skipped };

  accepted.sort((a, b) => startOf(a) - startOf(b));
  let out = '';
  let cursor = 0;
  for (const edit of accepted) {
    out += text.slice(cursor, startOf(edit)) + edit.text;
    cursor = endOf(edit);
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

const startOf = (edit: TextEdit): number => edit.range.start.offset;
const endOf = (edit: TextEdit): number => edit.range.end.offset;

function conflicts(a: TextEdit, b: TextEdit): boolean {
  return startOf(a) === startOf(b) || (startOf(a) < endOf(b) && startOf(b) < endOf(a));
}

/** One lint of a text, as the fix loop needs it. */
export interface LintOfText {
  diagnostics: Diagnostic[];
  /** Error-level parse problems: fixing stops (and never starts) when there are any. */
  parseErrors: number;
}

export interface FixOutcome<T extends LintOfText> {
  text: string;
  /** The lint of the final text. */
  lint: T;
  passes: number;
  /** Why fixing did not start (parse errors), if it did not. */
  blocked?: string;
}

/**
 * Applies fixes, re-lints and repeats until no fix applies or {@link MAX_FIX_PASSES} passes ran.
 * Does nothing when the text has parse errors (edits could land in the wrong place), and undoes
 * a pass whose result parses worse than its input.
 */
export async function fixUntilStable<T extends LintOfText>(
  text: string,
  first: T,
  relint: (text: string) => Promise<T>,
): Promise<FixOutcome<T>> {
  if (first.parseErrors > 0) {
    return first.diagnostics.some((d) => d.fix)
      ? { text, lint: first, passes: 0, blocked: 'the file has parse errors, so fixes were not applied' }
      : { text, lint: first, passes: 0 };
  }
  let current = first;
  let currentText = text;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const pass = applyFixes(currentText, current.diagnostics);
    if (pass.applied === 0 || pass.text === currentText) break;
    const next = await relint(pass.text);
    passes++;
    if (next.parseErrors > current.parseErrors) break;
    currentText = pass.text;
    current = next;
  }
  return { text: currentText, lint: current, passes };
}

/**
 * Writes a file atomically: a temporary file in the same folder (same file system), given the
 * original's mode, renamed over the original. A failed write leaves the original untouched.
 */
export async function writeFileAtomic(file: string, text: string, options: { bom?: boolean } = {}): Promise<void> {
  const mode = await stat(file).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.brandlint-tmp`);
  try {
    await writeFile(temp, (options.bom ? '\uFEFF' : '') + text, { encoding: 'utf8', flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
    // writeFile's mode is filtered by the umask; set it exactly.
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
