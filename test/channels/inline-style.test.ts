import { describe, expect, it } from 'vitest';
import { plainDeclarations } from '../../src/channels/inline-style.js';
import { parse } from './helpers.js';

/** `style=""` values read without postcss. */
const PLAIN = [
  'color:red',
  'color : red ; ',
  ' ;;color:red;;background:#fff',
  "font-family:'Open Sans', Arial;color:#333",
  'font-family:"a;b", c',
  'background:url(a.png) no-repeat; color:red',
  'font: 12px Arial',
  'COLOR: RED',
  'color: rgb(1, 2, 3); border: 1px solid #ccc',
  'color:red\n;\nbackground : blue\t',
  'x:(a;b)',
  'mso-line-height-rule:exactly;line-height:100%',
  '-webkit-text-size-adjust:100%',
];

/** Values that postcss reads (or rejects) its own way: left to it. */
const NOT_PLAIN = [
  'color:red !important',
  'color:',
  'color',
  ':red',
  '--x: 1',
  'color:red;font:a:b',
  'width:100%%x%%',
  'a(b):c',
  "color: 'unclosed",
  'margin:0 auto;padding:(1',
  'color:red)',
  "background:url(it's.png);color:red",
  'color:red; /* c */',
  '_color:red',
  'color:\u00e9',
  'font: 12px/1.5 Arial',
  'background:url(http://x.com/a.png)',
];

function attribute(style: string): string {
  return style.includes('"') ? `'${style}'` : `"${style}"`;
}

describe('plain style attributes', () => {
  it.each(PLAIN)('reads %j without postcss, as postcss would', async (style) => {
    expect(plainDeclarations(style)).not.toBeNull();
    // The same value with a declaration postcss must read appended: the declarations before it agree.
    const plain = await parse(`<p style=${attribute(style)}>x</p>`);
    const postcss = await parse(`<p style=${attribute(`${style};x-last:\u00e9`)}>x</p>`);
    const inline = (origin: string) => origin === 'style-attribute';
    const fromPostcss = postcss.styles.filter((declaration) => inline(declaration.origin) && declaration.property !== 'x-last');
    expect(plain.styles.filter((declaration) => inline(declaration.origin))).toEqual(fromPostcss);
    expect(fromPostcss.length).toBeGreaterThan(0);
  });

  it.each(NOT_PLAIN)('leaves %j to postcss', (style) => {
    expect(plainDeclarations(style)).toBeNull();
  });
});
