/**
 * CSS and SCSS into declarations, comments and font sources, with exact offsets: postcss parses
 * once (a long stylesheet a piece at a time), values are read back from the original text by
 * offset (so template tags stay verbatim), and every offset goes through the caller's map into
 * the file.
 */
import type { AtRule, ChildNode, Comment, Container, CssSyntaxError, Declaration, Root, Rule } from 'postcss';
import type { StyleOrigin } from '../core/document.js';
import { identity, type DocumentBuilder, type OffsetMap } from './builder.js';
import type { Postcss, PostcssScss } from './deps.js';
import { webFontFamilies } from './fonts.js';
import { findTemplateSpans, maskTemplatesInCss, type TemplateSpan } from './template.js';

export interface CssInput {
  /** The CSS to read (a file, a `<style>` body, a decoded `style=""` value). */
  css: string;
  map: OffsetMap;
  origin: Extract<StyleOrigin, 'stylesheet' | 'style-element' | 'style-attribute'>;
  customPropertiesAllowed: boolean;
  /** At-rules around the whole text (a `<style media>`, an Outlook conditional comment). */
  atRules?: string[];
  elementId?: number;
  /** Group of a `style=""` attribute (shared with the element's other attributes). */
  groupId?: number;
  /** Record comments as `SourceComment`s (not for `style=""`, whose comments belong to the HTML). */
  comments?: boolean;
  /** `parse/css` problems: not for the decoded text of an attribute whose offsets are not the file's. */
  reportProblems?: boolean;
}

export interface CssParsers {
  postcss: Postcss;
  scss?: PostcssScss;
}

export interface CssResult {
  /** Classes that a top-level rule hides (`.preheader { display: none }`). */
  hidingClasses: string[];
}

const MAX_RECOVERIES = 20;
const MAX_REPORTED = 3;

/**
 * A stylesheet at least this long is parsed a piece at a time: one postcss tree for a 250 KB
 * stylesheet outlived several young-generation collections, each copying it, where a 32 KB
 * piece's tree is walked and gone within one (W2's stylesheets: half the CPU to parse).
 */
const PIECEWISE_MIN_LENGTH = 64 * 1024;
const PIECE_LENGTH = 32 * 1024;

/**
 * Parses CSS (or SCSS when `parsers.scss` is given) and adds what it declares to the builder.
 * `pieces`: from what length plain CSS is parsed a piece at a time, and how long a piece is at
 * least (tests cut small pieces to show they change nothing).
 */
export function walkCss(
  builder: DocumentBuilder,
  parsers: CssParsers,
  input: CssInput,
  pieces: { minLength: number; length: number } = { minLength: PIECEWISE_MIN_LENGTH, length: PIECE_LENGTH },
): CssResult {
  const { css } = input;
  const spans = findTemplateSpans(css);
  const masked = maskTemplatesInCss(css, spans);
  // Compared once: the walkers of the pieces share the answer.
  const verbatim = masked === css;
  const result: CssResult = { hidingClasses: [] };
  const atRules = input.atRules ?? [];
  const starts = !parsers.scss && masked.length >= pieces.minLength ? pieceStarts(masked, pieces.length) : [0];
  let rootGroup: number | undefined;
  for (let index = 0; index < starts.length; index++) {
    const from = starts[index]!;
    const to = starts[index + 1] ?? masked.length;
    let root: Root | null = null;
    if (to < masked.length) {
      try {
        root = parsers.postcss.parse(masked.slice(from, to));
      } catch {
        // A piece that does not parse on its own: the rest of the stylesheet is read whole, with
        // the recovery a whole stylesheet gets (its errors and repairs are the same from here).
      }
    }
    if (root) {
      rootGroup = new CssWalker(builder, input, masked, spans, result, verbatim, from).container(root, atRules, rootGroup);
      continue;
    }
    const parsed = parseWithRecovery(builder, parsers, input, from === 0 ? masked : masked.slice(from), from);
    if (!parsed) break;
    const text = from === 0 ? parsed.text : masked.slice(0, from) + parsed.text;
    new CssWalker(builder, input, text, spans, result, text === css, from).container(parsed.root, atRules, rootGroup);
    break;
  }
  return result;
}

