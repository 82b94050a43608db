import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseContent, type PageDocument } from '../../src/channels/index.js';
import { loc, parse, slice, styles } from './helpers.js';

const page = (text: string, options: Parameters<typeof parse>[1] = {}) => parse(text, { channel: 'landing', file: 'site/index.html', ...options });

describe('landing pages', () => {
  const html = [
    '<!doctype html><html lang="fr">',
    '<head><title>Offres d&#39;été</title>',
    '<meta name="description" content="Nos meilleures offres">',
    '<meta name="campaign" content="ete-2025">',
    '<link rel="stylesheet" href="css/site.css">',
    '<link rel="stylesheet" href="https://cdn.example.test/lib.css">',
    '<link rel="stylesheet" href="css/missing.css">',
    '</head><body><h1>Bienvenue</h1></body></html>',
  ].join('\n');
  const css = 'body { color: #222; }\n.hero { background: #1d4ed8 }\n';
  const readFile = async (absolutePath: string) => (absolutePath === '/project/site/css/site.css' ? css : null);

  it('reads title, description, campaign and locale', async () => {
    const document = await page(html, { readFile });
    expect(document.format).toBe('html');
    expect(document.metadata.title?.text).toBe("Offres d'été");
    expect(loc(document.metadata.title?.range)).toBe('2:14-2:30');
    expect(document.metadata.metaDescription?.text).toBe('Nos meilleures offres');
    expect(loc(document.metadata.metaDescription?.range)).toBe('3:35-3:56');
    expect(document.metadata.campaign).toBe('ete-2025');
    expect(document.metadata.locale).toBe('fr');
    expect(document.messages.map((message) => message.kind)).toEqual(['page']);
    expect(document.textRuns.map((run) => [run.scope, run.text])).toEqual([
      ['title', "Offres d'été"],
      ['meta-description', 'Nos meilleures offres'],
      ['heading', 'Bienvenue'],
    ]);
  });

  it('lists linked local stylesheets with their own documents, and not their declarations', async () => {
    const document = (await page(html, { readFile })) as PageDocument;
    expect(document.styles).toEqual([]);
    expect(document.stylesheets.map((sheet) => [sheet.href, sheet.file, sheet.absolutePath, loc(sheet.hrefRange)])).toEqual([
      ['css/site.css', 'site/css/site.css', '/project/site/css/site.css', '5:30-5:42'],
      ['css/missing.css', 'site/css/missing.css', '/project/site/css/missing.css', '7:30-7:45'],
    ]);
    const sheet = document.stylesheets[0]!.document!;
    expect(sheet.file).toBe('site/css/site.css');
    expect(sheet.format).toBe('css');
    expect(styles(sheet)).toEqual(['color=#222 @1:15-1:19', 'background=#1d4ed8 @2:21-2:28']);
    expect(sheet.styles[0]).toMatchObject({ origin: 'stylesheet', selector: 'body', customPropertiesAllowed: true });
    expect(document.stylesheets[1]!.document).toBeNull();
    expect(document.parseProblems.map((problem) => [problem.ruleId, problem.severity, loc(problem.range)])).toEqual([
      ['parse/stylesheet', 'warning', '7:30-7:45'],
    ]);
  });
});

describe('linked stylesheets on disk', () => {
  const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures-adapters/site');

  it('reads a linked local .css file by default', async () => {
    const document = (await parseContent({
      file: 'site/index.html',
      absolutePath: path.join(site, 'index.html'),
      text: '<link rel="stylesheet" href="css/site.css?v=3"><h1 class="hero">Hi</h1>',
      channel: 'landing',
    })) as PageDocument;
    expect(document.parseProblems).toEqual([]);
    expect(document.stylesheets).toHaveLength(1);
    const sheet = document.stylesheets[0]!;
    expect(sheet.absolutePath).toBe(path.join(site, 'css/site.css'));
    expect(sheet.file).toBe('site/css/site.css');
    expect(styles(sheet.document!)).toEqual(['color=#0b3d91 @1:16-1:23']);
  });
});

