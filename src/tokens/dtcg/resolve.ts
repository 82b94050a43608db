/**
 * Resolution of a token tree (Format §5.2.2, §7): each token's type, its references (curly-brace
 * aliases and JSON Pointers, whole values and sub-values), cycle detection, and the resolved value.
 */
import type { RelatedLocation } from '../../core/diagnostic.js';
import type { Token, TokenType, TokenValue } from '../types.js';
import { TOKEN_TYPES } from '../types.js';
import { collectTokens, effectiveDeprecated, inheritedType } from './groups.js';
import { describeNode, memberOf, toPlain } from './json.js';
import type { JsonNode } from './json.js';
import { lookupPath } from './lookup.js';
import type { GroupNode, TokenNode } from './model.js';
import { PointerWalker, compatible, describeLocation } from './pointers.js';
import type { LocationType } from './pointers.js';
import { describeAliasPath, formatPointer, parseAlias, parsePointer } from './references.js';
import { CODES, FileReporter, SilentReporter } from './report.js';
import type { DiagnosticSink, Reporter } from './report.js';
import { INVALID, NOT_REFERENCE, ValueChecker, aliasTypeOf, describeSlot, slotTakesAliases } from './values.js';
import type { ReferenceEnv, Slot } from './values.js';

const TYPE_SET: ReadonlySet<string> = new Set(TOKEN_TYPES);
/** Guards against pathological reference depth (each level is a JS stack frame or two). */
const MAX_DEPTH = 256;

interface Frame {
  owner: TokenNode;
  node: JsonNode;
}

export class Resolver {
  private readonly frames: Frame[] = [];
  private readonly typeStack: TokenNode[] = [];
  private readonly cycleNodes = new Set<JsonNode>();
  private readonly silent = new Map<TokenNode, SilentReporter>();

  private readonly pointers: PointerWalker;

  constructor(
    private readonly root: GroupNode,
    private readonly sink: DiagnosticSink,
  ) {
    this.pointers = new PointerWalker(root, (token) => this.typeOf(token));
  }

  /** Types and values of every token; returns the tokens that resolved, in tree order. */
  run(): Map<string, Token> {
    const all = collectTokens(this.root);
    // Alias chains are resolved from their far end, so resolution depth stays small however long they are.
    for (const token of all) for (const link of this.chainFrom(token, (t) => t.resolution.typeState === 0)) this.typeOf(link);
    for (const token of all) for (const link of this.chainFrom(token, (t) => t.resolution.valueState === 0)) this.valueOf(link);
    this.reportFailedCopies(all);
    const out = new Map<string, Token>();
    for (const node of all) {
      const token = this.toToken(node);
      if (token) out.set(token.name, token);
    }
    return out;
  }

  /** `token` and the tokens its whole-value references lead to (while `pending`), far end first. */
  private chainFrom(token: TokenNode, pending: (token: TokenNode) => boolean): TokenNode[] {
    const chain: TokenNode[] = [];
    const seen = new Set<TokenNode>();
    for (let current: TokenNode | undefined = token; current && pending(current) && !seen.has(current); current = this.aliasTarget(current)) {
      seen.add(current);
      chain.push(current);
    }
    return chain.reverse();
  }

  /** The token a whole-value alias (or pointer to a `$value`) names, found without resolving anything. */
  private aliasTarget(token: TokenNode): TokenNode | undefined {
    const node = wholeReferenceNode(token);
    if (!node || node.kind !== 'string') return undefined;
    if (node === token.value) {
      const alias = parseAlias(node.value);
      if (alias.kind !== 'alias') return undefined;
      const found = lookupPath(this.root, alias.path);
      return found.kind === 'token' ? found.token : undefined;
    }
    const pointer = parsePointer(node.value);
    if (!pointer.ok || pointer.segments[pointer.segments.length - 1] !== '$value') return undefined;
    const found = lookupPath(this.root, pointer.segments.slice(0, -1));
    return found.kind === 'token' ? found.token : undefined;
  }

