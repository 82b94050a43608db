/**
 * Markdown social posts: remark-parse + remark-frontmatter (loaded on first use) with exact
 * positions. Paragraphs, list items and block quotes are `post` prose, headings `heading`, image
 * alt text `alt`; link text is prose, the URL is a link. Code (inline and fenced) and HTML are no
 * prose; `<!-- brandlint-disable ... -->` comments are directives. Text is mapped back to the
 * file through backslash escapes, character references and line prefixes (`> `, indentation).
 */
import { importModule } from '../core/dynamic-import.js';
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Message, ProseScope } from '../core/document.js';
import { identity, type DocumentBuilder } from './builder.js';
import { loadEntities } from './deps.js';
import { anchorsOf, type DecodedText } from './entities.js';
import { platformOfEntry, readDate } from './metadata-values.js';
import { addTemplateRange, addTextLinks, plain, pushBuffer, pushRun } from './prose-run.js';
import { TextBuffer } from './text-buffer.js';
import { addYamlComments, composeYaml, decodeScalar, loadYaml, type YamlModule } from './yaml-source.js';

export type MarkdownParse = (text: string) => Root;

/** Which Markdown a parser reads: CommonMark with YAML front matter, plus GFM (tables) and MDX on request. */
export interface MarkdownSyntax {
  gfm?: boolean;
  mdx?: boolean;
}

const markdownParsers = new Map<string, Promise<MarkdownParse>>();

/** A remark parser (unified, remark-parse, remark-frontmatter and the extensions asked for), loaded on first use. */
export function loadMarkdownParser(syntax: MarkdownSyntax = {}): Promise<MarkdownParse> {
  const key = `${syntax.gfm === true}:${syntax.mdx === true}`;
  let parser = markdownParsers.get(key);
  if (!parser) {
    parser = (async () => {
      const [{ unified }, { default: remarkParse }, { default: remarkFrontmatter }] = await Promise.all([
        import('unified'),
        import('remark-parse'),
        import('remark-frontmatter'),
      ]);
      const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
      if (syntax.gfm) processor.use((await import('remark-gfm')).default);
      if (syntax.mdx) processor.use((await importModule<typeof import('remark-mdx')>('remark-mdx')).default);
      return (text: string) => processor.parse(text) as Root;
    })();
    markdownParsers.set(key, parser);
  }
  return parser;
}

export type EntityDecode = (reference: string) => string;

export interface PostFields {
  platform?: string;
  platforms?: string[];
  locale?: string;
  date?: string;
  campaign?: string;
}

export async function readMarkdownPosts(builder: DocumentBuilder): Promise<void> {
  const [parse, entities] = await Promise.all([loadMarkdownParser(), loadEntities()]);
  const decodeEntity: EntityDecode = (reference) => entities.decodeHTML(reference);
  const { document } = builder;
  const tree = parse(document.text);
  let fields: PostFields = {};
  const body: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') fields = await readFrontMatter(builder, node, await loadYaml());
    else body.push(node);
  }

  // Posts of a thread are separated by thematic breaks.
  const posts: RootContent[][] = [[]];
  for (const node of body) {
    if (node.type === 'thematicBreak') posts.push([]);
    else posts[posts.length - 1]!.push(node);
  }
  const nonEmpty = posts.filter((post) => post.length > 0);
  const walker = new MarkdownWalker(builder, decodeEntity, SOCIAL_SCOPES);
  if (nonEmpty.length === 0) {
    // Every file is at least one post (an empty one is still a post, e.g. for required hashtags).
    let start = tree.children.find((node) => node.type === 'yaml')?.position?.end.offset ?? 0;
    if (document.text[start] === '\r') start++;
    if (document.text[start] === '\n') start++;
    addMessage(builder, 'post', start, document.text.length, fields);
    return;
  }
  nonEmpty.forEach((nodes, index) => {
    const id = nonEmpty.length === 1 ? 'post' : `post-${index + 1}`;
    const start = nodes[0]!.position?.start.offset ?? 0;
    const end = nodes[nodes.length - 1]!.position?.end.offset ?? start;
    const message = addMessage(builder, id, start, end, fields);
    for (const node of nodes) walker.block(node, message);
  });
}

