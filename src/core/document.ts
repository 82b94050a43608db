import type { Channel } from './channels.js';
import type { Diagnostic } from './diagnostic.js';
import type { LineIndex, Range } from './position.js';

/**
 * The one shape every channel adapter produces and every rule reads. Adapters parse a file
 * once (rehype, postcss, yaml, ...) and record what rules need, each item with its exact range
 * in the original file; rules never parse. A new channel is a new adapter, not a rule change.
 */
export interface ContentDocument {
  /** Display path (relative to the working folder, forward slashes). */
  file: string;
  /** Absolute path on disk (also used to resolve linked local stylesheets and images). */
  absolutePath: string;
  channel: Channel;
  /** The source format the adapter read: `html`, `mjml`, `eml`, `css`, `scss`, `rasa`, `lg`, `markdown`, `csv`, ... */
  format: string;
  /** The original text (what every range points into). */
  text: string;
  lines: LineIndex;
  metadata: DocumentMetadata;
  /** Units that per-message limits apply to: an email, a page, one bot response, one social post. */
  messages: Message[];
  /** Prose with positions, each run tagged with its scope and message. */
  textRuns: TextRun[];
  /** Every style declaration from stylesheets, `<style>`, `style=""`, presentational attributes, Tailwind arbitrary values and VML. */
  styles: StyleDeclaration[];
  /** Element tree (HTML-like formats; empty otherwise), indexed by `ElementNode.id`. */
  elements: ElementNode[];
  images: ImageReference[];
  links: LinkReference[];
  /** Fonts brought in by `<link>` web-font URLs, `@import` and `@font-face`. */
  fontSources: FontSource[];
  /** Comments that may carry `brandlint-disable` directives (HTML, CSS, YAML, Markdown). */
  comments: SourceComment[];
  /** Template syntax (`{{ }}`, `{% %}`, `*|TAG|*`, `%%tag%%`, `{slot}`, `${slot}`): never prose, never a value to check. */
  templateRanges: Range[];
  /** Problems met while parsing (malformed markup, not UTF-8, ...): reported like findings. */
  parseProblems: Diagnostic[];
  /**
   * Parts of the file whose text the adapter decoded before reading it (a quoted-printable or
   * base64 email body, an encoded subject): findings there point at the part only roughly, and
   * no fix may edit inside it (the engine drops such fixes).
   */
  decodedRanges?: Range[];
}

export interface DocumentMetadata {
  /** Campaign id, from front matter, `<meta name="campaign">`, chatbot metadata, `utm_campaign` or config. */
  campaign?: string;
  campaignRange?: Range;
  /** BCP 47 locale (`en`, `de-DE`, `zh-Hans`), from `lang`, front matter or config. */
  locale?: string;
  /** Social platform (`x`, `linkedin`, `instagram`, ...) or chatbot channel; the first of `platforms` when a post targets several. */
  platform?: string;
  /** Every platform a cross-posted post targets (front matter `platforms: [bluesky, mastodon]`), when it names more than one. */
  platforms?: string[];
  /** Publication or send date (ISO `YYYY-MM-DD`), when the document says. */
  date?: string;
  /** Email subject / page title and where it is. */
  subject?: LocatedText;
  preheader?: LocatedText;
  title?: LocatedText;
  metaDescription?: LocatedText;
}

export interface LocatedText {
  text: string;
  range: Range;
}

export interface Message {
  id: string;
  /** What kind of unit this is, e.g. `email`, `page`, `bot-response`, `post`. */
  kind: string;
  range: Range;
  /** Per-message overrides of document metadata (a CSV row's platform, a post's locale). */
  platform?: string;
  /** Every platform the message targets, when more than one (see `DocumentMetadata.platforms`). */
  platforms?: string[];
  locale?: string;
  date?: string;
  campaign?: string;
}

/** Where a piece of prose sits; voice rules are scoped by it (option schemas list these). */
export const PROSE_SCOPES = [
  'subject',
  'preheader',
  'title',
  'meta-description',
  'heading',
  'body',
  /** Long-form copy (article channel): a paragraph or block quote, a list item, a table cell. */
  'paragraph',
  'list',
  'table',
  'cta',
  'link',
  'alt',
  'button',
  'bot-reply',
  'post',
] as const;
export type ProseScope = (typeof PROSE_SCOPES)[number];

/**
 * A run of prose. `text` is decoded (HTML entities, YAML escapes); `sourceMap` maps text
 * offsets back to file offsets where decoding changed lengths. Template tags stay in `text`
 * (so offsets map 1:1) and are listed in the document's `templateRanges`.
 */
export interface TextRun {
  text: string;
  range: Range;
  scope: ProseScope;
  messageId: string;
  locale?: string;
  /** The element the text belongs to (HTML-like formats). */
  elementId?: number;
  /**
   * Runs of one block (a paragraph, list item or table cell split by its links) share an id, so
   * that rules reading whole blocks (Vale styles) can join them again. Absent: the run is its block.
   */
  blockId?: number;
  /**
   * Anchors `[textOffset, sourceOffset]`, ascending; a text offset maps to
   * `sourceOffset + (offset - textOffset)` of the last anchor at or before it. Empty means 1:1
   * from `range.start.offset`. Adapters add an anchor after every decoded entity or escape
   * (including one at `text.length` when the text ends with one). Where the text before an
   * anchor comes from elsewhere in the file (markup such as `</b>`, `**` or an inline code span
   * was left out), the anchor carries a third element: where that text ends in the file, so that
   * a range ending there does not swallow the markup.
   */
  sourceMap: Array<[number, number] | [number, number, number]>;
}

