/**
 * Value conversion from the loose values other formats write (`"#1f5135"`, `"16px"`, `"150%"`,
 * `"Semi Bold"`, `{x, y, blur, color}`, `"{spacing.base} * 2"`) to DTCG 2025.10 values.
 *
 * A converter returns the DTCG value, or why the value cannot be mapped (the caller drops the
 * token and says so). Whatever is converted under an assumption (an `em` read with a base, a
 * property a DTCG composite has no room for) is a note at the exact place it was written.
 */
import { converter, formatHex, parse as parseCssColor, type Color } from '../../core/culori.js';
import type { JsonNode, Span } from '../dtcg/json.js';
import { toPlain } from '../dtcg/json.js';
import type { TokenType } from '../types.js';
import { dtcgTypeOf, type ImportKind } from './kinds.js';

/** The token a reference names, as the importer knows it. */
export interface ReferenceTarget {
  /** Its dotted DTCG path in the output (what an alias to it says). */
  name: string;
  kind: ImportKind | null;
  /** The DTCG type it is written as (null when it cannot be imported). */
  type(): TokenType | null;
  /** Its value fully resolved (aliases followed), in DTCG form; undefined when it cannot be converted. */
  resolved(): unknown;
}

export interface ConvertEnv {
  /** px per em where an em length has no font size to refer to. */
  emBase: number;
  /** px per rem where px and rem meet in a calculation. */
  remBase: number;
  /** How a bare number reads as a length in this format (`px`; Style Dictionary's `size` category: `rem`). */
  unitless: 'px' | 'rem';
  /** The token a whole-value reference names; `missing` for a reference to nothing; undefined when `text` is no reference. */
  reference(text: string): ReferenceTarget | 'missing' | undefined;
  /** References inside a longer string (`"1px solid {color.border}"`) replaced by their values. */
  substitute(text: string): string;
  /** Says what was converted under an assumption or left out, at `span`. */
  note(span: Span, message: string): void;
}

export type Converted = { value: unknown; type?: TokenType } | { drop: string };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const LENGTH = new RegExp(`^(${NUMBER})\\s*(px|rem|em|pt|%)?$`, 'i');
const DURATION = new RegExp(`^(${NUMBER})\\s*(ms|s)?$`, 'i');

const round = (value: number, digits = 4): number => {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
};

const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

const describe = (node: JsonNode): string => {
  switch (node.kind) {
    case 'string':
      return `"${node.value.length > 60 ? `${node.value.slice(0, 57)}...` : node.value}"`;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return `an ${node.kind}`;
  }
};

/** `text` with the references inside it replaced by their values (said once, at the value). */
function substitute(node: JsonNode, text: string, env: ConvertEnv): string {
  const out = env.substitute(text);
  if (out !== text) env.note(node, `references inside ${quote(text)} are replaced by their values`);
  return out;
}

export function isDrop(converted: Converted): converted is { drop: string } {
  return 'drop' in converted;
}

/** A reference at a position that expects `expected`: kept as an alias when the types agree, else replaced by the value. */
function referenced(node: JsonNode, target: ReferenceTarget, expected: ImportKind, env: ConvertEnv, convert: (value: unknown) => Converted): Converted {
  const targetType = target.type();
  if (targetType === dtcgTypeOf(expected)) return { value: `{${target.name}}` };
  const resolved = target.resolved();
  if (resolved === undefined) return { drop: `it references {${target.name}}, which cannot be imported` };
  const converted = convert(resolved);
  if (isDrop(converted)) return { drop: `it references {${target.name}}, a ${targetType ?? 'untyped'} token, where ${article(dtcgTypeOf(expected))} is expected` };
  env.note(node, `{${target.name}} is a ${targetType ?? 'untyped'} token; its value is written here instead of the reference`);
  return converted;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function referenceIn(node: JsonNode, env: ConvertEnv): ReferenceTarget | 'missing' | undefined {
  return node.kind === 'string' ? env.reference(node.value.trim()) : undefined;
}

/**
 * Plain JSON (a value already in DTCG form, from `ReferenceTarget.resolved`) as a node. It has
 * no place in any file (offsets -1): notes about it are said at the reference instead.
 */
function plainNode(value: unknown): JsonNode {
  const at = { start: -1, end: -1 };
  if (typeof value === 'string') return { kind: 'string', value, ...at };
  if (typeof value === 'number') return { kind: 'number', value, ...at };
  if (typeof value === 'boolean') return { kind: 'boolean', value, ...at };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(plainNode), ...at };
  if (value && typeof value === 'object') {
    return { kind: 'object', ...at, members: Object.entries(value).map(([key, member]) => ({ key, keySpan: at, value: plainNode(member) })) };
  }
  return { kind: 'null', ...at };
}

