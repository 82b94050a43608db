/**
 * Group semantics (Format §6): `$extends` inheritance with deep override (§6.4), cycle detection
 * (§6.4.4, §6.7.4), `$type` inheritance (§5.2.2, §6.7.3) and `$deprecated` inheritance (§6.3.1).
 */
import type { TokenType } from '../types.js';
import { describeNode, memberOf } from './json.js';
import type { JsonNode } from './json.js';
import { newGroup, newResolution } from './model.js';
import type { GroupDecl, GroupNode, GroupProps, TokenNode, TreeNode, TypeDecl } from './model.js';
import { describeAliasPath, parseAlias, parsePointer } from './references.js';
import { CODES, FileReporter } from './report.js';
import type { DiagnosticSink, Reporter } from './report.js';

/** Expands every `$extends` of the tree in place: inherited tokens and groups are copied in. */
export function expandExtends(root: GroupNode, sink: DiagnosticSink): void {
  new Expander(root, sink).expand(root);
}

/**
 * Longest chain of groups each extending the next. Expansion follows a chain recursively; a
 * chain longer than this is reported at the `$extends` where it goes too far, not left to
 * overflow the stack.
 */
export const MAX_EXTENDS_DEPTH = 256;

class Expander {
  private readonly stack: GroupNode[] = [];

  constructor(
    private readonly root: GroupNode,
    private readonly sink: DiagnosticSink,
  ) {}

  expand(group: GroupNode): void {
    if (group.expansion !== 0) return;
    group.expansion = 1;
    this.stack.push(group);
    const decl = group.decls.find((candidate) => candidate.extendsNode !== undefined);
    if (decl?.extendsNode) {
      const target = this.target(group, decl, decl.extendsNode);
      if (target && !group.extendsCycle && !target.extendsCycle) mergeInto(group, target, group);
    }
    for (const child of [...group.children.values()]) if (child.kind === 'group') this.expand(child);
    this.stack.pop();
    group.expansion = 2;
  }

  private target(group: GroupNode, decl: GroupDecl, node: JsonNode): GroupNode | undefined {
    const report = new FileReporter(this.sink, decl.source, group.name || undefined);
    const reference = readExtends(node, report);
    if (!reference) return undefined;
    const found = this.lookup(reference.path);
    if (!found) {
      report.error(reference.span, reference.pointer ? CODES.pointerNotFound : CODES.aliasNotFound, `$extends target ${reference.text} not found`);
      return undefined;
    }
    if (found.kind === 'token') {
      report.error(reference.span, CODES.invalidExtends, `$extends must reference a group, but ${reference.text} is a token`);
      return undefined;
    }
    if (found === group || isAncestor(found, group)) {
      group.extendsCycle = true;
      report.error(
        reference.span,
        CODES.referenceCycle,
        found === group
          ? `$extends cycle: ${group.name} extends itself`
          : `$extends cycle: ${group.name} extends ${found.name}, which contains it`,
      );
      return undefined;
    }
    if (found.expansion === 1) {
      this.reportCycle(found);
      return undefined;
    }
    if (found.expansion === 0 && this.stack.length >= MAX_EXTENDS_DEPTH) {
      group.extendsCycle = true;
      report.error(
        reference.span,
        CODES.tooDeep,
        `$extends chain longer than ${MAX_EXTENDS_DEPTH} groups (${group.name} extends ${found.name}, which extends another group, and so on); brandlint follows chains up to that length`,
      );
      return undefined;
    }
    this.expand(found);
    return found;
  }

  private reportCycle(target: GroupNode): void {
    const start = this.stack.indexOf(target);
    const members = this.stack.slice(start).filter((member) => member.decls.some((decl) => decl.extendsNode));
    const names = [...members.map((member) => member.name), target.name].join(' → ');
    for (const member of members) {
      member.extendsCycle = true;
      const decl = member.decls.find((candidate) => candidate.extendsNode);
      if (!decl?.extendsNode) continue;
      const span = decl.extendsNode.kind === 'object' ? (memberOf(decl.extendsNode, '$ref')?.value ?? decl.extendsNode) : decl.extendsNode;
      new FileReporter(this.sink, decl.source, member.name || undefined).error(span, CODES.referenceCycle, `$extends cycle: ${names}`);
    }
  }

  /** Finds a node by path; a group whose own `$extends` has not run yet is expanded when a child is missing. */
  private lookup(path: readonly string[]): TreeNode | undefined {
    let current: TreeNode = this.root;
    for (const segment of path) {
      if (current.kind !== 'group') return undefined;
      let next: TreeNode | undefined = current.children.get(segment);
      if (!next && current.expansion === 0 && current.decls.some((decl) => decl.extendsNode)) {
        this.expand(current);
        next = current.children.get(segment);
      }
      if (!next) return undefined;
      current = next;
    }
    return current;
  }
}

interface ExtendsReference {
  path: string[];
  text: string;
  span: JsonNode;
  pointer: boolean;
}