describe('Tailwind arbitrary values', () => {
  it.each([
    ['bg-[#1d4ed8]', 'div', 'background-color', '#1d4ed8', [], undefined],
    ['text-[#333]', 'div', 'color', '#333', [], undefined],
    ['text-[13px]', 'div', 'font-size', '13px', [], undefined],
    ['text-[1.1rem]', 'div', 'font-size', '1.1rem', [], undefined],
    ["font-['Lobster']", 'div', 'font-family', "'Lobster'", [], undefined],
    ['font-[Lobster,serif]', 'div', 'font-family', 'Lobster,serif', [], undefined],
    ["font-['Source_Sans_3']", 'div', 'font-family', "'Source_Sans_3'", [], undefined],
    ['font-[600]', 'div', 'font-weight', '600', [], undefined],
    ['border-[#ccc]', 'div', 'border-color', '#ccc', [], undefined],
    ['fill-[#f00]', 'div', 'fill', '#f00', [], undefined],
    ['stroke-[#0f0]', 'div', 'stroke', '#0f0', [], undefined],
    ['from-[#111111]', 'div', 'background-color', '#111111', [], undefined],
    ['via-[#222]', 'div', 'background-color', '#222', [], undefined],
    ['to-[rgb(1,2,3)]', 'div', 'background-color', 'rgb(1,2,3)', [], undefined],
    ['w-[120px]', 'img', 'width', '120px', [], undefined],
    ['hover:bg-[#0000ff]', 'div', 'background-color', '#0000ff', [], ':hover'],
    ['md:text-[18px]', 'div', 'font-size', '18px', ['@media (min-width: 768px)'], undefined],
    ['dark:md:hover:text-[#eee]', 'div', 'color', '#eee', ['@media (prefers-color-scheme: dark)', '@media (min-width: 768px)'], ':hover'],
    ['[color:#abc]', 'div', 'color', '#abc', [], undefined],
    ['text-[color:var(--brand)]', 'div', 'color', 'var(--brand)', [], undefined],
    ['bg-[#fff]/50', 'div', 'background-color', '#fff', [], undefined],
  ])('%s', async (token, tag, property, value, atRules, selector) => {
    const prefix = `<${tag} class="p-4 `;
    const document = await page(`${prefix}${token} mt-2">${tag === 'img' ? '' : `</${tag}>`}`);
    const found = document.styles.filter((declaration) => declaration.origin === 'tailwind');
    expect(found).toHaveLength(1);
    const declaration = found[0]!;
    expect(declaration).toMatchObject({ property, value, atRules, sourceName: token, customPropertiesAllowed: true });
    expect(declaration.selector).toBe(selector);
    // The value range is the text between the brackets (after a type hint).
    expect(slice(document, declaration.valueRange)).toBe(value);
    const column = prefix.length + token.indexOf(value) + 1;
    expect(loc(declaration.valueRange)).toBe(`1:${column}-1:${column + value.length}`);
    expect(loc(declaration.range)).toBe(`1:${prefix.length + 1}-1:${prefix.length + 1 + token.length}`);
  });

  it.each([['bg-blue-500'], ['w-[120px]'], ['bg-[url(/img/hero.png)]'], ['text-[{{size}}]'], ['hover:underline']])('ignores %s', async (token) => {
    const document = await page(`<div class="${token}"></div>`);
    expect(document.styles).toEqual([]);
  });

  it('marks important arbitrary values', async () => {
    const document = await page('<p class="!text-[#111] bg-[#222]!">x</p>');
    expect(document.styles.map((declaration) => [declaration.value, declaration.important])).toEqual([
      ['#111', true],
      ['#222', true],
    ]);
  });
});

