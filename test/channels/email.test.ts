import { describe, expect, it } from 'vitest';
import { sourceOffsetOf } from '../../src/core/document.js';
import { loc, parse, slice, styles } from './helpers.js';

describe('HTML email metadata', () => {
  const html = [
    '<html lang="en-GB"><head>',
    '<title>Your &amp; our spring sale</title>',
    '<meta name="campaign" content="spring-2025">',
    '</head><body>',
    '<div style="display:none;max-height:0;overflow:hidden">Save 20% on everything &zwnj;&nbsp;</div>',
    '<h1>Spring sale</h1>',
    '<p>Hello *|FNAME|*</p>',
    '</body></html>',
  ].join('\n');

  it('reads subject, preheader, campaign and locale with their ranges', async () => {
    const document = await parse(html);
    const { metadata } = document;
    expect(metadata.subject?.text).toBe('Your & our spring sale');
    expect(loc(metadata.subject?.range)).toBe('2:8-2:34');
    expect(metadata.preheader?.text).toBe('Save 20% on everything');
    expect(loc(metadata.preheader?.range)).toBe('5:56-5:78');
    expect(metadata.campaign).toBe('spring-2025');
    expect(loc(metadata.campaignRange)).toBe('3:32-3:43');
    expect(metadata.locale).toBe('en-GB');
    expect(document.messages).toEqual([{ id: 'email', kind: 'email', range: document.lines.rangeAt(0, html.length) }]);
  });

  it('scopes the runs of an email', async () => {
    const document = await parse(html);
    expect(document.textRuns.map((run) => [run.scope, run.text, run.messageId])).toEqual([
      ['subject', 'Your & our spring sale', 'email'],
      ['preheader', 'Save 20% on everything', 'email'],
      ['heading', 'Spring sale', 'email'],
      ['body', 'Hello *|FNAME|*', 'email'],
    ]);
    const subject = document.textRuns[0]!;
    expect(sourceOffsetOf(subject, subject.text.indexOf('our spring'))).toBe(html.indexOf('our spring'));
  });

  it.each([
    ['meta subject wins over the title', '<title>Newsletter</title><meta name="subject" content="Hello &amp; welcome">', 'Hello & welcome', '1:56-1:75'],
    ['title only', '<title>  Hello  </title>', 'Hello', '1:10-1:15'],
    ['templated subject', '<title>{{subject}}</title>', '{{subject}}', '1:8-1:19'],
  ])('subject: %s', async (_name, head, subject, where) => {
    const document = await parse(`<html><head>${head}</head><body></body></html>`.replace('<html><head>', ''));
    expect(document.metadata.subject?.text).toBe(subject);
    expect(loc(document.metadata.subject?.range)).toBe(where);
  });

  it('gives the subject scope to <meta name="subject"> and the title scope to <title> then', async () => {
    const document = await parse('<title>Newsletter</title><meta name="subject" content="Hi &amp; welcome">');
    expect(document.textRuns.map((run) => [run.scope, run.text, loc(run.range)])).toEqual([
      ['title', 'Newsletter', '1:8-1:18'],
      ['subject', 'Hi & welcome', '1:56-1:72'],
    ]);
  });

  it('does not take an Outlook-only hidden block or a spacer for the preheader', async () => {
    const document = await parse(
      '<div style="mso-hide:all">Buy now</div><div style="display:none">&zwnj;&nbsp;&zwnj;</div><span class="preheader">Real preview</span>' +
        '<style>.preheader { display: none !important; }</style>',
    );
    expect(document.metadata.preheader).toBeUndefined();
    const later = await parse('<style>.preheader { display: none !important; }</style><span class="preheader">Real preview</span>');
    expect(later.metadata.preheader?.text).toBe('Real preview');
  });

  it.each([
    ['links that agree', ['spring', 'spring'], 'spring'],
    ['links that disagree', ['spring', 'summer'], undefined],
    ['no utm', [], undefined],
  ])('campaign from utm_campaign: %s', async (_name, campaigns, expected) => {
    const links = campaigns.map((campaign) => `<a href="https://x.test/?utm_source=mail&amp;utm_campaign=${campaign}">x</a>`).join('\n');
    const document = await parse(links);
    expect(document.metadata.campaign).toBe(expected);
    if (expected) expect(loc(document.metadata.campaignRange)).toBe('1:59-1:65');
  });
});

