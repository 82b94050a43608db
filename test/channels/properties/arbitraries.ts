/**
 * Input generators for the adapters' property tests: random bytes, random UTF-16 (lone
 * surrogates included), and documents built from small grammars of each format (HTML email and
 * landing pages, MJML, .eml, CSS, SCSS, Rasa and bot-script YAML/JSON, Bot Framework .lg,
 * Markdown posts, scheduler CSV) seeded with template tags, brand words that trigger fixes,
 * surrogate pairs and CR/LF mixes, then mutated (cut short, noise inserted, a slice repeated).
 */
import fc from 'fast-check';

/** Single characters parsers trip on. */
const tricky = fc.constantFrom(
  '<', '>', '&', '"', "'", '{', '}', '[', ']', '\\', '/', '=', ':', ';', ',', '#', '-', '*', '|', '`', '$', '%', '@', '!', '?',
  '\0', '\u0007', '\u001b', '\u0085', '\u00a0', '\u2028', '\u2029', '\uFEFF', '\u200d', '\u0301', '\t', '\f', '\v',
  '\r', '\n', '\r\n', '😀', '👩🏽‍🚀', '🏔️', 'é', 'ß', '中', 'ع', '\ud800', '\udfff', '\udbff\udfff',
);

/** Any UTF-16 units, lone surrogates included. */
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));

export const noise = fc.oneof(tricky, units, fc.string({ unit: 'binary', maxLength: 12 }));

/** Template syntax of the email and CMS tools brandlint meets. */
export const templateTag = fc.constantFrom(
  '{{ first_name }}', '{{{ raw }}}', '{{#if vip}}', '{{/if}}', '{% if x %}', '{% endif %}', '{%- for p in products -%}', '*|FNAME|*',
  '*|IF:VIP|*', '%%first_name%%', '{slot}', '${user.name}', '<%= name %>', '{{ unclosed', '{% broken', '[[shortcode]]',
);

/** Words and values that make rules report, and fix: brand names, banned words, colors, sizes, links. */
const word = fc.constantFrom(
  'Northwind', 'northwind', 'North Wind', 'NORTHWIND', 'TrailMate', 'Trailmate', 'click here', 'utilize', 'leverage', 'world-class',
  'game-changer', 'synergy', 'FREE', 'AMAZING', 'Buy now!!!', 'hurry!', '20% off', '15 % off', 'SPRING20', 'SPRING25', 'until March 31',
  '2027-03-31', 'https://www.northwind.example/spring?utm_campaign=spring', 'www.northwind.example', 'call +1 555 0100', '$49.99',
  '#Northwind', '#spring', '@northwind', 'e-mail', 'login', 'sign in', 'the', 'a', 'trail', 'boots', 'jacket', 'and', 'we', 'you',
  'very very long sentence that goes on and on with many words so that the reading grade rises and rises without a stop', '📣', '🎉',
);

export const eol = fc.constantFrom('\n', '\r\n', '\r');

/** Prose: words, now and then a template tag or noise. */
export const prose = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: templateTag }, { weight: 1, arbitrary: noise }), { maxLength: 14 })
  .map((parts) => parts.join(' '));

const color = fc.oneof(
  fc.constantFrom('#ff0000', '#1f5136', '#1F5135', '#fff', '#ffffff80', 'red', 'rgb(31, 81, 53)', 'hsl(150 45% 22%)', 'transparent', 'currentColor', 'var(--brand)', '#zzz', 'rgb(300,'),
  fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
);
const cssValue = fc.oneof(
  color,
  fc.constantFrom('Arial, sans-serif', '"Brand Sans", Helvetica', 'Comic Sans MS', '16px', '17px', '1.5rem', '0', 'bold', '700', '350', 'solid 1px #000', '!important', 'url(a.png)', 'calc(1px + 2em)'),
  templateTag,
  noise,
);
const cssProperty = fc.constantFrom('color', 'background-color', 'background', 'font-family', 'font-size', 'font-weight', 'border', 'line-height', 'mso-line-height-rule', '--brand', 'font');
export const declarations = fc.array(fc.tuple(cssProperty, cssValue).map(([property, value]) => `${property}: ${value}`), { maxLength: 5 }).map((list) => list.join('; '));

