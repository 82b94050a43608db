#!/usr/bin/env node
/**
 * `npm run fuzz`: the property tests of every channel adapter and of the fixer
 * (test/channels/properties/), with many more inputs than `npm test` and a fresh seed each run.
 *
 *   npm run fuzz                         # 100,000 inputs per adapter, 2,000 per adapter for the fixer
 *   npm run fuzz -- --runs 5000 --fix-runs 200
 *
 * Prints one line per adapter and property (inputs, failures, and the counterexample of a
 * failure), then a total. Exit code 1 when any property failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} must be a whole number above 0`);
    process.exit(2);
  }
  return value;
};
const runs = option('--runs', 100_000);
const fixRuns = option('--fix-runs', 2_000);

const folder = mkdtempSync(path.join(os.tmpdir(), 'brandlint-fuzz-'));
const report = path.join(folder, 'report.jsonl');
const started = Date.now();
const vitest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/channels/properties', 'test/engine/fix.properties.test.ts', '--reporter=dot'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_FIX_RUNS: String(fixRuns), FUZZ_REPORT: report } },
);

let entries = [];
try {
  entries = readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
} catch {
  // No report: vitest failed before any property ran (its output above says why).
}
rmSync(folder, { recursive: true, force: true });

entries.sort((a, b) => (a.kind === b.kind ? (a.adapter < b.adapter ? -1 : 1) : a.kind === 'adapter' ? -1 : 1));
let inputs = 0;
let failures = 0;
for (const entry of entries) {
  inputs += entry.inputs;
  if (entry.failed) failures++;
  const what = entry.kind === 'adapter' ? 'adapter' : 'fixer  ';
  console.log(`${what} ${entry.adapter.padEnd(24)} ${String(entry.inputs).padStart(7)} inputs  ${entry.failed ? 'FAILED' : '0 failures'}`);
  if (entry.failed) console.log(`    ${entry.failure.error}\n    counterexample: ${entry.failure.counterexample}\n    seed: ${entry.failure.seed}`);
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`fuzz: ${entries.filter((e) => e.kind === 'adapter').length} adapters x ${runs} inputs, fixer ${fixRuns} per adapter: ${inputs} inputs, ${failures} failures (${minutes} min)`);
process.exit(failures > 0 || vitest.status !== 0 || entries.length === 0 ? 1 : 0);
