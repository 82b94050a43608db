/**
 * Value validation per type (Format §8, §9; Color module §4): literal values are checked and
 * normalised to the resolved shapes of `../types.ts`. Wherever a value may be a reference, the
 * `ReferenceEnv` is asked first; this module never looks references up itself.
 */
import type {
  BorderValue,
  ColorSpace,
  ColorValue,
  CubicBezierValue,
  DimensionValue,
  DurationValue,
  FontFamilyValue,
  GradientStop,
  ShadowLayer,
  StrokeStyleValue,
  TokenType,
  TransitionValue,
  TypographyValue,
} from '../types.js';
import { describeNode } from './json.js';
import type { JsonNode, JsonObject, Span } from './json.js';
import { parseAlias } from './references.js';
import { CODES } from './report.js';
import type { Reporter } from './report.js';

/** What a position in a value expects. */
export type Slot =
  | { kind: 'type'; type: TokenType; label?: string }
  /** One color component: a number or "none". */
  | { kind: 'component'; label?: string }
  /** A color's `components` array. */
  | { kind: 'components' }
  /** A strokeStyle's `dashArray`. */
  | { kind: 'dashArray' }
  /** One item of a shadow array (a shadow object, or a reference to a shadow token). */
  | { kind: 'shadowLayer' }
  /** One item of a gradient array (a stop, or a reference to a gradient token). */
  | { kind: 'gradientStop' }
  | { kind: 'string'; label: string; check?: (value: string) => string | undefined }
  | { kind: 'boolean'; label: string }
  /** Any value: used to explain a reference whose type cannot be determined. */
  | { kind: 'any' };

/** Marks a value that failed validation (the reason was reported). */
export const INVALID: unique symbol = Symbol('invalid');
/** Returned by `ReferenceEnv.reference` for a node that is not a reference. */
export const NOT_REFERENCE: unique symbol = Symbol('not a reference');

export interface ReferenceEnv {
  /** Resolves `node` when it is a reference expected to hold a `slot`; `NOT_REFERENCE` otherwise. */
  reference(node: JsonNode, slot: Slot, report: Reporter): unknown;
}

/** Whether a curly-brace alias may stand at this position (it names a token of some type). */
export function slotTakesAliases(slot: Slot): boolean {
  return slot.kind === 'type' || slot.kind === 'component' || slot.kind === 'shadowLayer' || slot.kind === 'gradientStop' || slot.kind === 'any';
}

/** The token type an alias at this position must have. */
export function aliasTypeOf(slot: Slot): TokenType | undefined {
  switch (slot.kind) {
    case 'type':
      return slot.type;
    case 'component':
      return 'number';
    case 'shadowLayer':
      return 'shadow';
    case 'gradientStop':
      return 'gradient';
    default:
      return undefined;
  }
}

const ARTICLE: Record<string, string> = { border: 'a', color: 'a', number: 'a', gradient: 'a', shadow: 'a' };

/** "a color", "a dimension", "a gradient stop"... */
export function describeSlot(slot: Slot): string {
  switch (slot.kind) {
    case 'type':
      return `${ARTICLE[slot.type] ?? 'a'} ${slot.type}`;
    case 'component':
      return 'a color component (number or "none")';
    case 'components':
      return 'a color components array';
    case 'dashArray':
      return 'a dashArray';
    case 'shadowLayer':
      return 'a shadow';
    case 'gradientStop':
      return 'a gradient stop';
    case 'string':
      return `a ${slot.label}`;
    case 'boolean':
      return `a boolean ${slot.label}`;
    case 'any':
      return 'a value';
  }
}

export const COLOR_SPACES: readonly ColorSpace[] = [
  'srgb',
  'srgb-linear',
  'hsl',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'display-p3',
  'a98-rgb',
  'prophoto-rgb',
  'rec2020',
  'xyz-d65',
  'xyz-d50',
];

interface Channel {
  name: string;
  min?: number;
  max?: number;
  /** The maximum itself is excluded (hues: [0, 360)). */
  maxExclusive?: boolean;
}

