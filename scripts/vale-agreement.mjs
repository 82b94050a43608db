#!/usr/bin/env node
/**
 * Agreement with Vale on the styles' own fixtures (`../shared/corpus/voice/`, or VALE_CORPUS):
 * each `features/*.feature` scenario names a fixture folder and the alerts Vale prints for it
 * (`file:line:column:Style.Rule:message`). brandlint lints the folder's files as articles with
 * the style loaded as a pack and compares (file, line, column, rule).
 *
 * - A scenario whose fixture folder is not in the corpus is left out (said in the report).
 * - An expected alert of a rule whose file is not in the corpus cannot be found: left out, counted.
 * - The rules that run: the fixture's own `.vale.ini` when the corpus has it; else the style's
 *   rules the scenario names (what its upstream `.vale.ini` enabled), so an alert of any of them
 *   that Vale did not print is an extra.
 *
 * Prints `N expected, M found, K extra` and exits 1 below 98% found or above 2% extra.
 * Run with `npm run vale-agreement` (builds first). Not part of `npm test`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadValeSource } = await import(path.join(root, 'dist/rules/packs/vale/load.js'));
const { lintText } = await import(path.join(root, 'dist/src/engine/lint-text.js'));

function findCorpus() {
  if (process.env.VALE_CORPUS) return path.resolve(process.env.VALE_CORPUS);
  for (let dir = root; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'corpus', 'voice');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const corpus = findCorpus();
if (!corpus) {
  console.error('vale-agreement: no corpus (shared/corpus/voice above this folder, or VALE_CORPUS)');
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');
const ARTICLE = /\.(md|markdown|mdx|adoc|asciidoc|txt)$/i;

/** Scenarios of a feature file: fixture name and expected `file:line:col:rule` alerts. */
function scenariosOf(text) {
  const scenarios = [];
  let current = null;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    const test = /^When I test "(.+)"$/.exec(line);
    if (test) {
      current = { name: test[1], expected: [] };
      scenarios.push(current);
      continue;
    }
    if (line === '"""') {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock && current && line !== '') {
      const alert = /^([^:]+):(\d+):(\d+):([^:]+):(.*)$/.exec(line);
      if (alert) current.expected.push({ file: alert[1], line: Number(alert[2]), column: Number(alert[3]), rule: alert[4], message: alert[5] });
    }
  }
  return scenarios;
}

let expectedTotal = 0;
let foundTotal = 0;
let extraTotal = 0;
const leftOut = { scenarios: [], alerts: 0 };
const misses = [];
const extras = [];

for (const repo of readdirSync(corpus).filter((name) => name.startsWith('vale-')).sort()) {
  const repoDir = path.join(corpus, repo);
  const featuresDir = path.join(repoDir, 'features');
  if (!existsSync(featuresDir)) continue;
  const styleNames = readdirSync(repoDir).filter((name) => !['features', 'fixtures'].includes(name) && statSync(path.join(repoDir, name)).isDirectory());
  const ruleExists = (rule) => {
    const [style, name] = rule.split('.');
    return styleNames.includes(style) && existsSync(path.join(repoDir, style, `${name}.yml`));
  };
  for (const feature of readdirSync(featuresDir).filter((name) => name.endsWith('.feature'))) {
    for (const scenario of scenariosOf(readFileSync(path.join(featuresDir, feature), 'utf8'))) {
      const fixture = path.join(repoDir, 'fixtures', scenario.name);
      if (!existsSync(fixture)) {
        leftOut.scenarios.push(`${repo} ${scenario.name}`);
        continue;
      }
      const expected = scenario.expected.filter((alert) => ruleExists(alert.rule));
      leftOut.alerts += scenario.expected.length - expected.length;
      const ini = path.join(fixture, '.vale.ini');
      let rules = [];
      if (existsSync(ini)) rules = (await loadValeSource(ini)).rules;
      else {
        const wanted = new Set(expected.map((alert) => alert.rule));
        for (const style of styleNames) rules.push(...(await loadValeSource(path.join(repoDir, style))).rules.filter((rule) => wanted.has(rule.meta.id)));
      }
      const found = [];
      for (const file of readdirSync(fixture).filter((name) => ARTICLE.test(name)).sort()) {
        const text = readFileSync(path.join(fixture, file), 'utf8');
        const result = await lintText({ text, file, channel: 'article', rules, cwd: fixture });
        for (const d of result.diagnostics) {
          if (!d.range || !d.ruleId.includes('.')) continue;
          found.push({ file, line: d.range.start.line, column: d.range.start.column, rule: d.ruleId, message: d.message });
        }
      }
      const key = (a) => `${a.file}:${a.line}:${a.column}:${a.rule}`;
      const foundKeys = new Map();
      for (const alert of found) foundKeys.set(key(alert), (foundKeys.get(key(alert)) ?? 0) + 1);
      let hits = 0;
      for (const alert of expected) {
        const count = foundKeys.get(key(alert)) ?? 0;
        if (count > 0) {
          hits++;
          foundKeys.set(key(alert), count - 1);
        } else misses.push(`${repo}/${scenario.name}/${key(alert)} ${alert.message}`);
      }
      for (const alert of found) {
        if ((foundKeys.get(key(alert)) ?? 0) > 0) {
          extras.push(`${repo}/${scenario.name}/${key(alert)} ${alert.message}`);
          foundKeys.set(key(alert), foundKeys.get(key(alert)) - 1);
        }
      }
      expectedTotal += expected.length;
      foundTotal += hits;
      extraTotal += found.length - hits;
    }
  }
}

