import { describe, expect, it } from 'vitest';
import { rangeInRun, sourceOffsetOf } from '../../src/core/document.js';
import { loc, parse, slice, styles } from './helpers.js';

describe('HTML attributes', () => {
  it.each([
    ['double quotes', '<table bgcolor="#ff0000"><tr><td>x</td></tr></table>', '#ff0000', '1:17-1:24'],
    ['single quotes and spaces around =', "<table><tr><td bgcolor = '#00ff00' >x</td></tr></table>", '#00ff00', '1:27-1:34'],
    ['unquoted', '<table><tr><td bgcolor=#0000ff>y</td></tr></table>', '#0000ff', '1:24-1:31'],
    ['newlines around =', '<table><tr><td\n  bgcolor\n  =\n  "#123456">z</td></tr></table>', '#123456', '4:4-4:11'],
    ['entity in the value', '<table bgcolor="&#35;abcdef"></table>', '#abcdef', '1:17-1:28'],
  ])('%s', async (_name, html, value, where) => {
    const document = await parse(html);
    const declaration = document.styles.find((candidate) => candidate.property === 'background-color');
    expect(declaration?.value).toBe(value);
    expect(loc(declaration?.valueRange)).toBe(where);
    expect(declaration?.origin).toBe('html-attribute');
    expect(declaration?.sourceName).toBe('bgcolor');
    expect(declaration?.customPropertiesAllowed).toBe(false);
  });

  it('maps presentational attributes onto properties, one group per element', async () => {
    const html = [
      '<body text="#111111" link="#0000ee" bgcolor="#fafafa">',
      '<font face="Georgia, serif" size="2" color="#333">Hi</font>',
      '<table background="#eeeeee" bordercolor="#cccccc"><tr><td background="img/bg.png">x</td></tr></table>',
      '<img src="a.png" width="120" height="40" alt="">',
      '<svg><linearGradient><stop stop-color="#ff0"/></linearGradient><path fill="#f00" stroke="#0f0"/></svg>',
      '</body>',
    ].join('\n');
    const document = await parse(html, { channel: 'landing', file: 'page.html' });
    expect(styles(document)).toEqual([
      'color=#111111 @1:13-1:20',
      'color=#0000ee @1:28-1:35',
      'background-color=#fafafa @1:46-1:53',
      'font-family=Georgia, serif @2:13-2:27',
      'font-size=2 @2:35-2:36',
      'color=#333 @2:45-2:49',
      'background-color=#eeeeee @3:20-3:27',
      'border-color=#cccccc @3:42-3:49',
      'width=120 @4:25-4:28',
      'height=40 @4:38-4:40',
      'stop-color=#ff0 @5:40-5:44',
      'fill=#f00 @5:76-5:80',
      'stroke=#0f0 @5:90-5:94',
    ]);
    const body = document.styles.filter((declaration) => declaration.range.start.line === 1);
    expect(new Set(body.map((declaration) => declaration.groupId)).size).toBe(1);
    expect(body.every((declaration) => declaration.elementId === body[0]?.elementId)).toBe(true);
    expect(document.elements[body[0]!.elementId!]?.tag).toBe('body');
    expect(document.styles.every((declaration) => declaration.customPropertiesAllowed)).toBe(true);
  });
});

