import { beforeAll, describe, expect, it } from 'vitest';
import { isLogoImage, matchLogoAsset, recogniseLogo, srcFileName, srcPath, wildcardMatches } from '../../src/core/logo.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';
import { loadExampleBrand } from '../rule-tester.js';

let brand: BrandModel;
beforeAll(async () => {
  brand = await loadExampleBrand();
});

const image = (src: string, alt: string | null = null, classes: string[] = []) => ({ src, alt, classes });

describe('srcPath and srcFileName', () => {
  it.each([
    ['images/northwind-logo.png', 'images/northwind-logo.png', 'northwind-logo.png'],
    ['/img/northwind-logo.svg', 'img/northwind-logo.svg', 'northwind-logo.svg'],
    ['./northwind-mark.svg', 'northwind-mark.svg', 'northwind-mark.svg'],
    ['https://cdn.northwind.example/v2/brand/northwind-logo@2x.png?w=240&v=3#x', 'v2/brand/northwind-logo@2x.png', 'northwind-logo@2x.png'],
    ['//cdn.example.com/northwind-logo.png', 'northwind-logo.png', 'northwind-logo.png'],
    ['cid:northwind-logo.png', 'northwind-logo.png', 'northwind-logo.png'],
    ['img/northwind%20logo.png', 'img/northwind logo.png', 'northwind logo.png'],
    ['data:image/png;base64,iVBORw0KGgo=', '', ''],
    ['{{ cdn }}/northwind-logo.png', '{{ cdn }}/northwind-logo.png', 'northwind-logo.png'],
    ['https://cdn.example.com/', '', ''],
  ])('%s', (src, path, fileName) => {
    expect(srcPath(src)).toBe(path);
    expect(srcFileName(src)).toBe(fileName);
  });
});

describe('wildcardMatches', () => {
  it.each([
    ['*logo*', 'Northwind Logo', true],
    ['*logo*', 'logo', true],
    ['*logo*', 'Trail boots', false],
    ['North?ind', 'northwind', true],
    ['a.b', 'axb', false],
  ])('%s ~ %s', (pattern, text, expected) => {
    expect(wildcardMatches(pattern, text)).toBe(expected);
  });
});

describe('matchLogoAsset', () => {
  it.each([
    ['northwind-logo.svg', 'primary'],
    ['https://cdn.northwind.example/a/b/northwind-logo@2x.png?v=1', 'primary'],
    ['/assets/NORTHWIND-LOGO.PNG', 'primary'],
    ['img/northwind-mark.svg', 'mark'],
    ['img/northwind-mark.png', null],
    ['img/logo-2019.png', null],
    ['{{ logo }}', null],
    ['', null],
  ])('%s -> %s', (src, id) => {
    expect(matchLogoAsset({ src }, brand)?.id ?? null).toBe(id);
  });

  it('globs in asset files match file names and paths', () => {
    const withGlobs: BrandModel = {
      ...brand,
      logos: [
        { id: 'any', files: ['nw-logo-*.png'], minWidthPx: 100 },
        { id: 'folder', files: ['brand/**/*.svg'], minWidthPx: 50 },
      ],
    };
    expect(matchLogoAsset({ src: 'https://cdn/x/nw-logo-dark.png?x' }, withGlobs)?.id).toBe('any');
    expect(matchLogoAsset({ src: '/static/brand/2024/mark.svg' }, withGlobs)?.id).toBe('folder');
    expect(matchLogoAsset({ src: '/static/other/mark.svg' }, withGlobs)).toBeNull();
  });

  it('no brand, no asset', () => {
    expect(matchLogoAsset({ src: 'northwind-logo.svg' }, null)).toBeNull();
  });
});

describe('recogniseLogo', () => {
  it.each([
    [image('img/northwind-logo.png'), ['approved-file', 'src-pattern'], 'primary', true],
    [image('img/old-logo.gif'), ['src-pattern'], null, true],
    [image('img/tree-mark.png'), ['src-pattern'], null, true],
    [image('img/header.png', null, ['Brand-Logo']), ['class-name'], null, true],
    [image('img/header.png', 'Northwind logo'), ['alt-pattern'], null, true],
    [image('{{ logo_url }}', null, ['logo']), ['src-pattern', 'class-name'], null, false],
    [image('data:image/png;base64,AAAA', 'Northwind logo'), ['alt-pattern'], null, true],
  ])('%j', (img, reasons, asset, srcKnown) => {
    expect(recogniseLogo(img, brand)).toEqual({ reasons, asset: asset ? expect.objectContaining({ id: asset }) : null, srcKnown });
  });

  it.each([image('img/trail-boots.jpg', 'Trail boots'), image('img/hero.jpg', ''), image('img/spacer.gif', null, ['spacer'])])(
    'not a logo: %j',
    (img) => {
      expect(isLogoImage(img, brand)).toBe(false);
    },
  );

  it('nothing without a brand', () => {
    expect(recogniseLogo(image('northwind-logo.svg', 'Northwind logo', ['logo']), null)).toBeNull();
  });
});