/** CSS (and, with `scss`, SCSS) stylesheets. */
export function stylesheet(scss = false): fc.Arbitrary<string> {
  const selector = fc.constantFrom('p', '.button', '#hero', 'a:hover', 'td > span', '@media (max-width: 600px)', '.x {', 'h1, h2', '*');
  const rule = fc.tuple(selector, declarations).map(([sel, decls]) => `${sel} { ${decls} }`);
  const atRule = fc.oneof(
    rule.map((inner) => `@media screen { ${inner} }`),
    fc.constantFrom('@import url("https://fonts.googleapis.com/css2?family=Inter");', '@import "local.css";', '@font-face { font-family: "Brand Sans"; src: url(b.woff2); }', '@charset "utf-8";'),
  );
  const comment = fc.oneof(prose.map((text) => `/* ${text} */`), fc.constantFrom('/* brandlint-disable-next-line color-off-palette */', '/* unterminated'));
  const scssPart = fc.oneof(
    fc.tuple(cssValue).map(([value]) => `$brand: ${value};`),
    rule.map((inner) => `.outer { &:hover { color: $brand; } ${inner} }`),
    fc.constantFrom('@mixin m($c) { color: $c; }', '.a { @include m(#ff0000); }', '.b { width: #{$w}px; }', '// line comment #ff0000', '@use "sass:math";'),
  );
  const parts = scss ? fc.oneof(rule, atRule, comment, scssPart, noise) : fc.oneof(rule, atRule, comment, noise);
  return fc.tuple(fc.array(parts, { maxLength: 8 }), eol).map(([list, newline]) => list.join(newline));
}

const attributeValue = fc.oneof(prose, color, templateTag, declarations, fc.constantFrom('text-[#1f5136] bg-[#ff0000] hover:bg-[#2e7d4f] font-[Comic_Sans] text-[17px]', 'bg-[#zz', 'https://www.northwind.example/spring', 'mailto:a@b.example', 'javascript:x', 'logo.png', 'images/northwind-logo.svg', '120', ''));
const attribute = fc
  .tuple(fc.constantFrom('href', 'src', 'alt', 'style', 'class', 'color', 'bgcolor', 'lang', 'width', 'height', 'face', 'title', 'name', 'content', 'data-x', 'fillcolor'), attributeValue, fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) => (quote === '' ? `${name}=${value.replace(/[\s>]/g, '')}` : `${name}=${quote}${value.replaceAll(quote, '')}${quote}`));

/** HTML: nested elements with attributes, inline styles, `<style>`, comments, Outlook markup. */
export const html: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    prose,
    fc
      .tuple(
        fc.constantFrom('p', 'div', 'span', 'a', 'img', 'td', 'table', 'tr', 'h1', 'font', 'center', 'strong', 'button', 'v:roundrect', 'title', 'meta', 'link', 'br', 'li', 'svg'),
        fc.array(attribute, { maxLength: 4 }),
        tie('nodes'),
        fc.boolean(),
      )
      .map(([tag, attrs, children, closed]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${children}${closed ? `</${tag}>` : ''}`),
    prose.map((text) => `<!-- ${text} -->`),
    fc.constantFrom('<!-- brandlint-disable-next-line -->', '<!-- brandlint-disable color-off-palette -- reason -->', '<!--[if mso]><v:rect fillcolor="#ff0000"><![endif]-->', '<!-- unterminated', '</p>', '<p', '<<', '<!doctype html>', '<![CDATA[x]]>', '&amp;', '&#x1F600;', '&bogus;', '&#xD800;'),
    stylesheet().map((css) => `<style>${css}</style>`),
    noise,
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }).map((list) => list.join('')),
})).nodes;

/** A whole HTML document around the body (or just the body). */
export const htmlDocument = fc
  .tuple(fc.boolean(), prose, prose, html, eol)
  .map(([wrap, title, campaign, body, newline]) =>
    wrap
      ? ['<!doctype html>', '<html lang="en">', `<head><title>${title}</title><meta name="campaign" content="${campaign}"><meta name="description" content="${title}">`, '</head>', `<body>${body}</body>`, '</html>'].join(newline)
      : body,
  );

/** MJML emails. */
export const mjml = fc
  .tuple(prose, fc.array(fc.tuple(fc.constantFrom('mj-text', 'mj-button', 'mj-image', 'mj-divider', 'mj-raw'), fc.array(attribute, { maxLength: 3 }), html), { maxLength: 5 }), eol)
  .map(([title, parts, newline]) =>
    [
      '<mjml>',
      `<mj-head><mj-title>${title}</mj-title><mj-preview>${title}</mj-preview><mj-attributes><mj-all font-family="Arial" /></mj-attributes></mj-head>`,
      '<mj-body><mj-section><mj-column>',
      ...parts.map(([tag, attrs, inner]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${inner}</${tag}>`),
      '</mj-column></mj-section></mj-body>',
      '</mjml>',
    ].join(newline),
  );

