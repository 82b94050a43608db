/**
 * A `ContentDocument` under construction: the adapters add items in local offsets of the text
 * they scan and a `map` to file offsets; positions are computed once, through the file's
 * `LineIndex`.
 */
import type { Channel } from '../core/channels.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { ContentDocument, LocatedText, StyleDeclaration, StyleOrigin } from '../core/document.js';
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

  /**
   * A style declaration of the text being scanned: `[valueStart, valueEnd)` is its value and
   * `[start, end)` the whole declaration, mapped to the file by `map`. Its ranges are computed
   * when read (a rule reads the offsets; only what it reports needs lines and columns). Optional
   * fields are set on it after; add it with {@link addStyle}.
   */
  declaration(
    property: string,
    value: string,
    valueStart: number,
    valueEnd: number,
    start: number,
    end: number,
    map: OffsetMap,
    origin: StyleOrigin,
    groupId: number,
    customPropertiesAllowed: boolean,
    atRules: string[],
  ): StyleDeclaration {
    const { lines } = this.document;
    const valueFrom = map(valueStart);
    const valueTo = map === identity ? valueEnd : valueStart === valueEnd ? valueFrom : map(valueEnd);
    const from = map(start);
    const to = map === identity ? end : start === end ? from : map(end);
    const fileValueStart = lines.rangeStartAt(valueFrom);
    return new LazyRangeDeclaration(
      lines,
      property,
      value,
      fileValueStart,
      Math.max(fileValueStart, lines.rangeEndAt(Math.max(valueFrom, valueTo))),
      from,
      Math.max(from, to),
      origin,
      groupId,
      customPropertiesAllowed,
      atRules,
    );
  }

  range(start: number, end: number, map: OffsetMap = identity): Range {
    const from = map(start);
    const to = map === identity ? end : start === end ? from : map(end);
    return this.document.lines.rangeAt(from, Math.max(from, to));
  }

  newGroup(): number {
    return this.nextGroup++;
  }

  /**
   * Adds a declaration. `valueOffset` maps offsets of its value (0 to `value.length`) to file
   * offsets; where they are not one after another (decoded entities), the declaration carries a
   * `valueMap`, so that rules can point inside the value exactly.
   */
  addStyle(declaration: StyleDeclaration, valueOffset?: (offset: number) => number): void {
    if (valueOffset) {
      const map = valueAnchors(declaration.value.length, valueOffset);
      if (map) declaration.valueMap = map;
    }
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

/**
 * Anchors where `offsetOf` stops being one after another from `offsetOf(0)`; undefined when the
 * value spans as many characters in the file as it has (decoding only ever shortens: no entity,
 * escape or encoded byte then).
 */
export function valueAnchors(length: number, offsetOf: (offset: number) => number): Array<[number, number]> | undefined {
  const first = offsetOf(0);
  if (offsetOf(length) - first === length) return undefined;
  const anchors: Array<[number, number]> = [];
  let expected = first;
  for (let i = 0; i <= length; i++) {
    const at = offsetOf(i);
    if (i === 0 || at !== expected) anchors.push([i, at]);
    expected = at + 1;
  }
  return anchors;
}

/**
 * A declaration whose `valueRange` and `range` are computed from its offsets when read, through
 * the document's LineIndex: a large stylesheet has a million declarations and reports a few
 * thousand of them, so most never need a line or a column (nor four position objects each).
 */
class LazyRangeDeclaration implements StyleDeclaration {
  readonly #lines: LineIndex;
  readonly #start: number;
  readonly #end: number;
  important = false;
  declare valueMap?: Array<[number, number]>;
  declare sourceName?: string;
  declare selector?: string;
  declare elementId?: number;

  constructor(
    lines: LineIndex,
    readonly property: string,
    readonly value: string,
    readonly valueStart: number,
    readonly valueEnd: number,
    start: number,
    end: number,
    readonly origin: StyleOrigin,
    readonly groupId: number,
    readonly customPropertiesAllowed: boolean,
    readonly atRules: string[],
  ) {
    this.#lines = lines;
    this.#start = start;
    this.#end = end;
  }

  get valueRange(): Range {
    return this.#lines.rangeAt(this.valueStart, this.valueEnd);
  }

  get range(): Range {
    return this.#lines.rangeAt(this.#start, this.#end);
  }
}
