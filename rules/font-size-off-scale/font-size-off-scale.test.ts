import rule from './index.js';
import { testRule } from '../../test/rule-tester.js';

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    {
      name: 'email: px step',
      code: '<td style="font-size: 16px;">Hi</td>',
    },
    {
      name: 'email: rem step (14px)',
      code: '<td style="font-size: 0.875rem;">Hi</td>',
    },
    {
      name: 'email: pt step (16px)',
      code: '<td style="font-size: 12pt;">Hi</td>',
    },
    {
      name: 'email: step in a font shorthand',
      code: `<h1 style="font: 700 30px/1.2 Montserrat, 'Helvetica Neue', Arial, sans-serif;">Hi</h1>`,
    },
    {
      name: 'email: <font size> on the scale (16, 18, 24, 48px)',
      code: '<font size="3">Hi</font><font size="4">Hi</font><font size="+2">Hi</font><font size="7">Hi</font>',
    },
    {
      name: 'trap: preheader hiding trick',
      code: '<div style="display: none; font-size: 1px; max-height: 0; mso-hide: all;">Preheader</div>',
    },
    {
      name: 'trap: font-size 0 spacer',
      code: '<table><tr><td style="font-size: 0; line-height: 0;" height="16">&nbsp;</td></tr></table>',
    },
    {
      name: 'no text inside: a row of icons whose cell shrinks the whitespace between them',
      code: '<td style="font-size: 6px; line-height: 10px;"><table><tr><td><a href="https://www.northwind.example"><img src="icon.png" alt="Northwind on Mastodon"></a></td></tr></table></td>',
    },
    {
      name: 'no text inside: an email spacer (height, line-height and font-size one length)',
      code: '<table><tr><td height="20" style="font-size: 20px; line-height: 20px;">&nbsp;</td></tr></table><table height="5px" style="line-height:5px; font-size:5px;"><tr><td></td></tr></table>',
    },
    {
      name: 'no text inside: a spacer with its height in CSS',
      code: '<div style="height: 10px; line-height: 10px; font-size: 10px;">&nbsp;</div>',
    },
    {
      name: 'trap: a rule that hides',
      code: `<style>
  .preheader { display: none; font-size: 11px; }
</style>`,
    },
    {
      name: 'trap: percentage, keywords, inherit',
      code: '<p style="font-size: 90%;">a</p><p style="font-size: small;">b</p><p style="font-size: smaller;">c</p><p style="font-size: inherit;">d</p>',
    },
    {
      name: 'trap: template tags',
      code: '<p style="font-size: {{ size }};">Hi</p><p style="font: 700 {{ size }} Arial;">Hi</p>',
    },
    {
      name: 'trap: size in a comment',
      code: `<style>
  /* the old template used 13px */
  .a { font-size: 14px; }
</style>`,
    },
    {
      name: 'no brand',
      code: '<p style="font-size: 13px;">Hi</p>',
      noBrand: true,
    },
    {
      name: 'option ignore matches by px',
      code: '<p style="font-size: 0.8125rem;">Hi</p>',
      options: {"ignore": ["13px"]},
    },
    {
      name: 'option allowUnits',
      code: '<p style="font-size: 0.9em;">Hi</p>',
      options: {"allowUnits": ["em"]},
    },
    {
      name: 'css: definitions, math functions, var(), vw',
      code: `:root {
  --font-size-body: 15px;
  --font-size-hero: clamp(2.25rem, 5vw, 3rem);
}
.hero { font-size: clamp(2.25rem, 5vw, 3rem); }
.badge { font-size: calc(1rem - 2px); }
.lead { font-size: var(--font-size-lg); }
.wide { font-size: 4vw; }`,
      file: 'site.css',
      channel: 'landing',
    },
    {
      name: 'css: print size on the scale',
      code: `@media print {
  body { font-size: 12pt; }
}`,
      file: 'site.css',
      channel: 'landing',
    },
    {
      name: 'scss: variables and functions',
      code: `$size: 15px;
.card {
  font-size: $size;
  &__title { font-size: math.div(30px, 16px) * 1rem; }
}`,
      file: 'site.scss',
      channel: 'landing',
    },
    {
      name: 'tailwind: size on the scale',
      code: '<p class="text-[14px] text-[#1c1c19]">Hi</p>',
      file: 'page.html',
      channel: 'landing',
    },
  ],
  invalid: [
    {
      name: 'trap: text in a descendant is set in that size',
      code: '<td style="font-size: 13px;"><table><tr><td><a href="https://www.northwind.example">Shop boots</a></td></tr></table></td>',
      errors: [{ line: 1, column: 23, endLine: 1, endColumn: 27, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' }],
      output: '<td style="font-size: 14px;"><table><tr><td><a href="https://www.northwind.example">Shop boots</a></td></tr></table></td>',
    },
    {
      name: 'trap: an image with alt text sets the size of that text (shown where images are blocked)',
      code: '<td><img src="hero.png" alt="Spring boots" style="font-size: 13px; color: #1c1c19;"></td>',
      errors: [{ line: 1, column: 62, endLine: 1, endColumn: 66, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' }],
      output: '<td><img src="hero.png" alt="Spring boots" style="font-size: 14px; color: #1c1c19;"></td>',
    },
    {
      name: 'trap: font-size equal to line-height on an element with text is type',
      code: '<td style="font-size: 13px; line-height: 13px;">Fine print</td>',
      errors: [{ line: 1, column: 23, endLine: 1, endColumn: 27, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' }],
      output: '<td style="font-size: 14px; line-height: 13px;">Fine print</td>',
    },
    {
      name: 'trap: a row with a height and text keeps its font-size checked',
      code: '<td height="40" style="font-size: 13px; line-height: 13px;">Fine print</td>',
      errors: [{ line: 1, column: 35, endLine: 1, endColumn: 39, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' }],
      output: '<td height="40" style="font-size: 14px; line-height: 13px;">Fine print</td>',
    },
    {
      name: 'email: px off the scale, tie goes to the larger step',
      code: '<td style="font-size: 15px; color: #1c1c19;">Hi</td>',
      errors: [
        { line: 1, column: 23, endLine: 1, endColumn: 27, message: '15px is not on the type scale; nearest step is font.size.base (16px)' },
      ],
      output: '<td style="font-size: 16px; color: #1c1c19;">Hi</td>',
    },
    {
      name: 'email: rem keeps its unit',
      code: '<td style="font-size: 0.8125rem;">Hi</td>',
      errors: [
        { line: 1, column: 23, endLine: 1, endColumn: 32, message: '0.8125rem (13px) is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: '<td style="font-size: 0.875rem;">Hi</td>',
    },
    {
      name: 'email: <font size> is not fixable',
      code: '<font size="2">Members get free maps.</font>',
      errors: [
        { line: 1, column: 13, endLine: 1, endColumn: 14, message: '<font size="2"> renders at 13px, which is not on the type scale; nearest step is font.size.sm (14px); set font-size in CSS instead' },
      ],
    },
    {
      name: 'email: <font size> 1 and 6',
      code: '<font size="1">a</font> <font size="6">b</font>',
      errors: [
        { line: 1, column: 13, endLine: 1, endColumn: 14, message: '<font size="1"> renders at 10px, which is not on the type scale; nearest step is font.size.xs (12px); set font-size in CSS instead' },
        { line: 1, column: 37, endLine: 1, endColumn: 38, message: '<font size="6"> renders at 32px, which is not on the type scale; nearest step is font.size.3xl (30px); set font-size in CSS instead' },
      ],
    },
    {
      name: 'email: size in a font shorthand',
      code: `<p style="font: 600 13px/1.4 'Source Sans 3', Helvetica, Arial, sans-serif;">Hi</p>`,
      errors: [
        { line: 1, column: 21, endLine: 1, endColumn: 25, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: `<p style="font: 600 14px/1.4 'Source Sans 3', Helvetica, Arial, sans-serif;">Hi</p>`,
    },
    {
      name: 'email: em is read as rem',
      code: '<p style="font-size: 0.9em;">Hi</p>',
      errors: [
        { line: 1, column: 22, endLine: 1, endColumn: 27, message: '0.9em (14.4px) is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: '<p style="font-size: 0.875em;">Hi</p>',
    },
    {
      name: 'email: pt keeps its unit',
      code: '<p style="font-size: 10pt;">Hi</p>',
      errors: [
        { line: 1, column: 22, endLine: 1, endColumn: 26, message: '10pt (13.33px) is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: '<p style="font-size: 10.5pt;">Hi</p>',
    },
    {
      name: 'mjml: font-size attribute',
      code: '<mjml><mj-body><mj-section><mj-column><mj-text font-size="13px">Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
      errors: [
        { line: 1, column: 59, endLine: 1, endColumn: 63, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: '<mjml><mj-body><mj-section><mj-column><mj-text font-size="14px">Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
    },
    {
      name: 'landing: style attribute is fixed to the custom property',
      code: '<p style="font-size: 13px;">Hi</p>',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 22, endLine: 1, endColumn: 26, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: '<p style="font-size: var(--font-size-sm);">Hi</p>',
    },
    {
      name: 'landing: <style>',
      code: `<style>
  h1 { font-size: 42px; }
</style>
<h1>Hi</h1>`,
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 2, column: 19, endLine: 2, endColumn: 23, message: '42px is not on the type scale; nearest step is font.size.5xl (48px)' },
      ],
      output: `<style>
  h1 { font-size: var(--font-size-5xl); }
</style>
<h1>Hi</h1>`,
    },
    {
      name: 'tailwind: arbitrary size is fixed to px',
      code: '<p class="text-[13px]">Offer ends May 31.</p>',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 17, endLine: 1, endColumn: 21, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: '<p class="text-[14px]">Offer ends May 31.</p>',
    },
    {
      name: 'css: px, rem in a shorthand, pt in @media',
      code: `.eyebrow {
  font-size: 13px;
}
.price {
  font: 700 1.4rem/1.2 Montserrat, 'Helvetica Neue', Arial, sans-serif;
}
@media print {
  body { font-size: 11pt; }
}
`,
      file: 'site.css',
      channel: 'landing',
      errors: [
        { line: 2, column: 14, endLine: 2, endColumn: 18, message: '13px is not on the type scale; nearest step is font.size.sm (14px)' },
        { line: 5, column: 13, endLine: 5, endColumn: 19, message: '1.4rem (22.4px) is not on the type scale; nearest step is font.size.2xl (24px)' },
        { line: 8, column: 21, endLine: 8, endColumn: 25, message: '11pt (14.67px) is not on the type scale; nearest step is font.size.sm (14px)' },
      ],
      output: `.eyebrow {
  font-size: var(--font-size-sm);
}
.price {
  font: 700 var(--font-size-2xl)/1.2 Montserrat, 'Helvetica Neue', Arial, sans-serif;
}
@media print {
  body { font-size: var(--font-size-sm); }
}
`,
    },
    {
      name: 'scss: nested rule',
      code: `.product-card {
  font-size: 16px;
  &__name {
    font-size: 22px;
  }
}
`,
      file: 'site.scss',
      channel: 'landing',
      errors: [
        { line: 4, column: 16, endLine: 4, endColumn: 20, message: '22px is not on the type scale; nearest step is font.size.2xl (24px)' },
      ],
      output: `.product-card {
  font-size: 16px;
  &__name {
    font-size: var(--font-size-2xl);
  }
}
`,
    },
  ],
});
