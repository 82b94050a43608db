#!/usr/bin/env node
/**
 * `npm run smoke`: every file of the shared real-world corpus through the built CLI, the way a
 * user would run it, checking that brandlint survives real content.
 *
 *   npm run smoke                      # corpus at ../shared/corpus
 *   npm run smoke -- /path/to/corpus   # or SMOKE_CORPUS=/path/to/corpus
 *
 * The corpus is copied into a temporary project with the example brand (tokens/) and one
 * channel per corpus folder (voice/ fixtures as social posts); token files go through
 * `validate`, Vale style files through the rule-pack loader. Stages:
 *   lint (JSON), lint --fix-dry-run, report --html, lint --shard 1/2 and 2/2 + merge,
 *   validate of every token file, and packs: pointing at the Vale rules (a configuration error).
 * Every run must end with exit code 0, 1 (or 2 where a configuration error is expected),
 * print no internal error and no stack trace; the merged shards must equal the unsharded
 * report; no file of the corpus may change on disk. Prints one summary line; exit 1 on failure.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? process.env.SMOKE_CORPUS ?? path.join(root, '../shared/corpus'));
if (!existsSync(corpus)) {
  console.error(`corpus not found: ${corpus} (pass its folder as an argument or in SMOKE_CORPUS)`);
  process.exit(2);
}
const bin = path.join(root, 'bin/brandlint.js');
const started = Date.now();

/** Relative path -> sha256 of every file under a folder. */
function hashes(folder) {
  const out = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(folder, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(folder);
  return out;
}

const project = mkdtempSync(path.join(os.tmpdir(), 'brandlint-smoke-'));
const problems = [];
const counts = {};
try {
  const originalHashes = hashes(corpus);
  cpSync(corpus, path.join(project, 'corpus'), { recursive: true });
  cpSync(path.join(root, 'tokens'), path.join(project, 'tokens'), { recursive: true });
  // A repository of its own: the configuration search stops here.
  writeFileSync(path.join(project, '.git'), 'gitdir: none\n');
  const config = [
    'tokens: [tokens/*.tokens.json]',
    'guidelines: tokens/brand.guidelines.yaml',
    'channels:',
    '  email: ["corpus/email/**"]',
    '  landing: ["corpus/landing/**"]',
    '  chatbot: ["corpus/chatbot/**"]',
    '  social: ["corpus/social/**", "corpus/voice/**"]',
    '',
  ].join('\n');
  writeFileSync(path.join(project, 'brandlint.config.yaml'), config);
  const copyHashes = hashes(path.join(project, 'corpus'));
  for (const file of copyHashes.keys()) {
    const folder = file.split(path.sep)[0];
    if (!file.includes(path.sep)) continue;
    counts[folder] = (counts[folder] ?? 0) + 1;
  }

  /** Runs the CLI in the project; checks exit code, internal errors and stack traces. */
  const run = (label, args, allowed = [0, 1]) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    const output = `${result.stdout}\n${result.stderr}`;
    if (!allowed.includes(result.status)) problems.push(`${label}: exit code ${result.status} (expected ${allowed.join(' or ')})\n${result.stderr.slice(0, 2000)}`);
    if (/internal error/i.test(output)) problems.push(`${label}: internal error\n${output.match(/.*internal error.*/i)?.[0]}`);
    if (/^\s+at .+[:(]\d+:\d+\)?$/m.test(output)) problems.push(`${label}: a stack trace\n${output.match(/^\s+at .+$/m)?.[0]}`);
    return result;
  };
  const readJson = (name) => JSON.parse(readFileSync(path.join(project, name), 'utf8'));
  const internalFindings = (label, report) => {
    for (const result of report.results) {
      for (const diagnostic of result.diagnostics) {
        if (diagnostic.ruleId.startsWith('internal/') || diagnostic.ruleId === 'parse/internal') {
          problems.push(`${label}: ${diagnostic.ruleId} in ${result.file}: ${diagnostic.message}`);
        }
      }
    }
  };

  run('lint', ['lint', '--format', 'json=whole.json']);
  const whole = readJson('whole.json');
  internalFindings('lint', whole);

  run('lint --fix-dry-run', ['lint', '--fix-dry-run', '--format', 'json=dry.json']);
  internalFindings('lint --fix-dry-run', readJson('dry.json'));

  run('report --html', ['report', '--html', 'report.html']);
  if (!existsSync(path.join(project, 'report.html'))) problems.push('report --html: no report.html written');

  run('lint --shard 1/2', ['lint', '--shard', '1/2', '--format', 'json=shard-1.json']);
  run('lint --shard 2/2', ['lint', '--shard', '2/2', '--format', 'json=shard-2.json']);
  const merged = run('merge', ['merge', 'shard-1.json', 'shard-2.json', '--format', 'json']);
  try {
    const report = JSON.parse(merged.stdout);
    for (const key of ['results', 'summary', 'campaigns']) {
      if (JSON.stringify(report[key]) !== JSON.stringify(whole[key])) problems.push(`merge: the merged shards' ${key} differ from the unsharded report`);
    }
  } catch (error) {
    problems.push(`merge: output is not JSON (${error.message})`);
  }

  const tokenFiles = [...copyHashes.keys()].filter((file) => file.startsWith(`tokens${path.sep}`) && !file.includes(`${path.sep}LICENSES${path.sep}`)).map((file) => path.join('corpus', file));
  run('validate', ['validate', ...tokenFiles]);

  writeFileSync(path.join(project, 'brandlint.config.yaml'), `${config}packs: ["corpus/voice/**/*.yml"]\n`);
  const packs = run('packs: Vale rules', ['lint', 'corpus/email'], [2]);
  if (!/\.yml:\d+:\d+ /.test(packs.stderr)) problems.push('packs: Vale rules: no positioned configuration error');

  const after = hashes(path.join(project, 'corpus'));
  const changed = [...copyHashes].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
  for (const file of changed) problems.push(`changed on disk: ${file}`);
  const originalAfter = hashes(corpus);
  for (const [file, hash] of originalHashes) if (originalAfter.get(file) !== hash) problems.push(`changed on disk (original corpus): ${file}`);

  const files = copyHashes.size;
  const byFolder = Object.entries(counts).map(([folder, count]) => `${folder} ${count}`).join(', ');
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  for (const problem of problems) console.error(problem);
  console.log(
    `smoke: ${files} corpus files (${byFolder}; ${whole.results.length} linted, ${whole.summary.errorCount + whole.summary.warningCount} findings, ${tokenFiles.length} validated) through lint, --fix-dry-run, report --html, 2 shards + merge (${problems.some((p) => p.startsWith('merge')) ? 'DIFFERS from' : 'equal to'} unsharded), validate, packs: ${problems.filter((p) => /internal/.test(p)).length} internal errors, ${problems.filter((p) => /stack trace/.test(p)).length} stack traces, ${changed.length} files changed, ${problems.length} problems (${seconds} s)`,
  );
} finally {
  rmSync(project, { recursive: true, force: true });
}
process.exit(problems.length > 0 ? 1 : 0);
