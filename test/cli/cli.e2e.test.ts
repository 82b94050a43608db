import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function workspace(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

const BROKEN_TOKENS = `{
  "color": {
    "$type": "color",
    "base": {
      "pine": { "$value": { "colorSpace": "srgb", "components": [0.1, 0.3, 0.2] } }
    },
    "brand": {
      "primary": { "$value": "{color.base.blue}" }
    }
  }
}
`;

describe('brandlint (built binary)', () => {
  it('--help lists the commands and exits 0', () => {
    const result = runCli(['--help'], REPO_ROOT);
    expect(result.code).toBe(0);
    for (const command of ['validate', 'build', 'init']) expect(result.stdout).toContain(command);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'], REPO_ROOT)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('an unknown command or option is a usage error (exit 2)', () => {
    expect(runCli(['frobnicate'], REPO_ROOT).code).toBe(2);
    expect(runCli(['validate', '--nope', 'x.json'], REPO_ROOT).code).toBe(2);
  });
});

describe('brandlint validate', () => {
  it('accepts the example brand: every file valid, exit 0', () => {
    const files = ['color', 'typography', 'spacing', 'logo', 'effects'].map((name) => `tokens/${name}.tokens.json`);
    const result = runCli(['validate', ...files], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of files) expect(result.stdout).toMatch(new RegExp(`^${file}: valid, \\d+ tokens`, 'm'));
  });

  it('expands a quoted glob', () => {
    const result = runCli(['validate', 'tokens/*.tokens.json'], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('5 files checked: 5 valid, 0 invalid');
  });

  it('reports an invalid file with file:line:column and token path, exit 1', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'bad.tokens.json'), BROKEN_TOKENS);
    writeFileSync(path.join(dir, 'good.tokens.json'), '{ "space": { "$type": "dimension", "s": { "$value": { "value": 4, "unit": "px" } } } }');
    const result = runCli(['validate', 'good.tokens.json', 'bad.tokens.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^good\.tokens\.json: valid, 1 token$/m);
    expect(result.stdout).toMatch(/^bad\.tokens\.json: invalid/m);
    expect(result.stdout).toContain('bad.tokens.json:8:30 color.brand.primary:');
    expect(result.stdout).toMatch(/\{color\.base\.blue\}/);
  });

  it('--format json gives one result per file', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'bad.tokens.json'), BROKEN_TOKENS);
    const result = runCli(['validate', '--format', 'json', 'bad.tokens.json'], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { valid: boolean; files: Array<{ file: string; valid: boolean; diagnostics: Array<{ ruleId: string; tokenPath?: string; range: { start: { line: number } } }> }> };
    expect(report.valid).toBe(false);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ file: 'bad.tokens.json', valid: false });
    expect(report.files[0]?.diagnostics[0]).toMatchObject({ tokenPath: 'color.brand.primary', range: { start: { line: 8 } } });
  });

  it('a JSON syntax error is a positioned finding, not a crash', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'broken.json'), '{\n  "a": { "$type": "number", "$value": 1 },\n  "b": \n}\n');
    const result = runCli(['validate', 'broken.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.json:\d+:\d+/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.each([
    { name: 'no files', args: ['validate'] },
    { name: 'a missing file', args: ['validate', 'missing.json'] },
    { name: 'a glob that matches nothing', args: ['validate', 'nothing/*.json'] },
    { name: 'an unknown format', args: ['validate', '--format', 'xml', 'tokens/color.tokens.json'] },
  ])('usage error for $name: exit 2', ({ args }) => {
    const result = runCli(args, REPO_ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
  });
});

