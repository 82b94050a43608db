import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { ContentDocument, StyleDeclaration } from '../../src/core/document.js';
import { createResult } from '../../src/engine/result.js';
import { colorUsage } from '../../src/report/color-usage.js';
import { escapeHtml, html, renderHtmlReport, SafeHtml } from '../../src/report/html.js';
import { at, SAMPLE_BRAND, SAMPLE_MATRIX, sampleData } from './report-data.js';

const parseHtml = (text: string): Root => unified().use(rehypeParse).parse(text);

function elements(node: Root | RootContent): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? node.children.flatMap((child) => elements(child as RootContent)) : [];
  return [...own, ...children];
}

/** The text of a node, with a space between elements (so `<b>4</b><span>files</span>` reads `4 files`). */
function textOf(node: Root | RootContent): string {
  const preformatted = node.type === 'element' && node.tagName === 'pre';
  const raw = (current: Root | RootContent): string => {
    if (current.type === 'text') return current.value;
    if (current.type === 'element' && (current.tagName === 'style' || current.tagName === 'title')) return '';
    const separator = current.type === 'element' && !preformatted ? ' ' : '';
    return 'children' in current ? current.children.map((child) => raw(child as RootContent)).join(separator) : '';
  };
  return preformatted ? raw(node) : raw(node).replace(/\s+/g, ' ').trim();
}

const HOSTILE_SCRIPT = '<script>document.title="pwned";document.body.append("PWNED")</script>';
const HOSTILE_ATTRIBUTE = `" onmouseover="alert(1)" data-x='`;
const HOSTILE_FILE = `evil/<img src=x onerror=alert(1)>.html`;

function hostileData() {
  const source = `<p title="${HOSTILE_ATTRIBUTE}" style="color: #ff0000">${HOSTILE_SCRIPT}</p>\n`;
  const result = createResult({ file: HOSTILE_FILE, absolutePath: `/p/${HOSTILE_FILE}`, channel: 'email', campaign: `</h3><script>alert("campaign")</script>`, source }, [
    {
      ruleId: 'color-off-palette',
      severity: 'error',
      message: `#ff0000 in ${HOSTILE_SCRIPT} is not a brand color`,
      file: HOSTILE_FILE,
      range: at(source, '#ff0000'),
      actual: `#ff0000`,
      data: { color: '#ff0000', token: `"><script>alert(2)</script>`, hex: '#c2501d', delta: '24.1' },
      docsUrl: `javascript:alert("docs")" onclick="alert(3)`,
      fix: { description: HOSTILE_ATTRIBUTE, edits: [] },
    },
    { ruleId: 'voice/tone', severity: 'warning', message: 'tone', file: HOSTILE_FILE, range: at(source, '<script>') },
  ]);
  return sampleData({
    results: [result],
    campaigns: [{ ...SAMPLE_MATRIX, campaign: HOSTILE_SCRIPT, cells: SAMPLE_MATRIX.cells.map((cell) => ({ ...cell, values: cell.values.map(() => HOSTILE_ATTRIBUTE) })) }],
  });
}

