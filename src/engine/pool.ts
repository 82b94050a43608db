/**
 * Linting on several cores: worker threads (tinypool) take batches of files, each worker having
 * prepared the run once, and the main thread lints batches too (see BatchQueue for who takes
 * which files). Results and notices are put back in file order, so the report is byte for byte
 * the one a single thread writes. The campaign phase stays in the main
 * thread: it works on the results only, so the workers share no state.
 *
 * A batch that takes far longer than it should is stopped (its worker is ended), and its files are
 * linted again one by one; a file that still runs out of time gets an `internal/timeout` finding
 * and the run goes on.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../core/package-info.js';
import { importModule } from '../core/dynamic-import.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { createResult, type LintNotice, type LintResult } from './result.js';
import { FILE_TIME_LIMIT_MS, type LintTarget } from './runner.js';
import type { SpilledResult } from './result-store.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker.js';
import { timelineMark } from './timeline.js';
import { mergeTimings } from './rule-timing.js';

/** `--concurrency`: worker threads, or `auto` (by the size of the run and the cores), or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * Below this much content a run stays on one thread: each worker prepares the run again (about
 * a third of a CPU second with the example brand), which a small run does not win back
 * (measured with `npm run bench`, see docs/performance.md). The same on two cores: since the
 * launcher holds TurboFan back (src/launcher/cli.ts), V8's own threads no longer keep the second
 * core half busy (W1's prose, 2.2 MB: 2.93 s on one thread, 2.52 s pooled).
 */
export const AUTO_MIN_BYTES = 2 * 1024 * 1024;
export const AUTO_MIN_FILES = 16;

/** Files per batch, and bytes: small enough to spread the work, large enough to pay the messages. */
const BATCH_FILES = 24;
const BATCH_BYTES = 512 * 1024;
/** The smallest byte budget of a batch at the end of a run. */
const MIN_BATCH_BYTES = 32 * 1024;

/**
 * The worker threads a run uses besides the main thread (0: none) for the files it lints. The
 * main thread lints batches too: `concurrency` counts it, so 2 means one worker thread. `cores`
 * is for tests.
 */
export function workerCount(concurrency: Concurrency, files: number, bytes: number, cores = availableParallelism()): number {
  if (concurrency === 'off') return 0;
  if (typeof concurrency === 'number') return Math.max(0, Math.floor(concurrency) - 1);
  if (cores < 2 || files < AUTO_MIN_FILES || bytes < AUTO_MIN_BYTES) return 0;
  return Math.min(cores, 4, Math.ceil(files / BATCH_FILES)) - 1;
}

export interface PoolRunOptions {
  setup: WorkerSetup;
  files: ReadonlyArray<LintTarget & { size: number }>;
  /** Worker threads besides the main thread. */
  threads: number;
  /** Lints a batch on the main thread (it takes batches like a worker). */
  local: (task: WorkerTask) => Promise<WorkerReply>;
  /** A result, or one written to text for a spilling store (see WorkerSetup `spill`). */
  onResult: (index: number, result: LintResult | SpilledResult) => void;
  onProgress?: (done: number, total: number) => void;
  /** The worker threads' entry (default {@link workerEntry}); tests give their own. */
  entry?: string;
}

export interface PoolRun {
  notices: LintNotice[];
  cacheHits: number;
  cacheMisses: number;
}

interface TinypoolLike {
  run(task: WorkerTask, options?: { signal?: AbortSignal }): Promise<WorkerReply>;
  destroy(): Promise<void>;
}

/** Where the worker threads start: a launcher that loads the bundle as the CLI does. */
export function workerEntry(): string {
  return path.join(packageRoot(), 'dist', 'src', 'launcher', 'worker.js');
}

/**
 * A worker's young generation: 48 MiB, the size V8 gives the main thread on 64-bit machines. A
 * parsed document outlives several collections of a smaller one, each copying it. 16 MiB kept
 * the peak lower when other memory made that matter (W1 311 -> 268 MiB); since then the peaks are
 * lower, and side by side (docs/performance.md) 48 MiB made W1 5% faster (224 -> 238 MiB), W2
 * 7% (209 -> 232 MiB) and W1 x2 5-13% (235-243 -> 257 MiB).
 */
const WORKER_YOUNG_GENERATION_MB = 48;