describe('stylesheets', () => {
  it('reads a .css file with exact positions, comments and at-rules', async () => {
    const css = [
      '/* brandlint-disable font-family-off-brand */',
      ':root { --brand: #1d4ed8; }',
      '@media (max-width: 600px) {',
      '  .a { font: 700 14px/1.2 "Brand Sans", sans-serif; color: var(--brand) }',
      '}',
      "@font-face { font-family: \"Brand Sans\"; src: url('brand.woff2') }",
    ].join('\n');
    const document = await parseContent({ file: 'site.css', absolutePath: '/p/site.css', text: css, channel: 'landing' });
    expect(document.format).toBe('css');
    expect(styles(document)).toEqual([
      '--brand=#1d4ed8 @2:18-2:25',
      'font=700 14px/1.2 "Brand Sans", sans-serif @4:14-4:51',
      'color=var(--brand) @4:60-4:72',
      'font-family="Brand Sans" @6:27-6:39',
      "src=url('brand.woff2') @6:46-6:64",
    ]);
    expect(document.styles[1]?.atRules).toEqual(['@media (max-width: 600px)']);
    expect(document.comments.map((comment) => [comment.text, loc(comment.range)])).toEqual([[' brandlint-disable font-family-off-brand ', '1:3-1:44']]);
    expect(document.fontSources.map((font) => [font.kind, font.family, loc(font.range)])).toEqual([['font-face', 'Brand Sans', '6:27-6:39']]);
    expect(document.textRuns).toEqual([]);
    expect(document.messages).toEqual([]);
  });

  it('reports broken CSS at its position and keeps what it could read', async () => {
    const document = await parseContent({ file: 'a.css', absolutePath: '/p/a.css', text: '.a { color: #111 }\n.b { color #222; background: #333 }\n', channel: 'landing' });
    expect(document.parseProblems.map((problem) => [problem.ruleId, loc(problem.range)])).toEqual([['parse/css', '2:6-2:7']]);
    expect(styles(document)).toEqual(['color=#111 @1:13-1:17', 'background=#333 @2:30-2:34']);
  });

  it('reads template tags in a .css file as written', async () => {
    const document = await parseContent({ file: 'a.css', absolutePath: '/p/a.css', text: '.a { color: {{ brand.color }}; }', channel: 'landing' });
    expect(document.parseProblems).toEqual([]);
    expect(styles(document)).toEqual(['color={{ brand.color }} @1:13-1:30']);
    expect(document.templateRanges.map(loc)).toEqual(['1:13-1:30']);
  });

  it('reads .scss: variables, maps, // comments and interpolation as written', async () => {
    const scss = [
      '$brand: #1d4ed8; // primary',
      '$theme: (primary: #fff, secondary: #000);',
      '.a {',
      '  color: darken($brand, 10%);',
      '  &:hover { border-color: #{$edge}; }',
      '}',
    ].join('\n');
    const document = await parseContent({ file: '_colors.scss', absolutePath: '/p/_colors.scss', text: scss, channel: 'landing' });
    expect(document.format).toBe('scss');
    expect(document.parseProblems).toEqual([]);
    expect(styles(document)).toEqual([
      '$brand=#1d4ed8 @1:9-1:16',
      '$theme=(primary: #fff, secondary: #000) @2:9-2:41',
      'color=darken($brand, 10%) @4:10-4:29',
      'border-color=#{$edge} @5:27-5:35',
    ]);
    expect(document.comments.map((comment) => [comment.text, loc(comment.range)])).toEqual([[' primary', '1:20-1:28']]);
    expect(document.templateRanges).toEqual([]);
  });

  it('reads a 240 KB one-line (minified) stylesheet with exact columns', async () => {
    const rules = Array.from({ length: 6000 }, (_, i) => `.component-${i}{color:#${(i % 4096).toString(16).padStart(3, '0')};margin:0 auto}`);
    const css = rules.join('');
    expect(css.length).toBeGreaterThan(200_000);
    const document = await parseContent({ file: 'big.css', absolutePath: '/p/big.css', text: css, channel: 'landing' });
    expect(document.styles).toHaveLength(12_000);
    const last = document.styles[document.styles.length - 2]!;
    expect(last.range.start.line).toBe(1);
    expect(slice(document, last.valueRange)).toBe(last.value);
    expect(last.valueRange.start.column).toBe(css.lastIndexOf('color:') + 7);
  });
});
