import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * brandlint's version from its package.json. The module sits at src/cli (tests) or
 * dist/src/cli (built), so walk up to the first package.json named brandlint.
 */
export function brandlintVersion(): string {
  if (cached) return cached;
  for (let url = new URL('../', import.meta.url); ; url = new URL('../', url)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'brandlint' && manifest.version) return (cached = manifest.version);
    } catch {
      // no package.json here: keep walking up
    }
    if (url.pathname === '/') return (cached = '0.0.0');
  }
}
