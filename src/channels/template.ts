/**
 * Template syntax in content: Handlebars/Mustache `{{ }}` and `{{{ }}}`, Liquid/Nunjucks/Jinja
 * `{% %}` and `{# #}`, Mailchimp `*|TAG|*`, ESP `%%tag%%` (and AMPscript `%%= =%%`), ERB-style
 * `<% %>`. Recorded as ranges and never parsed as markup, CSS or prose.
 */

/** Bounded so that an unclosed opener costs a short look-ahead, never a scan to the end of the file. */
const TEMPLATE =
  /\{\{\{[^]{0,2000}?\}\}\}|\{\{[^]{0,2000}?\}\}|\{%[^]{0,2000}?%\}|\{#[^]{0,2000}?#\}|\*\|[^|*\n]{1,200}\|\*|%%=[^]{0,2000}?=%%|%%[^%\s]{1,200}%%|<%[^]{0,2000}?%>/g;

const OPENER = /\{\{|\{%|\{#|\*\||%%|<%/;

export interface TemplateSpan {
  start: number;
  end: number;
  /** `block` tags (`{% %}`, `{# #}`, `<% %>`, `{{#...}}`, `{{/...}}`) stand for statements, not values. */
  block: boolean;
}

/** Template spans of a text, in order, not overlapping. */
export function findTemplateSpans(text: string): TemplateSpan[] {
  if (!OPENER.test(text)) return [];
  const spans: TemplateSpan[] = [];
  TEMPLATE.lastIndex = 0;
  for (let match = TEMPLATE.exec(text); match; match = TEMPLATE.exec(text)) {
    const value = match[0];
    const block = value.startsWith('{%') || value.startsWith('{#') || value.startsWith('<%') || /^\{\{\s*[#/^!>]/.test(value) || /^\{\{\s*else\b/.test(value);
    spans.push({ start: match.index, end: match.index + value.length, block });
  }
  return spans;
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
