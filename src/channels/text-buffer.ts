/**
 * Builds one text run from pieces of the file (text nodes, decoded attribute values) that may be
 * apart in the file, keeping a map from every text offset back to its file offset.
 */
import type { ProseScope, TextRun } from '../core/document.js';
import type { LineIndex } from '../core/position.js';
import type { DecodedText } from './entities.js';
import { findTemplateSpans, isOnlyTemplate } from './template.js';

interface Segment {
  /** Text offsets `[t0, t1)` of the run. */
  t0: number;
  t1: number;
  /** `[textOffset, fileOffset]`, the first at `t0`. */
  anchors: Array<[number, number]>;
  /** File offset just after the segment. */
  fileEnd: number;
}

/** Edge characters that are not prose: whitespace, zero-width joiners and spacers used in preheaders. */
const EDGE = /[\s\u00ad\u034f\u200b-\u200d\u2060\ufeff]/;

export class TextBuffer {
  private text = '';
  private segments: Segment[] = [];

  get isEmpty(): boolean {
    return this.segments.length === 0;
  }

  /**
   * Adds decoded text whose raw form is `[rawStart, rawEnd)` of the scanned text; `map` turns
   * scanned offsets into file offsets.
   */
  append(decoded: DecodedText, rawStart: number, rawEnd: number, map: (offset: number) => number): void {
    if (decoded.text === '') return;
    const t0 = this.text.length;
    const anchors: Array<[number, number]> = [[t0, map(rawStart)]];
    for (const [t, raw] of decoded.anchors) anchors.push([t0 + t, map(rawStart + raw)]);
    this.text += decoded.text;
    this.segments.push({ t0, t1: this.text.length, anchors, fileEnd: map(rawEnd) });
  }

  /** The run, trimmed; null when nothing but whitespace or template tags is left. */
  toRun(
    lines: LineIndex,
    fields: { scope: ProseScope; messageId: string; elementId?: number; locale?: string; blockId?: number },
  ): TextRun | null {
    const { text } = this;
    let a = 0;
    let b = text.length;
    while (a < b && EDGE.test(text[a]!)) a++;
    while (b > a && EDGE.test(text[b - 1]!)) b--;
    if (a >= b) return null;
    const runText = text.slice(a, b);
    const spans = findTemplateSpans(runText);
    if (spans.length > 0 && isOnlyTemplate(runText, spans)) return null;
    const start = this.mapStart(a);
    const end = Math.max(start, this.mapEnd(b));

    // `[textOffset, fileOffset, fileEnd of the previous segment when this starts a new one]`.
    // Index loops, no destructuring: this runs once per text run of every page, and V8 compiles
    // an array pattern into the whole iterator protocol.
    const candidates: Array<[number, number, number?]> = [[0, start]];
    let previousEnd: number | undefined;
    for (const segment of this.segments) {
      if (segment.t0 >= b) break;
      const { anchors } = segment;
      for (let index = 0; index < anchors.length; index++) {
        const t = anchors[index]![0];
        const file = anchors[index]![1];
        // A segment's first anchor at `b` starts text that is not in the run.
        if (t <= a || t > b || (index === 0 && t === b)) continue;
        const gapEnd = index === 0 ? previousEnd : undefined;
        const candidate: [number, number, number?] = gapEnd !== undefined && gapEnd !== file ? [t - a, file, gapEnd] : [t - a, file];
        const previous = candidates[candidates.length - 1]!;
        if (previous[0] === t - a) candidates[candidates.length - 1] = previous[2] !== undefined && candidate[2] === undefined ? [t - a, file, previous[2]] : candidate;
        else candidates.push(candidate);
      }
      previousEnd = segment.fileEnd;
    }
    const sourceMap: TextRun['sourceMap'] = [];
    let lastText = 0;
    let lastFile = start;
    for (let i = 1; i < candidates.length; i++) {
      const candidate = candidates[i]!;
      const t = candidate[0];
      const file = candidate[1];
      const gapEnd = candidate[2];
      if (file === lastFile + (t - lastText) && gapEnd === undefined) continue;
      sourceMap.push(gapEnd === undefined ? [t, file] : [t, file, gapEnd]);
      lastText = t;
      lastFile = file;
    }
    const run: TextRun = { text: runText, range: lines.rangeAt(start, end), scope: fields.scope, messageId: fields.messageId, sourceMap };
    if (fields.locale !== undefined) run.locale = fields.locale;
    if (fields.elementId !== undefined) run.elementId = fields.elementId;
    if (fields.blockId !== undefined) run.blockId = fields.blockId;
    return run;
  }

  private mapStart(t: number): number {
    const segment = this.segments.find((s) => t >= s.t0 && t < s.t1) ?? this.segments[this.segments.length - 1]!;
    return along(segment.anchors, t);
  }

  private mapEnd(t: number): number {
    const segment = this.segments.find((s) => t > s.t0 && t <= s.t1) ?? this.segments[0]!;
    return t === segment.t1 ? segment.fileEnd : along(segment.anchors, t);
  }
}

function along(anchors: ReadonlyArray<readonly [number, number]>, t: number): number {
  let anchor = anchors[0]!;
  for (const candidate of anchors) {
    if (candidate[0] > t) break;
    anchor = candidate;
  }
  return anchor[1] + (t - anchor[0]);
}
