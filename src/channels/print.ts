/**
 * The print channel: artwork and documents made for paper, screens in a shop window and
 * trade-show walls. Two formats:
 *
 * - **SVG** (posters, banners, social images, exported artwork), read by the HTML walker in
 *   its SVG mode: `fill`, `stroke`, `stop-color`, `flood-color`, `color` and the font
 *   presentation attributes, `style=""` and `<style>` CSS are declarations; `<text>`/`<tspan>`
 *   content is prose; `<image>` is an image with the width it is drawn at. Text drawn as
 *   outlines (`<path>`) is shapes, not prose; the pixels of an embedded raster image are not read.
 * - **PDF** (flyers, brochures, print-ready ads): see ./pdf.ts.
 */
import type { ContentDocument } from '../core/document.js';
import { DocumentBuilder, identity, type DocumentInput } from './builder.js';
import { applyCampaign } from './email.js';
import { walkHtml } from './html.js';

export type PrintInput = Omit<DocumentInput, 'format'> & { format: string };

const MESSAGE_ID = 'artwork';

export async function parsePrint(input: PrintInput): Promise<ContentDocument> {
  if (input.format === 'pdf') return (await import('./pdf.js')).parsePdf(input);
  return parseSvg(input);
}

/** An SVG file: one message (the artwork), positions exact in the file. */
export async function parseSvg(input: Omit<DocumentInput, 'format'>): Promise<ContentDocument> {
  const builder = new DocumentBuilder({ ...input, format: 'svg' });
  const { document } = builder;
  document.messages.push({ id: MESSAGE_ID, kind: 'artwork', range: builder.range(0, builder.text.length) });
  if (!/<svg[\s>]/i.test(builder.text)) {
    builder.problem('parse/svg', 'not an SVG file: no <svg> element', builder.range(0, Math.min(1, builder.text.length)));
    return document;
  }
  // Parsed as HTML with the SVG as foreign content: attribute and text positions are exact, and
  // CDATA sections in <style> are read as SVG renderers read them.
  const facts = await walkHtml(builder, { html: builder.text, map: identity, mode: 'landing', messageId: MESSAGE_ID, svg: true });
  if (facts.title) document.metadata.title = facts.title;
  if (facts.lang) document.metadata.locale = facts.lang;
  applyCampaign(builder, facts);
  return document;
}
