#!/usr/bin/env node
// `prepare`: builds dist/ when npm installs brandlint from a folder or a git repository (`npm ci`
// in a clone, a git dependency, the pre-commit framework) and before `npm pack`. A tarball from
// the registry already holds dist/ and runs no `prepare`.
//
// - It writes nothing to stdout. pre-commit's node installer runs `npm install` in its clone,
//   then takes `npm pack`'s whole stdout as the tarball's file name; tsc prints its errors to
//   stdout, so both steps here send their stdout to stderr. (npm's own "> brandlint prepare"
//   banner is kept off stdout by `foreground-scripts=false` in .npmrc.)
// - It builds once. pre-commit (like `npm install <git url>`) runs `prepare` at the install and
//   again at the pack: when dist/ is newer than every input, as make would judge it, the second
//   run has nothing to do. `npm run build:ts` always builds.
// - It emits without type checking (`tsc --noCheck`: the same JavaScript, in about half the
//   time); `npm run typecheck` and `npm test` check the types.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inputs = ['src', 'rules', 'scripts/build.mjs', 'scripts/prepare.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const outputs = ['dist/src/index.js', 'dist/src/launcher/load-bundle.js', 'dist/src/launcher/cli.cjs', 'dist/src/cli/brandlint.cjs', 'dist/src/cli/regex-analysis.cjs', 'dist/packs.json', 'dist/english-words/e.txt'];

function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const entry of readdirSync(file)) time = Math.max(time, newest(path.join(file, entry)));
  return time;
}

function oldestOutput() {
  let time = Infinity;
  for (const file of outputs) {
    const full = path.join(root, file);
    if (!existsSync(full)) return 0;
    time = Math.min(time, statSync(full).mtimeMs);
  }
  return time;
}

if (oldestOutput() > Math.max(...inputs.map((file) => newest(path.join(root, file))))) {
  process.stderr.write('brandlint prepare: dist/ is newer than its sources; not rebuilt (`npm run build:ts` rebuilds)\n');
  process.exit(0);
}

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('brandlint prepare: building dist/ needs the devDependencies (typescript, esbuild); run `npm install` with them\n');
  process.exit(1);
}
// stdout of both steps goes to stderr (file descriptor 2).
const stdio = ['ignore', 2, 2];
for (const args of [[tsc, '-p', 'tsconfig.build.json', '--noCheck'], [path.join(root, 'scripts', 'build.mjs')]]) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
