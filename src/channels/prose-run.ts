/**
 * Text runs of the script-like adapters (chatbot, social): one decoded piece of text becomes a
 * run with its map back to the file, its template tags go to `templateRanges`, and a piece that
 * is only template tags is no prose at all.
 */
import { rangeInRun, sourceOffsetOf, type LinkReference, type ProseScope, type TextRun } from '../core/document.js';
import { identity, type DocumentBuilder } from './builder.js';
import { rawOffsetOf, type DecodedText } from './entities.js';
import { findWebTokens } from './metadata-values.js';
import { findTemplateSpans, isOnlyTemplate, type TemplateSpanOptions } from './template.js';
import { TextBuffer } from './text-buffer.js';

export interface RunFields {
  scope: ProseScope;
  messageId: string;
  locale?: string | undefined;
  /** Shared by the runs of one block that its links split (see `TextRun.blockId`). */
  blockId?: number | undefined;
}

/**
 * Adds the run of `decoded` (raw form at `[rawStart, rawEnd)` of the file) and its template
 * tags. Returns the run, or null when nothing but white space or template tags is left.
 */
export function pushRun(
  builder: DocumentBuilder,
  decoded: DecodedText,
  rawStart: number,
  rawEnd: number,
  fields: RunFields,
  templates: TemplateSpanOptions = {},
): TextRun | null {
  // Tags are recorded even when the text is nothing but a tag (and so no run).
  for (const span of findTemplateSpans(decoded.text, templates)) {
    addTemplateRange(builder, rawStart + rawOffsetOf(decoded.anchors, span.start), rawStart + rawOffsetOf(decoded.anchors, span.end));
  }
  const buffer = new TextBuffer();
  buffer.append(decoded, rawStart, rawEnd, identity);
  return pushBuffer(builder, buffer, fields, templates);
}

/** As {@link pushRun}, for a run assembled from several pieces. */
export function pushBuffer(builder: DocumentBuilder, buffer: TextBuffer, fields: RunFields, templates: TemplateSpanOptions = {}): TextRun | null {
  if (buffer.isEmpty) return null;
  const run = buffer.toRun(builder.document.lines, {
    scope: fields.scope,
    messageId: fields.messageId,
    ...(fields.locale ? { locale: fields.locale } : {}),
    ...(fields.blockId !== undefined ? { blockId: fields.blockId } : {}),
  });
  if (!run) return null;
  const spans = findTemplateSpans(run.text, templates);
  if (spans.length > 0) {
    for (const span of spans) addTemplateRange(builder, sourceOffsetOf(run, span.start), sourceOffsetOf(run, span.end));
    if (isOnlyTemplate(run.text, spans)) return null;
  }
  builder.document.textRuns.push(run);
  return run;
}

/** Records a template range once (a tag may be found by the file scan and by a run). */
export function addTemplateRange(builder: DocumentBuilder, start: number, end: number): void {
  const ranges = builder.document.templateRanges;
  // Ranges are added in file order: a duplicate is among the last ones.
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    if (range.start.offset === start && range.end.offset === end) return;
    if (range.end.offset <= start) break;
  }
  ranges.push(builder.range(start, end));
}

/** A decoded text for raw text that maps 1:1. */
export function plain(text: string): DecodedText {
  return { text, anchors: [] };
}

/** Records the URLs and e-mail addresses written inside a run as links (unless a link is already there). */
export function addTextLinks(builder: DocumentBuilder, run: TextRun): void {
  const { document } = builder;
  for (const token of findWebTokens(run.text)) {
    const range = rangeInRun(document, run, token.start, token.end);
    if (overlapsRecentLink(document.links, range.start.offset, range.end.offset, run.range.start.offset)) continue;
    document.links.push({ href: token.href, hrefRange: range, text: run.text.slice(token.start, token.end), isCallToAction: false, range });
  }
}

/**
 * Whether a link recorded for this run (links are added in file order, the run's own last)
 * overlaps `[start, end)`: only links ending after the run's start need a look.
 */
function overlapsRecentLink(links: readonly LinkReference[], start: number, end: number, runStart: number): boolean {
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i]!;
    if (link.range.end.offset <= runStart) return false;
    if (link.range.start.offset < end && link.range.end.offset > start) return true;
  }
  return false;
}
