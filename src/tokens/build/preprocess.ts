import { colorToCss, dimensionToCss, durationToCss, FONT_WEIGHT_KEYWORDS } from '../css-values.js';
import type { ColorValue, DimensionValue, DurationValue, TokenType } from '../types.js';

/**
 * style-dictionary 4 predates the DTCG 2025.10 value objects: it prints `[object Object]`
 * for `{colorSpace, components}` colors and `{value, unit}` dimensions. This preprocessor
 * rewrites every value object into the string forms style-dictionary 4 and its built-in
 * CSS transforms understand, leaving `{alias}` references untouched so that
 * `outputReferences` still works.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isAlias = (value: unknown): boolean => typeof value === 'string' && /^\{[^{}]+\}$/.test(value);

const isColorObject = (value: Json): boolean => isObject(value) && 'colorSpace' in value && 'components' in value;
const isUnitObject = (value: Json): boolean => isObject(value) && typeof value.value === 'number' && typeof value.unit === 'string';

/** Converts one value of a known DTCG type; sub-values of composites recurse with their own types. */
export function convertValue(type: TokenType, value: Json): Json {
  if (isAlias(value)) return value;
  switch (type) {
    case 'color':
      if (isColorObject(value)) return colorToCss(normaliseColor(value as JsonObject));
      return typeof value === 'string' ? value.toLowerCase() : value;
    case 'dimension':
      return isUnitObject(value) ? dimensionToCss(value as unknown as DimensionValue) : value;
    case 'duration':
      return isUnitObject(value) ? durationToCss(value as unknown as DurationValue) : value;
    case 'fontWeight':
      return typeof value === 'string' ? (FONT_WEIGHT_KEYWORDS[value] ?? value) : value;
    case 'strokeStyle':
      if (isObject(value) && Array.isArray(value.dashArray)) {
        return { ...value, dashArray: value.dashArray.map((dash) => convertValue('dimension', dash)) };
      }
      return value;
    case 'border':
      return convertFields(value, { color: 'color', width: 'dimension', style: 'strokeStyle' });
    case 'transition':
      return convertFields(value, { duration: 'duration', delay: 'duration', timingFunction: 'cubicBezier' });
    case 'shadow':
      return Array.isArray(value) ? value.map((layer) => convertShadowLayer(layer)) : convertShadowLayer(value);
    case 'gradient':
      return Array.isArray(value)
        ? value.map((stop) => convertFields(stop, { color: 'color', position: 'number' }))
        : value;
    case 'typography':
      return convertFields(value, {
        fontFamily: 'fontFamily',
        fontSize: 'dimension',
        fontWeight: 'fontWeight',
        letterSpacing: 'dimension',
        lineHeight: 'number',
      });
    default:
      return value;
  }
}

function convertShadowLayer(layer: Json): Json {
  return convertFields(layer, {
    color: 'color',
    offsetX: 'dimension',
    offsetY: 'dimension',
    blur: 'dimension',
    spread: 'dimension',
  });
}

function convertFields(value: Json, fields: Record<string, TokenType>): Json {
  if (!isObject(value)) return value;
  const out = Object.create(null) as JsonObject;
  for (const [key, sub] of Object.entries(value)) {
    const subType = Object.hasOwn(fields, key) ? fields[key] : undefined;
    out[key] = subType ? convertValue(subType, sub) : sub;
  }
  return out;
}

function normaliseColor(value: JsonObject): ColorValue {
  return {
    colorSpace: value.colorSpace as ColorValue['colorSpace'],
    components: value.components as ColorValue['components'],
    alpha: typeof value.alpha === 'number' ? value.alpha : 1,
    ...(typeof value.hex === 'string' ? { hex: value.hex } : {}),
  };
}

/** Walks a DTCG token tree (tokens carry an explicit `$type`) and converts every `$value` in place. */
export function preprocessDtcg2025<T>(tree: T): T {
  const visit = (node: Json): void => {
    if (!isObject(node)) return;
    if ('$value' in node && typeof node.$type === 'string') {
      node.$value = convertValue(node.$type as TokenType, node.$value ?? null);
      return;
    }
    for (const [key, child] of Object.entries(node)) if (!key.startsWith('$')) visit(child);
  };
  visit(tree as unknown as Json);
  return tree;
}