describe('brandlint init + build', () => {
  it('scaffolds a starter brand that builds into every output, deterministically', () => {
    const dir = workspace();
    const init = runCli(['init'], dir);
    expect(init.code).toBe(0);
    expect(existsSync(path.join(dir, 'brandlint.config.yaml'))).toBe(true);
    expect(existsSync(path.join(dir, 'tokens/brand.guidelines.yaml'))).toBe(true);

    const build = runCli(['build'], dir);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const outputs = ['css/variables.css', 'scss/_variables.scss', 'js/tokens.js', 'js/tokens.d.ts', 'json/tokens.json', 'email/_tokens.scss', 'email/tokens.json', 'brand.json'];
    const first = Object.fromEntries(outputs.map((file) => [file, readFileSync(path.join(dir, 'build', file), 'utf8')]));

    // 2025.10 objects are compiled, never printed as [object Object].
    for (const [file, text] of Object.entries(first)) expect(text, file).not.toContain('[object Object]');
    const css = first['css/variables.css'] ?? '';
    expect(css).toContain('--color-base-pine-700: #1f5135;');
    expect(css).toContain('--color-brand-primary: var(--color-base-pine-700);');
    expect(css).toContain('--font-size-base: 16px;');
    expect(css).toContain('--typography-body: var(--font-weight-regular) var(--font-size-base)/var(--font-line-height-normal) var(--font-family-body);');
    expect(css).toContain("--font-family-body: 'Source Sans 3', Helvetica, Arial, sans-serif;");
    expect(css).toContain('--border-default: 1px solid var(--color-border-default);');
    expect(first['scss/_variables.scss']).toContain('$color-brand-accent: $color-base-summit-600;');
    expect(first['js/tokens.js']).toContain('export const colorBasePine700 = "#1f5135";');
    expect(first['js/tokens.d.ts']).toContain('export const colorBasePine700');

    const email = first['email/_tokens.scss'] ?? '';
    expect(email).not.toContain('var(');
    expect(email).not.toMatch(/\d+rem/);
    expect(email).not.toMatch(/#[0-9a-f]{8}\b/i);
    expect(email).toContain('$color-brand-primary: #1f5135;');
    const emailJson = JSON.parse(first['email/tokens.json'] ?? '{}') as Record<string, unknown>;
    expect(emailJson['color-brand-primary']).toBe('#1f5135');

    const brand = JSON.parse(first['brand.json'] ?? '{}') as { palette: Array<{ name: string; hex: string }>; typeScale: Array<{ px: number }>; logos: Array<{ id: string; minWidthPx: number }>; brand: { name: string } };
    expect(brand.brand.name).toBe('Northwind');
    expect(brand.palette.find((color) => color.name === 'color.brand.primary')?.hex).toBe('#1f5135');
    expect(brand.typeScale.map((step) => step.px)).toEqual([12, 14, 16, 18, 20, 24, 30, 36, 48]);
    expect(brand.logos).toContainEqual(expect.objectContaining({ id: 'primary', minWidthPx: 120 }));

    // The same input gives byte-identical files.
    expect(runCli(['build'], dir).code).toBe(0);
    for (const file of outputs) expect(readFileSync(path.join(dir, 'build', file), 'utf8'), file).toBe(first[file]);
  });

  it('init refuses to overwrite without --force (exit 2)', () => {
    const dir = workspace();
    expect(runCli(['init'], dir).code).toBe(0);
    const again = runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(runCli(['init', '--force'], dir).code).toBe(0);
  });

  it('--platform and --out-dir select outputs', () => {
    const dir = workspace();
    runCli(['init'], dir);
    const result = runCli(['build', '--platform', 'css', 'brand', '--out-dir', 'dist-tokens'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'dist-tokens/css/variables.css'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist-tokens/brand.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist-tokens/scss'))).toBe(false);
    expect(runCli(['build', '--platform', 'xml'], dir).code).toBe(2);
  });

  it('a token error fails the build (exit 1) and writes nothing', () => {
    const dir = workspace();
    runCli(['init'], dir);
    writeFileSync(path.join(dir, 'tokens/broken.tokens.json'), BROKEN_TOKENS);
    const result = runCli(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tokens/broken.tokens.json:8:30 color.brand.primary:');
    expect(existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('an unknown config key is a config error with its position (exit 2)', () => {
    const dir = workspace();
    runCli(['init'], dir);
    const config = readFileSync(path.join(dir, 'brandlint.config.yaml'), 'utf8').replace('  outDir: build', '  outDir: build\n  colour: true');
    writeFileSync(path.join(dir, 'brandlint.config.yaml'), config);
    const result = runCli(['build'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/brandlint\.config\.yaml:\d+:3 .*unknown key "colour"/);
  });

  it('without any config or tokens, says so and how to add a brand (exit 2)', () => {
    const result = runCli(['build'], workspace());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no brandlint config found');
    expect(result.stderr).toContain('brandlint init');
    expect(result.stderr).toContain('no token files found');
  });
});