/** Converts a value of `kind`. `context` carries the font size a composite's relative lengths refer to. */
export function convertValue(node: JsonNode, kind: ImportKind, env: ConvertEnv, context: { fontSizePx?: number } = {}): Converted {
  const target = referenceIn(node, env);
  if (target === 'missing') return { drop: `reference ${describe(node)} names no token` };
  if (target) return referenced(node, target, kind, env, (value) => convertValue(plainNode(value), kind, env, context));
  switch (kind) {
    case 'color':
      return color(node, env);
    case 'dimension':
      return dimension(node, env, context.fontSizePx);
    case 'fontSize':
      return dimension(node, env, undefined);
    case 'letterSpacing':
      return letterSpacing(node, env, context.fontSizePx);
    case 'fontFamily':
      return fontFamily(node, env);
    case 'fontWeight':
      return fontWeight(node, env);
    case 'number':
      return number(node, env, false);
    case 'opacity':
      return opacity(node, env);
    case 'lineHeight':
      return lineHeight(node, env, context.fontSizePx, false);
    case 'duration':
      return duration(node, env);
    case 'cubicBezier':
      return cubicBezier(node);
    case 'strokeStyle':
      return strokeStyle(node);
    case 'border':
      return border(node, env);
    case 'transition':
      return transition(node, env);
    case 'shadow':
      return shadow(node, env);
    case 'gradient':
      return gradient(node, env);
    case 'typography':
      return typography(node, env);
  }
}

// ---------------------------------------------------------------------------------------------
// color

const toRgb = converter('rgb');

const CULORI_SPACES: Record<string, string> = { oklch: 'oklch', oklab: 'oklab', lab: 'lab', lch: 'lch', p3: 'display-p3', rec2020: 'rec2020' };

/** A culori color as a DTCG color object: sRGB (components, alpha, hex), wide-gamut spaces kept. */
export function colorObject(parsed: Color): Record<string, unknown> {
  const rgb = toRgb(parsed);
  const clamp = (channel: number | undefined) => Math.min(1, Math.max(0, channel ?? 0));
  const hex = formatHex({ mode: 'rgb', r: clamp(rgb.r), g: clamp(rgb.g), b: clamp(rgb.b) });
  const alpha = parsed.alpha ?? 1;
  const space = CULORI_SPACES[parsed.mode];
  let out: Record<string, unknown>;
  if (space) {
    const values = Object.entries(parsed)
      .filter(([key]) => key !== 'mode' && key !== 'alpha')
      .map(([, value]) => (typeof value === 'number' ? round(value, 6) : 'none'));
    out = { colorSpace: space, components: values };
  } else {
    out = { colorSpace: 'srgb', components: [round(clamp(rgb.r)), round(clamp(rgb.g)), round(clamp(rgb.b))] };
  }
  if (alpha < 1) out.alpha = round(alpha);
  out.hex = hex;
  return out;
}