describe('inline styles', () => {
  it.each([
    ['plain', '<p style="color: #333">Hi</p>', 'color', '#333', '1:18-1:22'],
    ['single-quoted attribute', "<p style='color:red'>Hi</p>", 'color', 'red', '1:17-1:20'],
    ['entity-encoded quotes', '<p style="color: #333; font-family: &quot;Open Sans&quot;, Arial">Hi</p>', 'font-family', '"Open Sans", Arial', '1:37-1:65'],
    ['important', '<p style="color:#fff !important;">Hi</p>', 'color', '#fff', '1:17-1:21'],
    ['template tag', '<div style="color: {{fg}}">x</div>', 'color', '{{fg}}', '1:20-1:26'],
  ])('%s', async (_name, html, property, value, where) => {
    const document = await parse(html);
    const declaration = document.styles.find((candidate) => candidate.property === property);
    expect(declaration?.value).toBe(value);
    expect(declaration?.origin).toBe('style-attribute');
    expect(loc(declaration?.valueRange)).toBe(where);
    expect(document.parseProblems).toEqual([]);
  });

  it('shares the group of the element attributes', async () => {
    const document = await parse('<table><tr><td bgcolor="#fff" style="color:#000;font-size:13px">x</td></tr></table>');
    const groups = new Set(document.styles.map((declaration) => declaration.groupId));
    expect(document.styles).toHaveLength(3);
    expect(groups.size).toBe(1);
    expect(document.styles.find((declaration) => declaration.property === 'color')?.important).toBe(false);
  });
});

describe('<style> blocks', () => {
  it('reads rules, at-rules and exact value positions', async () => {
    const html = [
      '<html><head><style>',
      '  .a { color: #111; }',
      '  @media (prefers-color-scheme: dark) {',
      '    .a, .b { color: #eee !important }',
      '  }',
      '  /* brandlint-disable-next-line color-off-palette */',
      '  .c { background: #fff }',
      '</style></head><body></body></html>',
    ].join('\n');
    const document = await parse(html, { channel: 'landing', file: 'page.html' });
    const [first, second, third] = document.styles;
    expect(styles(document)).toEqual(['color=#111 @2:15-2:19', 'color=#eee @4:21-4:25', 'background=#fff @7:20-7:24']);
    expect(first).toMatchObject({ origin: 'style-element', selector: '.a', atRules: [], important: false, customPropertiesAllowed: true });
    expect(second).toMatchObject({ selector: '.a, .b', atRules: ['@media (prefers-color-scheme: dark)'], important: true });
    expect(loc(second?.range)).toBe('4:14-4:36');
    expect(first?.groupId).not.toBe(second?.groupId);
    expect(third?.groupId).not.toBe(second?.groupId);
    expect(document.comments).toHaveLength(1);
    expect(document.comments[0]).toMatchObject({ text: ' brandlint-disable-next-line color-off-palette ', syntax: 'css' });
    expect(loc(document.comments[0]?.range)).toBe('6:5-6:52');
    expect(loc(document.comments[0]?.fullRange)).toBe('6:3-6:54');
  });

  it.each([
    ['value tag', '<style>\n.a { color: {{brand_color}}; }\n</style>', 'color', '{{brand_color}}', '2:13-2:28'],
    ['block tags around rules', '<style>\n{% if dark %}.b { color: #000 }{% endif %}\n</style>', 'color', '#000', '2:26-2:30'],
    ['Handlebars block', '<style>\n{{#if dark}}\n.b { color: #000 }\n{{/if}}\n</style>', 'color', '#000', '3:13-3:17'],
    ['Liquid tag as a value', '<style>.a { background-color: {{ settings.bg }} }</style>', 'background-color', '{{ settings.bg }}', '1:31-1:48'],
  ])('template syntax does not break CSS: %s', async (_name, html, property, value, where) => {
    const document = await parse(html);
    expect(document.parseProblems).toEqual([]);
    const declaration = document.styles.find((candidate) => candidate.property === property);
    expect(declaration?.value).toBe(value);
    expect(loc(declaration?.valueRange)).toBe(where);
    expect(slice(document, declaration?.valueRange)).toBe(value);
    expect(document.templateRanges.length).toBeGreaterThan(0);
    expect(document.comments).toEqual([]);
  });

  it('applies <style media> as an at-rule', async () => {
    const document = await parse('<style media="screen and (max-width: 600px)">.a{color:#123}</style>');
    expect(document.styles[0]?.atRules).toEqual(['@media screen and (max-width: 600px)']);
  });
});

