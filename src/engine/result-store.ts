/**
 * Where the results of a run wait for the report. A report needs them in file order and only
 * after the campaign phase, but holding every file's findings (and text, for code frames) makes
 * memory grow with the repository. In `spill` mode each finished result is written to a temporary
 * file as one JSON line and read back, one at a time, when the report is written; only the
 * campaign members (which the campaign phase still changes) and a summary stay in memory. A
 * result's text is not kept when it is the file on disk: it is read again for the report.
 */
import { isPdfFile } from './read.js';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createResult, type LintResult } from './result.js';
import { fileScore, type FileScore } from './score.js';

export type ResultStoreMode = 'memory' | 'spill';

interface Slot {
  /** In memory (memory mode, campaign members, results still to be settled). */
  result?: LintResult;
  /** In the spill file: byte offset and length of its line. */
  offset?: number;
  length?: number;
  /** The text was dropped: read the file again for it. */
  reread?: boolean;
  /** A spilled result's counts and score, so that the run's totals read nothing back. */
  tally?: ResultTally;
}

/** What the run's totals (summary, scores) need of one result. */
export interface ResultTally {
  channel: string | null;
  campaign?: string;
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** Its own `score`, else {@link fileScore} of all its findings. */
  score: FileScore;
}

export class ResultStore implements Iterable<LintResult> {
  private readonly slots: Array<Slot | undefined> = [];
  /** Results that come after the files (campaign briefs with problems). */
  private readonly trailing: LintResult[] = [];
  private spill: { folder: string; fd: number; size: number } | null = null;
  /** Closes the store at exit; removed by close(), so that a long-lived process (the lint server) keeps no listener per run. */
  private readonly closeAtExit = (): void => this.close();

  constructor(readonly mode: ResultStoreMode = 'memory') {}

  /**
   * Adds the result of the file at `index` (the order of the report). `textOnDisk`: its text is
   * the file's on disk, so it need not be kept (or came without it) and is read again.
   */
  add(index: number, result: LintResult, textOnDisk: boolean): void {
    if (this.mode === 'memory' || result.campaignData !== undefined || result.pending !== undefined) {
      this.slots[index] = { result, reread: textOnDisk && result.source === undefined };
      return;
    }
    // A PDF's text is the text read from it: kept, never read again from the file.
    const reread = textOnDisk && !(isPdfFile(result.file) && result.source !== undefined);
    const { source, ...rest } = result;
    const record = Buffer.from(`${JSON.stringify(reread ? rest : { ...rest, ...(source !== undefined ? { source } : {}) })}\n`, 'utf8');
    const spill = this.openSpill();
    writeSync(spill.fd, record, 0, record.length, spill.size);
    this.slots[index] = { offset: spill.size, length: record.length, reread, tally: tallyOf(result) };
    spill.size += record.length;
  }

  /** Appends a result after every file's. */
  addTrailing(result: LintResult): void {
    this.trailing.push(result);
  }

  /** The results the campaign phase works on (kept in memory), in order. */
  campaignMembers(): LintResult[] {
    return this.slots.flatMap((slot) => (slot?.result && (slot.result.campaignData !== undefined || slot.result.pending !== undefined) ? [slot.result] : []));
  }

  /** Replaces results kept in memory (the campaign phase's settled ones), matched by file. */
  replace(settled: readonly LintResult[]): void {
    const byFile = new Map(settled.map((result) => [result.file, result]));
    for (const slot of this.slots) {
      const next = slot?.result ? byFile.get(slot.result.file) : undefined;
      if (slot && next) slot.result = next;
    }
  }

  get size(): number {
    return this.slots.filter((slot) => slot !== undefined).length + this.trailing.length;
  }

  /** Every result in report order; a spilled one is read back (with its text) as it is reached. */
  *[Symbol.iterator](): Iterator<LintResult> {
    for (const slot of this.slots) {
      if (!slot) continue;
      if (!slot.result) yield this.readBack(slot);
      else yield slot.reread && slot.result.source === undefined ? withText(slot.result) : slot.result;
    }
    yield* this.trailing;
  }

  /** The counts and score of every result in report order, without reading spilled ones back. */
  *tallies(): Iterable<ResultTally> {
    for (const slot of this.slots) {
      if (!slot) continue;
      yield slot.result ? tallyOf(slot.result) : slot.tally!;
    }
    for (const result of this.trailing) yield tallyOf(result);
  }

  /** Maps every result (a baseline, `--quiet`) without reading them all in. */
  map(transform: (result: LintResult) => LintResult): Iterable<LintResult> {
    const store = this;
    return {
      *[Symbol.iterator]() {
        for (const result of store) yield transform(result);
      },
    };
  }

  toArray(): LintResult[] {
    return [...this];
  }

  /** Removes the spill file. */
  close(): void {
    if (!this.spill) return;
    process.off('exit', this.closeAtExit);
    try {
      closeSync(this.spill.fd);
    } catch {
      // already closed
    }
    rmSync(this.spill.folder, { recursive: true, force: true });
    this.spill = null;
  }

  private openSpill(): { folder: string; fd: number; size: number } {
    if (!this.spill) {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'brandlint-results-'));
      this.spill = { folder, fd: openSync(path.join(folder, 'results.jsonl'), 'w+', 0o600), size: 0 };
      // The file holds findings about the user's content: never left behind.
      process.once('exit', this.closeAtExit);
    }
    return this.spill;
  }

  private readBack(slot: Slot): LintResult {
    const buffer = Buffer.allocUnsafe(slot.length!);
    readSync(this.spill!.fd, buffer, 0, slot.length!, slot.offset!);
    const result = JSON.parse(buffer.toString('utf8')) as LintResult;
    return slot.reread ? withText(result) : result;
  }
}

function tallyOf(result: LintResult): ResultTally {
  return {
    channel: result.channel,
    ...(result.campaign !== undefined ? { campaign: result.campaign } : {}),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableCount: result.fixableCount,
    score: result.score ?? fileScore(result),
  };
}

/**
 * The result with its file's text, read again when something reads `source` (code frames,
 * fingerprints): a report that shows no text (JSON) reads no file.
 */
function withText(result: LintResult): LintResult {
  let text: string | undefined;
  let read = false;
  return Object.defineProperty({ ...result }, 'source', {
    enumerable: true,
    configurable: true,
    get() {
      if (!read) {
        read = true;
        text = readText(result.absolutePath);
      }
      return text;
    },
  });
}

/** A file's text as the runner read it (UTF-8, without a byte-order mark); undefined when it cannot be read any more. */
function readText(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
