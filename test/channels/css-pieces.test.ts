import { describe, expect, it } from 'vitest';
import { DocumentBuilder, identity, shifted } from '../../src/channels/builder.js';
import { walkCss } from '../../src/channels/css.js';
import { loadPostcss } from '../../src/channels/deps.js';
import { loc } from './helpers.js';

/**
 * A long stylesheet is parsed a piece at a time (src/channels/css.ts). Each case is read whole
 * and cut at every top-level block (`length: 1`), and both readings must give the same document.
 */
const WHOLE = { minLength: Number.POSITIVE_INFINITY, length: 0 };
const EVERY_BLOCK = { minLength: 0, length: 1 };

/** `before`: text of the file before the CSS (a `<style>` element's page), which the offsets skip. */
async function read(css: string, pieces: { minLength: number; length: number }, before = '') {
  const postcss = await loadPostcss();
  let parses = 0;
  const counting = { parse: (text: string) => (parses++, postcss.parse(text)) };
  const builder = new DocumentBuilder({ file: 'site.css', absolutePath: '/project/site.css', text: before + css, channel: 'landing', format: 'css' });
  const map = before === '' ? identity : shifted(identity, before.length);
  const result = walkCss(builder, { postcss: counting }, { css, map, origin: 'stylesheet', customPropertiesAllowed: true, comments: true, reportProblems: true }, pieces);
  const { document } = builder;
  return {
    parses,
    read: {
      styles: document.styles.map((style) => [style.property, style.value, loc(style.valueRange), loc(style.range), style.groupId, style.selector, style.atRules, style.important]),
      comments: document.comments.map((comment) => [comment.text, loc(comment.range), loc(comment.fullRange)]),
      fonts: document.fontSources.map((font) => [font.family, loc(font.range), font.kind]),
      problems: document.parseProblems.map((problem) => [problem.message, loc(problem.range)]),
      hidingClasses: result.hidingClasses,
    },
  };
}

const cases: Array<[string, string]> = [
  ['rules, at-rules and comments', 'a { color: #111 }\n@media (min-width: 600px) {\n  .b { color: #222; margin: 0 }\n}\n/* a { comment } */\n.c { color: #333 !important }\n'],
  ['declarations at the top level share one group across pieces', 'color: red;\na { color: #111 }\nmargin: 0;\nb { color: #222 }\npadding: 1px;\n'],
  ['braces in strings, escapes and unquoted url()', 'a::after { content: "}{" }\nb { background: url(data:image/svg+xml;utf8,<svg>{}</svg>) }\n.c\\{ { color: red }\nd { content: \'\\\'}\' }\ne { color: blue }\n'],
  ['fonts and imports', '@import url("https://fonts.googleapis.com/css2?family=Inter");\n@font-face { font-family: "Brand Sans"; src: url(a.woff2) }\nh1 { font-family: "Brand Sans", sans-serif }\n'],
  ['a hiding class in a later piece', 'a { color: red }\n.preheader { display: none }\nb { color: blue }\n'],
  ['a syntax error in the middle', 'a { color: red }\nb { color: ; }\nc { color: blue; ] }\nd { margin: 0 }\ne { @@@ }\nf { color: green }\n'],
  ['an unclosed block at the end', 'a { color: red }\nb { color: blue }\nc { color: green\n'],
  ['an unclosed comment in the middle', 'a { color: red }\nb { color: blue }\n/* never closed\nc { color: green }\n'],
  ['an unclosed string', 'a { color: red }\nb { content: "open }\nc { color: green }\n'],
  ['a stray closing brace at the top level', 'a { color: red }\n}\nb { color: blue }\nc { color: green }\n'],
  ['template tags', 'a { color: {{ brand.color }} }\n{% if dark %}\nb { color: #000 }\n{% endif %}\nc { color: #fff }\n'],
  ['CRLF line ends', 'a { color: red }\r\nb { color: blue }\r\nc { color: green }\r\n'],
];

describe('a stylesheet read a piece at a time reads as the whole', () => {
  it.each(cases)('%s', async (_name, css) => {
    const whole = await read(css, WHOLE);
    const pieces = await read(css, EVERY_BLOCK);
    expect(pieces.read).toEqual(whole.read);
    expect(whole.parses).toBeGreaterThanOrEqual(1);
  });

  it('maps the offsets of every piece into the file (a stylesheet inside a page)', async () => {
    const before = '<html>\n<head>\n<style>\n';
    const css = 'a { color: red }\nb { color: ; }\n/* note */\nc { font-family: "Brand Sans" }\nd { color: blue\n';
    const whole = await read(css, WHOLE, before);
    expect((await read(css, EVERY_BLOCK, before)).read).toEqual(whole.read);
    expect(whole.read.styles[0]![2]).toBe('4:12-4:15');
  });

  it('cuts a stylesheet at its top-level blocks (each piece one parse)', async () => {
    const css = 'a { color: red }\nb { color: blue }\nc { color: green }';
    expect((await read(css, EVERY_BLOCK)).parses).toBe(3);
    expect((await read(css, WHOLE)).parses).toBe(1);
  });

  it('agrees on stylesheets made of random pieces', async () => {
    const parts = [
      'a { color: #123456 }\n',
      '@media print { b { margin: 0 } }\n',
      '/* } { */\n',
      'c { content: "}" }\n',
      'd { background: url(x{y}.png) }\n',
      'e { color: ; }\n',
      '}\n',
      'f { color: red\n',
      'g { font-family: "Brand Sans" }\n',
      'margin: 0;\n',
      '"',
      '{{ tag }}\n',
    ];
    let seed = 11;
    for (let round = 0; round < 60; round++) {
      let css = '';
      for (let i = 0; i < 2 + (round % 9); i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        css += parts[seed % parts.length];
      }
      const whole = await read(css, WHOLE);
      expect((await read(css, EVERY_BLOCK)).read, css).toEqual(whole.read);
    }
  });
});
