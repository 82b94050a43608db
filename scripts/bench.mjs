#!/usr/bin/env node
// `npm run bench`: brandlint's performance on the workloads its targets are stated on, built from
// the real-world corpus beside the repository by ../shared/bench/make-workloads.sh:
//   W1 prose  2,540 files, 22 MB (HTML email, landing HTML, chatbot YAML, social Markdown, tweets)
//   W2 CSS    220 landing stylesheets, 47 MB
// It reports, each with wall seconds, CPU seconds (user + system), throughput over the bytes
// actually linted (files the JSON report lists) and peak memory (/usr/bin/time's maximum RSS):
//   - W1 and W2 cold (worker threads on, as `brandlint lint` runs by default), the same with
//     --concurrency off, and a second run with --cache;
//   - one file from a cold start, and `lint --staged` with one changed file in a git repository
//     holding the corpus (what a pre-commit hook pays), also with the hook's --cache and through
//     the lint server (`brandlint server start`);
//   - scaling series: 1/4, 1/2, 1 and 2x of W1 (cost and memory must grow linearly, memory not at
//     all), and single large inputs at 1/4 to 1x (clean HTML to 1 MB, minified one-line HTML to
//     5 MB, an unpunctuated run of text to 80,000 characters, a one-line paragraph of short
//     sentences to 300,000, an email of Outlook conditional blocks and a Chinese paragraph to
//     400,000, an X post of links, emoji and template tags to 500,000, a Thai paragraph and a Thai
//     X post without spaces to 320,000), and one campaign of 250
//     to 1,000 files;
// and ends with the targets and whether each is met. Not part of `npm test`: a fresh clone has no
// corpus. Options (environment): BRANDLINT_BENCH_DIR reuses a workload folder; BRANDLINT_BENCH_QUICK=1
// skips the scaling series.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const makeWorkloads = path.join(shared, 'bench', 'make-workloads.sh');
const bin = path.join(root, 'bin', 'brandlint.js');
if (!existsSync(makeWorkloads)) {
  console.error(`bench: no workload builder at ${makeWorkloads} (the corpus beside the repository)`);
  process.exit(2);
}
if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'brandlint.cjs'))) {
  console.error('bench: the CLI is not built; run `npm ci` (or `npm run build:ts`) first');
  process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
  console.error('bench: needs /usr/bin/time for peak memory (Debian: apt-get install -y time)');
  process.exit(2);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'brandlint-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const bench = process.env.BRANDLINT_BENCH_DIR ?? path.join(scratch, 'workloads');
if (!existsSync(path.join(bench, 'W1'))) {
  const built = spawnSync('bash', [makeWorkloads, bench, root], { encoding: 'utf8' });
  if (built.status !== 0) {
    console.error(`bench: building the workloads failed:\n${built.stderr}`);
    process.exit(2);
  }
}
const quick = process.env.BRANDLINT_BENCH_QUICK === '1';

/**
 * One CLI run under /usr/bin/time: wall and CPU seconds, peak MiB, the files and bytes it linted.
 * In-process (BRANDLINT_SERVER=off: a lint server the user has running is not used) unless `env` says otherwise.
 */
function run(args, cwd, keepAs, env = {}) {
  const report = path.join(scratch, keepAs ? `${keepAs}.json` : 'report.json');
  rmSync(report, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M %U %S', process.execPath, bin, ...args, '--format', `json=${report}`], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CI: '1', BRANDLINT_SERVER: 'off', ...env },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const timed = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  let files = 0;
  let bytes = 0;
  try {
    const data = JSON.parse(readText(report));
    for (const entry of data.results ?? []) {
      files++;
      bytes += sizeOf(path.resolve(cwd, entry.file));
    }
  } catch {
    // no report: a failed run, shown by its exit code
  }
  return { code: result.status, wall, cpu: timed ? Number(timed[3]) + Number(timed[4]) : NaN, peak: timed ? Number(timed[2]) / 1024 : NaN, files, bytes, stderr: result.stderr };
}

function readText(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function sizeOf(file) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The median run of `times` (by wall time). */
function median(times, make) {
  const runs = Array.from({ length: times }, make).sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(runs.length / 2)];
}

const MB = 1024 * 1024;
const rows = [];
function row(scenario, result) {
  if (result.code === 2 || (result.files === 0 && result.code !== 0)) {
    rows.push({ scenario, note: `failed (exit ${result.code}): ${result.stderr.split('\n').find((line) => line.trim() && !line.startsWith('__TIME__')) ?? ''}` });
    return result;
  }
  rows.push({
    scenario,
    files: result.files,
    MB: (result.bytes / MB).toFixed(2),
    'wall s': result.wall.toFixed(2),
    'MB/s': result.bytes > 0 ? (result.bytes / MB / result.wall).toFixed(2) : '',
    'CPU s': result.cpu.toFixed(2),
    'CPU/wall': (result.cpu / result.wall).toFixed(2),
    'peak MiB': result.peak.toFixed(0),
  });
  return result;
}

const W1 = path.join(bench, 'W1');
const W2 = path.join(bench, 'W2');
// W2 is 11 stylesheets, most of them compiled frameworks, which brandlint skips by default as
// vendor files (`vendorFiles: skip`). The bench measures the linting of every one of them, as the
// targets were stated before that default: the workload's config says `vendorFiles: lint`.
const w2Config = path.join(W2, 'brandlint.config.yaml');
if (existsSync(w2Config) && !/^vendorFiles:/m.test(readText(w2Config))) appendFileSync(w2Config, '\n# npm run bench: lint the framework stylesheets too\nvendorFiles: lint\n');
const lint = (...extra) => ['lint', '--max-file-size', '20mb', ...extra];

// Throughput: cold (workers as by default), one thread, and cached.
// Each report is kept: the same workload must give byte-identical reports pooled, on one
// thread and from the cache (checked below).
const w1 = row('W1 prose, cold', run(lint(), W1, 'w1-pooled'));
const w1Single = row('W1 prose, cold, --concurrency off', run(lint('--concurrency', 'off'), W1, 'w1-single'));
const w1Cache = path.join(scratch, 'cache-w1');
run(lint('--cache', '--cache-location', w1Cache), W1);
row('W1 prose, --cache, nothing changed', run(lint('--cache', '--cache-location', w1Cache), W1, 'w1-cached'));
const w2 = row('W2 CSS, cold', run(lint(), W2, 'w2-pooled'));
const w2Single = row('W2 CSS, cold, --concurrency off', run(lint('--concurrency', 'off'), W2, 'w2-single'));
const w2Cache = path.join(scratch, 'cache-w2');
run(lint('--cache', '--cache-location', w2Cache), W2);
row('W2 CSS, --cache, nothing changed', run(lint('--cache', '--cache-location', w2Cache), W2, 'w2-cached'));

// One file from a cold start, in this repository (the example brand): the median of 7.
const single = path.join(bench, 'single', 'email.html');
const one = row('one file, cold start (single/email.html, example brand)', median(7, () => run(lint(single), root)));

// `lint --staged` with one changed file, in a git repository holding the corpus and the brand.
const repo = path.join(scratch, 'repo');
mkdirSync(repo);
cpSync(path.join(root, 'tokens'), path.join(repo, 'tokens'), { recursive: true });
cpSync(path.join(root, 'brandlint.config.yaml'), path.join(repo, 'brandlint.config.yaml'));
for (const folder of ['email', 'landing', 'chatbot', 'social']) {
  const from = path.join(shared, 'corpus', folder);
  if (existsSync(from)) cpSync(from, path.join(repo, 'content', folder), { recursive: true });
}
const git = (...args) => spawnSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
git('init', '-q');
git('add', '.');
git('commit', '-q', '--no-verify', '-m', 'corpus');
const changed = path.join(repo, 'content', 'email', 'postmark-templates', 'templates', 'basic-full', 'password-reset-help', 'content.html');
appendFileSync(changed, '\n<!-- changed -->\n');
git('add', changed);
const staged = row('lint --staged, one changed file', median(5, () => run(['lint', '--staged'], repo)));
const hook = ['lint', '--staged', '--cache', '--cache-location', path.join(repo, '.git', 'brandlint-cache')];
run(hook, repo);
const stagedCached = row('lint --staged --cache (the installed hook), warm', median(5, () => run(hook, repo)));
// The same through the lint server (`brandlint server start`, docs/cli.md), in a temporary folder
// of the bench's own: the client's wall time; its CPU and memory are the client's only.
const serverEnv = { BRANDLINT_SERVER: 'on', TMPDIR: mkdtempSync(path.join(scratch, 'server-')) };
const serverCommand = (...args) => spawnSync(process.execPath, [bin, 'server', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...serverEnv } });
const serverStarted = serverCommand('start', '--idle-timeout', '600');
let stagedServer = { wall: NaN };
if (serverStarted.status === 0) {
  try {
    run(['lint', '--staged'], repo, undefined, serverEnv);
    stagedServer = row('lint --staged, one changed file, lint server running (client CPU only)', median(7, () => run(['lint', '--staged'], repo, undefined, serverEnv)));
  } finally {
    serverCommand('stop');
  }
} else {
  rows.push({ scenario: 'lint --staged, one changed file, lint server running', note: `the server did not start: ${serverStarted.stderr.trim()}` });
}

// Scaling: parts and multiples of W1 (the c01..c20 copies), and large single inputs.
const scaling = [];
if (!quick) {
  const copies = readdirSync(W1).filter((name) => /^c\d+$/.test(name)).sort();
  const twice = path.join(scratch, 'W1x2');
  mkdirSync(twice);
  cpSync(path.join(W1, 'brandlint.config.yaml'), path.join(twice, 'brandlint.config.yaml'));
  cpSync(path.join(W1, 'tokens'), path.join(twice, 'tokens'), { recursive: true });
  for (const copy of copies) {
    cpSync(path.join(W1, copy), path.join(twice, `a-${copy}`), { recursive: true });
    cpSync(path.join(W1, copy), path.join(twice, `b-${copy}`), { recursive: true });
  }
  for (const [label, cwd, paths] of [
    ['W1 x1/4', W1, copies.slice(0, 5)],
    ['W1 x1/2', W1, copies.slice(0, 10)],
    ['W1 x1', W1, copies],
    ['W1 x2', twice, []],
  ]) {
    scaling.push(row(`scaling: ${label}`, run(lint(...paths), cwd)));
  }
  const inputs = path.join(scratch, 'inputs');
  mkdirSync(inputs);
  const words = ['trail', 'boots', 'light', 'ready', 'spring', 'walks', 'hills', 'forest', 'river', 'camp'];
  const thaiWords = ['สวัสดี', 'ร้าน', 'ของ', 'เรา', 'ลด', 'ราคา', 'พิเศษ', 'วันนี้'];
  /** Thai words one after another, as Thai is written: no spaces, no full stops. */
  const thaiText = (size) => {
    let text = '';
    for (let i = 0; text.length < size; i++) text += thaiWords[i % thaiWords.length];
    return text;
  };
  const makers = {
    'clean HTML': (size) => {
      let html = '<!doctype html><html lang="en"><head><title>Spring</title></head><body>\n';
      for (let i = 0; html.length < size; i++) html += `<p>Our trail boots are light and ready for spring walks number ${i}. <a href="https://northwind.example/p${i}">Shop now</a></p>\n`;
      return `${html}</body></html>\n`;
    },
    'minified one-line HTML': (size) => {
      let html = '<!doctype html><html lang="en"><head><title>Spring</title><style>.a{color:#1f5135}</style></head><body>';
      for (let i = 0; html.length < size; i++) html += `<div class="a" style="padding:4px"><span>Item ${i} is ready</span></div>`;
      return `${html}</body></html>`;
    },
    'unpunctuated run': (size) => {
      let text = '';
      for (let i = 0; text.length < size; i++) text += `${words[i % words.length]} `;
      return `<html lang="en"><body><p>${text}</p></body></html>\n`;
    },
    // One line, thousands of sentences: sentences are segmented in windows (V8's segmenter is
    // quadratic on long text), and findings on one line are compared only where they overlap.
    'paragraph of short sentences with links': (size) => {
      let text = '';
      while (text.length < size) text += 'Mail ana@northwind.example or see https://northwind.example/a?b=1 now. Go. ';
      return `<html lang="en"><body><p>${text}</p></body></html>\n`;
    },
    // Outlook's conditional comments, each parsed as a fragment of its own.
    'email of Outlook conditional blocks': (size) => {
      let html = '<html lang="en"><body>';
      while (html.length < size) html += '<!--[if mso]><table><tr><td style="color:#1f5135">Hi</td></tr></table><![endif]--><p>Our trail boots are light.</p>';
      return `${html}</body></html>\n`;
    },
    // No spaces: words and clusters are segmented in pieces cut after CJK punctuation and emoji.
    'Chinese paragraph with emoji': (size) => {
      let text = '';
      while (text.length < size) text += '欢迎来到我们的商店，今天购物😀';
      return `<html lang="zh"><body><p>${text}</p></body></html>\n`;
    },
    // Thai has no spaces between words and no full stops: words and clusters are segmented in
    // windows cut where the segmenter found a boundary (past 65,535 characters V8's was quadratic).
    'Thai paragraph without spaces': (size) => `<html lang="th"><body><p>${thaiText(size)}</p></body></html>\n`,
    'Thai X post without spaces': (size) => `---\nplatform: x\n---\n${thaiText(size)}\n`,
    // Masked to spaces and emoji only: its words are segmented in pieces cut before emoji (was quadratic).
    'X post of links, emoji and tags': (size) => {
      let text = '---\nplatform: x\n---\n';
      while (text.length < size) text += '👍 https://northwind.com/trail {{first}}{{last}} @ana@mastodon.social ';
      return `${text}\n`;
    },
  };
  // Name, full size, and where the file goes (a post is linted as one in a social/<platform>/ folder).
  const series = [
    ['clean HTML', 1_000_000, '', '.html'],
    ['minified one-line HTML', 5_000_000, '', '.html'],
    ['unpunctuated run', 80_000, '', '.html'],
    ['paragraph of short sentences with links', 300_000, '', '.html'],
    ['email of Outlook conditional blocks', 400_000, '', '.html'],
    ['Chinese paragraph with emoji', 400_000, '', '.html'],
    ['X post of links, emoji and tags', 500_000, path.join('social', 'x'), '.md'],
    ['Thai paragraph without spaces', 320_000, '', '.html'],
    ['Thai X post without spaces', 320_000, path.join('social', 'x'), '.md'],
  ];
  for (const [name, full, folder, extension] of series) {
    mkdirSync(path.join(inputs, folder), { recursive: true });
    for (const part of [0.25, 0.5, 1]) {
      const file = path.join(inputs, folder, `${name.replace(/\W+/g, '-')}-${part}${extension}`);
      writeFileSync(file, makers[name](Math.round(full * part)));
      row(`scaling: ${name}, ${Math.round((full * part) / 1000)}k characters`, run(lint(file), inputs));
    }
  }
  // One campaign of many files, a third disagreeing: findings and related locations grow with the files, not their square.
  for (const files of [250, 500, 1000]) {
    const folder = path.join(inputs, `campaign-${files}`);
    mkdirSync(folder);
    for (let i = 0; i < files; i++) {
      const offer = i % 3 === 0 ? 25 : 20;
      writeFileSync(
        path.join(folder, `e${i}.html`),
        `<html lang="en"><head><meta name="campaign" content="spring"></head><body><p>Save ${offer}% with code SPRING${offer} until May ${1 + (i % 3)}. <a href="https://northwind.example/?utm_campaign=spring">Shop now</a></p></body></html>\n`,
      );
    }
    row(`scaling: campaign of ${files} files`, run(lint(folder), inputs));
  }
}

console.log(`brandlint bench (Node ${process.versions.node}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)} at the end; every rule on, the example brand; workloads in ${bench})`);
console.table(rows);

const mbps = (result) => result.bytes / MB / result.wall;
const peaks = [w1, w2, ...scaling].map((result) => result.peak).filter((value) => !Number.isNaN(value));
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const targets = [
  ['prose throughput (W1, cold)', `${mbps(w1).toFixed(2)} MB/s`, '>= 4.4 MB/s', mbps(w1) >= 4.4],
  ['CSS throughput (W2, cold)', `${mbps(w2).toFixed(2)} MB/s`, '>= 5.3 MB/s', mbps(w2) >= 5.3],
  ['one file, cold start', `${Math.round(one.wall * 1000)} ms`, '<= 250 ms', one.wall <= 0.25],
  ['lint --staged, one changed file', `${Math.round(staged.wall * 1000)} ms (hook with --cache: ${Math.round(stagedCached.wall * 1000)} ms; lint server running: ${Math.round(stagedServer.wall * 1000)} ms)`, '<= 250 ms', staged.wall <= 0.25],
  ['peak memory (W1, W2, W1 x2)', `${Math.max(...peaks).toFixed(0)} MiB`, '<= 300 MiB', Math.max(...peaks) <= 300],
  ['both cores busy on large runs (CPU/wall, W1 cold)', (w1.cpu / w1.wall).toFixed(2), '> 1.6', w1.cpu / w1.wall > 1.6],
];
console.log('\ntargets (docs/performance.md):');
for (const [what, value, target, ok] of targets) console.log(`  ${verdict(ok).padEnd(6)} ${what}: ${value} (target ${target})`);
console.log(`\nWorker threads against one thread (wall): W1 ${(w1Single.wall / w1.wall).toFixed(2)}x, W2 ${(w2Single.wall / w2.wall).toFixed(2)}x faster.`);
console.log('\nSame output (JSON reports, byte for byte):');
for (const workload of ['w1', 'w2']) {
  const [pooled, ...others] = ['pooled', 'single', 'cached'].map((kind) => readText(path.join(scratch, `${workload}-${kind}.json`)));
  const same = pooled.length > 0 && others.every((other) => other === pooled);
  let kept = '';
  if (!same) {
    // The scratch folder goes at exit: keep the three reports for a diff.
    kept = mkdtempSync(path.join(os.tmpdir(), `brandlint-bench-${workload}-`));
    for (const kind of ['pooled', 'single', 'cached']) {
      const report = path.join(scratch, `${workload}-${kind}.json`);
      if (existsSync(report)) cpSync(report, path.join(kept, `${kind}.json`));
    }
  }
  console.log(`  ${same ? 'identical' : 'DIFFERENT'} ${workload.toUpperCase()}: pooled, --concurrency off and --cache${same ? '' : ` (the reports are kept in ${kept})`}`);
}
console.log(`\nA busy machine slows wall time, not CPU time: per CPU second, W1 ${(w1.bytes / MB / w1.cpu).toFixed(2)} MB, W2 ${(w2.bytes / MB / w2.cpu).toFixed(2)} MB.`);
