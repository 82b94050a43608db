#!/usr/bin/env node
// Runs the DTCG format conformance suite through validateTokenDocument (the built code).
//
//   npx tsc -p tsconfig.build.json && node scripts/conformance.mjs [suite-dir]
//
// suite-dir (or $DTCG_CONFORMANCE_DIR) is the folder holding manifest.json; the default is
// ../shared/dtcg-conformance/tests/format relative to the repository root. A test is accepted
// when validation reports no error-level diagnostic.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = path.resolve(process.argv[2] ?? process.env.DTCG_CONFORMANCE_DIR ?? path.join(repoRoot, '../shared/dtcg-conformance/tests/format'));
const manifestPath = path.join(suiteDir, 'manifest.json');

if (!existsSync(manifestPath)) {
  console.error(`conformance suite not found: ${manifestPath} does not exist`);
  console.error('pass the folder holding manifest.json as an argument or in DTCG_CONFORMANCE_DIR');
  process.exit(2);
}

const entry = path.join(repoRoot, 'dist/src/tokens/dtcg/index.js');
if (!existsSync(entry)) {
  console.error(`built code not found: ${entry}; run "npx tsc -p tsconfig.build.json" first`);
  process.exit(2);
}
const { validateTokenDocument } = await import(pathToFileURL(entry).href);
const { formatDiagnosticLine } = await import(pathToFileURL(path.join(repoRoot, 'dist/src/core/diagnostic.js')).href);

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
let passed = 0;
let failed = 0;
for (const test of manifest.tests) {
  const expectAccept = test.type === 'PositiveEvaluationTest';
  const file = path.join(suiteDir, test.input);
  let diagnostics;
  try {
    diagnostics = validateTokenDocument(readFileSync(file, 'utf8'), path.relative(suiteDir, file));
  } catch (error) {
    failed++;
    console.log(`FAIL ${test.id} (${expectAccept ? 'accept' : 'reject'}): threw ${error instanceof Error ? error.stack : String(error)}`);
    continue;
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if ((errors.length === 0) === expectAccept) {
    passed++;
    continue;
  }
  failed++;
  const first = errors[0] ?? diagnostics[0];
  const detail = expectAccept && first ? formatDiagnosticLine(first) : 'no error reported';
  console.log(`FAIL ${test.id} (${expectAccept ? 'accept' : 'reject'}): ${detail}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