/** Where a declaration came from; decides e.g. whether `var(--token)` is allowed as a fix. */
export type StyleOrigin =
  | 'stylesheet'
  | 'style-element'
  | 'style-attribute'
  | 'html-attribute'
  | 'tailwind'
  | 'vml';

export interface StyleDeclaration {
  /** Lower-case CSS property; attributes map onto properties (`bgcolor` -> `background-color`, `<font face>` -> `font-family`). */
  property: string;
  /** The value as written (without `!important`). */
  value: string;
  /** File offsets where the value starts and ends: `valueRange`'s, without computing its lines and columns. */
  valueStart: number;
  valueEnd: number;
  /** Where the value is; an adapter may compute it (and `range`) from the offsets when it is read. */
  readonly valueRange: Range;
  /**
   * Where the characters of `value` are in the file, when not one after another from
   * `valueRange.start` (a `style=""` with entities, `style="color:&#35;fff"`): anchors
   * `[valueOffset, fileOffset]`, ascending, as a TextRun's `sourceMap`. Absent: 1:1.
   * Read it through `SourceCode.valueRange`.
   */
  valueMap?: Array<[number, number]>;
  /** The whole declaration or attribute. */
  readonly range: Range;
  important: boolean;
  origin: StyleOrigin;
  /** The attribute or class that carried it (`bgcolor`, `bg-[#1d4ed8]`), for messages. */
  sourceName?: string;
  /** Selector of the enclosing rule, for stylesheet declarations. */
  selector?: string;
  /** Declarations of the same CSS rule, element `style=""` or element attributes share a group. */
  groupId: number;
  /** The element it applies to directly (inline styles, attributes, Tailwind classes). */
  elementId?: number;
  /** `var(--token)` may be used here (false in email: clients drop custom properties). */
  customPropertiesAllowed: boolean;
  /** Inside `@media`/`@supports` etc., e.g. `@media (prefers-color-scheme: dark)`. */
  atRules: string[];
}

export interface ElementNode {
  id: number;
  parentId: number | null;
  tag: string;
  attributes: Record<string, string>;
  classes: string[];
  range: Range;
  /** Hidden from view (`display:none`, `hidden`, mso-hide), e.g. an email preheader. */
  hidden: boolean;
  /** Whether it has its own text content (not only in children). */
  hasText: boolean;
}

export interface ImageReference {
  src: string;
  srcRange: Range;
  /** null when the attribute is absent; '' when empty (decorative). */
  alt: string | null;
  altRange?: Range;
  /** Rendered width in px from the `width` attribute or CSS, when known. */
  widthPx?: number;
  widthRange?: Range;
  classes: string[];
  elementId?: number;
  range: Range;
}

export interface LinkReference {
  href: string;
  hrefRange: Range;
  /** Visible text of the link. */
  text: string;
  /** A button-like link or a button (by role, class, VML roundrect, or CTA markup). */
  isCallToAction: boolean;
  elementId?: number;
  range: Range;
}

export interface FontSource {
  family: string;
  /** Where the family name is written. */
  range: Range;
  kind: 'web-font-link' | 'import' | 'font-face';
}

export interface SourceComment {
  /** Comment body without delimiters. */
  text: string;
  /** Range of the body. */
  range: Range;
  /** Range of the whole comment, delimiters included. */
  fullRange: Range;
  syntax: 'html' | 'css' | 'yaml' | 'markdown' | 'lg' | 'asciidoc';
}

/** Index of the last anchor at or before `textOffset` (-1 when none), by binary search: runs may hold thousands of anchors. */
function anchorAtText(run: TextRun, textOffset: number): number {
  const map = run.sourceMap;
  let low = 0;
  let high = map.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (map[mid]![0] <= textOffset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** File offset of a text offset within a run. */
export function sourceOffsetOf(run: TextRun, textOffset: number): number {
  const index = anchorAtText(run, textOffset);
  const mapped = index < 0 ? run.range.start.offset + textOffset : run.sourceMap[index]![1] + (textOffset - run.sourceMap[index]![0]);
  // Never past the run: text decoded from a shorter source (an encoded email body) maps into its range, not beyond.
  return Math.min(mapped, run.range.end.offset);
}

/** Text offset in a run of a file offset (the inverse of `sourceOffsetOf`), clamped to the run. */
export function textOffsetOf(run: TextRun, sourceOffset: number): number {
  // Source offsets of anchors ascend with their text offsets: the same search on the other column.
  const map = run.sourceMap;
  let low = 0;
  let high = map.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (map[mid]![1] <= sourceOffset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const anchorText = found < 0 ? 0 : map[found]![0];
  const anchorSource = found < 0 ? run.range.start.offset : map[found]![1];
  return Math.max(0, Math.min(run.text.length, anchorText + (sourceOffset - anchorSource)));
}

/** File offset where the text before `textOffset` ends (differs from {@link sourceOffsetOf} after left-out markup). */
export function sourceEndOf(run: TextRun, textOffset: number): number {
  // The first anchor at `textOffset` that says where left-out markup ends decides (anchors may share a text offset).
  const last = anchorAtText(run, textOffset);
  let first = last;
  while (first > 0 && run.sourceMap[first - 1]![0] === textOffset) first--;
  for (let index = Math.max(0, first); index <= last; index++) {
    const anchor = run.sourceMap[index]!;
    if (anchor[0] === textOffset && anchor.length === 3) return anchor[2];
  }
  return sourceOffsetOf(run, textOffset);
}

/** Range in the file of `[start, end)` of a run's text. */
export function rangeInRun(document: ContentDocument, run: TextRun, start: number, end: number): Range {
  const from = sourceOffsetOf(run, start);
  return document.lines.rangeAt(from, end > start ? Math.max(from, sourceEndOf(run, end)) : from);
}
