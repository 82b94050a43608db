import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

/** What keeps the CLI bundle (dist/src/cli/brandlint.cjs, scripts/build.mjs) cheap to load on every run. */
describe('CLI bundle', () => {
  const bundle = readFileSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'brandlint.cjs'), 'latin1');

  it('is ASCII only, so that V8 holds its source as a one-byte string', () => {
    const first = /[^\x00-\x7f]/.exec(bundle);
    expect(first && bundle.slice(Math.max(0, first.index - 40), first.index + 10)).toBeNull();
  });

  it('holds write-good instead of leaving it to Node (compiled from source on every run)', () => {
    // write-good's own "There is" check (write-good/lib/there-is.js).
    expect(bundle).toContain(String.raw`there\\b\\s(is|are)\\b`);
  });

  it("leaves out fdir's lookup of picomatch (six files Node would compile from source on every run)", () => {
    expect(bundle).not.toContain('("picomatch")');
  });
});
