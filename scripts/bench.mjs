#!/usr/bin/env node
// Benchmarks brandlint on the real-world corpus beside the repository (../shared/corpus, or
// BRANDLINT_CORPUS): throughput (files/s, MB/s) per kind of content with every rule on, for a
// cold run and for a second run with --cache; the wall time of linting one file from a cold
// start and of `lint --staged` with one changed file in a git repository holding the corpus
// (what a pre-commit hook pays); and peak memory. Throughput is measured where start-up is
// amortised, as on a real content repository: each kind's corpus files are copied into a
// scratch folder as many times as it takes to reach BRANDLINT_BENCH_MB (default 5) megabytes,
// and one run lints them all; start-up is the separate one-file row. CPU seconds are reported
// beside wall seconds: on a shared machine they show what the run itself costs. It runs the built CLI (npm ci builds it), so
// start-up cost is included where it should be. It ends with the README's targets and whether
// they were met. Not part of `npm test`: a fresh clone has no corpus.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
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
function run(args, cwd = root) {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '__TIME__ %e %M %U %S', process.execPath, bin, ...args] : [bin, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const match = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  let linted = 0;
  try {
    const report = JSON.parse(result.stdout);
    linted = report.results?.length ?? 0;
  } catch {
    // not JSON (a crash): reported below
  }
  // CPU seconds (user + system) as well: on a busy machine they show what the run itself costs.
  const cpu = match ? Number(match[3]) + Number(match[4]) : NaN;
  return { code: result.status, wall, cpu, peakMiB: match ? Number(match[2]) / 1024 : NaN, linted, stderr: result.stderr };
}

const mb = (bytes) => bytes / 1024 / 1024;
const rows = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'brandlint-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Megabytes linted per throughput scenario (the corpus, copied as often as needed). */
const targetMB = Number(process.env.BRANDLINT_BENCH_MB ?? 5);
/** The scenario's files copied into scratch/<name>/copy-<k>/<path in the corpus> until they reach targetMB. */
function replicate(name, files) {
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const copies = Math.max(1, Math.ceil((targetMB * 1024 * 1024) / Math.max(bytes, 1)));
  const out = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const file of files) {
      const target = path.join(scratch, name, `copy-${copy}`, path.relative(corpus, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
      out.push(target);
    }
  }
  return { files: out, copies };
}
/** Measured throughput per kind of content, for the targets at the end. */
const measured = {};
function throughput(name, files, extraArgs = []) {
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const result = run(['lint', '--format', 'json', '--max-file-size', '20mb', ...extraArgs, ...files], root);
  if (result.code === 2 || result.linted === 0) {
    rows.push({ scenario: name, files: files.length, note: `not linted (exit ${result.code}): ${result.stderr.split('\n').find((line) => line.trim()) ?? ''}` });
    return null;
  }
  const row = {
    scenario: name,
    files: result.linted,
    MB: mb(bytes).toFixed(2),
    seconds: result.wall.toFixed(2),
    'files/s': (result.linted / result.wall).toFixed(1),
    'MB/s': (mb(bytes) / result.wall).toFixed(2),
    'CPU s': result.cpu.toFixed(2),
    'MB/CPU s': (mb(bytes) / result.cpu).toFixed(2),
    'peak MiB': result.peakMiB.toFixed(0),
  };
  rows.push(row);
  return { mbps: mb(bytes) / result.wall, cpuMbps: mb(bytes) / result.cpu, peakMiB: result.peakMiB };
}
scenarios.forEach((scenario, index) => {
  if (scenario.files.length === 0) return;
  const { files, copies } = replicate(`scenario-${index}`, scenario.files);
  const label = copies > 1 ? `${scenario.name} x${copies}` : scenario.name;
  const cold = throughput(`${label}, cold`, files);
  // --cache: the first run fills the cache, the second is the one measured.
  const cache = ['--cache', '--cache-location', path.join(scratch, `cache-${index}`)];
  run(['lint', '--format', 'json', '--max-file-size', '20mb', ...cache, ...files]);
  const cached = throughput(`${label}, cached`, files, cache);
  measured[scenario.name] = { cold, cached };
});