export async function lintInPool(options: PoolRunOptions): Promise<PoolRun> {
  const { default: Tinypool } = await importModule<{ default: new (options: Record<string, unknown>) => TinypoolLike }>('tinypool');
  const pool = new Tinypool({
    filename: options.entry ?? workerEntry(),
    minThreads: options.threads,
    maxThreads: options.threads,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  timelineMark('pool', options.threads);
  const queue = new BatchQueue(options.files, options.threads + 1);
  /** Each file's notices, by its index: reported in file order whoever linted it. */
  const noticesOf: Array<LintNotice[] | undefined> = [];
  let done = 0;
  let cacheHits = 0;
  let cacheMisses = 0;
  const limit = options.setup.timeLimitMs ?? FILE_TIME_LIMIT_MS;

  /**
   * Runs a batch and gives back what takes its results in (`settle`): a worker's lane asks for its
   * next batch before it takes in the last one's results, so the worker does not wait for that.
   */
  const runBatch = async (files: WorkerTask['files'], local: boolean): Promise<() => void> => {
    if (local) {
      const reply = await options.local({ setup: options.setup, files });
      return () => accept(reply);
    }
    const controller = new AbortController();
    // The rules stop themselves between rules; this ends a rule that never returns.
    const timer = setTimeout(() => controller.abort(), limit * files.length);
    let reply: WorkerReply;
    try {
      reply = await pool.run({ setup: options.setup, files }, { signal: controller.signal });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      if (files.length > 1) {
        // One of them is the slow one: each file on its own.
        for (const file of files) (await runBatch([file], false))();
        return () => {};
      }
      const file = files[0]!;
      return () => options.onResult(file.index, timedOut(file, limit));
    } finally {
      clearTimeout(timer);
    }
    return () => accept(reply);
  };
  const accept = (reply: WorkerReply): void => {
    if (reply.failure !== undefined) throw new Error(`a worker could not prepare the run: ${reply.failure}`);
    for (const { index, result } of reply.results) options.onResult(index, result);
    for (const { index, notices } of reply.notices) noticesOf[index] = notices;
    cacheHits += reply.cacheHits;
    cacheMisses += reply.cacheMisses;
    if (reply.timings) mergeTimings(reply.timings);
  };

  try {
    const lane = async (local: boolean): Promise<void> => {
      let settle: (() => void) | undefined;
      let settling = 0;
      const settled = (): void => {
        if (!settle) return;
        settle();
        done += settling;
        options.onProgress?.(done, options.files.length);
      };
      for (let batch = queue.take(local); batch.length > 0; batch = queue.take(local)) {
        // The task is handed over before the previous batch's results are taken in.
        const running = runBatch(batch, local);
        settled();
        settle = await running;
        settling = batch.length;
      }
      settled();
    };
    // The workers' lanes first: they start while the main thread takes its first batch.
    await Promise.all([...Array.from({ length: options.threads }, () => lane(false)), lane(true)]);
  } finally {
    timelineMark('lanes-');
    await pool.destroy();
  }
  return { notices: noticesOf.flatMap((notices) => notices ?? []), cacheHits, cacheMisses };
}

/**
 * The files still to lint, largest first. Worker threads take batches from the large end: a batch
 * crosses threads, so fewer, larger files pay its messages best. The main thread takes batches
 * from the small end: it answers the workers between two files, so its files are kept short. A
 * batch holds at most BATCH_FILES files and BATCH_BYTES bytes, and less towards the end of the
 * run (a share of what is left), so that every thread finishes at about the same time.
 */
export class BatchQueue {
  private readonly files: Array<WorkerTask['files'][number] & { size: number }>;
  private front = 0;
  private back: number;
  private bytesLeft = 0;

  constructor(files: PoolRunOptions['files'], private readonly lanes: number) {
    this.files = files.map((file, index) => ({ absolutePath: file.absolutePath, file: file.file, channel: file.channel, index, size: file.size }));
    // Stable: files of one size keep their order.
    this.files.sort((a, b) => b.size - a.size || a.index - b.index);
    this.back = this.files.length;
    for (const file of this.files) this.bytesLeft += file.size;
  }

  /** The next batch for a worker thread (from the large end) or the main thread (`small`); empty at the end. */
  take(small: boolean): WorkerTask['files'] {
    const budget = Math.max(MIN_BATCH_BYTES, Math.min(BATCH_BYTES, this.bytesLeft / (this.lanes * 4)));
    const batch: Array<WorkerTask['files'][number] & { size: number }> = [];
    let bytes = 0;
    while (this.front < this.back && batch.length < BATCH_FILES) {
      const file = small ? this.files[this.back - 1]! : this.files[this.front]!;
      if (batch.length > 0 && bytes + file.size > budget) break;
      if (small) this.back--;
      else this.front++;
      batch.push(file);
      bytes += file.size;
    }
    this.bytesLeft -= bytes;
    return batch.map(({ size: _size, ...file }) => file);
  }
}

function timedOut(target: LintTarget, limit: number): LintResult {
  const diagnostic: Diagnostic = {
    ruleId: 'internal/timeout',
    severity: 'error',
    message: `linting this file did not finish within ${Math.round(limit / 1000)} s and was stopped; its other findings are unknown. Split the file, or report the rule that is slow on it`,
    file: target.file,
    range: null,
  };
  return createResult({ file: target.file, absolutePath: target.absolutePath, channel: target.channel }, [diagnostic]);
}
