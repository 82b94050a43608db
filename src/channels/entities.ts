/**
 * Decoding of HTML character references with a map back to the raw text, the way parse5 decodes
 * them (it uses the same `entities` decoder), so that every decoded offset maps to its place in
 * the file.
 */
import type { EntityDecoderModule } from './deps.js';

export interface DecodedText {
  text: string;
  /**
   * `[textOffset, rawOffset]` after each decoded reference, ascending; offsets between anchors
   * map linearly from the previous anchor (or from 0/0). Empty when nothing was decoded.
   */
  anchors: Array<[number, number]>;
}

/**
 * Anchors (relative to `rawStart`) where the source of consecutive characters jumps, given the
 * source offset of every character; with `rawEnd`, also one at the end of the text when its last
 * character was decoded from more than one source character (`\"`, `&amp;`, `""`).
 */
export function anchorsOf(sources: readonly number[], rawStart: number, rawEnd?: number): Array<[number, number]> {
  const anchors: Array<[number, number]> = [];
  for (let i = 0; i < sources.length; i++) {
    const expected = i === 0 ? rawStart : sources[i - 1]! + 1;
    if (sources[i] !== expected) anchors.push([i, sources[i]! - rawStart]);
  }
  const last = sources[sources.length - 1];
  if (rawEnd !== undefined && last !== undefined && last + 1 !== rawEnd) anchors.push([sources.length, rawEnd - rawStart]);
  return anchors;
}

export type DecodeMode = 'text' | 'attribute';

export type HtmlDecoder = (raw: string, mode: DecodeMode) => DecodedText;

export function createHtmlDecoder(module: EntityDecoderModule): HtmlDecoder {
  const { HtmlEntityDecoder, DecodingMode } = module;
  let codePoints: number[] = [];
  const decoder = new HtmlEntityDecoder((codePoint) => {
    codePoints.push(codePoint);
  });
  return (raw, mode) => {
    let amp = raw.indexOf('&');
    if (amp < 0) return { text: raw, anchors: [] };
    const anchors: Array<[number, number]> = [];
    let text = '';
    let copied = 0;
    while (amp >= 0) {
      codePoints = [];
      decoder.startEntity(mode === 'attribute' ? DecodingMode.Attribute : DecodingMode.Legacy);
      let consumed = decoder.write(raw, amp + 1);
      if (consumed < 0) consumed = decoder.end();
      if (consumed > 0 && codePoints.length > 0) {
        text += raw.slice(copied, amp) + String.fromCodePoint(...codePoints);
        copied = amp + consumed;
        anchors.push([text.length, copied]);
        amp = raw.indexOf('&', copied);
      } else {
        amp = raw.indexOf('&', amp + 1);
      }
    }
    text += raw.slice(copied);
    return { text, anchors };
  };
}

/** Maps an offset of decoded text to the raw offset (start of the character). */
export function rawOffsetOf(anchors: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let textAt = 0;
  let rawAt = 0;
  // Anchors are few per value; a linear scan is cheaper than a search for them.
  for (const [text, raw] of anchors) {
    if (text > offset) break;
    textAt = text;
    rawAt = raw;
  }
  return rawAt + (offset - textAt);
}
