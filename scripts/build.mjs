#!/usr/bin/env node
// The build after `tsc` (run by `npm ci` through `prepare`, and by `npm test`):
// 1. the CLI as one minified CommonJS bundle, dist/src/cli/brandlint.cjs: Node reads and compiles one
//    file instead of resolving ~320 ES modules, and the launcher (src/launcher/load-bundle.ts)
//    keeps V8's compiled code of it between runs (CommonJS because that is what Node 20 can cache);
//    heavy packages few runs use go to side bundles beside it (SIDE_BUNDLES, regex-analysis.cjs), which
//    the launcher loads, with their own code cache, when the CLI first requires them;
// 2. the shipped rule packs parsed and validated once, dist/packs.json (keyed by the hash of their
//    text, so an edited pack is simply parsed again at run time).
// 3. the English word list of the shouting check split by first letter, dist/english-words/<a-z>.txt,
//    each sorted: a run reads the letters it looks up, not 2.8 MB.
// It prints only on failure, and `prepare` (scripts/prepare.mjs) sends even that to stderr: nothing may
// reach `npm pack`'s stdout (pre-commit reads the tarball name from it).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Beside tsc's output of src/cli, so that what the bundle leaves to Node (the interactive report)
// is found at the same relative place as from the compiled modules.
const out = path.join(root, 'dist', 'src', 'cli');
rmSync(path.join(out, 'brandlint.cjs'), { force: true });

/**
 * fdir (under tinyglobby) looks for picomatch with its own `require` when it loads, for a `glob()`
 * that tinyglobby never calls: Node then reads and compiles picomatch's six files from source on
 * every run. The lookup is left out of the bundle (test/cli/bundle.test.ts checks that it is);
 * should fdir change it, the bundle is built as it is and that test says so.
 */
const withoutOptionalPicomatch = {
  name: 'without-optional-picomatch',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/, ''),
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are separate
 * executables, which brandlint has none of; Node's child_process (with net, dgram and streams)
 * then costs every run milliseconds. The bundle requires it when commander spawns, not before
 * (test/cli/bundle.test.ts checks that a lint of one file loads no child_process).
 */
const commanderWithLazyChildProcess = {
  name: 'commander-with-lazy-child-process',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(
        "const childProcess = require('node:child_process');",
        "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      ),
      loader: 'js',
    }));
  },
};

/**
 * zod re-exports its error messages in 60-odd languages (`z.locales`, 260 KB of the bundle) and
 * sets English, which it imports itself; brandlint never switches. The bundle keeps English only
 * (test/cli/bundle.test.ts checks that the others are left out).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

// The phrase lists of write-good's packages that rules/prose-style matches itself, as expressions.
const { packagePattern } = await import(path.join(root, 'dist/rules/prose-style/phrase-list.js'));
const { PHRASE_LISTS } = await import(path.join(root, 'dist/rules/prose-style/index.js'));
const phrasePatterns = Object.fromEntries(Object.values(PHRASE_LISTS).map((name) => [name, { source: packagePattern(name).source, flags: packagePattern(name).flags }]));

// Heavy packages the one-file run does not use, each group in a bundle of its own beside the CLI's
// (the launcher loads one when the CLI first requires one of its packages, with its own code
// cache; see SIDE_BUNDLES in src/launcher/load-bundle.ts): refa and scslre, 1 MB, only check the
// user's own regular expressions when a guideline file or a rule pack is (re)read.
const { SIDE_BUNDLES } = await import(path.join(root, 'dist/src/launcher/load-bundle.js'));
for (const file of Object.values(SIDE_BUNDLES)) rmSync(path.join(out, file), { force: true });

/**
 * In the CLI bundle, `import('refa')` becomes a `require('refa')` (which the launcher answers from
 * the side bundle): esbuild keeps `import()` of a package left out, and Node 20 cannot run that in
 * code that came from V8's code cache.
 */
