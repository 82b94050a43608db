import type { TokenType, TokenValue } from '../types.js';
import type { JsonNode, JsonObject, JsonString, Span } from './json.js';
import type { SourceFile } from './report.js';

/** A `$type` as written: valid (`type`) or reported as invalid (`broken`). */
export type TypeDecl = { type: TokenType; node: JsonString } | { broken: true };

/** Group metadata, shared by the tokens below the group. */
export interface GroupProps {
  type?: TypeDecl;
  description?: string;
  deprecated?: boolean | string;
  extensions?: Record<string, unknown>;
}

/** One object in one file that declares a group (a group path can be declared by several files). */
export interface GroupDecl extends GroupProps {
  source: SourceFile;
  object: JsonObject;
  /** The group's key (absent for a file's root object). */
  keySpan?: Span;
  /** `$extends` (or a group-level `$ref`) as written. */
  extendsNode?: JsonNode;
}

export interface GroupNode {
  kind: 'group';
  path: string[];
  name: string;
  parent: GroupNode | null;
  children: Map<string, TreeNode>;
  decls: GroupDecl[];
  /** For a group copied into another through `$extends`: the group it was copied from. */
  origin?: GroupNode;
  /** Properties inherited from the `$extends` target (used where the group has none of its own). */
  inherited?: GroupProps;
  /** `$extends` expansion state: 0 not started, 1 in progress, 2 done. */
  expansion: 0 | 1 | 2;
  /** The group is part of a reported `$extends` cycle (nothing is inherited). */
  extendsCycle?: boolean;
}

export interface TokenNode {
  kind: 'token';
  path: string[];
  name: string;
  parent: GroupNode;
  source: SourceFile;
  object: JsonObject;
  keySpan: Span;
  /** `$value`, when present. */
  value?: JsonNode;
  /** A token-level `$ref` (used instead of `$value`). */
  ref?: JsonNode;
  type?: TypeDecl;
  description?: string;
  deprecated?: boolean | string;
  extensions?: Record<string, unknown>;
  /** Set when the definition itself is unusable (reported already). */
  broken?: boolean;
  /** For a token copied through `$extends`: the original definition. */
  origin?: TokenNode;
  /** The group whose `$extends` brought this copy in (for reporting problems of the copy). */
  copiedBy?: GroupNode;
  resolution: TokenResolution;
}

/** Mutable resolution state of one token. */
export interface TokenResolution {
  typeState: 0 | 1 | 2;
  resolvedType?: TokenType | null;
  valueState: 0 | 1 | 2;
  value?: TokenValue | undefined;
  ok?: boolean;
  /** A reference cycle through this token was reported. */
  inCycle?: boolean;
  /** The token failed because a token it references failed (reported once, at the first link). */
  brokenLink?: boolean;
}

export type TreeNode = GroupNode | TokenNode;

export function newResolution(): TokenResolution {
  return { typeState: 0, valueState: 0 };
}

export function newGroup(path: string[], parent: GroupNode | null): GroupNode {
  return { kind: 'group', path, name: path.join('.'), parent, children: new Map(), decls: [], expansion: 0 };
}
