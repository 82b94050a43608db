/**
 * Where the results of a run wait for the report. A report needs them in file order and only
 * after the campaign phase, but holding every file's findings (and text, for code frames) makes
 * memory grow with the repository. In `spill` mode each finished result is written to a temporary
 * file as one JSON line and read back, one at a time, when the report is written; only the
 * campaign members (which the campaign phase still changes) and a summary stay in memory. A
 * result's text is not kept when it is the file on disk: it is read again for the report.
 *
 * A result is written to text where it was made ({@link spillResult}: a worker thread writes its
 * own), so that the main thread only appends it. With `jsonEntries` (the run writes a JSON
 * report) its entry of that report is written with it (json-entry.ts); a result read back gives
 * the report that text, and the fields a report reads first (file, counts, score) without
 * parsing the rest: it is parsed only when something reads its findings.
 */
import { isPdfFile } from './read.js';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSON_ENTRY, jsonEntryText } from './json-entry.js';
import type { LintResult } from './result.js';
import { fileScore, type FileScore } from './score.js';

export type ResultStoreMode = 'memory' | 'spill';

interface Slot {
  /** In memory (memory mode, campaign members, results still to be settled). */
  result?: LintResult;
  /** In the spill file: the result (see {@link SpilledResult}). */
  spilled?: SpilledSlot;
  /** The text was dropped: read the file again for it. */
  reread?: boolean;
}

interface SpilledSlot {
  file: string;
  absolutePath: string;
  /** The result's own keys, in order (`source` last when it is read again). */
  keys: readonly string[];
  /** Byte offset and length of its record, then of its JSON report entry (none: 0). */
  offset: number;
  length: number;
  entryLength: number;
  /** Its counts and score, so that the run's totals read nothing back. */
  tally: ResultTally;
}

/** A result written to text for the spill file (by the thread that linted it; plain data, it crosses threads). */
export interface SpilledResult {
  file: string;
  absolutePath: string;
  /** The result as JSON (UTF-8), without its text when that is read again (`reread`). */
  record: Uint8Array;
  /** Its entry of the JSON report (json-entry.ts, UTF-8), when the run writes one. */
  entry?: Uint8Array;
  reread: boolean;
  keys: string[];
  tally: ResultTally;
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
  /**
   * Spilled results keep their JSON report entry (the run writes a JSON report); `only`: the
   * report reads nothing else of them, so the results themselves are not written (see {@link spillResult}).
   */
  readonly jsonEntries: boolean | 'only';
  /** Closes the store at exit; removed by close(), so that a long-lived process (the lint server) keeps no listener per run. */
  private readonly closeAtExit = (): void => this.close();

  constructor(readonly mode: ResultStoreMode = 'memory', options: { jsonEntries?: boolean | 'only' } = {}) {
    this.jsonEntries = options.jsonEntries ?? false;
  }

  /**
   * Adds the result of the file at `index` (the order of the report). `textOnDisk`: its text is
   * the file's on disk, so it need not be kept (or came without it) and is read again.
   */
  add(index: number, result: LintResult, textOnDisk: boolean): void {
    if (this.mode === 'memory' || staysInMemory(result)) {
      this.slots[index] = { result, reread: textOnDisk && result.source === undefined };
      return;
    }
    this.addSpilled(index, spillResult(result, textOnDisk, this.jsonEntries));
  }