  // ------------------------------------------------------------------ reporting

  private reporter(token: TokenNode): Reporter {
    if (!token.origin) return new FileReporter(this.sink, token.source, token.name);
    let reporter = this.silent.get(token);
    if (!reporter) {
      reporter = new SilentReporter();
      this.silent.set(token, reporter);
    }
    return reporter;
  }

  /** A copy made by `$extends` that fails where its original does not is reported at the `$extends`. */
  private reportFailedCopies(all: readonly TokenNode[]): void {
    const reported = new Set<string>();
    for (const token of all) {
      const origin = token.origin;
      const extender = token.copiedBy;
      if (!origin || !extender || token.resolution.ok || !origin.resolution.ok) continue;
      const decl = extender.decls.find((candidate) => candidate.extendsNode);
      if (!decl?.extendsNode || reported.has(token.name)) continue;
      reported.add(token.name);
      const reason = this.silent.get(token)?.firstError ?? 'its type cannot be determined there';
      new FileReporter(this.sink, decl.source, extender.name).error(
        decl.extendsNode,
        CODES.invalidExtends,
        `${token.name}, inherited from ${origin.name} through $extends, is invalid in its new place: ${reason}`,
      );
    }
  }

  private reportCycle(members: ReadonlyArray<{ owner: TokenNode; node: JsonNode }>): void {
    // Name the cycle from its first token in document order, whichever token it was found from.
    const owners = members.map((member) => member.owner);
    let first = 0;
    owners.forEach((owner, index) => {
      const best = owners[first];
      if (best && (owner.source.order < best.source.order || (owner.source.order === best.source.order && owner.keySpan.start < best.keySpan.start))) first = index;
    });
    const rotated = [...owners.slice(first), ...owners.slice(0, first)];
    const text = `reference cycle: ${[...rotated, rotated[0]].map((owner) => owner?.name ?? '').join(' → ')}`;
    for (const { owner, node } of members) {
      owner.resolution.inCycle = true;
      if (this.cycleNodes.has(node)) continue;
      this.cycleNodes.add(node);
      if (owner.origin) continue;
      new FileReporter(this.sink, owner.source, owner.name).error(node, CODES.referenceCycle, text);
    }
  }

  // ------------------------------------------------------------------ types

  /** The token's type (Format §5.2.2), or null when it cannot be determined (reported). */
  typeOf(token: TokenNode): TokenType | null {
    const state = token.resolution;
    if (state.typeState === 2) return state.resolvedType ?? null;
    if (state.typeState === 1) {
      const start = this.typeStack.indexOf(token);
      if (start >= 0) {
        this.reportCycle(this.typeStack.slice(start).map((owner) => ({ owner, node: wholeReferenceNode(owner) ?? owner.object })));
      }
      return null;
    }
    if (this.typeStack.length > MAX_DEPTH) return null;
    state.typeState = 1;
    this.typeStack.push(token);
    const type = this.determineType(token);
    this.typeStack.pop();
    state.typeState = 2;
    state.resolvedType = type;
    return type;
  }

  private determineType(token: TokenNode): TokenType | null {
    if (token.type) return 'broken' in token.type ? null : token.type.type;
    if (token.broken) return null;
    const inherited = inheritedType(token);
    const referenced = this.referencedType(token);
    if (referenced) {
      if (inherited && inherited !== 'broken' && inherited !== referenced) {
        const node = wholeReferenceNode(token);
        if (node) {
          this.reporter(token).warn(
            node,
            CODES.typeMismatch,
            `${token.name} inherits $type "${inherited}" from its group but references a ${referenced} token, so it is a ${referenced}; add an explicit "$type" to make this intentional`,
          );
        }
      }
      return referenced;
    }
    if (inherited === 'broken') return null;
    if (inherited) return inherited;
    if (token.origin) {
      const originType = this.typeOf(token.origin);
      if (originType) return originType;
    }
    if (referenced === null) return null;
    this.reporter(token).error(
      token.keySpan,
      CODES.missingType,
      `${token.name} has no $type and inherits none from its groups; add "$type" (one of ${TOKEN_TYPES.join(', ')})`,
    );
    return null;
  }

