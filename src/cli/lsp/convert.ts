/**
 * brandlint's diagnostics as the Language Server Protocol words them. brandlint positions are
 * 1-based lines and columns counted in UTF-16 code units with a 0-based UTF-16 `offset`
 * (src/core/position.ts); LSP positions are 0-based lines and UTF-16 characters. The offset is
 * the exact one, so positions are derived from it on the text that was linted, with the same
 * line breaks LSP counts (`\n`, `\r\n`, `\r`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic, Position as LspPosition, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Diagnostic } from '../../core/diagnostic.js';
import { LineIndex, type Position, type Range } from '../../core/position.js';
import { packageRoot } from '../package-info.js';

/** LSP `DiagnosticSeverity`: Error 1, Warning 2. */
const SEVERITY = { error: 1, warning: 2 } as const;

export const LSP_SOURCE = 'brandlint';

/** Maps positions of one text (the text the diagnostics were found in) to LSP positions. */
export class LspPositions {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(position: Position): LspPosition {
    const offset = Number.isInteger(position.offset) ? position.offset : this.lines.offsetAt(position.line, position.column);
    const at = this.lines.positionAt(offset);
    return { line: at.line - 1, character: at.column - 1 };
  }

  range(range: Range | null): LspRange {
    if (!range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: this.position(range.start), end: this.position(range.end) };
  }

  /** The UTF-16 offset of an LSP position (a character past the line's end means its end, as LSP says). */
  offsetAt(position: LspPosition): number {
    if (position.line < 0) return 0;
    const lineStart = this.lines.offsetAt(position.line + 1, 1);
    let lineEnd = lineStart;
    while (lineEnd < this.text.length && this.text[lineEnd] !== '\n' && this.text[lineEnd] !== '\r') lineEnd++;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  edit(edit: { range: Range; text: string }): LspTextEdit {
    return { range: this.range(edit.range), newText: edit.text };
  }
}

/** The docs page of a rule: its README in the installed package as a file URL, else the diagnostic's own docs URL. */
export function ruleDocsHref(ruleId: string, fallback: string | undefined): string | undefined {
  if (/^[a-z0-9-]+$/.test(ruleId)) {
    const readme = path.join(packageRoot(), 'rules', ruleId, 'README.md');
    if (existsSync(readme)) return pathToFileURL(readme).href;
  }
  return fallback;
}

/** One brandlint diagnostic as an LSP diagnostic (`data` holds its index among the document's findings). */
export function toLspDiagnostic(diagnostic: Diagnostic, positions: LspPositions, index: number): LspDiagnostic {
  const href = ruleDocsHref(diagnostic.ruleId, diagnostic.docsUrl);
  return {
    range: positions.range(diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: LSP_SOURCE,
    message: diagnostic.message,
    data: { index },
  };
}

/** Whether two LSP ranges touch (a cursor at either end of a finding counts). */
export function rangesTouch(a: LspRange, b: LspRange): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

export function before(a: LspPosition, b: LspPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
