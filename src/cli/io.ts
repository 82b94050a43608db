import { createColors } from 'picocolors';

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
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

export type Colors = ReturnType<typeof createColors>;

/** Colors only for a terminal, never in CI or when NO_COLOR is set; FORCE_COLOR forces them. */
export function colorsFor(io: CliIo, option?: boolean): Colors {
  if (option !== undefined) return createColors(option);
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return createColors(true);
  const enabled = io.isTTY && !io.env.NO_COLOR && !io.env.CI && io.env.TERM !== 'dumb';
  return createColors(enabled);
}

/** A problem with how brandlint was called or configured: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
