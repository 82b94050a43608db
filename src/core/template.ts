import type { ContentDocument } from './document.js';

/** Text that opens template syntax: Handlebars/Mustache, Liquid/Nunjucks, Mailchimp, ESP, `${slot}`, ERB. */
export const TEMPLATE_TEXT = /\{\{|\{%|\{#|\*\||%%|\$\{|<%/;

/**
 * Whether `[start, end)` of the file overlaps template syntax, or `text` contains some. Such a
 * value is filled in at send time: rules never judge it.
 */
export function touchesTemplate(document: ContentDocument, start: number, end: number, text: string): boolean {
  return TEMPLATE_TEXT.test(text) || document.templateRanges.some((range) => range.start.offset < end && range.end.offset > start);
}
