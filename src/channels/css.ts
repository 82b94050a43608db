/**
 * CSS and SCSS into declarations, comments and font sources, with exact offsets: postcss parses
 * once, values are read back from the original text by offset (so template tags stay verbatim),
 * and every offset goes through the caller's map into the file.
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

/** Parses CSS (or SCSS when `parsers.scss` is given) and adds what it declares to the builder. */
export function walkCss(builder: DocumentBuilder, parsers: CssParsers, input: CssInput): CssResult {
  const { css } = input;
  const spans = findTemplateSpans(css);
  const parsed = parseWithRecovery(builder, parsers, input, maskTemplatesInCss(css, spans));
  const result: CssResult = { hidingClasses: [] };
  if (!parsed) return result;
  const walker = new CssWalker(builder, input, parsed.text, spans, result);
  walker.container(parsed.root, input.atRules ?? []);
  return result;
}

function parseWithRecovery(
  builder: DocumentBuilder,
  parsers: CssParsers,
  input: CssInput,
  initial: string,
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
        builder.problem('parse/css', `CSS syntax error: ${syntax.reason}`, builder.range(offset, end, input.map));
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
  ) {}

  container(node: Container, atRules: string[]): void {
    const nodes = node.nodes ?? [];
    let group: number | undefined;
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
  }

  private atRule(node: AtRule, atRules: string[]): void {
    const name = node.name.toLowerCase();
    if (name === 'import') this.importFont(node);
    const label = node.params ? `@${node.name} ${this.original(node, node.params)}` : `@${node.name}`;
    if (node.nodes) this.container(node, [...atRules, label.replace(/\s+/g, ' ').trim()]);
  }

  /** The original text (templates unmasked) of a node's piece that postcss returned as `value`. */
  private original(node: ChildNode, value: string): string {
    if (this.parsed === this.input.css) return value;
    const start = node.source?.start?.offset;
    const end = node.source?.end?.offset;
    if (start === undefined || end === undefined) return value;
    const at = this.parsed.indexOf(value, start);
    return at >= 0 && at + value.length <= end ? this.input.css.slice(at, at + value.length) : value;
  }

  private selectorOf(rule: Rule): string {
    const raw = (rule.raws.selector as { raw?: string } | undefined)?.raw;
    return this.original(rule, raw ?? rule.selector).trim();
  }

  private declaration(node: Declaration, groupId: number, atRules: string[], selector: string | undefined) {
    const start = node.source?.start?.offset;
    const end = node.source?.end?.offset;
    if (start === undefined || end === undefined) return null;
    const { parsed } = this;
    const css = this.input.css;
    let propEnd = start + node.prop.length;
    if (parsed.slice(start, propEnd) !== node.prop) {
      const colon = parsed.indexOf(':', start);
      if (colon < 0 || colon >= end) return null;
      propEnd = colon;
    }
    const between = node.raws.between ?? ':';
    let valueStart = propEnd + (parsed.startsWith(between, propEnd) ? between.length : 0);
    if (!parsed.startsWith(between, propEnd)) {
      const colon = parsed.indexOf(':', propEnd);
      valueStart = colon < 0 ? propEnd : colon + 1;
      while (valueStart < end && /\s/.test(parsed[valueStart]!)) valueStart++;
    }
    const rawValue = (node.raws.value as { raw?: string } | undefined)?.raw ?? node.value;
    let valueEnd = valueStart + rawValue.length;
    if (parsed.slice(valueStart, valueEnd) !== rawValue) {
      const found = parsed.indexOf(rawValue, valueStart);
      if (found < 0 || found + rawValue.length > end) valueEnd = valueStart;
      else {
        valueStart = found;
        valueEnd = found + rawValue.length;
      }
    }
    while (valueEnd > valueStart && /\s/.test(css[valueEnd - 1]!)) valueEnd--;
    let declEnd = end;
    while (declEnd > valueEnd && (css[declEnd - 1] === ';' || /\s/.test(css[declEnd - 1]!))) declEnd--;
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
    return { property: lowerProperty, value };
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
    const start = node.source?.start?.offset;
    const end = node.source?.end?.offset;
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
    const start = node.source?.start?.offset;
    const end = node.source?.end?.offset;
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