/** `linear-gradient(...)`, `radial-gradient(...)`: a gradient, not a color. */
export function isGradientText(text: string): boolean {
  return /^\s*(?:repeating-)?(?:linear|radial|conic)-gradient\(/i.test(text);
}

function color(node: JsonNode, env: ConvertEnv): Converted {
  if (node.kind === 'string') {
    const text = node.value.trim();
    const withAlpha = /^rgba?\(\s*(\{[^{}]+\}|\$[\w.-]+)\s*,\s*([\d.]+)(%?)\s*\)$/i.exec(text);
    if (withAlpha) {
      const target = env.reference(withAlpha[1] ?? '');
      if (!target || target === 'missing') return { drop: `${quote(text)}: ${withAlpha[1]} names no color token` };
      const base = target.resolved();
      const parsedBase = base === undefined ? undefined : colorFromDtcg(base);
      if (!parsedBase) return { drop: `${quote(text)}: {${target.name}} is not a color` };
      const alphaValue = Number(withAlpha[2]) / (withAlpha[3] ? 100 : 1);
      env.note(node, `${quote(text)} is written as a literal color with alpha ${round(alphaValue)} (the reference to {${target.name}} is not kept)`);
      return { value: colorObject({ ...parsedBase, alpha: alphaValue }) };
    }
    const substituted = substitute(node, text, env);
    if (isGradientText(substituted)) return { drop: `${quote(text)} is a gradient, not a color` };
    const parsed = parseCssColor(substituted);
    if (!parsed) return { drop: `${quote(text)} is not a color` };
    return { value: colorObject(parsed) };
  }
  if (node.kind === 'object') {
    const plain = toPlain(node) as Record<string, unknown>;
    if (typeof plain.colorSpace === 'string' && Array.isArray(plain.components)) return { value: plain };
    // Figma's REST API: {r, g, b, a} with channels 0-1.
    if (['r', 'g', 'b'].every((key) => typeof plain[key] === 'number')) {
      const figma = { mode: 'rgb' as const, r: plain.r as number, g: plain.g as number, b: plain.b as number, alpha: typeof plain.a === 'number' ? plain.a : 1 };
      return { value: colorObject(figma) };
    }
    return { drop: 'the color object has neither {colorSpace, components} nor {r, g, b}' };
  }
  return { drop: `${describe(node)} is not a color` };
}

/** A DTCG color value (or CSS color string) as a culori color. */
export function colorFromDtcg(value: unknown): Color | undefined {
  if (typeof value === 'string') return parseCssColor(value) ?? undefined;
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.hex === 'string' && record.colorSpace !== 'srgb') {
    const parsed = parseCssColor(record.hex);
    if (parsed) return { ...parsed, alpha: typeof record.alpha === 'number' ? record.alpha : 1 };
  }
  const components = Array.isArray(record.components) ? record.components.map((component) => (typeof component === 'number' ? component : 0)) : null;
  if (!components || components.length !== 3) return undefined;
  const alpha = typeof record.alpha === 'number' ? record.alpha : 1;
  const [a = 0, b = 0, c = 0] = components;
  switch (record.colorSpace) {
    case 'srgb':
      return { mode: 'rgb', r: a, g: b, b: c, alpha };
    case 'hsl':
      return { mode: 'hsl', h: a, s: b / 100, l: c / 100, alpha };
    case 'oklch':
      return { mode: 'oklch', l: a, c: b, h: c, alpha };
    case 'display-p3':
      return { mode: 'p3', r: a, g: b, b: c, alpha };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// lengths and numbers

interface Quantity {
  value: number;
  unit: string | null;
}

function dimensionOf(quantity: Quantity, node: JsonNode, env: ConvertEnv, fontSizePx: number | undefined, what = 'length'): Converted {
  const { value } = quantity;
  const unit = quantity.unit?.toLowerCase() ?? null;
  switch (unit) {
    case null:
      return { value: { value: round(value), unit: env.unitless } };
    case 'px':
    case 'rem':
      return { value: { value: round(value), unit } };
    case 'em': {
      const base = fontSizePx ?? env.emBase;
      const px = round(value * base);
      env.note(node, `${round(value)}em is written as ${px}px (${fontSizePx !== undefined ? `the font size is ${base}px` : `with the em base of ${base}px`})`);
      return { value: { value: px, unit: 'px' } };
    }
    case 'pt': {
      const px = round((value * 4) / 3);
      env.note(node, `${round(value)}pt is written as ${px}px`);
      return { value: { value: px, unit: 'px' } };
    }
    default:
      return { drop: `${round(value)}${unit} is a relative ${what}; DTCG dimensions are px or rem` };
  }
}

/** A length or number written as text or number, or as a DTCG `{value, unit}` object. */
function quantityOf(node: JsonNode): Quantity | undefined {
  if (node.kind === 'number') return Number.isFinite(node.value) ? { value: node.value, unit: null } : undefined;
  if (node.kind === 'string') {
    const match = LENGTH.exec(node.value.trim()) ?? DURATION.exec(node.value.trim());
    if (!match) return undefined;
    return { value: Number(match[1]), unit: match[2] ?? null };
  }
  if (node.kind === 'object') {
    const plain = toPlain(node) as Record<string, unknown>;
    if (typeof plain.value === 'number' && typeof plain.unit === 'string' && Object.keys(plain).length === 2) return { value: plain.value, unit: plain.unit };
  }
  return undefined;
}

function dimension(node: JsonNode, env: ConvertEnv, fontSizePx: number | undefined): Converted {
  const quantity = quantityOf(node) ?? expression(node, env);
  if ('drop' in (quantity ?? {})) return quantity as { drop: string };
  if (!quantity) return { drop: `${describe(node)} is not a length` };
  return dimensionOf(quantity as Quantity, node, env, fontSizePx);
}

function letterSpacing(node: JsonNode, env: ConvertEnv, fontSizePx: number | undefined): Converted {
  const quantity = quantityOf(node) ?? expression(node, env);
  if (quantity && 'drop' in quantity) return quantity;
  if (!quantity) return { drop: `${describe(node)} is not a length` };
  if (quantity.unit === '%') {
    const base = fontSizePx ?? env.emBase;
    const px = round((quantity.value / 100) * base);
    env.note(node, `${round(quantity.value)}% letter spacing is written as ${px}px (${fontSizePx !== undefined ? `the font size is ${base}px` : `with the em base of ${base}px`})`);
    return { value: { value: px, unit: 'px' } };
  }
  // A bare number is px in every format that writes one for letter spacing.
  if (quantity.unit === null) return { value: { value: round(quantity.value), unit: 'px' } };
  return dimensionOf(quantity, node, env, fontSizePx, 'letter spacing');
}

function number(node: JsonNode, env: ConvertEnv, percent: boolean): Converted {
  const quantity = quantityOf(node) ?? expression(node, env);
  if (quantity && 'drop' in quantity) return quantity;
  if (!quantity) return { drop: `${describe(node)} is not a number` };
  if (quantity.unit === null) return { value: round(quantity.value, 6) };
  if (quantity.unit === '%' && percent) return { value: round(quantity.value / 100, 6) };
  const unit = quantity.unit.toLowerCase();
  if (unit === 'px' || unit === 'rem') {
    // Theo and Style Dictionary type spacing as "number" and write "4px".
    env.note(node, `${describe(node)} is a length: the token is written as a dimension`);
    return { value: { value: round(quantity.value), unit }, type: 'dimension' };
  }
  return { drop: `${describe(node)} has a unit; a number token has none` };
}

function opacity(node: JsonNode, env: ConvertEnv): Converted {
  const converted = number(node, env, true);
  if (isDrop(converted) || typeof converted.value !== 'number') return converted;
  if (converted.value > 1 && converted.value <= 100 && !(node.kind === 'string' && node.value.includes('%'))) {
    env.note(node, `opacity ${converted.value} is read as a percentage and written as ${round(converted.value / 100)}`);
    return { value: round(converted.value / 100) };
  }
  return converted;
}

/**
 * Line height as DTCG wants it, a number (a multiple of the font size): `150%` is 1.5, `24px`
 * with a 16px font 1.5. A px line height without a font size stays a dimension token.
 */
export function lineHeight(node: JsonNode, env: ConvertEnv, fontSizePx: number | undefined, inComposite: boolean): Converted {
  if (node.kind === 'string' && /^(auto|normal)$/i.test(node.value.trim())) {
    if (!inComposite) return { drop: `line height ${describe(node)} has no fixed value` };
    env.note(node, `line height ${describe(node)} is written as 1.2 (the usual "normal")`);
    return { value: 1.2 };
  }
  const quantity = quantityOf(node) ?? expression(node, env);
  if (quantity && 'drop' in quantity) return quantity;
  if (!quantity) return { drop: `${describe(node)} is not a line height` };
  const unit = quantity.unit?.toLowerCase() ?? null;
  if (unit === '%') return { value: round(quantity.value / 100, 6) };
  if (unit === null && quantity.value <= 5) return { value: round(quantity.value, 6) };
  if (unit === 'em') return { value: round(quantity.value, 6) };
  // px (or a bare number too large to be a ratio, which is px in Tokens Studio and Figma).
  const px = unit === 'rem' ? quantity.value * env.remBase : quantity.value;
  if (unit !== null && unit !== 'px' && unit !== 'rem') return { drop: `${describe(node)} is not a line height` };
  if (fontSizePx !== undefined && fontSizePx > 0) {
    const ratio = round(px / fontSizePx, 4);
    env.note(node, `line height ${round(px)}px is written as ${ratio} (the font size is ${fontSizePx}px)`);
    return { value: ratio };
  }
  if (inComposite) return { drop: `line height ${round(px)}px cannot be made relative: the font size is unknown` };
  env.note(node, `line height ${round(px)}px is kept as a dimension token (DTCG line heights are numbers relative to the font size)`);
  return { value: { value: round(px), unit: 'px' }, type: 'dimension' };
}

function duration(node: JsonNode, env: ConvertEnv): Converted {
  const quantity = quantityOf(node) ?? expression(node, env);
  if (quantity && 'drop' in quantity) return quantity;
  if (!quantity) return { drop: `${describe(node)} is not a duration` };
  const unit = quantity.unit?.toLowerCase() ?? 'ms';
  if (unit !== 'ms' && unit !== 's') return { drop: `${describe(node)} is not a duration (ms or s)` };
  return { value: { value: round(quantity.value, 6), unit } };
}

// ---------------------------------------------------------------------------------------------
// math expressions (Tokens Studio): "{spacing.base} * 2", "({size.lg} - 4) / 2"

type Token = { kind: 'num'; value: number; unit: string | null } | { kind: 'ref'; text: string } | { kind: 'op'; op: string };

/** Evaluates an arithmetic expression over numbers, lengths and references; undefined when `node` is no expression. */
export function expression(node: JsonNode, env: ConvertEnv): Quantity | { drop: string } | undefined {
  if (node.kind !== 'string') return undefined;
  const text = node.value.trim();
  if (!/[-+*/()]/.test(text.replace(/^[-+]/, '')) && !/^\{[^{}]+\}$/.test(text)) return undefined;
  const tokens: Token[] = [];
  const pattern = new RegExp(`\\s*(?:(${NUMBER})(px|rem|em|%)?|(\\{[^{}]+\\})|([-+*/()]))`, 'iy');
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) {
      const rest = text.slice(index).trim();
      if (rest === '') break;
      const fn = /^[a-z]\w*\(/i.exec(rest);
      return { drop: fn ? `${quote(text)} uses ${fn[0]}), which brandlint cannot evaluate` : `${quote(text)} is not an expression brandlint can evaluate` };
    }
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'num', value: Number(match[1]), unit: match[2]?.toLowerCase() ?? null });
    else if (match[3] !== undefined) tokens.push({ kind: 'ref', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'op', op: match[4] });
  }
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1 && tokens[0]?.kind !== 'ref') return undefined;
  const parser = new ExpressionParser(tokens, env);
  try {
    const result = parser.sum();
    if (parser.position !== tokens.length) return { drop: `${quote(text)} is not an expression brandlint can evaluate` };
    if (tokens.length > 1) env.note(node, `${quote(text)} is evaluated to ${round(result.value)}${result.unit ?? ''} (the expression is not kept)`);
    return { value: round(result.value, 6), unit: result.unit };
  } catch (error) {
    if (error instanceof ExpressionError) return { drop: `${quote(text)}: ${error.message}` };
    throw error;
  }
}

