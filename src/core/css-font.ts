/**
 * CSS font values as content writes them: `font-family` stacks and the `font` shorthand, with the
 * offset of every part, plus the list of fallback families every reader has (generic families,
 * web-safe and email-safe fonts, system UI fonts).
 *
 * Offsets are into the string given, plus the `offset` argument: pass a declaration's
 * `valueStart` to get file offsets.
 */

/** CSS generic font families (CSS Fonts 4), matched ASCII case-insensitively when unquoted. */
export const GENERIC_FONT_FAMILIES: readonly string[] = [
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  'math',
  'emoji',
  'fangsong',
];

/**
 * Fonts that are installed for (nearly) every reader, so a stack may fall back to them without
 * loading anything: the classic web-safe fonts that email clients render, and the system UI fonts
 * of the `system-ui` stack (`-apple-system`, Segoe UI, Roboto, ...) and the emoji fonts.
 *
 * Roboto is here as Android's system font; a stack that *starts* with it is still reported by
 * `font-family-off-brand`, because a fallback never leads.
 */
export const SAFE_FALLBACK_FAMILIES: readonly string[] = [
  // Web-safe and email-safe sans-serif
  'Arial',
  'Helvetica',
  'Helvetica Neue',
  'Verdana',
  'Tahoma',
  'Trebuchet MS',
  'Lucida Grande',
  'Lucida Sans Unicode',
  // serif
  'Georgia',
  'Times New Roman',
  'Times',
  'Palatino',
  'Palatino Linotype',
  'Book Antiqua',
  // monospace
  'Courier New',
  'Courier',
  'Lucida Console',
  'Monaco',
  'Menlo',
  'Consolas',
  'SF Mono',
  'Liberation Mono',
  // system UI fonts
  '-apple-system',
  'BlinkMacSystemFont',
  'Segoe UI',
  'Roboto',
  'Oxygen',
  'Oxygen-Sans',
  'Ubuntu',
  'Cantarell',
  'Noto Sans',
  // emoji
  'Apple Color Emoji',
  'Segoe UI Emoji',
  'Segoe UI Symbol',
  'Noto Color Emoji',
];

/** CSS-wide keywords: a whole value that is one of these sets no family of its own. */
export const CSS_WIDE_KEYWORDS: readonly string[] = ['inherit', 'initial', 'unset', 'revert', 'revert-layer'];

/** `font: caption` and friends: system font keywords that stand for a whole `font` shorthand. */
export const SYSTEM_FONT_KEYWORDS: readonly string[] = ['caption', 'icon', 'menu', 'message-box', 'small-caption', 'status-bar'];

