/**
 * JSON Pointer references (Format §7.1.2, §7.4; RFC 6901): walking a decoded pointer through the
 * group tree, into a token's `$value` and following references met on the way, while tracking
 * what type of value the location holds (so a reference can be type-checked).
 */
import type { TokenType } from '../types.js';
import { describeNode, memberOf } from './json.js';
import type { JsonNode } from './json.js';
import { lookupPath } from './lookup.js';
import type { GroupNode, TokenNode, TreeNode } from './model.js';
import { isProperty } from './parse.js';
import { describeAliasPath, formatPointer, isArrayIndex, parseAlias, parsePointer } from './references.js';
import { CODES } from './report.js';
import type { Code } from './report.js';
import type { Slot } from './values.js';

const METADATA = new Set(['$type', '$description', '$deprecated', '$extensions', '$extends']);

/** What a location inside a token value holds, derived from the token's type and the path. */
export type LocationType = TokenType | 'shadowLayer' | 'gradientStop' | 'componentArray' | 'dashArray' | 'string' | 'boolean' | 'unknown';

export type Walk =
  | { kind: 'token'; token: TokenNode }
  | { kind: 'node'; node: JsonNode; type: LocationType; owner: TokenNode }
  | { kind: 'error'; code: Code; message: string; cycle?: boolean };

/** Walks JSON Pointers through one token tree; `typeOf` gives the type of a token. */
export class PointerWalker {
  constructor(
    private readonly root: GroupNode,
    private readonly typeOf: (token: TokenNode) => TokenType | null,
  ) {}

  /** Follows a decoded JSON Pointer through groups, tokens and values (following references on the way). */
  walk(segments: readonly string[], text: string, visited: Set<JsonNode>): Walk {
    const quoted = JSON.stringify(text);
    let current: TreeNode = this.root;
    let i = 0;
    while (current.kind === 'group') {
      if (i === segments.length) {
        return {
          kind: 'error',
          code: CODES.invalidReferenceTarget,
          message: `JSON Pointer ${quoted} points at group ${current.name}, not at a token value`,
        };
      }
      const segment = segments[i] ?? '';
      const group: GroupNode = current;
      if (isProperty(segment) && segment !== '$root') {
        if (group.decls.some((decl) => memberOf(decl.object, segment))) {
          return {
            kind: 'error',
            code: CODES.invalidReferenceTarget,
            message: `JSON Pointer ${quoted} points at ${segment} of ${group.name ? `group ${group.name}` : 'the document'}; only token values can be referenced`,
          };
        }
      }
      const next = group.children.get(segment);
      if (!next) {
        const where = group.name ? `group ${group.name}` : 'the document';
        return { kind: 'error', code: CODES.pointerNotFound, message: `JSON Pointer ${quoted} not found: ${where} has no ${describeSegment(segment)}` };
      }
      current = next;
      i++;
    }
    const token: TokenNode = current;
    if (i === segments.length) {
      return {
        kind: 'error',
        code: CODES.invalidReferenceTarget,
        message: `JSON Pointer ${quoted} points at token ${token.name} itself; point at its value: "${formatPointer([...token.path, '$value'])}"`,
      };
    }
    const property = segments[i++] ?? '';
    if (property !== '$value') {
      if (METADATA.has(property)) {
        return {
          kind: 'error',
          code: CODES.invalidReferenceTarget,
          message: `JSON Pointer ${quoted} points at ${property} of token ${token.name}; only $value and the parts of it can be referenced`,
        };
      }
      return {
        kind: 'error',
        code: CODES.pointerNotFound,
        message: `JSON Pointer ${quoted} not found: token ${token.name} has no ${describeSegment(property)} (did you mean "${formatPointer([...token.path, '$value', property])}"?)`,
      };
    }
    if (i === segments.length) return { kind: 'token', token };
    let at: Walk = this.enter(token, visited);
    for (; i < segments.length; i++) {
      at = this.settle(at, visited);
      if (at.kind !== 'node') return at;
      const segment = segments[i] ?? '';
      const { node, type, owner } = at;
      if (node.kind === 'object') {
        const member = memberOf(node, segment);
        if (!member) {
          return {
            kind: 'error',
            code: CODES.pointerNotFound,
            message: `JSON Pointer ${quoted} not found: the value of ${owner.name} has no ${describeSegment(segment)}`,
          };
        }
        at = { kind: 'node', node: member.value, type: childType(type, segment, false), owner };
      } else if (node.kind === 'array') {
        if (!isArrayIndex(segment)) {
          return {
            kind: 'error',
            code: CODES.pointerNotFound,
            message: `JSON Pointer ${quoted} not found: ${JSON.stringify(segment)} is not an array index (0, 1, 2, ...)`,
          };
        }
        const index = Number(segment);
        const item = node.items[index];
        if (!item) {
          return {
            kind: 'error',
            code: CODES.pointerNotFound,
            message: `JSON Pointer ${quoted} not found: index ${index} is out of range (the array has ${node.items.length} item${node.items.length === 1 ? '' : 's'})`,
          };
        }
        at = { kind: 'node', node: item, type: childType(type, segment, true), owner };
      } else {
        return {
          kind: 'error',
          code: CODES.pointerNotFound,
          message: `JSON Pointer ${quoted} not found: cannot look up ${describeSegment(segment)} in ${describeNode(node)}`,
        };
      }
    }
    if (at.kind !== 'node') return at;
    return this.deref(at, visited);
  }

