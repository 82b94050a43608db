import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

/**
 * Every package the shipped code imports at run time is a dependency of its own: one reached only
 * through another package (parse5 through rehype-parse) disappears the day that package drops it.
 */
const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Package names imported for their values (not `import type`) by a source text. */
function runtimeImports(text: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\b)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers
    .filter((specifier) => !specifier.includes('${') && !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

describe('dependencies', () => {
  it.each([
    ['import { a } from "parse5";', ['parse5']],
    ["import type { A } from 'parse5';", []],
    ["const m = await import('@scope/pkg/sub');", ['@scope/pkg']],
    ["import path from 'node:path';\nimport fs from 'fs';", []],
    ["export { x } from 'yaml';", ['yaml']],
  ])('reads the run-time imports of %j', (text, expected) => {
    expect(runtimeImports(text)).toEqual(expected);
  });

  it('declares every package that src/ and rules/ import at run time', () => {
    const files = globSync(['src/**/*.{ts,tsx}', 'rules/**/*.ts'], { cwd: root, ignore: ['**/*.test.ts', '**/*.d.ts'] });
    expect(files.length).toBeGreaterThan(100);
    const undeclared = new Set<string>();
    for (const file of files) {
      for (const name of runtimeImports(readFileSync(path.join(root, file), 'utf8'))) {
        if (!(name in manifest.dependencies)) undeclared.add(`${name} (${file})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });
});
