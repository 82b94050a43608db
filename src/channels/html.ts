/**
 * The shared HTML walker of the email and landing adapters: one parse5 parse, then one pass over
 * the tree that records elements, text runs, styles, images, links, comments and font sources
 * with exact offsets. Attribute values are located from parse5's attribute locations (a start
 * tag with template tags or duplicate attributes inside is scanned instead); text is decoded
 * with a map back to the raw characters; Outlook conditional comments are parsed as markup of
 * their own.
 */
import type { ParserError } from 'parse5';
import type { LocatedText, ProseScope, StyleDeclaration, StyleOrigin } from '../core/document.js';
import { DocumentBuilder, identity, shifted, type OffsetMap } from './builder.js';
import { isHiding, walkCss, type CssParsers } from './css.js';
import { loadEntities, loadHtmlParser, loadPostcss, type HtmlParser } from './deps.js';
import {
  bgcolorOf,
  attributeOf,
  endOffsetOf,
  HTML_NAMESPACE,
  isComment,
  isElement,
  isText,
  startOffsetOf,
  tagNameOf,
  type HtmlChild,
  type HtmlComment,
  type HtmlElement,
  type HtmlParent,
  type HtmlText,
} from './html-tree.js';
import { createHtmlDecoder, rawOffsetOf, type DecodedText, type HtmlDecoder } from './entities.js';
import { locatedStartTag, scanStartTag, type LocatedAttribute, type RawAttribute, type StartTag } from './attributes.js';
import { webFontFamilies } from './fonts.js';
import { plainDeclarations, type InlineDeclaration } from './inline-style.js';
import { tailwindDeclarations } from './tailwind.js';
import { findTemplateSpans, type TemplateSpan } from './template.js';
import { TextBuffer } from './text-buffer.js';
import { horizontalScale, IDENTITY, lengthPx, multiply, parseTransform, viewBoxScale, type Matrix } from './svg-geometry.js';

export interface HtmlWalkOptions {
  /** The markup to parse (the file, or the HTML part of an email message). */
  html: string;
  /** Offsets of `html` to file offsets. */
  map: OffsetMap;
  /** Email: subject/preheader scopes, no custom properties. Landing: page title, linked stylesheets. */
  mode: 'email' | 'landing';
  /** MJML: `mj-*` tags carry styles, `mj-button` is a CTA, self-closed tags hold nothing. */
  mjml?: boolean;
  messageId: string;
  /** Whether parse errors are reported (false when positions are not the file's). */
  reportProblems?: boolean;
  /**
   * A standalone SVG file (print channel): the root `<svg>` gives the locale (`lang`,
   * `xml:lang`) and the campaign (`data-campaign`).
   */
  svg?: boolean;
}

/** A value read from an attribute: decoded, with its raw range. */
export interface AttributeValue {
  text: string;
  decoded: DecodedText;
  /** The value as written in the scanned markup. */
  raw: string;
  /** File offsets of the raw value. */
  start: number;
  end: number;
  /** Whether the file holds `raw` at `[start, end)` (not so in an encoded email part). */
  exact: boolean;
}

export interface StylesheetLink {
  href: string;
  hrefStart: number;
  hrefEnd: number;
  media?: string;
}

/** What the adapters turn into metadata. */
export interface HtmlFacts {
  title?: LocatedText;
  /** `<meta name=... content=...>` by lower-case name (first one wins). */
  metas: Map<string, AttributeValue>;
  lang?: string;
  preheader?: LocatedText;
  mjTitle?: LocatedText;
  mjPreview?: LocatedText;
  utmCampaigns: Array<{ value: string; start: number; end: number }>;
  stylesheets: StylesheetLink[];
}

export interface HtmlTools {
  parser: HtmlParser;
  decode: HtmlDecoder;
  css: CssParsers;
}

let tools: Promise<HtmlTools> | undefined;

export function loadHtmlTools(): Promise<HtmlTools> {
  tools ??= Promise.all([loadHtmlParser(), loadEntities(), loadPostcss()]).then(([parser, entities, postcss]) => ({
    parser,
    decode: createHtmlDecoder(entities),
    css: { postcss },
  }));
  return tools;
}

/** Parses `options.html` and adds everything it holds to the builder. */
export async function walkHtml(builder: DocumentBuilder, options: HtmlWalkOptions): Promise<HtmlFacts> {
  const loaded = await loadHtmlTools();
  const walker = new HtmlWalker(builder, loaded, options);
  walker.run();
  return walker.facts;
}

/** Tokenizer errors that mean the markup is broken (not style nits like a missing doctype). */
const REPORTED_PARSE_ERRORS: Record<string, 'error' | 'warning'> = {
  'eof-in-tag': 'error',
  'eof-in-comment': 'error',
  'eof-in-cdata': 'error',
  'eof-in-script-html-comment-like-text': 'error',
  'eof-before-tag-name': 'error',
  'unexpected-character-in-attribute-name': 'error',
  'unexpected-character-in-unquoted-attribute-value': 'error',
  'unexpected-equals-sign-before-attribute-name': 'error',
  'missing-whitespace-between-attributes': 'error',
  'missing-attribute-value': 'error',
  'end-tag-with-attributes': 'warning',
  'end-tag-with-trailing-solidus': 'warning',
  'abrupt-closing-of-empty-comment': 'warning',
  'incorrectly-closed-comment': 'warning',
  'incorrectly-opened-comment': 'warning',
  'invalid-first-character-of-tag-name': 'warning',
  'missing-end-tag-name': 'warning',
  'duplicate-attribute': 'warning',
  'unexpected-null-character': 'warning',
};

/** The messages of the reported parse errors (hast-util-from-html's wording). */
const PARSE_ERROR_REASONS: Record<string, string> = {
  'eof-in-tag': 'Unexpected end of file in tag',
  'eof-in-comment': 'Unexpected end of file in comment',
  'eof-in-cdata': 'Unexpected end of file in CDATA',
  'eof-in-script-html-comment-like-text': 'Unexpected end of file in comment inside script',
  'eof-before-tag-name': 'Unexpected end of file',
  'unexpected-character-in-attribute-name': 'Unexpected character in attribute name',
  'unexpected-character-in-unquoted-attribute-value': 'Unexpected character in unquoted attribute value',
  'unexpected-equals-sign-before-attribute-name': 'Unexpected equals sign before attribute name',
  'missing-whitespace-between-attributes': 'Missing whitespace between attributes',
  'missing-attribute-value': 'Missing attribute value',
  'end-tag-with-attributes': 'Unexpected attribute on closing tag',
  'end-tag-with-trailing-solidus': 'Unexpected slash at end of closing tag',
  'abrupt-closing-of-empty-comment': 'Unexpected abruptly closed empty comment',
  'incorrectly-closed-comment': 'Incorrectly closed comment',
  'incorrectly-opened-comment': 'Incorrectly opened comment',
  'invalid-first-character-of-tag-name': 'Invalid first character in tag name',
  'missing-end-tag-name': 'Missing name in end tag',
  'duplicate-attribute': 'Unexpected duplicate attribute',
  'unexpected-null-character': 'Unexpected NULL character',
};

