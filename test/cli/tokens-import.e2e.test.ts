import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

/** `brandlint tokens import`, then `validate` and `build` on what it wrote, as a team moving to brandlint would. */
describe('brandlint tokens import', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('brandlint-import-'));
    mkdirSync(path.join(dir, 'design'));
    writeFileSync(
      path.join(dir, 'design', 'tokens.json'),
      JSON.stringify({
        core: { color: { pine: { value: '#1f5135', type: 'color' }, night: { value: '#121412', type: 'color' }, paper: { value: '#ffffff', type: 'color' } }, space: { base: { value: '8', type: 'spacing' }, lg: { value: '{space.base} * 3', type: 'spacing' } } },
        light: { bg: { value: '{color.paper}', type: 'color' } },
        dark: { bg: { value: '{color.night}', type: 'color' } },
        $themes: [
          { id: 'l', name: 'light', group: 'theme', selectedTokenSets: { core: 'source', light: 'enabled' } },
          { id: 'd', name: 'dark', group: 'theme', selectedTokenSets: { core: 'source', dark: 'enabled' } },
        ],
      }),
    );
    writeFileSync(path.join(dir, 'design', 'notes.json'), JSON.stringify([1, 2]));
  });
  afterAll(() => cleanup());

  it('writes DTCG files and a resolver, names the format and its evidence, and says what it converted', () => {
    const result = runCli(['tokens', 'import', 'design/tokens.json', '--out', 'tokens'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('design/tokens.json: tokens-studio (Tokens Studio): it has "$themes" at line');
    expect(result.stdout).toMatch(/warning design\/tokens\.json:\d+:\d+ space\.lg: "\{space\.base\} \* 3" is evaluated to 24px \(the expression is not kept\)  import\/converted/);
    expect(result.stdout).toContain('wrote tokens/tokens.resolver.json');
    expect(result.stdout).toContain('7 tokens from 1 file imported (1 warning');
    expect(JSON.parse(readFileSync(path.join(dir, 'tokens', 'dark.tokens.json'), 'utf8'))).toEqual({ bg: { $type: 'color', $value: '{color.night}' } });
  });

  it('its output validates, in every context', () => {
    const result = runCli(['validate', 'tokens/tokens.resolver.json'], dir);
    expect(result.stdout).toContain('tokens/tokens.resolver.json: valid, 6 tokens; 2 contexts: theme=light, theme=dark');
    expect(result.code).toBe(0);
  });

  it('build writes one output per context from the resolver', () => {
    writeFileSync(path.join(dir, 'brandlint.config.yaml'), 'tokens: tokens/tokens.resolver.json\nbuild:\n  platforms: [css, brand]\n');
    const result = runCli(['build'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('in 2 contexts');
    expect(readFileSync(path.join(dir, 'build', 'css', 'variables.css'), 'utf8')).toContain('--bg: var(--color-paper);');
    expect(readFileSync(path.join(dir, 'build', 'contexts', 'theme-dark', 'css', 'variables.css'), 'utf8')).toContain('--bg: var(--color-night);');
    expect(existsSync(path.join(dir, 'build', 'contexts', 'theme-dark', 'brand.json'))).toBe(false);
    const model = JSON.parse(readFileSync(path.join(dir, 'build', 'brand.json'), 'utf8')) as { contexts: { dark: unknown; resolved: Array<{ name: string; palette: Array<{ name: string; hex: string }> }> } };
    expect(model.contexts.dark).toEqual({ theme: 'dark' });
    expect(model.contexts.resolved.map((context) => `${context.name}: ${context.palette.find((color) => color.name === 'bg')?.hex}`)).toEqual(['theme=light: #ffffff', 'theme=dark: #121412']);
  });

  it('exit 1 and nothing written when no file can be read as tokens; exit 2 for a format it does not know', () => {
    const unreadable = runCli(['tokens', 'import', 'design/notes.json', '--out', 'other'], dir);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toContain('cannot tell the format: the top level is an array');
    expect(unreadable.stderr).toContain('no tokens imported; nothing was written');
    expect(existsSync(path.join(dir, 'other'))).toBe(false);
    const usage = runCli(['tokens', 'import', 'design/tokens.json', '--out', 'x', '--from', 'sketch'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown format "sketch"; expected one of dtcg, dtcg-draft, style-dictionary, tokens-studio, figma, theo, spectrum, sass, flat');
  });

  it('--format json reports formats, files and diagnostics', () => {
    const result = runCli(['tokens', 'import', 'design/tokens.json', '--out', 'tokens', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { tokens: number; resolver: string; files: string[]; formats: Array<{ format: string }> };
    expect(report).toMatchObject({ tokens: 7, resolver: 'tokens/tokens.resolver.json', formats: [{ format: 'tokens-studio' }] });
    expect(report.files).toContain('tokens/core.tokens.json');
  });
});
