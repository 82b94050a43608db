import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { loadExampleBrand, testRule } from '../../test/rule-tester.js';
import rule from './index.js';

const table = (attributes: string, cell: string): string => `<table ${attributes}><tr><td>${cell}</td></tr></table>`;

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    // Dark mode: the dark rules change text and background together.
    { name: 'dark mode: text and background change together', code: '<style>@media (prefers-color-scheme: dark) { .card { background-color: #121412 !important; } .text { color: #f7f7f4 !important; } }</style><table class="card" bgcolor="#ffffff"><tr><td class="text" style="color:#1c1c19">Readable in both themes.</td></tr></table>' },
    { name: 'dark mode: a rule without !important loses to style=""', code: '<style>@media (prefers-color-scheme: dark) { .text { color: #f7f7f4; } }</style><table bgcolor="#ffffff"><tr><td class="text" style="color:#1c1c19">Inline style wins: dark text stays on white.</td></tr></table>' },
    { code: '<table bgcolor="#1f5135"><tr><td style="color:#ffffff;">Trail season is here</td></tr></table>' },
    { code: '<table bgcolor="#ffffff"><tr><td style="color:#4a4a44;">Members save 20%</td></tr></table>' },
    { name: 'white on Summit Orange passes (4.70)', code: '<table bgcolor="#c2501d"><tr><td style="color:#ffffff;">Shop the sale</td></tr></table>' },
    // Large text needs 3:1 (#c2501d on #fbe9df is 3.99).
    { code: '<p style="font-size:24px;color:#c2501d;background-color:#fbe9df">Sale</p>' },
    { code: '<p style="font:700 19px/1.4 Arial, sans-serif;color:#c2501d;background:#fbe9df">Sale</p>' },
    { code: '<p style="font-size:19px;font-weight:bold;color:#c2501d;background:#fbe9df">Sale</p>' },
    { name: 'h1 is large by default', code: '<h1 style="color:#c2501d;background:#fbe9df">Sale</h1>' },
    { name: 'font size inherited from an ancestor', code: '<div style="font-size:30px;background:#fbe9df"><span style="color:#c2501d">Sale</span></div>' },
    // Unknown pairs are never guessed.
    { name: 'no background anywhere', code: '<p style="color:#85857d">No background</p>' },
    { name: 'no text color anywhere', code: '<p style="background:#1c1c19">Default text</p>' },
    { name: 'hidden preheader', code: table('bgcolor="#ffffff"', '<div style="display:none;color:#fefefe">Preview text</div>') },
    { name: 'translucent text', code: '<div style="background:#ffffff"><p style="color:rgba(28,28,25,.4)">Faint</p></div>' },
    { name: 'translucent background', code: '<div style="background:#ffffff"><p style="background:rgba(28,28,25,.9);color:#1c1c19">Dark</p></div>' },
    { name: 'links keep their own color', code: table('bgcolor="#1c1c19" style="color:#1c1c19"', '<a href="https://www.northwind.example">Shop</a>') },
    { name: 'a stylesheet rule may style the element', code: '<style>.muted { color: #85857d; }</style><div style="background:#ffffff"><p class="muted">Note</p></div>' },
    { name: 'a stylesheet rule may set the background', code: '<style>.card { background: #1c1c19; }</style><div style="background:#ffffff"><div class="card"><p style="color:#f7f7f4">Dark card</p></div></div>' },
    { name: 'background image', code: '<div style="background:url(https://cdn.northwind.example/hero.jpg) #1f5135"><p style="color:#1c1c19">Over a photo</p></div>' },
    { name: 'template background', code: '<div style="background:{{ hero_bg }}"><p style="color:#85857d">Hi</p></div>' },
    { name: 'template text color', code: '<div style="background:#ffffff"><p style="color:*|TEXT_COLOR|*">Hi</p></div>' },
    { name: 'unknown variable', code: '<div style="background:#ffffff"><p style="color:var(--nope)">Hi</p></div>' },
    { name: 'rules are not combined across selectors', code: '<style>.a { color: #85857d; } .b { background: #ffffff; }</style>' },
    {
      name: 'hover and dark classes are another state',
      file: 'page.html',
      channel: 'landing',
      code: '<p class="bg-[#ffffff] text-[#1c1c19] hover:text-[#e2e2dc] dark:bg-[#1c1c19]">Hi</p>',
    },
    { file: 'site.css', channel: 'landing', code: '.button { color: #ffffff; background-color: #c2501d; }\n@media (prefers-color-scheme: dark) { .card { color: #f7f7f4; background: #1c1c19; } }' },
    { file: 'site.css', channel: 'landing', code: '.hero { color: #ffffff; background: linear-gradient(#1f5135, #2e7d4f); }' },
  ],
  invalid: [
    {
      name: 'dark mode: the text keeps its light color, the dark rule darkens its background',
      code: '<style>@media (prefers-color-scheme: dark) { .card { background-color: #121412 !important; } }</style><table class="card" bgcolor="#ffffff"><tr><td style="color:#4a4a44">Grey on night.</td></tr></table>',
      errors: [{ line: 1, column: 162, endLine: 1, endColumn: 169, message: '#4a4a44 on #121412 has a contrast ratio of 2.07:1 in theme=dark; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: "dark mode: Outlook.com's [data-ogsb] background",
      code: '<style>[data-ogsb] .card { background-color: #1d211e !important; }</style><table class="card" bgcolor="#ffffff"><tr><td style="color:#1c1c19">Dark on dark.</td></tr></table>',
      errors: [{ line: 1, column: 134, endLine: 1, endColumn: 141, message: '#1c1c19 on #1d211e has a contrast ratio of 1.04:1 in theme=dark; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: text on the cell background',
      code: '<table bgcolor="#ffffff"><tr><td style="color:#85857d">Disabled</td></tr></table>',
      errors: [{ line: 1, column: 47, endLine: 1, endColumn: 54, message: '#85857d on #ffffff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: color inherited from an ancestor, background from the cell',
      code: '<table style="color:#85857d"><tr><td bgcolor="#f7f7f4">Fine print</td></tr></table>',
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 28, message: '#85857d on #f7f7f4 has a contrast ratio of 3.46:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: <font color> on bgcolor',
      code: table('bgcolor="#1f5135"', '<font color="#1c1c19">Hi</font>'),
      errors: [{ line: 1, column: 47, endLine: 1, endColumn: 54, message: '#1c1c19 on #1f5135 has a contrast ratio of 1.85:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: 19px normal weight is not large',
      code: '<p style="font-size:19px;color:#c2501d;background:#fbe9df">Sale</p>',
      errors: [{ line: 1, column: 32, endLine: 1, endColumn: 39, message: '#c2501d on #fbe9df has a contrast ratio of 3.99:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: large text still needs 3:1',
      code: '<h2 style="color:#e2e2dc;background:#ffffff">Sale</h2>',
      errors: [{ line: 1, column: 18, endLine: 1, endColumn: 25, message: '#e2e2dc on #ffffff has a contrast ratio of 1.30:1; WCAG AA needs 3:1 for large text' }],
    },
    {
      name: 'email: style="" wins over bgcolor',
      code: '<table bgcolor="#1f5135"><tr><td bgcolor="#1f5135" style="background-color:#ffffff;color:#e2e2dc">Hi</td></tr></table>',
      errors: [{ line: 1, column: 90, endLine: 1, endColumn: 97, message: '#e2e2dc on #ffffff has a contrast ratio of 1.30:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: a transparent background shows the ancestor',
      code: '<div style="background-color:#ffffff"><p style="background:transparent;color:#85857d">Note</p></div>',
      errors: [{ line: 1, column: 78, endLine: 1, endColumn: 85, message: '#85857d on #ffffff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: one finding for one pair of declarations',
      code: '<div style="background:#ffffff;color:#85857d"><p>One</p><p>Two</p></div>',
      errors: [{ line: 1, column: 38, endLine: 1, endColumn: 45, message: '#85857d on #ffffff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: named colors',
      code: '<p style="color:white;background:#e2e2dc">Hi</p>',
      errors: [{ line: 1, column: 17, endLine: 1, endColumn: 22, message: 'white on #e2e2dc has a contrast ratio of 1.30:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'no brand: contrast does not need one',
      noBrand: true,
      code: '<p style="color:#85857d;background:#ffffff">Hi</p>',
      errors: [{ line: 1, column: 17, endLine: 1, endColumn: 24, message: '#85857d on #ffffff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'landing: one CSS rule with brand tokens',
      file: 'page.html',
      channel: 'landing',
      code: '<style>\n  .note { color: var(--color-text-disabled); background: var(--color-background-subtle); }\n</style>',
      errors: [
        {
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 44,
          message:
            'var(--color-text-disabled) (#85857d) on var(--color-background-subtle) (#f7f7f4) has a contrast ratio of 3.46:1; WCAG AA needs 4.5:1 for normal text',
        },
      ],
    },
    {
      name: 'landing: a page-defined custom property',
      file: 'page.html',
      channel: 'landing',
      code: '<style>:root { --muted: #85857d; } .x { color: var(--muted); background-color: #fff; }</style>',
      errors: [{ line: 1, column: 48, endLine: 1, endColumn: 60, message: 'var(--muted) (#85857d) on #fff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'landing: Tailwind classes',
      file: 'page.html',
      channel: 'landing',
      code: '<p class="bg-[#ffffff] text-[#85857d]">Hi</p>',
      errors: [{ line: 1, column: 30, endLine: 1, endColumn: 37, message: '#85857d on #ffffff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'css: dark-mode rules are checked too, and say so',
      file: 'site.css',
      channel: 'landing',
      code: '@media (prefers-color-scheme: dark) {\n  .card { color: #4a4a44; background: #1c1c19; }\n}',
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 25, message: '#4a4a44 on #1c1c19 has a contrast ratio of 1.91:1 in theme=dark; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'email: Outlook VML button',
      code: '<!--[if mso]><v:roundrect fillcolor="#c2501d"><center style="color:#fbe9df;font-size:16px">Shop the sale</center></v:roundrect><![endif]-->',
      errors: [{ line: 1, column: 68, endLine: 1, endColumn: 75, message: '#fbe9df on #c2501d has a contrast ratio of 3.99:1; WCAG AA needs 4.5:1 for normal text' }],
    },
    {
      name: 'scss',
      file: 'site.scss',
      channel: 'landing',
      code: '$muted: #85857d;\n.note { font-size: 14px; color: #85857d; background: #ffffff; }',
      errors: [{ line: 2, column: 33, endLine: 2, endColumn: 40, message: '#85857d on #ffffff has a contrast ratio of 3.71:1; WCAG AA needs 4.5:1 for normal text' }],
    },
  ],
});

describe('the background is the related location', () => {
  it.each([
    ['emails/x.html', 'email', '<table bgcolor="#ffffff"><tr><td style="color:#85857d">Disabled</td></tr></table>', { line: 1, column: 17, endColumn: 24 }, 'background #ffffff'],
    [
      'site.css',
      'landing',
      '.note {\n  color: var(--color-text-disabled);\n  background: var(--color-background-subtle);\n}',
      { line: 3, column: 15, endColumn: 45 },
      'background var(--color-background-subtle) (#f7f7f4)',
    ],
  ] as const)('%s', async (file, channel, text, where, message) => {
    const { diagnostics } = await lintText({ text, file, channel, brand: await loadExampleBrand(), rules: [rule], config: { rules: { [rule.meta.id]: 'error' } } });
    expect(diagnostics.map((d) => d.related?.map((r) => ({ file: r.file, line: r.range?.start.line, column: r.range?.start.column, endColumn: r.range?.end.column, message: r.message })))).toEqual([
      [{ file, ...where, message }],
    ]);
  });
});
