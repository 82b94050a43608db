/**
 * The PDF reader of the print channel (flyers, brochures, print-ready ads), with pdf.js
 * (`pdfjs-dist`, its Node build, loaded on first use; no worker thread, no network, no fonts
 * fetched or installed). A PDF has no text to point into, so the document's text is what was read,
 * page by page: the lines of text of each page, then one line per font and per color the page uses:
 *
 * ```
 * The Spring Sale                                 <- page 1, line 1
 * Save 25% on packs with code SPRING20.           <- page 1, line 2
 * % font-family: Comic Sans MS (embedded as GHIJKL+ComicSansMS)
 * % fill: device-cmyk(0% 100% 0% 0%)
 * ```
 *
 * Positions name the page and the line on it (`Position.page`). Text lines are prose runs (voice
 * rules and campaign facts apply); fonts are `font-family` declarations with the subset prefix and
 * the style removed (`ABCDEF+Inter-Bold` is `Inter`); colors are `fill`/`stroke` declarations,
 * RGB and gray as hex, CMYK as CSS `device-cmyk()` (compared with the palette's print values).
 * Nothing here can be fixed: the whole text is marked as decoded, so the engine drops fixes.
 */
import { importModule } from '../core/dynamic-import.js';
import type { ContentDocument, StyleDeclaration } from '../core/document.js';
import { PagedLineIndex } from '../core/position.js';
import { DocumentBuilder, identity, type DocumentInput } from './builder.js';
import { pageColors, PdfObjects, type PdfColor } from './pdf-colors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js with its worker code loaded into this thread (Node has no web worker; pdf.js then runs it in-process). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await importModule<{ WorkerMessageHandler: unknown }>('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return importModule<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

const MESSAGE_ID = 'document';

interface PageRead {
  lines: string[];
  fonts: Array<{ family: string; embedded: string }>;
  colors: PdfColor[];
  problems: string[];
}

/**
 * A PDF. `input.text` holds the file's bytes one character per byte (latin1), as the engine
 * reads a PDF; the document's text is the text read from it (see above).
 */
