/**
 * What a token of another format is, in DTCG terms. Formats name their types differently
 * (Tokens Studio's `fontSizes`, Theo's `font-size`, Figma's `FLOAT` with a `FONT_SIZE` scope);
 * all of them map to a kind here, and a kind to the DTCG type it is written as.
 */
import type { TokenType } from '../types.js';

/** DTCG types, plus the kinds that need their own value conversion before they become one. */
export type ImportKind = TokenType | 'lineHeight' | 'opacity' | 'letterSpacing' | 'fontSize';

/** A kind that has no DTCG type (text, booleans, assets, ...): such tokens are dropped with a warning. */
export interface Unsupported {
  unsupported: string;
}

const DIRECT: Record<string, ImportKind> = {
  color: 'color',
  colour: 'color',
  dimension: 'dimension',
  size: 'dimension',
  sizing: 'dimension',
  spacing: 'dimension',
  space: 'dimension',
  borderradius: 'dimension',
  radius: 'dimension',
  radii: 'dimension',
  borderwidth: 'dimension',
  width: 'dimension',
  height: 'dimension',
  breakpoint: 'dimension',
  paragraphspacing: 'dimension',
  paragraphindent: 'dimension',
  fontsize: 'fontSize',
  fontsizes: 'fontSize',
  letterspacing: 'letterSpacing',
  fontfamily: 'fontFamily',
  fontfamilies: 'fontFamily',
  fontweight: 'fontWeight',
  fontweights: 'fontWeight',
  lineheight: 'lineHeight',
  lineheights: 'lineHeight',
  opacity: 'opacity',
  number: 'number',
  float: 'number',
  multiplier: 'number',
  scale: 'number',
  zindex: 'number',
  ratio: 'number',
  duration: 'duration',
  time: 'duration',
  cubicbezier: 'cubicBezier',
  easing: 'cubicBezier',
  timingfunction: 'cubicBezier',
  shadow: 'shadow',
  boxshadow: 'shadow',
  dropshadow: 'shadow',
  border: 'border',
  strokestyle: 'strokeStyle',
  borderstyle: 'strokeStyle',
  transition: 'transition',
  gradient: 'gradient',
  typography: 'typography',
  textstyle: 'typography',
};

/** Type names (any spelling: `font-size`, `fontSizes`, `FONT_SIZE`) to a kind, or what cannot be imported. */
export function kindOfTypeName(name: string): ImportKind | Unsupported {
  const key = name.toLowerCase().replace(/[-_\s]/g, '');
  const kind = DIRECT[key];
  if (kind) return kind;
  return { unsupported: name };
}

/** The DTCG type a kind is written as. */
export function dtcgTypeOf(kind: ImportKind): TokenType {
  switch (kind) {
    case 'lineHeight':
    case 'opacity':
      return 'number';
    case 'letterSpacing':
    case 'fontSize':
      return 'dimension';
    default:
      return kind;
  }
}

/** A kind suggested by the name of a token (`font.family.body`, `space-4`, `lineHeight`). */
export function kindFromName(path: readonly string[]): ImportKind | undefined {
  const joined = path.join('.').toLowerCase().replace(/_/g, '-');
  const words = joined.split(/[^a-z0-9]+/);
  const has = (...candidates: string[]) => candidates.some((word) => words.includes(word));
  if (/font-?famil|typeface/.test(joined)) return 'fontFamily';
  if (/font-?weight/.test(joined) || (has('weight') && /font|text|type/.test(joined))) return 'fontWeight';
  if (/line-?height|leading/.test(joined)) return 'lineHeight';
  if (/letter-?spacing|tracking/.test(joined)) return 'letterSpacing';
  if (/font-?size|text-?size/.test(joined)) return 'fontSize';
  if (has('opacity', 'alpha')) return 'opacity';
  if (has('duration', 'delay')) return 'duration';
  if (has('easing', 'ease', 'bezier')) return 'cubicBezier';
  if (has('shadow', 'elevation')) return 'shadow';
  if (has('radius', 'radii', 'space', 'spacing', 'gap', 'padding', 'margin', 'inset', 'width', 'height', 'size', 'sizes', 'sizing', 'breakpoint', 'offset', 'blur', 'spread')) {
    return 'dimension';
  }
  if (has('family')) return 'fontFamily';
  if (has('weight')) return 'fontWeight';
  return undefined;
}