/** Elements whose text joins the surrounding run (everything else starts a new one). */
const INLINE = new Set([
  'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt',
  'u', 'var', 'wbr',
]);

/** Elements whose content is never prose. */
const NO_PROSE = new Set(['script', 'style', 'template', 'head', 'xml', 'mj-head', 'mj-attributes', 'mj-style', 'mj-breakpoint', 'mj-font', 'svg:style', 'object', 'iframe', 'noembed', 'noframes']);

/** Elements whose text is raw (not entity-decoded). */
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const MJML_STYLE_ATTRIBUTES: Record<string, string> = {
  color: 'color',
  'background-color': 'background-color',
  'container-background-color': 'background-color',
  'inner-background-color': 'background-color',
  'font-family': 'font-family',
  'font-size': 'font-size',
  'font-weight': 'font-weight',
  'border-color': 'border-color',
};

/** SVG presentation attributes read as declarations of the property of the same name. */
const SVG_STYLE_ATTRIBUTES = new Set(['fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color', 'color', 'font-family', 'font-size', 'font-weight']);

const NOT_A_BACKGROUND = /^\s*(transparent|none|inherit|initial|unset|revert|0)?\s*(!important)?\s*$/i;
const INLINE_BACKGROUND = /(?:^|;)\s*background(?:-color)?\s*:\s*([^;]*)/i;
const COLORISH = /^\s*(#[0-9a-f]{3,8}|(rgba?|hsla?)\(.*\)|[a-z]+)\s*$/i;
const CONDITIONAL = /^\s*\[if\s+([^\]]*)\]>/i;

interface Context {
  parentId: number | null;
  hidden: boolean;
  /** Scope of text here; null: not prose (head, script, Outlook-only markup). */
  scope: ProseScope | null;
  /** Element text runs here belong to (the block or the link). */
  ownerId: number | null;
  locale: string | undefined;
  link: LinkState | null;
  inSvg: boolean;
  /** Inside an Outlook conditional comment: styles only, no prose, links or images. */
  mso: boolean;
  /** At-rules every declaration here carries (the Outlook condition). */
  atRules: string[];
  /** The node whose children are walked, its tag name ('' for the root), and the context around it. */
  node: HtmlParent;
  tag: string;
  up: Context | null;
}

interface LinkState {
  parts: string[];
  index: number;
}

interface Source {
  html: string;
  map: OffsetMap;
  /** Template tags of `html`, in order. */
  spans: readonly TemplateSpan[];
  /** Offsets of the duplicate-attribute parse errors of `html`, ascending. */
  duplicates: readonly number[];
}

