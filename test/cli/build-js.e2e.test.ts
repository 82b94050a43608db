import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

/**
 * build/js loads in any Node project: tokens.cjs with `require`, tokens.mjs (and tokens.js, an ES
 * module by build/js/package.json) with `import`, in a fresh `npm init -y` project (CommonJS by
 * default) and in a `"type": "module"` one; the declarations typecheck under `nodenext`.
 */
let work: { dir: string; cleanup: () => void };
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNpm) console.log('build-js: npm is not on PATH; the fresh-project checks are skipped');

function node(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout.trim(), stderr: result.stderr };
}

/** A fresh project made by `npm init -y` (no network), holding a copy of build/js. */
function freshProject(name: string, type?: 'module'): string {
  const dir = path.join(work.dir, name);
  mkdirSync(dir);
  expect(spawnSync('npm', ['init', '-y'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } }).status).toBe(0);
  if (type) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, type }, null, 2));
  }
  cpSync(path.join(work.dir, 'brand/build/js'), path.join(dir, 'build/js'), { recursive: true });
  return dir;
}

beforeAll(() => {
  work = tempDir('brandlint-build-js-');
  mkdirSync(path.join(work.dir, 'brand'));
  expect(runCli(['init'], path.join(work.dir, 'brand')).code).toBe(0);
  const build = runCli(['build', '--platform', 'js'], path.join(work.dir, 'brand'));
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
});
afterAll(() => work.cleanup());

describe.skipIf(!hasNpm)('build/js in a fresh project', () => {
  it('writes ESM, CommonJS and declarations for both, with the same names', () => {
    const js = (file: string) => readFileSync(path.join(work.dir, 'brand/build/js', file), 'utf8');
    expect(js('tokens.mjs')).toContain('export const colorBasePine700 = "#1f5135";');
    expect(js('tokens.cjs')).toContain('exports.colorBasePine700 = "#1f5135";');
    expect(js('tokens.cjs')).not.toMatch(/^export /m);
    expect(js('tokens.js')).toBe(js('tokens.mjs'));
    for (const file of ['tokens.d.ts', 'tokens.d.mts', 'tokens.d.cts']) expect(js(file)).toContain('export const colorBasePine700: string;');
    expect(JSON.parse(js('package.json'))).toMatchObject({ type: 'module', main: './tokens.cjs' });
  });

  it.each([['commonjs (npm init -y)', undefined], ['"type": "module"', 'module' as const]])('loads with require and import in a %s project', (name, type) => {
    const dir = freshProject(type ? 'esm' : 'cjs', type);
    const required = node(['-e', "const t = require('./build/js/tokens.cjs'); console.log(t.colorBasePine700, Object.keys(t).length > 10)"], dir);
    expect(required.stderr).toBe('');
    expect(required.stdout).toBe('#1f5135 true');
    const imported = node(
      ['--input-type=module', '-e', "import { colorBasePine700 as a } from './build/js/tokens.mjs'; import { colorBasePine700 as b } from './build/js/tokens.cjs'; import { colorBasePine700 as c } from './build/js/tokens.js'; console.log(a, b, c)"],
      dir,
    );
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('#1f5135 #1f5135 #1f5135');
    // The folder itself resolves to the CommonJS file for require.
    expect(node(['-e', "console.log(require('./build/js').colorBasePine700)"], dir).stdout).toBe('#1f5135');
  });

  it('typechecks from .mts and .cts files under nodenext', () => {
    const dir = freshProject('ts');
    writeFileSync(path.join(dir, 'a.mts'), "import { colorBasePine700 } from './build/js/tokens.mjs';\nimport * as legacy from './build/js/tokens.js';\nexport const a: string = colorBasePine700 + legacy.colorBasePine700;\n");
    writeFileSync(path.join(dir, 'b.cts'), "import tokens = require('./build/js/tokens.cjs');\nconst b: string = tokens.colorBasePine700;\nexport = b;\n");
    writeFileSync(path.join(dir, 'bad.cts'), "import tokens = require('./build/js/tokens.cjs');\nconst n: number = tokens.colorBasePine700;\nexport = n;\n");
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const ok = node([tsc, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--strict', '--noEmit', 'a.mts', 'b.cts'], dir);
    expect(ok.stdout).toBe('');
    expect(ok.code).toBe(0);
    // The declarations are really read: a wrong type fails.
    expect(node([tsc, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--strict', '--noEmit', 'bad.cts'], dir).stdout).toContain("Type 'string' is not assignable to type 'number'");
  }, 180_000);
});
