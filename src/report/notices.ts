/**
 * Notices of a run, one line per reason: the seven "did not apply: English only" notes of seven
 * files become one line with a count and the files. Pure; the CLI (stderr) and the terminal app
 * show the same lines.
 */
import type { LintNotice } from '../engine/result.js';

/** Notices that say the same thing about several files. */
export interface NoticeGroup {
  kind: LintNotice['kind'];
  /** What the notices say (per-file details that differ, such as the text's language, merged). */
  message: string;
  /** The files concerned, in the order they came, each once; empty for run-wide notices. */
  files: string[];
}

/** `… did not apply: English only; the text is de`: the language differs from file to file. */
const LANGUAGE = /^(.*); the text is ([A-Za-z0-9-]+)$/s;

/** Groups notices by kind and message, keeping the order in which each reason first came. */
export function groupNotices(notices: readonly LintNotice[]): NoticeGroup[] {
  const groups = new Map<string, { kind: LintNotice['kind']; base: string; languages: string[]; files: string[] }>();
  for (const notice of notices) {
    const match = notice.kind === 'not-applied' ? LANGUAGE.exec(notice.message) : null;
    const base = match ? match[1]! : notice.message;
    const key = `${notice.kind}\u0000${base}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: notice.kind, base, languages: [], files: [] }));
    if (match && !group.languages.includes(match[2]!)) group.languages.push(match[2]!);
    // A notice the engine already collapsed lists its files (collapseNotices in src/engine/notices.ts).
    for (const file of notice.files ?? (notice.file !== undefined ? [notice.file] : [])) if (!group.files.includes(file)) group.files.push(file);
  }
  return [...groups.values()].map(({ kind, base, languages, files }) => ({
    kind,
    message: languages.length === 0 ? base : `${base}; the text is ${orList([...languages].sort())}`,
    files,
  }));
}

/** One line for a group: `file: message` for one file, `message (7 files: a, b, c and 4 more)` for several. */
export function noticeLine(group: NoticeGroup, maxFiles = 3): string {
  if (group.files.length === 0) return group.message;
  if (group.files.length === 1) return `${group.files[0]}: ${group.message}`;
  const named = group.files.slice(0, maxFiles);
  const rest = group.files.length - named.length;
  return `${group.message} (${group.files.length} files: ${rest > 0 ? `${named.join(', ')} and ${rest} more` : andList(named)})`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
