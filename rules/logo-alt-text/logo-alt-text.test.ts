import rule from './index.js';
import { testRule } from '../../test/rule-tester.js';

testRule(rule, {
  channel: 'email',
  file: 'emails/x.html',
  valid: [
    {
      name: 'email: names the brand',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="Northwind">',
    },
    {
      name: 'email: brand inside a longer alt',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="Welcome to Northwind Rewards">',
    },
    {
      name: 'mentions compare case-insensitively',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="northwind outfitters">',
    },
    {
      name: 'trap: decorative image that is not a logo',
      code: '<img src="https://cdn.northwind.example/email/spring/divider.png" width="552" alt="">',
    },
    {
      name: 'trap: template alt',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="{{ brand_name }} logo">',
    },
    {
      name: 'no brand',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160">',
      noBrand: true,
    },
    {
      name: 'mjml: alt',
      code: '<mjml><mj-body><mj-section><mj-column><mj-image src="https://cdn.northwind.example/email/northwind-logo.png" width="160px" alt="Northwind"></mj-image></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
    },
    {
      name: 'a partner\'s logo (alt names another organisation) needs no Northwind in its alt',
      code: '<img src="https://cdn.example.org/brc-analytics-logo.png" width="120" alt="BRC Analytics logo">',
    },
    {
      name: 'an alt with "logo" glued to another name ("acmelogo2") names another organisation',
      code: '<img src="https://cdn.example.org/uploads/5f1c2a.png" width="120" alt="acmelogo2">',
    },
    {
      name: 'a file name with "logo" glued to another name (acmelogo.png)',
      code: '<img src="https://cdn.example.org/acmelogo.png" width="120" alt="Sponsor">',
    },
    {
      name: 'a press logo named by its file needs no Northwind in its alt',
      code: '<img src="assets/img/tnw-logo.svg" alt="..." style="height: 3rem">',
    },
  ],
  invalid: [
    {
      name: 'trap: "logo" glued to a generic word is still the brand\'s logo ("sitelogo", "mainlogo.png")',
      code: '<img src="https://cdn.northwind.example/email/mainlogo.png" width="160" alt="sitelogo">',
      errors: [{ line: 1, column: 78, endLine: 1, endColumn: 86, message: /^The logo alt text "sitelogo" does not mention Northwind/ }],
    },
    {
      name: 'email: no alt attribute, reported at the tag',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" style="display: block;">',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 103, message: 'The logo has no alt attribute; add alt text that names Northwind, e.g. alt="Northwind logo"' },
      ],
    },
    {
      name: 'email: empty alt',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="">',
      errors: [
        { line: 1, column: 84, endLine: 1, endColumn: 84, message: 'The logo has an empty alt; a logo is not decorative: name Northwind, e.g. alt="Northwind logo"' },
      ],
    },
    {
      name: 'email: blank alt',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="160" alt="  ">',
      errors: [
        { line: 1, column: 84, endLine: 1, endColumn: 86, message: 'The logo has an empty alt; a logo is not decorative: name Northwind, e.g. alt="Northwind logo"' },
      ],
    },
    {
      name: 'email: alt that does not name the brand',
      code: '<img src="https://cdn.northwind.example/email/northwind-logo.png" width="120" alt="Logo">',
      errors: [
        { line: 1, column: 84, endLine: 1, endColumn: 88, message: 'The logo alt text "Logo" does not mention Northwind' },
      ],
    },
    {
      name: 'trap: "Your Logo" names no organisation: the brand\'s logo with a placeholder alt',
      code: '<img src="https://cdn.example/your-logo.gif" width="142" alt="Your Logo">',
      errors: [{ line: 1, column: 63, endLine: 1, endColumn: 72, message: 'The logo alt text "Your Logo" does not mention Northwind' }],
    },
    {
      name: 'landing: mark with alt "Home"',
      code: '<a href="/"><img class="logo" src="/img/northwind-mark.svg" width="40" alt="Home"></a>',
      file: 'page.html',
      channel: 'landing',
      errors: [
        { line: 1, column: 77, endLine: 1, endColumn: 81, message: 'The logo alt text "Home" does not mention Northwind' },
      ],
    },
    {
      name: 'mjml: mj-image without alt',
      code: '<mjml><mj-body><mj-section><mj-column><mj-image src="https://cdn.northwind.example/email/northwind-logo.png" width="160px"></mj-image></mj-column></mj-section></mj-body></mjml>',
      file: 'emails/x.mjml',
      errors: [
        { line: 1, column: 39, endLine: 1, endColumn: 124, message: 'The logo has no alt attribute; add alt text that names Northwind, e.g. alt="Northwind logo"' },
      ],
    },
  ],
});
