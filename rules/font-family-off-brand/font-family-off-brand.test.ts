import rule from './index.js';
import { testRule } from '../../test/rule-tester.js';

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    {
      name: 'email: body stack',
      code: `<td style="font-family: 'Source Sans 3', Helvetica, Arial, sans-serif; color: #1c1c19;">Hi</td>`,
    },
    {
      name: 'email: heading stack',
      code: `<h1 style="font-family: Montserrat, 'Helvetica Neue', Arial, sans-serif;">Hi</h1>`,
    },
    {
      name: 'email: brand stack in a font shorthand',
      code: `<p style="font: 700 16px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;">Hi</p>`,
    },
    {
      name: 'email: <font face> with the mono stack',
      code: `<font face="'JetBrains Mono', Menlo, Consolas, monospace">NW-2041</font>`,
    },
    {
      name: 'names compare case-insensitively',
      code: `<p style="font-family: 'source sans 3', HELVETICA, sans-serif;">Hi</p>`,
    },
    {
      name: 'web-safe and system fallbacks after a brand lead',
      code: `<p style="font-family: Montserrat, 'Segoe UI', Roboto, Georgia, serif;">Hi</p>`,
    },
    {
      name: 'trap: inherit',
      code: '<a style="font-family: inherit;">Hi</a>',
    },
    {
      name: 'trap: template tag as the stack',
      code: '<p style="font-family: {{ font_stack }};">Hi</p>',
    },
    {
      name: 'trap: Mailchimp merge tag',
      code: '<p style="font-family: *|FONT|*, Arial;">Hi</p>',
    },
    {
      name: 'trap: family in a comment and a URL',
      code: `<style>
  /* 'Lobster' was the old font */
  td { background: url(lobster.png); }
</style>`,
    },
    {
      name: 'trap: Outlook fallback inside a conditional comment',
      code: `<!--[if mso]>
<style>td { font-family: Arial, sans-serif !important; }</style>
<![endif]-->
<p>Hi</p>`,
    },
    {
      name: 'email: brand web fonts',
      code: '<link href="https://fonts.googleapis.com/css2?family=Montserrat:wght@600;700&family=Source+Sans+3:wght@400;600&display=swap" rel="stylesheet">',
      file: 'emails/fonts.html',
    },
    {
      name: 'no brand: nothing to compare with',
      code: `<p style="font-family: 'Lobster', cursive;">Hi</p>`,
      noBrand: true,
    },
    {
      name: 'option allow',
      code: `<p style="font-family: Montserrat, 'Noto Sans JP', sans-serif;">Hi</p>`,
      options: {"allow": ["Noto Sans JP"]},
    },
    {
      name: 'css: custom property definition and var()',
      code: `:root { --font-family-body: 'Source Sans 3', Helvetica, Arial, sans-serif; }
body { font-family: var(--font-family-body); }
.a { font-family: var(--font-display), Arial; }`,
      file: 'site.css',
      channel: 'landing',
    },
    {
      name: 'css: brand @font-face',
      code: `@font-face {
  font-family: 'Source Sans 3';
  src: url(/fonts/source-sans-3.woff2) format('woff2');
}
body { font-family: 'Source Sans 3', Arial, sans-serif; }`,
      file: 'site.css',
      channel: 'landing',
    },
    {
      name: 'scss: variables and interpolation',
      code: `$stack: 'Source Sans 3', Arial, sans-serif;
.card {
  font-family: $stack;
  &__title { font-family: #{$heading}, Arial; }
}`,
      file: 'site.scss',
      channel: 'landing',
    },
    {
      name: 'tailwind: brand stack with underscores',
      code: `<h1 class="font-['Source_Sans_3',Helvetica,sans-serif]">Hi</h1>`,
      file: 'page.html',
      channel: 'landing',
    },
    {
      name: 'css: system font keyword and inherit in a shorthand',
      code: `.title { font: caption; }
.b { font: inherit; }`,
      file: 'site.css',
      channel: 'landing',
    },
  ],
  invalid: [
    {
      name: 'email: off-brand lead',
      code: `<td style="font-family: 'Lobster', Arial, sans-serif; color: #1c1c19;">Hi</td>`,
      errors: [
        { line: 1, column: 25, endLine: 1, endColumn: 34, message: `'Lobster' is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono` },
      ],
    },
    {
      name: 'email: fallback-only stack is fixed to the body stack',
      code: '<td style="font-family: Arial, sans-serif; color: #1c1c19;">Hi</td>',
      errors: [
        { line: 1, column: 25, endLine: 1, endColumn: 30, message: `The stack starts with Arial, a fallback; start it with a brand font, e.g. the font.family.body stack: 'Source Sans 3', Helvetica, Arial, sans-serif` },
      ],
      output: `<td style="font-family: 'Source Sans 3', Helvetica, Arial, sans-serif; color: #1c1c19;">Hi</td>`,
    },
    {
      name: `email: inside a ' quoted attribute the fix uses double quotes`,
      code: `<td style='font-family: Arial, sans-serif'>Hi</td>`,
      errors: [
        { line: 1, column: 25, endLine: 1, endColumn: 30, message: `The stack starts with Arial, a fallback; start it with a brand font, e.g. the font.family.body stack: 'Source Sans 3', Helvetica, Arial, sans-serif` },
      ],
      output: `<td style='font-family: "Source Sans 3", Helvetica, Arial, sans-serif'>Hi</td>`,
    },
    {
      name: 'email: <font face> with a fallback',
      code: '<font face="Helvetica">Hi</font>',
      errors: [
        { line: 1, column: 13, endLine: 1, endColumn: 22, message: `The stack starts with Helvetica, a fallback; start it with a brand font, e.g. the font.family.body stack: 'Source Sans 3', Helvetica, Arial, sans-serif` },
      ],
      output: `<font face="'Source Sans 3', Helvetica, Arial, sans-serif">Hi</font>`,
    },
    {
      name: 'email: <font face> with an off-brand lead',
      code: '<font face="Comic Sans MS, Arial">Hi</font>',
      errors: [
        { line: 1, column: 13, endLine: 1, endColumn: 26, message: 'Comic Sans MS is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono' },
      ],
    },
    {
      name: 'off-brand fallbacks are reported at their own range',
      code: `<p style="font-family: 'Source Sans 3', 'Comic Sans MS', Papyrus, sans-serif;">Hi</p>`,
      errors: [
        { line: 1, column: 41, endLine: 1, endColumn: 56, message: `'Comic Sans MS' is neither a brand font nor a web-safe fallback; fall back to Helvetica Neue, Arial, Helvetica, Menlo, Consolas or a generic family` },
        { line: 1, column: 58, endLine: 1, endColumn: 65, message: 'Papyrus is neither a brand font nor a web-safe fallback; fall back to Helvetica Neue, Arial, Helvetica, Menlo, Consolas or a generic family' },
      ],
    },
    {
      name: 'a brand font after a fallback lead: reported, not fixed',
      code: `<p style="font-family: Arial, 'Source Sans 3', sans-serif;">Hi</p>`,
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 29, message: 'The stack starts with Arial, a fallback; start it with a brand font (Montserrat, Source Sans 3 or JetBrains Mono)' },
      ],
    },
    {
      name: 'font shorthand: only the families are replaced',
      code: '<p style="font: 700 16px/1.5 Georgia, serif;">Hi</p>',
      errors: [
        { line: 1, column: 30, endLine: 1, endColumn: 37, message: `The stack starts with Georgia, a fallback; start it with a brand font, e.g. the font.family.body stack: 'Source Sans 3', Helvetica, Arial, sans-serif` },
      ],
      output: `<p style="font: 700 16px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;">Hi</p>`,
    },
    {
      name: 'a generic family alone is fixed to the nearest stack (mono)',
      code: '<pre style="font-family: monospace;">NW-2041</pre>',
      errors: [
        { line: 1, column: 26, endLine: 1, endColumn: 35, message: `The stack starts with monospace, a fallback; start it with a brand font, e.g. the font.family.mono stack: 'JetBrains Mono', Menlo, Consolas, monospace` },
      ],
      output: `<pre style="font-family: 'JetBrains Mono', Menlo, Consolas, monospace;">NW-2041</pre>`,
    },
    {
      name: 'landing: web-font link and Tailwind class',
      code: `<link href="https://fonts.googleapis.com/css2?family=Lobster&display=swap" rel="stylesheet">
<h1 class="font-['Lobster']">Gear up</h1>`,
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 54, endLine: 1, endColumn: 61, message: 'Lobster is loaded by a web-font <link> but is not a brand font; load Montserrat, Source Sans 3 or JetBrains Mono' },
        { line: 2, column: 18, endLine: 2, endColumn: 27, message: `'Lobster' is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono` },
      ],
    },
    {
      name: 'css: stylesheet',
      code: `h1,
h2 {
  font-family: 'Playfair Display', Georgia, serif;
}
.small-print {
  font: 400 14px/1.5 Arial, Helvetica, sans-serif;
}
`,
      file: 'site.css',
      channel: 'landing',
      errors: [
        { line: 3, column: 16, endLine: 3, endColumn: 34, message: `'Playfair Display' is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono` },
        { line: 6, column: 22, endLine: 6, endColumn: 27, message: `The stack starts with Arial, a fallback; start it with a brand font, e.g. the font.family.body stack: 'Source Sans 3', Helvetica, Arial, sans-serif` },
      ],
      output: `h1,
h2 {
  font-family: 'Playfair Display', Georgia, serif;
}
.small-print {
  font: 400 14px/1.5 'Source Sans 3', Helvetica, Arial, sans-serif;
}
`,
    },
    {
      name: 'css: @import and @font-face of off-brand fonts',
      code: `@import url('https://fonts.googleapis.com/css2?family=Poppins:wght@400;700');
@font-face {
  font-family: 'Lobster';
  src: url(/fonts/lobster.woff2) format('woff2');
}
`,
      file: 'site.css',
      channel: 'landing',
      errors: [
        { line: 1, column: 55, endLine: 1, endColumn: 62, message: 'Poppins is loaded by @import but is not a brand font; load Montserrat, Source Sans 3 or JetBrains Mono' },
        { line: 3, column: 16, endLine: 3, endColumn: 25, message: 'Lobster is loaded by @font-face but is not a brand font; load Montserrat, Source Sans 3 or JetBrains Mono' },
      ],
    },
    {
      name: 'scss: a system stack is fixed to the body stack',
      code: `.card {
  &__meta {
    font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif;
  }
}
`,
      file: 'site.scss',
      channel: 'landing',
      errors: [
        { line: 3, column: 18, endLine: 3, endColumn: 31, message: `The stack starts with -apple-system, a fallback; start it with a brand font, e.g. the font.family.body stack: 'Source Sans 3', Helvetica, Arial, sans-serif` },
      ],
      output: `.card {
  &__meta {
    font-family: 'Source Sans 3', Helvetica, Arial, sans-serif;
  }
}
`,
    },
    {
      name: 'mjml: font-family attribute',
      code: '<mjml><mj-body><mj-section><mj-column><mj-text font-family="Lobster, Arial">Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
      errors: [
        { line: 1, column: 61, endLine: 1, endColumn: 68, message: 'Lobster is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono' },
      ],
    },
    {
      name: 'brand fallbacks may not lead; the stack sharing most families wins (heading)',
      code: `<style>
  .lead { font-family: 'Helvetica Neue', Arial; }
</style>`,
      errors: [
        { line: 2, column: 24, endLine: 2, endColumn: 40, message: `The stack starts with 'Helvetica Neue', a fallback; start it with a brand font, e.g. the font.family.heading stack: Montserrat, 'Helvetica Neue', Arial, sans-serif` },
      ],
      output: `<style>
  .lead { font-family: Montserrat, 'Helvetica Neue', Arial, sans-serif; }
</style>`,
    },
    {
      name: 'an entity-encoded family is reported where it is written (entities included), without a fix',
      code: '<p style="font-family: &quot;Lobster&quot;, Arial;">Hi</p>',
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 43, message: '"Lobster" is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono' },
      ],
    },
    {
      name: 'inside an Outlook conditional comment only off-brand families are reported',
      code: `<!--[if mso]>
<style>td { font-family: Arial, 'Comic Sans MS', sans-serif; }</style>
<![endif]-->
<p>Hi</p>`,
      errors: [
        { line: 2, column: 33, endLine: 2, endColumn: 48, message: `'Comic Sans MS' is neither a brand font nor a web-safe fallback; fall back to Helvetica Neue, Arial, Helvetica, Menlo, Consolas or a generic family` },
      ],
    },
  ],
});