describe('MJML', () => {
  const mjml = [
    '<mjml lang="en">',
    '  <mj-head>',
    '    <mj-title>Welcome aboard</mj-title>',
    '    <mj-preview>Your account is ready</mj-preview>',
    '    <mj-font name="Lato" href="https://fonts.googleapis.com/css?family=Lato" />',
    '    <mj-attributes>',
    '      <mj-all font-family="Lato, Arial" />',
    '      <mj-text color="#333333" />',
    '    </mj-attributes>',
    '    <mj-style>.hero { color: #ff6600; }</mj-style>',
    '  </mj-head>',
    '  <mj-body background-color="#f4f4f4">',
    '    <mj-section background-color="#ffffff">',
    '      <mj-column>',
    '        <mj-image src="logo.png" alt="Acme" width="120px" />',
    '        <mj-text font-size="16px" color="#111111">Hello <b>there</b></mj-text>',
    '        <mj-button href="https://x.test/start" background-color="#ff6600" color="#ffffff">Get started</mj-button>',
    '      </mj-column>',
    '    </mj-section>',
    '  </mj-body>',
    '</mjml>',
  ].join('\n');

  it('reads title, preview, fonts and the lang', async () => {
    const document = await parse(mjml, { file: 'welcome.mjml' });
    expect(document.format).toBe('mjml');
    expect(document.metadata.subject?.text).toBe('Welcome aboard');
    expect(loc(document.metadata.subject?.range)).toBe('3:15-3:29');
    expect(document.metadata.preheader?.text).toBe('Your account is ready');
    expect(loc(document.metadata.preheader?.range)).toBe('4:17-4:38');
    expect(document.metadata.locale).toBe('en');
    expect(document.fontSources.map((font) => [font.kind, font.family, loc(font.range)])).toEqual([
      ['web-font-link', 'Lato', '5:20-5:24'],
    ]);
  });

  it('turns mj-* attributes and mj-style into declarations', async () => {
    const document = await parse(mjml, { file: 'welcome.mjml' });
    expect(styles(document)).toEqual([
      'font-family=Lato, Arial @7:28-7:39',
      'color=#333333 @8:23-8:30',
      'color=#ff6600 @10:30-10:37',
      'background-color=#f4f4f4 @12:30-12:37',
      'background-color=#ffffff @13:35-13:42',
      'width=120px @15:52-15:57',
      'font-size=16px @16:29-16:33',
      'color=#111111 @16:42-16:49',
      'background-color=#ff6600 @17:66-17:73',
      'color=#ffffff @17:82-17:89',
    ]);
    expect(document.styles.find((declaration) => declaration.value === '#ff6600')?.origin).toBe('style-element');
    expect(document.styles.find((declaration) => declaration.value === '#f4f4f4')?.origin).toBe('html-attribute');
  });

  it('reads mj-image, mj-button and the prose', async () => {
    const document = await parse(mjml, { file: 'welcome.mjml' });
    expect(document.images).toHaveLength(1);
    expect(document.images[0]).toMatchObject({ src: 'logo.png', alt: 'Acme', widthPx: 120 });
    expect(loc(document.images[0]?.widthRange)).toBe('15:52-15:57');
    expect(document.links).toHaveLength(1);
    expect(document.links[0]).toMatchObject({ href: 'https://x.test/start', text: 'Get started', isCallToAction: true });
    expect(loc(document.links[0]?.hrefRange)).toBe('17:26-17:46');
    expect(document.textRuns.map((run) => [run.scope, run.text])).toEqual([
      ['subject', 'Welcome aboard'],
      ['preheader', 'Your account is ready'],
      ['alt', 'Acme'],
      ['body', 'Hello there'],
      ['cta', 'Get started'],
    ]);
    // Self-closed <mj-image /> holds nothing: the text after it is the column's.
    const text = document.textRuns.find((run) => run.text === 'Hello there')!;
    expect(document.elements[text.elementId!]?.tag).toBe('mj-text');
  });
});