const RGB: Channel[] = [
  { name: 'red', min: 0, max: 1 },
  { name: 'green', min: 0, max: 1 },
  { name: 'blue', min: 0, max: 1 },
];
const HUE: Channel = { name: 'hue', min: 0, max: 360, maxExclusive: true };

/** Component ranges per color space (Color module §4.2). */
const CHANNELS: Record<ColorSpace, Channel[]> = {
  srgb: RGB,
  'srgb-linear': RGB,
  'display-p3': RGB,
  'a98-rgb': RGB,
  'prophoto-rgb': RGB,
  rec2020: RGB,
  hsl: [HUE, { name: 'saturation', min: 0, max: 100 }, { name: 'lightness', min: 0, max: 100 }],
  hwb: [HUE, { name: 'whiteness', min: 0, max: 100 }, { name: 'blackness', min: 0, max: 100 }],
  lab: [{ name: 'lightness', min: 0, max: 100 }, { name: 'a' }, { name: 'b' }],
  lch: [{ name: 'lightness', min: 0, max: 100 }, { name: 'chroma', min: 0 }, HUE],
  oklab: [{ name: 'lightness', min: 0, max: 1 }, { name: 'a' }, { name: 'b' }],
  oklch: [{ name: 'lightness', min: 0, max: 1 }, { name: 'chroma', min: 0 }, HUE],
  'xyz-d65': [
    { name: 'x', min: 0, max: 1 },
    { name: 'y', min: 0, max: 1 },
    { name: 'z', min: 0, max: 1 },
  ],
  'xyz-d50': [
    { name: 'x', min: 0, max: 1 },
    { name: 'y', min: 0, max: 1 },
    { name: 'z', min: 0, max: 1 },
  ],
};

/** Font weight keywords and their values (Format §8.4); case-sensitive. */
export const FONT_WEIGHT_KEYWORDS: Readonly<Record<string, number>> = {
  thin: 100,
  hairline: 100,
  'extra-light': 200,
  'ultra-light': 200,
  light: 300,
  normal: 400,
  regular: 400,
  book: 400,
  medium: 500,
  'semi-bold': 600,
  'demi-bold': 600,
  bold: 700,
  'extra-bold': 800,
  'ultra-bold': 800,
  black: 900,
  heavy: 900,
  'extra-black': 950,
  'ultra-black': 950,
};

export const STROKE_STYLE_KEYWORDS = ['solid', 'dashed', 'dotted', 'double', 'groove', 'ridge', 'outset', 'inset'] as const;
const LINE_CAPS = ['round', 'butt', 'square'] as const;

