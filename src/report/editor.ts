/**
 * Opening `$VISUAL` / `$EDITOR` at a file position, with each editor family's convention:
 * `+line file` (vi, vim, nvim, nano, emacs, micro, kakoune, joe, ...), `-g file:line:column`
 * (VS Code and its forks), `file:line:column` (Sublime Text, Zed, Helix).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface EditorCommand {
  command: string;
  args: string[];
}

const GOTO_FLAG = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor', 'windsurf']);
const COLON_SUFFIX = new Set(['subl', 'sublime_text', 'zed', 'hx', 'helix', 'mate']);

/** Splits an `$EDITOR` value into words (double or single quotes group words, as a shell would). */
export function splitCommandLine(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let started = false;
  for (const char of text.trim()) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || current) words.push(current);
      current = '';
      started = false;
    } else current += char;
  }
  if (started || current) words.push(current);
  return words;
}

/** The command that opens `file` at `line`/`column` with the user's editor (`vi` when none is set). */
export function editorCommand(env: Record<string, string | undefined>, file: string, line: number, column: number): EditorCommand {
  const words = splitCommandLine(env.VISUAL || env.EDITOR || 'vi');
  const [command = 'vi', ...options] = words;
  const name = path.basename(command).replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
  if (GOTO_FLAG.has(name)) return { command, args: [...options, '-g', `${file}:${line}:${column}`] };
  if (COLON_SUFFIX.has(name)) return { command, args: [...options, `${file}:${line}:${column}`] };
  return { command, args: [...options, `+${line}`, file] };
}

/** Runs the editor in the terminal and waits for it; returns an error message when it could not start or failed. */
export function runEditor(editor: EditorCommand): string | null {
  const outcome = spawnSync(editor.command, editor.args, { stdio: 'inherit' });
  if (outcome.error) return `cannot start ${editor.command}: ${outcome.error.message}`;
  if (outcome.status !== 0 && outcome.status !== null) return `${editor.command} exited with code ${outcome.status}`;
  return null;
}
