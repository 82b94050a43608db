import rule from './index.js';
import { testRule } from '../../test/rule-tester.js';

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    {
      name: 'email: brand weights',
      code: '<p style="font-weight: 400;">a</p><p style="font-weight: 500;">b</p><p style="font-weight: 600;">c</p><p style="font-weight: 700;">d</p>',
    },
    {
      name: 'email: keywords with brand values',
      code: '<b style="font-weight: bold;">a</b><span style="font-weight: normal;">b</span><span style="font-weight: BOLD;">c</span>',
    },
    {
      name: 'trap: relative keywords and inherit',
      code: '<strong style="font-weight: bolder;">a</strong><small style="font-weight: lighter;">b</small><a style="font-weight: inherit;">c</a>',
    },
    {
      name: 'trap: template tags',
      code: '<h1 style="font-weight: {{ headline_weight }};">Hi</h1><h2 style="font: {{ w }} 16px Arial;">Hi</h2>',
    },
    {
      name: 'trap: shorthand without a weight, or with a lone normal',
      code: `<p style="font: italic 14px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;">a</p><p style="font: normal 16px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;">b</p>`,
    },
    {
      name: 'trap: weight in a comment',
      code: `<style>
  /* font-weight: 300 looked too thin */
  p { font-weight: 400; }
</style>`,
    },
    {
      name: 'no brand',
      code: '<p style="font-weight: 300;">Hi</p>',
      noBrand: true,
    },
    {
      name: 'css: @font-face descriptors',
      code: `@font-face {
  font-family: 'Source Sans 3';
  font-weight: 200 900;
  src: url(/fonts/source-sans-3.woff2) format('woff2');
}
@font-face {
  font-family: 'Source Sans 3';
  font-weight: 300;
  src: url(/fonts/source-sans-3-light.woff2) format('woff2');
}`,
      file: 'site.css',
      channel: 'landing',
    },
    {
      name: 'css: custom property definition and var()',
      code: `:root { --font-weight-light: 300; }
.label { font-weight: var(--font-weight-semibold); }`,
      file: 'site.css',
      channel: 'landing',
    },
    {
      name: 'scss: variable',
      code: `$weight: 300;
.nav {
  font-weight: $weight;
}`,
      file: 'site.scss',
      channel: 'landing',
    },
    {
      name: 'tailwind: brand weight',
      code: '<p class="font-[600]">Hi</p>',
      file: 'page.html',
      channel: 'landing',
    },
  ],
  invalid: [
    {
      name: 'email: 800 becomes 700',
      code: '<h1 style="font-weight: 800; color: #1c1c19;">Gear up</h1>',
      errors: [
        { line: 1, column: 25, endLine: 1, endColumn: 28, message: 'Font weight 800 is not a brand weight; nearest is font.weight.bold (700)' },
      ],
      output: '<h1 style="font-weight: 700; color: #1c1c19;">Gear up</h1>',
    },
    {
      name: 'email: 300 becomes 400',
      code: '<p style="font-weight: 300;">Hi</p>',
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 27, message: 'Font weight 300 is not a brand weight; nearest is font.weight.regular (400)' },
      ],
      output: '<p style="font-weight: 400;">Hi</p>',
    },
    {
      name: 'email: a tie goes to the heavier weight',
      code: '<a style="font-weight: 650;">Shop</a>',
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 27, message: 'Font weight 650 is not a brand weight; nearest is font.weight.bold (700)' },
      ],
      output: '<a style="font-weight: 700;">Shop</a>',
    },
    {
      name: 'email: weight in a font shorthand',
      code: `<p style="font: 300 16px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;">Hi</p>`,
      errors: [
        { line: 1, column: 17, endLine: 1, endColumn: 20, message: 'Font weight 300 is not a brand weight; nearest is font.weight.regular (400)' },
      ],
      output: `<p style="font: 400 16px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;">Hi</p>`,
    },
    {
      name: 'email: 450 becomes 500',
      code: '<p style="font-weight: 450;">Hi</p>',
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 27, message: 'Font weight 450 is not a brand weight; nearest is font.weight.medium (500)' },
      ],
      output: '<p style="font-weight: 500;">Hi</p>',
    },
    {
      name: 'mjml: font-weight attribute',
      code: '<mjml><mj-body><mj-section><mj-column><mj-text font-weight="300">Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
      errors: [
        { line: 1, column: 61, endLine: 1, endColumn: 64, message: 'Font weight 300 is not a brand weight; nearest is font.weight.regular (400)' },
      ],
      output: '<mjml><mj-body><mj-section><mj-column><mj-text font-weight="400">Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
    },
    {
      name: 'landing: style attribute is fixed to the custom property',
      code: '<h1 style="font-weight: 800;">Gear up</h1>',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 25, endLine: 1, endColumn: 28, message: 'Font weight 800 is not a brand weight; nearest is font.weight.bold (700)' },
      ],
      output: '<h1 style="font-weight: var(--font-weight-bold);">Gear up</h1>',
    },
    {
      name: 'css: declaration and shorthand',
      code: `.hero-kicker {
  font-weight: 200;
}
.hero-title {
  font: 900 48px/1.2 Montserrat, 'Helvetica Neue', Arial, sans-serif;
}
`,
      file: 'site.css',
      channel: 'landing',
      errors: [
        { line: 2, column: 16, endLine: 2, endColumn: 19, message: 'Font weight 200 is not a brand weight; nearest is font.weight.regular (400)' },
        { line: 5, column: 9, endLine: 5, endColumn: 12, message: 'Font weight 900 is not a brand weight; nearest is font.weight.bold (700)' },
      ],
      output: `.hero-kicker {
  font-weight: var(--font-weight-regular);
}
.hero-title {
  font: var(--font-weight-bold) 48px/1.2 Montserrat, 'Helvetica Neue', Arial, sans-serif;
}
`,
    },
    {
      name: 'scss: nested rule',
      code: `.nav {
  font-weight: 400;
  &__link {
    font-weight: 550;
  }
}
`,
      file: 'site.scss',
      channel: 'landing',
      errors: [
        { line: 4, column: 18, endLine: 4, endColumn: 21, message: 'Font weight 550 is not a brand weight; nearest is font.weight.semibold (600)' },
      ],
      output: `.nav {
  font-weight: 400;
  &__link {
    font-weight: var(--font-weight-semibold);
  }
}
`,
    },
    {
      name: 'tailwind: arbitrary weight is fixed to the number',
      code: '<p class="font-[450]">Offer ends May 31.</p>',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 17, endLine: 1, endColumn: 20, message: 'Font weight 450 is not a brand weight; nearest is font.weight.medium (500)' },
      ],
      output: '<p class="font-[500]">Offer ends May 31.</p>',
    },
  ],
});