const LEGACY_HEX = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const HEX6 = /^#[0-9a-fA-F]{6}$/;
const LEGACY_DIMENSION = /^(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(px|rem)$/;
const LEGACY_DURATION = /^(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(ms|s)$/;

type Result<T> = T | typeof INVALID;

const quote = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[]): string => values.map(quote).join(', ');
const either = (values: readonly string[]): string =>
  values.length === 2 ? `${quote(values[0] ?? '')} or ${quote(values[1] ?? '')}` : `one of ${list(values)}`;

function oneOf(label: string, allowed: readonly string[]): (value: string) => string | undefined {
  return (value) => {
    if (allowed.includes(value)) return undefined;
    return `${label} must be ${either(allowed)}, got ${quote(value)}`;
  };
}

/** Validates and normalises values of one token; reports through `report`. */
export class ValueChecker {
  constructor(
    private readonly env: ReferenceEnv,
    private readonly report: Reporter,
  ) {}

  /** The value at `node` for `slot`; `top` is true only for a token's own `$value`. */
  value(node: JsonNode, slot: Slot, top = false): unknown {
    const referenced = this.env.reference(node, slot, this.report);
    if (referenced !== NOT_REFERENCE) return referenced;
    switch (slot.kind) {
      case 'type':
        return this.typed(node, slot.type, slot.label ?? (slot.type === 'number' ? 'number token value' : slot.type), top);
      case 'component':
        return this.component(node, slot.label ?? 'color component');
      case 'components':
        return this.components(node);
      case 'dashArray':
        return this.dashArray(node, 'strokeStyle dashArray');
      case 'shadowLayer':
        return this.shadowLayer(node, 'shadow');
      case 'gradientStop':
        return this.gradientStop(node);
      case 'string':
        return this.string(node, slot.label, slot.check);
      case 'boolean':
        if (node.kind === 'boolean') return node.value;
        this.fail(node, `${slot.label} must be true or false, got ${describeNode(node)}`);
        return INVALID;
      case 'any':
        return INVALID;
    }
  }

  private typed(node: JsonNode, type: TokenType, label: string, top: boolean): unknown {
    switch (type) {
      case 'color':
        return this.color(node, label, top);
      case 'dimension':
        return this.measure(node, label, top, ['px', 'rem'], LEGACY_DIMENSION);
      case 'duration':
        return this.measure(node, label, top, ['ms', 's'], LEGACY_DURATION);
      case 'fontFamily':
        return this.fontFamily(node, label);
      case 'fontWeight':
        return this.fontWeight(node, label);
      case 'cubicBezier':
        return this.cubicBezier(node, label);
      case 'number':
        return this.number(node, label);
      case 'strokeStyle':
        return this.strokeStyle(node, label);
      case 'border':
        return this.border(node, label);
      case 'transition':
        return this.transition(node, label);
      case 'shadow':
        return this.shadow(node, label);
      case 'gradient':
        return this.gradient(node, label);
      case 'typography':
        return this.typography(node, label);
    }
  }

  private fail(span: Span, message: string): void {
    this.report.error(span, CODES.invalidValue, message);
  }

  private sub<T>(node: JsonNode, slot: Slot): Result<T> {
    return this.value(node, slot) as Result<T>;
  }

  // ---------------------------------------------------------------- primitives

  private string(node: JsonNode, label: string, check?: (value: string) => string | undefined): Result<string> {
    if (node.kind !== 'string') {
      this.fail(node, `${label} must be a string, got ${describeNode(node)}`);
      return INVALID;
    }
    const problem = check?.(node.value);
    if (problem) {
      this.fail(node, problem);
      return INVALID;
    }
    return node.value;
  }

  private number(node: JsonNode, label: string): Result<number> {
    if (node.kind === 'number' && Number.isFinite(node.value)) return node.value;
    if (node.kind === 'string' && node.value.trim() !== '' && Number.isFinite(Number(node.value))) {
      this.fail(node, `${label} must be a JSON number, not a string: write ${node.value.trim()} without quotes`);
    } else {
      this.fail(node, `${label} must be a number, got ${describeNode(node)}`);
    }
    return INVALID;
  }

  private component(node: JsonNode, label: string): Result<number | 'none'> {
    if (node.kind === 'string' && node.value === 'none') return 'none';
    if (node.kind === 'number' && Number.isFinite(node.value)) return node.value;
    this.fail(node, `${label} must be a number or "none", got ${describeNode(node)}`);
    return INVALID;
  }

  /** An object's members by name; reports unknown and missing properties. */
  private fields(node: JsonObject, label: string, required: readonly string[], optional: readonly string[] = []): Map<string, JsonNode> | undefined {
    const out = new Map<string, JsonNode>();
    let ok = true;
    for (const member of node.members) {
      if (out.has(member.key)) {
        // The last one counts, as with JSON.parse and every other JSON tool.
        this.report.warn(member.keySpan, CODES.duplicateKey, `duplicate ${label} property ${quote(member.key)}; this last one is used, as JSON.parse does`);
      } else if (!required.includes(member.key) && !optional.includes(member.key)) {
        this.fail(member.keySpan, `unknown ${label} property ${quote(member.key)}; expected ${[...required, ...optional].join(', ')}`);
        ok = false;
        continue;
      }
      out.set(member.key, member.value);
    }
    for (const key of required) {
      if (!out.has(key)) {
        this.fail(node, `${label} is missing required property ${quote(key)}`);
        ok = false;
      }
    }
    return ok ? out : undefined;
  }

  // ---------------------------------------------------------------- color

  private color(node: JsonNode, label: string, top: boolean): Result<ColorValue> {
    if (node.kind === 'string') {
      if (LEGACY_HEX.test(node.value)) {
        if (top) {
          this.report.warn(node, CODES.legacyFormat, 'legacy hex string; use {colorSpace, components, hex}', {
            actual: node.value,
          });
          return colorFromHex(node.value);
        }
        this.fail(
          node,
          `${label} must be a color object {colorSpace, components}, got string ${quote(node.value)} (hex strings are accepted, as legacy, only as the whole $value of a color token)`,
        );
        return INVALID;
      }
      this.fail(node, `${label} must be a color object {colorSpace, components}, got ${describeNode(node)}`);
      return INVALID;
    }
    if (node.kind !== 'object') {
      this.fail(node, `${label} must be a color object {colorSpace, components}, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'color', ['colorSpace', 'components'], ['alpha', 'hex']);
    let ok = fields !== undefined;
    const spaceNode = fields?.get('colorSpace') ?? memberValue(node, 'colorSpace');
    const componentsNode = fields?.get('components') ?? memberValue(node, 'components');
    const alphaNode = fields?.get('alpha') ?? memberValue(node, 'alpha');
    const hexNode = fields?.get('hex') ?? memberValue(node, 'hex');

    const space = spaceNode ? this.sub<string>(spaceNode, { kind: 'string', label: 'colorSpace', check: oneOf('colorSpace', COLOR_SPACES) }) : INVALID;
    if (space === INVALID) ok = false;

    let components: Result<Array<number | 'none'>> = INVALID;
    if (componentsNode) {
      const referenced = this.env.reference(componentsNode, { kind: 'components' }, this.report);
      if (referenced !== NOT_REFERENCE) {
        components = referenced as Result<Array<number | 'none'>>;
        if (components !== INVALID && space !== INVALID && !this.componentRanges(space as ColorSpace, components, () => componentsNode)) ok = false;
      } else {
        components = this.components(componentsNode);
        if (components !== INVALID && space !== INVALID && componentsNode.kind === 'array') {
          const items = componentsNode.items;
          if (!this.componentRanges(space as ColorSpace, components, (index) => items[index] ?? componentsNode)) ok = false;
        }
      }
    }
    if (components === INVALID) ok = false;

    let alpha = 1;
    if (alphaNode) {
      const value = this.sub<number>(alphaNode, { kind: 'type', type: 'number', label: 'alpha' });
      if (value === INVALID) ok = false;
      else if (value < 0 || value > 1) {
        this.fail(alphaNode, `alpha must be between 0 and 1, got ${value}`);
        ok = false;
      } else alpha = value;
    }

    let hex: string | undefined;
    if (hexNode) {
      const value = this.sub<string>(hexNode, { kind: 'string', label: 'hex', check: checkHex });
      if (value === INVALID) ok = false;
      else hex = value;
    }

    if (!ok || space === INVALID || components === INVALID) return INVALID;
    const [c0, c1, c2] = components;
    const color: ColorValue = { colorSpace: space as ColorSpace, components: [c0 ?? 0, c1 ?? 0, c2 ?? 0], alpha };
    if (hex !== undefined) color.hex = hex;
    return color;
  }

  private components(node: JsonNode): Result<Array<number | 'none'>> {
    if (node.kind !== 'array') {
      this.fail(node, `color components must be an array of 3 numbers, got ${describeNode(node)}`);
      return INVALID;
    }
    if (node.items.length !== 3) {
      this.fail(node, `color components must be an array of exactly 3 values, got ${node.items.length}`);
      return INVALID;
    }
    const out: Array<number | 'none'> = [];
    let ok = true;
    for (const item of node.items) {
      const value = this.sub<number | 'none'>(item, { kind: 'component' });
      if (value === INVALID) ok = false;
      else out.push(value);
    }
    return ok ? out : INVALID;
  }

  private componentRanges(space: ColorSpace, components: ReadonlyArray<number | 'none'>, spanOf: (index: number) => Span): boolean {
    let ok = true;
    CHANNELS[space].forEach((channel, index) => {
      const value = components[index];
      if (typeof value !== 'number') return;
      const problem = rangeProblem(channel, value);
      if (problem) {
        this.fail(spanOf(index), `${space} ${channel.name} must be ${problem}, got ${value}`);
        ok = false;
      }
    });
    return ok;
  }

  // ---------------------------------------------------------------- dimension, duration

  private measure(
    node: JsonNode,
    label: string,
    top: boolean,
    units: readonly string[],
    legacy: RegExp,
  ): Result<DimensionValue | DurationValue> {
    const kind = units.includes('px') ? 'dimension' : 'duration';
    if (node.kind === 'string') {
      const match = legacy.exec(node.value);
      if (match && top) {
        const value = Number(match[1]);
        const unit = match[2] ?? '';
        this.report.warn(node, CODES.legacyFormat, `legacy ${kind} string; use {"value": ${value}, "unit": "${unit}"}`, {
          actual: node.value,
        });
        return { value, unit } as DimensionValue | DurationValue;
      }
      if (match) {
        this.fail(
          node,
          `${label} must be an object {value, unit}, got string ${quote(node.value)} (strings like this are accepted, as legacy, only as the whole $value of a ${kind} token)`,
        );
        return INVALID;
      }
    }
    if (node.kind !== 'object') {
      const hint = node.kind === 'number' ? ' (the unit is required, even for 0)' : '';
      this.fail(node, `${label} must be an object {value, unit} with unit ${either(units)}, got ${describeNode(node)}${hint}`);
      return INVALID;
    }
    const fields = this.fields(node, kind, ['value', 'unit']);
    const valueNode = fields?.get('value') ?? memberValue(node, 'value');
    const unitNode = fields?.get('unit') ?? memberValue(node, 'unit');
    const value = valueNode ? this.sub<number>(valueNode, { kind: 'type', type: 'number', label: `${kind} value` }) : INVALID;
    const unit = unitNode ? this.sub<string>(unitNode, { kind: 'string', label: `${kind} unit`, check: oneOf(`${kind} unit`, units) }) : INVALID;
    if (!fields || value === INVALID || unit === INVALID) return INVALID;
    return { value, unit } as DimensionValue | DurationValue;
  }

  // ---------------------------------------------------------------- font

  private fontFamily(node: JsonNode, label: string): Result<FontFamilyValue> {
    const nameSlot: Slot = { kind: 'string', label: `${label} name`, check: checkFontName };
    if (node.kind === 'string') {
      const problem = checkFontName(node.value);
      if (problem) {
        this.fail(node, problem);
        return INVALID;
      }
      return [node.value];
    }
    if (node.kind === 'array') {
      if (node.items.length === 0) {
        this.fail(node, `${label} must list at least one font name`);
        return INVALID;
      }
      const out: string[] = [];
      let ok = true;
      for (const item of node.items) {
        const value = this.sub<string>(item, nameSlot);
        if (value === INVALID) ok = false;
        else out.push(value);
      }
      return ok ? out : INVALID;
    }
    this.fail(node, `${label} must be a font name or an array of font names, got ${describeNode(node)}`);
    return INVALID;
  }

  private fontWeight(node: JsonNode, label: string): Result<number> {
    if (node.kind === 'number' && Number.isFinite(node.value)) {
      if (node.value >= 1 && node.value <= 1000) return node.value;
      this.fail(node, `${label} must be between 1 and 1000, got ${node.value}`);
      return INVALID;
    }
    if (node.kind === 'string') {
      const weight = FONT_WEIGHT_KEYWORDS[node.value];
      if (weight !== undefined && Object.hasOwn(FONT_WEIGHT_KEYWORDS, node.value)) return weight;
      const lower = node.value.toLowerCase();
      if (Object.hasOwn(FONT_WEIGHT_KEYWORDS, lower)) {
        this.fail(node, `unknown ${label} ${quote(node.value)}; keywords are case-sensitive (did you mean ${quote(lower)}?)`);
      } else if (/^\d+(\.\d+)?$/.test(node.value.trim())) {
        this.fail(node, `${label} must be a JSON number, not a string: write ${node.value.trim()} without quotes`);
      } else {
        this.fail(node, `unknown ${label} ${quote(node.value)}; expected a number from 1 to 1000 or one of ${Object.keys(FONT_WEIGHT_KEYWORDS).join(', ')}`);
      }
      return INVALID;
    }
    this.fail(node, `${label} must be a number from 1 to 1000 or a weight keyword, got ${describeNode(node)}`);
    return INVALID;
  }

  // ---------------------------------------------------------------- cubicBezier, strokeStyle

  private cubicBezier(node: JsonNode, label: string): Result<CubicBezierValue> {
    if (node.kind !== 'array') {
      this.fail(node, `${label} must be an array of 4 numbers [x1, y1, x2, y2], got ${describeNode(node)}`);
      return INVALID;
    }
    if (node.items.length !== 4) {
      this.fail(node, `${label} must be an array of exactly 4 numbers [x1, y1, x2, y2], got ${node.items.length}`);
      return INVALID;
    }
    const names = ['x1', 'y1', 'x2', 'y2'];
    const out: number[] = [];
    let ok = true;
    node.items.forEach((item, index) => {
      const name = names[index] ?? '';
      const value = this.sub<number>(item, { kind: 'type', type: 'number', label: `${label} ${name}` });
      if (value === INVALID) {
        ok = false;
        return;
      }
      if ((index === 0 || index === 2) && (value < 0 || value > 1)) {
        this.fail(item, `${label} ${name} must be between 0 and 1, got ${value}`);
        ok = false;
        return;
      }
      out.push(value);
    });
    return ok ? (out as CubicBezierValue) : INVALID;
  }

  private strokeStyle(node: JsonNode, label: string): Result<StrokeStyleValue> {
    if (node.kind === 'string') {
      if ((STROKE_STYLE_KEYWORDS as readonly string[]).includes(node.value)) return node.value as StrokeStyleValue;
      this.fail(node, `unknown ${label} ${quote(node.value)}; expected one of ${list(STROKE_STYLE_KEYWORDS)} or an object {dashArray, lineCap}`);
      return INVALID;
    }
    if (node.kind !== 'object') {
      this.fail(node, `${label} must be a keyword like "solid" or an object {dashArray, lineCap}, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'strokeStyle', ['dashArray', 'lineCap']);
    const dashNode = fields?.get('dashArray') ?? memberValue(node, 'dashArray');
    const capNode = fields?.get('lineCap') ?? memberValue(node, 'lineCap');
    const dashArray = dashNode ? this.sub<DimensionValue[]>(dashNode, { kind: 'dashArray' }) : INVALID;
    const lineCap = capNode ? this.sub<string>(capNode, { kind: 'string', label: 'lineCap', check: oneOf('lineCap', LINE_CAPS) }) : INVALID;
    if (!fields || dashArray === INVALID || lineCap === INVALID) return INVALID;
    return { dashArray, lineCap: lineCap as 'round' | 'butt' | 'square' };
  }

  private dashArray(node: JsonNode, label: string): Result<DimensionValue[]> {
    if (node.kind !== 'array') {
      this.fail(node, `${label} must be an array of dimensions, got ${describeNode(node)}`);
      return INVALID;
    }
    if (node.items.length === 0) {
      this.fail(node, `${label} must contain at least one dimension`);
      return INVALID;
    }
    const out: DimensionValue[] = [];
    let ok = true;
    for (const item of node.items) {
      const value = this.sub<DimensionValue>(item, { kind: 'type', type: 'dimension', label: `${label} item` });
      if (value === INVALID) ok = false;
      else out.push(value);
    }
    return ok ? out : INVALID;
  }

  // ---------------------------------------------------------------- composites

  private border(node: JsonNode, label: string): Result<BorderValue> {
    if (node.kind !== 'object') {
      this.fail(node, `${label} must be an object {color, width, style}, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'border', ['color', 'width', 'style']);
    const color = this.part<ColorValue>(node, fields, 'color', { kind: 'type', type: 'color', label: 'border color' });
    const width = this.part<DimensionValue>(node, fields, 'width', { kind: 'type', type: 'dimension', label: 'border width' });
    const style = this.part<StrokeStyleValue>(node, fields, 'style', { kind: 'type', type: 'strokeStyle', label: 'border style' });
    if (!fields || color === INVALID || width === INVALID || style === INVALID) return INVALID;
    return { color, width, style };
  }

  private transition(node: JsonNode, label: string): Result<TransitionValue> {
    if (node.kind !== 'object') {
      this.fail(node, `${label} must be an object {duration, delay, timingFunction}, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'transition', ['duration', 'delay', 'timingFunction']);
    const duration = this.part<DurationValue>(node, fields, 'duration', { kind: 'type', type: 'duration', label: 'transition duration' });
    const delay = this.part<DurationValue>(node, fields, 'delay', { kind: 'type', type: 'duration', label: 'transition delay' });
    const timingFunction = this.part<CubicBezierValue>(node, fields, 'timingFunction', {
      kind: 'type',
      type: 'cubicBezier',
      label: 'transition timingFunction',
    });
    if (!fields || duration === INVALID || delay === INVALID || timingFunction === INVALID) return INVALID;
    return { duration, delay, timingFunction };
  }

  private shadow(node: JsonNode, label: string): Result<ShadowLayer[]> {
    if (node.kind === 'array') {
      if (node.items.length === 0) {
        this.fail(node, `${label} array must contain at least one shadow`);
        return INVALID;
      }
      const out: ShadowLayer[] = [];
      let ok = true;
      for (const item of node.items) {
        const layer = this.sub<ShadowLayer | ShadowLayer[]>(item, { kind: 'shadowLayer' });
        if (layer === INVALID) ok = false;
        else if (Array.isArray(layer)) out.push(...layer);
        else out.push(layer);
      }
      return ok ? out : INVALID;
    }
    if (node.kind !== 'object') {
      this.fail(node, `${label} must be a shadow object or an array of shadow objects, got ${describeNode(node)}`);
      return INVALID;
    }
    const layer = this.shadowLayer(node, label);
    return layer === INVALID ? INVALID : [layer];
  }

  private shadowLayer(node: JsonNode, label: string): Result<ShadowLayer> {
    if (node.kind !== 'object') {
      this.fail(node, `${label} array items must be shadow objects or references to shadow tokens, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'shadow', ['color', 'offsetX', 'offsetY', 'blur', 'spread'], ['inset']);
    const color = this.part<ColorValue>(node, fields, 'color', { kind: 'type', type: 'color', label: 'shadow color' });
    const dimension = (key: string): Result<DimensionValue> =>
      this.part<DimensionValue>(node, fields, key, { kind: 'type', type: 'dimension', label: `shadow ${key}` });
    const offsetX = dimension('offsetX');
    const offsetY = dimension('offsetY');
    const blur = dimension('blur');
    const spread = dimension('spread');
    const insetNode = fields?.get('inset') ?? memberValue(node, 'inset');
    const inset = insetNode ? this.sub<boolean>(insetNode, { kind: 'boolean', label: 'shadow inset' }) : undefined;
    if (!fields || color === INVALID || offsetX === INVALID || offsetY === INVALID || blur === INVALID || spread === INVALID || inset === INVALID) {
      return INVALID;
    }
    const layer: ShadowLayer = { color, offsetX, offsetY, blur, spread };
    if (inset !== undefined) layer.inset = inset;
    return layer;
  }

  private gradient(node: JsonNode, label: string): Result<GradientStop[]> {
    if (node.kind !== 'array') {
      this.fail(node, `${label} must be an array of stops {color, position}, got ${describeNode(node)}`);
      return INVALID;
    }
    if (node.items.length === 0) {
      this.fail(node, `${label} must contain at least one stop`);
      return INVALID;
    }
    const out: GradientStop[] = [];
    let ok = true;
    for (const item of node.items) {
      const stop = this.sub<GradientStop | GradientStop[]>(item, { kind: 'gradientStop' });
      if (stop === INVALID) ok = false;
      else if (Array.isArray(stop)) out.push(...stop);
      else out.push(stop);
    }
    return ok ? out : INVALID;
  }

  private gradientStop(node: JsonNode): Result<GradientStop> {
    if (node.kind !== 'object') {
      this.fail(node, `gradient stops must be objects {color, position} or references to gradient tokens, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'gradient stop', ['color', 'position']);
    const color = this.part<ColorValue>(node, fields, 'color', { kind: 'type', type: 'color', label: 'gradient stop color' });
    const position = this.part<number>(node, fields, 'position', { kind: 'type', type: 'number', label: 'gradient stop position' });
    if (!fields || color === INVALID || position === INVALID) return INVALID;
    // Positions outside [0, 1] are valid and read as clamped (Format §9.7).
    return { color, position: Math.min(1, Math.max(0, position)) };
  }

  private typography(node: JsonNode, label: string): Result<TypographyValue> {
    if (node.kind !== 'object') {
      this.fail(node, `${label} must be an object {fontFamily, fontSize, fontWeight, letterSpacing, lineHeight}, got ${describeNode(node)}`);
      return INVALID;
    }
    const fields = this.fields(node, 'typography', ['fontFamily', 'fontSize', 'fontWeight', 'letterSpacing', 'lineHeight']);
    const fontFamily = this.part<FontFamilyValue>(node, fields, 'fontFamily', { kind: 'type', type: 'fontFamily', label: 'typography fontFamily' });
    const fontSize = this.part<DimensionValue>(node, fields, 'fontSize', { kind: 'type', type: 'dimension', label: 'typography fontSize' });
    const fontWeight = this.part<number>(node, fields, 'fontWeight', { kind: 'type', type: 'fontWeight', label: 'typography fontWeight' });
    const letterSpacing = this.part<DimensionValue>(node, fields, 'letterSpacing', {
      kind: 'type',
      type: 'dimension',
      label: 'typography letterSpacing',
    });
    const lineHeight = this.part<number>(node, fields, 'lineHeight', { kind: 'type', type: 'number', label: 'typography lineHeight' });
    if (!fields || fontFamily === INVALID || fontSize === INVALID || fontWeight === INVALID || letterSpacing === INVALID || lineHeight === INVALID) {
      return INVALID;
    }
    return { fontFamily, fontSize, fontWeight, letterSpacing, lineHeight };
  }

  /** A required sub-value: checked even when the object has other problems, so all are reported. */
  private part<T>(node: JsonObject, fields: Map<string, JsonNode> | undefined, key: string, slot: Slot): Result<T> {
    const child = fields?.get(key) ?? memberValue(node, key);
    return child ? this.sub<T>(child, slot) : INVALID;
  }
}

/** The value of the last member named `key` (JSON.parse keeps the last of duplicate keys). */
function memberValue(node: JsonObject, key: string): JsonNode | undefined {
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]!.key === key) return node.members[i]!.value;
  return undefined;
}

function rangeProblem(channel: Channel, value: number): string | undefined {
  const { min, max, maxExclusive } = channel;
  const below = min !== undefined && value < min;
  const above = max !== undefined && (maxExclusive ? value >= max : value > max);
  if (!below && !above) return undefined;
  if (maxExclusive) return `in [${min ?? '-∞'}, ${max})`;
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max}`;
}

function checkHex(value: string): string | undefined {
  if (HEX6.test(value)) return undefined;
  if (/^#[0-9a-fA-F]{8}$/.test(value)) return `hex must be a 6-digit #rrggbb fallback without alpha (put transparency in "alpha"), got ${quote(value)}`;
  return `hex must be a 6-digit CSS hex color like "#ff0080", got ${quote(value)}`;
}

function checkFontName(value: string): string | undefined {
  if (value.trim() === '') return 'font names must not be empty';
  if (parseAlias(value).kind !== 'none') return `font name ${quote(value)} looks like an alias; alias the whole fontFamily instead`;
  return undefined;
}

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` as an sRGB color. */
export function colorFromHex(hex: string): ColorValue {
  let digits = hex.slice(1).toLowerCase();
  if (digits.length <= 4) digits = [...digits].map((digit) => digit + digit).join('');
  const channel = (index: number): number => Number.parseInt(digits.slice(index * 2, index * 2 + 2), 16);
  const color: ColorValue = {
    colorSpace: 'srgb',
    components: [channel(0) / 255, channel(1) / 255, channel(2) / 255],
    alpha: digits.length === 8 ? channel(3) / 255 : 1,
    hex: `#${digits.slice(0, 6)}`,
  };
  return color;
}
