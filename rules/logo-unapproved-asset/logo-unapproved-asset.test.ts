import rule from './index.js';
import { testRule } from '../../test/rule-tester.js';

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    {
      name: 'email: approved file on the CDN',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="Northwind">',
    },
    {
      name: 'trap: query string and fragment',
      code: '<img src="https://cdn.northwind.example/v3/brand/northwind-logo@2x.png?w=320&amp;v=4#top" width="160" alt="Northwind">',
    },
    {
      name: 'file names compare case-insensitively',
      code: '<img class="logo" src="/img/NORTHWIND-LOGO.SVG" width="144" alt="Northwind">',
      file: 'page.html',
      channel: 'landing',
    },
    {
      name: 'trap: the file is a template tag',
      code: '<img class="logo" src="{{ logo_url }}" width="160" alt="Northwind">',
    },
    {
      name: 'trap: merge tag',
      code: '<img class="logo" src="*|LOGO_URL|*" width="160" alt="Northwind">',
    },
    {
      name: 'trap: empty src',
      code: '<img class="logo" src="" alt="Northwind">',
    },
    {
      name: 'not a logo: product photo',
      code: '<img src="https://cdn.northwind.example/email/spring/trail-boots.jpg" width="552" alt="Trail boots on a forest path">',
    },
    {
      name: 'a partner\'s logo named by its alt is not the brand\'s logo',
      code: '<img src="https://cdn.example.org/partners/brc.png" width="120" alt="BRC Analytics logo">',
    },
    {
      name: 'a customer\'s logo named by its file is not the brand\'s logo',
      code: '<img class="logo" src="assets/img/tnw-logo.svg" alt="..." style="height: 3rem">',
    },
    {
      name: 'a partner\'s logo in camelCase file name',
      code: '<img src="/img/partners/acmeCorp_logo.png" alt="">',
    },
    {
      name: 'no brand',
      code: '<img src="old-logo.png" alt="logo">',
      noBrand: true,
    },
    {
      name: 'mjml: approved file',
      code: '<mjml><mj-body><mj-section><mj-column><mj-image src="https://cdn.northwind.example/email/northwind-logo.png" width="160px" alt="Northwind"></mj-image></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
    },
  ],
  invalid: [
    {
      name: 'email: recognised by its src, not an approved file',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo-2019.png" width="160" alt="Northwind">',
      errors: [
        { line: 1, column: 11, endLine: 1, endColumn: 70, message: 'northwind-logo-2019.png is not an approved logo file; use northwind-logo.svg, northwind-logo.png, northwind-logo@2x.png or northwind-mark.svg' },
      ],
    },
    {
      name: 'landing: recognised by class',
      code: '<img class="brand-logo" src="/img/header.png" width="144" alt="Northwind">',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 30, endLine: 1, endColumn: 45, message: 'header.png is not an approved logo file; use northwind-logo.svg, northwind-logo.png, northwind-logo@2x.png or northwind-mark.svg' },
      ],
    },
    {
      name: 'trap: generic words in the file name do not make it a partner\'s (navbar-logo, your-logo)',
      code: '<img src="assets/img/navbar-logo.svg" alt="..."><img src="https://cdn.example/x_your-logo-2.gif" alt="Your Logo">',
      errors: [
        { line: 1, column: 11, endLine: 1, endColumn: 37, message: /^navbar-logo\.svg is not an approved logo file/ },
        { line: 1, column: 59, endLine: 1, endColumn: 96, message: /^x_your-logo-2\.gif is not an approved logo file/ },
      ],
    },
    {
      name: 'trap: an alt naming the brand and a partner is still the brand\'s logo',
      code: '<img src="/img/header-logo.png" alt="Northwind and BRC Analytics logo">',
      errors: [{ line: 1, column: 11, endLine: 1, endColumn: 31, message: /^header-logo\.png is not an approved logo file/ }],
    },
    {
      name: 'recognised by alt text',
      code: '<img src="/img/banner-top.png" width="144" alt="Northwind logo">',
      errors: [
        { line: 1, column: 11, endLine: 1, endColumn: 30, message: 'banner-top.png is not an approved logo file; use northwind-logo.svg, northwind-logo.png, northwind-logo@2x.png or northwind-mark.svg' },
      ],
    },
    {
      name: 'inline data: image',
      code: '<img class="logo" src="data:image/png;base64,iVBORw0KGgo=" width="144" alt="Northwind">',
      errors: [
        { line: 1, column: 24, endLine: 1, endColumn: 58, message: 'The logo is an inline data: image, not an approved logo file; use northwind-logo.svg, northwind-logo.png, northwind-logo@2x.png or northwind-mark.svg' },
      ],
    },
    {
      name: 'a template tag in the folder part does not hide the file',
      code: '<img src="{{ cdn }}/old-logo.png" width="160" alt="Northwind">',
      errors: [
        { line: 1, column: 11, endLine: 1, endColumn: 33, message: 'old-logo.png is not an approved logo file; use northwind-logo.svg, northwind-logo.png, northwind-logo@2x.png or northwind-mark.svg' },
      ],
    },
    {
      name: 'mjml: mj-image',
      code: '<mjml><mj-body><mj-section><mj-column><mj-image src="/img/logo-old.png" width="160px" alt="Northwind"></mj-image></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
      errors: [
        { line: 1, column: 54, endLine: 1, endColumn: 71, message: 'logo-old.png is not an approved logo file; use northwind-logo.svg, northwind-logo.png, northwind-logo@2x.png or northwind-mark.svg' },
      ],
    },
  ],
});
