#!/usr/bin/env node
// Benchmarks brandlint on the real-world corpus beside the repository (../shared/corpus, or
// BRANDLINT_CORPUS): throughput (files/s, MB/s) per kind of content with every rule on, the
// wall time of linting one file from a cold start (what a pre-commit hook pays), and peak
// memory. It runs the built CLI (npm ci builds it), so start-up cost is included where it
// should be. Not part of `npm test`: a fresh clone has no corpus.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.env.BRANDLINT_CORPUS ?? process.argv[2] ?? path.join(root, '../shared/corpus'));
if (!existsSync(corpus)) {
  console.error(`bench: no corpus at ${corpus} (set BRANDLINT_CORPUS or pass a folder)`);
  process.exit(2);
}
const bin = path.join(root, 'bin/brandlint.js');
if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) {
  console.error('bench: dist/ is missing; run `npm ci` (or `npm run build:ts`) first');
  process.exit(2);
}

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
const all = walk(corpus).filter((file) => !file.includes(`${path.sep}LICENSES${path.sep}`) && !/SOURCES\.md$/.test(file));
const pick = (folder, extensions) =>
  all.filter((file) => file.startsWith(path.join(corpus, folder) + path.sep) && extensions.some((ext) => file.endsWith(ext)));

const scenarios = [
  { name: 'CSS (landing .css/.scss)', files: pick('landing', ['.css', '.scss']) },
  { name: 'HTML email', files: pick('email', ['.html', '.htm']) },
  { name: 'HTML landing pages', files: pick('landing', ['.html', '.htm']) },
  { name: 'prose: social posts', files: pick('social', ['.md', '.tweet', '.csv']) },
  { name: 'prose: chatbot scripts', files: pick('chatbot', ['.yml', '.yaml', '.lg']) },
];

/** Runs the CLI under /usr/bin/time for wall seconds and peak RSS. */
function run(args) {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '__TIME__ %e %M', process.execPath, bin, ...args] : [bin, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const match = /__TIME__ ([\d.]+) (\d+)/.exec(result.stderr ?? '');
  let linted = 0;
  try {
    const report = JSON.parse(result.stdout);
    linted = report.results?.length ?? 0;
  } catch {
    // not JSON (a crash): reported below
  }
  return { code: result.status, wall, peakMiB: match ? Number(match[2]) / 1024 : NaN, linted, stderr: result.stderr };
}

const mb = (bytes) => bytes / 1024 / 1024;
const rows = [];
for (const scenario of scenarios) {
  if (scenario.files.length === 0) continue;
  const bytes = scenario.files.reduce((sum, file) => sum + statSync(file).size, 0);
  const result = run(['lint', '--format', 'json', '--max-file-size', '20mb', ...scenario.files]);
  if (result.code === 2 || result.linted === 0) {
    rows.push({ scenario: scenario.name, files: scenario.files.length, note: `not linted (exit ${result.code}): ${result.stderr.split('\n').find((line) => line.trim()) ?? ''}` });
    continue;
  }
  rows.push({
    scenario: scenario.name,
    files: result.linted,
    MB: mb(bytes).toFixed(2),
    seconds: result.wall.toFixed(2),
    'files/s': (result.linted / result.wall).toFixed(1),
    'MB/s': (mb(bytes) / result.wall).toFixed(2),
    'peak MiB': result.peakMiB.toFixed(0),
  });
}

// One file from a cold start, as a pre-commit hook runs it: the median of 7 runs.
const single = pick('email', ['.html'])[0];
if (single) {
  const times = [];
  let peak = 0;
  for (let i = 0; i < 7; i++) {
    const result = run(['lint', '--format', 'json', single]);
    times.push(result.wall);
    peak = Math.max(peak, result.peakMiB);
  }
  times.sort((a, b) => a - b);
  rows.push({ scenario: `one file, cold start (${path.basename(single)})`, files: 1, seconds: (times[3] ?? NaN).toFixed(3), 'peak MiB': peak.toFixed(0) });
}

console.log(`brandlint bench on ${corpus} (Node ${process.versions.node}, every rule on, example brand)`);
console.table(rows);
