import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContent } from '../../src/channels/index.js';
import { colorsOf } from '../../src/channels/pdf-colors.js';
import { cssOf, familyOfFontName } from '../../src/channels/pdf.js';
import type { ContentDocument } from '../../src/core/document.js';
import { lintProject } from '../../src/engine/lint-project.js';
import { createResult, type LintResult } from '../../src/engine/result.js';
import { sarif } from '../../src/report/formatters/sarif.js';
import { REPO_ROOT } from '../rule-tester.js';

/** A PDF as the engine hands it to the adapter: one character per byte. */
function readPdf(file: string): Promise<ContentDocument> {
  const absolutePath = path.join(REPO_ROOT, file);
  return parseContent({ file, absolutePath, text: readFileSync(absolutePath).toString('latin1'), channel: 'print' });
}

const at = (range: { start: { page?: number; line: number; column: number } } | null | undefined) =>
  range ? `p${range.start.page}:${range.start.line}:${range.start.column}` : '(none)';

describe('print channel: PDF', () => {
  let flyer: ContentDocument;
  beforeAll(async () => {
    flyer = await readPdf('fixtures/print/flyer.pdf');
  }, 60_000);

  it('reads the text of each page as prose, with the page and the line on it', () => {
    expect(flyer.format).toBe('pdf');
    expect(flyer.parseProblems).toEqual([]);
    expect(flyer.textRuns.map((run) => `${at(run.range)} ${run.scope} ${run.text}`)).toEqual([
      'p1:1:1 body The Spring Sale',
      'p1:2:1 body Save 25% on packs with code SPRING20.',
      'p1:3:1 body Never cheap, always good. Ends 31 March.',
      'p1:4:1 body www.northwind.example/spring-sale',
      'p2:1:1 body Northwind Outfitters, Inc.',
    ]);
  });

  it('reads the fonts without their subset prefix and style, and the colors as written (RGB, gray, CMYK)', () => {
    expect(flyer.styles.map((d) => `${at(d.valueRange)} ${d.property}: ${d.value}`)).toEqual([
      'p1:5:16 font-family: Montserrat',
      'p1:6:16 font-family: Comic Sans MS',
      'p1:7:9 fill: device-cmyk(0% 100% 0% 0%)',
      'p1:8:9 fill: #00aaff',
      'p1:9:9 fill: #1f5135',
      'p1:10:9 fill: #1c1c19',
      'p2:2:16 font-family: Source Sans 3',
      'p2:3:9 fill: #ffffff',
    ]);
    // Every value sits where its range says in the text read from the file.
    for (const declaration of flyer.styles) expect(flyer.text.slice(declaration.valueRange.start.offset, declaration.valueRange.end.offset)).toBe(declaration.value);
    expect(flyer.styles[1]!.sourceName).toBe('GHIJKL+ComicSansMS');
  });

  it('takes the campaign from the document information, and allows no fix', () => {
    expect(flyer.metadata.campaign).toBe('spring-sale');
    expect(flyer.decodedRanges).toEqual([{ start: flyer.lines.positionAt(0), end: flyer.lines.positionAt(flyer.text.length) }]);
  });

  it('reads no color inside an embedded image and no text from outlines', async () => {
    const traps = await readPdf('fixtures/print/flyer.traps.pdf');
    expect(traps.textRuns.map((run) => run.text)).toEqual(['Made for the trail.']);
    expect(traps.styles.map((d) => d.value)).toEqual(['Source Sans 3', '#1f5135', '#4a4a44']);
  }, 60_000);

  it('reports a file that is not a PDF, and a broken one, without failing', async () => {
    const notPdf = await parseContent({ file: 'print/a.pdf', absolutePath: '/p/print/a.pdf', text: 'hello', channel: 'print' });
    expect(notPdf.parseProblems.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['parse/pdf not a PDF file: it does not start with %PDF-']);
    const broken = await parseContent({ file: 'print/b.pdf', absolutePath: '/p/print/b.pdf', text: '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF', channel: 'print' });
    expect(broken.parseProblems.map((d) => d.ruleId)).toEqual(['parse/pdf']);
    expect(broken.textRuns).toEqual([]);
  }, 60_000);
});