  /** Follows references until the location holds a plain value. */
  private settle(start: Walk, visited: Set<JsonNode>): Walk {
    let at = start;
    for (;;) {
      if (at.kind === 'token') {
        at = this.enter(at.token, visited);
        continue;
      }
      if (at.kind === 'error') return at;
      const next = this.deref(at, visited);
      if (next === at) return at;
      at = next;
    }
  }

  /** The raw value of a token (following a token-level `$ref`). */
  private enter(token: TokenNode, visited: Set<JsonNode>): Walk {
    const type: LocationType = this.typeOf(token) ?? 'unknown';
    if (token.value) return { kind: 'node', node: token.value, type, owner: token };
    if (!token.ref) return { kind: 'error', code: CODES.unresolvedReference, message: `token ${token.name} has no value` };
    if (visited.has(token.object)) return { kind: 'error', code: CODES.referenceCycle, message: `reference cycle through ${token.name}`, cycle: true };
    visited.add(token.object);
    const result = this.follow(token.ref, visited);
    return result.kind === 'token' ? this.enter(result.token, visited) : result;
  }

  /** Follows the reference at a location, if it is one (an alias to a whole token, or a `$ref`). */
  private deref(at: { kind: 'node'; node: JsonNode; type: LocationType; owner: TokenNode }, visited: Set<JsonNode>): Walk {
    const { node } = at;
    if (node.kind === 'string' && takesAliases(at.type)) {
      const alias = parseAlias(node.value);
      if (alias.kind !== 'alias') return at;
      if (visited.has(node)) return { kind: 'error', code: CODES.referenceCycle, message: `reference cycle through ${describeAliasPath(alias.path)}`, cycle: true };
      visited.add(node);
      const found = lookupPath(this.root, alias.path);
      if (found.kind !== 'token') {
        return { kind: 'error', code: CODES.unresolvedReference, message: `${describeAliasPath(alias.path)} (on the way) does not name a token` };
      }
      return { kind: 'token', token: found.token };
    }
    if (node.kind === 'object') {
      const ref = memberOf(node, '$ref');
      if (!ref) return at;
      if (visited.has(node)) return { kind: 'error', code: CODES.referenceCycle, message: `reference cycle through ${describeNode(ref.value)}`, cycle: true };
      visited.add(node);
      return this.follow(ref.value, visited);
    }
    return at;
  }