/** .eml files: headers, a multipart body with plain and HTML parts, encoded or not. */
export const eml = fc
  .tuple(prose, htmlDocument, prose, fc.constantFrom('7bit', 'quoted-printable', 'base64', 'x-bogus'), fc.boolean(), eol)
  .map(([subject, body, plain, encoding, encodeSubject, newline]) => {
    const encode = (text: string) =>
      encoding === 'base64' ? Buffer.from(text).toString('base64').replace(/.{76}/g, `$&${newline}`) : encoding === 'quoted-printable' ? text.replace(/=/g, '=3D') : text;
    return [
      'From: Northwind <news@northwind.example>',
      'To: you@example.com',
      `Subject: ${encodeSubject ? `=?UTF-8?B?${Buffer.from(subject).toString('base64')}?=` : subject}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      `Content-Transfer-Encoding: ${encoding}`,
      '',
      encode(plain),
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      `Content-Transfer-Encoding: ${encoding}`,
      '',
      encode(body),
      '--b1--',
      '',
    ].join(newline);
  });

/** A YAML scalar: plain, quoted, or broken. */
const yamlScalar = fc.oneof(
  prose.map((text) => JSON.stringify(text)),
  prose.map((text) => text.replace(/[\r\n]/g, ' ')),
  prose.map((text) => `'${text.replaceAll("'", "''")}'`),
  fc.constantFrom('|', '>-', '&a x', '*a', '!!binary x', '[', '{', '"unterminated', '~', 'null', '- - -'),
);

/** Rasa domain files. */
export const rasa = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('utter_greet', 'utter_bye', 'utter_offer', 'utter_x'), fc.array(fc.tuple(yamlScalar, fc.array(yamlScalar, { maxLength: 2 })), { maxLength: 3 })), { maxLength: 4 }), yamlScalar, eol)
  .map(([responses, campaign, newline]) =>
    [
      'version: "3.1"',
      'metadata:',
      `  campaign: ${campaign}`,
      '  locale: en',
      'responses:',
      ...responses.flatMap(([name, variants]) => [
        `  ${name}:`,
        ...variants.flatMap(([text, buttons]) => [`  - text: ${text}`, ...(buttons.length > 0 ? ['    buttons:', ...buttons.map((title) => `    - title: ${title}\n      payload: /x`)] : [])]),
      ]),
    ].join(newline),
  );

/** brandlint bot scripts, as YAML or JSON. */
export const botScript = (format: 'yaml' | 'json'): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(fc.tuple(fc.constantFrom('greet', 'offer', 'bye'), prose, fc.array(prose, { maxLength: 2 }), fc.constantFrom(undefined, 'web', 'whatsapp')), { maxLength: 4 }), prose, eol)
    .map(([replies, campaign, newline]) => {
      const script = {
        bot: { name: 'Northwind Guide', campaign: campaign || 'c', locale: 'en' },
        replies: replies.map(([id, text, buttons, channel]) => ({ id, text, ...(buttons.length > 0 ? { buttons } : {}), ...(channel ? { channel } : {}) })),
      };
      if (format === 'json') return JSON.stringify(script, null, 2).replace(/\n/g, newline);
      return [
        'bot:',
        `  name: Northwind Guide`,
        `  campaign: ${JSON.stringify(script.bot.campaign)}`,
        'replies:',
        ...script.replies.flatMap((reply) => [
          `  - id: ${reply.id}`,
          `    text: ${JSON.stringify(reply.text)}`,
          ...(reply.buttons ? ['    buttons:', ...reply.buttons.map((title) => `      - ${JSON.stringify(title || 'x')}`)] : []),
        ]),
      ].join(newline);
    });

