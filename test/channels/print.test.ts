import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { horizontalScale, lengthPx, parseTransform, viewBoxScale } from '../../src/channels/svg-geometry.js';
import { REPO_ROOT } from '../rule-tester.js';
import { loc, parse, slice } from './helpers.js';

const svg = (body: string, root = 'width="600" height="900" viewBox="0 0 1200 1800"') =>
  parse(`<svg xmlns="http://www.w3.org/2000/svg" ${root}>\n${body}\n</svg>\n`, { channel: 'print', file: 'print/poster.svg' });

describe('print channel: SVG', () => {
  it('reads the poster fixture with exact positions', async () => {
    const file = 'fixtures/print/poster.svg';
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    const document = await parse(text, { channel: 'print', file });
    expect(document.format).toBe('svg');
    expect(document.parseProblems).toEqual([]);
    expect(document.metadata.campaign).toBe('spring-sale');
    expect(document.metadata.locale).toBe('en');
    expect(document.metadata.title?.text).toBe('Spring Sale poster');
    expect(document.textRuns.map((run) => `${run.scope} ${JSON.stringify(run.text.replace(/\s+/g, ' '))} @${loc(run.range)}`)).toEqual([
      'title "Spring Sale poster" @7:10-7:28',
      'body "The Spring Sale" @15:41-15:56',
      'body "Save 25% on packs with code SPRING20. Never cheap, always good. Ends 31 March. www.northwind.example/spring-sale" @17:19-19:60',
      'alt "Northwind logo" @22:12-22:26',
    ]);
    expect(document.styles.map((d) => `${d.property}=${d.value} ${d.origin} @${loc(d.valueRange)}`)).toEqual([
      'font-family=Montserrat, sans-serif style-element @9:30-9:52',
      'font-size=48px style-element @9:65-9:69',
      'font-weight=700 style-element @9:84-9:87',
      'fill=#1f5135 style-element @9:95-9:102',
      'fill=#00aaff style-element @10:21-10:28',
      'fill=#f7f7f4 html-attribute @12:42-12:49',
      'fill=#ff00ff html-attribute @14:43-14:50',
      'font-family=Comic Sans MS html-attribute @16:37-16:50',
      'font-size=36 html-attribute @16:63-16:65',
      'fill=#1c1c19 html-attribute @16:73-16:80',
    ]);
    for (const declaration of document.styles) expect(slice(document, declaration.valueRange)).toBe(declaration.value);
    expect(document.images).toMatchObject([{ src: 'assets/northwind-logo.svg', alt: 'Northwind logo', widthPx: 200 }]);
    expect(slice(document, document.images[0]!.widthRange)).toBe('400');
  });

  it('reads stroke, stop-color, flood-color, color and style="" as declarations', async () => {
    const document = await svg(
      [
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#c2501d"/></linearGradient>',
        '<filter id="f"><feFlood flood-color="#123456"/></filter></defs>',
        '<g color="#abcdef"><rect stroke="#1f5135" style="fill: #fbe9df; font-weight: 300"/></g>',
      ].join('\n'),
    );
    expect(document.styles.map((d) => `${d.property}=${d.value} @${loc(d.valueRange)}`)).toEqual([
      'stop-color=#c2501d @2:59-2:66',
      'flood-color=#123456 @3:38-3:45',
      'color=#abcdef @4:11-4:18',
      'stroke=#1f5135 @4:34-4:41',
      'fill=#fbe9df @4:56-4:63',
      'font-weight=300 @4:78-4:81',
    ]);
    for (const declaration of document.styles) expect(slice(document, declaration.valueRange)).toBe(declaration.value);
  });

  it('reads CSS in a CDATA section of <style>', async () => {
    const document = await svg('<style><![CDATA[\n.a { fill: #ff0000 }\n]]></style>');
    expect(document.styles.map((d) => `${d.property}=${d.value} @${loc(d.valueRange)}`)).toEqual(['fill=#ff0000 @3:12-3:19']);
  });

  it('takes text drawn as outlines for shapes, not prose', async () => {
    const document = await svg('<g aria-label="CHEAP"><path d="M0 0 L10 10 Z"/></g>');
    expect(document.textRuns).toEqual([]);
  });

  it('records an embedded raster image without reading its colors', async () => {
    const document = await svg('<image width="100" href="data:image/png;base64,iVBORw0KGgo="/>');
    expect(document.images).toMatchObject([{ src: 'data:image/png;base64,iVBORw0KGgo=', alt: null, widthPx: 50 }]);
    expect(document.styles).toEqual([]);
  });

  it('gives an image the width it is drawn at: transforms of it and its ancestors, and the viewBox scale', async () => {
    const document = await svg(
      [
        '<g transform="translate(10 10) scale(0.5)"><image href="a.png" width="400" aria-label="A"/></g>',
        '<g transform="rotate(90)"><image href="b.png" width="300" transform="scale(2)"/></g>',
        '<svg viewBox="0 0 100 100" width="50"><image href="c.png" width="100"/></svg>',
        '<g transform="wobble(3)"><image href="d.png" width="100"/></g>',
        '<image href="e.png" width="50%"/>',
      ].join('\n'),
    );
    expect(document.images.map((image) => [image.src, image.widthPx ?? null])).toEqual([
      ['a.png', 100],
      ['b.png', 300],
      ['c.png', 25],
      // A transform that cannot be read, or a relative width: the width is not known.
      ['d.png', null],
      ['e.png', null],
    ]);
    expect(document.images[0]).toMatchObject({ alt: 'A' });
    expect(document.textRuns.map((run) => `${run.scope} ${run.text}`)).toEqual(['alt A']);
  });

  it('takes the campaign from data-campaign and the locale from xml:lang on the root', async () => {
    const document = await svg('<text>Hallo</text>', 'xml:lang="de" data-campaign="trail-weekend"');
    expect(document.metadata).toMatchObject({ campaign: 'trail-weekend', locale: 'de' });
  });

  it('reports a file without an <svg> element', async () => {
    const document = await parse('just text', { channel: 'print', file: 'print/notes.svg' });
    expect(document.parseProblems.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['parse/svg not an SVG file: no <svg> element']);
  });
});