  private follow(refNode: JsonNode, visited: Set<JsonNode>): Walk {
    if (refNode.kind !== 'string') return { kind: 'error', code: CODES.invalidReference, message: `a $ref on the way is not a string` };
    const parsed = parsePointer(refNode.value);
    if (!parsed.ok) return { kind: 'error', code: CODES.invalidPointer, message: `${parsed.message} (on the way)` };
    return this.walk(parsed.segments, refNode.value, visited);
  }
}

function describeSegment(segment: string): string {
  if (segment === '') return '"" (an empty name: is there a double or trailing "/"?)';
  return JSON.stringify(segment);
}

function takesAliases(type: LocationType): boolean {
  return type !== 'string' && type !== 'boolean' && type !== 'componentArray' && type !== 'dashArray';
}

/** The type of `segment` inside a value of `type` (Format §8, §9; Color module §4). */
export function childType(type: LocationType, segment: string, index: boolean): LocationType {
  switch (type) {
    case 'color':
      if (segment === 'components') return 'componentArray';
      if (segment === 'alpha') return 'number';
      if (segment === 'hex' || segment === 'colorSpace') return 'string';
      return 'unknown';
    case 'componentArray':
    case 'cubicBezier':
      return index ? 'number' : 'unknown';
    case 'dimension':
    case 'duration':
      if (segment === 'value') return 'number';
      if (segment === 'unit') return 'string';
      return 'unknown';
    case 'fontFamily':
      return index ? 'string' : 'unknown';
    case 'strokeStyle':
      if (segment === 'dashArray') return 'dashArray';
      if (segment === 'lineCap') return 'string';
      return 'unknown';
    case 'dashArray':
      return index ? 'dimension' : 'unknown';
    case 'border':
      return fieldType({ color: 'color', width: 'dimension', style: 'strokeStyle' }, segment);
    case 'transition':
      return fieldType({ duration: 'duration', delay: 'duration', timingFunction: 'cubicBezier' }, segment);
    case 'shadow':
      return index ? 'shadowLayer' : childType('shadowLayer', segment, false);
    case 'shadowLayer':
      return fieldType({ color: 'color', offsetX: 'dimension', offsetY: 'dimension', blur: 'dimension', spread: 'dimension', inset: 'boolean' }, segment);
    case 'gradient':
      return index ? 'gradientStop' : 'unknown';
    case 'gradientStop':
      return fieldType({ color: 'color', position: 'number' }, segment);
    case 'typography':
      return fieldType({ fontFamily: 'fontFamily', fontSize: 'dimension', fontWeight: 'fontWeight', letterSpacing: 'dimension', lineHeight: 'number' }, segment);
    default:
      return 'unknown';
  }
}

/** The type of a composite value's field; a segment from a pointer is data, so only own fields count (`constructor` is no field). */
function fieldType(fields: Readonly<Record<string, LocationType>>, segment: string): LocationType {
  return Object.hasOwn(fields, segment) ? fields[segment]! : 'unknown';
}

export function compatible(slot: Slot, type: LocationType): boolean {
  if (type === 'unknown') return true;
  switch (slot.kind) {
    case 'type':
      return type === slot.type || (slot.type === 'shadow' && type === 'shadowLayer');
    case 'component':
      return type === 'number';
    case 'components':
      return type === 'componentArray';
    case 'dashArray':
      return type === 'dashArray';
    case 'shadowLayer':
      return type === 'shadow' || type === 'shadowLayer';
    case 'gradientStop':
      return type === 'gradient' || type === 'gradientStop';
    case 'string':
      return type === 'string';
    case 'boolean':
      return type === 'boolean';
    case 'any':
      return true;
  }
}

export function describeLocation(type: LocationType): string {
  switch (type) {
    case 'shadowLayer':
      return 'a shadow object';
    case 'gradientStop':
      return 'a gradient stop';
    case 'componentArray':
      return 'the components array of a color (not a whole color)';
    case 'dashArray':
      return 'a dashArray';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'unknown':
      return 'a value';
    default:
      return type === 'number' ? 'a number' : `a ${type} value`;
  }
}