// Red Hat's convention (tools/validate-vale-rules.sh upstream): every non-empty line of
// `testinvalid.adoc` gets an alert of the rule, `testvalid.adoc` none. Reported on its own line.
const redHat = path.join(corpus, 'vale-at-red-hat', '.vale');
if (existsSync(path.join(redHat, 'fixtures', 'RedHat'))) {
  let lines = 0;
  let alerted = 0;
  let falseAlerts = 0;
  for (const rule of readdirSync(path.join(redHat, 'fixtures', 'RedHat')).sort()) {
    const dir = path.join(redHat, 'fixtures', 'RedHat', rule);
    const styleFile = path.join(redHat, 'styles', 'RedHat', `${rule}.yml`);
    if (!existsSync(styleFile)) continue;
    const rules = (await loadValeSource(path.join(redHat, 'styles', 'RedHat'))).rules.filter((r) => r.meta.id === `RedHat.${rule}`);
    for (const [file, valid] of [['testinvalid.adoc', false], ['testvalid.adoc', true]]) {
      if (!existsSync(path.join(dir, file))) continue;
      const text = readFileSync(path.join(dir, file), 'utf8');
      const result = await lintText({ text, file, channel: 'article', rules, cwd: dir });
      const alertLines = new Set(result.diagnostics.filter((d) => d.ruleId === `RedHat.${rule}` && d.range).map((d) => d.range.start.line));
      if (valid) {
        falseAlerts += result.diagnostics.filter((d) => d.ruleId === `RedHat.${rule}`).length;
        if (verbose) for (const d of result.diagnostics) console.log(`redhat extra ${rule}/${file}:${d.range?.start.line}:${d.range?.start.column} ${d.message}`);
        continue;
      }
      text.split('\n').forEach((line, index) => {
        if (line.trim() === '') return;
        lines++;
        if (alertLines.has(index + 1)) alerted++;
        else if (verbose) console.log(`redhat missed ${rule}/${file}:${index + 1} ${line}`);
      });
    }
  }
  console.log(`Red Hat fixtures (each line of testinvalid.adoc alerts, testvalid.adoc none): ${alerted} of ${lines} lines alerted, ${falseAlerts} alerts in testvalid.adoc`);
}

if (leftOut.scenarios.length > 0) console.log(`left out: ${leftOut.scenarios.length} scenarios whose fixture folder is not in the corpus; ${leftOut.alerts} expected alerts of rules not in the corpus`);
if (verbose || misses.length + extras.length <= 20) {
  for (const miss of misses) console.log(`missed ${miss}`);
  for (const extra of extras) console.log(`extra  ${extra}`);
}
const foundShare = expectedTotal === 0 ? 1 : foundTotal / expectedTotal;
const extraShare = expectedTotal === 0 ? 0 : extraTotal / expectedTotal;
console.log(`${expectedTotal} expected, ${foundTotal} found, ${extraTotal} extra (${(foundShare * 100).toFixed(1)}% found, ${(extraShare * 100).toFixed(1)}% extra)`);
process.exit(foundShare >= 0.98 && extraShare <= 0.02 ? 0 : 1);
