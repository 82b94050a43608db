import type { DocumentRule } from '../src/core/rule.js';

/**
 * The rule catalogue: rule id -> lazy loader. Loading is deferred so that a run pays only for
 * the rules it enables (stylelint's `lib/rules/index.mjs` does the same). Each rule lives in
 * `rules/<rule-id>/index.ts` with its README beside it.
 */
/** Options differ per rule; the engine validates them with each rule's own schema before use. */
export type AnyDocumentRule = DocumentRule<unknown>;

export const RULE_LOADERS: Readonly<Record<string, () => Promise<AnyDocumentRule>>> = {};

export const RULE_IDS: readonly string[] = Object.keys(RULE_LOADERS);

export async function loadRule(id: string): Promise<AnyDocumentRule | undefined> {
  return RULE_LOADERS[id]?.();
}