class HtmlWalker {
  readonly facts: HtmlFacts = { metas: new Map(), utmCampaigns: [], stylesheets: [] };
  private readonly document;
  private readonly customPropertiesAllowed: boolean;
  private readonly hidingClasses = new Set<string>();
  private seenStartTags = new Set<number>();
  private readonly textContent = new WeakMap<HtmlElement, string>();
  private buffer = new TextBuffer();
  private bufferContext: Context | null = null;
  private source: Source;
  private pendingRoundrect: HtmlParent | null = null;
  private preheaderOpen = false;
  /** The `<title>` element that is the document's title (the first outside body and SVG). */
  private documentTitle: HtmlParent | undefined;
  /** Scope of `<title>`: the subject of an email that has no `<meta name="subject">`. */
  private readonly titleScope: ProseScope;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly tools: HtmlTools,
    private readonly options: HtmlWalkOptions,
  ) {
    this.document = builder.document;
    this.customPropertiesAllowed = options.mode === 'landing';
    this.source = { html: options.html, map: options.map, spans: [], duplicates: [] };
    const metaSubject = /<meta\b[^>]*\bname\s*=\s*["']?subject\b/i.test(options.html);
    this.titleScope = options.mode === 'email' && !metaSubject ? 'subject' : 'title';
  }

  run(): void {
    const { html, map } = this.options;
    const spans = findTemplateSpans(html);
    for (const span of spans) this.document.templateRanges.push(this.builder.range(span.start, span.end, map));
    // A partial (`<td>...</td>`, an MJML file) is read as a fragment: as a document, table cells
    // outside a table would be dropped.
    const fragment = !/<(?:!doctype|html|head|body)\b/i.test(html);
    const { tree, errors } = this.tools.parser.parse(html, { fragment });
    this.source = { html, map, spans, duplicates: duplicateOffsets(errors) };
    if (this.options.reportProblems !== false) {
      for (const error of errors) {
        const code = error.code;
        const severity = REPORTED_PARSE_ERRORS[code];
        if (!severity) continue;
        const from = error.startOffset;
        const to = Math.max(from, error.endOffset);
        // Template tags inside a tag (`<td {% if x %}bgcolor=...>`) upset the tokenizer, not the page.
        if (spans.some((span) => span.start <= from && from <= span.end)) continue;
        this.builder.problem('parse/html', `HTML: ${PARSE_ERROR_REASONS[code]}`, this.builder.range(from, to, map), severity);
      }
    }
    const root: Context = {
      parentId: null,
      hidden: false,
      scope: 'body',
      ownerId: null,
      locale: undefined,
      link: null,
      inSvg: false,
      mso: false,
      atRules: [],
      node: tree,
      tag: '',
      up: null,
    };
    this.children(tree.childNodes, root);
    this.flush();
  }

  // ----- tree -----

  private children(nodes: readonly HtmlChild[], context: Context): void {
    // Index loops here and in hasOwnText: they run for every node of every page, and an iterator's
    // results were a sizeable share of what an HTML walk allocates.
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!;
      if (isElement(node)) this.element(node, context);
      else if (isText(node)) this.text(node, context);
      else if (isComment(node)) this.comment(node, context);
    }
  }

  private element(node: HtmlElement, context: Context): void {
    const { map } = this.source;
    const name = tagNameOf(node);
    const tagName = name.toLowerCase();
    const start = startOffsetOf(node);
    const end = endOffsetOf(node);
    let tag: StartTag | null = null;
    if (start !== undefined && end !== undefined && !this.seenStartTags.has(start)) {
      tag = this.startTag(node, tagName, start, Math.max(end, start));
      if (tag) this.seenStartTags.add(start);
    }
    const texts: Record<string, string> = {};
    const attributes = this.attributesOf(tag, texts);
    const id = this.document.elements.length;
    const classes = attributes.get('class')?.text.split(/\s+/).filter(Boolean) ?? [];
    const element = {
      id,
      parentId: context.parentId,
      tag: name,
      attributes: texts,
      classes,
      range: start !== undefined && end !== undefined ? this.builder.range(start, Math.max(start, end), map) : this.impliedRange(node, context),
      hidden: false,
      hasText: hasOwnText(node),
    };
    this.document.elements.push(element);

    const inSvg = context.inSvg || tagName === 'svg';
    const stylesBefore = this.document.styles.length;
    let groupId: number | undefined;
    const group = (): number => (groupId ??= this.builder.newGroup());
    if (tag) this.attributeStyles(tagName, tag, attributes, id, group, context, inSvg);
    const own = this.document.styles.slice(stylesBefore);

    const inlineHiding = hidingOf(own);
    // `mso-hide: all` hides from Outlook only: hidden, but not what hides a preheader.
    const hiddenEverywhere =
      attributes.has('hidden') ||
      (tagName === 'input' && attributes.get('type')?.text.toLowerCase() === 'hidden') ||
      inlineHiding === 'everywhere' ||
      classes.some((name) => this.hidingClasses.has(name));
    const ownHidden = hiddenEverywhere || inlineHiding === 'outlook';
    element.hidden = context.hidden || ownHidden;

    const lang = attributes.get('lang')?.text.trim() || attributes.get('xml:lang')?.text.trim();
    if ((tagName === 'html' || tagName === 'mjml') && lang && this.facts.lang === undefined) this.facts.lang = lang;
    if (this.options.svg && tagName === 'svg' && !context.inSvg) {
      if (lang && this.facts.lang === undefined) this.facts.lang = lang;
      const campaign = attributes.get('data-campaign');
      if (campaign && !this.facts.metas.has('campaign')) this.facts.metas.set('campaign', campaign);
    }

    const inline = INLINE.has(tagName) || (inSvg && tagName !== 'svg' && tagName !== 'text');
    if (!inline) this.flush();
    // Every field written out: one shape for every context, no copy of the parent's by spread.
    const next: Context = {
      parentId: id,
      hidden: element.hidden,
      scope: context.scope,
      ownerId: context.ownerId,
      locale: lang || context.locale,
      link: context.link,
      inSvg,
      mso: context.mso,
      atRules: context.atRules,
      node,
      tag: name,
      up: context,
    };
    if (!inline && next.scope !== null) next.ownerId = id;

    // Tags with content of their own.
    switch (tagName) {
      case 'style':
        this.styleElement(node, attributes, context);
        return this.afterElement(node, inline);
      case 'mj-style':
        if (tag && end !== undefined) this.mjStyle(tag, end, context);
        return this.afterElement(node, inline);
      case 'link':
        this.linkElement(attributes);
        break;
      case 'meta': {
        const name = attributes.get('name')?.text.trim().toLowerCase() ?? attributes.get('property')?.text.trim().toLowerCase();
        const content = attributes.get('content');
        if (!name || !content || this.facts.metas.has(name) || context.mso) break;
        this.facts.metas.set(name, content);
        if (name === 'subject' && this.options.mode === 'email') this.attributeRun(content, 'subject', id, context);
        if (name === 'description' && this.options.mode === 'landing') this.attributeRun(content, 'meta-description', id, context);
        break;
      }
      case 'mj-font':
        this.mjFont(attributes);
        break;
      default:
        break;
    }

    if (NO_PROSE.has(tagName) || tagName.startsWith('o:') || tagName.startsWith('w:')) next.scope = null;
    if (!context.mso) {
      if (tagName === 'title' && inSvg && isSvgImage(context.node)) {
        // An SVG `<image>`'s `<title>` is its alt text.
        next.scope = context.scope === null ? null : 'alt';
        next.ownerId = id;
      } else if ((tagName === 'title' && this.isDocumentTitle(next)) || tagName === 'mj-title') {
        next.scope = this.titleScope;
        next.ownerId = id;
      } else if (tagName === 'mj-preview') {
        next.scope = 'preheader';
        next.ownerId = id;
      } else if (HEADINGS.has(tagName) && next.scope !== null && next.scope !== 'cta' && next.scope !== 'preheader') {
        next.scope = 'heading';
      }
    }

    // The preheader: the first hidden block with text in an email.
    let preheaderStart = -1;
    if (
      this.options.mode === 'email' &&
      !context.mso &&
      hiddenEverywhere &&
      !context.hidden &&
      this.facts.preheader === undefined &&
      !this.preheaderOpen &&
      next.scope !== null &&
      this.textOf(node).replace(/[\s\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g, '') !== ''
    ) {
      this.flush();
      next.scope = 'preheader';
      next.ownerId = id;
      this.preheaderOpen = true;
      preheaderStart = this.document.textRuns.length;
    }

    if (!context.mso) {
      if (tagName === 'img' || tagName === 'mj-image') {
        const tagRange = tag && start !== undefined ? this.builder.range(start, tag.end, map) : element.range;
        this.image(id, attributes, own, classes, tagRange, context);
      }
      if (tagName === 'image' && inSvg) {
        const tagRange = tag && start !== undefined ? this.builder.range(start, tag.end, map) : element.range;
        this.svgImage(node, id, attributes, classes, tagRange, context);
      }
      if (tagName === 'input') this.inputButton(id, attributes, context);
      if (tagName === 'a' || tagName === 'button' || tagName === 'mj-button' || tagName === 'mj-navbar-link' || tagName === 'mj-social-element') {
        const link = this.link(node, tagName, id, attributes, own, classes, element.range, context);
        if (link) {
          this.flush();
          next.link = link;
          next.ownerId = id;
          if (next.scope !== null && next.scope !== 'preheader' && next.scope !== 'subject' && next.scope !== 'title') {
            const cta = this.document.links[link.index]?.isCallToAction === true;
            next.scope = cta ? 'cta' : next.scope === 'heading' ? 'heading' : 'link';
          }
        }
      }
    }

    if (tagName === 'br') this.flush();
    if (tagName === 'template' || tagName === 'script') return this.afterElement(node, inline);

    const flatten = tag?.selfClosing === true && (tagName.includes(':') || (this.options.mjml === true && tagName.startsWith('mj-')));
    if (flatten) {
      // `<mj-image ... />`, `<v:fill ... />`: XML-style empty elements that HTML parsing keeps open.
      this.afterElement(node, inline);
      this.children(node.childNodes, context);
      return;
    }
    this.children(node.childNodes, next);

    if (next.link && next.link !== context.link) {
      this.flush();
      const reference = this.document.links[next.link.index];
      if (reference) reference.text = next.link.parts.join('').replace(/\s+/g, ' ').trim();
    }
    if (preheaderStart >= 0) {
      this.flush();
      this.preheaderOpen = false;
      const runs = this.document.textRuns.slice(preheaderStart).filter((run) => run.scope === 'preheader');
      const first = runs[0];
      const last = runs[runs.length - 1];
      if (first && last) {
        this.facts.preheader = {
          text: runs.map((run) => run.text).join(' '),
          range: { start: first.range.start, end: last.range.end },
        };
      }
    }
    if ((tagName === 'title' || tagName === 'mj-title' || tagName === 'mj-preview') && !context.mso) {
      this.flush();
      const located = this.contentOf(node, id);
      if (located) {
        if (tagName === 'title' && this.facts.title === undefined && this.isDocumentTitle(next)) this.facts.title = located;
        if (tagName === 'mj-title' && this.facts.mjTitle === undefined) this.facts.mjTitle = located;
        if (tagName === 'mj-preview' && this.facts.mjPreview === undefined) this.facts.mjPreview = located;
      }
    }
    this.afterElement(node, inline);
  }

  /**
   * Whether a `<title>` is the document's title: the first one outside `<body>` and outside SVG.
   * An SVG `<title>` (the name of a drawing) or a second title is not the page title or subject.
   */
  private isDocumentTitle(context: Context): boolean {
    if (context.inSvg) {
      // A standalone SVG's title is a <title> child of its root <svg>.
      const parent = context.up;
      const root = this.options.svg === true && parent?.tag.toLowerCase() === 'svg' && parent.up?.inSvg === false;
      if (!root) return false;
    }
    for (let up: Context | null = context.up; up; up = up.up) {
      if (up.tag === 'body') return false;
    }
    const node = context.node;
    if (this.documentTitle === undefined) this.documentTitle = node;
    return this.documentTitle === node;
  }

  /** An element the parser implied (`<tbody>`, `<html>`): the span of its children, else empty at its parent. */
  private impliedRange(node: HtmlElement, context: Context) {
    const { map } = this.source;
    const first = node.childNodes.find((child) => startOffsetOf(child) !== undefined);
    const last = node.childNodes.findLast((child) => endOffsetOf(child) !== undefined);
    const from = first && startOffsetOf(first);
    const to = last && endOffsetOf(last);
    if (from !== undefined && to !== undefined) return this.builder.range(from, Math.max(from, to), map);
    const parent = context.parentId === null ? undefined : this.document.elements[context.parentId];
    const at = parent?.range.start ?? this.document.lines.positionAt(map(0));
    return { start: at, end: at };
  }

  /**
   * The trimmed text of a `<title>`-like element and its range, template tags included (a run
   * of only a template tag is no prose, but `{{subject}}` is still the subject).
   */
  private contentOf(node: HtmlElement, id: number): LocatedText | undefined {
    const texts = node.childNodes.filter(isText);
    const only = texts.length === 1 && node.childNodes.length === 1 ? texts[0] : undefined;
    const start = only && startOffsetOf(only);
    const end = only && endOffsetOf(only);
    if (only && start !== undefined && end !== undefined) {
      const { html, map } = this.source;
      const decoded = this.tools.decode(html.slice(start, end), 'text');
      const text = decoded.text.trim();
      if (text === '') return undefined;
      const leading = decoded.text.length - decoded.text.trimStart().length;
      const from = map(start + rawOffsetOf(decoded.anchors, leading));
      const to = map(start + rawOffsetOf(decoded.anchors, leading + text.length));
      return { text, range: this.document.lines.rangeAt(from, Math.max(from, to)) };
    }
    const run = [...this.document.textRuns].reverse().find((candidate) => candidate.elementId === id);
    return run ? { text: run.text, range: run.range } : undefined;
  }

  private afterElement(node: HtmlElement, inline: boolean): void {
    if (!inline) this.flush();
    if (this.pendingRoundrect === node) this.pendingRoundrect = null;
  }

  // ----- attributes and styles -----

  /**
   * The start tag of an element at `start`: from parse5's attribute locations, or scanned when
   * template tags or duplicate attributes are inside it (the scanner skips template tags and
   * keeps every duplicate); null when the markup there is not the element's start tag.
   */
  private startTag(node: HtmlElement, tagName: string, start: number, limit: number): StartTag | null {
    const { html, spans, duplicates } = this.source;
    const location = node.sourceCodeLocation?.startTag;
    if (location && location.startOffset === start && !spanWithin(spans, start, location.endOffset) && !offsetWithin(duplicates, start, location.endOffset)) {
      const located = this.locatedAttributes(node);
      const tag = located && locatedStartTag(html, tagName, start, location.endOffset, located, limit);
      if (tag) return tag;
    }
    const tag = scanStartTag(html, start, limit);
    return tag && tag.name === tagName ? tag : null;
  }

  /** The element's attributes with their start offsets, in order; null when one is not located. */
  private locatedAttributes(node: HtmlElement): LocatedAttribute[] | null {
    const locations = node.sourceCodeLocation?.attrs;
    const located: LocatedAttribute[] = [];
    if (node.attrs.length === 0) return located;
    if (!locations) return null;
    const foreign = node.namespaceURI !== HTML_NAMESPACE;
    for (const attribute of node.attrs) {
      let name = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
      // parse5 writes some SVG and MathML names in camel case; its locations keep the names as read.
      if (foreign) name = name.toLowerCase();
      const location = locations[name];
      if (!location) return null;
      located.push({ name, start: location.startOffset });
    }
    return located;
  }

  /** The first value of each attribute of a tag, also written to `texts` as decoded text by name. */
  private attributesOf(tag: StartTag | null, texts: Record<string, string>): Map<string, AttributeValue> {
    const values = new Map<string, AttributeValue>();
    if (!tag) return values;
    const { html, map } = this.source;
    for (const attribute of tag.attributes) {
      const name = attribute.name;
      if (values.has(name)) continue;
      const raw = html.slice(attribute.valueStart, attribute.valueEnd);
      const decoded = this.tools.decode(raw, 'attribute');
      const start = map(attribute.valueStart);
      const end = map(attribute.valueEnd);
      values.set(name, { text: decoded.text, decoded, raw, start, end, exact: end - start === raw.length });
      // An own property even for `__proto__` (file data never sets a prototype).
      if (name === '__proto__') Object.defineProperty(texts, name, { value: decoded.text, writable: true, enumerable: true, configurable: true });
      else texts[name] = decoded.text;
    }
    return values;
  }

  private attributeStyles(
    tagName: string,
    tag: StartTag,
    attributes: Map<string, AttributeValue>,
    elementId: number,
    group: () => number,
    context: Context,
    inSvg: boolean,
  ): void {
    const seen = new Set<string>();
    for (const attribute of tag.attributes) {
      if (seen.has(attribute.name) || attribute.quote === null) continue;
      seen.add(attribute.name);
      const mapped = this.propertyOfAttribute(tagName, attribute.name, attributes.get(attribute.name)?.text ?? '', inSvg);
      if (!mapped) continue;
      this.attributeDeclaration(attribute, mapped.property, mapped.origin, elementId, group(), context);
    }

    const style = tag.attributes.find((attribute) => attribute.name === 'style' && attribute.quote !== null);
    if (style && style.valueEnd > style.valueStart) {
      const value = attributes.get('style')!;
      const anchors = value.decoded.anchors;
      const { map } = this.source;
      const valueMap: OffsetMap =
        anchors.length === 0 ? shifted(map, style.valueStart) : (offset) => map(style.valueStart + rawOffsetOf(anchors, offset));
      const groupId = group();
      const plain = context.atRules.some((atRule) => /^@font-face\b/i.test(atRule)) ? null : plainDeclarations(value.text);
      if (plain) this.plainStyle(value.text, plain, valueMap, elementId, groupId, context);
      else {
        walkCss(this.builder, this.tools.css, {
          css: value.text,
          map: valueMap,
          origin: 'style-attribute',
          customPropertiesAllowed: this.customPropertiesAllowed,
          atRules: context.atRules,
          elementId,
          groupId,
          comments: false,
          reportProblems: true,
        });
      }
    }

    const classAttribute = tag.attributes.find((attribute) => attribute.name === 'class' && attribute.quote !== null);
    if (classAttribute && !context.mso) {
      const { html, map } = this.source;
      const classText = html.slice(classAttribute.valueStart, classAttribute.valueEnd);
      for (const found of tailwindDeclarations(classText, { image: tagName === 'img' })) {
        if (found.token.includes('&')) continue;
        const base = classAttribute.valueStart;
        const declaration = this.builder.declaration(
          found.property,
          found.value,
          base + found.valueStart,
          base + found.valueEnd,
          base + found.tokenStart,
          base + found.tokenEnd,
          map,
          'tailwind',
          group(),
          this.customPropertiesAllowed,
          [...context.atRules, ...found.atRules],
        );
        declaration.important = found.important;
        declaration.sourceName = found.token;
        if (found.selector) declaration.selector = found.selector;
        declaration.elementId = elementId;
        this.builder.addStyle(declaration);
      }
    }
  }

  /** The declarations of a plain `style=""` value: what walkCss gives for it, without postcss. */
  private plainStyle(css: string, declarations: readonly InlineDeclaration[], map: OffsetMap, elementId: number, groupId: number, context: Context): void {
    const { builder } = this;
    for (const { start, propertyEnd, valueStart, valueEnd } of declarations) {
      const property = css.slice(start, propertyEnd).toLowerCase();
      const value = css.slice(valueStart, valueEnd);
      const declaration = builder.declaration(property, value, valueStart, valueEnd, start, valueEnd, map, 'style-attribute', groupId, this.customPropertiesAllowed, context.atRules);
      declaration.elementId = elementId;
      builder.addStyle(declaration, map === identity ? undefined : (offset) => map(valueStart + offset));
    }
  }

  private propertyOfAttribute(
    tagName: string,
    name: string,
    value: string,
    inSvg: boolean,
  ): { property: string; origin: StyleOrigin } | null {
    if (value.trim() === '') return null;
    if (tagName.startsWith('v:')) {
      if (name === 'fillcolor') return { property: 'background-color', origin: 'vml' };
      if (name === 'strokecolor') return { property: 'border-color', origin: 'vml' };
      if (name === 'color' || name === 'color2') {
        if (tagName === 'v:stroke') return { property: 'border-color', origin: 'vml' };
        return { property: tagName === 'v:fill' || name === 'color2' ? 'background-color' : 'color', origin: 'vml' };
      }
      return null;
    }
    if (tagName.startsWith('mj-')) {
      const property = MJML_STYLE_ATTRIBUTES[name];
      if (property) return { property, origin: 'html-attribute' };
      if ((name === 'width' || name === 'height') && tagName === 'mj-image') return { property: name, origin: 'html-attribute' };
      return null;
    }
    if (inSvg && SVG_STYLE_ATTRIBUTES.has(name)) return { property: name, origin: 'html-attribute' };
    switch (name) {
      case 'bgcolor':
        return { property: 'background-color', origin: 'html-attribute' };
      case 'color':
        return { property: 'color', origin: 'html-attribute' };
      case 'bordercolor':
        return { property: 'border-color', origin: 'html-attribute' };
      case 'text':
      case 'link':
      case 'vlink':
      case 'alink':
        return tagName === 'body' ? { property: 'color', origin: 'html-attribute' } : null;
      case 'background':
        return COLORISH.test(value) && !/[./]/.test(value) ? { property: 'background-color', origin: 'html-attribute' } : null;
      case 'face':
        return tagName === 'font' || tagName === 'basefont' ? { property: 'font-family', origin: 'html-attribute' } : null;
      case 'size':
        return tagName === 'font' || tagName === 'basefont' ? { property: 'font-size', origin: 'html-attribute' } : null;
      case 'width':
      case 'height':
        return tagName === 'img' ? { property: name, origin: 'html-attribute' } : null;
      default:
        return null;
    }
  }

  private attributeDeclaration(
    attribute: RawAttribute,
    property: string,
    origin: StyleOrigin,
    elementId: number,
    groupId: number,
    context: Context,
  ): void {
    const { html, map } = this.source;
    const raw = html.slice(attribute.valueStart, attribute.valueEnd);
    const decoded = this.tools.decode(raw, 'attribute');
    const leading = decoded.text.length - decoded.text.trimStart().length;
    const value = decoded.text.trim();
    const offsetOf = (offset: number) => map(attribute.valueStart + rawOffsetOf(decoded.anchors, offset));
    const valueStart = offsetOf(leading);
    const valueEnd = offsetOf(leading + value.length);
    const declarationEnd = attribute.quote ? map(attribute.valueEnd + 1) : map(attribute.valueEnd);
    const declaration = this.builder.declaration(
      property,
      value,
      valueStart,
      valueEnd,
      map(attribute.nameStart),
      declarationEnd,
      identity,
      origin,
      groupId,
      this.customPropertiesAllowed,
      context.atRules,
    );
    declaration.sourceName = attribute.name;
    declaration.elementId = elementId;
    this.builder.addStyle(declaration, (offset) => offsetOf(leading + offset));
  }

  private styleElement(node: HtmlElement, attributes: Map<string, AttributeValue>, context: Context): void {
    const text = node.childNodes.find(isText);
    const start = text && startOffsetOf(text);
    const end = text && endOffsetOf(text);
    if (!text || start === undefined || end === undefined) return;
    const media = attributes.get('media')?.text.trim();
    this.css(start, end, [...context.atRules, ...(media && media !== 'all' ? [`@media ${media}`] : [])]);
  }

  private mjStyle(tag: StartTag, end: number, context: Context): void {
    const { html } = this.source;
    const close = html.slice(tag.end, end).search(/<\/mj-style\s*>\s*$/i);
    this.css(tag.end, close < 0 ? end : tag.end + close, context.atRules);
  }

  private css(start: number, end: number, atRules: string[]): void {
    const { html, map } = this.source;
    const result = walkCss(this.builder, this.tools.css, {
      css: html.slice(start, end),
      map: shifted(map, start),
      origin: 'style-element',
      customPropertiesAllowed: this.customPropertiesAllowed,
      atRules,
      comments: true,
      reportProblems: this.options.reportProblems !== false,
    });
    for (const name of result.hidingClasses) this.hidingClasses.add(name);
  }

  // ----- links, images, fonts -----

  private linkElement(attributes: Map<string, AttributeValue>): void {
    const href = attributes.get('href');
    if (!href) return;
    const rel = attributes.get('rel')?.text.toLowerCase().split(/\s+/) ?? [];
    // Families are read from the raw value (`&amp;family=`), whose offsets are the file's.
    for (const family of webFontFamilies(href.raw)) {
      this.document.fontSources.push({
        family: family.family,
        range: this.rawRange(href, family.start, family.end),
        kind: 'web-font-link',
      });
    }
    if (rel.includes('stylesheet') && !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href.text.trim()) && href.text.trim() !== '') {
      const media = attributes.get('media')?.text.trim();
      this.facts.stylesheets.push({
        href: href.text.trim(),
        hrefStart: href.start,
        hrefEnd: href.end,
        ...(media ? { media } : {}),
      });
    }
  }

  private mjFont(attributes: Map<string, AttributeValue>): void {
    const name = attributes.get('name');
    if (!name || name.text.trim() === '') return;
    this.document.fontSources.push({
      family: name.text.trim(),
      range: this.valueRange(name),
      kind: 'web-font-link',
    });
  }

  private image(
    elementId: number,
    attributes: Map<string, AttributeValue>,
    own: readonly StyleDeclaration[],
    classes: string[],
    range: ReturnType<DocumentBuilder['range']>,
    context: Context,
  ): void {
    const src = attributes.get('src');
    const alt = attributes.get('alt');
    const image: (typeof this.document.images)[number] = {
      src: src?.text.trim() ?? '',
      srcRange: src ? this.valueRange(src) : { start: range.start, end: range.start },
      alt: alt ? alt.text : null,
      classes,
      elementId,
      range,
    };
    if (alt) image.altRange = this.valueRange(alt);
    const width = widthOf(attributes.get('width'), own);
    if (width) {
      image.widthPx = width.px;
      image.widthRange = width.range ?? this.valueRange(width.attribute!);
    }
    this.document.images.push(image);
    if (alt && context.scope !== null) this.attributeRun(alt, 'alt', elementId, context);
  }

  /**
   * An SVG `<image>`: `href` (or `xlink:href`), alt text from `aria-label` or its `<title>`, and
   * the width it is drawn at: its `width` under the transforms of it and its ancestors and the
   * viewBox scale of every enclosing `<svg>`. A `data:` image is recorded like any other, but the
   * colors inside it are never read (they are pixels, not declarations).
   */
  private svgImage(node: HtmlElement, elementId: number, attributes: Map<string, AttributeValue>, classes: string[], range: ReturnType<DocumentBuilder['range']>, context: Context): void {
    const href = attributes.get('href') ?? attributes.get('xlink:href');
    const label = attributes.get('aria-label');
    const image: (typeof this.document.images)[number] = {
      src: href?.text.trim() ?? '',
      srcRange: href ? this.valueRange(href) : { start: range.start, end: range.start },
      alt: label ? label.text : null,
      classes,
      elementId,
      range,
    };
    if (label) image.altRange = this.valueRange(label);
    else {
      const title = node.childNodes.find((child): child is HtmlElement => isElement(child) && tagNameOf(child).toLowerCase() === 'title');
      const located = title ? this.contentOf(title, -1) : undefined;
      if (located) {
        image.alt = located.text;
        image.altRange = located.range;
      } else if (title) image.alt = '';
    }
    const width = attributes.get('width');
    const own = width ? lengthPx(width.text) : null;
    const scale = own !== null ? this.svgScale(elementId) : null;
    if (width && own !== null && scale !== null) {
      image.widthPx = Math.round(own * scale * 100) / 100;
      image.widthRange = this.valueRange(width);
    }
    this.document.images.push(image);
    if (label && context.scope !== null) this.attributeRun(label, 'alt', elementId, context);
  }

  /** The horizontal scale from an SVG element's user units to px; null when a transform cannot be read. */
  private svgScale(elementId: number): number | null {
    let matrix: Matrix = IDENTITY;
    for (let element = this.document.elements[elementId]; element; element = element.parentId === null ? undefined : this.document.elements[element.parentId]) {
      const transform = element.attributes['transform'];
      const own = transform === undefined ? IDENTITY : parseTransform(transform);
      if (!own) return null;
      matrix = multiply(own, matrix);
      if (element.tag.toLowerCase() === 'svg') {
        const scale = viewBoxScale(element.attributes);
        matrix = multiply([scale, 0, 0, scale, 0, 0], matrix);
      }
    }
    return horizontalScale(matrix);
  }

  private inputButton(elementId: number, attributes: Map<string, AttributeValue>, context: Context): void {
    const type = attributes.get('type')?.text.trim().toLowerCase();
    const value = attributes.get('value');
    if (!value || context.scope === null) return;
    if (type === 'submit' || type === 'button') this.attributeRun(value, 'cta', elementId, context);
  }

  private attributeRun(value: AttributeValue, scope: ProseScope, elementId: number, context: Context): void {
    this.flush();
    const buffer = new TextBuffer();
    // Raw offsets of the value are file offsets from `value.start` (all at `value.start` when not exact).
    buffer.append(value.decoded, 0, value.raw.length, (offset) => (value.exact ? value.start + offset : offset === 0 ? value.start : value.end));
    const run = buffer.toRun(this.document.lines, {
      scope,
      messageId: this.options.messageId,
      elementId,
      ...(context.locale ? { locale: context.locale } : {}),
    });
    if (run) this.document.textRuns.push(run);
  }

  private valueRange(value: AttributeValue) {
    return this.document.lines.rangeAt(value.start, value.end);
  }

  /** Range of `[start, end)` of an attribute's raw value (the whole value when it is not in the file as written). */
  private rawRange(value: AttributeValue, start: number, end: number) {
    if (!value.exact) return this.document.lines.rangeAt(value.start, value.end);
    return this.document.lines.rangeAt(value.start + start, value.start + end);
  }

  private link(
    node: HtmlElement,
    tagName: string,
    elementId: number,
    attributes: Map<string, AttributeValue>,
    own: readonly StyleDeclaration[],
    classes: string[],
    range: ReturnType<DocumentBuilder['range']>,
    context: Context,
  ): LinkState | null {
    const href = attributes.get('href') ?? attributes.get('formaction');
    const isButton = tagName === 'button' || tagName === 'mj-button';
    if (!href && !isButton) return null;
    if (context.link) return null;
    const role = attributes.get('role')?.text.trim().toLowerCase();
    let cta =
      isButton ||
      role === 'button' ||
      classes.some((name) => /btn|button|cta/i.test(name)) ||
      hasBackground(own) ||
      this.pendingRoundrect !== null ||
      this.inBulletproofCell(node, context) ||
      containsColoredCell(node) ||
      containsTag(node, 'button');
    if (this.pendingRoundrect !== null) this.pendingRoundrect = null;
    if (tagName === 'mj-navbar-link' || tagName === 'mj-social-element') cta = false;
    const index = this.document.links.length;
    this.document.links.push({
      href: href?.text.trim() ?? '',
      hrefRange: href ? this.valueRange(href) : { start: range.start, end: range.start },
      text: '',
      isCallToAction: cta,
      elementId,
      range,
    });
    if (href) this.utmCampaign(href);
    return { parts: [], index };
  }

  private utmCampaign(href: AttributeValue): void {
    const match = /[?&;]utm_campaign=([^&#"'\s]*)/i.exec(href.raw);
    if (!match?.[1]) return;
    let value = match[1].replace(/\+/g, ' ');
    try {
      value = decodeURIComponent(value);
    } catch {
      // As written.
    }
    const start = match.index + match[0].length - match[1].length;
    const exact = href.exact;
    this.facts.utmCampaigns.push({
      value,
      start: exact ? href.start + start : href.start,
      end: exact ? href.start + start + match[1].length : href.end,
    });
  }

  /** A link that is the whole content of a table cell with a background: a "bulletproof" button. */
  private inBulletproofCell(node: HtmlElement, context: Context): boolean {
    let depth = 0;
    for (let around: Context | null = context; around && depth < 4; around = around.up, depth++) {
      const ancestor = around.node;
      if (!isElement(ancestor)) return false;
      if (around.tag !== 'td' && around.tag !== 'th') continue;
      if (!elementHasBackground(ancestor)) return false;
      const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
      const linkText = normalize(this.textOf(node));
      return linkText !== '' && normalize(this.textOf(ancestor)) === linkText;
    }
    return false;
  }

  private textOf(node: HtmlElement): string {
    const cached = this.textContent.get(node);
    if (cached !== undefined) return cached;
    let text = '';
    for (const child of node.childNodes) {
      if (isText(child)) text += child.value;
      else if (isElement(child)) {
        const name = tagNameOf(child);
        if (name !== 'script' && name !== 'style') text += this.textOf(child);
      }
    }
    this.textContent.set(node, text);
    return text;
  }

  // ----- text and comments -----

  private text(node: HtmlText, context: Context): void {
    if (context.mso) return;
    const { html, map } = this.source;
    const start = startOffsetOf(node);
    const end = endOffsetOf(node);
    const parentTag = context.tag;
    let decoded: DecodedText;
    let rawStart = start ?? 0;
    let rawEnd = end ?? 0;
    if (start === undefined || end === undefined) {
      decoded = { text: node.value, anchors: [] };
    } else {
      const raw = html.slice(start, end);
      decoded = RAW_TEXT.has(parentTag) ? { text: raw, anchors: [] } : this.tools.decode(raw, 'text');
      if (normalizeNewlines(decoded.text) !== node.value) {
        // The node is not one stretch of the source (parser recovery: `x<!doctype html><body>y` is
        // one text "xy"): keep the parser's text. Offsets inside it are not those of the file, so
        // findings point at it roughly and no fix may edit it (fixes there corrupted the markup).
        decoded = { text: node.value, anchors: [[node.value.length, end - start]] };
        rawStart = start;
        rawEnd = end;
        (this.document.decodedRanges ??= []).push(this.builder.range(start, end, map));
      }
    }
    if (context.link) context.link.parts.push(decoded.text);
    if (context.scope === null) return;
    if (this.bufferContext && !sameRunContext(this.bufferContext, context)) this.flush();
    if (!this.bufferContext) this.bufferContext = context;
    this.buffer.append(decoded, rawStart, rawEnd, map);
  }

  private flush(): void {
    const context = this.bufferContext;
    if (context && !this.buffer.isEmpty && context.scope !== null) {
      const run = this.buffer.toRun(this.document.lines, {
        scope: context.scope,
        messageId: this.options.messageId,
        ...(context.ownerId !== null ? { elementId: context.ownerId } : {}),
        ...(context.locale ? { locale: context.locale } : {}),
      });
      if (run) this.document.textRuns.push(run);
    }
    this.buffer = new TextBuffer();
    this.bufferContext = null;
  }

  private comment(node: HtmlComment, context: Context): void {
    const { html, map } = this.source;
    const start = startOffsetOf(node);
    const end = endOffsetOf(node);
    if (start === undefined || end === undefined) return;
    const raw = html.slice(start, end);
    const bodyStart = start + (raw.startsWith('<!--') ? 4 : raw.startsWith('<!') || raw.startsWith('</') ? 2 : 1);
    let bodyEnd = end;
    if (raw.endsWith('--!>')) bodyEnd = end - 4;
    else if (raw.endsWith('-->') && raw.length >= 7) bodyEnd = end - 3;
    else if (raw.endsWith('>') && !raw.startsWith('<!--')) bodyEnd = end - 1;
    else if (raw === '<!-->' || raw === '<!--->') bodyEnd = bodyStart;
    bodyEnd = Math.max(bodyStart, bodyEnd);
    if (!context.mso) {
      this.document.comments.push({
        text: html.slice(bodyStart, bodyEnd),
        range: this.builder.range(bodyStart, bodyEnd, map),
        fullRange: this.builder.range(start, end, map),
        syntax: 'html',
      });
    }
    const body = html.slice(bodyStart, bodyEnd);
    const conditional = CONDITIONAL.exec(body);
    if (!conditional || context.mso) return;
    const contentStart = conditional[0].length;
    const endif = body.search(/<!\[endif\]\s*$/i);
    const contentEnd = endif < 0 ? body.length : endif;
    const content = body.slice(contentStart, contentEnd);
    if (!/<[a-z]/i.test(content)) return;
    this.msoFragment(content, bodyStart + contentStart, `<!--[if ${conditional[1]!.replace(/\s+/g, ' ').trim()}]>`, context);
    if (/<v:roundrect\b/i.test(content)) this.pendingRoundrect = context.node;
  }

  /** Markup inside an Outlook conditional comment: its own fragment, offsets shifted to the file. */
  private msoFragment(content: string, offset: number, condition: string, context: Context): void {
    this.flush();
    const outer = this.source;
    // The fragment's offsets are its own: its start tags are remembered apart from the document's
    // (swapped, not copied: a copy per fragment was quadratic in an email of many).
    const seen = this.seenStartTags;
    try {
      const { tree, errors } = this.tools.parser.parse(content, { fragment: true });
      this.source = { html: content, map: shifted(outer.map, offset), spans: findTemplateSpans(content), duplicates: duplicateOffsets(errors) };
      this.seenStartTags = new Set();
      this.children(tree.childNodes, {
        ...context,
        scope: null,
        mso: true,
        link: null,
        atRules: [...context.atRules, condition],
      });
    } finally {
      this.source = outer;
      this.seenStartTags = seen;
    }
  }
}

/**
 * Whether an element has a text child that is not only whitespace (`trim` strips what `\s`
 * matches; a test copies no string, and every element of every page is asked).
 */
function hasOwnText(node: HtmlElement): boolean {
  const children = node.childNodes;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (isText(child) && NOT_WHITESPACE.test(child.value)) return true;
  }
  return false;
}