  /** The type of the token a whole-value reference points at: undefined when not a reference, null when unknown. */
  private referencedType(token: TokenNode): TokenType | null | undefined {
    const target = this.wholeReferenceTarget(token);
    if (target === undefined) return undefined;
    if (target === null) return null;
    if (target.kind === 'token') return this.typeOf(target.token);
    return TYPE_SET.has(target.type) ? (target.type as TokenType) : null;
  }

  /** Where a token whose whole value is a reference points (no reporting). */
  private wholeReferenceTarget(token: TokenNode): { kind: 'token'; token: TokenNode } | { kind: 'node'; type: LocationType } | null | undefined {
    let pointer: JsonNode | undefined;
    if (token.ref) pointer = token.ref;
    else if (token.value?.kind === 'object') pointer = memberOf(token.value, '$ref')?.value;
    else if (token.value?.kind === 'string') {
      const alias = parseAlias(token.value.value);
      if (alias.kind === 'none') return undefined;
      if (alias.kind === 'invalid') return null;
      const found = lookupPath(this.root, alias.path);
      return found.kind === 'token' ? { kind: 'token', token: found.token } : null;
    }
    if (!pointer) return undefined;
    if (pointer.kind !== 'string') return null;
    const parsed = parsePointer(pointer.value);
    if (!parsed.ok) return null;
    const walk = this.pointers.walk(parsed.segments, pointer.value, new Set([token.ref ? token.object : (token.value as JsonNode)]));
    if (walk.kind === 'token') return walk;
    if (walk.kind === 'node') return { kind: 'node', type: walk.type };
    return null;
  }

  // ------------------------------------------------------------------ values

  /** The token's resolved value, or INVALID (reasons reported). */
  valueOf(token: TokenNode): TokenValue | typeof INVALID {
    const state = token.resolution;
    if (state.valueState === 2) return state.ok ? (state.value as TokenValue) : INVALID;
    state.valueState = 1;
    let value: unknown = INVALID;
    const type = this.typeOf(token);
    if (!token.broken) {
      // Without a type, a whole-value reference is still followed to report why it leads nowhere.
      const slot: Slot = type ? { kind: 'type', type } : { kind: 'any' };
      const report = this.reporter(token);
      if (token.ref) value = this.pointerReference(token.ref, token.object, slot, report, token);
      else if (token.value && (type || wholeReferenceNode(token))) value = new ValueChecker(new TokenEnv(this, token), report).value(token.value, slot, true);
      if (!type) value = INVALID;
    }
    state.valueState = 2;
    state.ok = value !== INVALID;
    if (state.ok) state.value = value as TokenValue;
    return state.ok ? (value as TokenValue) : INVALID;
  }

  /** `ReferenceEnv.reference` for a value owned by `owner`. */
  reference(node: JsonNode, slot: Slot, report: Reporter, owner: TokenNode): unknown {
    if (node.kind === 'string') {
      if (!slotTakesAliases(slot)) return NOT_REFERENCE;
      const alias = parseAlias(node.value);
      if (alias.kind === 'none') return NOT_REFERENCE;
      if (alias.kind === 'invalid') {
        report.error(node, CODES.invalidReference, alias.message);
        return INVALID;
      }
      return this.aliasReference(node, alias.path, slot, report, owner);
    }
    if (node.kind === 'object') {
      const ref = memberOf(node, '$ref');
      if (!ref) return NOT_REFERENCE;
      for (const member of node.members) {
        if (member.key !== '$ref') {
          report.error(member.keySpan, CODES.invalidReference, `a {"$ref": ...} object cannot have other properties, got "${member.key}"`);
        }
      }
      return this.pointerReference(ref.value, node, slot, report, owner);
    }
    return NOT_REFERENCE;
  }

