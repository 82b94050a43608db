#!/usr/bin/env node
// Imports every token set of the corpus beside the repository (../shared/corpus/tokens, or
// BRANDLINT_TOKENS_CORPUS) with the built code, and prints per set: the formats found, tokens
// imported, warnings, errors, internal errors (import/internal or a throw: must be 0), contexts,
// and the sizes of the brand model built from the result (palette, fonts, type scale).
//
//   npx tsc -p tsconfig.build.json && node scripts/tokens-corpus.mjs [corpus-dir]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? process.env.BRANDLINT_TOKENS_CORPUS ?? path.join(repoRoot, '../shared/corpus/tokens'));
if (!existsSync(corpus)) {
  console.error(`token corpus not found: ${corpus}; pass its folder as an argument or in BRANDLINT_TOKENS_CORPUS`);
  process.exit(2);
}
const load = (file) => import(pathToFileURL(path.join(repoRoot, 'dist/src', file)).href);
const { importTokens } = await load('tokens/import/index.js');
const { loadTokenSet } = await load('tokens/dtcg/load.js');
const { parseResolverDocument, allInputs, defaultInput, inputName, resolveInput } = await load('tokens/dtcg/resolver.js');
const { loadResolverFile } = await load('tokens/dtcg/resolver-files.js');
const { createBrandModel } = await load('tokens/brand-model.js');

const list = (dir) => readdirSync(dir).flatMap((name) => {
  const file = path.join(dir, name);
  return statSync(file).isDirectory() ? list(file) : [file];
});

const rows = [];
let internal = 0;
for (const set of readdirSync(corpus).filter((name) => statSync(path.join(corpus, name)).isDirectory() && name !== 'LICENSES').sort()) {
  const root = path.join(corpus, set);
  const files = list(root).filter((file) => /\.(json|json5|jsonc|ya?ml|scss)$/i.test(file)).sort();
  const inputs = files.map((file) => ({ file: path.relative(root, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));
  let result;
  try {
    result = await importTokens(inputs, {
      readImport: async (file) => {
        const absolute = path.resolve(root, file);
        return existsSync(absolute) && absolute.startsWith(root) ? { file, text: readFileSync(absolute, 'utf8') } : { error: 'not found in the corpus' };
      },
    });
  } catch (error) {
    internal++;
    rows.push({ set, error: error instanceof Error ? error.stack : String(error) });
    continue;
  }
  const internalErrors = result.diagnostics.filter((d) => d.ruleId === 'import/internal').length;
  internal += internalErrors;
  const brand = brandOf(result);
  const formats = [...new Set(result.formats.map((format) => format.format ?? 'not tokens'))].join(', ');
  rows.push({
    set,
    files: inputs.length,
    formats,
    tokens: result.tokenCount,
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    internal: internalErrors,
    ...brand,
  });
  // Resolver documents of the set load as they are (their format is DTCG 2025.10): say how.
  for (const file of files.filter((candidate) => /\.resolver\.(json|ya?ml)$/i.test(candidate))) {
    const loaded = await loadResolverFile(file, { cwd: root });
    rows.push({
      set: `${set} (${path.relative(root, file)}, loaded as a DTCG resolver)`,
      files: loaded.files.length + 1,
      formats: 'dtcg resolver',
      tokens: loaded.contexts[0]?.result.set.tokens.size ?? 0,
      warnings: loaded.diagnostics.filter((d) => d.severity === 'warning').length,
      errors: loaded.diagnostics.filter((d) => d.severity === 'error').length,
      internal: 0,
      contexts: loaded.contexts.length,
      ...modelSizes(loaded.contexts[0]?.result.set),
    });
  }
}

function brandOf(result) {
  const tokenFiles = result.files.filter((file) => file.path !== result.resolver);
  if (!result.resolver) return { contexts: 1, ...modelSizes(loadTokenSet(tokenFiles.map((file) => ({ file: file.path, text: file.text }))).set) };
  const parsed = parseResolverDocument(result.files.find((file) => file.path === result.resolver).text, result.resolver);
  const map = new Map(tokenFiles.map((file) => [file.path, { file: file.path, text: file.text }]));
  const contexts = allInputs(parsed.resolver).inputs.length;
  const base = resolveInput(parsed.resolver, defaultInput(parsed.resolver), map);
  return { contexts, defaultContext: inputName(parsed.resolver, defaultInput(parsed.resolver)), ...modelSizes(base.set) };
}

function modelSizes(set) {
  if (!set) return { palette: 0, fonts: 0, typeScale: 0 };
  const { model } = createBrandModel(set, null, { remBase: 16 });
  return { palette: model.palette.length, fonts: model.fonts.length, typeScale: model.typeScale.length };
}

console.log('| set | files | formats | tokens imported | warnings | errors | internal errors | contexts | palette | fonts | type scale |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  if (row.error) {
    console.log(`| ${row.set} | threw: ${row.error.split('\n')[0]} |`);
    continue;
  }
  console.log(`| ${row.set} | ${row.files} | ${row.formats} | ${row.tokens} | ${row.warnings} | ${row.errors} | ${row.internal} | ${row.contexts}${row.defaultContext ? ` (default ${row.defaultContext})` : ''} | ${row.palette} | ${row.fonts} | ${row.typeScale} |`);
}
console.log(`\ninternal errors: ${internal}`);
process.exit(internal === 0 ? 0 : 1);