  /** Adds a result already written to text (see {@link spillResult}; spill mode only). */
  addSpilled(index: number, spilled: SpilledResult): void {
    const spill = this.openSpill();
    const offset = spill.size;
    const length = writeSync(spill.fd, spilled.record, 0, spilled.record.length, offset);
    const entryLength = spilled.entry !== undefined ? writeSync(spill.fd, spilled.entry, 0, spilled.entry.length, offset + length) : 0;
    spill.size += length + entryLength;
    const { file, absolutePath, keys, tally } = spilled;
    this.slots[index] = { spilled: { file, absolutePath, keys, offset, length, entryLength, tally }, reread: spilled.reread };
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
      if (!slot.result) yield this.readBack(slot, false);
      else yield slot.reread && slot.result.source === undefined ? withText(slot.result) : slot.result;
    }
    yield* this.trailing;
  }

  /**
   * Every result in report order with its score fixed (`score`, see {@link ResultTally}): a
   * spilled one's is the one kept for it, so that nothing is read back for it.
   */
  scored(): Iterable<LintResult> {
    const store = this;
    return {
      *[Symbol.iterator]() {
        for (const slot of store.slots) {
          if (!slot) continue;
          if (!slot.result) yield store.readBack(slot, true);
          else yield withScore(slot.reread && slot.result.source === undefined ? withText(slot.result) : slot.result);
        }
        for (const result of store.trailing) yield withScore(result);
      },
    };
  }

  /** The counts and score of every result in report order, without reading spilled ones back. */
  *tallies(): Iterable<ResultTally> {
    for (const slot of this.slots) {
      if (!slot) continue;
      yield slot.result ? tallyOf(slot.result) : slot.spilled!.tally;
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

  /**
   * A spilled result as it was added (with `score` fixed when `scored`): its file, counts and score
   * are at hand; its other fields are read from the spill file when first read, all at once.
   */
  private readBack(slot: Slot, scored: boolean): LintResult {
    const spilled = slot.spilled!;
    const { tally } = spilled;
    let record: LintResult | undefined;
    const read = (): LintResult => {
      if (record) return record;
      // An `only` store wrote no result: a report that reads one is a bug, not an empty result.
      if (spilled.length === 0) throw new Error(`internal error: the findings of ${spilled.file} were read, but the run kept only its JSON report entry`);
      record = JSON.parse(this.readSpill(spilled.offset, spilled.length).toString('utf8')) as LintResult;
      return record;
    };
    // A text that is the file on disk is read when something reads it (a JSON report reads no file).
    let text: { value: string | undefined } | undefined;
    const readTextOnce = (): string | undefined => (text ??= { value: readText(spilled.absolutePath) }).value;
    const known: Partial<Record<string, unknown>> = {
      file: spilled.file,
      absolutePath: spilled.absolutePath,
      channel: tally.channel,
      campaign: tally.campaign,
      errorCount: tally.errorCount,
      warningCount: tally.warningCount,
      fixableCount: tally.fixableCount,
      score: tally.score,
    };
    const result = {} as LintResult;
    for (const key of spilled.keys) {
      if (key === 'source' && slot.reread) Object.defineProperty(result, key, { get: readTextOnce, enumerable: true, configurable: true });
      else if (key in known) Object.defineProperty(result, key, { value: known[key], enumerable: true, configurable: true, writable: true });
      else Object.defineProperty(result, key, { get: () => read()[key as keyof LintResult], enumerable: true, configurable: true });
    }
    if (scored && !spilled.keys.includes('score')) result.score = tally.score;
    if (spilled.entryLength > 0) {
      Object.defineProperty(result, JSON_ENTRY, { value: () => this.readSpill(spilled.offset + spilled.length, spilled.entryLength) });
    }
    return result;
  }

  private readSpill(offset: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    readSync(this.spill!.fd, buffer, 0, length, offset);
    return buffer;
  }
}

/** Campaign members stay in memory: the campaign phase still changes them. */
export function staysInMemory(result: LintResult): boolean {
  return result.campaignData !== undefined || result.pending !== undefined;
}

/**
 * A result as the spill file holds it (a campaign member is never spilled: see {@link staysInMemory}).
 * `textOnDisk`: its text is the file on disk, read again for the report; `jsonEntry`: also write
 * its entry of the JSON report; `only`: write that entry alone, when the report is the JSON
 * report and nothing else reads the findings (the result's own JSON was a sixth of a stylesheet
 * run's time on the thread that linted it, and it was never read back).
 */
export function spillResult(result: LintResult, textOnDisk: boolean, jsonEntry: boolean | 'only'): SpilledResult {
  // A PDF's text is the text read from it: kept, never read again from the file.
  const reread = textOnDisk && !(isPdfFile(result.file) && result.source !== undefined);
  const { source, ...rest } = result;
  const kept = reread || source === undefined ? rest : { ...rest, source };
  const tally = tallyOf(result);
  return {
    file: result.file,
    absolutePath: result.absolutePath,
    record: jsonEntry === 'only' ? NO_RECORD : Buffer.from(JSON.stringify(kept), 'utf8'),
    ...(jsonEntry ? { entry: Buffer.from(jsonEntryText(result, tally.score), 'utf8') } : {}),
    reread,
    // As JSON.parse would give them back: keys whose value is undefined are not written.
    keys: [...Object.keys(kept).filter((key) => kept[key as keyof typeof kept] !== undefined), ...(reread ? ['source'] : [])],
    tally,
  };
}

const NO_RECORD = new Uint8Array(0);

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

/**
 * The result with its score fixed: itself when it has one, else a copy that keeps its properties
 * as they are, so that a `source` read only on demand is still not read (`{ ...result }` would read it).
 */
function withScore(result: LintResult): LintResult {
  if (result.score) return result;
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as LintResult;
  copy.score = fileScore(result);
  return copy;
}
