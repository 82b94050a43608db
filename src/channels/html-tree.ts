/**
 * The parse5 tree as the HTML walker reads it: node kinds, the tag name and the end offset the
 * walker has always used (those rehype gave it: tag names normalised by hastscript, an unclosed
 * element ending where its last child ends), and the attributes rehype turned into properties.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { HtmlRoot } from './deps.js';

export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlText = DefaultTreeAdapterTypes.TextNode;
export type HtmlComment = DefaultTreeAdapterTypes.CommentNode;
export type HtmlChild = DefaultTreeAdapterTypes.ChildNode;
export type HtmlParent = HtmlElement | HtmlRoot;

export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export function isElement(node: HtmlChild | HtmlParent): node is HtmlElement {
  return 'tagName' in node;
}

export function isText(node: HtmlChild): node is HtmlText {
  return node.nodeName === '#text';
}

export function isComment(node: HtmlChild): node is HtmlComment {
  return node.nodeName === '#comment';
}

/** SVG tag names in camel case (hastscript's list: parse5's adjustments and three more). */
const SVG_CASE = new Map(
  [
    'altGlyph', 'altGlyphDef', 'altGlyphItem', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath', 'feBlend',
    'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDisplacementMap',
    'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage',
    'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile',
    'feTurbulence', 'foreignObject', 'glyphRef', 'linearGradient', 'radialGradient', 'solidColor', 'textArea', 'textPath',
  ].map((name) => [name.toLowerCase(), name]),
);

/** Only `a-z`, digits, `-` and `:`: a name parse5 gave that needs no normalising in HTML. */
const PLAIN_NAME = /^[a-z0-9:-]*$/;

/**
 * The element's tag name as hastscript writes it: the part before a `.` or `#` (it reads the name
 * as a selector), lower case, SVG names in their camel case.
 */
export function tagNameOf(node: HtmlElement): string {
  let name = node.tagName;
  const svg = node.namespaceURI === SVG_NAMESPACE;
  if (!svg && PLAIN_NAME.test(name)) return name;
  if (name.includes('.') || name.includes('#')) name = selectorTagName(name, svg ? 'g' : 'div');
  const lower = name.toLowerCase();
  return svg ? (SVG_CASE.get(lower) ?? lower) : lower;
}

/** The tag name of a hast selector (`a.b#c` -> `a`), or the default when it starts with `.`/`#`. */
function selectorTagName(selector: string, fallback: string): string {
  const cut = selector.search(/[#.]/);
  return cut === 0 ? fallback : cut < 0 ? selector : selector.slice(0, cut);
}

/** Start offset of a node in the parsed markup; undefined for an element the parser implied. */
export function startOffsetOf(node: HtmlChild): number | undefined {
  return node.sourceCodeLocation?.startOffset;
}

/**
 * End offset of a node: an element without an end tag ends where its last child ends (parse5
 * ends it at the next token), as rehype has it; undefined for an element the parser implied.
 */
export function endOffsetOf(node: HtmlChild): number | undefined {
  let location = node.sourceCodeLocation;
  if (!location) return undefined;
  let end = location.endOffset;
  let current: HtmlChild = node;
  while (isElement(current) && !current.sourceCodeLocation?.endTag) {
    const tail: HtmlChild | undefined = current.childNodes[current.childNodes.length - 1];
    location = tail?.sourceCodeLocation;
    if (!tail || !location) break;
    end = location.endOffset;
    current = tail;
  }
  return end;
}

/** The value of an attribute without a namespace prefix (parse5 keeps the first of duplicates). */
export function attributeOf(node: HtmlElement, name: string): string | undefined {
  for (const attribute of node.attrs) if (attribute.name === name && !attribute.prefix) return attribute.value;
  return undefined;
}

/** The `bgcolor` rehype read as the `bgColor` property (an HTML-schema property: not in SVG). */
export function bgcolorOf(node: HtmlElement): string | undefined {
  return node.namespaceURI === SVG_NAMESPACE ? undefined : attributeOf(node, 'bgcolor');
}