function addMessage(builder: DocumentBuilder, id: string, start: number, end: number, fields: PostFields): Message {
  const message: Message = { id, kind: 'post', range: builder.range(start, end), ...fields };
  builder.document.messages.push(message);
  return message;
}

// -----------------------------------------------------------------------------------------------
// Front matter
// -----------------------------------------------------------------------------------------------

const FRONT_MATTER_KEYS = {
  /** Schedulers and cross-posting tools name the platforms in these (a string or a list). */
  platform: ['platform', 'platforms', 'network', 'networks', 'media', 'channels', 'channel'],
  campaign: ['campaign'],
  locale: ['lang', 'locale', 'language'],
  date: ['publish_at', 'publishAt', 'publish_date', 'date', 'scheduled_at'],
  link: ['link', 'url'],
} as const;

export async function readFrontMatter(builder: DocumentBuilder, node: RootContent, yaml: YamlModule): Promise<PostFields> {
  const { document } = builder;
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  // The YAML between the fences, parsed in place so that every offset is a file offset.
  const open = document.text.indexOf('\n', start) + 1;
  const close = Math.max(open, document.text.lastIndexOf('\n', end - 1));
  const masked = document.text.slice(0, open).replace(/[^\r\n]/g, ' ') + document.text.slice(open, close);
  const source = composeYaml(yaml, masked);
  addYamlComments(builder, source.comments);
  const yamlDocument = source.documents[0];
  if (!yamlDocument) return {};
  for (const error of yamlDocument.errors) {
    const [from, to] = error.pos;
    builder.problem('parse/front-matter', `invalid YAML front matter: ${error.message.split('\n')[0]}`, builder.range(from, Math.max(from, to)));
  }
  const root = yamlDocument.contents;
  if (!yaml.isMap(root)) return {};
  const value = (names: readonly string[]) => {
    for (const pair of root.items) {
      if (yaml.isScalar(pair.key) && names.includes(String(pair.key.value))) return { key: String(pair.key.value), node: pair.value };
    }
    return null;
  };
  const text = (found: { key: string; node: unknown } | null) => {
    if (!found) return null;
    if (!yaml.isScalar(found.node) || found.node.value === null || typeof found.node.value === 'object') {
      const [from, to] = (yaml.isNode(found.node) ? found.node.range : undefined) ?? [0, 0];
      builder.problem('parse/front-matter', `\`${found.key}\` must be one value`, builder.range(from, to), 'warning');
      return null;
    }
    const [from, to] = found.node.range ?? [0, 0];
    const written = String(found.node.value).trim();
    return written === '' ? null : { text: written, start: from, end: to };
  };

  const fields: PostFields = {};
  const { metadata } = document;
  const platformEntry = value(FRONT_MATTER_KEYS.platform);
  if (platformEntry && yaml.isSeq(platformEntry.node)) {
    // A cross-posted post: every platform it targets (an account named after its platform counts as it).
    const platforms: string[] = [];
    for (const item of platformEntry.node.items) {
      if (!yaml.isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) {
        const [from, to] = (yaml.isNode(item) ? item.range : undefined) ?? [0, 0];
        builder.problem('parse/front-matter', `\`${platformEntry.key}\` entries must be platform names`, builder.range(from, to), 'warning');
        continue;
      }
      const written = String(item.value).trim();
      if (written === '') continue;
      const platform = platformOfEntry(written);
      if (!platforms.includes(platform)) platforms.push(platform);
    }
    if (platforms.length > 0) fields.platform = metadata.platform = platforms[0]!;
    if (platforms.length > 1) fields.platforms = metadata.platforms = platforms;
  } else {
    const platform = text(platformEntry);
    if (platform) fields.platform = metadata.platform = platformOfEntry(platform.text);
  }
  const campaign = text(value(FRONT_MATTER_KEYS.campaign));
  if (campaign) {
    fields.campaign = metadata.campaign = campaign.text;
    metadata.campaignRange = builder.range(campaign.start, campaign.end);
  }
  const locale = text(value(FRONT_MATTER_KEYS.locale));
  if (locale) fields.locale = metadata.locale = locale.text;
  const date = text(value(FRONT_MATTER_KEYS.date));
  if (date) {
    const reading = readDate(date.text);
    if (reading.date !== null) fields.date = metadata.date = reading.date;
    else builder.problem('parse/date', reading.reason, builder.range(date.start, date.end), 'warning');
  }
  const link = value(FRONT_MATTER_KEYS.link);
  if (link && yaml.isScalar(link.node)) {
    const decoded = decodeScalar(masked, link.node);
    const href = text(link);
    if (decoded && href) {
      const range = builder.range(decoded.rawStart, decoded.rawEnd);
      document.links.push({ href: href.text, hrefRange: range, text: '', isCallToAction: false, range });
    }
  }
  return fields;
}

