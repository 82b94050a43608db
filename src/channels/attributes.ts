/**
 * A start-tag scanner that gives every attribute's name and value offsets, as the HTML tokenizer
 * reads them (double, single and unquoted values, whitespace around `=`). Template tags between
 * attributes (`<td {% if x %}bgcolor="red"{% endif %}>`) are skipped, not read as attributes.
 */
import { templateSpanAt } from './template.js';

export interface RawAttribute {
  /** Lower-case name. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value without its quotes; a bare attribute has an empty value at `nameEnd`. */
  valueStart: number;
  valueEnd: number;
  /** The quote around the value, `''` when unquoted, null when there is no value. */
  quote: '"' | "'" | '' | null;
}

export interface StartTag {
  /** Lower-case tag name as written. */
  name: string;
  attributes: RawAttribute[];
  /** Offset after the closing `>` (or where the scan stopped). */
  end: number;
  /** Written `<tag ... />`. */
  selfClosing: boolean;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Reads the start tag at `start` (which must be `<`), not past `limit`. */
export function scanStartTag(html: string, start: number, limit: number = html.length): StartTag | null {
  if (html.charCodeAt(start) !== 60 /* < */) return null;
  let at = start + 1;
  const nameStart = at;
  while (at < limit) {
    const code = html.charCodeAt(at);
    if (isSpace(code) || code === 47 /* / */ || code === 62 /* > */) break;
    at++;
  }
  if (at === nameStart) return null;
  const tag: StartTag = { name: html.slice(nameStart, at).toLowerCase(), attributes: [], end: limit, selfClosing: false };
  while (at < limit) {
    const code = html.charCodeAt(at);
    if (isSpace(code)) {
      at++;
      continue;
    }
    if (code === 62 /* > */) {
      tag.end = at + 1;
      return tag;
    }
    if (code === 47 /* / */) {
      if (html.charCodeAt(at + 1) === 62) {
        tag.selfClosing = true;
        tag.end = at + 2;
        return tag;
      }
      at++;
      continue;
    }
    const template = templateSpanAt(html, at);
    if (template && template.end <= limit) {
      at = template.end;
      continue;
    }
    // Attribute name: a leading `=` belongs to the name, as in the tokenizer.
    const attrNameStart = at;
    at++;
    while (at < limit) {
      const c = html.charCodeAt(at);
      if (isSpace(c) || c === 47 || c === 62 || c === 61 /* = */) break;
      at++;
    }
    const attribute: RawAttribute = {
      name: html.slice(attrNameStart, at).toLowerCase(),
      nameStart: attrNameStart,
      nameEnd: at,
      valueStart: at,
      valueEnd: at,
      quote: null,
    };
    tag.attributes.push(attribute);
    let look = at;
    while (look < limit && isSpace(html.charCodeAt(look))) look++;
    if (html.charCodeAt(look) !== 61 /* = */) {
      at = look;
      continue;
    }
    look++;
    while (look < limit && isSpace(html.charCodeAt(look))) look++;
    const quote = html.charCodeAt(look);
    if (quote === 34 || quote === 39) {
      const close = html.indexOf(quote === 34 ? '"' : "'", look + 1);
      const valueEnd = close < 0 || close >= limit ? limit : close;
      attribute.quote = quote === 34 ? '"' : "'";
      attribute.valueStart = look + 1;
      attribute.valueEnd = valueEnd;
      at = Math.min(limit, valueEnd + 1);
    } else {
      let end = look;
      while (end < limit) {
        const c = html.charCodeAt(end);
        if (isSpace(c) || c === 62) break;
        end++;
      }
      attribute.quote = '';
      attribute.valueStart = look;
      attribute.valueEnd = end;
      at = end;
    }
  }
  tag.end = at;
  return tag;
}

/** An attribute as parse5 gives it: its name (lower case, `prefix:name` for a foreign one) and where it starts. */
export interface LocatedAttribute {
  name: string;
  start: number;
}

/**
 * The start tag at `start`, ending at `end`, from the attributes parse5 located: the same
 * result as `scanStartTag` without reading the names again. The caller makes sure that no
 * template tag and no duplicate attribute is inside the tag (the scanner reads those its own
 * way); null when the markup is not what parse5's names say (a name that is not ASCII, a tag
 * name other than `name`), so that the caller scans the tag instead.
 */
export function locatedStartTag(
  html: string,
  name: string,
  start: number,
  end: number,
  attributes: readonly LocatedAttribute[],
  limit: number = html.length,
): StartTag | null {
  if (html.charCodeAt(start) !== 60 /* < */ || end > limit || !sameName(html, start + 1, name)) return null;
  const afterName = html.charCodeAt(start + 1 + name.length);
  if (!(isSpace(afterName) || afterName === 47 || afterName === 62)) return null;
  const tag: StartTag = { name, attributes: [], end, selfClosing: false };
  let lastUnquotedEnd = -1;
  for (const located of attributes) {
    lastUnquotedEnd = -1;
    const nameStart = located.start;
    const nameEnd = nameStart + located.name.length;
    if (!sameName(html, nameStart, located.name)) return null;
    const attribute: RawAttribute = { name: located.name, nameStart, nameEnd, valueStart: nameEnd, valueEnd: nameEnd, quote: null };
    tag.attributes.push(attribute);
    let look = nameEnd;
    while (look < limit && isSpace(html.charCodeAt(look))) look++;
    if (html.charCodeAt(look) !== 61 /* = */) continue;
    look++;
    while (look < limit && isSpace(html.charCodeAt(look))) look++;
    const quote = html.charCodeAt(look);
    if (quote === 34 || quote === 39) {
      const close = html.indexOf(quote === 34 ? '"' : "'", look + 1);
      attribute.quote = quote === 34 ? '"' : "'";
      attribute.valueStart = look + 1;
      attribute.valueEnd = close < 0 || close >= limit ? limit : close;
    } else {
      let valueEnd = look;
      while (valueEnd < limit) {
        const c = html.charCodeAt(valueEnd);
        if (isSpace(c) || c === 62) break;
        valueEnd++;
      }
      attribute.quote = '';
      attribute.valueStart = look;
      attribute.valueEnd = valueEnd;
      lastUnquotedEnd = valueEnd;
    }
  }
  // `<a href=x/>`: the slash belongs to the unquoted value, the tag is not self-closed.
  tag.selfClosing = html.charCodeAt(end - 2) === 47 && html.charCodeAt(end - 1) === 62 && lastUnquotedEnd !== end - 1;
  return tag;
}

/** Whether `html` holds `name` (ASCII lower case) at `at`, letters in any case. */
function sameName(html: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const expected = name.charCodeAt(i);
    if (expected > 127 || (expected >= 65 && expected <= 90)) return false;
    let code = html.charCodeAt(at + i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== expected) return false;
  }
  return true;
}
