#!/usr/bin/env node
/**
 * `npm run sample-review`: a sample of brandlint's findings on the shared real-world corpus,
 * written as a Markdown file a person can judge finding by finding (precision per rule).
 *
 *   npm run sample-review                          # ../shared/corpus, 4 findings per rule
 *   npm run sample-review -- --per-rule 6 --seed 7 --out /tmp/sample.md
 *   npm run sample-review -- --corpus /path/to/corpus --json /tmp/sample.json
 *
 * The corpus is copied into a temporary project with the example brand (tokens/ and the
 * guideline file, as brandlint.config.yaml of this repository composes it) and one channel per
 * corpus folder (voice/ as social posts), the way `npm run smoke` does; LICENSES/ folders and
 * SOURCES.md files are not content and are ignored. The built CLI lints it (JSON report), and N
 * findings per rule are drawn with a seeded shuffle, so the same corpus, build and seed give the
 * same sample. The file holds a count table per rule, then each sampled finding: rule, severity,
 * message, file:line:col (relative to the corpus), related locations, the source lines around it
 * (long lines cut around the range, the range underlined) and a verdict box to tick.
 * Options: --per-rule N (default 4), --seed S (default 12), --out FILE (default
 * sample-review.md, gitignored), --json FILE (the sample as data), --corpus DIR.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    'per-rule': { type: 'string', default: '4' },
    seed: { type: 'string', default: '12' },
    out: { type: 'string', default: path.join(root, 'sample-review.md') },
    json: { type: 'string' },
    corpus: { type: 'string' },
  },
});
/** ../shared/corpus beside the repository (for a git worktree: beside its main checkout). */
function defaultCorpus() {
  const beside = path.join(root, '../shared/corpus');
  if (existsSync(beside)) return beside;
  const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8' });
  return common.status === 0 ? path.join(path.dirname(common.stdout.trim()), '../shared/corpus') : beside;
}
const perRule = Number(options['per-rule']);
if (!Number.isInteger(perRule) || perRule < 1) {
  console.error(`sample-review: --per-rule takes a whole number >= 1, not ${options['per-rule']}`);
  process.exit(2);
}
const corpus = path.resolve(options.corpus ?? process.env.SMOKE_CORPUS ?? defaultCorpus());
if (!existsSync(corpus)) {
  console.error(`sample-review: corpus not found: ${corpus} (pass --corpus DIR)`);
  process.exit(2);
}
const bin = path.join(root, 'bin/brandlint.js');
if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'brandlint.cjs'))) {
  console.error('sample-review: the CLI is not built; run `npm run build:ts` first');
  process.exit(2);
}

