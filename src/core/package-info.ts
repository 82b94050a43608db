import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let cachedRoot: { root: string; version: string } | undefined;

/**
 * brandlint's own package folder and version. The module sits in src/core (tests), dist/src/core
 * (compiled) or dist/cli (the bundled CLI), so walk up to the first package.json named brandlint.
 */
function findPackage(): { root: string; version: string } {
  if (cachedRoot) return cachedRoot;
  for (let url = new URL('../', import.meta.url); ; url = new URL('../', url)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'brandlint' && manifest.version) {
        return (cachedRoot = { root: fileURLToPath(url), version: manifest.version });
      }
    } catch {
      // no package.json here: keep walking up
    }
    if (url.pathname === '/') throw new Error('cannot find brandlint package.json');
  }
}

export function brandlintVersion(): string {
  return findPackage().version;
}

/** Absolute path of brandlint's package folder (holds tokens/, rules/). */
export function packageRoot(): string {
  return findPackage().root;
}
