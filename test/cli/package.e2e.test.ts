import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, tempDir } from './helpers.js';

/** What the package ships (package.json `files`), and that only `build` loads style-dictionary. */
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNpm) console.log('package: npm is not on PATH; the `npm pack` check is skipped');

describe.skipIf(!hasNpm)('npm pack', () => {
  it('ships what runs: no tests, no TypeScript sources, no source maps; packs, rule READMEs, word lists and the bundle', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
    expect(files.filter((file) => /\.test\.|(?<!\.d)\.tsx?$|\.map$|^test\/|^src\/|^scripts\//.test(file))).toEqual([]);
    for (const needed of [
      'bin/brandlint.js',
      'bin/package.json',
      'dist/src/launcher/cli.cjs',
      'dist/src/cli/brandlint.cjs',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/launcher/worker.js',
      'dist/src/report/app/run.js',
      'dist/packs.json',
      'dist/english-words/a.txt',
      'rules/packs/plain-language.yml',
      'rules/color-off-palette/README.md',
      'tokens/brand.guidelines.yaml',
      'package.json',
    ]) {
      expect(files, needed).toContain(needed);
    }
  }, 120_000);
});

describe('style-dictionary', () => {
  let guard: { dir: string; cleanup: () => void };
  let project: { dir: string; cleanup: () => void };
  /** Makes any require or import of style-dictionary fail, so a run that loads it shows it. */
  let guardFile: string;
  beforeAll(() => {
    guard = tempDir('brandlint-guard-');
    project = tempDir('brandlint-guard-project-');
    guardFile = path.join(guard.dir, 'guard.cjs');
    const hooks = "export async function resolve(specifier, context, next) { if (/^style-dictionary(\\/|$)/.test(specifier)) throw new Error('style-dictionary was loaded'); return next(specifier, context); }";
    writeFileSync(
      guardFile,
      [
        "const Module = require('node:module');",
        'const resolve = Module._resolveFilename;',
        "Module._resolveFilename = function (request, ...rest) { if (/^style-dictionary(\\/|$)/.test(request)) throw new Error('style-dictionary was loaded'); return resolve.call(this, request, ...rest); };",
        `Module.register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));`,
      ].join('\n'),
    );
  });
  afterAll(() => {
    guard.cleanup();
    project.cleanup();
  });
  const run = (args: string[]) => spawnSync(process.execPath, ['--require', guardFile, BIN, ...args], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', BRANDLINT_NO_BRAND_CACHE: '1' } });

  it('is loaded by `build` only', () => {
    expect(run(['init']).status).toBe(0);
    writeFileSync(path.join(project.dir, 'page.html'), '<p style="color:#ff0000">cheap</p>\n');
    const lint = run(['lint', 'page.html']);
    expect(lint.stderr).not.toContain('style-dictionary');
    expect(lint.stdout).toContain('brand/banned');
    expect(run(['validate', 'tokens/*.tokens.json']).status).toBe(0);
    expect(run(['lint', '--print-config', 'page.html']).status).toBe(0);
    // The guard works: build needs style-dictionary and fails under it.
    const build = run(['build']);
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain('style-dictionary was loaded');
  }, 120_000);
});