  private aliasReference(node: JsonNode, path: string[], slot: Slot, report: Reporter, owner: TokenNode): unknown {
    const label = describeAliasPath(path);
    const found = lookupPath(this.root, path);
    switch (found.kind) {
      case 'missing': {
        report.error(node, CODES.aliasNotFound, `alias ${label} not found${this.missingHint(path, found)}`, { actual: label });
        return INVALID;
      }
      case 'group': {
        const hint = found.group.children.get('$root')?.kind === 'token' ? ` (did you mean ${describeAliasPath([...path, '$root'])}?)` : '';
        report.error(node, CODES.invalidReferenceTarget, `alias ${label} points at a group, not a token${hint}`);
        return INVALID;
      }
      case 'inside': {
        const pointer = formatPointer([...found.token.path, '$value', ...found.rest]);
        report.error(
          node,
          CODES.invalidReferenceTarget,
          `alias ${label} points inside token ${found.token.name}; curly aliases name whole tokens, use {"$ref": "${pointer}"} for part of a value`,
        );
        return INVALID;
      }
      case 'token':
        return this.tokenReference(node, found.token, `alias ${label}`, slot, report, owner);
    }
  }

  private missingHint(path: readonly string[], found: { parent: GroupNode; segment: string }): string {
    if (path.some((segment) => segment !== segment.trim())) return ' (names are matched exactly: remove the spaces inside the braces)';
    const lower = found.segment.toLowerCase();
    for (const key of found.parent.children.keys()) {
      if (key.toLowerCase() === lower) {
        const fixed = [...found.parent.path, key, ...path.slice(found.parent.path.length + 1)];
        return ` (names are case-sensitive: did you mean ${describeAliasPath(fixed)}?)`;
      }
    }
    return '';
  }

  /** A reference to a whole token (alias, or pointer to its `$value`). */
  private tokenReference(node: JsonNode, target: TokenNode, label: string, slot: Slot, report: Reporter, owner: TokenNode): unknown {
    if (target.resolution.valueState === 1) {
      const start = this.frames.findIndex((frame) => frame.owner === target);
      this.reportCycle([...this.frames.slice(start >= 0 ? start : this.frames.length), { owner, node }]);
      return INVALID;
    }
    const targetType = this.typeOf(target);
    if (targetType === null) {
      this.brokenLink(node, target, label, 'is invalid', report, owner);
      return INVALID;
    }
    const expected = aliasTypeOf(slot);
    if (slot.kind !== 'any' && expected !== targetType) {
      report.error(node, CODES.typeMismatch, `${label} points at a ${targetType} token; expected ${describeSlot(slot)}`, {
        actual: targetType,
        expected: expected ? [expected] : [],
      });
      return INVALID;
    }
    if (this.frames.length > MAX_DEPTH) {
      report.error(node, CODES.referenceCycle, `${label}: references nest more than ${MAX_DEPTH} levels deep`);
      return INVALID;
    }
    this.frames.push({ owner, node });
    const value = this.valueOf(target);
    this.frames.pop();
    if (value === INVALID) {
      this.brokenLink(node, target, label, 'is invalid', report, owner);
      return INVALID;
    }
    return value;
  }

  /** A reference to a failed token is reported at the first link only, not all along a chain. */
  private brokenLink(node: JsonNode, target: TokenNode, label: string, reason: 'is invalid', report: Reporter, owner: TokenNode): void {
    const wasBroken = target.resolution.brokenLink === true;
    owner.resolution.brokenLink = true;
    if (wasBroken || owner.resolution.inCycle || (target.resolution.inCycle && target.resolution.valueState !== 2)) return;
    const why = target.resolution.inCycle ? 'is part of a reference cycle' : reason;
    report.error(node, CODES.unresolvedReference, `${label} cannot be resolved because ${target.name} ${why}`, {
      related: [this.related(target, 'referenced token')],
    });
  }