class ExpressionError extends Error {}

class ExpressionParser {
  position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly env: ConvertEnv,
  ) {}

  sum(): Quantity {
    let left = this.product();
    for (let token = this.peek(); token?.kind === 'op' && (token.op === '+' || token.op === '-'); token = this.peek()) {
      this.position++;
      const right = this.product();
      const unit = this.commonUnit(left, right);
      left = { value: token.op === '+' ? left.value + right.value : left.value - right.value, unit };
    }
    return left;
  }

  private product(): Quantity {
    let left = this.unary();
    for (let token = this.peek(); token?.kind === 'op' && (token.op === '*' || token.op === '/'); token = this.peek()) {
      this.position++;
      const right = this.unary();
      if (token.op === '*') {
        if (left.unit && right.unit) throw new ExpressionError('multiplies two lengths');
        left = { value: left.value * right.value, unit: left.unit ?? right.unit };
      } else {
        if (right.value === 0) throw new ExpressionError('divides by zero');
        const unit = left.unit && right.unit ? null : left.unit;
        if (right.unit && !left.unit) throw new ExpressionError('divides a number by a length');
        const rightValue = left.unit && right.unit ? this.inUnit(right, left.unit) : right.value;
        left = { value: left.value / rightValue, unit };
      }
    }
    return left;
  }

  private unary(): Quantity {
    const token = this.peek();
    if (token?.kind === 'op' && (token.op === '-' || token.op === '+')) {
      this.position++;
      const inner = this.unary();
      return token.op === '-' ? { value: -inner.value, unit: inner.unit } : inner;
    }
    return this.primary();
  }

  private primary(): Quantity {
    const token = this.tokens[this.position++];
    if (!token) throw new ExpressionError('ends too early');
    if (token.kind === 'num') return { value: token.value, unit: token.unit };
    if (token.kind === 'ref') return this.referenceValue(token.text);
    if (token.op === '(') {
      const inner = this.sum();
      const close = this.tokens[this.position++];
      if (close?.kind !== 'op' || close.op !== ')') throw new ExpressionError('has an unclosed "("');
      return inner;
    }
    throw new ExpressionError(`has "${token.op}" where a value is expected`);
  }

  private referenceValue(text: string): Quantity {
    const target = this.env.reference(text);
    if (!target || target === 'missing') throw new ExpressionError(`${text} names no token`);
    const value = target.resolved();
    if (typeof value === 'number') return { value, unit: null };
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.value === 'number' && typeof record.unit === 'string') return { value: record.value, unit: record.unit };
    }
    throw new ExpressionError(`{${target.name}} is not a number or a length`);
  }

  private commonUnit(left: Quantity, right: Quantity): string | null {
    if (!left.unit || !right.unit || left.unit === right.unit) return left.unit ?? right.unit;
    if (left.unit === 'rem' && right.unit === 'px') {
      left.value *= this.env.remBase;
      return 'px';
    }
    if (left.unit === 'px' && right.unit === 'rem') {
      right.value *= this.env.remBase;
      return 'px';
    }
    throw new ExpressionError(`adds ${left.unit} and ${right.unit}`);
  }

  private inUnit(quantity: Quantity, unit: string): number {
    if (quantity.unit === unit) return quantity.value;
    if (quantity.unit === 'rem' && unit === 'px') return quantity.value * this.env.remBase;
    if (quantity.unit === 'px' && unit === 'rem') return quantity.value / this.env.remBase;
    throw new ExpressionError(`divides ${unit} by ${quantity.unit}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }
}

// ---------------------------------------------------------------------------------------------
// fonts

/** `"'Segoe UI', Roboto, sans-serif"` as a list of family names. */
export function splitFontStack(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoteChar: string | null = null;
  for (const char of text) {
    if (quoteChar) {
      if (char === quoteChar) quoteChar = null;
      else current += char;
    } else if (char === '"' || char === "'") quoteChar = char;
    else if (char === ',') {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  out.push(current.trim());
  return out.filter((family) => family !== '');
}

function fontFamily(node: JsonNode, env: ConvertEnv): Converted {
  if (node.kind === 'string') {
    const families = splitFontStack(substitute(node, node.value, env));
    if (families.length === 0) return { drop: 'the font family is empty' };
    return { value: families.length === 1 ? families[0] : families };
  }
  if (node.kind === 'array' && node.items.length > 0 && node.items.every((item) => item.kind === 'string')) {
    return { value: node.items.map((item) => (item.kind === 'string' ? item.value.replace(/^['"]|['"]$/g, '') : '')) };
  }
  return { drop: `${describe(node)} is not a font family` };
}

const WEIGHTS: Record<string, number> = {
  thin: 100,
  hairline: 100,
  extralight: 200,
  ultralight: 200,
  light: 300,
  normal: 400,
  regular: 400,
  book: 400,
  medium: 500,
  semibold: 600,
  demibold: 600,
  bold: 700,
  extrabold: 800,
  ultrabold: 800,
  black: 900,
  heavy: 900,
  extrablack: 950,
  ultrablack: 950,
};

function fontWeight(node: JsonNode, env: ConvertEnv): Converted {
  if (node.kind === 'number') {
    if (node.value >= 1 && node.value <= 1000) return { value: node.value };
    return { drop: `font weight ${node.value} is outside 1-1000` };
  }
  if (node.kind !== 'string') return { drop: `${describe(node)} is not a font weight` };
  const text = node.value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fontWeight({ ...node, kind: 'number', value: Number(text) }, env);
  let words = text.toLowerCase();
  const style = /\b(italic|oblique)\b/.exec(words);
  if (style) words = words.replace(style[0], '');
  const key = words.replace(/[-_\s]/g, '');
  const weight = key === '' && style ? 400 : WEIGHTS[key];
  if (weight === undefined) return { drop: `"${text}" is not a font weight` };
  if (style) env.note(node, `"${text}" is written as weight ${weight}; the ${style[1]} style is not part of a DTCG font weight and is dropped`);
  return { value: weight };
}

// ---------------------------------------------------------------------------------------------
// composites

type Fields = Map<string, JsonNode>;

function fieldsOf(node: JsonNode): Fields | undefined {
  if (node.kind !== 'object') return undefined;
  const out: Fields = new Map();
  for (const member of node.members) out.set(member.key, member.value);
  return out;
}

function sub(fields: Fields, key: string, kind: ImportKind, env: ConvertEnv, context: { fontSizePx?: number } = {}): Converted | undefined {
  const node = fields.get(key);
  return node ? convertValue(node, kind, env, context) : undefined;
}

/** Keys of a source composite that DTCG has no room for: one note, naming them. */
function noteExtras(node: JsonNode, fields: Fields, known: readonly string[], env: ConvertEnv, what: string): void {
  const extras = [...fields.keys()].filter((key) => !known.includes(key));
  if (extras.length === 0) return;
  env.note(node, `${what} has no place for ${extras.map((key) => `"${key}"`).join(', ')}; dropped`);
}

function shadow(node: JsonNode, env: ConvertEnv): Converted {
  if (node.kind === 'string') return cssShadow(node, env);
  const items = node.kind === 'array' ? node.items : [node];
  if (items.length === 0) return { drop: 'the shadow list is empty' };
  const layers: unknown[] = [];
  for (const item of items) {
    const target = referenceIn(item, env);
    if (target && target !== 'missing' && target.type() === 'shadow') {
      layers.push(`{${target.name}}`);
      continue;
    }
    const layer = shadowLayer(item, env);
    if (isDrop(layer)) return layer;
    layers.push(layer.value);
  }
  return { value: layers.length === 1 ? layers[0] : layers };
}

function shadowLayer(node: JsonNode, env: ConvertEnv): Converted {
  const fields = fieldsOf(node);
  if (!fields) return { drop: `${describe(node)} is not a shadow` };
  const pick = (...keys: string[]) => keys.find((key) => fields.has(key));
  const xKey = pick('offsetX', 'x');
  const yKey = pick('offsetY', 'y');
  const colorNode = fields.get('color');
  if (!xKey || !yKey || !colorNode) return { drop: 'a shadow needs an x offset, a y offset and a color' };
  const parts = {
    color: convertValue(colorNode, 'color', env),
    offsetX: convertValue(fields.get(xKey) as JsonNode, 'dimension', withPx(env)),
    offsetY: convertValue(fields.get(yKey) as JsonNode, 'dimension', withPx(env)),
    blur: fields.has('blur') ? convertValue(fields.get('blur') as JsonNode, 'dimension', withPx(env)) : { value: { value: 0, unit: 'px' } },
    spread: fields.has('spread') ? convertValue(fields.get('spread') as JsonNode, 'dimension', withPx(env)) : { value: { value: 0, unit: 'px' } },
  };
  const value: Record<string, unknown> = {};
  for (const [key, converted] of Object.entries(parts)) {
    if (isDrop(converted)) return { drop: `shadow ${key}: ${converted.drop}` };
    value[key] = converted.value;
  }
  const type = fields.get('type');
  const inset = fields.get('inset');
  if (inset?.kind === 'boolean') value.inset = inset.value;
  else if (type?.kind === 'string') {
    if (/inner/i.test(type.value)) value.inset = true;
    else if (!/drop/i.test(type.value)) env.note(type, `shadow type "${type.value}" is read as a drop shadow`);
  }
  noteExtras(node, fields, ['color', 'offsetX', 'offsetY', 'x', 'y', 'blur', 'spread', 'inset', 'type'], env, 'a DTCG shadow');
  return { value };
}

/** `0 1px 2px rgba(0,0,0,.2), inset 0 0 0 1px #ccc` */
function cssShadow(node: JsonNode & { kind: 'string' }, env: ConvertEnv): Converted {
  const text = substitute(node, node.value.trim(), env);
  if (text === 'none') return { drop: 'the shadow is "none"' };
  const layers: unknown[] = [];
  for (const layerText of splitTopLevel(text, ',')) {
    const words = splitTopLevel(layerText.trim(), ' ').filter((word) => word !== '');
    let inset = false;
    const lengths: string[] = [];
    let colorText: string | undefined;
    for (const word of words) {
      if (word.toLowerCase() === 'inset') inset = true;
      else if (LENGTH.test(word)) lengths.push(word);
      else colorText = word;
    }
    if (lengths.length < 2 || lengths.length > 4 || !colorText) return { drop: `${quote(node.value)} is not a CSS shadow brandlint can read` };
    const parsedColor = parseCssColor(colorText);
    if (!parsedColor) return { drop: `${quote(colorText)} in ${quote(node.value)} is not a color` };
    const dims = lengths.map((length) => dimension({ kind: 'string', value: length, start: node.start, end: node.end }, withPx(env), undefined));
    const dropped = dims.find(isDrop);
    if (dropped) return dropped;
    const [offsetX, offsetY, blur, spread] = dims.map((dim) => (dim as { value: unknown }).value);
    layers.push({
      color: colorObject(parsedColor),
      offsetX,
      offsetY,
      blur: blur ?? { value: 0, unit: 'px' },
      spread: spread ?? { value: 0, unit: 'px' },
      ...(inset ? { inset: true } : {}),
    });
  }
  return { value: layers.length === 1 ? layers[0] : layers };
}

/** Lengths inside composites are px when written as bare numbers (Tokens Studio, Figma, CSS). */
function withPx(env: ConvertEnv): ConvertEnv {
  return env.unitless === 'px' ? env : { ...env, unitless: 'px' };
}

function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (separator === ' ' ? /\s/.test(char) : char === separator)) {
      out.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  out.push(current);
  return out;
}

const STROKE_STYLES = ['solid', 'dashed', 'dotted', 'double', 'groove', 'ridge', 'outset', 'inset'];

function strokeStyle(node: JsonNode): Converted {
  if (node.kind === 'string' && STROKE_STYLES.includes(node.value.trim().toLowerCase())) return { value: node.value.trim().toLowerCase() };
  if (node.kind === 'object') {
    const plain = toPlain(node) as Record<string, unknown>;
    if (Array.isArray(plain.dashArray) && typeof plain.lineCap === 'string') return { value: plain };
  }
  return { drop: `${describe(node)} is not a stroke style (${STROKE_STYLES.join(', ')})` };
}

function border(node: JsonNode, env: ConvertEnv): Converted {
  if (node.kind === 'string') {
    const words = splitTopLevel(substitute(node, node.value.trim(), env), ' ').filter((word) => word !== '');
    const widthText = words.find((word) => LENGTH.test(word));
    const styleText = words.find((word) => STROKE_STYLES.includes(word.toLowerCase()));
    const colorText = words.find((word) => word !== widthText && word !== styleText);
    const parsedColor = colorText ? parseCssColor(colorText) : undefined;
    if (!widthText || !parsedColor) return { drop: `${quote(node.value)} is not a CSS border brandlint can read (width, style and color)` };
    const width = dimension({ kind: 'string', value: widthText, start: node.start, end: node.end }, withPx(env), undefined);
    if (isDrop(width)) return width;
    if (!styleText) env.note(node, `${quote(node.value)} names no style; "solid" is written`);
    return { value: { color: colorObject(parsedColor), width: width.value, style: styleText?.toLowerCase() ?? 'solid' } };
  }
  const fields = fieldsOf(node);
  if (!fields) return { drop: `${describe(node)} is not a border` };
  const colorValue = sub(fields, 'color', 'color', env);
  const width = sub(fields, 'width', 'dimension', withPx(env));
  const style = sub(fields, 'style', 'strokeStyle', env) ?? { value: 'solid' };
  if (!colorValue || !width) return { drop: 'a border needs a color and a width' };
  for (const [key, converted] of [['color', colorValue], ['width', width], ['style', style]] as const) {
    if (isDrop(converted)) return { drop: `border ${key}: ${converted.drop}` };
  }
  if (!fields.has('style')) env.note(node, 'the border names no style; "solid" is written');
  noteExtras(node, fields, ['color', 'width', 'style'], env, 'a DTCG border');
  return { value: { color: (colorValue as { value: unknown }).value, width: (width as { value: unknown }).value, style: (style as { value: unknown }).value } };
}

const EASINGS: Record<string, [number, number, number, number]> = {
  linear: [0, 0, 1, 1],
  ease: [0.25, 0.1, 0.25, 1],
  'ease-in': [0.42, 0, 1, 1],
  'ease-out': [0, 0, 0.58, 1],
  'ease-in-out': [0.42, 0, 0.58, 1],
};

function cubicBezier(node: JsonNode): Converted {
  if (node.kind === 'array' && node.items.length === 4 && node.items.every((item) => item.kind === 'number')) {
    return { value: node.items.map((item) => (item.kind === 'number' ? item.value : 0)) };
  }
  if (node.kind === 'string') {
    const text = node.value.trim().toLowerCase();
    const keyword = EASINGS[text];
    if (keyword) return { value: keyword };
    const match = new RegExp(`^cubic-bezier\\(\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*\\)$`).exec(text);
    if (match) return { value: match.slice(1, 5).map(Number) };
  }
  if (node.kind === 'object') {
    const plain = toPlain(node) as Record<string, unknown>;
    const values = ['x1', 'y1', 'x2', 'y2'].map((key) => plain[key]);
    if (values.every((value) => typeof value === 'number')) return { value: values };
  }
  return { drop: `${describe(node)} is not a cubic Bézier curve` };
}

function transition(node: JsonNode, env: ConvertEnv): Converted {
  const fields = fieldsOf(node);
  if (!fields) return { drop: `${describe(node)} is not a transition {duration, delay, timingFunction}` };
  const durationValue = sub(fields, 'duration', 'duration', env);
  const delay = sub(fields, 'delay', 'duration', env) ?? { value: { value: 0, unit: 'ms' } };
  const timing = sub(fields, 'timingFunction', 'cubicBezier', env) ?? { value: EASINGS.ease };
  if (!durationValue) return { drop: 'a transition needs a duration' };
  for (const [key, converted] of [['duration', durationValue], ['delay', delay], ['timingFunction', timing]] as const) {
    if (isDrop(converted)) return { drop: `transition ${key}: ${converted.drop}` };
  }
  noteExtras(node, fields, ['duration', 'delay', 'timingFunction'], env, 'a DTCG transition');
  return {
    value: {
      duration: (durationValue as { value: unknown }).value,
      delay: (delay as { value: unknown }).value,
      timingFunction: (timing as { value: unknown }).value,
    },
  };
}

function gradient(node: JsonNode, env: ConvertEnv): Converted {
  if (node.kind === 'string') {
    const text = substitute(node, node.value.trim(), env);
    const match = /^(?:repeating-)?(?:linear|radial|conic)-gradient\((.*)\)$/is.exec(text);
    if (!match) return { drop: `${quote(node.value)} is not a gradient` };
    const parts = splitTopLevel(match[1] ?? '', ',').map((part) => part.trim());
    const stops: Array<{ color: unknown; position: number | undefined }> = [];
    const dropped: string[] = [];
    for (const part of parts) {
      const words = splitTopLevel(part, ' ').filter((word) => word !== '');
      const parsedColor = words[0] ? parseCssColor(words[0]) : undefined;
      if (!parsedColor) {
        dropped.push(part);
        continue;
      }
      const positionText = words[1];
      const position = positionText?.endsWith('%') ? Number(positionText.slice(0, -1)) / 100 : positionText === '0' ? 0 : undefined;
      stops.push({ color: colorObject(parsedColor), position });
    }
    if (stops.length < 2) return { drop: `${quote(node.value)} has fewer than two color stops` };
    const value = stops.map((stop, index) => ({ color: stop.color, position: stop.position ?? round(index / (stops.length - 1)) }));
    if (dropped.length > 0) env.note(node, `a DTCG gradient is only its color stops; ${dropped.map((part) => `"${part}"`).join(', ')} dropped`);
    return { value };
  }
  if (node.kind === 'array') {
    const stops: unknown[] = [];
    for (const item of node.items) {
      const fields = fieldsOf(item);
      const colorValue = fields ? sub(fields, 'color', 'color', env) : undefined;
      const position = fields ? sub(fields, 'position', 'number', env) : undefined;
      if (!colorValue || !position || isDrop(colorValue) || isDrop(position)) return { drop: 'gradient stops need a color and a position' };
      stops.push({ color: colorValue.value, position: position.value });
    }
    if (stops.length === 0) return { drop: 'the gradient has no stops' };
    return { value: stops };
  }
  return { drop: `${describe(node)} is not a gradient` };
}

const TYPOGRAPHY_KEYS = ['fontFamily', 'fontSize', 'fontWeight', 'letterSpacing', 'lineHeight'];
/** Properties Tokens Studio and Figma typography carry that DTCG typography has no room for. */
const TYPOGRAPHY_ALIASES: Record<string, string> = {
  'font-family': 'fontFamily',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  'letter-spacing': 'letterSpacing',
  'line-height': 'lineHeight',
};

function typography(node: JsonNode, env: ConvertEnv): Converted {
  const raw = fieldsOf(node);
  if (!raw) return { drop: `${describe(node)} is not a typography object` };
  const fields: Fields = new Map();
  for (const [key, value] of raw) fields.set(TYPOGRAPHY_ALIASES[key] ?? key, value);
  const familyNode = fields.get('fontFamily');
  const sizeNode = fields.get('fontSize');
  if (!familyNode || !sizeNode) return { drop: 'a typography token needs a font family and a font size' };
  const family = convertValue(familyNode, 'fontFamily', env);
  if (isDrop(family)) return { drop: `typography fontFamily: ${family.drop}` };
  const size = convertValue(sizeNode, 'fontSize', withPx(env));
  if (isDrop(size)) return { drop: `typography fontSize: ${size.drop}` };
  const fontSizePx = pxOf(size.value, env);
  const weightNode = fields.get('fontWeight');
  const weight = weightNode ? convertValue(weightNode, 'fontWeight', env) : { value: 400 };
  if (isDrop(weight)) return { drop: `typography fontWeight: ${weight.drop}` };
  if (!weightNode) env.note(node, 'the typography names no font weight; 400 is written');
  const spacingNode = fields.get('letterSpacing');
  const spacing = spacingNode ? convertValue(spacingNode, 'letterSpacing', env, fontSizePx === undefined ? {} : { fontSizePx }) : { value: { value: 0, unit: 'px' } };
  if (isDrop(spacing)) return { drop: `typography letterSpacing: ${spacing.drop}` };
  if (!spacingNode) env.note(node, 'the typography names no letter spacing; 0px is written');
  const heightNode = fields.get('lineHeight');
  let height: Converted = { value: 1.2 };
  if (heightNode) {
    const target = referenceIn(heightNode, env);
    height =
      target && target !== 'missing' && target.type() === 'number'
        ? { value: `{${target.name}}` }
        : target && target !== 'missing'
          ? referenced(heightNode, target, 'lineHeight', env, (value) => lineHeight(plainNode(value), env, fontSizePx, true))
          : lineHeight(heightNode, env, fontSizePx, true);
  } else env.note(node, 'the typography names no line height; 1.2 is written');
  if (isDrop(height)) return { drop: `typography lineHeight: ${height.drop}` };
  noteExtras(node, fields, TYPOGRAPHY_KEYS, env, 'a DTCG typography');
  return { value: { fontFamily: family.value, fontSize: size.value, fontWeight: weight.value, letterSpacing: spacing.value, lineHeight: height.value } };
}

/** px of a converted dimension value (following an alias), when known. */
function pxOf(value: unknown, env: ConvertEnv): number | undefined {
  let current = value;
  for (let depth = 0; depth < 32 && typeof current === 'string'; depth++) {
    const target = env.reference(current);
    if (!target || target === 'missing') return undefined;
    current = target.resolved();
  }
  if (!current || typeof current !== 'object') return undefined;
  const record = current as Record<string, unknown>;
  if (typeof record.value !== 'number') return undefined;
  if (record.unit === 'px') return record.value;
  if (record.unit === 'rem') return record.value * env.remBase;
  return undefined;
}