// One file from a cold start, as a pre-commit hook runs it: the median of 7 runs.
const single = pick('email', ['.html'])[0];
if (single) {
  const times = [];
  const cpus = [];
  let peak = 0;
  for (let i = 0; i < 7; i++) {
    const result = run(['lint', '--format', 'json', single]);
    times.push(result.wall);
    cpus.push(result.cpu);
    peak = Math.max(peak, result.peakMiB);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  rows.push({ scenario: `one file, cold start (${path.basename(single)})`, files: 1, seconds: (times[3] ?? NaN).toFixed(3), 'CPU s': (cpus[3] ?? NaN).toFixed(3), 'peak MiB': peak.toFixed(0) });
}

// `lint --staged` with one changed file, in a git repository holding the corpus and the example
// brand (what a pre-commit hook pays, campaign siblings included): the median of 5 runs.
let stagedSeconds = NaN;
let stagedPeak = 0;
const hasGit = spawnSync('git', ['--version']).status === 0;
if (hasGit && single) {
  const repo = path.join(scratch, 'repo');
  mkdirSync(repo);
  cpSync(path.join(root, 'tokens'), path.join(repo, 'tokens'), { recursive: true });
  cpSync(path.join(root, 'brandlint.config.yaml'), path.join(repo, 'brandlint.config.yaml'));
  for (const folder of ['email', 'landing', 'chatbot', 'social']) {
    if (existsSync(path.join(corpus, folder))) cpSync(path.join(corpus, folder), path.join(repo, 'content', folder), { recursive: true });
  }
  const git = (...args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  git('init', '-q');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'add', '.');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-q', '--no-verify', '-m', 'corpus');
  const changed = path.join(repo, 'content', path.relative(corpus, single));
  appendFileSync(changed, '\n<!-- changed -->\n');
  git('add', changed);
  const times = [];
  const cpus = [];
  for (let i = 0; i < 5; i++) {
    const result = run(['lint', '--staged', '--format', 'json'], repo);
    times.push(result.wall);
    cpus.push(result.cpu);
    stagedPeak = Math.max(stagedPeak, result.peakMiB);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  stagedSeconds = times[2];
  rows.push({ scenario: `lint --staged, one changed file (${path.basename(single)})`, files: 1, seconds: stagedSeconds.toFixed(3), 'CPU s': cpus[2].toFixed(3), 'peak MiB': stagedPeak.toFixed(0) });

  // As the installed hook runs it: with --cache in the git folder, after an earlier commit filled it.
  const cached = ['lint', '--staged', '--cache', '--cache-location', path.join(repo, '.git', 'brandlint-cache'), '--format', 'json'];
  run(cached, repo);
  const warm = [];
  const warmCpu = [];
  for (let i = 0; i < 5; i++) {
    const result = run(cached, repo);
    warm.push(result.wall);
    warmCpu.push(result.cpu);
    stagedPeak = Math.max(stagedPeak, result.peakMiB);
  }
  warm.sort((a, b) => a - b);
  warmCpu.sort((a, b) => a - b);
  rows.push({ scenario: 'lint --staged --cache (the hook), warm', files: 1, seconds: warm[2].toFixed(3), 'CPU s': warmCpu[2].toFixed(3), 'peak MiB': stagedPeak.toFixed(0) });
}

console.log(
  `brandlint bench on ${corpus}, each kind copied to about ${targetMB} MB (Node ${process.versions.node}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, every rule on, example brand)`,
);
console.table(rows);

// The targets of README's performance notes.
const proseNames = ['prose: social posts', 'prose: chatbot scripts'];
const prose = proseNames.map((name) => measured[name]?.cold?.mbps).filter((v) => v !== undefined);
const proseCpu = proseNames.map((name) => measured[name]?.cold?.cpuMbps).filter((v) => v !== undefined);
const css = measured['CSS (landing .css/.scss)']?.cold?.mbps;
const cssCpu = measured['CSS (landing .css/.scss)']?.cold?.cpuMbps;
const peak = Math.max(...rows.map((row) => Number(row['peak MiB'])).filter((v) => !Number.isNaN(v)), stagedPeak);
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const targets = [
  ['prose throughput (cold, slowest prose scenario)', prose.length ? `${Math.min(...prose).toFixed(2)} MB/s` : 'n/a', '>= 4.4 MB/s', prose.length && Math.min(...prose) >= 4.4],
  ['CSS throughput (cold)', css !== undefined ? `${css.toFixed(2)} MB/s` : 'n/a', '>= 5.3 MB/s', css !== undefined && css >= 5.3],
  ['lint --staged, one changed file', Number.isNaN(stagedSeconds) ? 'n/a' : `${Math.round(stagedSeconds * 1000)} ms`, '<= 250 ms', stagedSeconds <= 0.25],
  ['peak memory', `${peak.toFixed(0)} MiB`, '<= 300 MiB', peak <= 300],
];
console.log('\ntargets (README, performance):');
for (const [what, value, target, ok] of targets) console.log(`  ${verdict(ok).padEnd(6)} ${what}: ${value} (target ${target})`);
// A busy machine slows wall time, not CPU time: the same targets per CPU second, for comparison.
if (proseCpu.length || cssCpu !== undefined) {
  console.log(
    `  (per CPU second: prose ${proseCpu.length ? Math.min(...proseCpu).toFixed(2) : 'n/a'} MB, CSS ${cssCpu !== undefined ? cssCpu.toFixed(2) : 'n/a'} MB; load average now ${os.loadavg()[0].toFixed(1)})`,
  );
}
