/**
 * Template syntax in content: Handlebars/Mustache `{{ }}` and `{{{ }}}`, Liquid/Nunjucks/Jinja
 * `{% %}` and `{# #}`, Mailchimp `*|TAG|*`, ESP `%%tag%%` (and AMPscript `%%= =%%`), ERB-style
 * `<% %>`, and `${expression}` (JavaScript-style and Bot Framework LG, braces balanced). Chatbot
 * scripts also use single-brace slots (`{name}`, Rasa): `{ slots: true }` finds those too.
 * Recorded as ranges and never parsed as markup, CSS or prose.
 */

/** Bounded so that an unclosed opener costs a short look-ahead, never a scan to the end of the file. */
const TEMPLATE =
  /\{\{\{[^]{0,2000}?\}\}\}|\{\{[^]{0,2000}?\}\}|\{%[^]{0,2000}?%\}|\{#[^]{0,2000}?#\}|\*\|[^|*\n]{1,200}\|\*|%%=[^]{0,2000}?=%%|%%[^%\s]{1,200}%%|<%[^]{0,2000}?%>/g;

const OPENER = /\{\{|\{%|\{#|\*\||%%|<%|\$\{/;

/** A single-brace slot: `{name}`, `{user.first_name}`, `{ order-id }` (not `{{`, not `${`). */
const SLOT = /(?<![{$\\])\{[ \t]*[A-Za-z_][\w.-]{0,100}[ \t]*\}(?!\})/g;

export interface TemplateSpanOptions {
  /** Also find single-brace slots `{name}` (chatbot scripts): off for HTML and CSS, where braces are code. */
  slots?: boolean;
}

export interface TemplateSpan {
  start: number;
  end: number;
  /** `block` tags (`{% %}`, `{# #}`, `<% %>`, `{{#...}}`, `{{/...}}`) stand for statements, not values. */
  block: boolean;
}

/** Template spans of a text, in order, not overlapping. */
export function findTemplateSpans(text: string, options: TemplateSpanOptions = {}): TemplateSpan[] {
  const slots = options.slots === true && text.includes('{');
  if (!slots && !OPENER.test(text)) return [];
  const spans: TemplateSpan[] = [];
  TEMPLATE.lastIndex = 0;
  for (let match = TEMPLATE.exec(text); match; match = TEMPLATE.exec(text)) {
    const value = match[0];
    const block = value.startsWith('{%') || value.startsWith('{#') || value.startsWith('<%') || /^\{\{\s*[#/^!>]/.test(value) || /^\{\{\s*else\b/.test(value);
    spans.push({ start: match.index, end: match.index + value.length, block });
  }
  const extra: TemplateSpan[] = [];
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
    // `\${` is an escaped dollar (LG, JavaScript): literal text.
    if (text.charCodeAt(at - 1) === 92) continue;
    const end = expressionEnd(text, at + 1);
    if (end !== null) extra.push({ start: at, end, block: false });
  }
  if (slots) {
    SLOT.lastIndex = 0;
    for (let match = SLOT.exec(text); match; match = SLOT.exec(text)) extra.push({ start: match.index, end: match.index + match[0].length, block: false });
  }
  return extra.length === 0 ? spans : mergeSpans(spans, extra);
}

/**
 * End (exclusive) of the `{...}` group opening at `open`, braces balanced and quoted strings
 * skipped (`${{user: {name: "}"}}}`); null when it is not closed within 2000 characters.
 */
function expressionEnd(text: string, open: number): number | null {
  let depth = 0;
  let quote = 0;
  const limit = Math.min(text.length, open + 2000);
  for (let i = open; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === 92) i++;
      else if (code === quote) quote = 0;
      continue;
    }
    if (code === 39 || code === 34 || code === 96) quote = code;
    else if (code === 123) depth++;
    else if (code === 125 && --depth === 0) return i + 1;
  }
  return null;
}

/** Spans of both lists in order; a span inside (or overlapping) an earlier one is dropped. */
function mergeSpans(first: readonly TemplateSpan[], second: readonly TemplateSpan[]): TemplateSpan[] {
  const all = [...first, ...second].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TemplateSpan[] = [];
  for (const span of all) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) continue;
    out.push(span);
  }
  return out;
}

/** The span starting exactly at `offset`, if any. */
export function templateSpanAt(text: string, offset: number): TemplateSpan | null {
  const code = text.charCodeAt(offset);
  // `{`, `*`, `%`, `<`
  if (code !== 123 && code !== 42 && code !== 37 && code !== 60) return null;
  TEMPLATE.lastIndex = offset;
  const match = TEMPLATE.exec(text);
  if (!match || match.index !== offset) return null;
  return { start: offset, end: offset + match[0].length, block: false };
}

/** Whether `[start, end)` of a text is only template tags and whitespace. */
export function isOnlyTemplate(text: string, spans: readonly TemplateSpan[]): boolean {
  let at = 0;
  for (const span of spans) {
    if (text.slice(at, span.start).trim() !== '') return false;
    at = span.end;
  }
  return text.slice(at).trim() === '';
}

/**
 * Replaces template tags in CSS with same-length neutral text so that postcss can parse it and
 * every offset stays exact: statement tags become comments (`{% if %}` -> `/*      *\/`), value
 * tags an identifier (`{{x}}` -> `_____`). Returns the masked text and the masked spans (their
 * comments are not the author's).
 */
export function maskTemplatesInCss(css: string, spans: readonly TemplateSpan[]): string {
  if (spans.length === 0) return css;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += css.slice(at, span.start);
    const length = span.end - span.start;
    const statement = span.block || atStatementStart(css, span.start);
    if (statement && length >= 4) out += `/*${keepNewlines(css.slice(span.start + 2, span.end - 2), ' ')}*/`;
    else out += keepNewlines(css.slice(span.start, span.end), '_');
    at = span.end;
  }
  return out + css.slice(at);
}

function keepNewlines(text: string, fill: string): string {
  return text.replace(/[^\r\n]/g, fill);
}

/** Whether only whitespace separates `offset` from the previous `{`, `}`, `;` or the start. */
function atStatementStart(css: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const char = css[i]!;
    if (char === '{' || char === '}' || char === ';') return true;
    if (char === '/' && css[i - 1] === '*') return true;
    if (!/\s/.test(char)) return false;
  }
  return true;
}
