/**
 * `JSON.stringify(value, null, 2)` written in pieces: the large parts of a report (its results)
 * are holes in a template, filled one item at a time, so a report of any size is written without
 * being held whole in memory. The text is exactly what `JSON.stringify(value, null, 2)` gives.
 */
import { stringifyAtDepth } from '../core/json-at-depth.js';

const HOLE_PREFIX = '\u0000brandlint-hole:';

/** A placeholder for `value` in a template: filled by the hole of the same name. */
export function hole(name: string): string {
  return `${HOLE_PREFIX}${name}`;
}

/**
 * What fills a hole: the JSON text of a value, given the indentation of the line it starts on
 * (pieces of text, or of UTF-8 bytes with `Piece`).
 */
export type HoleFiller<Piece = string> = (indent: string) => Iterable<string | Piece>;

/** `literal` rewrites the template's own text (not what the fillers give), e.g. to escape it. */
export function* stringifyWithHoles<Piece = string>(
  template: unknown,
  fillers: Readonly<Record<string, HoleFiller<Piece>>>,
  literal: (text: string) => string = (text) => text,
): Generator<string | Piece> {
  const text = JSON.stringify(template, null, 2);
  // A hole is a string value, written JSON-escaped: "\u0000brandlint-hole:name".
  const pattern = /"\\u0000brandlint-hole:([^"]+)"/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    yield literal(text.slice(at, match.index));
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const indent = /^ */.exec(text.slice(lineStart))![0];
    const fill = fillers[match[1]!];
    if (!fill) throw new Error(`no filler for ${match[1]}`);
    yield* fill(indent);
    at = match.index + match[0].length;
  }
  yield literal(text.slice(at));
}

/**
 * A hole filled with an array of items, each stringified as `JSON.stringify` would inside it
 * (`text` gives an item's text at a depth, by default {@link stringifyAtDepth}).
 */
export function arrayHole<Item, Piece = string>(items: Iterable<Item>, text: (item: Item, depth: number) => string | Piece = stringifyAtDepth): HoleFiller<Piece> {
  return function* (indent) {
    const inner = `${indent}  `;
    let first = true;
    for (const item of items) {
      yield `${first ? '[\n' : ',\n'}${inner}`;
      yield text(item, inner.length / 2);
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
  };
}

/** A hole filled with a value known only once the others were written (totals). */
export function valueHole(value: () => unknown): HoleFiller {
  return function* (indent) {
    yield JSON.stringify(value(), null, 2).replace(/\n/g, `\n${indent}`);
  };
}
