import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCachedBrand, writeCachedBrand } from '../../src/engine/brand-cache.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'brandlint-brand-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const model = { version: 1, palette: [] } as unknown as BrandModel;

describe('the compiled brand kept between runs', () => {
  it('is used while every file it was built from is unchanged, and not after one changes', async () => {
    const tokens = path.join(dir, 'color.tokens.json');
    await writeFile(tokens, '{"a": 1}');
    const options = { folder: path.join(dir, 'cache'), salt: 'build 1' };
    expect(readCachedBrand(options)).toBeUndefined();
    writeCachedBrand(options, { model, diagnostics: [], inputFiles: [tokens] });
    expect(readCachedBrand(options)?.model).toEqual(model);
    expect(readCachedBrand({ ...options, salt: 'build 2' })).toBeUndefined();
    await writeFile(tokens, '{"a": 2}');
    expect(readCachedBrand(options)).toBeUndefined();
  });

  it('takes an entry of the wrong shape as none', async () => {
    const options = { folder: path.join(dir, 'cache'), salt: 's' };
    writeCachedBrand(options, { model, diagnostics: [], inputFiles: [] });
    const { readdir } = await import('node:fs/promises');
    const [name] = await readdir(path.join(options.folder, 'brands'));
    await writeFile(path.join(options.folder, 'brands', name!), JSON.stringify({ format: 1, model: null, hashes: {}, inputFiles: [], diagnostics: [] }));
    expect(readCachedBrand(options)).toBeUndefined();
  });
});