describe('template syntax in markup', () => {
  it.each([
    ['Handlebars in attributes', '<div bgcolor="{{bg}}">Hi {{name}}</div>', ['{{bg}}', '{{name}}']],
    ['Liquid around rows', '<table>{% if show %}<tr><td>Row</td></tr>{% endif %}</table>', ['{% if show %}', '{% endif %}']],
    ['Mailchimp merge tags', '<p>Hello *|FNAME|*, welcome</p>', ['*|FNAME|*']],
    ['ESP tags', '<p>Hello %%name%%!</p>', ['%%name%%']],
    ['ERB tags', '<p>Hello <%= user.name %></p>', ['<%= user.name %>']],
    ['Jinja comment', '<p>{# note #}Hi</p>', ['{# note #}']],
    ['template between attributes', '<div {% if x %}bgcolor="#f00"{% endif %}>x</div>', ['{% if x %}', '{% endif %}']],
  ])('%s', async (_name, html, tags) => {
    const document = await parse(html);
    expect(document.templateRanges.map((range) => slice(document, range))).toEqual(tags);
    expect(document.parseProblems.filter((problem) => problem.severity === 'error')).toEqual([]);
    // Prose keeps the tags verbatim; a run of template tags alone is no prose.
    for (const run of document.textRuns) expect(run.text.replace(/\{%.*?%\}/g, '').trim()).not.toBe('');
  });

  it('keeps a declaration whose attribute value is a template tag', async () => {
    const document = await parse('<table><tr><td bgcolor="{{bg}}">x</td>\n<td {% if x %}bgcolor="#f00"{% endif %}>y</td></tr></table>');
    expect(styles(document)).toEqual(['background-color={{bg}} @1:25-1:31', 'background-color=#f00 @2:24-2:28']);
  });

  it('reads the row inside {% if %} as body text', async () => {
    const document = await parse('<table>{% if show %}<tr><td>Row</td></tr>{% endif %}</table>');
    expect(document.textRuns.map((run) => [run.text, run.scope, loc(run.range)])).toEqual([['Row', 'body', '1:29-1:32']]);
  });
});

describe('text runs', () => {
  it('decodes entities and maps every offset back through the source map', async () => {
    const document = await parse('<p>Caf&eacute; &amp; bar&nbsp;&mdash; 10&#37; off</p>');
    const [run] = document.textRuns;
    expect(run?.text).toBe('Café & bar\u00a0— 10% off');
    expect(loc(run?.range)).toBe('1:4-1:50');
    expect(run!.sourceMap.length).toBeGreaterThan(0);
    expect(sourceOffsetOf(run!, run!.text.indexOf('bar'))).toBe(21);
    expect(sourceOffsetOf(run!, run!.text.indexOf('off'))).toBe(46);
    expect(loc(rangeInRun(document, run!, run!.text.indexOf('10'), run!.text.indexOf('10') + 3))).toBe('1:39-1:46');
    expect(loc(rangeInRun(document, run!, 0, 4))).toBe('1:4-1:15');
  });

  it('adds an anchor at the end when the text ends with an entity', async () => {
    const document = await parse('<p>Tom &amp; Jerry&trade;</p>');
    const run = document.textRuns[0]!;
    expect(run.text).toBe('Tom & Jerry™');
    expect(sourceOffsetOf(run, run.text.length)).toBe(run.range.end.offset);
    expect(run.sourceMap[run.sourceMap.length - 1]).toEqual([run.text.length, run.range.end.offset]);
  });

  it('joins inline markup into one run and splits at blocks, links and <br>', async () => {
    const html = [
      '<html><head><title>Spring &amp; Summer</title></head><body>',
      '<h1>Big <em>news</em></h1>',
      '<p>Read <b>all</b> about it. <a href="https://x.test/more">More here</a> today.<br>Bye</p>',
      '<img src="hero.png" alt="A &quot;hero&quot; image">',
      '</body></html>',
    ].join('\n');
    const document = await parse(html, { channel: 'landing', file: 'page.html' });
    expect(document.textRuns.map((run) => [run.scope, run.text, loc(run.range)])).toEqual([
      ['title', 'Spring & Summer', '1:20-1:39'],
      ['heading', 'Big news', '2:5-2:17'],
      ['body', 'Read all about it.', '3:4-3:29'],
      ['link', 'More here', '3:60-3:69'],
      ['body', 'today.', '3:74-3:80'],
      ['body', 'Bye', '3:84-3:87'],
      ['alt', 'A "hero" image', '4:26-4:50'],
    ]);
    const body = document.textRuns[2]!;
    expect(sourceOffsetOf(body, body.text.indexOf('about'))).toBe(document.text.indexOf('about'));
    const alt = document.textRuns[6]!;
    expect(loc(rangeInRun(document, alt, 2, 8))).toBe('4:28-4:44');
    expect(document.metadata.title?.text).toBe('Spring & Summer');
  });

  it('reads lang for the locale of runs', async () => {
    const document = await parse('<html lang="de"><body><p>Hallo</p><p lang="fr">Bonjour</p></body></html>');
    expect(document.textRuns.map((run) => run.locale)).toEqual(['de', 'fr']);
    expect(document.metadata.locale).toBe('de');
  });
});

