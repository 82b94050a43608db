/**
 * `JSON.stringify(value, null, 2)` written in pieces: the large parts of a report (its results)
 * are holes in a template, filled one item at a time, so a report of any size is written without
 * being held whole in memory. The text is exactly what `JSON.stringify(value, null, 2)` gives.
 */
const HOLE_PREFIX = '\u0000brandlint-hole:';

/** A placeholder for `value` in a template: filled by the hole of the same name. */
export function hole(name: string): string {
  return `${HOLE_PREFIX}${name}`;
}

/** What fills a hole: the JSON text of a value, given the indentation of the line it starts on. */
export type HoleFiller = (indent: string) => Iterable<string>;

export function* stringifyWithHoles(template: unknown, fillers: Readonly<Record<string, HoleFiller>>): Generator<string> {
  const text = JSON.stringify(template, null, 2);
  // A hole is a string value, written JSON-escaped: "\u0000brandlint-hole:name".
  const pattern = /"\\u0000brandlint-hole:([^"]+)"/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    yield text.slice(at, match.index);
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const indent = /^ */.exec(text.slice(lineStart))![0];
    const fill = fillers[match[1]!];
    if (!fill) throw new Error(`no filler for ${match[1]}`);
    yield* fill(indent);
    at = match.index + match[0].length;
  }
  yield text.slice(at);
}

/** A hole filled with an array of items (each stringified as `JSON.stringify` would inside it). */
export function arrayHole<Item>(items: Iterable<Item>): HoleFiller {
  return function* (indent) {
    const inner = `${indent}  `;
    let first = true;
    for (const item of items) {
      yield `${first ? '[\n' : ',\n'}${inner}${stringifyAtDepth(item, inner.length / 2)}`;
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
  };
}

/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels down: its lines after the first
 * indented by 2 x depth spaces. Made by stringifying the value inside `depth` arrays and cutting
 * them away, which is cheaper than indenting every line of a large value afterwards.
 */
function stringifyAtDepth(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each wrapping array adds `[` + newline + its indentation before, and newline + indentation + `]` after.
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    head += 2 + 2 * (level + 1);
    tail += 2 + 2 * level;
  }
  return text.slice(head, text.length - tail);
}

/** A hole filled with a value known only once the others were written (totals). */
export function valueHole(value: () => unknown): HoleFiller {
  return function* (indent) {
    yield JSON.stringify(value(), null, 2).replace(/\n/g, `\n${indent}`);
  };
}
