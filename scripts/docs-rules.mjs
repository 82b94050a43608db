#!/usr/bin/env node
// Regenerates the rule tables of docs/rules.md from each rule's `meta` (npm run docs:rules).
//
// The tables sit between `<!-- rules:<category> -->` and `<!-- /rules -->` markers; the prose
// around them is written by hand and kept. The rules are read from the built registry
// (dist/rules/index.js: run `npm run build:ts` first); test/catalogue.test.ts renders the same
// tables from the TypeScript registry and fails when docs/rules.md differs.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MARKER = /<!-- rules:([a-z-]+) -->\n[\s\S]*?<!-- \/rules -->/g;

/** A table cell: one line, pipes escaped. */
const cell = (text) => String(text).replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');

/**
 * The Markdown table of the rules of one category, in registry order.
 * @param {readonly { id: string, description: string, category: string, fixable: boolean, defaultLevel: string, channels?: readonly string[] }[]} metas
 * @param {string} category
 */
export function renderRuleTable(metas, category) {
  const rows = metas
    .filter((meta) => meta.category === category)
    .map((meta) =>
      `| [\`${meta.id}\`](../rules/${meta.id}/README.md) | ${meta.channels?.length ? meta.channels.join(', ') : 'all'} | ${meta.defaultLevel} | ${meta.fixable ? 'yes' : 'no'} | ${cell(meta.description)} |`,
    );
  if (rows.length === 0) throw new Error(`docs/rules.md has a table for category "${category}", but no rule has it`);
  return ['| rule | channels | default | fixable | checks |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * docs/rules.md with every generated table replaced by the current one. Throws when a rule's
 * category has no table, so a new category cannot go unlisted.
 * @param {string} page
 * @param {readonly { id: string, description: string, category: string, fixable: boolean, defaultLevel: string, channels?: readonly string[] }[]} metas
 */
export function renderRulesPage(page, metas) {
  const seen = new Set();
  const out = page.replace(MARKER, (_match, category) => {
    seen.add(category);
    return `<!-- rules:${category} -->\n${renderRuleTable(metas, category)}\n<!-- /rules -->`;
  });
  const missing = [...new Set(metas.map((meta) => meta.category))].filter((category) => !seen.has(category));
  if (missing.length > 0) throw new Error(`docs/rules.md has no table for the categories ${missing.join(', ')}: add <!-- rules:<category> --><!-- /rules --> markers`);
  return out;
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const registry = path.join(root, 'dist/rules/index.js');
  let loaders;
  try {
    ({ RULE_LOADERS: loaders } = await import(pathToFileURL(registry).href));
  } catch (error) {
    console.error(`docs:rules: cannot load ${path.relative(root, registry)} (run npm run build:ts first): ${error.message}`);
    process.exit(2);
  }
  const metas = await Promise.all(Object.values(loaders).map(async (load) => (await load()).meta));
  const file = path.join(root, 'docs/rules.md');
  const before = await readFile(file, 'utf8');
  const after = renderRulesPage(before, metas);
  if (after === before) console.log(`docs/rules.md is up to date (${metas.length} rules)`);
  else {
    await writeFile(file, after);
    console.log(`docs/rules.md written (${metas.length} rules)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
