/**
 * Linting on several cores: worker threads (tinypool) take batches of files, each worker having
 * prepared the run once, and the results come back to the main thread in file order, so the
 * report is byte for byte the one a single thread writes. The campaign phase stays in the main
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
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker.js';

/** `--concurrency`: worker threads, or `auto` (by the size of the run and the cores), or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * Below this much content a run stays on one thread: each worker prepares the run again (about
 * a third of a CPU second with the example brand), which a small run does not win back
 * (measured with `npm run bench`, see docs/performance.md).
 */
export const AUTO_MIN_BYTES = 2 * 1024 * 1024;
export const AUTO_MIN_FILES = 16;

/** Files per batch, and bytes: small enough to spread the work, large enough to pay the messages. */
const BATCH_FILES = 24;
const BATCH_BYTES = 512 * 1024;

/**
 * The worker threads a run uses besides the main thread (0: none) for the files it lints. The
 * main thread lints batches too: `concurrency` counts it, so 2 means one worker thread.
 */
export function workerCount(concurrency: Concurrency, files: number, bytes: number): number {
  if (concurrency === 'off') return 0;
  if (typeof concurrency === 'number') return Math.max(0, Math.floor(concurrency) - 1);
  const cores = availableParallelism();
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
  onResult: (index: number, result: LintResult) => void;
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

export async function lintInPool(options: PoolRunOptions): Promise<PoolRun> {
  const { default: Tinypool } = await importModule<{ default: new (options: Record<string, unknown>) => TinypoolLike }>('tinypool');
  const pool = new Tinypool({
    filename: options.entry ?? workerEntry(),
    minThreads: options.threads,
    maxThreads: options.threads,
  });
  const batches = batchesOf(options.files);
  const noticesByBatch: LintNotice[][] = batches.map(() => []);
  let done = 0;
  let cacheHits = 0;
  let cacheMisses = 0;
  const limit = options.setup.timeLimitMs ?? FILE_TIME_LIMIT_MS;

  const runBatch = async (files: WorkerTask['files'], notices: LintNotice[], local: boolean): Promise<void> => {
    if (local) {
      accept(await options.local({ setup: options.setup, files }), notices);
      return;
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
        for (const file of files) await runBatch([file], notices, false);
        return;
      }
      const file = files[0]!;
      options.onResult(file.index, timedOut(file, limit));
      return;
    } finally {
      clearTimeout(timer);
    }
    accept(reply, notices);
  };
  const accept = (reply: WorkerReply, notices: LintNotice[]): void => {
    if (reply.failure !== undefined) throw new Error(`a worker could not prepare the run: ${reply.failure}`);
    for (const { index, result } of reply.results) options.onResult(index, result);
    notices.push(...reply.notices);
    cacheHits += reply.cacheHits;
    cacheMisses += reply.cacheMisses;
  };

  try {
    let next = 0;
    const lane = async (local: boolean): Promise<void> => {
      while (next < batches.length) {
        const at = next++;
        await runBatch(batches[at]!, noticesByBatch[at]!, local);
        done += batches[at]!.length;
        options.onProgress?.(done, options.files.length);
      }
    };
    // The workers' lanes first: they start while the main thread takes its first batch.
    await Promise.all([...Array.from({ length: options.threads }, () => lane(false)), lane(true)]);
  } finally {
    await pool.destroy();
  }
  return { notices: noticesByBatch.flat(), cacheHits, cacheMisses };
}

/** Consecutive files in batches of at most BATCH_FILES files or BATCH_BYTES bytes. */
function batchesOf(files: PoolRunOptions['files']): Array<WorkerTask['files']> {
  const batches: Array<WorkerTask['files']> = [];
  let batch: WorkerTask['files'] = [];
  let bytes = 0;
  files.forEach((file, index) => {
    if (batch.length > 0 && (batch.length >= BATCH_FILES || bytes + file.size > BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push({ absolutePath: file.absolutePath, file: file.file, channel: file.channel, index });
    bytes += file.size;
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
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
