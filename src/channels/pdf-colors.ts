/**
 * The fill and stroke colors a PDF page's content stream sets, as written: `rg`/`RG` (RGB), `g`/`G`
 * (gray), `k`/`K` (CMYK), and `sc`/`scn`/`SC`/`SCN` in a device color space. pdf.js converts
 * every color to RGB before it hands the operator list out, so the CMYK values a print file was
 * made with are read here from the page's own content streams (Flate-compressed or plain; object
 * streams are read to find the page). Colors inside images are pixels and never read; forms
 * (`Do` of a form XObject) and shading patterns are not followed.
 */
import { inflateSync } from 'node:zlib';

export type PdfColorSpace = 'rgb' | 'gray' | 'cmyk';

export interface PdfColor {
  paint: 'fill' | 'stroke';
  space: PdfColorSpace;
  /** Components 0-1 as written. */
  values: number[];
}

export interface PageColors {
  colors: PdfColor[];
  /** Why some or all colors of the page could not be read (a filter brandlint does not decode). */
  problems: string[];
}

interface PdfObject {
  /** The object's text up to `stream` (the dictionary), latin1. */
  head: string;
  stream?: Uint8Array;
}

/** Reads objects of a PDF lazily by number (plain objects and those inside object streams). */
export class PdfObjects {
  private readonly text: string;
  private readonly offsets = new Map<number, number>();
  private compressed: Map<number, string> | null = null;

  constructor(private readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const header = /(\d+)\s+(\d+)\s+obj\b/g;
    for (let match = header.exec(this.text); match; match = header.exec(this.text)) {
      // A later definition of the same number (an incremental update) wins.
      this.offsets.set(Number(match[1]), match.index + match[0].length);
    }
  }

  get(num: number): PdfObject | null {
    const at = this.offsets.get(num);
    if (at === undefined) {
      const inStream = this.objectStreams().get(num);
      return inStream === undefined ? null : { head: inStream };
    }
    const end = this.text.indexOf('endobj', at);
    const body = this.text.slice(at, end < 0 ? undefined : end);
    const streamAt = /\bstream\r?\n/.exec(body);
    if (!streamAt) return { head: body };
    const head = body.slice(0, streamAt.index);
    const dataStart = at + streamAt.index + streamAt[0].length;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(head);
    let dataEnd = length ? dataStart + Number(length[1]) : -1;
    if (dataEnd < dataStart || dataEnd > this.text.length) {
      const found = this.text.indexOf('endstream', dataStart);
      dataEnd = found < 0 ? this.text.length : found;
    }
    return { head, stream: this.bytes.subarray(dataStart, dataEnd) };
  }

  /** The decoded data of a stream object; a string saying why when it cannot be decoded. */
  decoded(object: PdfObject): Uint8Array | string {
    if (!object.stream) return 'not a stream';
    const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(object.head)?.[1] ?? '').matchAll(/\/([A-Za-z0-9]+)/g)].map((match) => match[1]!);
    let data = object.stream;
    for (const filter of filters) {
      if (filter !== 'FlateDecode' && filter !== 'Fl') return `a ${filter} content stream`;
      try {
        data = inflateSync(data);
      } catch {
        return 'a content stream that does not inflate';
      }
    }
    return data;
  }

  private objectStreams(): Map<number, string> {
    if (this.compressed) return this.compressed;
    this.compressed = new Map();
    for (const num of this.offsets.keys()) {
      const object = this.get(num);
      if (!object?.stream || !/\/Type\s*\/ObjStm\b/.test(object.head)) continue;
      const data = this.decoded(object);
      if (typeof data === 'string') continue;
      const text = Buffer.from(data).toString('latin1');
      const first = Number(/\/First\s+(\d+)/.exec(object.head)?.[1] ?? NaN);
      const count = Number(/\/N\s+(\d+)/.exec(object.head)?.[1] ?? NaN);
      if (!Number.isFinite(first) || !Number.isFinite(count)) continue;
      const numbers = text.slice(0, first).trim().split(/\s+/).map(Number);
      for (let index = 0; index < count; index++) {
        const objectNumber = numbers[index * 2];
        const start = numbers[index * 2 + 1];
        const next = index + 1 < count ? numbers[index * 2 + 3] : undefined;
        if (objectNumber === undefined || start === undefined) break;
        if (!this.compressed.has(objectNumber)) this.compressed.set(objectNumber, text.slice(first + start, next === undefined ? undefined : first + next));
      }
    }
    return this.compressed;
  }
}