describe('.eml messages', () => {
  const eml = [
    'From: Shop <shop@x.test>',
    'To: you@x.test',
    'Subject: Spring sale: 20% off',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Plain version',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    '<html><body><p style="color:#123456">Hello &amp; welcome</p></body></html>',
    '--b1--',
    '',
  ].join('\r\n');

  it('points the subject and the 7bit HTML part at their places in the file', async () => {
    const document = await parse(eml, { file: 'sale.eml' });
    expect(document.format).toBe('eml');
    expect(document.parseProblems).toEqual([]);
    expect(document.metadata.subject?.text).toBe('Spring sale: 20% off');
    expect(loc(document.metadata.subject?.range)).toBe('3:10-3:30');
    expect(styles(document)).toEqual(['color=#123456 @15:29-15:36']);
    expect(document.textRuns.map((run) => [run.scope, run.text, loc(run.range)])).toEqual([
      ['subject', 'Spring sale: 20% off', '3:10-3:30'],
      ['body', 'Hello & welcome', '15:38-15:57'],
    ]);
  });

  it('decodes quoted-printable parts and encoded subjects, pointing at the start of the part', async () => {
    const encoded = [
      'Subject: =?UTF-8?B?U3DDpHRzb21tZXI=?=',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p style=3D"color:#abcdef">Caf=C3=A9 open</p>',
      '',
    ].join('\n');
    const document = await parse(encoded, { file: 'qp.eml' });
    expect(document.metadata.subject?.text).toBe('Spätsommer');
    expect(loc(document.metadata.subject?.range)).toBe('1:10-1:38');
    expect(document.styles.map((declaration) => [declaration.value, loc(declaration.valueRange)])).toEqual([['#abcdef', '5:1-5:1']]);
    expect(document.textRuns.find((run) => run.scope === 'body')?.text).toBe('Café open');
    expect(document.parseProblems).toEqual([]);
  });

  it('marks decoded parts, and no fix edits them: --fix never corrupts a quoted-printable body (found by the fuzzer, issue 11)', async () => {
    const encoded = ['Subject: =?UTF-8?B?U3DDpHRzb21tZXI=?=', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', '<p style=3D"color: #ff0001">Shop at North Wind today</p>', ''].join('\n');
    const document = await parse(encoded, { file: 'qp.eml' });
    expect(document.decodedRanges?.map(loc)).toEqual(['1:10-1:38', '5:1-6:1']);
    const { lintText } = await import('../../src/engine/lint-text.js');
    const { loadExampleBrand } = await import('../rule-tester.js');
    const { RULE_LOADERS } = await import('../../rules/index.js');
    const { loadRulePacks } = await import('../../rules/packs/load.js');
    const rules = { ...RULE_LOADERS, ...(await loadRulePacks()).catalogue };
    const result = await lintText({ text: encoded, file: 'qp.eml', channel: 'email', rules, brand: await loadExampleBrand(), fix: true });
    expect(result.output).toBe(encoded);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['brand/names', 'color-off-palette']));
    expect(result.diagnostics.filter((d) => d.fix)).toEqual([]);
  });

  it('reads a text-only message as body runs', async () => {
    const document = await parse('Subject: Hi\n\nFirst paragraph\nstill first.\n\nSecond.\n', { file: 'plain.eml' });
    expect(document.textRuns.map((run) => [run.scope, run.text, loc(run.range)])).toEqual([
      ['subject', 'Hi', '1:10-1:12'],
      ['body', 'First paragraph\nstill first.', '3:1-4:13'],
      ['body', 'Second.', '6:1-6:8'],
    ]);
  });

  it('reports a file that is not a message', async () => {
    const document = await parse('', { file: 'empty.eml' });
    expect(document.parseProblems.map((problem) => problem.ruleId)).toEqual(['parse/eml']);
  });
});

describe('email specifics', () => {
  it('does not allow custom properties in email styles', async () => {
    const document = await parse('<style>.a{color:var(--brand)}</style><p style="color:#000">x</p>');
    expect(document.styles.every((declaration) => !declaration.customPropertiesAllowed)).toBe(true);
  });

  it('keeps the whole file as one message and slices back to the subject', async () => {
    const document = await parse('<title>Hi</title><p>x</p>');
    expect(slice(document, document.metadata.subject?.range)).toBe('Hi');
    expect(document.messages).toHaveLength(1);
  });
});
