import type { PackDocumentRule } from '../../rules/packs/compile.js';
import { compilePack } from '../../rules/packs/compile.js';
import { loadRulePacks, parsePack } from '../../rules/packs/load.js';

/** The rules of a pack written inline (the tests' way to try one kind). */
export function packRules(yaml: string): PackDocumentRule[] {
  const parsed = parsePack(yaml, 'test-pack.yml');
  if (!parsed.pack) throw new Error(`invalid test pack: ${parsed.diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.message}`).join('; ')}`);
  return compilePack(parsed.pack);
}

/** One rule of an inline pack. */
export function packRule(yaml: string, id?: string): PackDocumentRule {
  const rules = packRules(yaml);
  const rule = id ? rules.find((r) => r.meta.id === id) : rules[0];
  if (!rule) throw new Error(`no rule ${id ?? ''} in the test pack`);
  return rule;
}

let shipped: Promise<Map<string, PackDocumentRule>> | undefined;

/** A rule of the shipped packs or the brand pack, by id. */
export async function shippedRule(id: string): Promise<PackDocumentRule> {
  shipped ??= (async () => {
    const loaded = await loadRulePacks();
    if (loaded.diagnostics.length > 0) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
    const rules = await Promise.all(Object.values(loaded.catalogue).map((load) => load()));
    return new Map(rules.map((rule) => [rule.meta.id, rule]));
  })();
  const rule = (await shipped).get(id);
  if (!rule) throw new Error(`no shipped rule ${id}`);
  return rule;
}
