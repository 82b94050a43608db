/**
 * The work of a worker thread: lint batches of files as the main thread would, and send back
 * their results. A worker prepares the run once (configuration, rules, brand) and keeps it for
 * every batch; results come back without the files' text when it is the text on disk (the report
 * reads it again), so that little is copied between threads.
 */
import { isPdfFile } from './read.js';
import { FolderLintCache, type CacheHandle } from './cache.js';
import { spillResult, staysInMemory, type SpilledResult } from './result-store.js';
import { prepareRun, type PreparedRun } from './prepare.js';
import type { LintNotice, LintResult } from './result.js';
import { lintFiles, loadContentParser, type LintTarget } from './runner.js';
import { campaignResolver } from './campaign-resolver.js';
import { timelineMark, timelineSpan } from './timeline.js';
import { takeTimings, timingEnabled } from './rule-timing.js';

/** Everything a worker needs to lint like the main thread (plain data: it crosses threads). */
export interface WorkerSetup {
  cwd: string;
  configFile?: string;
  fix?: 'write' | 'dry-run';
  maxFileSize?: number;
  cache?: CacheHandle;
  /** Time the rules may take on one file (tests lower it). */
  timeLimitMs?: number;
  brandCache?: { folder: string; build: string };
  /**
   * The results wait in a spill file (result-store.ts): each is sent written already (with its
   * JSON report entry when `jsonEntries`), except campaign members, which stay whole.
   */
  spill?: { jsonEntries: boolean | 'only' };
}

export interface WorkerTask {
  setup: WorkerSetup;
  /** The files of the batch, each with its place in the run. */
  files: Array<LintTarget & { index: number }>;
}

export interface WorkerReply {
  /** Each file's result, or with `spill` the result written to text (see spillResult). */
  results: Array<{ index: number; result: LintResult | SpilledResult }>;
  /** The notices of each file of the batch that has any (by its place in the run). */
  notices: Array<{ index: number; notices: LintNotice[] }>;
  cacheHits: number;
  cacheMisses: number;
  /** With BRANDLINT_TIMING, this thread's time per step for the batch (rule-timing.ts). */
  timings?: Array<[string, number]>;
  /** The run could not be prepared here (the main thread prepared it, so this is unexpected). */
  failure?: string;
}

let prepared: { key: string; run: Promise<PreparedRun | string> } | undefined;

function prepareOnce(setup: WorkerSetup): Promise<PreparedRun | string> {
  const key = JSON.stringify([setup.cwd, setup.configFile ?? null]);
  if (prepared?.key !== key) {
    prepared = {
      key,
      run: timelineSpan('prepare', () => prepareRun({
        cwd: setup.cwd,
        ...(setup.configFile !== undefined ? { configFile: setup.configFile } : {}),
        ...(setup.brandCache ? { brandCache: setup.brandCache } : {}),
      })).then((outcome) =>
        outcome.ok ? outcome.run : `${outcome.message}: ${outcome.diagnostics.map((d) => d.message).join('; ')}`,
      ),
    };
  }
  return prepared.run;
}

export async function lintBatch(task: WorkerTask): Promise<WorkerReply> {
  const run = await prepareOnce(task.setup);
  if (typeof run === 'string') return { results: [], notices: [], cacheHits: 0, cacheMisses: 0, failure: run };
  const reply = await lintBatchWith(run, task);
  if (timingEnabled()) reply.timings = takeTimings();
  return reply;
}

/** A batch linted with a prepared run (a worker's, or the main thread's own). */
export async function lintBatchWith(run: PreparedRun, task: WorkerTask, options: { yieldBetweenFiles?: boolean } = {}): Promise<WorkerReply> {
  const { setup } = task;
  timelineMark('batch+', `${task.files.length} ${task.files[0]?.index ?? ''}`);
  const cache = setup.cache ? new FolderLintCache(setup.cache) : undefined;
  const results: WorkerReply['results'] = [];
  const outcome = await lintFiles({
    files: task.files,
    rules: run.rules,
    brand: run.brand,
    parse: await loadContentParser(),
    campaignOf: campaignResolver(run.config),
    defaultLocale: run.config.locale,
    ...(setup.fix ? { fix: setup.fix } : {}),
    ...(setup.maxFileSize !== undefined ? { maxFileSize: setup.maxFileSize } : {}),
    ...(setup.timeLimitMs !== undefined ? { timeLimitMs: setup.timeLimitMs } : {}),
    ...(cache ? { cache } : {}),
    // One file at a time, yielding after each (files are read synchronously: more at once would only delay the yield).
    ...(options.yieldBetweenFiles ? { yieldBetweenFiles: true, concurrency: 1 } : {}),
    onResult: (at, result) =>
      results.push({
        index: task.files[at]!.index,
        result: setup.spill && !staysInMemory(result) ? spillResult(result, true, setup.spill.jsonEntries) : withoutDiskText(result, setup),
      }),
  });
  timelineMark('batch-');
  const notices = outcome.noticesByFile.flatMap((fileNotices, at) => (fileNotices.length > 0 ? [{ index: task.files[at]!.index, notices: fileNotices }] : []));
  return { results, notices, cacheHits: cache?.hits ?? 0, cacheMisses: cache?.misses ?? 0 };
}

/** The result without the file's text when the text is the file on disk (read again for the report). */
function withoutDiskText(result: LintResult, setup: WorkerSetup): LintResult {
  // A PDF's text is the text read from it, not the file on disk: it travels with the result.
  if (result.source === undefined || isPdfFile(result.file) || (result.output !== undefined && setup.fix !== 'write')) return result;
  const { source: _text, ...rest } = result;
  return rest;
}