/** A small seeded generator (mulberry32), seeded from a string: the sample is reproducible. */
function random(seed) {
  let state = 0x811c9dc5;
  for (const char of String(seed)) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const project = mkdtempSync(path.join(os.tmpdir(), 'brandlint-sample-'));
try {
  cpSync(corpus, path.join(project, 'corpus'), { recursive: true });
  cpSync(path.join(root, 'tokens'), path.join(project, 'tokens'), { recursive: true });
  writeFileSync(path.join(project, '.git'), 'gitdir: none\n');
  writeFileSync(
    path.join(project, 'brandlint.config.yaml'),
    [
      'tokens: [tokens/northwind.resolver.json]',
      'guidelines: tokens/brand.guidelines.yaml',
      'channels:',
      '  email: ["corpus/email/**"]',
      '  landing: ["corpus/landing/**"]',
      '  chatbot: ["corpus/chatbot/**"]',
      '  social: ["corpus/social/**", "corpus/voice/**"]',
      'ignorePatterns: ["corpus/*/LICENSES/**", "corpus/**/SOURCES.md"]',
      '',
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, [bin, 'lint', '--format', 'json=report.json'], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  if (![0, 1].includes(run.status) || !existsSync(path.join(project, 'report.json'))) {
    console.error(`sample-review: brandlint exited with ${run.status}\n${run.stderr.slice(0, 4000)}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(path.join(project, 'report.json'), 'utf8'));

  const byRule = new Map();
  for (const result of report.results) {
    for (const diagnostic of result.diagnostics) {
      if (!byRule.has(diagnostic.ruleId)) byRule.set(diagnostic.ruleId, []);
      byRule.get(diagnostic.ruleId).push(diagnostic);
    }
  }
  const rules = [...byRule.keys()].sort();
  const place = (d) => `${d.file}\u0000${String(d.start.line).padStart(9, '0')}\u0000${String(d.start.column).padStart(9, '0')}\u0000${d.message}`;
  const sample = new Map();
  for (const rule of rules) {
    // Sorted first, so the sample does not depend on the order results arrive in.
    const all = byRule.get(rule).slice().sort((a, b) => (place(a) < place(b) ? -1 : place(a) > place(b) ? 1 : 0));
    const next = random(`${options.seed}:${rule}`);
    for (let i = 0; i < Math.min(perRule, all.length); i++) {
      const j = i + Math.floor(next() * (all.length - i));
      [all[i], all[j]] = [all[j], all[i]];
    }
    sample.set(rule, all.slice(0, perRule));
  }

  const sources = new Map();
  const linesOf = (file) => {
    if (!sources.has(file)) {
      const full = path.join(project, file);
      sources.set(file, existsSync(full) ? readFileSync(full, 'utf8').split(/\r\n|\r|\n/) : []);
    }
    return sources.get(file);
  };
  const shown = (file) => file.replace(/^corpus\//, '');
  const WIDTH = 160;
  /** The source around a finding: two lines either side, at most 8 lines of the range, long lines cut around it. */
  const frame = (d) => {
    const lines = linesOf(d.file);
    if (lines.length === 0) return '(file not readable)';
    const first = Math.max(1, d.start.line - 2);
    const last = Math.min(lines.length, Math.max(d.end.line, d.start.line) + 2);
    const out = [];
    const gutter = String(last).length;
    for (let n = first; n <= last; n++) {
      if (n > d.start.line + 5 && n < d.end.line - 2) {
        if (n === d.start.line + 6) out.push(`${' '.repeat(gutter)} | … ${d.end.line - d.start.line - 8} more lines of the range …`);
        continue;
      }
      const text = lines[n - 1].replace(/\t/g, ' ');
      const inRange = n >= d.start.line && n <= d.end.line;
      const from = n === d.start.line ? d.start.column - 1 : 0;
      const to = n === d.end.line ? d.end.column - 1 : text.length;
      // A window of WIDTH characters that holds the start of the range on a long line.
      let offset = 0;
      if (text.length > WIDTH) offset = Math.max(0, Math.min(from - 40, text.length - WIDTH));
      let visible = text.slice(offset, offset + WIDTH);
      const cutLeft = offset > 0;
      const cutRight = offset + WIDTH < text.length;
      visible = `${cutLeft ? '…' : ''}${visible}${cutRight ? '…' : ''}`;
      out.push(`${inRange ? '>' : ' '}${String(n).padStart(gutter)} | ${visible}`);
      if (inRange) {
        const start = Math.max(0, from - offset) + (cutLeft ? 1 : 0);
        const end = Math.min(WIDTH, Math.max(to - offset, from - offset + 1)) + (cutLeft ? 1 : 0);
        if (end > start) out.push(`${' '.repeat(gutter + 1)} | ${' '.repeat(start)}${'^'.repeat(end - start)}`);
      }
    }
    return out.join('\n');
  };

  const total = rules.reduce((sum, rule) => sum + byRule.get(rule).length, 0);
  const md = [];
  md.push('# brandlint sample review', '');
  md.push(
    `Corpus: \`${corpus}\` (${report.results.length} files linted, ${total} findings, ${report.notices.length} notices), example brand, ` +
      `${perRule} findings per rule, seed ${options.seed}. Tick one box per finding; precision per rule = right / judged.`,
    '',
  );
  md.push('| rule | findings | files | sampled | right | wrong |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const rule of rules) {
    const all = byRule.get(rule);
    md.push(`| ${rule} | ${all.length} | ${new Set(all.map((d) => d.file)).size} | ${sample.get(rule).length} |  |  |`);
  }
  md.push(`| **all** | ${total} | | ${rules.reduce((sum, rule) => sum + sample.get(rule).length, 0)} |  |  |`, '');
  for (const rule of rules) {
    md.push(`## ${rule}`, '');
    sample.get(rule).forEach((d, index) => {
      md.push(`### ${rule} #${index + 1}`, '');
      md.push(`- **${d.severity}**: ${d.message.replace(/\n/g, ' ')}`);
      md.push(`- at \`${shown(d.file)}:${d.start.line}:${d.start.column}\`–\`${d.end.line}:${d.end.column}\``);
      if (d.fix) md.push(`- fix: ${d.fix.description}`);
      for (const related of (d.related ?? []).slice(0, 5)) {
        const where = related.range ? `:${related.range.start.line}:${related.range.start.column}` : '';
        md.push(`- related: \`${shown(related.file)}${where}\` ${related.message}`);
      }
      if ((d.related ?? []).length > 5) md.push(`- related: … ${d.related.length - 5} more`);
      md.push('', '```text', frame(d), '```', '');
      md.push('- [ ] right  - [ ] wrong  — note: ', '');
    });
  }
  writeFileSync(options.out, md.join('\n'));
  if (options.json) {
    const data = { corpus, perRule, seed: options.seed, files: report.results.length, findings: total, counts: {}, sample: {} };
    for (const rule of rules) {
      data.counts[rule] = byRule.get(rule).length;
      data.sample[rule] = sample.get(rule).map((d) => ({ ...d, file: shown(d.file) }));
    }
    writeFileSync(options.json, `${JSON.stringify(data, null, 2)}\n`);
  }
  console.log(`sample-review: ${report.results.length} files, ${total} findings, ${rules.length} rules; ${rules.reduce((sum, rule) => sum + sample.get(rule).length, 0)} sampled into ${options.out}`);
} finally {
  rmSync(project, { recursive: true, force: true });
}
