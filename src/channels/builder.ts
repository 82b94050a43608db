/**
 * A `ContentDocument` under construction: the adapters add items in local offsets of the text
 * they scan and a `map` to file offsets; positions are computed once, through the file's
 * `LineIndex`.
 */
import type { Channel } from '../core/channels.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { ContentDocument, LocatedText, StyleDeclaration } from '../core/document.js';
import { LineIndex, type Range } from '../core/position.js';

/** Maps an offset of the text being scanned to an offset of the file. */
export type OffsetMap = (offset: number) => number;

export const identity: OffsetMap = (offset) => offset;

export function shifted(map: OffsetMap, by: number): OffsetMap {
  if (map === identity) return by === 0 ? identity : (offset) => offset + by;
  return (offset) => map(offset + by);
}

export interface DocumentInput {
  file: string;
  absolutePath: string;
  text: string;
  channel: Channel;
  format: string;
}

export class DocumentBuilder {
  readonly document: ContentDocument;
  private nextGroup = 0;

  constructor(input: DocumentInput) {
    this.document = {
      file: input.file,
      absolutePath: input.absolutePath,
      channel: input.channel,
      format: input.format,
      text: input.text,
      lines: new LineIndex(input.text),
      metadata: {},
      messages: [],
      textRuns: [],
      styles: [],
      elements: [],
      images: [],
      links: [],
      fontSources: [],
      comments: [],
      templateRanges: [],
      parseProblems: [],
    };
  }

  get text(): string {
    return this.document.text;
  }

  range(start: number, end: number, map: OffsetMap = identity): Range {
    const from = map(start);
    const to = map === identity ? end : start === end ? from : map(end);
    return this.document.lines.rangeAt(from, Math.max(from, to));
  }

  newGroup(): number {
    return this.nextGroup++;
  }

  addStyle(declaration: StyleDeclaration): void {
    this.document.styles.push(declaration);
  }

  located(text: string, start: number, end: number, map: OffsetMap = identity): LocatedText {
    return { text, range: this.range(start, end, map) };
  }

  problem(ruleId: string, message: string, range: Range | null, severity: Severity = 'error'): void {
    const diagnostic: Diagnostic = { ruleId, severity, message, file: this.document.file, range };
    this.document.parseProblems.push(diagnostic);
  }
}