function readExtends(node: JsonNode, report: Reporter): ExtendsReference | undefined {
  let value = node;
  if (node.kind === 'object') {
    const ref = memberOf(node, '$ref');
    if (ref) value = ref.value;
  }
  if (value.kind !== 'string') {
    report.error(value, CODES.invalidExtends, `$extends must be a group reference like "{group}" or "#/group", got ${describeNode(value)}`);
    return undefined;
  }
  if (value.value.startsWith('#') || value.value.startsWith('/')) {
    const pointer = parsePointer(value.value);
    if (!pointer.ok) {
      report.error(value, CODES.invalidPointer, pointer.message);
      return undefined;
    }
    const property = pointer.segments.find((segment) => segment.startsWith('$'));
    if (property) {
      report.error(value, CODES.invalidExtends, `$extends must point at a group; "${property}" is not a group name`);
      return undefined;
    }
    return { path: pointer.segments, text: JSON.stringify(value.value), span: value, pointer: true };
  }
  const alias = parseAlias(value.value);
  if (alias.kind === 'alias') return { path: alias.path, text: describeAliasPath(alias.path), span: value, pointer: false };
  report.error(
    value,
    alias.kind === 'invalid' ? CODES.invalidReference : CODES.invalidExtends,
    alias.kind === 'invalid' ? alias.message : `$extends must be a group reference like "{group}" or "#/group", got ${describeNode(value)}`,
  );
  return undefined;
}

function isAncestor(candidate: GroupNode, group: GroupNode): boolean {
  for (let current = group.parent; current; current = current.parent) if (current === candidate) return true;
  return false;
}

/** Deep merge (Format §6.4.3): local tokens and groups win, inherited ones are copied in. */
function mergeInto(group: GroupNode, target: GroupNode, extender: GroupNode): void {
  group.inherited = fillProps(group.inherited, effectiveProps(target));
  for (const [name, inherited] of target.children) {
    const local = group.children.get(name);
    if (!local) group.children.set(name, copyNode(inherited, group, extender));
    else if (local.kind === 'group' && inherited.kind === 'group') mergeInto(local, inherited, extender);
  }
}

function copyNode(node: TreeNode, parent: GroupNode, extender: GroupNode): TreeNode {
  const key = node.path[node.path.length - 1] ?? '';
  const path = [...parent.path, key];
  if (node.kind === 'token') {
    return {
      ...node,
      path,
      name: path.join('.'),
      parent,
      origin: node.origin ?? node,
      copiedBy: node.copiedBy ?? extender,
      resolution: newResolution(),
    };
  }
  const copy = newGroup(path, parent);
  copy.decls = node.decls;
  copy.origin = node.origin ?? node;
  copy.expansion = 2;
  if (node.inherited) copy.inherited = node.inherited;
  for (const [name, child] of node.children) copy.children.set(name, copyNode(child, copy, extender));
  return copy;
}

function fillProps(base: GroupProps | undefined, extra: GroupProps): GroupProps {
  const out: GroupProps = { ...extra, ...stripUndefined(base ?? {}) };
  return out;
}

function stripUndefined(props: GroupProps): GroupProps {
  const out: GroupProps = {};
  if (props.type !== undefined) out.type = props.type;
  if (props.description !== undefined) out.description = props.description;
  if (props.deprecated !== undefined) out.deprecated = props.deprecated;
  if (props.extensions !== undefined) out.extensions = props.extensions;
  return out;
}

/** A group's own properties (first declaration that has each), falling back to inherited ones. */
function effectiveProps(group: GroupNode): GroupProps {
  const out: GroupProps = {};
  for (const decl of group.decls) {
    if (out.type === undefined && decl.type !== undefined) out.type = decl.type;
    if (out.description === undefined && decl.description !== undefined) out.description = decl.description;
    if (out.deprecated === undefined && decl.deprecated !== undefined) out.deprecated = decl.deprecated;
    if (out.extensions === undefined && decl.extensions !== undefined) out.extensions = decl.extensions;
  }
  return { ...stripUndefined(group.inherited ?? {}), ...out };
}

/**
 * The `$type` a token inherits from its groups: the closest group with a `$type` (its declaration
 * in the token's own file first), `broken` when that declaration was invalid (already reported).
 */
export function inheritedType(token: TokenNode): TokenType | 'broken' | undefined {
  for (let group: GroupNode | null = token.parent; group; group = group.parent) {
    const decl = group.decls.find((candidate) => candidate.source === token.source && candidate.type) ?? group.decls.find((candidate) => candidate.type);
    const type: TypeDecl | undefined = decl?.type ?? group.inherited?.type;
    if (type) return 'broken' in type ? 'broken' : type.type;
  }
  return undefined;
}

/** `$deprecated` of the token, or of its closest group that sets it (Format §6.3.1). */
export function effectiveDeprecated(token: TokenNode): boolean | string | undefined {
  if (token.deprecated !== undefined) return token.deprecated;
  for (let group: GroupNode | null = token.parent; group; group = group.parent) {
    const decl = group.decls.find((candidate) => candidate.deprecated !== undefined);
    const value = decl?.deprecated ?? group.inherited?.deprecated;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Every token of the tree, depth first in definition order. */
export function collectTokens(root: GroupNode): TokenNode[] {
  const out: TokenNode[] = [];
  const visit = (group: GroupNode): void => {
    for (const child of group.children.values()) {
      if (child.kind === 'token') out.push(child);
      else visit(child);
    }
  };
  visit(root);
  return out;
}