const NOT_WHITESPACE = /\S/;

function normalizeNewlines(text: string): string {
  return text.includes('\r') || text.includes('\0') ? text.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd') : text;
}

function sameRunContext(a: Context, b: Context): boolean {
  return a.scope === b.scope && a.ownerId === b.ownerId && a.link === b.link;
}

/** How a `style=""` hides its element: everywhere, from Outlook only (`mso-hide: all`), or not. */
function hidingOf(declarations: readonly StyleDeclaration[]): 'everywhere' | 'outlook' | null {
  const state = { maxHeightZero: false, overflowHidden: false };
  let outlook = false;
  for (const declaration of declarations) {
    if (declaration.origin !== 'style-attribute') continue;
    if (!isHiding(declaration.property, declaration.value, state)) continue;
    if (declaration.property === 'mso-hide') outlook = true;
    else return 'everywhere';
  }
  return outlook ? 'outlook' : null;
}

function hasBackground(declarations: readonly StyleDeclaration[]): boolean {
  return declarations.some(
    (declaration) =>
      (declaration.property === 'background-color' || declaration.property === 'background') &&
      declaration.origin !== 'tailwind' &&
      !NOT_A_BACKGROUND.test(declaration.value) &&
      !/^\s*url\(/i.test(declaration.value),
  );
}

function elementHasBackground(node: HtmlElement): boolean {
  const bgcolor = bgcolorOf(node);
  if (typeof bgcolor === 'string' && !NOT_A_BACKGROUND.test(bgcolor)) return true;
  const style = attributeOf(node, 'style');
  if (typeof style !== 'string') return false;
  const match = INLINE_BACKGROUND.exec(style);
  return match !== null && !NOT_A_BACKGROUND.test(match[1] ?? '') && !/^\s*url\(/i.test(match[1] ?? '');
}

/** `<a><table><tr><td bgcolor=...>Buy</td></tr></table></a>`: a button built from a table. */
function containsColoredCell(node: HtmlElement): boolean {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    const name = tagNameOf(child);
    if ((name === 'td' || name === 'th' || name === 'table') && elementHasBackground(child)) return true;
    if (containsColoredCell(child)) return true;
  }
  return false;
}

function containsTag(node: HtmlElement, tagName: string): boolean {
  return node.childNodes.some((child) => isElement(child) && (tagNameOf(child) === tagName || containsTag(child, tagName)));
}

/** Rendered width: inline `width` in px, else the `width` attribute, else inline `max-width` in px. */
function widthOf(
  attribute: AttributeValue | undefined,
  own: readonly StyleDeclaration[],
): { px: number; range?: StyleDeclaration['valueRange']; attribute?: AttributeValue } | null {
  const px = (value: string): number | null => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*(!important)?\s*$/i.exec(value);
    return match ? Number(match[1]) : null;
  };
  const inline = (property: string) => {
    const declaration = [...own].reverse().find((candidate) => candidate.origin === 'style-attribute' && candidate.property === property);
    const value = declaration ? px(declaration.value) : null;
    return declaration && value !== null && /px/i.test(declaration.value) ? { px: value, range: declaration.valueRange } : null;
  };
  const fromStyle = inline('width');
  if (fromStyle) return fromStyle;
  if (attribute) {
    const value = px(attribute.text);
    if (value !== null) return { px: value, attribute };
  }
  return inline('max-width');
}

function isSvgImage(node: HtmlParent): boolean {
  return isElement(node) && tagNameOf(node).toLowerCase() === 'image';
}

/** Offsets of the duplicate-attribute errors, ascending (the tokenizer reports them in order). */
function duplicateOffsets(errors: readonly ParserError[]): number[] {
  const offsets: number[] = [];
  for (const error of errors) if (error.code === 'duplicate-attribute') offsets.push(error.startOffset);
  return offsets;
}

/** Whether a sorted list of spans has one overlapping `[start, end)`. */
function spanWithin(spans: readonly TemplateSpan[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  // The first span ending after `start`.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low]!.start < end;
}

/** Whether a sorted list of offsets has one in `[start, end)`. */
function offsetWithin(offsets: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low]! < end;
}
