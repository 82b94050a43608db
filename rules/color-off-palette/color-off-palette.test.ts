import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';
import { loadExampleBrand, testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const email = 'emails/x.html';

testRule(rule, {
  channel: 'email',
  file: email,
  valid: [
    // Every spelling of a palette color is that color.
    { code: '<div style="color:#1c1c19;background-color:#FFFFFF;border:1px solid #e2e2dc">Hi</div>' },
    { code: '<div style="color:#FFF;background:rgb(31, 81, 53)">Hi</div>' },
    { code: '<div style="color:white;background:hsl(146deg 45% 22%)">Hi</div>' },
    { code: '<div style="color:rgb(255 255 255 / 100%);border-color:oklch(100% 0 0)">Hi</div>' },
    { code: '<table bgcolor="#1f5135"><tr><td><font color="white">Hi</font></td></tr></table>' },
    { name: 'legacy bare hex of a palette color', code: '<div bgcolor="1f5135">Hi</div>' },
    { code: '<svg><path fill="#2e7d4f" stroke="none"/></svg>' },
    { code: '<!--[if mso]><v:roundrect fillcolor="#c2501d" strokecolor="#c2501d"><v:fill color="#c2501d"/></v:roundrect><![endif]-->' },
    // Keywords are not colors.
    { code: '<div style="color:inherit;background:transparent;border-color:currentColor;outline-color:initial">Hi</div>' },
    // Templates are never checked.
    { code: '<div style="color:{{ brand_color }}">Hi</div>' },
    { code: '<div style="color:#{{ hex }}">Hi</div>' },
    { code: '<div bgcolor="*|BG_COLOR|*">Hi</div>' },
    { code: '<div style="background:{% if vip %}#ff00ff{% else %}#1f5135{% endif %}">Hi</div>' },
    // URLs, comments, strings, selectors.
    { code: '<div style="background:#1f5135 url(\'https://cdn.northwind.example/bg-ff0000.png\')">Hi</div>' },
    { code: '<div style="background-image:url(#ff0000)">Hi</div>' },
    { code: '<!-- color: #ff0000 --><div style="color:#1c1c19 /* not #ff0000 */">Hi</div>' },
    { code: '<style>a[href="#ff0000"] { color: #1e5aa8; } .badge::before { content: "#ff0000"; color: #1c1c19; }</style>' },
    // Names that are not colors.
    { code: '<div style="font-family:Red Hat Display, Arial, sans-serif; animation-name: tomato">Hi</div>' },
    // A hidden preheader is never seen.
    { code: '<div style="display:none;max-height:0;color:#fefefe">Preview text</div>' },
    { code: '<style>.preheader { display: none !important; color: #fefefe; }</style>' },
    // Options.
    { code: '<div style="color:#000">Hi</div>', options: { allow: ['#000000'] } },
    { code: '<div style="color:black">Hi</div>', options: { allow: ['rgb(0 0 0)'] } },
    { code: '<div style="outline-color:#ff00ff">Hi</div>', options: { ignoreProperties: ['outline-color'] } },
    {
      code: '<style>@media (prefers-color-scheme: dark) { .body { color: #fefefe !important; } }</style>',
      options: { ignoreAtRules: ['prefers-color-scheme:dark'] },
    },
    { name: 'no brand', code: '<div style="color:#ff00ff">Hi</div>', noBrand: true },
    // Dark mode is checked against the dark palette: its own colors are fine there.
    { name: 'dark mode: the dark palette', code: '<style>@media (prefers-color-scheme: dark) { .body { background-color: #121412 !important; color: #f7f7f4 !important; } a { color: #8fb8ee !important; } }</style>' },
    { name: 'dark mode: Outlook.com selectors', code: '<style>[data-ogsb] .card { background-color: #1d211e !important; } [data-ogsc] .muted { color: #e2e2dc !important; }</style>' },
    // A color both themes have in a role that suits the property (white button text stays white).
    { name: 'dark mode: a color of both themes', code: '<style>@media (prefers-color-scheme: dark) { .button { color: #ffffff !important; background: #1f5135 !important; } }</style>' },
    { name: 'a light page scope: the light palette', file: 'page.html', channel: 'landing', code: '<style>[data-theme="light"] .card { background: #ffffff; }</style>' },
    // Landing pages.
    {
      file: 'page.html',
      channel: 'landing',
      code: '<style>:root { --color-link: #1e5aa8; --hero-start: #1F5135; } a { color: var(--color-link, #1e5aa8); } .hero { background: linear-gradient(var(--hero-start), #2e7d4f); }</style>',
    },
    { file: 'page.html', channel: 'landing', code: '<button class="bg-[#c2501d] text-[rgb(255_255_255)] hover:bg-[#2e7d4f]">Gear up</button>' },
    { file: 'site.css', channel: 'landing', code: '.card { border: 1px solid var(--color-border-default); color: rgb(var(--rgb)); background: color-mix(in srgb, #1f5135 40%, white); }' },
    { file: 'site.scss', channel: 'landing', code: '$brand: #1f5135;\n$colors: (primary: #1f5135, red: #b42318);\n.a { color: darken($brand, 10%); background: rgba(#ffffff, 1); }' },
  ],
  invalid: [
    {
      name: 'email: near miss in style="" is fixed to hex',
      code: '<div style="color:#1F5136">Hi</div>',
      errors: [{ line: 1, column: 19, endLine: 1, endColumn: 26, message: '#1F5136 is not a brand color; nearest is color.brand.primary (#1f5135), ΔE 0.4' }],
      output: '<div style="color:#1f5135">Hi</div>',
    },
    {
      name: 'email: the token suits the property',
      code: '<div bgcolor="#1f5136" style="border:1px solid #e2e2dd">Hi</div>',
      errors: [
        { line: 1, column: 15, endLine: 1, endColumn: 22, message: '#1f5136 is not a brand color; nearest is color.background.brand (#1f5135), ΔE 0.4' },
        { line: 1, column: 48, endLine: 1, endColumn: 55, message: '#e2e2dd is not a brand color; nearest is color.border.default (#e2e2dc), ΔE 0.5' },
      ],
      output: '<div bgcolor="#1f5135" style="border:1px solid #e2e2dc">Hi</div>',
    },
    {
      name: 'email: legacy bare hex gets its #',
      code: '<table bgcolor="1f5136"><tr><td>Hi</td></tr></table>',
      errors: [{ line: 1, column: 17, endLine: 1, endColumn: 23, message: '1f5136 is not a brand color; nearest is color.background.brand (#1f5135), ΔE 0.4' }],
      output: '<table bgcolor="#1f5135"><tr><td>Hi</td></tr></table>',
    },
    {
      name: 'email: legacy fff is near-black, not white',
      code: '<div bgcolor="fff">Hi</div>',
      errors: [{ line: 1, column: 15, endLine: 1, endColumn: 18, message: 'fff is not a brand color; nearest is color.neutral.900 (#1c1c19), ΔE 4.2' }],
    },
    {
      name: 'email: functions and named colors',
      code: '<div style="color:rgb(31, 82, 53);background-color:tomato">Hi</div>',
      errors: [
        { line: 1, column: 19, endLine: 1, endColumn: 34, message: 'rgb(31, 82, 53) is not a brand color; nearest is color.brand.primary (#1f5135), ΔE 0.4' },
        { line: 1, column: 52, endLine: 1, endColumn: 58, message: 'tomato is not a brand color; nearest is color.brand.accent (#c2501d), ΔE 14.9' },
      ],
      output: '<div style="color:#1f5135;background-color:tomato">Hi</div>',
    },
    {
      name: 'email: far from every brand color is not fixed',
      code: '<a href="https://www.northwind.example/sale" style="color:#1d4ed8">Shop</a>',
      errors: [{ line: 1, column: 59, endLine: 1, endColumn: 66, message: '#1d4ed8 is not a brand color; nearest is color.link (#1e5aa8), ΔE 8.3' }],
    },
    {
      name: 'email: translucent color with no translucent brand color',
      code: '<div style="box-shadow:0 1px 2px rgba(28,28,25,.08)">Hi</div>',
      errors: [
        {
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 52,
          message: 'rgba(28,28,25,.08) is not a brand color: no brand color has alpha 0.08; nearest opaque brand color is color.neutral.900 (#1c1c19), ΔE 0.0',
        },
      ],
    },
    {
      name: 'email: VML and SVG',
      code: '<!--[if mso]><v:roundrect fillcolor="#c2501e"></v:roundrect><![endif]--><svg><path fill="#2E7D50"/></svg>',
      errors: [
        { line: 1, column: 38, endLine: 1, endColumn: 45, message: '#c2501e is not a brand color; nearest is color.brand.accent (#c2501d), ΔE 0.2' },
        { line: 1, column: 90, endLine: 1, endColumn: 97, message: '#2E7D50 is not a brand color; nearest is color.brand.primary-hover (#2e7d4f), ΔE 0.3' },
      ],
      output: '<!--[if mso]><v:roundrect fillcolor="#c2501d"></v:roundrect><![endif]--><svg><path fill="#2e7d4f"/></svg>',
    },
    {
      name: 'email: dark-mode colors are checked, against the dark palette',
      code: '<style>@media (prefers-color-scheme: dark) { .body { color: #fefefe !important; } }</style>',
      errors: [{ line: 1, column: 61, endLine: 1, endColumn: 68, message: '#fefefe is not a brand color; nearest is color.text.inverse (#ffffff), ΔE 0.2' }],
      output: '<style>@media (prefers-color-scheme: dark) { .body { color: #ffffff !important; } }</style>',
    },
    {
      name: 'dark mode: a light-theme color is reported with the dark token that fits',
      code: '<style>@media (prefers-color-scheme: dark) { .card { background-color: #ffffff !important; } }</style>',
      errors: [{ line: 1, column: 72, endLine: 1, endColumn: 79, message: '#ffffff is the theme=light value of color.background.default; in theme=dark use color.background.default (#121412)' }],
      output: '<style>@media (prefers-color-scheme: dark) { .card { background-color: #121412 !important; } }</style>',
    },
    {
      name: 'dark mode: Outlook.com [data-ogsc] text in the light theme\'s color',
      code: '<style>[data-ogsc] .muted { color: #4a4a44 !important; }</style>',
      errors: [{ line: 1, column: 36, endLine: 1, endColumn: 43, message: '#4a4a44 is the theme=light value of color.text.muted; in theme=dark use color.text.muted (#e2e2dc)' }],
      output: '<style>[data-ogsc] .muted { color: #e2e2dc !important; }</style>',
    },
    {
      name: 'landing: a dark scope writes the token as var(), and a dark-theme color in the light page is reported too',
      file: 'page.html',
      channel: 'landing',
      code: '<style>.dark .card { border-color: #e2e2dc; } .card { color: #8fb8ee; }</style>',
      errors: [{ line: 1, column: 62, endLine: 1, endColumn: 69, message: '#8fb8ee is the theme=dark value of color.link; in theme=light use color.link (#1e5aa8)' }],
      output: '<style>.dark .card { border-color: #e2e2dc; } .card { color: var(--color-link); }</style>',
    },
    {
      name: 'dark mode: a near miss is fixed to a dark-palette color',
      code: '<style>@media (prefers-color-scheme: dark) { .body { background: #131412 !important; } }</style>',
      errors: [{ line: 1, column: 66, endLine: 1, endColumn: 73, message: '#131412 is not a brand color; nearest is color.background.default (#121412), ΔE 0.6' }],
      output: '<style>@media (prefers-color-scheme: dark) { .body { background: #121412 !important; } }</style>',
    },
    {
      name: 'email: nearMissThreshold 0 turns fixes off',
      code: '<div style="color:#1F5136">Hi</div>',
      options: { nearMissThreshold: 0 },
      errors: [{ line: 1, column: 19, endLine: 1, endColumn: 26 }],
    },
    {
      name: 'email: a decoded value is reported where it is written and not fixed',
      code: '<div style="color:&#35;1f5136">Hi</div>',
      errors: [{ line: 1, column: 19, endLine: 1, endColumn: 30, message: '#1f5136 is not a brand color; nearest is color.brand.primary (#1f5135), ΔE 0.4' }],
    },
    {
      name: 'email: a color inside a decoded value is located exactly through the value map',
      code: '<div style="border: 1px solid &#35;1f5136">Hi</div>',
      errors: [{ line: 1, column: 31, endLine: 1, endColumn: 42, message: '#1f5136 is not a brand color; nearest is color.brand.primary (#1f5135), ΔE 0.4' }],
    },
    {
      name: 'landing: var(--token) in CSS, hex in attributes and Tailwind',
      file: 'page.html',
      channel: 'landing',
      code: [
        '<style>',
        '  .button { background: #c2501e; color: #FFFFFE; }',
        '</style>',
        '<table bgcolor="#1f5136"><tr><div style="color:#1e5aa9">Hi</div></tr></table>',
        '<button class="bg-[#c2501e] text-[rgb(255_255_254)]">Gear up</button>',
      ].join('\n'),
      errors: [
        { line: 2, column: 25, endLine: 2, endColumn: 32, message: '#c2501e is not a brand color; nearest is color.brand.accent (#c2501d), ΔE 0.2' },
        { line: 2, column: 41, endLine: 2, endColumn: 48, message: '#FFFFFE is not a brand color; nearest is color.text.inverse (#ffffff), ΔE 0.5' },
        { line: 4, column: 17, endLine: 4, endColumn: 24, message: '#1f5136 is not a brand color; nearest is color.background.brand (#1f5135), ΔE 0.4' },
        { line: 4, column: 48, endLine: 4, endColumn: 55, message: '#1e5aa9 is not a brand color; nearest is color.link (#1e5aa8), ΔE 0.1' },
        { line: 5, column: 20, endLine: 5, endColumn: 27, message: '#c2501e is not a brand color; nearest is color.brand.accent (#c2501d), ΔE 0.2' },
        { line: 5, column: 35, endLine: 5, endColumn: 51, message: 'rgb(255_255_254) is not a brand color; nearest is color.text.inverse (#ffffff), ΔE 0.5' },
      ],
      output: [
        '<style>',
        '  .button { background: var(--color-brand-accent); color: var(--color-text-inverse); }',
        '</style>',
        '<table bgcolor="#1f5135"><tr><div style="color:var(--color-link)">Hi</div></tr></table>',
        '<button class="bg-[#c2501d] text-[#ffffff]">Gear up</button>',
      ].join('\n'),
    },
    {
      name: 'css: custom property definitions are content; fallbacks and own definitions get hex',
      file: 'site.css',
      channel: 'landing',
      code: [
        ':root { --promo: #ff00ff; --color-link: #1e5aa9; }',
        'a { color: #1e5aa9; border-color: var(--color-link, #1E5AA9); }',
      ].join('\n'),
      errors: [
        { line: 1, column: 18, endLine: 1, endColumn: 25, message: '#ff00ff is not a brand color; nearest is color.neutral.500 (#85857d), ΔE 40.2' },
        { line: 1, column: 41, endLine: 1, endColumn: 48, message: '#1e5aa9 is not a brand color; nearest is color.link (#1e5aa8), ΔE 0.1' },
        { line: 2, column: 12, endLine: 2, endColumn: 19, message: '#1e5aa9 is not a brand color; nearest is color.link (#1e5aa8), ΔE 0.1' },
        { line: 2, column: 53, endLine: 2, endColumn: 60, message: '#1E5AA9 is not a brand color; nearest is color.base.sky-600 (#1e5aa8), ΔE 0.1' },
      ],
      output: [
        ':root { --promo: #ff00ff; --color-link: #1e5aa8; }',
        'a { color: var(--color-link); border-color: var(--color-link, #1e5aa8); }',
      ].join('\n'),
    },
    {
      name: 'scss: variables and rules get hex',
      file: 'site.scss',
      channel: 'landing',
      code: '$promo: #1e5aa9;\n.a { color: rgba(#1f5136, 1); }',
      errors: [
        { line: 1, column: 9, endLine: 1, endColumn: 16, message: '#1e5aa9 is not a brand color; nearest is color.base.sky-600 (#1e5aa8), ΔE 0.1' },
        { line: 2, column: 13, endLine: 2, endColumn: 29, message: 'rgba(#1f5136, 1) is not a brand color; nearest is color.brand.primary (#1f5135), ΔE 0.4' },
      ],
      output: '$promo: #1e5aa8;\n.a { color: #1f5135; }',
    },
  ],
});

describe('translucent palette colors (a brand with a shadow color)', () => {
  const withShadow = async (): Promise<BrandModel> => {
    const brand = await loadExampleBrand();
    const shadow = { name: 'color.shadow.card', cssVar: '--color-shadow-card', hex: '#1c1c1914', alpha: 0.08, colorSpace: 'srgb', components: [0.1098, 0.1098, 0.098] };
    return { ...brand, palette: [...brand.palette, shadow as BrandModel['palette'][number]] };
  };
  const lint = async (text: string, file: string, channel: 'email' | 'landing', fix = false) =>
    lintText({ text, file, channel, brand: await withShadow(), rules: [rule], config: { rules: { [rule.meta.id]: 'error' } }, fix });

  it.each([
    ['email', 'emails/x.html', '<div style="box-shadow:0 1px 2px rgba(28, 28, 25, 0.08)">Hi</div>'],
    ['email', 'emails/x.html', '<div style="box-shadow:0 1px 2px #1C1C1914">Hi</div>'],
    ['landing', 'site.css', '.card { box-shadow: 0 1px 2px rgb(28 28 25 / 8%); }'],
  ] as const)('%s: %s is the shadow color', async (channel, file, text) => {
    expect((await lint(text, file, channel)).diagnostics.map((d) => d.message)).toEqual([]);
  });

  it.each([
    [
      'email',
      'emails/x.html',
      '<div style="box-shadow:0 1px 2px rgba(29, 28, 25, 0.08)">Hi</div>',
      'rgba(29, 28, 25, 0.08) is not a brand color; nearest is color.shadow.card (#1c1c1914), ΔE 0.7',
      '<div style="box-shadow:0 1px 2px rgba(28, 28, 25, 0.08)">Hi</div>',
    ],
    [
      'landing',
      'site.css',
      '.card { box-shadow: 0 1px 2px #1d1c1914; }',
      '#1d1c1914 is not a brand color; nearest is color.shadow.card (#1c1c1914), ΔE 0.7',
      '.card { box-shadow: 0 1px 2px var(--color-shadow-card); }',
    ],
    [
      'landing',
      'site.scss',
      '.card { box-shadow: 0 1px 2px #1d1c1914; }',
      '#1d1c1914 is not a brand color; nearest is color.shadow.card (#1c1c1914), ΔE 0.7',
      '.card { box-shadow: 0 1px 2px #1c1c1914; }',
    ],
    [
      'landing',
      'site.css',
      '.card { box-shadow: 0 1px 2px rgba(28, 28, 25, 0.3); }',
      'rgba(28, 28, 25, 0.3) is not a brand color: no brand color has alpha 0.3; nearest opaque brand color is color.neutral.900 (#1c1c19), ΔE 0.0',
      '.card { box-shadow: 0 1px 2px rgba(28, 28, 25, 0.3); }',
    ],
  ] as const)('%s: %s', async (channel, file, text, message, output) => {
    expect((await lint(text, file, channel)).diagnostics.map((d) => d.message)).toEqual([message]);
    expect((await lint(text, file, channel, true)).output).toBe(output);
  });
});

describe('sub-brands: scopes and files mapped to a context', () => {
  /** Northwind with a second modifier: the "summit" sub-brand whose primary color is orange. */
  const subBrand = async (): Promise<BrandModel> => {
    const brand = await loadExampleBrand();
    const contexts = brand.contexts;
    if (!contexts) throw new Error('the example brand has a dark theme');
    const summitPalette = brand.palette.map((token) => (token.aliasOf === 'color.base.pine-700' ? { ...token, hex: '#c2501d', aliasOf: 'color.base.summit-600' } : token));
    const light = contexts.resolved.find((context) => context.isDefault);
    if (!light) throw new Error('no default context');
    return {
      ...brand,
      contexts: {
        ...contexts,
        modifiers: [...contexts.modifiers, { name: 'brand', contexts: ['northwind', 'summit'], defaultContext: 'northwind' }],
        active: { theme: 'light', brand: 'northwind' },
        selectors: [{ selector: '.summit-landing', input: { brand: 'summit' } }],
        files: [{ files: ['**/summit/**'], input: { brand: 'summit' } }],
        resolved: [
          { ...light, input: { theme: 'light', brand: 'northwind' } },
          { name: 'theme=light,brand=summit', input: { theme: 'light', brand: 'summit' }, isDefault: false, palette: summitPalette },
        ],
      },
    };
  };
  const lint = async (text: string, file: string, fix = false) =>
    lintText({ text, file, channel: 'landing', brand: await subBrand(), rules: [rule], config: { rules: { [rule.meta.id]: 'error' } }, fix });

  it('a [data-brand] scope and a configured selector use the sub-brand palette', async () => {
    const text = '<style>[data-brand="summit"] .cta { background: #1f5135; } .summit-landing .cta { background: #1f5135; } .cta { background: #1f5135; }</style>';
    expect((await lint(text, 'page.html')).diagnostics.map((d) => `${d.range?.start.column} ${d.message}`)).toEqual([
      '49 #1f5135 is the brand=northwind value of color.background.brand; in brand=summit use color.background.brand (#c2501d)',
      '95 #1f5135 is the brand=northwind value of color.background.brand; in brand=summit use color.background.brand (#c2501d)',
    ]);
  });

  it('a file mapped to the sub-brand is checked against its palette everywhere', async () => {
    const text = '<div style="background:#1f5135">Summit</div>';
    expect((await lint(text, '/site/summit/index.html')).diagnostics.map((d) => d.message)).toEqual([
      '#1f5135 is the brand=northwind value of color.background.brand; in brand=summit use color.background.brand (#c2501d)',
    ]);
    expect((await lint(text, '/site/northwind/index.html')).diagnostics).toEqual([]);
  });
});

// CMYK colors (the print channel): compared with the guideline file's print values when given.
testRule(rule, {
  channel: 'print',
  file: 'print/poster.svg',
  valid: [
    { name: 'the CMYK print value of Northwind Pine', code: '<svg><rect fill="device-cmyk(70% 0% 60% 65%)"/></svg>' },
    { name: 'within cmykTolerance (2 points)', code: '<svg><rect fill="device-cmyk(71% 1% 59% 64%)"/></svg>' },
    { name: 'fractions as CSS Color 5 allows', code: '<svg><rect fill="device-cmyk(0.7 0 0.6 0.65)"/></svg>' },
  ],
  invalid: [
    {
      name: 'a CMYK color no print value is near',
      code: '<svg><rect fill="device-cmyk(0% 100% 0% 0%)"/></svg>',
      errors: [
        {
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 44,
          message:
            'device-cmyk(0% 100% 0% 0%) is not a brand print color: compared with the CMYK print values of the guideline file, nearest is color.base.sky-600 (C90 M55 Y0 K20, Pantone 7686 C), 90 points apart',
        },
      ],
    },
    {
      name: 'outside the tolerance',
      code: '<svg><rect fill="device-cmyk(70% 0% 60% 60%)"/></svg>',
      errors: [{ line: 1, column: 18, endLine: 1, endColumn: 45, message: 'device-cmyk(70% 0% 60% 60%) is not a brand print color: compared with the CMYK print values of the guideline file, nearest is color.base.pine-700 (C70 M0 Y60 K65, Pantone 7483 C), 5 points apart' }],
    },
  ],
});

describe('CMYK without print values', () => {
  it('is converted to sRGB and judged by ΔE, and the message says so', async () => {
    const example = await loadExampleBrand();
    const brand: BrandModel = { ...example, palette: example.palette.map(({ print: _print, ...color }) => color) };
    const lint = (text: string) => lintText({ text, file: 'print/poster.svg', channel: 'print', brand, rules: [rule], config: { rules: { [rule.meta.id]: 'error' } } });
    expect((await lint('<svg><rect fill="device-cmyk(0% 0% 0% 0%)"/></svg>')).diagnostics).toEqual([]);
    expect((await lint('<svg><rect fill="device-cmyk(0% 100% 0% 0%)"/></svg>')).diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^device-cmyk\(0% 100% 0% 0%\) is not a brand color: converted to sRGB \(#ff00ff, the guideline file gives no CMYK print values\), nearest is color\.[\w.-]+ \(#[0-9a-f]{6}\), ΔE \d+\.\d$/),
    ]);
  });
});
