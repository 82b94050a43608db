/**
 * Tailwind arbitrary values in `class` attributes (`bg-[#1d4ed8]`, `text-[13px]`,
 * `font-['Lobster']`, `[color:#333]`) as declarations. The value is the text between the brackets
 * as written (underscores stand for spaces there); variants become at-rules (`md:`, `dark:`) or a
 * pseudo-class selector (`hover:`).
 */

export interface TailwindDeclaration {
  property: string;
  value: string;
  /** Offsets in the scanned class text: the value, and the whole class token. */
  valueStart: number;
  valueEnd: number;
  tokenStart: number;
  tokenEnd: number;
  token: string;
  important: boolean;
  atRules: string[];
  selector?: string;
}

const SCREENS: Record<string, string> = {
  sm: '@media (min-width: 640px)',
  md: '@media (min-width: 768px)',
  lg: '@media (min-width: 1024px)',
  xl: '@media (min-width: 1280px)',
  '2xl': '@media (min-width: 1536px)',
  dark: '@media (prefers-color-scheme: dark)',
  print: '@media print',
  'motion-safe': '@media (prefers-reduced-motion: no-preference)',
  'motion-reduce': '@media (prefers-reduced-motion: reduce)',
  portrait: '@media (orientation: portrait)',
  landscape: '@media (orientation: landscape)',
  'contrast-more': '@media (prefers-contrast: more)',
};

const TYPE_HINT = /^(color|length|percentage|number|family-name|url|image|position|size|line-width|absolute-size|relative-size|angle|bg-size|weight):/;
const COLOR = /^(#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|var)\(.*|[a-z]+)$/i;
const LENGTH = /^(-?[\d.]+(px|rem|em|%|vw|vh|vmin|vmax|pt|pc|ch|ex|lh|rlh|svh|lvh|dvh|cm|mm|in|q)?|(calc|clamp|min|max)\(.*)$/i;
const WEIGHT = /^(\d{1,3}|bold|bolder|lighter|normal)$/i;

const COLOR_UTILITIES: Record<string, string> = {
  bg: 'background-color',
  border: 'border-color',
  'border-t': 'border-top-color',
  'border-r': 'border-right-color',
  'border-b': 'border-bottom-color',
  'border-l': 'border-left-color',
  'border-x': 'border-color',
  'border-y': 'border-color',
  'border-s': 'border-color',
  'border-e': 'border-color',
  outline: 'outline-color',
  decoration: 'text-decoration-color',
  accent: 'accent-color',
  caret: 'caret-color',
  fill: 'fill',
  stroke: 'stroke',
  from: 'background-color',
  via: 'background-color',
  to: 'background-color',
};

/** Declarations of every arbitrary-value class in a `class` attribute's text. */
export function tailwindDeclarations(classText: string, options: { image: boolean }): TailwindDeclaration[] {
  if (!classText.includes('[')) return [];
  const found: TailwindDeclaration[] = [];
  const tokens = /\S+/g;
  for (let match = tokens.exec(classText); match; match = tokens.exec(classText)) {
    const token = match[0];
    if (!token.includes('[') || /\{\{|\{%|\*\||%%|<%/.test(token)) continue;
    const declaration = readToken(token, match.index, options);
    if (declaration) found.push(declaration);
  }
  return found;
}

function readToken(token: string, tokenStart: number, options: { image: boolean }): TailwindDeclaration | null {
  // Variants are separated by `:` outside brackets and quotes.
  const parts: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let quote = '';
  let partStart = 0;
  for (let i = 0; i < token.length; i++) {
    const char = token[i]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === ':' && depth === 0) {
      parts.push({ text: token.slice(partStart, i), start: partStart });
      partStart = i + 1;
    }
  }
  parts.push({ text: token.slice(partStart), start: partStart });
  const utility = parts.pop()!;
  let text = utility.text;
  let offset = utility.start;
  let important = false;
  if (text.startsWith('!')) {
    important = true;
    text = text.slice(1);
    offset++;
  }
  if (text.endsWith('!')) {
    important = true;
    text = text.slice(0, -1);
  }
  if (text.startsWith('-')) {
    text = text.slice(1);
    offset++;
  }
  let property: string | null = null;
  let open: number;
  let name = '';
  if (text.startsWith('[')) {
    open = 0;
  } else {
    open = text.indexOf('-[');
    if (open <= 0) return null;
    name = text.slice(0, open);
    open += 1;
  }
  const close = matchingBracket(text, open);
  if (close < 0) return null;
  const rest = text.slice(close + 1);
  if (rest !== '' && !rest.startsWith('/')) return null;
  let valueStart = open + 1;
  let value = text.slice(valueStart, close);
  if (name === '') {
    // Arbitrary property: [color:#333]
    const colon = value.indexOf(':');
    if (colon <= 0) return null;
    property = value.slice(0, colon).trim().toLowerCase();
    valueStart += colon + 1;
    value = value.slice(colon + 1);
  } else {
    const hint = TYPE_HINT.exec(value);
    if (hint) {
      valueStart += hint[0].length;
      value = value.slice(hint[0].length);
    }
    property = propertyOf(name, value, hint?.[1], options);
  }
  if (!property || value === '') return null;
  const { atRules, selector } = variantsOf(parts.map((part) => part.text));
  const start = tokenStart + offset + valueStart;
  return {
    property,
    value,
    valueStart: start,
    valueEnd: start + value.length,
    tokenStart,
    tokenEnd: tokenStart + token.length,
    token,
    important,
    atRules,
    ...(selector ? { selector } : {}),
  };
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
  }
  return -1;
}

function propertyOf(name: string, value: string, hint: string | undefined, options: { image: boolean }): string | null {
  const kind = hint === 'color' ? 'color' : hint ? 'other' : COLOR.test(value) ? 'color' : LENGTH.test(value) ? 'length' : 'other';
  switch (name) {
    case 'text':
      if (kind === 'color') return 'color';
      if (kind === 'length' || hint === 'length' || hint === 'absolute-size' || hint === 'relative-size') return 'font-size';
      return null;
    case 'font':
      if (hint === 'family-name') return 'font-family';
      if (hint === 'weight' || hint === 'number' || WEIGHT.test(value)) return 'font-weight';
      return 'font-family';
    case 'stroke':
      if (kind === 'color') return 'stroke';
      return kind === 'length' || hint === 'length' || hint === 'number' ? 'stroke-width' : null;
    case 'w':
      return options.image ? 'width' : null;
    case 'h':
      return options.image ? 'height' : null;
    default: {
      const property = COLOR_UTILITIES[name];
      return property && kind === 'color' ? property : null;
    }
  }
}

function variantsOf(variants: readonly string[]): { atRules: string[]; selector?: string } {
  const atRules: string[] = [];
  const pseudo: string[] = [];
  for (const variant of variants) {
    const screen = SCREENS[variant];
    if (screen) atRules.push(screen);
    else if (/^min-\[(.+)\]$/.test(variant)) atRules.push(`@media (min-width: ${variant.slice(5, -1)})`);
    else if (/^max-\[(.+)\]$/.test(variant)) atRules.push(`@media (max-width: ${variant.slice(5, -1)})`);
    else if (/^max-(sm|md|lg|xl|2xl)$/.test(variant)) atRules.push(`@media not all and ${SCREENS[variant.slice(4)]!.slice(7)}`);
    else if (/^supports-\[(.+)\]$/.test(variant)) atRules.push(`@supports (${variant.slice(10, -1).replace(/_/g, ' ')})`);
    else pseudo.push(`:${variant}`);
  }
  return pseudo.length > 0 ? { atRules, selector: pseudo.join('') } : { atRules };
}