  private pointerReference(refNode: JsonNode, holder: JsonNode, slot: Slot, report: Reporter, owner: TokenNode): unknown {
    if (refNode.kind !== 'string') {
      report.error(refNode, CODES.invalidReference, `$ref must be a JSON Pointer string like "#/group/token/$value", got ${describeNode(refNode)}`);
      return INVALID;
    }
    const text = refNode.value;
    const parsed = parsePointer(text);
    if (!parsed.ok) {
      report.error(refNode, CODES.invalidPointer, parsed.message);
      return INVALID;
    }
    const walk = this.pointers.walk(parsed.segments, text, new Set([holder]));
    const label = `$ref ${JSON.stringify(text)}`;
    if (walk.kind === 'error') {
      if (walk.cycle) {
        owner.resolution.inCycle = true;
        if (this.cycleNodes.has(refNode)) return INVALID;
        this.cycleNodes.add(refNode);
      }
      report.error(refNode, walk.code, walk.message);
      return INVALID;
    }
    if (walk.kind === 'token') return this.tokenReference(refNode, walk.token, label, slot, report, owner);
    if (!compatible(slot, walk.type)) {
      report.error(refNode, CODES.typeMismatch, `${label} points at ${describeLocation(walk.type)}; expected ${describeSlot(slot)}`, {
        actual: walk.type,
      });
      return INVALID;
    }
    if (this.frames.some((frame) => frame.node === refNode) || this.frames.length > MAX_DEPTH) {
      this.reportCycle([{ owner, node: refNode }]);
      return INVALID;
    }
    this.frames.push({ owner, node: refNode });
    const silent = new SilentReporter();
    const value = new ValueChecker(new TokenEnv(this, walk.owner), silent).value(walk.node, slot);
    this.frames.pop();
    if (value === INVALID) {
      if (!owner.resolution.inCycle) {
        report.error(refNode, CODES.typeMismatch, `${label} does not resolve to ${describeSlot(slot)}: ${silent.firstError ?? 'the value is invalid'}`);
      }
      return INVALID;
    }
    return value;
  }

  // ------------------------------------------------------------------ lookups

  // ------------------------------------------------------------------ output

  private related(token: TokenNode, message: string): RelatedLocation {
    const original = token.origin ?? token;
    return { file: original.source.file, range: original.source.range(original.keySpan), message };
  }

  private toToken(node: TokenNode): Token | undefined {
    const state = node.resolution;
    const type = state.resolvedType;
    if (!state.ok || !type) return undefined;
    const original = node.origin ?? node;
    const token: Token = {
      path: node.path,
      name: node.name,
      type,
      rawValue: node.ref ? { $ref: toPlain(node.ref) } : node.value ? toPlain(node.value) : undefined,
      value: state.value as TokenValue,
      source: { file: original.source.file, range: original.source.range(original.keySpan) },
    } as Token;
    const target = this.wholeReferenceTarget(node);
    if (target && target.kind === 'token') token.aliasOf = target.token.name;
    if (node.description !== undefined) token.description = node.description;
    const deprecated = effectiveDeprecated(node);
    if (deprecated !== undefined) token.deprecated = deprecated;
    if (node.extensions !== undefined) token.extensions = node.extensions;
    return token;
  }
}

/** Binds reference resolution to the token that owns the value being checked. */
class TokenEnv implements ReferenceEnv {
  constructor(
    private readonly resolver: Resolver,
    private readonly owner: TokenNode,
  ) {}

  reference(node: JsonNode, slot: Slot, report: Reporter): unknown {
    return this.resolver.reference(node, slot, report, this.owner);
  }
}

/** The reference that makes up a token's whole value, if any (for cycle messages). */
function wholeReferenceNode(token: TokenNode): JsonNode | undefined {
  if (token.ref) return token.ref;
  const value = token.value;
  if (!value) return undefined;
  if (value.kind === 'string' && parseAlias(value.value).kind === 'alias') return value;
  if (value.kind === 'object') return memberOf(value, '$ref')?.value;
  return undefined;
}