describe('SVG geometry', () => {
  it.each([
    ['scale(2)', 2],
    ['scale(2 3)', 2],
    ['translate(5) scale(.25)', 0.25],
    ['rotate(90) scale(3)', 3],
    ['matrix(0.5 0 0 0.5 10 10)', 0.5],
    ['skewY(45)', Math.SQRT2],
    ['', 1],
  ])('%s has a horizontal scale of %s', (transform, scale) => {
    expect(horizontalScale(parseTransform(transform)!)).toBeCloseTo(scale, 6);
  });

  it.each(['scale(a)', 'matrix(1 2 3)', 'scale(2', 'wobble(1)'])('%s cannot be read', (transform) => {
    expect(parseTransform(transform)).toBeNull();
  });

  it('converts lengths to px', () => {
    expect([lengthPx('10'), lengthPx('1in'), lengthPx('72pt'), lengthPx('25.4mm'), lengthPx('50%'), lengthPx('auto')]).toEqual([10, 96, 96, 96, null, null]);
  });

  it('fits the viewBox into the width and height (meet by default, slice, none)', () => {
    expect(viewBoxScale({ viewBox: '0 0 100 100', width: '200', height: '100' })).toBe(1);
    expect(viewBoxScale({ viewBox: '0 0 100 100', width: '200', height: '100', preserveAspectRatio: 'xMidYMid slice' })).toBe(2);
    expect(viewBoxScale({ viewBox: '0 0 100 100', width: '200', height: '100', preserveAspectRatio: 'none' })).toBe(2);
    expect(viewBoxScale({ viewBox: '0 0 100 100' })).toBe(1);
    expect(viewBoxScale({ width: '300' })).toBe(1);
  });
});
