/**
 * The declarations of a plain `style=""` value, read without postcss: most inline styles of an
 * email (`color: #333; font-family: 'Open Sans', Arial; padding: 0 8px`) need no more than a
 * split on `;` and `:`. Only a value whose every character postcss would read the same way is
 * taken: words, spaces, numbers, `#`, `%`, `.`, `,`, `-`, `+`, parentheses (without quotes inside)
 * and quoted strings. Anything else (comments, escapes, braces, `!important`, `@`, template tags,
 * custom properties, a declaration without a value or with a second colon, a non-ASCII character)
 * returns null, and the caller hands the value to postcss (css.ts), which gives the same offsets.
 */

export interface InlineDeclaration {
  /** Start of the property (after leading spaces). */
  start: number;
  propertyEnd: number;
  /** The value after the colon and its spaces, trailing spaces excluded. */
  valueStart: number;
  valueEnd: number;
}

const PLAIN = /^[A-Za-z0-9_ \t\n\r\f#%.,:;()'"+-]*$/;
const PROPERTY = /-?[A-Za-z][\w-]*/y;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/** The declarations of `css` in order, or null when postcss must read it. */
export function plainDeclarations(css: string): InlineDeclaration[] | null {
  // `%%name%%` is a template tag.
  if (!PLAIN.test(css) || css.includes('%%')) return null;
  const declarations: InlineDeclaration[] = [];
  let segmentStart = 0;
  let depth = 0;
  let colons = 0;
  for (let at = 0; at < css.length; at++) {
    const code = css.charCodeAt(at);
    if (code === 34 || code === 39) {
      // A string (postcss reads a quote inside `url(...)` as part of the url: not taken).
      if (depth > 0) return null;
      const close = css.indexOf(code === 34 ? '"' : "'", at + 1);
      if (close < 0) return null;
      at = close;
    } else if (code === 40) depth++;
    else if (code === 41) {
      if (--depth < 0) return null;
    } else if (depth === 0 && code === 58) colons++;
    else if (depth === 0 && code === 59) {
      if (!segment(css, segmentStart, at, colons, declarations)) return null;
      segmentStart = at + 1;
      colons = 0;
    }
  }
  if (depth !== 0 || !segment(css, segmentStart, css.length, colons, declarations)) return null;
  return declarations;
}

/** Adds the declaration of `[from, to)`; false when it is not a plain `property: value`. */
function segment(css: string, from: number, to: number, colons: number, declarations: InlineDeclaration[]): boolean {
  let start = from;
  while (start < to && isSpace(css.charCodeAt(start))) start++;
  if (start === to) return true;
  if (colons !== 1) return false;
  PROPERTY.lastIndex = start;
  if (!PROPERTY.test(css)) return false;
  const propertyEnd = PROPERTY.lastIndex;
  if (propertyEnd > to) return false;
  let at = propertyEnd;
  while (at < to && isSpace(css.charCodeAt(at))) at++;
  if (css.charCodeAt(at) !== 58 /* : */) return false;
  at++;
  while (at < to && isSpace(css.charCodeAt(at))) at++;
  let valueEnd = to;
  while (valueEnd > at && isSpace(css.charCodeAt(valueEnd - 1))) valueEnd--;
  if (valueEnd === at) return false;
  declarations.push({ start, propertyEnd, valueStart: at, valueEnd });
  return true;
}
