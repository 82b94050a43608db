import type { GroupNode, TokenNode, TreeNode } from './model.js';

/** Where a curly-brace alias path leads in the tree. */
export type Lookup =
  | { kind: 'token'; token: TokenNode }
  | { kind: 'group'; group: GroupNode }
  /** The path goes on past a token (into its value, which aliases cannot name). */
  | { kind: 'inside'; token: TokenNode; rest: string[] }
  | { kind: 'missing'; parent: GroupNode; segment: string };

/** Finds a token or group by its path segments. */
export function lookupPath(root: GroupNode, path: readonly string[]): Lookup {
  let current: TreeNode = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] ?? '';
    if (current.kind === 'token') return { kind: 'inside', token: current, rest: path.slice(i) };
    const next: TreeNode | undefined = current.children.get(segment);
    if (!next) return { kind: 'missing', parent: current, segment };
    current = next;
  }
  return current.kind === 'token' ? { kind: 'token', token: current } : { kind: 'group', group: current };
}
