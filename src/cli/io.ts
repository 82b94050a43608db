import { createColors } from 'picocolors';
import { formatDiagnosticLine, type Diagnostic } from '../core/diagnostic.js';
import { terminalOutput, terminalText } from '../core/terminal-text.js';
import type { LintNotice } from '../engine/result.js';
import { groupNotices, noticeLine } from '../report/notices.js';

/** Where a command writes and what it knows of its surroundings; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is an interactive terminal. */
  isTTY: boolean;
  /** Whether stderr is an interactive terminal (progress bars); false when absent. */
  stderrIsTTY?: boolean;
  /** The width of the terminal stdout / stderr is (help text wraps to it); absent when not a terminal. */
  stdoutColumns?: number;
  stderrColumns?: number;
  /**
   * Writes a file's text to stdout as it is (`lint --stdin --fix`): unchanged into a pipe, guarded
   * like every other write on a terminal. Absent: `stdout`.
   */
  writeSource?: (text: string) => void;
  /** The whole of standard input (`lint --stdin`); absent: there is none to read. */
  readStdin?: () => Promise<Uint8Array>;
}

export function processIo(): CliIo {
  return {
    // The last guard against control characters from files reaching the terminal (see terminal-text.ts).
    stdout: (text) => process.stdout.write(terminalOutput(text)),
    stderr: (text) => process.stderr.write(terminalOutput(text)),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
    ...(process.stderr.isTTY && process.stderr.columns ? { stderrColumns: process.stderr.columns } : {}),
    writeSource: (text) => process.stdout.write(process.stdout.isTTY ? terminalOutput(text) : text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks);
    },
  };
}

export type Colors = ReturnType<typeof createColors>;

/** Colors only for a terminal, never in CI or when NO_COLOR is set; FORCE_COLOR decides first. */
export function colorsFor(io: CliIo, option?: boolean): Colors {
  return createColors(option ?? colorWanted(io.env, io.isTTY));
}

/**
 * Whether to color output by the environment, as chalk and Node read it: `FORCE_COLOR=0` (or
 * `false`) turns colors off even on a terminal, any other `FORCE_COLOR` value turns them on even
 * when piped; otherwise a terminal gets colors unless `NO_COLOR` (any non-empty value), `CI` or
 * `TERM=dumb` is set.
 */
export function colorWanted(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  return isTTY && !env['NO_COLOR'] && !env['CI'] && env['TERM'] !== 'dumb';
}

/** Configuration problems (not findings in content) on stderr, one line each: level, place, message, rule id. */
export function printDiagnostics(io: Pick<CliIo, 'stderr'>, c: Colors, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    const level = diagnostic.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    io.stderr(`${level} ${terminalText(formatDiagnosticLine(diagnostic))}  ${c.dim(terminalText(diagnostic.ruleId))}\n`);
  }
}

/**
 * The notices of a run on stderr, one line per reason (repeated per-file notices collapse into
 * one line with a count). `afterReport`: a report was just printed on stdout, so a blank line
 * keeps the notes apart from its last line.
 */
export function printNotices(io: Pick<CliIo, 'stderr'>, c: Colors, notices: readonly LintNotice[], options: { afterReport?: boolean } = {}): void {
  const groups = groupNotices(notices);
  if (groups.length === 0) return;
  if (options.afterReport) io.stderr('\n');
  for (const group of groups) io.stderr(`${c.cyan('note')} ${terminalText(noticeLine(group))}\n`);
}

/** A notice of a lint run (skipped file, no brand, ...) on stderr. */
export function printNotice(io: Pick<CliIo, 'stderr'>, c: Colors, notice: LintNotice): void {
  const files = notice.files ?? (notice.file !== undefined ? [notice.file] : []);
  io.stderr(`${c.cyan('note')} ${terminalText(noticeLine({ kind: notice.kind, message: notice.message, files }))}\n`);
}

/** A problem with how brandlint was called or configured: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