describe('the HTML report', () => {
  it('escapes everything that comes from linted files: no script, no event attribute, the text shows as text', () => {
    const page = renderHtmlReport(hostileData(), { title: HOSTILE_SCRIPT });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(page).toContain(escapeHtml(HOSTILE_SCRIPT));
    const tree = parseHtml(page);
    const all = elements(tree);
    expect(all.filter((element) => element.tagName === 'script')).toEqual([]);
    expect(all.filter((element) => element.tagName === 'img')).toEqual([]);
    expect(all.flatMap((element) => Object.keys(element.properties ?? {}).filter((name) => /^on/i.test(name)))).toEqual([]);
    // Only the page's own anchors: never a javascript: URL.
    expect(all.filter((element) => element.tagName === 'a').map((element) => String(element.properties?.href))).toEqual(['#summary', '#campaigns', '#palette', '#findings']);
    const text = textOf(tree);
    expect(text).toContain(HOSTILE_SCRIPT);
    expect(text).toContain(HOSTILE_FILE);
    expect(text).toContain(HOSTILE_ATTRIBUTE);
  });

  it('makes no request: a CSP forbids fetching anything, no external URL is loaded, no script ships', () => {
    const page = renderHtmlReport(sampleData());
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    const all = elements(parseHtml(page));
    const loading = all.filter((element) => ['script', 'link', 'img', 'iframe', 'object', 'embed', 'video', 'audio', 'source'].includes(element.tagName));
    expect(loading).toEqual([]);
    expect(page).not.toMatch(/url\(|@import/);
  });

  it('shows each score against the baseline, when one is given', () => {
    const data = sampleData();
    const text = textOf(parseHtml(renderHtmlReport({ ...data, baselineScores: { run: 1, channels: { email: 1 }, campaigns: {} } })));
    expect(text).toMatch(/Brand score [\d.]+\/100 \(\+[\d.]+ since the baseline\)/);
    expect(text).toMatch(/email [\d.]+ \(\+[\d.]+ since the baseline\)/);
  });

  it('is deterministic: the same page for the same findings in any order', () => {
    const data = sampleData();
    const page = renderHtmlReport(data);
    expect(renderHtmlReport(sampleData())).toBe(page);
    expect(renderHtmlReport({ ...data, results: [...data.results].reverse() })).toBe(page);
  });

  it('has the summary, the palette, the campaign heat map and every finding with its code frame and swatches', () => {
    const tree = parseHtml(renderHtmlReport(sampleData(), { colorUsage: [{ hex: '#1e5aa9', token: 'color.brand.primary', channels: { email: 2, landing: 1 }, spellings: ['#1e5aa9'] }] }));
    const text = textOf(tree);
    const all = elements(tree);
    const byClass = (name: string) => all.filter((element) => (element.properties?.className as string[] | undefined)?.includes(name));
    expect(text).toContain('4 files linted');
    expect(text).toContain('4 errors');
    // The brand score of the run, with its channels and campaigns (docs/score.md).
    expect(text).toMatch(/\d+(\.\d)? brand score/);
    expect(text).toContain('score by channel');
    expect(text).toContain('score by campaign');
    expect(text).toContain('Checked against the Northwind brand.');
    // Palette tokens with swatches, and the channels using them.
    expect(byClass('token').map(textOf)).toEqual([
      '#1e5aa9 color.brand.primary email ×2 landing ×1',
      '#c2501d color.accent not used',
    ]);
    expect(byClass('swatch').some((element) => String(element.properties?.style).startsWith('background:#1e5aa9'))).toBe(true);
    // The heat map: one disagreeing cell, three agreeing, two not stated.
    expect(byClass('disagree').map(textOf)).toEqual(['25%', 'differs']);
    expect(byClass('agree').map(textOf)).toEqual(['20%', '20%', '#NorthwindSpring', 'agrees']);
    expect(text).toContain('1 cell disagrees');
    // Findings with code frames and swatches.
    expect(byClass('finding')).toHaveLength(5);
    expect(all.filter((element) => element.tagName === 'pre').map(textOf)).toContain('2 | <p style="color: #1e5ba8">Spring sale: 20% off</p>\n  |                  ^^^^^^^');
    expect(text).toContain('#1e5ba8 → nearest brand color color.brand.primary #1e5aa9 ΔE 0.3');
    expect(text).toContain('see emails/spring.html:2:40 the email says 20% off see social/spring.md:1:14 the post says 20% off');
    expect(text).toContain("font Lobster · brand stacks Montserrat, Arial, sans-serif 'Source Sans 3', Arial, sans-serif");
  });

  it('shows one palette card per color, with every token of that color', () => {
    const alias = { ...SAMPLE_BRAND.palette[0]!, name: 'color.link', cssVar: '--color-link', hex: '#1E5AA9', aliasOf: 'color.brand.primary' };
    const brand = { ...SAMPLE_BRAND, palette: [...SAMPLE_BRAND.palette, alias] };
    const cards = elements(parseHtml(renderHtmlReport(sampleData({ brand })))).filter((element) => (element.properties?.className as string[] | undefined)?.includes('token'));
    expect(cards.map(textOf)).toEqual(['#1e5aa9 color.brand.primary · color.link not used', '#c2501d color.accent not used']);
  });

  it('without campaigns, says how to get them', () => {
    expect(textOf(parseHtml(renderHtmlReport(sampleData({ campaigns: [] }))))).toContain('No campaigns: assign content to campaigns');
  });

  it.each([
    [html`<p>${'<b>'}</p>`, '<p>&lt;b&gt;</p>'],
    [html`<p title="${`"'\``}">`, '<p title="&quot;&#39;&#96;">'],
    [html`<p>${['a&', html`<i>${'<'}</i>`]}</p>`, '<p>a&amp;<i>&lt;</i></p>'],
    [html`${null}${undefined}${false}${0}`, '0'],
    [html`${new SafeHtml('<br>')}`, '<br>'],
  ])('html`` escapes interpolations unless they are SafeHtml: %s', (value, expected) => {
    expect(value.value).toBe(expected);
  });
});

describe('color usage', () => {
  const declaration = (property: string, value: string, origin: StyleDeclaration['origin'] = 'style-attribute'): StyleDeclaration => {
    const range = at(value, value);
    return { property, value, valueStart: range.start.offset, valueEnd: range.end.offset, valueRange: range, range, important: false, origin, groupId: 0, customPropertiesAllowed: true, atRules: [] };
  };
  const documentOf = (styles: StyleDeclaration[]) => ({ styles }) as unknown as ContentDocument;

  it('counts colors by channel: brand colors by literal or var(), others by hex; brand colors first', () => {
    const usage = colorUsage(
      [
        { channel: 'email', document: documentOf([declaration('color', '#1E5AA9'), declaration('background-color', '#ff0000'), declaration('font-size', '16px')]) },
        { channel: 'landing', document: documentOf([declaration('color', 'var(--color-brand-primary)'), declaration('border', '1px solid rgb(255 0 0)'), declaration('color', 'red')]) },
      ],
      SAMPLE_BRAND,
    );
    expect(usage).toEqual([
      { hex: '#1e5aa9', token: 'color.brand.primary', channels: { email: 1, landing: 1 }, spellings: ['#1E5AA9', 'var(--color-brand-primary)'] },
      { hex: '#ff0000', channels: { email: 1, landing: 2 }, spellings: ['#ff0000', 'red', 'rgb(255 0 0)'] },
    ]);
  });
});
