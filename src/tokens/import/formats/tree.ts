/**
 * Walking nested token trees (Style Dictionary, Tokens Studio sets, DTCG drafts, Figma's
 * DTCG-like export): groups are objects, a token is an object the format recognises, and
 * anything else is said once as not imported.
 */
import type { JsonMember, JsonNode, JsonObject, Span } from '../../dtcg/json.js';
import { toPlain } from '../../dtcg/json.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { ImportFile } from '../model.js';

export interface TreeVisitor {
  /** Whether an object is a token of this format. */
  isToken(object: JsonObject): boolean;
  /** Keys of a group that are metadata, not children (their values are read by `group`). */
  isGroupProperty(key: string): boolean;
  token(path: string[], object: JsonObject, member: JsonMember, inherited: GroupContext): void;
  /** Called for every group before its children; returns what its children inherit. */
  group?(path: string[], object: JsonObject, inherited: GroupContext): GroupContext;
}

/** What a group passes down (a `$type`, for DTCG drafts). */
export interface GroupContext {
  type?: { name: string; node: JsonNode };
}

export function walkTree(file: ImportFile, root: JsonObject, visitor: TreeVisitor, log: ImportLog, start: string[] = []): void {
  const visit = (object: JsonObject, path: string[], inherited: GroupContext) => {
    const context = visitor.group ? visitor.group(path, object, inherited) : inherited;
    for (const member of object.members) {
      if (visitor.isGroupProperty(member.key)) continue;
      const childPath = [...path, member.key];
      if (member.value.kind !== 'object') {
        log.warn(file.source, member.keySpan, IMPORT_CODES.unmapped, `${childPath.join('.')} is neither a token nor a group (${member.value.kind}); not imported`, childPath.join('.'));
        continue;
      }
      if (visitor.isToken(member.value)) visitor.token(childPath, member.value, member, context);
      else visit(member.value, childPath, context);
    }
  };
  visit(root, start, {});
}

export function memberNode(object: JsonObject, ...keys: string[]): JsonNode | undefined {
  for (const key of keys) {
    for (const member of object.members) if (member.key === key) return member.value;
  }
  return undefined;
}

export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

export function spanOf(member: JsonMember): Span {
  return member.keySpan;
}

/** Properties the format has and DTCG does not, kept under `$extensions[namespace]` so nothing is lost. */
export function keptProperties(object: JsonObject, read: ReadonlySet<string>, namespace: string, extensions?: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = extensions ? { ...extensions } : {};
  const kept: Record<string, unknown> = {};
  for (const member of object.members) {
    if (read.has(member.key)) continue;
    Object.defineProperty(kept, member.key, { value: toPlain(member.value), enumerable: true, writable: true, configurable: true });
  }
  if (Object.keys(kept).length > 0) out[namespace] = kept;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `$extensions` of a token, as plain data (when it is an object). */
export function extensionsOf(object: JsonObject, key = '$extensions'): Record<string, unknown> | undefined {
  const node = memberNode(object, key);
  return node?.kind === 'object' ? (toPlain(node) as Record<string, unknown>) : undefined;
}

/** A string node that stands for `text` at the place of `at` (a rewritten reference keeps its position). */
export function syntheticString(text: string, at: Span): JsonNode {
  return { kind: 'string', value: text, start: at.start, end: at.end };
}