describe('Outlook conditional comments', () => {
  const html = [
    '<div><!--[if mso]>',
    '<v:roundrect href="https://x.test/buy" fillcolor="#d84a38" strokecolor="#aa0000"><w:anchorlock/><center style="color:#ffffff">Buy now</center></v:roundrect>',
    '<![endif]--><a href="https://x.test/buy" style="color:#ffffff">Buy now</a></div>',
    '<!--[if gte mso 9]><v:rect fill="true"><v:fill color="#222222" /></v:rect><![endif]-->',
    '<!--[if mso]><table bgcolor="#f0f0f0"><tr><td><![endif]--><p>Body</p><!--[if mso]></td></tr></table><![endif]-->',
  ].join('\n');

  it('records VML colors as declarations at their place in the file', async () => {
    const document = await parse(html);
    expect(styles(document, (origin) => origin === 'vml')).toEqual([
      'background-color=#d84a38 @2:51-2:58',
      'border-color=#aa0000 @2:73-2:80',
      'background-color=#222222 @4:55-4:62',
    ]);
    const fill = document.styles.find((declaration) => declaration.sourceName === 'fillcolor')!;
    expect(fill.atRules).toEqual(['<!--[if mso]>']);
    expect(document.elements[fill.elementId!]?.tag).toBe('v:roundrect');
    expect(styles(document, (origin) => origin === 'html-attribute')).toEqual(['background-color=#f0f0f0 @5:30-5:37']);
  });

  it('keeps styles but not prose of the Outlook branch, and the roundrect makes the link a CTA', async () => {
    const document = await parse(html);
    expect(document.textRuns.map((run) => [run.scope, run.text])).toEqual([
      ['cta', 'Buy now'],
      ['body', 'Body'],
    ]);
    expect(document.links).toHaveLength(1);
    expect(document.links[0]).toMatchObject({ href: 'https://x.test/buy', text: 'Buy now', isCallToAction: true });
    expect(document.styles.filter((declaration) => declaration.property === 'color').map((d) => loc(d.valueRange))).toEqual([
      '2:118-2:125',
      '3:55-3:62',
    ]);
  });
});

