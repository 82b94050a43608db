/**
 * "Disable <rule> for this line": a `brandlint-disable-next-line <rule>` comment inserted above
 * the line of a finding, in the comment syntax of the place it goes (an HTML comment in markup, a
 * CSS comment inside `<style>` or a stylesheet, `#` in YAML, `>` in an LG file, `//` in AsciiDoc,
 * `{/* *\/}` in MDX). The channel adapter decides: each candidate is parsed again and kept only
 * when the adapter reads it as a directive covering that line without new parse problems; a file
 * with no place for a comment there (JSON, inside a multi-line tag or a YAML block scalar) gets
 * no such action.
 */
import type { ContentDocument } from '../../core/document.js';
import { LineIndex } from '../../core/position.js';
import { parseDirectives } from '../../engine/directives.js';

type Wrap = (body: string) => string;

const HTML: Wrap = (body) => `<!-- ${body} -->`;
const CSS: Wrap = (body) => `/* ${body} */`;
const HASH: Wrap = (body) => `# ${body}`;
const SLASHES: Wrap = (body) => `// ${body}`;
const LG: Wrap = (body) => `> ${body}`;
const JSX: Wrap = (body) => `{/* ${body} */}`;

/** Comment syntaxes to try for a document format, most likely first. */
function syntaxesFor(format: string): Wrap[] {
  switch (format) {
    case 'css':
      return [CSS];
    case 'scss':
      return [CSS, SLASHES];
    case 'yaml':
    case 'rasa':
    case 'bot-script':
      return [HASH];
    case 'json':
      return [];
    case 'lg':
      return [LG];
    case 'asciidoc':
      return [SLASHES];
    case 'mdx':
      return [JSX, HASH];
    case 'markdown':
    case 'csv':
    case 'text':
      return [HTML, HASH];
    default:
      // HTML-like (html, mjml, eml, templates): markup, or CSS inside <style>.
      return [HTML, CSS];
  }
}

export interface DisableEdit {
  /** The UTF-16 offset where the comment line is inserted (the start of the finding's line). */
  offset: number;
  text: string;
}

/**
 * The insertion that disables `ruleId` on the 1-based `line` of `text`, or null when no comment
 * the adapter reads fits there. `parse` parses a changed text of the same file.
 */
export async function disableNextLineEdit(
  text: string,
  line: number,
  ruleId: string,
  format: string,
  parse: (text: string) => Promise<ContentDocument>,
  baseline: ContentDocument,
): Promise<DisableEdit | null> {
  const lines = new LineIndex(text);
  const lineStart = lines.offsetAt(line, 1);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const baselineProblems = baseline.parseProblems.length;
  for (const wrap of syntaxesFor(format)) {
    const inserted = `${indent}${wrap(`brandlint-disable-next-line ${ruleId}`)}${eol}`;
    const changed = text.slice(0, lineStart) + inserted + text.slice(lineStart);
    let document: ContentDocument;
    try {
      document = await parse(changed);
    } catch {
      continue;
    }
    if (document.parseProblems.length > baselineProblems) continue;
    const directives = parseDirectives(document.comments, new LineIndex(changed));
    const covers = directives.some(
      (directive) =>
        directive.kind === 'disable-next-line' &&
        directive.comment.fullRange.start.offset >= lineStart &&
        directive.comment.fullRange.start.offset < lineStart + inserted.length &&
        directive.lines?.from === line + 1 &&
        directive.rules?.some((rule) => rule.id === ruleId),
    );
    if (covers) return { offset: lineStart, text: inserted };
  }
  return null;
}