/**
 * Where the pieces of a stylesheet start: 0, then after a `}` that closes a top-level block, at
 * least `length` characters after the piece's start. Strings and comments are skipped, and no
 * piece starts inside parentheses (`url(...)` may hold braces). Where this scan reads the text
 * otherwise than postcss would, a piece ends inside a string or block, fails to parse, and the
 * rest is read whole (walkCss), so pieces change no result.
 */
function pieceStarts(css: string, length: number): number[] {
  const starts = [0];
  let depth = 0;
  let parens = 0;
  for (let i = 0; i < css.length; i++) {
    const code = css.charCodeAt(i);
    if (code === 34 /* " */ || code === 39 /* ' */) {
      let end = i + 1;
      for (; end < css.length; end++) {
        const next = css.charCodeAt(end);
        if (next === 92 /* \ */) end++;
        else if (next === code) break;
      }
      if (end >= css.length) break;
      i = end;
    } else if (code === 47 /* / */ && css.charCodeAt(i + 1) === 42 /* * */) {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (code === 92 /* \ */) i++;
    else if (code === 40 /* ( */) parens++;
    else if (code === 41 /* ) */) parens = Math.max(0, parens - 1);
    else if (parens > 0) continue;
    else if (code === 123 /* { */) depth++;
    else if (code === 125 /* } */) {
      depth--;
      if (depth < 0) return [0];
      if (depth === 0 && i + 1 - starts[starts.length - 1]! >= length && i + 1 < css.length) starts.push(i + 1);
    }
  }
  return starts;
}

function parseWithRecovery(
  builder: DocumentBuilder,
  parsers: CssParsers,
  input: CssInput,
  initial: string,
  /** Where `initial` starts in `input.css`. */
  base: number,
): { root: Root; text: string } | null {
  let text = initial;
  let reported = 0;
  for (let attempt = 0; attempt <= MAX_RECOVERIES; attempt++) {
    try {
      const root = parsers.scss ? parsers.scss.parse(text) : parsers.postcss.parse(text);
      return { root, text };
    } catch (error) {
      const syntax = error as CssSyntaxError;
      if (syntax?.name !== 'CssSyntaxError') return null;
      const offset = errorOffset(syntax, text);
      if (input.reportProblems !== false && reported < MAX_REPORTED) {
        reported++;
        const end = Math.min(text.length, offset + 1);
        builder.problem('parse/css', `CSS syntax error: ${syntax.reason}`, builder.range(base + offset, base + end, input.map));
      }
      const repaired = repair(text, syntax.reason, offset);
      if (repaired === null) return null;
      text = repaired;
    }
  }
  return null;
}

function errorOffset(error: CssSyntaxError, text: string): number {
  const offset = (error.input as { offset?: number } | undefined)?.offset;
  // postcss leaves the place NaN for some errors after a repaired one (found by the fuzzer).
  if (typeof offset === 'number' && Number.isFinite(offset)) return Math.max(0, Math.min(offset, text.length));
  const errorLine = error.line;
  if (errorLine === undefined || !Number.isInteger(errorLine) || !Number.isInteger(error.column ?? 1)) return 0;
  let at = 0;
  for (let line = 1; line < errorLine; line++) {
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    at = next + 1;
  }
  return Math.min(text.length, at + (error.column ?? 1) - 1);
}

/**
 * The text with the error worked around and every offset unchanged: closers appended at the end,
 * or the broken stretch blanked (to the next `;`) so the rest can be read.
 */
function repair(text: string, reason: string, offset: number): string | null {
  if (reason.startsWith('Unclosed block')) return `${text}}`;
  if (reason.startsWith('Unclosed bracket')) return `${text})`;
  if (reason.startsWith('Unclosed comment')) return `${text}*/`;
  if (reason.startsWith('Unclosed string') || reason.startsWith('Unclosed quote')) {
    const quote = text[offset] === "'" ? "'" : '"';
    return `${text}${quote}`;
  }
  let end = offset;
  while (end < text.length && text[end] !== ';' && text[end] !== '}' && text[end] !== '{') end++;
  if (text[end] === ';') end++;
  if (end === offset) end = Math.min(text.length, offset + 1);
  if (end === offset) return null;
  return text.slice(0, offset) + text.slice(offset, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

const HIDING_SELECTOR = /^\s*[a-z0-9]*\.([\w-]+)\s*$/i;
/** The properties {@link isHiding} reads; every other declaration is passed over at once. */
const HIDING_PROPERTIES = new Set(['display', 'visibility', 'mso-hide', 'opacity', 'max-height', 'overflow']);

class CssWalker {
  constructor(
    private readonly builder: DocumentBuilder,
    private readonly input: CssInput,
    /** The text postcss read (templates masked, errors blanked); same length as `input.css`. */
    private readonly parsed: string,
    private readonly spans: readonly TemplateSpan[],
    private readonly result: CssResult,
    /** Whether `parsed` is `input.css` (no template masked, no error blanked). */
    private readonly verbatim: boolean,
    /** Where the piece postcss parsed starts in `parsed`: its node offsets count from there. */
    private readonly base: number,
  ) {}

  /** Where a node starts in `parsed` (and `input.css`); undefined when postcss gave no place. */
  private startOf(node: ChildNode): number | undefined {
    const start = node.source?.start?.offset;
    return start === undefined ? undefined : this.base + start;
  }

  /** Where a node ends in `parsed` (and `input.css`); undefined when postcss gave no place. */
  private endOf(node: ChildNode): number | undefined {
    const end = node.source?.end?.offset;
    return end === undefined ? undefined : this.base + end;
  }

  /**
   * Walks a container; `group` is the group its declarations join (a stylesheet's pieces share
   * their root's), returned with any group made here.
   */
  container(node: Container, atRules: string[], group?: number): number | undefined {
    const nodes = node.nodes ?? [];
    const rule = node.type === 'rule' ? (node as Rule) : undefined;
    const selector = rule ? this.selectorOf(rule) : undefined;
    let hiding = false;
    const hidingState = { maxHeightZero: false, overflowHidden: false };
    for (const child of nodes) {
      switch (child.type) {
        case 'decl': {
          group ??= this.input.groupId ?? this.builder.newGroup();
          const added = this.declaration(child, group, atRules, selector);
          if (added && rule && atRules.length === 0) hiding = isHiding(added.property, added.value, hidingState) || hiding;
          break;
        }
        case 'rule':
          this.container(child, atRules);
          break;
        case 'atrule':
          this.atRule(child, atRules);
          break;
        case 'comment':
          this.comment(child);
          break;
        default:
          break;
      }
    }
    if (hiding && selector) {
      for (const part of selector.split(',')) {
        const match = HIDING_SELECTOR.exec(part);
        if (match?.[1]) this.result.hidingClasses.push(match[1]);
      }
    }
    return group;
  }

  private atRule(node: AtRule, atRules: string[]): void {
    const name = node.name.toLowerCase();
    if (name === 'import') this.importFont(node);
    const label = node.params ? `@${node.name} ${this.original(node, node.params)}` : `@${node.name}`;
    if (node.nodes) this.container(node, [...atRules, label.replace(/\s+/g, ' ').trim()]);
  }

  /** The original text (templates unmasked) of a node's piece that postcss returned as `value`. */
  private original(node: ChildNode, value: string): string {
    if (this.verbatim) return value;
    const start = this.startOf(node);
    const end = this.endOf(node);
    if (start === undefined || end === undefined) return value;
    const at = this.parsed.indexOf(value, start);
    return at >= 0 && at + value.length <= end ? this.input.css.slice(at, at + value.length) : value;
  }

  private selectorOf(rule: Rule): string {
    const raw = (rule.raws.selector as { raw?: string } | undefined)?.raw;
    return this.original(rule, raw ?? rule.selector).trim();
  }

  private declaration(node: Declaration, groupId: number, atRules: string[], selector: string | undefined) {
    const start = this.startOf(node);
    const end = this.endOf(node);
    if (start === undefined || end === undefined) return null;
    const { parsed } = this;
    const css = this.input.css;
    let propEnd = start + node.prop.length;
    if (!parsed.startsWith(node.prop, start)) {
      const colon = parsed.indexOf(':', start);
      if (colon < 0 || colon >= end) return null;
      propEnd = colon;
    }
    const between = node.raws.between ?? ':';
    let valueStart = propEnd + (parsed.startsWith(between, propEnd) ? between.length : 0);
    if (!parsed.startsWith(between, propEnd)) {
      const colon = parsed.indexOf(':', propEnd);
      valueStart = colon < 0 ? propEnd : colon + 1;
      while (valueStart < end && isSpace(parsed.charCodeAt(valueStart))) valueStart++;
    }
    const rawValue = (node.raws.value as { raw?: string } | undefined)?.raw ?? node.value;
    let valueEnd = valueStart + rawValue.length;
    if (!parsed.startsWith(rawValue, valueStart)) {
      const found = parsed.indexOf(rawValue, valueStart);
      if (found < 0 || found + rawValue.length > end) valueEnd = valueStart;
      else {
        valueStart = found;
        valueEnd = found + rawValue.length;
      }
    }
    while (valueEnd > valueStart && isSpace(css.charCodeAt(valueEnd - 1))) valueEnd--;
    let declEnd = end;
    while (declEnd > valueEnd && (css.charCodeAt(declEnd - 1) === 59 /* ; */ || isSpace(css.charCodeAt(declEnd - 1)))) declEnd--;
    const property = css.slice(start, propEnd);
    const value = css.slice(valueStart, valueEnd);
    const { builder, input } = this;
    const lowerProperty = property.startsWith('--') || property.startsWith('$') ? property : property.toLowerCase();
    // One shape for every declaration of a stylesheet (optional keys set after, not spread in).
    const declaration = builder.declaration(lowerProperty, value, valueStart, valueEnd, start, declEnd, input.map, input.origin, groupId, input.customPropertiesAllowed, atRules);
    if (node.important === true) declaration.important = true;
    if (selector !== undefined) declaration.selector = selector;
    if (input.elementId !== undefined) declaration.elementId = input.elementId;
    builder.addStyle(declaration, input.map === identity ? undefined : (offset) => input.map(valueStart + offset));
    if (lowerProperty === 'font-family' && atRules.some((atRule) => /^@font-face\b/i.test(atRule))) {
      this.fontFace(value, valueStart);
    }
    return declaration;
  }

  /** `@font-face { font-family: 'Brand Sans' }`: the family, ranged as written (quotes included). */
  private fontFace(value: string, valueStart: number): void {
    const written = value.trim();
    const family = written.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (!family) return;
    const start = valueStart + value.indexOf(written);
    this.builder.document.fontSources.push({
      family,
      range: this.builder.range(start, start + written.length, this.input.map),
      kind: 'font-face',
    });
  }

  private importFont(node: AtRule): void {
    const start = this.startOf(node);
    const end = this.endOf(node);
    if (start === undefined || end === undefined) return;
    const css = this.input.css;
    const slice = css.slice(start, end);
    for (const family of webFontFamilies(slice)) {
      this.builder.document.fontSources.push({
        family: family.family,
        range: this.builder.range(start + family.start, start + family.end, this.input.map),
        kind: 'import',
      });
    }
  }

  private comment(node: Comment): void {
    if (!this.input.comments) return;
    const start = this.startOf(node);
    const end = this.endOf(node);
    if (start === undefined || end === undefined) return;
    if (this.spans.some((span) => span.start < end && span.end > start)) return;
    const css = this.input.css;
    const inline = css.startsWith('//', start);
    const bodyStart = start + 2;
    const bodyEnd = inline ? end : css.startsWith('*/', end - 2) ? end - 2 : end;
    const { builder, input } = this;
    builder.document.comments.push({
      text: css.slice(bodyStart, Math.max(bodyStart, bodyEnd)),
      range: builder.range(bodyStart, Math.max(bodyStart, bodyEnd), input.map),
      fullRange: builder.range(start, end, input.map),
      syntax: 'css',
    });
  }
}

/** Whether a character is one that `\s` matches (JavaScript's white space and line terminators). */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function isHiding(property: string, value: string, state: { maxHeightZero: boolean; overflowHidden: boolean }): boolean {
  if (!HIDING_PROPERTIES.has(property)) return false;
  const v = value.replace(/!important/i, '').trim().toLowerCase();
  switch (property) {
    case 'display':
      return v === 'none';
    case 'visibility':
      return v === 'hidden';
    case 'mso-hide':
      return v === 'all';
    case 'opacity':
      return /^0*(\.0*)?%?$/.test(v) && v !== '';
    case 'max-height':
      state.maxHeightZero = /^0*(\.0*)?(px|em|rem|%)?$/.test(v) && v !== '';
      return state.maxHeightZero && state.overflowHidden;
    case 'overflow':
      state.overflowHidden = v === 'hidden';
      return state.maxHeightZero && state.overflowHidden;
    default:
      return false;
  }
}

export { isHiding };
