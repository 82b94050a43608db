/**
 * A timeline of a run for finding idle cores: with `BRANDLINT_TIMELINE=1`, each thread writes one
 * line to stderr per step it starts or ends (milliseconds since the process started, the thread,
 * the step, the process's resident memory and this thread's heap), e.g. `brandlint-timeline 1234.5 main batch+ 17`. Nothing is written otherwise.
 */
import { createRequire } from 'node:module';

const enabled = Boolean(process.env['BRANDLINT_TIMELINE']);
let thread: string | undefined;

/** `main` or `w<threadId>`; node:worker_threads is loaded only when the timeline is on (it costs a one-file run milliseconds). */
function threadName(): string {
  if (thread === undefined) {
    const { threadId } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    thread = threadId === 0 ? 'main' : `w${threadId}`;
  }
  return thread;
}

/** Notes a step of this thread (`name` ending in `+` starts it, in `-` ends it). */
export function timelineMark(name: string, detail?: string | number): void {
  if (!enabled) return;
  process.stderr.write(`brandlint-timeline ${(process.uptime() * 1000).toFixed(1)} ${threadName()} ${name}${detail === undefined ? '' : ` ${detail}`} rss=${Math.round(process.memoryUsage.rss() / 1048576)}M heap=${Math.round(process.memoryUsage().heapUsed / 1048576)}M\n`);
}

/** Runs `work` between a start and an end mark. */
export async function timelineSpan<T>(name: string, work: () => Promise<T> | T, detail?: string | number): Promise<T> {
  if (!enabled) return work();
  timelineMark(`${name}+`, detail);
  try {
    return await work();
  } finally {
    timelineMark(`${name}-`, detail);
  }
}
