#!/usr/bin/env node
// Runs the DTCG conformance suite through the built code: the format tests through
// validateTokenDocument, the resolver tests through validateResolverDocument.
//
//   npx tsc -p tsconfig.build.json && node scripts/conformance.mjs [suite-dir]
//
// suite-dir (or $DTCG_CONFORMANCE_DIR) is the suite's `tests` folder, whose manifest.json lists
// the format and resolver manifests; the default is ../shared/dtcg-conformance/tests relative to
// the repository root. A folder holding a single manifest of tests (such as tests/format) is run
// on its own. A test is accepted when validation reports no error-level diagnostic.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = path.resolve(process.argv[2] ?? process.env.DTCG_CONFORMANCE_DIR ?? path.join(repoRoot, '../shared/dtcg-conformance/tests'));
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
const { validateTokenDocument, validateResolverDocument } = await import(pathToFileURL(entry).href);
const { formatDiagnosticLine } = await import(pathToFileURL(path.join(repoRoot, 'dist/src/core/diagnostic.js')).href);

const root = JSON.parse(readFileSync(manifestPath, 'utf8'));
// The root manifest names one manifest per specification; a sub-manifest lists tests itself.
const suites = Array.isArray(root.manifests)
  ? root.manifests.map((entry) => ({ id: entry.id, dir: path.dirname(path.join(suiteDir, entry.file)), manifest: JSON.parse(readFileSync(path.join(suiteDir, entry.file), 'utf8')) }))
  : [{ id: path.basename(suiteDir), dir: suiteDir, manifest: root }];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  const isResolver = suite.id === 'resolver' || /resolver\.json$/.test(suite.manifest.schema ?? '');
  const validate = isResolver ? validateResolverDocument : validateTokenDocument;
  for (const test of suite.manifest.tests) run(suite, test, validate);
}

function run(suite, test, validate) {
  const expectAccept = test.type === 'PositiveEvaluationTest';
  const file = path.join(suite.dir, test.input);
  let diagnostics;
  try {
    diagnostics = validate(readFileSync(file, 'utf8'), path.relative(suiteDir, file));
  } catch (error) {
    failed++;
    console.log(`FAIL ${suite.id}/${test.id} (${expectAccept ? 'accept' : 'reject'}): threw ${error instanceof Error ? error.stack : String(error)}`);
    return;
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if ((errors.length === 0) === expectAccept) {
    passed++;
    return;
  }
  failed++;
  const first = errors[0] ?? diagnostics[0];
  const detail = expectAccept && first ? formatDiagnosticLine(first) : 'no error reported';
  console.log(`FAIL ${suite.id}/${test.id} (${expectAccept ? 'accept' : 'reject'}): ${detail}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