const requireSideBundles = {
  name: 'require-side-bundles',
  setup(esbuild) {
    const filter = new RegExp(`^(${Object.keys(SIDE_BUNDLES).join('|')})$`);
    esbuild.onResolve({ filter }, (args) => (args.namespace === 'side-bundle' ? { path: args.path, external: true } : { path: args.path, namespace: 'side-bundle' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'side-bundle' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/** What both bundles share: one CommonJS file for Node 20, minified unless BRANDLINT_BUILD_READABLE is set. */
const commonJsBundle = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: !process.env.BRANDLINT_BUILD_READABLE, legalComments: 'none', logLevel: 'error' };

await build({
  entryPoints: { brandlint: path.join(root, 'dist/src/cli/main.js') },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  ...commonJsBundle,
  // Left to Node: packages that find files next to their own module (word-list's words.txt), that
  // only one command needs and are heavy (style-dictionary for `build`), or that are ES modules
  // only (ink and React, for the interactive report, which loads as compiled by tsc).
  // dictionary-en, asciidoctor and en-pos (Vale styles, AsciiDoc) read files next to themselves;
  // they, remark-mdx (with a JavaScript parser) and postal-mime (.eml) are loaded only when such a
  // file or rule is met: every run would pay for reading them in the bundle.
  external: ['style-dictionary', 'style-dictionary/*', 'ink', 'react', 'react/*', 'react-devtools-core', 'word-list', 'dictionary-en', '@asciidoctor/core', 'en-pos', 'remark-mdx', 'postal-mime', 'pdfjs-dist', 'pdfjs-dist/*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'],
  // The bundle is CommonJS: `import.meta.url` becomes its own file URL.
  define: { 'import.meta.url': '__bundleUrl', __BRANDLINT_PHRASE_PATTERNS__: JSON.stringify(phrasePatterns) },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [withoutOptionalPicomatch, commanderWithLazyChildProcess, requireSideBundles, zodEnglishOnly],
});

// 2. The launcher, one small CommonJS file (bin/brandlint.js requires it; see src/launcher/cli.ts).
await build({
  entryPoints: [path.join(root, 'dist/src/launcher/cli.js')],
  outfile: path.join(root, 'dist/src/launcher/cli.cjs'),
  ...commonJsBundle,
  define: { 'import.meta.url': '__launcherUrl' },
  banner: { js: "const __launcherUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// 3. The side bundles: each exports its packages by name.
const sideBundles = new Map();
for (const [name, file] of Object.entries(SIDE_BUNDLES)) sideBundles.set(file, [...(sideBundles.get(file) ?? []), name]);
for (const [file, names] of sideBundles) {
  await build({
    stdin: { contents: `module.exports = { ${names.map((name) => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`).join(', ')} };`, resolveDir: root, loader: 'js' },
    outfile: path.join(out, file),
    ...commonJsBundle,
  });
}

// esbuild escapes what is not ASCII in strings but leaves it in regular expression literals
// (/[’']/u, the Chinese date patterns). One such character makes the whole 3 MB source a
// two-byte string: reading it as UTF-8 and compiling it cost the launcher tens of milliseconds
// on every run. A \uXXXX escape means the same character in a string and in an expression (with
// or without the u flag, where a surrogate pair of escapes is one code point).
for (const bundleFile of [path.join(out, 'brandlint.cjs'), ...[...sideBundles.keys()].map((file) => path.join(out, file))]) {
  const bundled = readFileSync(bundleFile, 'utf8');
  if (/\\[^\x00-\x7f]/.test(bundled)) {
    console.error(`build: ${path.basename(bundleFile)} escapes a character that is not ASCII (\\’); escaping it again would change its meaning`);
    process.exit(1);
  }
  writeFileSync(bundleFile, bundled.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const { parsePack, packTextHash, PRECOMPILED_FORMAT } = await import(path.join(root, 'dist/rules/packs/load.js'));
const folder = path.join(root, 'rules', 'packs');
const packs = [];
for (const name of readdirSync(folder).filter((file) => file.endsWith('.yml')).sort()) {
  const text = readFileSync(path.join(folder, name), 'utf8');
  const parsed = parsePack(text, path.join(folder, name));
  if (!parsed.pack) {
    console.error(`build: rules/packs/${name} is invalid:\n${parsed.diagnostics.map((d) => `  ${d.message}`).join('\n')}`);
    process.exit(1);
  }
  packs.push({ name, sha256: packTextHash(text), pack: parsed.pack });
}
writeFileSync(path.join(root, 'dist', 'packs.json'), JSON.stringify({ format: PRECOMPILED_FORMAT, packs }));

const { englishWordListFile } = await import(path.join(root, 'dist/rules/packs/kinds.js'));
const byLetter = new Map();
for (const word of readFileSync(englishWordListFile(), 'utf8').split('\n')) {
  if (!/^[a-z]/.test(word)) continue;
  if (!byLetter.has(word[0])) byLetter.set(word[0], new Set());
  byLetter.get(word[0]).add(word);
}
const wordsFolder = path.join(root, 'dist', 'english-words');
rmSync(wordsFolder, { recursive: true, force: true });
mkdirSync(wordsFolder, { recursive: true });
for (const [letter, words] of byLetter) writeFileSync(path.join(wordsFolder, `${letter}.txt`), [...words].sort().join('\n'));
