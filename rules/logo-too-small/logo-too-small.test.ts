import rule from './index.js';
import { testRule } from '../../test/rule-tester.js';

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    {
      name: 'email: wide enough',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="Northwind">',
    },
    {
      name: 'email: exactly the minimum',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="120" alt="Northwind">',
    },
    {
      name: 'landing: mark above its own minimum',
      code: '<img class="logo" src="/img/northwind-mark.svg" width="40" alt="Northwind">',
      file: 'page.html',
      channel: 'landing',
    },
    {
      name: 'trap: fluid width',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="100%" style="max-width: 160px;" alt="Northwind">',
    },
    {
      name: 'trap: no width',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" alt="Northwind">',
    },
    {
      name: 'trap: template width',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="{{ logo_width }}" alt="Northwind">',
    },
    {
      name: 'not a logo: small icon',
      code: '<img src="/img/icons/map.svg" width="16" alt="">',
    },
    {
      name: 'no brand',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="40" alt="Northwind">',
      noBrand: true,
    },
  ],
  invalid: [
    {
      name: 'email: width attribute below the wordmark minimum',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="90" alt="Northwind">',
      errors: [
        { line: 1, column: 74, endLine: 1, endColumn: 76, message: 'The primary logo is 90px wide; its minimum width is 120px' },
      ],
    },
    {
      name: 'landing: CSS width',
      code: '<img class="logo" src="/img/northwind-logo.svg" style="width: 100px" alt="Northwind">',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 63, endLine: 1, endColumn: 68, message: 'The primary logo is 100px wide; its minimum width is 120px' },
      ],
    },
    {
      name: 'landing: the mark has its own minimum',
      code: '<img class="logo" src="/img/northwind-mark.svg" width="24" alt="Northwind">',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 56, endLine: 1, endColumn: 58, message: 'The mark logo is 24px wide; its minimum width is 32px' },
      ],
    },
    {
      name: 'unknown asset: the smallest minimum applies',
      code: '<img class="logo" src="/img/header.png" width="24" alt="Northwind">',
      errors: [
        { line: 1, column: 48, endLine: 1, endColumn: 50, message: 'The logo is 24px wide; no approved logo may be narrower than 32px' },
      ],
    },
    {
      name: 'mjml: mj-image width',
      code: '<mjml><mj-body><mj-section><mj-column><mj-image src="https://cdn.northwind.example/email/northwind-logo.png" width="90px" alt="Northwind"></mj-image></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
      errors: [
        { line: 1, column: 117, endLine: 1, endColumn: 121, message: 'The primary logo is 90px wide; its minimum width is 120px' },
      ],
    },
  ],
});
