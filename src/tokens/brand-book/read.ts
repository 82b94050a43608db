/**
 * A brand book as lines of text, each with where it came from (page and line for a PDF, line
 * for Markdown and HTML), for `brandlint init --from` (draft.ts reads the lines). Table rows
 * become their non-empty cells joined by ` | ` so swatch tables read the same in every format.
 *
 * - Markdown: the file's own lines, markup removed (`#`, list markers, emphasis, links), so a
 *   line number is the line in the file.
 * - HTML: parse5 with source locations; one line per block element (heading, paragraph, list
 *   item, table row, dt/dd), at the line where the block starts.
 * - PDF: pdf.js (pdfjs-dist, its legacy Node build, loaded only here, no worker thread); the
 *   text items of a page grouped into lines by their baseline, top to bottom, and a wide gap
 *   between two items on a line read as a table column.
 */
import { importModule } from '../../core/dynamic-import.js';

export interface BookLine {
  text: string;
  /** 1-based page, for a PDF. */
  page?: number;
  /** 1-based line: in the file (Markdown, HTML) or on the page, top to bottom (PDF). */
  line: number;
  /** A heading (Markdown `#`, HTML h1-h6, PDF text larger than the page's body text). */
  heading?: boolean;
  /** A list item (Markdown `-`/`*`/`1.`, HTML li). */
  listItem?: boolean;
}

export type BookFormat = 'pdf' | 'markdown' | 'html';

export function bookFormatOf(file: string): BookFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (/\.(md|markdown|mdx)$/.test(lower)) return 'markdown';
  if (/\.x?html?$/.test(lower)) return 'html';
  return undefined;
}

/** Where a line came from, as drafts and messages say it: `page 2, line 4` or `line 12`. */
export function describePlace(line: Pick<BookLine, 'page' | 'line'>): string {
  return line.page !== undefined ? `page ${line.page}, line ${line.line}` : `line ${line.line}`;
}

export function readMarkdownBook(text: string): BookLine[] {
  const out: BookLine[] = [];
  let fence = false;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      return;
    }
    if (fence) return;
    if (/^\s*\|?\s*:?-{3,}/.test(raw) && /^[\s|:-]+$/.test(raw)) return; // a table's separator row
    let line = raw;
    const heading = /^\s{0,3}#{1,6}\s+/.test(line);
    const listItem = /^\s*(?:[-*+]|\d+[.)])\s+/.test(line);
    line = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
    line = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^\s*>\s?/, '');
    line = line.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1').replace(/`([^`]*)`/g, '$1');
    if (/^\s*\|/.test(line)) line = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim()).filter((cell) => cell !== '').join(' | ');
    line = line.trim();
    if (line === '') return;
    out.push({ text: line, line: index + 1, ...(heading ? { heading } : {}), ...(listItem ? { listItem } : {}) });
  });
  return out;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  childNodes?: P5Node[];
  content?: P5Node;
  sourceCodeLocation?: { startLine: number } | null;
}

const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'tr', 'dt', 'dd', 'caption', 'figcaption', 'blockquote', 'td', 'th']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head']);

export async function readHtmlBook(text: string): Promise<BookLine[]> {
  const parse5 = await import('parse5');
  const document = parse5.parse(text, { sourceCodeLocationInfo: true }) as unknown as P5Node;
  const out: BookLine[] = [];
  const textOf = (node: P5Node): string => {
    if (node.nodeName === '#text') return node.value ?? '';
    if (node.tagName && SKIP.has(node.tagName)) return '';
    if (node.tagName === 'br') return ' ';
    return (node.childNodes ?? []).map(textOf).join('');
  };
  const walk = (node: P5Node): void => {
    const tag = node.tagName;
    if (tag && SKIP.has(tag)) return;
    if (tag === 'tr') {
      // Empty cells are left out, as a PDF has no text item for them.
      const cells = (node.childNodes ?? []).filter((child) => child.tagName === 'td' || child.tagName === 'th').map((cell) => clean(textOf(cell))).filter((cell) => cell !== '');
      push(node, cells.join(' | '), {});
      return;
    }
    if (tag && BLOCKS.has(tag) && tag !== 'td' && tag !== 'th') {
      // A block holding other blocks (a list item with a nested list) gives its own text first.
      const nested = (node.childNodes ?? []).some((child) => child.tagName && (BLOCKS.has(child.tagName) || child.tagName === 'ul' || child.tagName === 'ol'));
      if (!nested) {
        push(node, clean(textOf(node)), { ...(/^h[1-6]$/.test(tag) ? { heading: true } : {}), ...(tag === 'li' ? { listItem: true } : {}) });
        return;
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  const push = (node: P5Node, value: string, flags: Pick<BookLine, 'heading' | 'listItem'>) => {
    if (value === '') return;
    out.push({ text: value, line: node.sourceCodeLocation?.startLine ?? 1, ...flags });
  };
  walk(document);
  return out;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument> };
}
interface PdfDocument {
  numPages: number;
  getPage(index: number): Promise<{ getTextContent(): Promise<{ items: Array<PdfTextItem | { type: string }> }> }>;
  destroy(): Promise<void>;
}

/** The text lines of a PDF, page by page. Throws when pdf.js cannot open the file. */
export async function readPdfBook(data: Uint8Array): Promise<BookLine[]> {
  const pdfjs = await importModule<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), useWorkerFetch: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: BookLine[] = [];
  try {
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is PdfTextItem => 'str' in item && item.str.trim() !== '');
      // Lines: items whose baselines are within a third of their height of each other.
      const rows: Array<{ y: number; size: number; items: PdfTextItem[] }> = [];
      for (const item of items) {
        const y = item.transform[5]!;
        const size = Math.abs(item.transform[3]!) || item.height || 10;
        const row = rows.find((candidate) => Math.abs(candidate.y - y) <= size / 3);
        if (row) {
          row.items.push(item);
          row.size = Math.max(row.size, size);
        } else rows.push({ y, size, items: [item] });
      }
      rows.sort((a, b) => b.y - a.y);
      const sizes = rows.map((row) => row.size).sort((a, b) => a - b);
      const body = sizes[Math.floor(sizes.length / 2)] ?? 10;
      rows.forEach((row, index) => {
        row.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
        let text = '';
        let end: number | undefined;
        for (const item of row.items) {
          const x = item.transform[4]!;
          if (end !== undefined) text += x - end > row.size * 1.5 ? ' | ' : x - end > row.size * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '';
          text += item.str;
          end = x + item.width;
        }
        const value = clean(text);
        if (value !== '') out.push({ text: value, page: pageNumber, line: index + 1, ...(row.size > body * 1.25 ? { heading: true } : {}) });
      });
    }
  } finally {
    await document.destroy();
  }
  return out;
}
