/**
 * Where a run's time goes, by rule and by channel adapter, as ESLint's `TIMING=1` shows it: with
 * `BRANDLINT_TIMING` set, `brandlint lint` prints a table of the slowest steps to stderr at the end.
 * `BRANDLINT_TIMING=all` lists every step; a number above 10 lists that many; anything else, 10.
 *
 * Rules share what a document computes lazily (words, sentences, colours): the first rule that
 * asks for a view pays for it, so a rule's time can include work the others then reuse.
 * Worker threads send their times back with each batch (worker.ts), and the main thread adds them.
 */

/** Milliseconds per step (`rule-id`, or `(parse <channel>)` for an adapter) in this thread, since the last take. */
const totals = new Map<string, number>();

/** Read at each call, not once: the lint server runs each request with its client's environment. */
export function timingEnabled(): boolean {
  const setting = process.env['BRANDLINT_TIMING'];
  return setting !== undefined && setting !== '' && setting !== '0';
}

/** Adds `ms` to a step's total (callers check {@link timingEnabled} first: no clock read otherwise). */
export function addTiming(step: string, ms: number): void {
  totals.set(step, (totals.get(step) ?? 0) + ms);
}

/** This thread's totals since the last take, as plain data (what a worker sends back). */
export function takeTimings(): Array<[string, number]> {
  const entries = [...totals];
  totals.clear();
  return entries;
}

/** Adds another thread's totals to this one's. */
export function mergeTimings(entries: ReadonlyArray<readonly [string, number]>): void {
  for (const [step, ms] of entries) addTiming(step, ms);
}

/** How many rows the table shows (ESLint's rule: `all`, or a number above 10, or 10). */
export function timingRows(value: string | undefined = process.env['BRANDLINT_TIMING']): number {
  if (value === 'all') return Number.POSITIVE_INFINITY;
  const count = Number.parseInt(value ?? '', 10);
  return Number.isFinite(count) && count > 10 ? count : 10;
}

/** The table of the slowest steps, slowest first, with each step's share of the total. */
export function formatTimings(entries: ReadonlyArray<readonly [string, number]>, rows: number): string {
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  const shown = [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, rows);
  const header = ['Step', 'Time (ms)', 'Relative'] as const;
  const lines = shown.map(([step, ms]) => [step, ms.toFixed(1), `${total > 0 ? ((ms * 100) / total).toFixed(1) : '0.0'}%`] as const);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly [string, string, string]): string =>
    `${cells[0].padEnd(widths[0]!)} | ${cells[1].padStart(widths[1]!)} | ${cells[2].padStart(widths[2]!)}`.trimEnd();
  const rule = `${'-'.repeat(widths[0]!)}-|-${'-'.repeat(widths[1]!)}-|-${'-'.repeat(widths[2]!)}`;
  return `${[format(header), rule, ...lines.map(format)].join('\n')}\n`;
}
