import { testRule } from '../../test/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  channel: 'landing',
  file: 'page.html',
  valid: [
    {
      name: 'every kind of brand token',
      code: '<style>.a { color: var(--color-brand-primary); padding: var(--space-4); font: var(--font-weight-bold) var(--font-size-lg)/var(--font-line-height-normal) var(--font-family-body); border-radius: var(--radius-md); }</style>',
    },
    { name: 'defined by the page', code: '<style>:root { --hero-padding: var(--space-12); } .hero { padding: var(--hero-padding); }</style>' },
    { name: 'defined after use, in another rule', code: '<style>.hero { padding: var(--hero-padding); } .page { --hero-padding: 48px; }</style>' },
    { name: 'defined in style=""', code: '<div style="--accent: #c2501d; color: var(--accent)">Hi</div>' },
    { name: 'strings and URLs', code: '<style>.a::before { content: "var(--nope)"; background: url("var(--nope).png"); }</style>' },
    { name: 'template syntax', code: '<div style="color: var(--{{ name }})">Hi</div>' },
    { name: 'allow with a prefix', code: '<style>.a { box-shadow: var(--tw-ring-shadow); }</style>', options: { allow: ['--tw-*'] } },
    { name: 'allow exact', code: '<style>.a { box-shadow: var(--shadow-card); }</style>', options: { allow: ['--shadow-card'] } },
    { name: 'no brand', code: '<style>.a { color: var(--nope); }</style>', noBrand: true },
    { name: 'allowFallback (default): a reference with a fallback', code: '<style>.navbar-nav-scroll { max-height: var(--bs-scroll-height, 75vh); }</style>' },
    { name: 'allowFallback: an empty fallback is a fallback', code: '<style>.a { --tw-ring-inset: var(--tw-empty,/*!*/ /*!*/); --b: var(--nope,); }</style>' },
    { name: 'allowFallback: the outer name of a nested fallback', code: '<style>.a { color: var(--nope, var(--color-link)); }</style>' },
    { file: 'site.scss', code: '$color-link: #1e5aa8;\n.a { color: $color-link; background: var(--color-background-subtle); }' },
    { file: 'site.css', code: ':root { --gutter: var(--space-6, 24px); }\n.a { margin: calc(var(--gutter) * -1); }' },
    { file: 'emails/x.html', channel: 'email', code: '<p style="color:var(--color-text-default, #1c1c19)">Hi</p>' },
  ],
  invalid: [
    {
      name: 'a typo is fixed',
      code: '<style>\n  .button { background: var(--color-brand-primay); }\n</style>',
      errors: [
        { line: 2, column: 29, endLine: 2, endColumn: 49, message: '--color-brand-primay is neither a brand token nor defined here; did you mean --color-brand-primary?' },
      ],
      output: '<style>\n  .button { background: var(--color-brand-primary); }\n</style>',
    },
    {
      name: 'email style=""',
      file: 'emails/x.html',
      channel: 'email',
      code: '<p style="background:var(--color-background-brnad)">Hi</p>',
      errors: [
        { line: 1, column: 26, endLine: 1, endColumn: 50, message: '--color-background-brnad is neither a brand token nor defined here; did you mean --color-background-brand?' },
      ],
      output: '<p style="background:var(--color-background-brand)">Hi</p>',
    },
    {
      name: 'nothing close: no suggestion',
      code: '<style>.hero { padding: var(--hero-padding); }</style>',
      errors: [{ line: 1, column: 29, endLine: 1, endColumn: 43, message: '--hero-padding is neither a brand token nor defined here' }],
    },
    {
      name: 'equally close names are suggested, not fixed',
      code: '<style>.a { font-size: var(--font-size-md); }</style>',
      errors: [
        {
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 42,
          message: '--font-size-md is neither a brand token nor defined here; did you mean --font-size-lg, --font-size-sm, --font-size-xl or --font-size-xs?',
        },
      ],
    },
    {
      name: 'three edits away: suggested, not fixed',
      code: '<style>.a { color: var(--colr-lnkk); }</style>',
      errors: [{ line: 1, column: 24, endLine: 1, endColumn: 35, message: '--colr-lnkk is neither a brand token nor defined here; did you mean --color-link?' }],
    },
    {
      name: 'allowFallback: the fallback itself must be known',
      code: '<style>.a { color: var(--nope, var(--color-lnik)); }</style>',
      errors: [{ line: 1, column: 36, endLine: 1, endColumn: 48, message: '--color-lnik is neither a brand token nor defined here; did you mean --color-link?' }],
      output: '<style>.a { color: var(--nope, var(--color-link)); }</style>',
    },
    {
      name: 'trap: allowFallback does not hide a typo of a brand token',
      code: '<style>.a { color: var(--color-brand-primay, #c2501d); }</style>',
      errors: [{ line: 1, column: 24, endLine: 1, endColumn: 44, message: '--color-brand-primay is neither a brand token nor defined here; did you mean --color-brand-primary?' }],
      output: '<style>.a { color: var(--color-brand-primary, #c2501d); }</style>',
    },
    {
      name: 'allowFallback off: a fallback does not make a name known',
      code: '<style>.a { max-height: var(--bs-scroll-height, 75vh); }</style>',
      options: { allowFallback: false },
      errors: [{ line: 1, column: 29, endLine: 1, endColumn: 47, message: '--bs-scroll-height is neither a brand token nor defined here' }],
    },
    {
      name: 'nested in a fallback',
      options: { allowFallback: false },
      code: '<style>.a { color: var(--nope, var(--color-lnik)); }</style>',
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 30, message: '--nope is neither a brand token nor defined here' },
        { line: 1, column: 36, endLine: 1, endColumn: 48, message: '--color-lnik is neither a brand token nor defined here; did you mean --color-link?' },
      ],
      output: '<style>.a { color: var(--nope, var(--color-link)); }</style>',
    },
    {
      name: 'Tailwind arbitrary value',
      code: '<a class="text-[var(--color-lnk)]" href="https://www.northwind.example">Shop</a>',
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 32, message: '--color-lnk is neither a brand token nor defined here; did you mean --color-link?' }],
      output: '<a class="text-[var(--color-link)]" href="https://www.northwind.example">Shop</a>',
    },
    {
      name: 'a typo of a page-defined name',
      file: 'site.css',
      code: ':root { --hero-gap: 32px; }\n.hero { gap: var(--hero-gpa); }',
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 28, message: '--hero-gpa is neither a brand token nor defined here; did you mean --hero-gap?' }],
      output: ':root { --hero-gap: 32px; }\n.hero { gap: var(--hero-gap); }',
    },
    {
      name: 'the property being declared is never suggested (it would refer to itself)',
      file: 'site.css',
      code: '.shadow { --ring-colored: 0 1px var(--ring-color); box-shadow: var(--ring-colored); }',
      errors: [{ line: 1, column: 37, endLine: 1, endColumn: 49, message: '--ring-color is neither a brand token nor defined here' }],
    },
    {
      name: 'trap: the same typo outside that property is still fixed to the close name',
      file: 'site.css',
      code: '.shadow { --ring-colored: 0 1px red; box-shadow: var(--ring-color); }',
      errors: [{ line: 1, column: 54, endLine: 1, endColumn: 66, message: '--ring-color is neither a brand token nor defined here; did you mean --ring-colored?' }],
      output: '.shadow { --ring-colored: 0 1px red; box-shadow: var(--ring-colored); }',
    },
    {
      name: 'scss',
      file: 'site.scss',
      code: '$gap: 8px;\n.a { margin: var(--space-44); }',
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 28, message: '--space-44 is neither a brand token nor defined here; did you mean --space-4?' }],
      output: '$gap: 8px;\n.a { margin: var(--space-4); }',
    },
  ],
});