/** How a family name compares: quotes removed, whitespace collapsed, lower case. */
export function normalizeFamilyName(name: string): string {
  return name
    .replace(/^\s*(['"])(.*)\1\s*$/s, '$2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const GENERIC_SET = new Set(GENERIC_FONT_FAMILIES);
const FALLBACK_SET = new Set(SAFE_FALLBACK_FAMILIES.map(normalizeFamilyName));

/** Whether a family of a stack is a generic family or a web-safe/system fallback (case-insensitive). */
export function isFallbackFamily(family: Pick<FontFamily, 'name' | 'kind'>): boolean {
  return family.kind === 'generic' || FALLBACK_SET.has(normalizeFamilyName(family.name));
}

export interface FontFamily {
  /** The family name: unquoted, CSS escapes resolved, inner whitespace collapsed (`Source Sans 3`). */
  name: string;
  /** As written, quotes included (`'Source Sans 3'`). */
  raw: string;
  start: number;
  end: number;
  quoted: boolean;
  /**
   * `name`: a font family; `generic`: an unquoted generic family (`sans-serif`); `keyword`: an
   * unquoted CSS-wide keyword (`inherit`); `dynamic`: a value only known later (`var(--font)`,
   * `$font-body`, `#{...}`, `theme(...)`, template tags) or anything else that is not a name.
   */
  kind: 'name' | 'generic' | 'keyword' | 'dynamic';
}

const DYNAMIC = /[()$@{}%|<>]/;
const IDENTIFIER_SEQUENCE = /^-?(?:[a-z_\u00a0-\uffff0-9-]|\\.)+(?:\s+-?(?:[a-z_\u00a0-\uffff0-9-]|\\.)+)*$/i;

/**
 * Splits a `font-family` value into its families, with their offsets.
 *
 * ```ts
 * parseFontFamilyList(`'Source Sans 3', Helvetica Neue, sans-serif`)
 * // [{ name: 'Source Sans 3', raw: "'Source Sans 3'", start: 0, end: 15, quoted: true, kind: 'name' },
 * //  { name: 'Helvetica Neue', ..., start: 17, end: 31, kind: 'name' },
 * //  { name: 'sans-serif', ..., start: 33, end: 43, kind: 'generic' }]
 * ```
 *
 * Empty items (`Arial,,serif`) are left out. Commas inside parentheses and strings do not split.
 */
export function parseFontFamilyList(value: string, offset = 0): FontFamily[] {
  const families: FontFamily[] = [];
  for (const [itemStart, itemEnd] of splitTopLevel(value, ',', 0, value.length)) {
    const raw = value.slice(itemStart, itemEnd);
    const trimmedStart = itemStart + (raw.length - raw.trimStart().length);
    const text = raw.trim();
    if (text === '') continue;
    const start = trimmedStart + offset;
    const end = trimmedStart + text.length + offset;
    const quote = text[0];
    if ((quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote) && closingQuoteAt(text, 0) === text.length - 1) {
      families.push({ name: unescapeCss(text.slice(1, -1)).replace(/\s+/g, ' ').trim(), raw: text, start, end, quoted: true, kind: 'name' });
      continue;
    }
    if (DYNAMIC.test(text) || !IDENTIFIER_SEQUENCE.test(text)) {
      families.push({ name: text, raw: text, start, end, quoted: false, kind: 'dynamic' });
      continue;
    }
    const name = unescapeCss(text).replace(/\s+/g, ' ');
    const lower = name.toLowerCase();
    const kind = GENERIC_SET.has(lower) ? 'generic' : CSS_WIDE_KEYWORDS.includes(lower) ? 'keyword' : 'name';
    families.push({ name, raw: text, start, end, quoted: false, kind });
  }
  return families;
}

/** A part of a `font` shorthand as written, with offsets. */
export interface FontPart {
  text: string;
  start: number;
  end: number;
}

export interface FontShorthand {
  /** `italic`, `oblique 10deg`, ... */
  style?: FontPart;
  /** `small-caps`. */
  variant?: FontPart;
  /**
   * The weight when written as a number or `bold`/`bolder`/`lighter`. A lone `normal` is
   * ambiguous (style, variant or weight) and is not reported as the weight.
   */
  weight?: FontPart;
  stretch?: FontPart;
  /** The font size (a length, percentage, size keyword or math function). */
  size?: FontPart;
  lineHeight?: FontPart;
  families: FontFamily[];
  /** `font: caption`: a system font keyword instead of size and family. */
  systemFont?: FontPart;
}

const FONT_STYLES = new Set(['italic', 'oblique']);
const FONT_VARIANTS = new Set(['small-caps']);
const FONT_STRETCHES = new Set([
  'ultra-condensed',
  'extra-condensed',
  'condensed',
  'semi-condensed',
  'semi-expanded',
  'expanded',
  'extra-expanded',
  'ultra-expanded',
]);
const SIZE_KEYWORDS = new Set(['xx-small', 'x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'xxx-large', 'smaller', 'larger']);
const SIZE_FUNCTIONS = /^(?:calc|clamp|min|max)\(/i;
const LENGTH_OR_PERCENT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:[a-z]+|%)$|^0$/i;

/**
 * Reads a `font` shorthand: `[style] [variant] [weight] [stretch] size[/line-height] family, ...`.
 *
 * ```ts
 * parseFontShorthand(`700 16px/1.5 'Source Sans 3', Arial`)
 * // { weight: { text: '700', start: 0, end: 3 }, size: { text: '16px', start: 4, end: 8 },
 * //   lineHeight: { text: '1.5', start: 9, end: 12 }, families: [ 'Source Sans 3' (13..28), 'Arial' (30..35) ] }
 * ```
 *
 * Null when the value is not a shorthand this can read exactly: a CSS-wide keyword, `var()`
 * or `env()` anywhere (they may stand for several parts), SCSS variables or interpolation,
 * template syntax, or no size.
 */
export function parseFontShorthand(value: string, offset = 0): FontShorthand | null {
  if (/\b(?:var|env)\(|[$@{}%|<>]/i.test(value.replace(/\d%/g, '0'))) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const lower = trimmed.toLowerCase();
  const leading = value.length - value.trimStart().length;
  if (CSS_WIDE_KEYWORDS.includes(lower)) return null;
  if (SYSTEM_FONT_KEYWORDS.includes(lower)) {
    return { families: [], systemFont: { text: trimmed, start: leading + offset, end: leading + trimmed.length + offset } };
  }

  const result: FontShorthand = { families: [] };
  let index = 0;
  const skipSpace = () => {
    while (index < value.length && /\s/.test(value[index] ?? '')) index++;
  };
  /** The next word: up to whitespace, `/` or `,` outside parentheses. */
  const readWord = (): FontPart | null => {
    const start = index;
    let depth = 0;
    while (index < value.length) {
      const char = value[index] ?? '';
      if (char === '(') depth++;
      else if (char === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (/\s/.test(char) || char === '/' || char === ',')) break;
      index++;
    }
    return index > start ? { text: value.slice(start, index), start: start + offset, end: index + offset } : null;
  };

  for (;;) {
    skipSpace();
    if (index >= value.length) return null;
    const char = value[index];
    if (char === '"' || char === "'" || char === ',' || char === '/') return null;
    const wordStart = index;
    const word = readWord();
    if (!word) return null;
    const lowerWord = word.text.toLowerCase();
    if (LENGTH_OR_PERCENT.test(word.text) || SIZE_KEYWORDS.has(lowerWord) || SIZE_FUNCTIONS.test(word.text)) {
      result.size = word;
      break;
    }
    if (/^\d+(?:\.\d+)?$/.test(word.text) || lowerWord === 'bold' || lowerWord === 'bolder' || lowerWord === 'lighter') {
      if (result.weight) return null;
      result.weight = word;
    } else if (FONT_STYLES.has(lowerWord)) {
      result.style = word;
      if (lowerWord === 'oblique') {
        // `oblique 10deg`: the angle belongs to the style.
        const save = index;
        skipSpace();
        const angle = readWord();
        if (angle && /deg|grad|rad|turn$/i.test(angle.text) && /^[+-]?[\d.]/.test(angle.text)) {
          result.style = { text: value.slice(wordStart, index), start: word.start, end: angle.end };
        } else index = save;
      }
    } else if (FONT_VARIANTS.has(lowerWord)) result.variant = word;
    else if (FONT_STRETCHES.has(lowerWord)) result.stretch = word;
    else if (lowerWord !== 'normal') return null;
  }

  skipSpace();
  if (value[index] === '/') {
    index++;
    skipSpace();
    const lineHeight = readWord();
    if (!lineHeight) return null;
    result.lineHeight = lineHeight;
    skipSpace();
  }
  if (index >= value.length) return null;
  result.families = parseFontFamilyList(value.slice(index), index + offset);
  if (result.families.length === 0) return null;
  return result;
}

/** `[start, end)` of each part of `value[from, to)` between top-level `separator`s (outside quotes and parentheses). */
function splitTopLevel(value: string, separator: string, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let partStart = from;
  for (let i = from; i < to; i++) {
    const char = value[i];
    if (char === '\\') {
      i++;
    } else if (char === '"' || char === "'") {
      const close = closingQuoteAt(value, i);
      i = close === -1 ? to : close;
    } else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      parts.push([partStart, i]);
      partStart = i + 1;
    }
  }
  parts.push([partStart, to]);
  return parts;
}

/** Index of the quote closing the string that opens at `open`, or -1. */
function closingQuoteAt(value: string, open: number): number {
  const quote = value[open];
  for (let i = open + 1; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === quote) return i;
  }
  return -1;
}

/** Resolves CSS escapes (`\27`, `\ `) in a name. */
function unescapeCss(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6}\s?|[\s\S])/gi, (_match, escape: string) => {
    if (/^[0-9a-f]/i.test(escape) && /^[0-9a-f]{1,6}\s?$/i.test(escape)) {
      const code = Number.parseInt(escape.trim(), 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return escape;
  });
}
