import type { CliIo } from './io.js';

/** Fewer files than this finish before a bar would be worth drawing. */
export const PROGRESS_MIN_FILES = 50;
const WIDTH = 24;
/** Redraws at most this often (ms): a bar must not slow the run it reports on. */
const REDRAW_MS = 80;

/**
 * A one-line progress bar on stderr, `[########----------------] 312/1200 files`, for long runs
 * in a terminal only: never when stderr is not a TTY, in CI (`CI` set), with `TERM=dumb`, or
 * for a handful of files. Returns undefined when there is no bar to draw.
 */
export function createProgress(io: Pick<CliIo, 'stderr' | 'env' | 'stderrIsTTY'>, now: () => number = Date.now): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY || io.env.CI || io.env.TERM === 'dumb') return undefined;
  let last = 0;
  let drawn = false;
  return (done, total) => {
    if (total < PROGRESS_MIN_FILES) return;
    const time = now();
    if (done < total && time - last < REDRAW_MS) return;
    last = time;
    if (done >= total) {
      // Clear the line so that the report starts clean.
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
      return;
    }
    const filled = Math.round((done / total) * WIDTH);
    io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files`);
    drawn = true;
  };
}