describe('links and calls to action', () => {
  it.each([
    ['plain link', '<a href="https://x.test">Read</a>', false],
    ['role=button', '<a href="https://x.test" role="button">Buy</a>', true],
    ['class btn', '<a href="https://x.test" class="btn btn-primary">Buy</a>', true],
    ['class cta', '<a href="https://x.test" class="hero-cta">Buy</a>', true],
    ['<button>', '<button type="submit">Buy</button>', true],
    ['bulletproof cell', '<table><tr><td bgcolor="#d84a38" style="padding:12px"><a href="https://x.test" style="color:#fff">Buy now</a></td></tr></table>', true],
    ['cell with more text', '<table><tr><td bgcolor="#eee">Terms apply. <a href="https://x.test">Read</a></td></tr></table>', false],
    ['inline background', '<a href="https://x.test" style="background-color:#178f8f;padding:10px">Activate</a>', true],
    ['table inside the link', '<a href="https://x.test"><table><tr><td style="background-color:#d84a38">Buy</td></tr></table></a>', true],
  ])('%s', async (_name, html, cta) => {
    const document = await parse(html);
    expect(document.links).toHaveLength(1);
    expect(document.links[0]?.isCallToAction).toBe(cta);
    expect(document.textRuns.every((run) => run.scope === (cta ? 'cta' : 'link') || run.scope === 'body')).toBe(true);
  });

  it('locates href values and reads the visible text', async () => {
    const document = await parse('<p><a\n   href = "https://x.test/?a=1&amp;utm_campaign=spring">Spring\n  sale</a></p>');
    expect(document.links[0]).toMatchObject({ href: 'https://x.test/?a=1&utm_campaign=spring', text: 'Spring sale', isCallToAction: false });
    expect(loc(document.links[0]?.hrefRange)).toBe('2:12-2:55');
    expect(document.metadata.campaign).toBe('spring');
    expect(slice(document, document.metadata.campaignRange)).toBe('spring');
  });
});

describe('images', () => {
  it.each([
    ['width attribute', '<img src="logo.png" alt="Acme" width="120">', 120, '1:39-1:42'],
    ['width attribute in px', '<img src="logo.png" alt="Acme" width="120px">', 120, '1:39-1:44'],
    ['inline width wins', '<img src="logo.png" alt="Acme" width="300" style="width: 150px">', 150, '1:58-1:63'],
    ['inline max-width when width is relative', '<img src="logo.png" alt="Acme" style="width:100%; max-width: 310px">', 310, '1:62-1:67'],
    ['unknown', '<img src="logo.png" alt="Acme" width="100%">', undefined, '(none)'],
  ])('%s', async (_name, html, width, where) => {
    const document = await parse(html);
    const image = document.images[0]!;
    expect(image.src).toBe('logo.png');
    expect(loc(image.srcRange)).toBe('1:11-1:19');
    expect(image.alt).toBe('Acme');
    expect(loc(image.altRange)).toBe('1:26-1:30');
    expect(image.widthPx).toBe(width);
    expect(loc(image.widthRange)).toBe(where);
  });

  it('tells a missing alt from an empty one', async () => {
    const document = await parse('<img src="a.png"><img src="b.png" alt="" class="logo big">');
    expect(document.images.map((image) => [image.alt, image.classes])).toEqual([
      [null, []],
      ['', ['logo', 'big']],
    ]);
    expect(document.textRuns).toEqual([]);
  });
});

describe('hidden elements', () => {
  it.each([
    ['display:none', '<div style="display:none">x</div>', true],
    ['hidden attribute', '<div hidden>x</div>', true],
    ['max-height:0 with overflow:hidden', '<div style="max-height:0;overflow:hidden">x</div>', true],
    ['max-height:0 alone', '<div style="max-height:0">x</div>', false],
    ['mso-hide:all', '<div style="mso-hide:all">x</div>', true],
    ['visibility:hidden', '<div style="visibility: hidden">x</div>', true],
    ['opacity:0', '<div style="opacity:0">x</div>', true],
    ['class hidden by a <style> rule', '<style>.preheader{display:none !important}</style><div class="preheader">x</div>', true],
    ['visible', '<div style="color:red">x</div>', false],
  ])('%s', async (_name, html, hidden) => {
    const document = await parse(html);
    const div = document.elements.find((element) => element.tag === 'div');
    expect(div?.hidden).toBe(hidden);
    expect(div?.hasText).toBe(true);
  });

  it('hides descendants of a hidden element', async () => {
    const document = await parse('<div style="display:none"><span>x</span></div>');
    expect(document.elements.find((element) => element.tag === 'span')?.hidden).toBe(true);
  });
});