// -----------------------------------------------------------------------------------------------
// Body
// -----------------------------------------------------------------------------------------------

const COMMENT = /<!--([\s\S]*?)-->/g;
/** An MDX comment: `{/* ... *\/}`. */
const MDX_COMMENT = /^\{\s*\/\*([\s\S]*?)\*\/\s*\}$/;

/** The prose scope of each kind of Markdown block, and whether link text is a run of its own. */
export interface MarkdownScopes {
  paragraph: ProseScope;
  list: ProseScope;
  table: ProseScope;
  /** `link`: link text is its own run (the block's runs share a `blockId`); `inline`: it stays in its block's run. */
  linkText: 'link' | 'inline';
}

/** Social posts: every block of a post is `post` prose, link text included. */
export const SOCIAL_SCOPES: MarkdownScopes = { paragraph: 'post', list: 'post', table: 'post', linkText: 'inline' };

/** MDX nodes (remark-mdx) the walker knows: JSX is walked for its children, expressions and ESM are no prose. */
interface MdxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' | 'mdxFlowExpression' | 'mdxTextExpression' | 'mdxjsEsm';
  children?: unknown[];
  value?: string;
  position?: RootContent['position'];
}

export class MarkdownWalker {
  private nextBlock = 0;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly decodeEntity: EntityDecode,
    private readonly scopes: MarkdownScopes = SOCIAL_SCOPES,
  ) {}

  block(node: RootContent, message: Message, scope: ProseScope = this.scopes.paragraph): void {
    switch (node.type as string) {
      case 'paragraph':
        this.phrasing(node as Parent, scope, message);
        return;
      case 'heading':
        this.phrasing(node as Parent, 'heading', message);
        return;
      case 'html':
        this.comments(node);
        return;
      case 'code':
      case 'definition':
      case 'thematicBreak':
      case 'yaml':
      case 'mdxjsEsm':
        this.template(node);
        return;
      case 'mdxFlowExpression':
        this.expression(node as unknown as MdxNode);
        return;
      case 'list':
        for (const child of (node as Parent).children) this.block(child as RootContent, message, this.scopes.list);
        return;
      case 'table':
        for (const row of (node as Parent).children) {
          for (const cell of (row as Parent).children) this.phrasing(cell as Parent, this.scopes.table, message);
        }
        return;
      default:
        // List items, block quotes, JSX elements (and anything else that holds blocks).
        if ('children' in node) for (const child of (node as Parent).children) this.block(child as RootContent, message, scope);
    }
  }

  /** One run for the inline content of a block (or one per piece, around links of their own); code and HTML leave a gap. */
  private phrasing(node: Parent, scope: ProseScope, message: Message): void {
    const blockId = this.nextBlock++;
    const fields = { messageId: message.id, locale: message.locale, ...(this.scopes.linkText === 'link' ? { blockId } : {}) };
    let buffer = new TextBuffer();
    const later: Array<() => void> = [];
    const flush = (runScope: ProseScope): void => {
      const run = pushBuffer(this.builder, buffer, { scope: runScope, ...fields });
      if (run) addTextLinks(this.builder, run);
      buffer = new TextBuffer();
    };
    // Link text of its own (not in headings): what came before is one run, the link text another.
    const ownLink =
      this.scopes.linkText === 'link' && scope !== 'heading'
        ? (children: PhrasingContent[]): void => {
            flush(scope);
            this.inline(children, () => buffer, message, later, null);
            flush('link');
          }
        : null;
    this.inline(node.children as PhrasingContent[], () => buffer, message, later, ownLink);
    flush(scope);
    for (const task of later) task();
  }

  private inline(
    nodes: readonly PhrasingContent[],
    buffer: () => TextBuffer,
    message: Message,
    later: Array<() => void>,
    ownLink: ((children: PhrasingContent[]) => void) | null,
  ): void {
    for (const node of nodes) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      switch (node.type as string) {
        case 'text': {
          if (start === undefined || end === undefined) break;
          buffer().append(this.align((node as { value: string }).value, start, end), start, end, identity);
          break;
        }
        case 'break':
          if (start !== undefined && end !== undefined) buffer().append({ text: '\n', anchors: [[1, end - start]] }, start, end, identity);
          break;
        case 'link': {
          const link = node as Extract<PhrasingContent, { type: 'link' }>;
          this.link(link, start, end);
          if (ownLink) ownLink(link.children);
          else this.inline(link.children, buffer, message, later, ownLink);
          break;
        }
        case 'image':
          later.push(() => this.image(node as Extract<PhrasingContent, { type: 'image' }>, message));
          break;
        case 'html':
          this.comments(node);
          break;
        case 'mdxTextExpression':
          // Kept in the run (masked as template syntax), so the words around it stay apart.
          if (this.expression(node as unknown as MdxNode) && start !== undefined && end !== undefined) {
            buffer().append(plain(this.builder.text.slice(start, end)), start, end, identity);
          }
          break;
        case 'inlineCode':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) this.inline((node as Parent).children as PhrasingContent[], buffer, message, later, ownLink);
      }
    }
  }

  /** An MDX expression: a `{/* comment *\/}` may carry directives; any other expression is template, never prose (true). */
  private expression(node: MdxNode): boolean {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    const raw = this.builder.text.slice(start, end);
    const comment = MDX_COMMENT.exec(raw);
    if (comment) {
      const bodyStart = start + raw.indexOf('/*') + 2;
      this.builder.document.comments.push({
        text: comment[1]!,
        range: this.builder.range(bodyStart, bodyStart + comment[1]!.length),
        fullRange: this.builder.range(start, end),
        syntax: 'markdown',
      });
      return false;
    }
    addTemplateRange(this.builder, start, end);
    return true;
  }

  /** Code and ESM blocks of MDX are no prose; ESM is recorded like template syntax so nothing reads it. */
  private template(node: RootContent): void {
    if ((node.type as string) !== 'mdxjsEsm') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) addTemplateRange(this.builder, start, end);
  }

  private link(node: Extract<PhrasingContent, { type: 'link' }>, start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) return;
    const { text } = this.builder;
    const raw = text.slice(start, end);
    // `[text](url "title")`: the URL sits after `](`; an autolink `<url>` is the URL itself.
    let hrefStart = start;
    let hrefEnd = end;
    if (raw.startsWith('<') && raw.endsWith('>')) {
      hrefStart = start + 1;
      hrefEnd = end - 1;
    } else {
      const open = raw.lastIndexOf('](');
      if (open >= 0) {
        let at = start + open + 2;
        while (text[at] === ' ' || text[at] === '\t' || text[at] === '\n') at++;
        const angled = text[at] === '<';
        if (angled) at++;
        let stop = at;
        while (stop < end - 1 && !(angled ? text[stop] === '>' : /[\s)]/.test(text[stop]!))) stop++;
        hrefStart = at;
        hrefEnd = stop;
      }
    }
    const label = toPlainText(node);
    this.builder.document.links.push({
      href: node.url,
      hrefRange: this.builder.range(hrefStart, hrefEnd),
      text: label,
      isCallToAction: false,
      range: this.builder.range(start, end),
    });
  }

  private image(node: Extract<PhrasingContent, { type: 'image' }>, message: Message): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const { text } = this.builder;
    // `![alt](src "title")`: the alt ends at the last `](` of the image.
    const altStart = start + 2;
    const open = text.lastIndexOf('](', end);
    const altEnd = Math.max(altStart, open);
    const srcStart = open >= 0 ? open + 2 : start;
    let srcEnd = srcStart;
    while (srcEnd < end - 1 && !/[\s)]/.test(text[srcEnd]!)) srcEnd++;
    const alt = node.alt ?? '';
    this.builder.document.images.push({
      src: node.url,
      srcRange: this.builder.range(srcStart, srcEnd),
      alt,
      altRange: this.builder.range(altStart, altEnd),
      classes: [],
      range: this.builder.range(start, end),
    });
    if (alt.trim() !== '') pushRun(this.builder, this.align(alt, altStart, altEnd), altStart, altEnd, { scope: 'alt', messageId: message.id, locale: message.locale });
  }

  private comments(node: Nodes): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const raw = this.builder.text.slice(start, end);
    COMMENT.lastIndex = 0;
    for (let match = COMMENT.exec(raw); match; match = COMMENT.exec(raw)) {
      const from = start + match.index;
      this.builder.document.comments.push({
        text: match[1]!,
        range: this.builder.range(from + 4, from + match[0].length - 3),
        fullRange: this.builder.range(from, from + match[0].length),
        syntax: 'markdown',
      });
    }
  }

  /**
   * Maps decoded text (`value`) onto the raw source `[start, end)`: backslash escapes, character
   * references and line prefixes that the parser dropped (`> `, list indentation, spaces around
   * a line break) become anchors. Falls back to a linear map if the two cannot be aligned.
   */
  private align(value: string, start: number, end: number): DecodedText {
    const raw = this.builder.text.slice(start, end);
    if (raw === value) return plain(value);
    const sources: number[] = [];
    let i = 0;
    let j = 0;
    while (i < value.length) {
      // An escape or a reference decodes to other text than it is written with: try those first.
      if (raw[j] === '\\' && j + 1 < raw.length && raw[j + 1] === value[i] && /[!-/:-@[-`{-~]/.test(raw[j + 1]!)) {
        sources.push(j);
        i++;
        j += 2;
        continue;
      }
      if (raw[j] === '&') {
        const reference = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/.exec(raw.slice(j, j + 40));
        const decoded = reference ? this.decodeEntity(reference[0]) : '';
        if (reference && decoded !== reference[0] && value.startsWith(decoded, i)) {
          for (let k = 0; k < decoded.length; k++) sources.push(j);
          i += decoded.length;
          j += reference[0].length;
          continue;
        }
      }
      if (j < raw.length && value[i] === raw[j]) {
        sources.push(j);
        i++;
        j++;
        continue;
      }
      if (j < raw.length && /[ \t>\r]/.test(raw[j]!)) {
        j++;
        continue;
      }
      return { text: value, anchors: [[value.length, raw.length]] };
    }
    return { text: value, anchors: anchorsOf(sources, 0, j) };
  }
}

function toPlainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(toPlainText).join('');
  return '';
}