describe('PDF flyer, linted', () => {
  let results: Map<string, LintResult>;
  beforeAll(async () => {
    const outcome = await lintProject({ cwd: REPO_ROOT, paths: ['fixtures/print'] });
    if (!outcome.ok) throw new Error(outcome.message);
    results = new Map(outcome.results.map((result) => [result.file, result]));
  }, 120_000);

  it('finds the off-palette colors, the off-brand font, the banned word and the disagreeing offer, by page', () => {
    const flyer = results.get('fixtures/print/flyer.pdf')!;
    expect(flyer.diagnostics.map((d) => `${at(d.range)} ${d.ruleId} ${d.message}`)).toEqual([
      'p1:2:1 campaign-offer-mismatch offer "25% off" disagrees with the campaign\'s "20% off" (brief fixtures/campaigns/briefs/spring-sale.yaml)',
      'p1:3:7 brand/banned Avoid "cheap". Northwind gear is good value, never cheap. Try "affordable" or "great value".',
      'p1:6:16 font-family-off-brand Comic Sans MS is not a brand font; start the stack with Montserrat, Source Sans 3 or JetBrains Mono',
      'p1:7:9 color-off-palette device-cmyk(0% 100% 0% 0%) is not a brand print color: compared with the CMYK print values of the guideline file, nearest is color.base.sky-600 (C90 M55 Y0 K20, Pantone 7686 C), 90 points apart',
      'p1:8:9 color-off-palette #00aaff is not a brand color; nearest is color.base.sky-600 (#1e5aa8), ΔE 30.1',
    ]);
    // Reports show the text read from the PDF, not its bytes.
    expect(flyer.source?.startsWith('The Spring Sale\n')).toBe(true);
  });

  it('finds nothing in the passing twin (brand fonts, palette colors in RGB and in CMYK print values) or the traps', () => {
    expect(results.get('fixtures/print/flyer.pass.pdf')?.diagnostics).toEqual([]);
    expect(results.get('fixtures/print/flyer.traps.pdf')?.diagnostics).toEqual([]);
  });

  it('names the page in SARIF regions', () => {
    const flyer = results.get('fixtures/print/flyer.pdf')!;
    const log = JSON.parse(sarif([createResult({ file: flyer.file, absolutePath: flyer.absolutePath, channel: 'print' }, flyer.diagnostics)], { cwd: REPO_ROOT, color: false, notices: [], toolVersion: '0.0.0', exitCode: 1, rules: {} }));
    const region = log.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'font-family-off-brand').locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 6, startColumn: 16, endLine: 6, endColumn: 29, message: { text: 'page 1' }, properties: { page: 1 } });
  });
});

describe('PDF helpers', () => {
  it.each([
    ['ABCDEF+Inter-Bold', 'Inter'],
    ['ABCDEF+Montserrat-Bold', 'Montserrat'],
    ['SourceSans3-Regular', 'Source Sans 3'],
    ['GHIJKL+ComicSansMS', 'Comic Sans MS'],
    ['ArialMT', 'Arial'],
    ['Arial,BoldItalic', 'Arial'],
    ['Helvetica', 'Helvetica'],
    ['HelveticaNeue-Light', 'Helvetica Neue'],
  ])('%s is the family %s', (name, family) => {
    expect(familyOfFontName(name)).toBe(family);
  });

  it('reads fill and stroke colors in RGB, gray and CMYK, skipping strings and inline images', () => {
    const content = [
      'q 0.5 g 1 0 0 RG',
      '0 1 0 0 k (a string with 1 0 0 rg inside) Tj',
      '/DeviceCMYK cs 0.7 0 0.6 0.65 scn',
      '/Pattern cs /P1 scn',
      'BI /W 1 /H 1 /CS /RGB ID xyz 1 1 1 rg EI',
      '0 1 0 0 k Q',
    ].join('\n');
    expect(colorsOf(content).map(cssOf)).toEqual(['#808080', '#ff0000', 'device-cmyk(0% 100% 0% 0%)', 'device-cmyk(70% 0% 60% 65%)']);
    expect(colorsOf(content).map((color) => color.paint)).toEqual(['fill', 'stroke', 'fill', 'fill']);
  });
});
