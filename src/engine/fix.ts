/**
 * Applying fixes: non-overlapping fixes per pass, re-lint, repeat until nothing more is fixable
 * (at most {@link MAX_FIX_PASSES} passes), then an atomic write.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { access, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Fix, TextEdit } from '../core/diagnostic.js';
import type { Range } from '../core/position.js';

export const MAX_FIX_PASSES = 10;

export interface AppliedFixes {
  text: string;
  /** Fixes applied in this pass. */
  applied: number;
  /** Fixes left for a later pass because they overlap an applied one (or are malformed). */
  skipped: number;
  /** Where each applied edit's text now is in `text` (`[start, end)`), and the rule that wrote it. */
  written?: Array<{ ruleId: string; start: number; end: number }>;
}

/**
 * Applies the fixes of `diagnostics` to `text`, in offset order; a fix whose edits overlap an
 * already accepted edit (or start at the same place, where order would be ambiguous) waits for
 * the next pass. A fix's own edits must not overlap each other and must lie inside the text.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): AppliedFixes {
  const fixes = diagnostics
    .filter((diagnostic): diagnostic is Diagnostic & { fix: Fix } => diagnostic.fix !== undefined && diagnostic.fix.edits.length > 0)
    .map(({ fix, ruleId }) => ({ ruleId, edits: [...fix.edits].sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b)) }))
    .sort((a, b) => startOf(a.edits[0]!) - startOf(b.edits[0]!) || endOf(a.edits.at(-1)!) - endOf(b.edits.at(-1)!));

  // Accepted edits in text order; they never conflict, so each ends where or before the next starts.
  const accepted: Array<TextEdit & { ruleId: string }> = [];
  /** Where `edit` goes among the accepted edits: after every one starting at or before it. */
  const placeOf = (edit: TextEdit): number => {
    let low = 0;
    let high = accepted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (startOf(accepted[mid]!) <= startOf(edit)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  // Only the accepted edits on either side of its place can conflict with an edit (one search, not a scan of all).
  const conflictsWithAccepted = (edit: TextEdit): boolean => {
    const place = placeOf(edit);
    const before = accepted[place - 1];
    const after = accepted[place];
    return (before !== undefined && conflicts(before, edit)) || (after !== undefined && conflicts(after, edit));
  };
  let skipped = 0;
  let applied = 0;
  for (const { edits, ruleId } of fixes) {
    const valid = edits.every((edit, i) => {
      if (startOf(edit) < 0 || endOf(edit) > text.length || startOf(edit) > endOf(edit)) return false;
      const previous = edits[i - 1];
      return !previous || !conflicts(previous, edit);
    });
    if (!valid || edits.some(conflictsWithAccepted)) {
      skipped++;
      continue;
    }
    for (const edit of edits) accepted.splice(placeOf(edit), 0, { ...edit, ruleId });
    applied++;
  }
  if (applied === 0) return { text, applied, skipped };

  let out = '';
  let cursor = 0;
  const written: NonNullable<AppliedFixes['written']> = [];
  for (const edit of accepted) {
    out += text.slice(cursor, startOf(edit));
    written.push({ ruleId: edit.ruleId, start: out.length, end: out.length + edit.text.length });
    out += edit.text;
    cursor = endOf(edit);
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped, written };
}

const startOf = (edit: TextEdit): number => edit.range.start.offset;
const endOf = (edit: TextEdit): number => edit.range.end.offset;

function conflicts(a: TextEdit, b: TextEdit): boolean {
  return startOf(a) === startOf(b) || (startOf(a) < endOf(b) && startOf(b) < endOf(a));
}

/**
 * The diagnostics with every fix that would edit inside a decoded part of the file dropped (see
 * `ContentDocument.decodedRanges`): there the text a rule saw is not the text of the file.
 */
export function withoutFixesInDecodedText(diagnostics: Diagnostic[], decodedRanges: readonly Range[] | undefined): Diagnostic[] {
  if (!decodedRanges || decodedRanges.length === 0) return diagnostics;
  const touches = (edit: TextEdit) =>
    decodedRanges.some((range) => startOf(edit) <= range.end.offset && range.start.offset <= endOf(edit));
  return diagnostics.map((diagnostic) => {
    if (!diagnostic.fix?.edits.some(touches)) return diagnostic;
    const { fix: _dropped, ...rest } = diagnostic;
    return rest;
  });
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
  /** Rules whose fixes never settle (each fix makes text the rule fixes again): their fixes were not applied. */
  notConverged?: { ruleIds: string[]; message: string };
}

/**
 * Applies fixes, re-lints and repeats until no fix applies or {@link MAX_FIX_PASSES} passes ran.
 * Does nothing when the text has parse errors (edits could land in the wrong place), and undoes
 * a pass whose result parses worse than its input.
 *
 * A fix that never settles is detected and left out, never applied pass after pass: a rule that
 * fixes again, inside the text its own fix just wrote, while the text grows (a swap
 * `gear: gear gear` doubles the file each pass), or passes that come back to a text seen before
 * (two fixes undoing each other). Fixing then starts again from the original text without those
 * rules' fixes, and `notConverged` names them.
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
  const excluded = new Set<string>();
  for (;;) {
    const outcome = await fixPasses(text, first, relint, excluded);
    if (outcome.diverging.size === 0) {
      const result: FixOutcome<T> = { text: outcome.text, lint: outcome.lint, passes: outcome.passes };
      if (excluded.size > 0) {
        const ruleIds = [...excluded].sort();
        result.notConverged = {
          ruleIds,
          message: `the fixes of ${ruleIds.join(', ')} do not settle (each fix makes text the rule fixes again, e.g. a replacement that contains what it replaces), so they were not applied; fix these by hand`,
        };
      }
      return result;
    }
    for (const ruleId of outcome.diverging) excluded.add(ruleId);
  }
}

async function fixPasses<T extends LintOfText>(
  text: string,
  first: T,
  relint: (text: string) => Promise<T>,
  excluded: ReadonlySet<string>,
): Promise<{ text: string; lint: T; passes: number; diverging: Set<string> }> {
  const diverging = new Set<string>();
  // Each text reached, with the rules whose fixes made it: a text seen again closes a cycle.
  const seen = new Map([[digest(text), 0]]);
  const fixedBy: Array<Set<string>> = [new Set()];
  let current = first;
  let currentText = text;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const pass = applyFixes(currentText, excluded.size > 0 ? current.diagnostics.filter((d) => !excluded.has(d.ruleId)) : current.diagnostics);
    if (pass.applied === 0 || pass.text === currentText) break;
    const key = digest(pass.text);
    const rules = new Set((pass.written ?? []).map((span) => span.ruleId));
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // Back to a text of an earlier pass: the fixes since then undo each other.
      for (const set of [...fixedBy.slice(earlier + 1), rules]) for (const ruleId of set) diverging.add(ruleId);
      break;
    }
    seen.set(key, fixedBy.length);
    fixedBy.push(rules);
    const next = await relint(pass.text);
    passes++;
    if (next.parseErrors > current.parseErrors) break;
    if (pass.text.length > currentText.length) {
      for (const diagnostic of next.diagnostics) {
        if (!diagnostic.fix || excluded.has(diagnostic.ruleId)) continue;
        const own = (pass.written ?? []).filter((span) => span.ruleId === diagnostic.ruleId);
        if (diagnostic.fix.edits.some((edit) => own.some((span) => startOf(edit) < span.end && span.start < endOf(edit)))) diverging.add(diagnostic.ruleId);
      }
      if (diverging.size > 0) break;
    }
    currentText = pass.text;
    current = next;
  }
  return { text: currentText, lint: current, passes, diverging };
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** How a text file was encoded, so a fix writes it back the same way (see read.ts). */
export interface TextEncodingOptions {
  /** The file started with a byte-order mark. */
  bom?: boolean;
  /** UTF-16 files (always with a byte-order mark); UTF-8 when absent. */
  encoding?: 'utf-16le' | 'utf-16be';
}

/** The bytes of a text in the file's own encoding. */
export function encodeText(text: string, options: TextEncodingOptions = {}): Buffer {
  if (options.encoding === 'utf-16le') return Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (options.encoding === 'utf-16be') return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return Buffer.from((options.bom ? '\uFEFF' : '') + text, 'utf8');
}

/**
 * Writes a fixed file so that it is never half-written and nothing else changes:
 * - a read-only file (no write permission bit, or not writable by this user) is refused;
 * - through a symbolic link, the link's target is written and the link stays a link;
 * - a file with other hard links is rewritten in place (a rename would leave the other names
 *   with the old text);
 * - otherwise a temporary file in the same folder, with the original's mode (and owner, where
 *   allowed), is written, flushed to disk (fsync), and renamed over the original; the folder is
 *   flushed too. A failed write leaves the original untouched.
 * The temporary file is removed on SIGINT and SIGTERM (the process then ends by that signal as
 * it would have); SIGKILL cannot be caught, and may leave a `.name.<pid>.<hex>.brandlint-tmp`.
 */
export async function writeFileAtomic(file: string, text: string, options: TextEncodingOptions = {}): Promise<void> {
  const target = await realpath(file).catch(() => file);
  const info = await stat(target).catch(() => undefined);
  if (info) {
    if ((info.mode & 0o222) === 0) throw new ReadOnlyFileError('the file is read-only (no write permission); it was not changed');
    try {
      await access(target, constants.W_OK);
    } catch {
      throw new ReadOnlyFileError('the file is not writable by this user; it was not changed');
    }
  }
  const bytes = encodeText(text, options);
  if (info && info.nlink > 1) {
    await writeInPlace(target, bytes);
    return;
  }
  const mode = info ? info.mode & 0o7777 : undefined;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.brandlint-tmp`);
  trackTemporaryFile(temp);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      // open's mode is filtered by the umask; set it exactly, and keep the owner when allowed (root fixing a user's file).
      if (mode !== undefined) await handle.chmod(mode);
      if (info) await handle.chown(info.uid, info.gid).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await syncFolder(path.dirname(target));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    untrackTemporaryFile(temp);
  }
}

/** A fix that was not written because the file may not be changed. */
export class ReadOnlyFileError extends Error {
  override name = 'ReadOnlyFileError';
}

/** Rewrites a file in place (other hard links see the new text): the new bytes first, then the length, then fsync. */
async function writeInPlace(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (the rename) to disk; not every platform can open a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EISDIR/EINVAL on platforms that cannot fsync a folder.
  } finally {
    await handle.close();
  }
}

/** Temporary files being written right now; removed if the process is interrupted. */
const temporaryFiles = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of temporaryFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed.
    }
  }
  temporaryFiles.clear();
  for (const name of SIGNALS) process.off(name, onSignal);
  // End the way the signal would have ended the process without this handler.
  process.kill(process.pid, signal);
}

function trackTemporaryFile(temp: string): void {
  if (temporaryFiles.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  temporaryFiles.add(temp);
}

function untrackTemporaryFile(temp: string): void {
  temporaryFiles.delete(temp);
  if (temporaryFiles.size === 0) for (const name of SIGNALS) process.off(name, onSignal);
}