describe('comments and fonts', () => {
  it('records HTML comments with the range of their body', async () => {
    const document = await parse('<p>a</p>\n<!-- brandlint-disable color-off-palette -->\n<p>b</p>');
    expect(document.comments).toHaveLength(1);
    expect(document.comments[0]).toMatchObject({ text: ' brandlint-disable color-off-palette ', syntax: 'html' });
    expect(loc(document.comments[0]?.range)).toBe('2:5-2:42');
    expect(loc(document.comments[0]?.fullRange)).toBe('2:1-2:45');
  });

  it('finds web fonts in links, @import and @font-face', async () => {
    const html = [
      '<link href="https://fonts.googleapis.com/css2?family=Open+Sans:wght@400;700&amp;family=Lato&display=swap" rel="stylesheet">',
      '<link href="https://fonts.googleapis.com/css?family=Roboto:400,700|Merriweather" rel="stylesheet">',
      '<link href="https://use.typekit.net/abc123.css" rel="stylesheet">',
      '<style>',
      "@import url('https://fonts.googleapis.com/css2?family=Playfair+Display&display=swap');",
      "@font-face { font-family: 'Brand Sans'; src: url(brand.woff2); }",
      '</style>',
    ].join('\n');
    const document = await parse(html);
    expect(document.fontSources.map((font) => [font.kind, font.family, loc(font.range)])).toEqual([
      ['web-font-link', 'Open Sans', '1:54-1:63'],
      ['web-font-link', 'Lato', '1:88-1:92'],
      ['web-font-link', 'Roboto', '2:53-2:59'],
      ['web-font-link', 'Merriweather', '2:68-2:80'],
      ['import', 'Playfair Display', '5:55-5:71'],
      ['font-face', 'Brand Sans', '6:27-6:39'],
    ]);
    const fontFace = document.styles.find((declaration) => declaration.property === 'font-family');
    expect(fontFace?.atRules).toEqual(['@font-face']);
  });
});

describe('malformed input', () => {
  it.each([
    ['unclosed attribute quote', '<p>Hi</p>\n<a href="x>broken', 'parse/html', '2:18'],
    ['missing whitespace between attributes', '<div class="a"style="color:red">x</div>', 'parse/html', '1:15'],
    ['unclosed CSS block', '<style>\n.a { color: red;\n</style><p>Still read</p>', 'parse/css', '2:1'],
    ['broken inline style', '<p style="color red; background: #fff">x</p>', 'parse/css', '1:11'],
  ])('%s', async (_name, html, ruleId, where) => {
    const document = await parse(html);
    const problem = document.parseProblems[0];
    expect(problem?.ruleId).toBe(ruleId);
    expect(problem?.file).toBe('email.html');
    expect(`${problem?.range?.start.line}:${problem?.range?.start.column}`).toBe(where);
  });

  it('reads what it can around a CSS error', async () => {
    const document = await parse('<style>\n.a { color red; background: #fff }\n.b { color: #000 }\n</style>');
    expect(document.parseProblems).toHaveLength(1);
    expect(styles(document)).toEqual(['background=#fff @2:29-2:33', 'color=#000 @3:13-3:17']);
  });

  it('never throws on garbage', async () => {
    for (const text of ['', '<', '<<<>>>', '<!--', '<style>', '<p style="', '\u0000\u0001', '<a href=">', '{{', '<svg><path fill="']) {
      await expect(parse(text)).resolves.toBeDefined();
    }
  });
});