/** The colors a page (by its object number) sets in its content streams, in order, each distinct one once. */
export function pageColors(objects: PdfObjects, pageNumber: number): PageColors {
  const page = objects.get(pageNumber);
  if (!page) return { colors: [], problems: ['the page object was not found'] };
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(page.head)?.[1] ?? '';
  let refs = [...contents.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => Number(match[1]));
  // `/Contents 7 0 R` may name an array object rather than a stream.
  if (refs.length === 1) {
    const only = objects.get(refs[0]!);
    if (only && !only.stream && /^\s*\[/.test(only.head)) refs = [...only.head.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => Number(match[1]));
  }
  const problems: string[] = [];
  const chunks: string[] = [];
  for (const ref of refs) {
    const object = objects.get(ref);
    const data = object ? objects.decoded(object) : 'a content stream that is missing';
    if (typeof data === 'string') problems.push(`${data} was not read`);
    else chunks.push(Buffer.from(data).toString('latin1'));
  }
  // The streams of a page are one stream split anywhere but inside a token.
  return { colors: colorsOf(chunks.join('\n')), problems };
}

const SPACES: Record<string, PdfColorSpace> = { DeviceRGB: 'rgb', DeviceGray: 'gray', DeviceCMYK: 'cmyk', RGB: 'rgb', G: 'gray', CMYK: 'cmyk' };
const COUNTS: Record<PdfColorSpace, number> = { gray: 1, rgb: 3, cmyk: 4 };

/** Tokenises a content stream and collects its color operators (strings, inline images and comments skipped). */
export function colorsOf(content: string): PdfColor[] {
  const found: PdfColor[] = [];
  const seen = new Set<string>();
  const operands: Array<number | string> = [];
  const space: Record<'fill' | 'stroke', PdfColorSpace | null> = { fill: 'gray', stroke: 'gray' };
  const add = (paint: 'fill' | 'stroke', kind: PdfColorSpace, count: number): void => {
    const values = operands.slice(-count);
    if (values.length !== count || values.some((value) => typeof value !== 'number')) return;
    const numbers = (values as number[]).map((value) => Math.min(1, Math.max(0, value)));
    const key = `${paint}|${kind}|${numbers.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ paint, space: kind, values: numbers });
  };
  const token = /\s*(%[^\r\n]*|\((?:\\[\s\S]|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/<>[\](){}%]*|[+-]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+|[\s\S])/gy;
  for (let match = token.exec(content); match; match = token.exec(content)) {
    const text = match[1]!;
    if (text === '') break;
    const first = text[0]!;
    if (first === '%') continue;
    if (first === '(') {
      // A string (nested parentheses end it early; the rest reads as harmless tokens).
      operands.push('string');
      continue;
    }
    if (/^[+-]?(?:\d|\.\d)/.test(text)) {
      operands.push(Number(text));
      continue;
    }
    if (first === '/') {
      operands.push(text);
      continue;
    }
    if (!/^[A-Za-z'"*]/.test(text)) {
      if (text !== '[' && text !== ']' && text !== '<<' && text !== '>>') operands.push(text);
      continue;
    }
    switch (text) {
      case 'g':
      case 'G':
        add(text === 'g' ? 'fill' : 'stroke', 'gray', 1);
        space[text === 'g' ? 'fill' : 'stroke'] = 'gray';
        break;
      case 'rg':
      case 'RG':
        add(text === 'rg' ? 'fill' : 'stroke', 'rgb', 3);
        space[text === 'rg' ? 'fill' : 'stroke'] = 'rgb';
        break;
      case 'k':
      case 'K':
        add(text === 'k' ? 'fill' : 'stroke', 'cmyk', 4);
        space[text === 'k' ? 'fill' : 'stroke'] = 'cmyk';
        break;
      case 'cs':
      case 'CS': {
        const name = operands.at(-1);
        space[text === 'cs' ? 'fill' : 'stroke'] = typeof name === 'string' ? (SPACES[name.slice(1)] ?? null) : null;
        break;
      }
      case 'sc':
      case 'scn':
      case 'SC':
      case 'SCN': {
        const paint = text.startsWith('s') ? 'fill' : 'stroke';
        const kind = space[paint];
        // A pattern (`/P1 scn`) or a color space that is not a device one (ICC, spot): not read.
        if (kind && typeof operands.at(-1) === 'number') add(paint, kind, COUNTS[kind]);
        break;
      }
      case 'BI': {
        // Inline image: its data runs to `EI`.
        const end = content.indexOf('EI', token.lastIndex);
        token.lastIndex = end < 0 ? content.length : end + 2;
        break;
      }
      default:
        break;
    }
    operands.length = 0;
  }
  return found;
}