export async function parsePdf(input: Omit<DocumentInput, 'format'>): Promise<ContentDocument> {
  const bytes = Uint8Array.from(Buffer.from(input.text, 'latin1'));
  const empty = (): DocumentBuilder => new DocumentBuilder({ ...input, text: '', format: 'pdf' });
  if (!startsWithPdfHeader(bytes)) {
    const builder = empty();
    builder.problem('parse/pdf', 'not a PDF file: it does not start with %PDF-', null);
    return builder.document;
  }
  let pages: PageRead[];
  let info: Record<string, unknown> = {};
  try {
    const lib = await loadPdfJs();
    const task = lib.getDocument({
      data: bytes.slice(),
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    const pdf = await task.promise;
    try {
      info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>;
      const objects = new PdfObjects(bytes);
      pages = [];
      for (let number = 1; number <= pdf.numPages; number++) pages.push(await readPage(lib, await pdf.getPage(number), objects));
    } finally {
      await task.destroy();
    }
  } catch (error) {
    const builder = empty();
    const reason = error instanceof Error ? error.message : String(error);
    builder.problem('parse/pdf', `the PDF cannot be read: ${/password/i.test(reason) ? 'it is encrypted with a password' : reason}`, null);
    return builder.document;
  }

  // The text: each page's lines, then its fonts and colors.
  let text = '';
  const pageStarts: number[] = [];
  const placed: Array<{ page: number; kind: 'line' | 'font' | 'color'; start: number; valueStart: number; valueEnd: number; index: number }> = [];
  pages.forEach((page, index) => {
    pageStarts.push(text.length);
    page.lines.forEach((line, lineIndex) => {
      placed.push({ page: index, kind: 'line', start: text.length, valueStart: text.length, valueEnd: text.length + line.length, index: lineIndex });
      text += `${line}\n`;
    });
    page.fonts.forEach((font, fontIndex) => {
      const prefix = '% font-family: ';
      placed.push({ page: index, kind: 'font', start: text.length, valueStart: text.length + prefix.length, valueEnd: text.length + prefix.length + font.family.length, index: fontIndex });
      text += `${prefix}${font.family}${font.embedded !== font.family ? ` (embedded as ${font.embedded})` : ''}\n`;
    });
    page.colors.forEach((color, colorIndex) => {
      const prefix = `% ${color.paint}: `;
      const value = cssOf(color);
      placed.push({ page: index, kind: 'color', start: text.length, valueStart: text.length + prefix.length, valueEnd: text.length + prefix.length + value.length, index: colorIndex });
      text += `${prefix}${value}${color.space === 'gray' ? ` (gray ${percent(color.values[0]!)})` : ''}\n`;
    });
  });

  const builder = new DocumentBuilder({ ...input, text, format: 'pdf' });
  const { document } = builder;
  if (pageStarts.length > 0) document.lines = new PagedLineIndex(text, pageStarts);
  document.messages.push({ id: MESSAGE_ID, kind: 'document', range: builder.range(0, text.length) });
  // Read, not written: no fix can edit a PDF.
  if (text.length > 0) document.decodedRanges = [builder.range(0, text.length)];
  const groups = pages.map(() => builder.newGroup());
  for (const item of placed) {
    const page = pages[item.page]!;
    if (item.kind === 'line') {
      const line = page.lines[item.index]!;
      const trimmed = line.trim();
      if (trimmed === '') continue;
      const start = item.valueStart + (line.length - line.trimStart().length);
      document.textRuns.push({ text: trimmed, range: builder.range(start, start + trimmed.length), scope: 'body', messageId: MESSAGE_ID, sourceMap: [] });
      continue;
    }
    const value = item.kind === 'font' ? page.fonts[item.index]!.family : cssOf(page.colors[item.index]!);
    const property = item.kind === 'font' ? 'font-family' : page.colors[item.index]!.paint;
    const declaration = builder.declaration(property, value, item.valueStart, item.valueEnd, item.start + 2, item.valueEnd, identity, 'html-attribute', groups[item.page]!, false, []);
    declaration.sourceName = item.kind === 'font' ? page.fonts[item.index]!.embedded : `${property} color`;
    builder.addStyle(declaration);
  }
  pages.forEach((page, index) => {
    for (const problem of page.problems) builder.problem('parse/pdf', `page ${index + 1}: ${problem}; its colors may be incomplete`, null, 'warning');
  });
  const campaign = typeof info['Custom'] === 'object' && info['Custom'] !== null ? (info['Custom'] as Record<string, unknown>)['Campaign'] : undefined;
  if (typeof campaign === 'string' && campaign.trim() !== '') document.metadata.campaign = campaign.trim();
  const language = info['Language'];
  if (typeof language === 'string' && language.trim() !== '') document.metadata.locale = language.trim();
  return document;
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a few bytes of junk (the specification allows 1024).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

async function readPage(lib: PdfJs, page: PdfPage, objects: PdfObjects): Promise<PageRead> {
  const content = await page.getTextContent();
  const lines: string[] = [];
  const lineFonts: string[] = [];
  let current = '';
  let lastY: number | null = null;
  const fontOrder: string[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const y = item.transform[5] as number;
    // A new baseline without an end-of-line mark starts a new line too.
    if (lastY !== null && current !== '' && Math.abs(y - lastY) > 1 && item.str !== '') {
      lines.push(current);
      current = '';
    }
    if (item.str !== '') {
      current += item.str;
      lastY = y;
      if (!fontOrder.includes(item.fontName)) fontOrder.push(item.fontName);
      lineFonts.push(item.fontName);
    }
    if (item.hasEOL && current !== '') {
      lines.push(current);
      current = '';
    }
  }
  if (current !== '') lines.push(current);

  // Font names are known once the page's operator list has loaded its fonts.
  const operators = await page.getOperatorList();
  for (let index = 0; index < operators.fnArray.length; index++) {
    if (operators.fnArray[index] !== lib.OPS.setFont) continue;
    const loaded = (operators.argsArray[index] as unknown[])[0];
    if (typeof loaded === 'string' && !fontOrder.includes(loaded)) fontOrder.push(loaded);
  }
  const fonts: PageRead['fonts'] = [];
  for (const loaded of fontOrder) {
    const font = page.commonObjs.has(loaded) ? (page.commonObjs.get(loaded) as { name?: unknown } | null) : null;
    const embedded = typeof font?.name === 'string' ? font.name : '';
    if (embedded === '') continue;
    const family = familyOfFontName(embedded);
    if (family !== '' && !fonts.some((known) => known.family === family)) fonts.push({ family, embedded });
  }
  const ref = page.ref;
  const read = ref ? pageColors(objects, ref.num) : { colors: [], problems: ['the page object was not found'] };
  page.cleanup();
  return { lines: lines.map(printable), fonts, colors: read.colors, problems: read.problems };
}

/** Control characters of a PDF string shown as spaces: the text may reach a terminal. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ').replace(/[\n\r\t]/g, ' ');
}

const STYLE_WORDS =
  /^(?:thin|hairline|extralight|ultralight|light|book|regular|normal|roman|medium|semibold|demibold|demi|bold|extrabold|ultrabold|heavy|black|italic|oblique|condensed|narrow|expanded|extended|mt|ps|psmt)+$/i;

/**
 * The family of an embedded font's PostScript name: the subset prefix (`ABCDEF+`) and the style
 * after `-` or `,` removed, and words spaced out (`SourceSans3-Regular` is `Source Sans 3`,
 * `ComicSansMS` is `Comic Sans MS`, `ArialMT` is `Arial`).
 */
export function familyOfFontName(name: string): string {
  let family = name.replace(/^[A-Z]{6}\+/, '');
  const cut = family.search(/[-,]/);
  if (cut > 0) family = family.slice(0, cut);
  family = family.replace(/(?:MT|PSMT|PS)$/, '');
  const words = family
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .split(/[\s_]+/)
    .filter((word) => word !== '' && !STYLE_WORDS.test(word));
  return words.join(' ');
}

/** A PDF color as CSS: hex for RGB and gray, `device-cmyk()` with percentages for CMYK. */
export function cssOf(color: PdfColor): string {
  if (color.space === 'cmyk') return `device-cmyk(${color.values.map(percent).join(' ')})`;
  const [r, g, b] = color.space === 'gray' ? [color.values[0]!, color.values[0]!, color.values[0]!] : color.values;
  return `#${[r!, g!, b!].map((value) => Math.round(value * 255).toString(16).padStart(2, '0')).join('')}`;
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}
