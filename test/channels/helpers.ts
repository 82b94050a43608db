import type { ContentDocument } from '../../src/core/document.js';
import type { Range } from '../../src/core/position.js';
import { parseContent, type ParseContentInput } from '../../src/channels/index.js';

/** `line:column-line:column` of a range. */
export function loc(range: Range | undefined | null): string {
  if (!range) return '(none)';
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** The text a range covers. */
export function slice(document: ContentDocument, range: Range | undefined): string {
  return range ? document.text.slice(range.start.offset, range.end.offset) : '';
}

export function parse(
  text: string,
  options: Partial<Omit<ParseContentInput, 'text'>> = {},
): Promise<ContentDocument> {
  const file = options.file ?? (options.channel === 'landing' ? 'page.html' : 'email.html');
  return parseContent({ file, absolutePath: `/project/${file}`, channel: 'email', ...options, text });
}

/** Declarations as `property=value @range`, for compact expectations. */
export function styles(document: ContentDocument, filter: (origin: string) => boolean = () => true): string[] {
  return document.styles
    .filter((declaration) => filter(declaration.origin))
    .map((declaration) => `${declaration.property}=${declaration.value} @${loc(declaration.valueRange)}`);
}
