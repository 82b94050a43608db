/**
 * A value repeated many times in one file is one finding: a compiled stylesheet sets the same
 * off-palette color hundreds of times, and a report of 600 identical lines hides everything
 * else. From REPEAT_THRESHOLD occurrences of the same rule, severity and message in a file, the
 * first occurrence stays, says how many there are, and lists the others as related locations;
 * its fix holds the edits of every occurrence, so `--fix` still fixes each one.
 */
import type { Diagnostic, TextEdit } from '../core/diagnostic.js';
import { compareDiagnostics } from './result.js';

/** Occurrences of one finding in one file from which they are reported as one. */
export const REPEAT_THRESHOLD = 5;

/** Findings with a related location of their own (a contrast's background) keep it and are not grouped. */
export function groupRepeatedFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (!diagnostic.range || (diagnostic.related && diagnostic.related.length > 0)) continue;
    const key = `${diagnostic.file}\u0000${diagnostic.ruleId}\u0000${diagnostic.severity}\u0000${diagnostic.message}`;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  const grouped = new Map<Diagnostic, Diagnostic | null>();
  for (const group of groups.values()) {
    if (group.length < REPEAT_THRESHOLD) continue;
    const [first, ...others] = [...group].sort(compareDiagnostics);
    const edits: TextEdit[] = group.flatMap((d) => d.fix?.edits ?? []).sort((a, b) => a.range.start.offset - b.range.start.offset);
    const withFix = group.filter((d) => d.fix).length;
    grouped.set(first!, {
      ...first!,
      message: `${first!.message} (${group.length} times in this file)`,
      related: others.map((other) => ({ file: other.file, range: other.range, message: 'the same value again' })),
      data: { ...first!.data, count: group.length },
      ...(first!.fix && edits.length > 0 ? { fix: { description: withFix > 1 ? `${first!.fix.description} (${withFix} places)` : first!.fix.description, edits } } : {}),
    });
    for (const other of others) grouped.set(other, null);
  }
  if (grouped.size === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const replacement = grouped.get(diagnostic);
    if (replacement === undefined) out.push(diagnostic);
    else if (replacement !== null) out.push(replacement);
  }
  return out;
}