/** Bot Framework language generation (.lg). */
export const lg = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom('Greeting', 'Offer', 'Card(day)', ''), fc.array(prose, { maxLength: 3 })).map(([name, variations]) => [`# ${name}`, ...variations.map((v) => `- ${v}`)].join('\n')),
        prose.map((text) => `> ${text}`),
        prose.map((text) => `# Multi\n- \`\`\`${text}\n${text}\`\`\``),
        prose.map((text) => `# Card\n[Activity\n    Text = ${text}\n    SuggestedActions = Yes | No\n]`),
        prose.map((text) => `# Cond\n- IF: \${x == 1}\n    - ${text}\n- ELSE:\n    - ${text}`),
        fc.constantFrom('[import](common.lg)', '> !# @Namespace = x', '- stray', '# ', '[Activity', '-```'),
      ),
      { maxLength: 6 },
    ),
    eol,
  )
  .map(([blocks, newline]) => blocks.join('\n\n').replace(/\n/g, newline));

/** Markdown social posts with front matter. */
export const markdown = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('x', 'linkedin', 'instagram', 'mastodon', 'linkdin', 'unknown'),
    fc.constantFrom('en', 'de', 'fr-CA', 'x-bogus'),
    fc.array(
      fc.oneof(
        prose,
        prose.map((text) => `## ${text}`),
        prose.map((text) => `[${text}](https://www.northwind.example/x?utm_campaign=spring)`),
        prose.map((text) => `![${text}](images/northwind-logo.svg)`),
        prose.map((text) => `> ${text}`),
        prose.map((text) => `- ${text}`),
        prose.map((text) => '```\n' + text + '\n```'),
        html,
        fc.constantFrom('---', '***', '<!-- brandlint-disable-next-line -->', '[ref]: https://x.example', '[unclosed](', '`code'),
      ),
      { maxLength: 6 },
    ),
    eol,
  )
  .map(([front, platform, lang, blocks, newline]) =>
    [...(front ? ['---', `platform: ${platform}`, `lang: ${lang}`, 'campaign: spring-sale', 'publish_at: 2027-04-04', '---'] : []), ...blocks].join(newline),
  );

const csvField = fc.oneof(prose.map((text) => `"${text.replaceAll('"', '""')}"`), prose.map((text) => text.replace(/[",\r\n]/g, ' ')), fc.constantFrom('', '"', '"unterminated', 'x"y', '2027-04-10 09:00', 'linkedin', 'x', 'en'));

/** Scheduler CSV exports. */
export const csv = fc
  .tuple(fc.shuffledSubarray(['date', 'message', 'platform', 'link', 'campaign', 'lang', 'image'], { minLength: 1 }), fc.array(fc.array(csvField, { maxLength: 8 }), { maxLength: 5 }), eol)
  .map(([header, rows, newline]) => [header.join(','), ...rows.map((row) => row.join(','))].join(newline));

/**
 * A text changed the way real files go wrong: cut short, noise inserted somewhere, a slice
 * repeated, line breaks of another kind. Most runs leave it as it is.
 */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.constantFrom('none', 'none', 'none', 'cut', 'insert', 'repeat', 'newlines'), fc.nat(), fc.nat(), noise, eol)
    .map(([text, how, a, b, extra, newline]) => {
      const i = text.length === 0 ? 0 : a % (text.length + 1);
      const j = text.length === 0 ? 0 : b % (text.length + 1);
      switch (how) {
        case 'cut':
          return text.slice(0, i);
        case 'insert':
          return text.slice(0, i) + extra + text.slice(i);
        case 'repeat':
          return text.slice(0, Math.max(i, j)) + text.slice(Math.min(i, j));
        case 'newlines':
          return text.replace(/\r\n|\r|\n/g, newline);
        default:
          return text;
      }
    });
}

/** Random bytes, decoded the way brandlint reads files (see inputFromBytes in the properties). */
export const bytes = fc.uint8Array({ maxLength: 300 });
