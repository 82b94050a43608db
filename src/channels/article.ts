/**
 * The article adapter: long-form copy (blog posts, help-center articles, sales playbooks, call
 * scripts) as one `article` message.
 *
 * - Markdown (`format: markdown`) and MDX (`mdx`): remark with GFM tables (and remark-mdx), read
 *   by the social adapter's walker (social-markdown.ts) with article scopes: paragraphs and block
 *   quotes are `paragraph` prose, list items `list`, table cells `table`, headings `heading`, link
 *   text `link` (a run of its own; the runs of one block share a `blockId`), image alt text
 *   `alt`. Code is never prose; MDX expressions (`{props.name}`) and ESM are template ranges,
 *   JSX is walked for the Markdown inside it, `{/* ... *\/}` comments carry directives. An MDX
 *   file that does not parse is a positioned problem, then read as plain Markdown (nothing lost).
 * - AsciiDoc (`asciidoc`): see article-asciidoc.ts (asciidoctor.js, loaded only for such files).
 * - Plain text (`text`): paragraphs are separated by blank lines; lines that start with `-`, `*`,
 *   `•` or `1.` are list items.
 *
 * Front matter (Markdown, MDX) is read like a post's: `campaign`, `lang`, `date`, `link`.
 */
import type { Channel } from '../core/channels.js';
import type { ContentDocument, Message } from '../core/document.js';
import { DocumentBuilder, type DocumentInput } from './builder.js';
import { loadEntities } from './deps.js';
import { addTextLinks, plain, pushRun } from './prose-run.js';
import { loadMarkdownParser, MarkdownWalker, readFrontMatter, type MarkdownScopes, type PostFields } from './social-markdown.js';
import { loadYaml } from './yaml-source.js';

export type ArticleInput = Omit<DocumentInput, 'format' | 'channel'> & { format?: string; channel?: Channel };

/** Article scopes of the Markdown walker. */
const ARTICLE_SCOPES: MarkdownScopes = { paragraph: 'paragraph', list: 'list', table: 'table', linkText: 'link' };

/** The article format of a file name: `markdown`, `mdx`, `asciidoc` or `text`. */
export function articleFormatOf(file: string): 'markdown' | 'mdx' | 'asciidoc' | 'text' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.mdx')) return 'mdx';
  if (/\.(?:adoc|asciidoc|asc)$/.test(lower)) return 'asciidoc';
  if (lower.endsWith('.txt')) return 'text';
  return 'markdown';
}

export async function parseArticle(input: ArticleInput): Promise<ContentDocument> {
  const format = input.format && input.format !== 'html' ? input.format : articleFormatOf(input.file);
  const builder = new DocumentBuilder({ ...input, channel: input.channel ?? 'article', format });
  switch (format) {
    case 'asciidoc': {
      const { readAsciiDoc } = await import('./article-asciidoc.js');
      await readAsciiDoc(builder);
      break;
    }
    case 'text':
      readPlainText(builder);
      break;
    default:
      await readMarkdownArticle(builder, format === 'mdx');
  }
  return builder.document;
}

/** The article's one message, over the whole file from `start` (after front matter). */
export function addArticleMessage(builder: DocumentBuilder, start: number, fields: PostFields = {}): Message {
  const { text } = builder;
  const message: Message = { id: 'article', kind: 'article', range: builder.range(Math.min(start, text.length), text.length) };
  if (fields.locale) message.locale = fields.locale;
  if (fields.campaign) message.campaign = fields.campaign;
  if (fields.date) message.date = fields.date;
  builder.document.messages.push(message);
  return message;
}

async function readMarkdownArticle(builder: DocumentBuilder, mdx: boolean): Promise<void> {
  const { document } = builder;
  const [entities, markdown] = await Promise.all([loadEntities(), loadMarkdownParser({ gfm: true })]);
  let tree;
  if (mdx) {
    const parseMdx = await loadMarkdownParser({ gfm: true, mdx: true });
    try {
      tree = parseMdx(document.text);
    } catch (error) {
      // Broken JSX or an unclosed expression: say where, then read the file as Markdown.
      const place = (error as { place?: { offset?: number; start?: { offset?: number } } }).place;
      const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
      // micromark names the place; at the end of the file only the message says it (`(3:1-3:7)`).
      const at = /\((\d+):(\d+)/.exec(reason);
      const offset = place?.offset ?? place?.start?.offset ?? (at ? document.lines.offsetAt(Number(at[1]), Number(at[2])) : undefined);
      builder.problem('parse/mdx', `MDX syntax error: ${reason}; the file was read as plain Markdown`, offset === undefined ? null : builder.range(offset, offset));
    }
  }
  tree ??= markdown(document.text);
  let fields: PostFields = {};
  const frontMatter = tree.children.find((node) => node.type === 'yaml');
  if (frontMatter) fields = await readFrontMatter(builder, frontMatter, await loadYaml());
  let start = frontMatter?.position?.end.offset ?? 0;
  if (document.text[start] === '\r') start++;
  if (document.text[start] === '\n') start++;
  const message = addArticleMessage(builder, start, fields);
  const walker = new MarkdownWalker(builder, (reference) => entities.decodeHTML(reference), ARTICLE_SCOPES);
  for (const node of tree.children) if (node.type !== 'yaml') walker.block(node, message);
}

/** A list item of plain text: `- `, `* `, `• `, `1. ` or `1) ` at the start of a line. */
const TEXT_LIST_ITEM = /^[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+/;

function readPlainText(builder: DocumentBuilder): void {
  const { text } = builder;
  const message = addArticleMessage(builder, 0);
  const fields = { messageId: message.id, locale: message.locale };
  // Paragraphs: runs of non-blank lines; a list item is its own run, continued by indented lines.
  let block: { start: number; end: number; list: boolean } | null = null;
  const flush = (): void => {
    if (!block) return;
    const raw = text.slice(block.start, block.end);
    const run = pushRun(builder, plain(raw), block.start, block.end, { scope: block.list ? 'list' : 'paragraph', ...fields });
    if (run) addTextLinks(builder, run);
    block = null;
  };
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') flush();
    else {
      const item = TEXT_LIST_ITEM.exec(line);
      if (item) {
        flush();
        block = { start: lineStart + item[0].length, end: lineEnd, list: true };
      } else if (block) block.end = lineEnd;
      else block = { start: lineStart, end: lineEnd, list: false };
    }
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  flush();
}
