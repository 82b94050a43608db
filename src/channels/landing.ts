/**
 * The landing-page adapter: HTML pages (with the local stylesheets they link), standalone `.css`
 * and `.scss`, and Tailwind arbitrary values in class names.
 *
 * Linked stylesheets: declarations of `css/site.css` belong to that file, not to the page. The
 * page's document lists each linked local stylesheet in `stylesheets` with its parsed document
 * (for rules that pair text and background across files, such as contrast); the engine lints the
 * stylesheet as its own file, so no finding is reported twice. Remote hrefs are never fetched.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentDocument } from '../core/document.js';
import type { Range } from '../core/position.js';
import { DocumentBuilder, identity, type DocumentInput } from './builder.js';
import { applyCampaign } from './email.js';
import { walkHtml } from './html.js';
import { parseStylesheet } from './stylesheet.js';

export interface LinkedStylesheet {
  /** The `href` as written (decoded). */
  href: string;
  hrefRange: Range;
  media?: string;
  absolutePath: string;
  /** Display path, relative like the page's. */
  file: string;
  /** The stylesheet parsed; null when it could not be read. */
  document: ContentDocument | null;
}

/** A page's document with the local stylesheets it links. */
export interface PageDocument extends ContentDocument {
  stylesheets: LinkedStylesheet[];
}

export type ReadFile = (absolutePath: string) => Promise<string | null>;

export type LandingInput = Omit<DocumentInput, 'format' | 'channel'> & {
  format?: 'html' | 'css' | 'scss';
  channel?: DocumentInput['channel'];
  /** Reads a linked local stylesheet (default: from disk); null when it cannot be read. */
  readFile?: ReadFile;
};

const MESSAGE_ID = 'page';

export async function parseLanding(input: LandingInput): Promise<ContentDocument> {
  const lower = input.file.toLowerCase();
  const format = input.format ?? (lower.endsWith('.scss') ? 'scss' : lower.endsWith('.css') ? 'css' : 'html');
  const channel = input.channel ?? 'landing';
  if (format === 'css' || format === 'scss') return parseStylesheet({ ...input, channel, format });
  return parsePage({ ...input, channel });
}

export async function parsePage(input: LandingInput & { channel: DocumentInput['channel'] }): Promise<PageDocument> {
  const builder = new DocumentBuilder({ ...input, format: 'html' });
  const document = builder.document as PageDocument;
  document.stylesheets = [];
  document.messages.push({ id: MESSAGE_ID, kind: 'page', range: builder.range(0, builder.text.length) });
  const facts = await walkHtml(builder, { html: builder.text, map: identity, mode: 'landing', messageId: MESSAGE_ID });
  const { metadata } = document;
  if (facts.title) metadata.title = facts.title;
  const description = facts.metas.get('description');
  if (description) metadata.metaDescription = { text: description.text.trim(), range: document.lines.rangeAt(description.start, description.end) };
  if (facts.lang) metadata.locale = facts.lang;
  applyCampaign(builder, facts);

  const readFile = input.readFile ?? readLocalFile;
  for (const link of facts.stylesheets) {
    const relative = safeDecode(link.href.replace(/[?#].*$/, ''));
    // Root-relative hrefs depend on where the site is served from: not resolvable here.
    if (relative === '' || relative.startsWith('/')) continue;
    const absolutePath = path.resolve(path.dirname(input.absolutePath), relative);
    const file = path.posix.normalize(path.posix.join(path.posix.dirname(input.file.replaceAll('\\', '/')), relative));
    const hrefRange = document.lines.rangeAt(link.hrefStart, link.hrefEnd);
    let text: string | null = null;
    try {
      text = await readFile(absolutePath);
    } catch {
      text = null;
    }
    if (text === null) {
      builder.problem('parse/stylesheet', `linked stylesheet "${link.href}" cannot be read`, hrefRange, 'warning');
    }
    const stylesheet = text === null ? null : await cachedStylesheet(absolutePath, file, text, input.channel);
    document.stylesheets.push({
      href: link.href,
      hrefRange,
      ...(link.media ? { media: link.media } : {}),
      absolutePath,
      file,
      document: stylesheet,
    });
  }
  return document;
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** Stylesheets above this size are not read for a page (the engine still lints them on their own). */
const MAX_LINKED_SIZE = 5 * 1024 * 1024;

/** The default reader: local `.css` files only, at most 5 MB. */
async function readLocalFile(absolutePath: string): Promise<string | null> {
  if (!absolutePath.toLowerCase().endsWith('.css')) return null;
  try {
    const info = await stat(absolutePath);
    if (!info.isFile() || info.size > MAX_LINKED_SIZE) return null;
    return await readFile(absolutePath, 'utf8');
  } catch {
    return null;
  }
}

/** Pages of one site link the same stylesheet: parse each (path, text) once. */
const stylesheetCache = new Map<string, { text: string; file: string; document: ContentDocument }>();
const CACHE_SIZE = 16;

async function cachedStylesheet(absolutePath: string, file: string, text: string, channel: DocumentInput['channel']): Promise<ContentDocument> {
  const key = `${channel}\0${absolutePath}`;
  const cached = stylesheetCache.get(key);
  if (cached && cached.text === text && cached.file === file) return cached.document;
  const format = absolutePath.toLowerCase().endsWith('.scss') ? 'scss' : 'css';
  const document = await parseStylesheet({ file, absolutePath, text, channel, format });
  stylesheetCache.delete(key);
  stylesheetCache.set(key, { text, file, document });
  if (stylesheetCache.size > CACHE_SIZE) stylesheetCache.delete(stylesheetCache.keys().next().value!);
  return document;
}
