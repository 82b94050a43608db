import type { Token, TokenSet } from '../types.js';

/**
 * The token tree handed to style-dictionary: one DTCG token per resolved token, every one with
 * an explicit `$type` (group inheritance and `$extends` are already expanded by our resolver,
 * which style-dictionary 4 does not do), and references as `{alias}` strings so that
 * `outputReferences` can print `var(--...)`. `$ref` JSON Pointers have no style-dictionary
 * equivalent: a whole-token `$ref` becomes an alias, any other use is replaced by its value.
 */
export type SdTokenTree = { [key: string]: SdTokenTree | SdToken };
export interface SdToken {
  $type: string;
  $value: unknown;
  $description?: string;
  $deprecated?: boolean | string;
}

function containsJsonPointer(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsJsonPointer);
  if (typeof value === 'object' && value !== null) {
    return '$ref' in value || Object.values(value).some(containsJsonPointer);
  }
  return false;
}

function sdValue(token: Token): unknown {
  if (token.aliasOf) return `{${token.aliasOf}}`;
  return containsJsonPointer(token.rawValue) ? structuredClone(token.value) : structuredClone(token.rawValue);
}

/**
 * Token and group names are data: the tree's objects have no prototype, so a name like
 * `__proto__` or `constructor` is an own key and never reaches Object.prototype.
 */
export function toStyleDictionaryTokens(set: TokenSet): SdTokenTree {
  const tree = Object.create(null) as SdTokenTree;
  for (const token of set.tokens.values()) {
    let group = tree;
    for (const segment of token.path.slice(0, -1)) {
      group = (group[segment] ??= Object.create(null) as SdTokenTree) as SdTokenTree;
    }
    const leaf: SdToken = { $type: token.type, $value: sdValue(token) };
    if (token.description !== undefined) leaf.$description = token.description;
    if (token.deprecated !== undefined) leaf.$deprecated = token.deprecated;
    group[token.path[token.path.length - 1] ?? token.name] = leaf;
  }
  return tree;
}
